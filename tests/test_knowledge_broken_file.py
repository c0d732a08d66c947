"""A broken knowledge file never stops the bot: it serves the last good knowledge, or what can still be read,
while `hotline knowledge check` keeps naming the error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.app import build_app
from bot.clock import ManualClock
from bot.config import Settings
from bot.knowledge.loader import KnowledgeError, load_knowledge

pytestmark = pytest.mark.usefixtures("own_cache")


@pytest.fixture
def knowledge(knowledge_copy: Path) -> Path:
    return knowledge_copy


SOUND_FILE = """- id: autre-salle
  question: Où trouver une salle pour se réunir ?
  alternates: [une salle pour la reunion]
  answer: Demandez à la mairie de quartier ou au centre social.
  short: Demandez à la mairie de quartier.
  source: Cadre de référence des conseils citoyens (2014)
  reviewed: 2026-11-26
"""


def break_a_file(root: Path) -> None:
    path = sorted((root / "faq").glob("*.yaml"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n  bad: [unclosed\n", encoding="utf-8")


def test_after_a_bad_edit_the_bot_starts_on_the_last_good_knowledge(
        make_settings: Callable[..., Settings], clock: ManualClock, knowledge: Path) -> None:
    good = build_app(make_settings(knowledge=knowledge), clock=clock)
    question = good.knowledge.faq[0].question
    break_a_file(knowledge)
    with pytest.raises(KnowledgeError):
        load_knowledge(knowledge)  # the check stays strict
    restarted = build_app(make_settings(knowledge=knowledge), clock=clock)
    assert len(restarted.knowledge.faq) == len(good.knowledge.faq)
    assert restarted.answerer.decide(question).entry == good.answerer.decide(question).entry


def test_with_no_good_version_kept_it_serves_what_can_still_be_read(
        make_settings: Callable[..., Settings], clock: ManualClock, knowledge: Path) -> None:
    (knowledge / "faq" / "zz-autre.yaml").write_text(SOUND_FILE, encoding="utf-8")
    break_a_file(knowledge)
    app = build_app(make_settings(knowledge=knowledge), clock=clock)
    assert [entry.id for entry in app.knowledge.faq] == ["autre-salle"]


def test_with_nothing_readable_at_all_start_up_still_says_what_is_wrong(
        make_settings: Callable[..., Settings], clock: ManualClock, knowledge: Path) -> None:
    for path in (knowledge / "faq").glob("*.yaml"):
        path.write_text("- id: [broken\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        build_app(make_settings(knowledge=knowledge), clock=clock)
