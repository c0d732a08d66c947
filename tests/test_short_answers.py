"""Short answers first: an entry with a `short` version shows it, and "📖 En savoir plus" the whole answer
with its source; an entry without one is shown whole, as before. Through the core, the terminal chat and
PTB's real Application."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.app import App, build_app
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from bot.config import Settings
from tests.conftest import FIXTURE_KNOWLEDGE, TelegramHarness, telegram_for
from tests.support.events import button, labels, member

AWA = member(1001)
SHORT = "C'est un groupe d'habitants du quartier. Il donne son avis sur les projets de la ville."


@pytest.fixture
def knowledge_with_a_short_answer(tmp_path: Path) -> Path:
    """The fixture knowledge, where « Qu'est-ce qu'un conseil citoyen ? » has a short version."""
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    faq = root / "faq" / "base.yaml"
    first, sep, rest = faq.read_text(encoding="utf-8").partition("\n\n")  # the entry cc-definition, then the others
    first = "\n".join(line for line in first.splitlines() if not line.startswith("  short:"))
    first = first.replace("  answer: |", f"  short: {SHORT}\n  answer: |", 1)
    faq.write_text(first + sep + rest, encoding="utf-8")
    return root


@pytest.fixture
def short_app(make_settings: Callable[..., Settings], clock: ManualClock, knowledge_with_a_short_answer: Path) -> App:
    return build_app(make_settings(knowledge=knowledge_with_a_short_answer), clock=clock)


def test_the_short_answer_comes_first_with_its_source(short_app: App) -> None:
    [answer] = short_app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    assert SHORT in answer.text and "Source : Loi n° 2014-173" in answer.text
    assert "Un conseil citoyen réunit" not in answer.text
    assert labels([answer])[0] == "📖 En savoir plus"
    assert any("Comment rejoindre" in label for label in labels([answer]))
    assert {"👍 Utile", "👎 Pas utile"} <= set(labels([answer]))


def test_en_savoir_plus_shows_the_whole_answer_its_details_and_source(short_app: App) -> None:
    [answer] = short_app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    [whole] = short_app.hotline.on_button(AWA, button([answer], "En savoir plus"))
    assert "Un conseil citoyen réunit des habitants" in whole.text
    assert "article 7 de la loi du 21 février 2014" in whole.text  # the details come with it: no third level
    assert "Source : Loi n° 2014-173" in whole.text
    assert "📖 En savoir plus" not in labels([whole])
    [thanks] = short_app.hotline.on_button(AWA, button([whole], "👍"))
    assert "Merci" in thanks.text


def test_someone_else_pressing_en_savoir_plus_gets_the_answer_without_the_feedback(short_app: App) -> None:
    [answer] = short_app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    [whole] = short_app.hotline.on_button(member(2002, "Bintou"), button([answer], "En savoir plus"))
    assert "Un conseil citoyen réunit" in whole.text and "👍 Utile" not in labels([whole])


@pytest.mark.parametrize("data", ["full:", "full:nope", "full:cc-definition:1:2"])
def test_a_broken_en_savoir_plus_button_says_so(short_app: App, data: str) -> None:
    [reply] = short_app.hotline.on_button(AWA, data)
    assert "plus valable" in reply.text


def test_an_entry_without_a_short_answer_is_shown_whole_as_before(app: App) -> None:
    """Answers learned from the staff's replies may have no short version."""
    entry = app.faq.answerer.kb.entry("cc-definition")
    assert entry is not None
    whole = app.faq.entry_reply(dataclasses.replace(entry, short=None), None)
    assert "Un conseil citoyen réunit des habitants" in whole.text and "Source : Loi n° 2014-173" in whole.text
    [details] = app.hotline.on_button(AWA, button([whole], "En savoir plus"))
    assert "article 7" in details.text


def test_in_the_terminal_the_short_answer_then_the_whole_one(short_app: App) -> None:
    chat = TerminalChat(short_app.hotline)
    shown = chat.render(chat.handle("c'est koi un conseil citoyen"))
    assert SHORT in shown and "Un conseil citoyen réunit" not in shown and "[1] 📖 En savoir plus" in shown
    whole = chat.render(chat.handle("1"))
    assert "Un conseil citoyen réunit des habitants" in whole and "Source : Loi n° 2014-173" in whole


@pytest.fixture
async def short_telegram(short_app: App) -> AsyncIterator[TelegramHarness]:
    async with telegram_for(short_app) as harness:
        yield harness


async def test_through_telegram_the_short_answer_then_en_savoir_plus(short_telegram: TelegramHarness) -> None:
    api, members = short_telegram.api, short_telegram.members
    await members.says(1001, "c'est koi un conseil citoyen")
    [answer] = api.take()
    assert answer.params["parse_mode"] == "HTML" and SHORT in answer.text
    assert "Un conseil citoyen réunit" not in answer.text
    await members.presses(1001, answer.button_data("En savoir plus"))
    [whole] = api.take()
    assert "<b>Qu'est-ce qu'un conseil citoyen ?</b>" in whole.text
    assert "Un conseil citoyen réunit des habitants" in whole.text and "Source : Loi n° 2014-173" in whole.text
