"""The terminal chat: the same hotline, buttons as numbered choices."""

from __future__ import annotations

import io

import pytest

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.core.replies import Reply, Sender


def test_a_question_in_the_terminal_shows_the_answer_and_numbered_buttons(app: App) -> None:
    chat = TerminalChat(app.hotline)
    shown = chat.render(chat.handle("c'est koi un conseil citoyen"))
    assert "Qu'est-ce qu'un conseil citoyen ?" in shown
    assert "<b>" not in shown
    assert "[1] 📖 En savoir plus" in shown


def test_typing_a_number_presses_the_button(app: App) -> None:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    shown = chat.render(chat.handle("1"))
    assert "article 7" in shown


def test_the_chat_loop_greets_answers_and_quits(app: App) -> None:
    out = io.StringIO()
    TerminalChat(app.hotline).run(io.StringIO("c'est koi un conseil citoyen\nquel temps fera-t-il demain\n/quitter\n"),
                                  out)
    text = out.getvalue()
    assert "bienvenue" in text
    # the answer (its short version first when it has one; « En savoir plus » is tested apart)
    assert "Qu'est-ce qu'un conseil citoyen ?" in text and "[1] 📖 En savoir plus" in text
    assert "Je ne connais pas la réponse" in text
    assert text.rstrip().endswith("Au revoir !")


def test_a_fault_on_one_line_is_said_plainly_and_the_chat_goes_on(app: App, caplog: pytest.LogCaptureFixture) -> None:
    chat = TerminalChat(app.hotline)

    def broken(sender: Sender, args: str) -> list[Reply]:
        raise RuntimeError("disque plein")

    chat.commands["panne"] = broken
    out = io.StringIO()
    chat.run(io.StringIO("/panne\nc'est koi un conseil citoyen\n/quitter\n"), out)
    text = out.getvalue()
    assert "souci technique" in text and "Qu'est-ce qu'un conseil citoyen ?" in text and "Au revoir" in text
    assert "disque plein" not in text and "disque plein" in caplog.text  # the detail is for the log
