"""A member asks what an adulte-relais can do for the council. The hotline answers with what an adulte-relais is,
yet BM25 reads the question as "how can an adulte-relais help our council", a near tie: the reply offers that
entry right under the answer ("Ce n'est pas votre question ?"), and pressing it answers it instead. A question
every ranker reads alike gets its answer alone. What the evaluation counts as shown is what the reply carries."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable

import pytest
from sqlmodel import select

from bench.realistic import outcome_of
from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.cli import main
from bot.config import Settings
from bot.core.replies import Sender
from bot.storage.models import QuestionLog
from tests.conftest import SHIPPED_KNOWLEDGE, TelegramHarness, first_line, telegram_for

ASKED = "qu'est-ce qu'un adulte-relais peut faire pour notre conseil ?"
CLEAR = "comment on organise une première réunion quand on débute ?"
SECOND = "Un adulte-relais ou un médiateur peut-il aider notre conseil citoyen à mobiliser les habitants ?"
MEMBER = Sender(channel="cli", user_id="42", chat_id="42")


def test_an_answer_with_a_close_second_entry_carries_it(answerer: Answerer) -> None:
    decision = answerer.decide(ASKED)

    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "theme-adultes-relais"
    assert decision.runner_up is not None and decision.runner_up.entry.id == "theme-adultes-relais-conseil"


def test_an_answer_every_ranker_agrees_on_comes_alone(answerer: Answerer) -> None:
    decision = answerer.decide(CLEAR)

    assert decision.kind == Kind.ANSWER and decision.runner_up is None


def test_in_the_terminal_the_second_entry_is_a_numbered_choice_under_the_answer(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(ASKED))

    assert first_line(shown) == "Qu'est-ce qu'un adulte-relais ?"
    [choice] = [line for line in shown.splitlines() if "Ce n'est pas votre question ? → Un adulte-relais" in line]
    # Also one of the entry's related questions: shown once, as the second entry.
    assert sum("Un adulte-relais ou un médiateur" in line for line in shown.splitlines()) == 1

    answer = chat.render(chat.handle(choice.split("]")[0].split("[")[1]))

    assert first_line(answer) == SECOND


def test_choosing_the_second_entry_logs_it_beside_the_answer_the_hotline_gave(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(ASKED))
    [choice] = [line for line in shown.splitlines() if "Ce n'est pas votre question ?" in line]
    chat.handle(choice.split("]")[0].split("[")[1])

    with shipped_app.db.session() as session:
        [row] = session.exec(select(QuestionLog).where(QuestionLog.text == ASKED)).all()
    assert (row.decision, row.entry_id, row.chosen_id) == ("answer", "theme-adultes-relais", "theme-adultes-relais-conseil")


def test_the_evaluation_counts_the_second_entry_because_the_reply_carries_it(shipped_app: App) -> None:
    for text in (ASKED, CLEAR):
        decision = shipped_app.faq.decide(MEMBER, text)
        replies = shipped_app.faq.render(MEMBER, decision, log_id=1)
        pressed = {button.data.split(":")[1] for reply in replies for row in reply.buttons for button in row
                   if button.data.startswith("faq:")}
        offered = {button.data.split(":")[1] for reply in replies for row in reply.buttons for button in row
                   if button.data.startswith("faq:") and "Ce n'est pas votre question" in button.label}
        shown = set(outcome_of(decision).shown)
        assert shown <= pressed
        assert shown == offered


@pytest.fixture
async def shipped_telegram(shipped_app: App) -> AsyncIterator[TelegramHarness]:
    async with telegram_for(shipped_app) as harness:
        yield harness


async def test_on_telegram_the_second_entry_is_a_button_that_answers_it(shipped_telegram: TelegramHarness) -> None:
    await shipped_telegram.members.says(1001, ASKED)
    [answer] = shipped_telegram.api.take()
    assert "<b>Qu'est-ce qu'un adulte-relais ?</b>" in answer.text
    assert "Ce n'est pas votre question ? → Un adulte-relais ou un médiateur…" in answer.button_labels
    assert not any(label.startswith("➡️ Un adulte-relais") for label in answer.button_labels)  # not twice

    await shipped_telegram.members.presses(1001, answer.button_data("Ce n'est pas votre question ?"))
    [shown] = shipped_telegram.api.take()

    assert f"<b>{SECOND}</b>" in shown.text


def test_the_teams_ask_command_names_the_second_entry(make_settings: Callable[..., Settings],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    config = make_settings(knowledge=SHIPPED_KNOWLEDGE).config_path
    assert main(["--config", str(config), "ask", "--json", ASKED]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["decision"], result["entry_id"]) == ("answer", "theme-adultes-relais")
    assert result["runner_up"] == "theme-adultes-relais-conseil"
