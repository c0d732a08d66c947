"""A member asks what a word means, in their own words and with a story around it ("la dame de la mairie a
parlé d'un diagnostic en marchant samedi, c'est quoi ?"): the hotline gives the glossary's definition.
The story in the terminal chat and through PTB."""

from __future__ import annotations

import pytest

from bot.app import App
from bot.channels.terminal import TerminalChat
from tests.conftest import TelegramHarness

AWA = 1001
WALK = "Bonjour, la dame de la mairie a parlé d'un diagnostic en marchant samedi, c'est quoi exactement ?"


def test_in_the_terminal_a_word_heard_at_a_meeting_gets_its_definition(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(WALK))
    assert "diagnostic en marchant" in shown and "Balade dans le quartier" in shown


def test_in_the_terminal_a_word_from_the_minutes_is_defined(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("j'ai pas compris le mot cotech dans le compte rendu"))
    assert "cotech" in shown and "techniciens" in shown


def test_in_the_terminal_what_is_meant_by_a_word_gets_its_definition(shipped_app: App) -> None:
    # « Qu'entend-on par… » asks what the word means, even with another term after « dans ».
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("Qu'entend-on par « droit commun » dans la politique de la ville ?"))
    assert "droit commun" in shown and "budgets habituels" in shown


@pytest.mark.parametrize("text", ["TFPB je comprends pas ce sigle",
                                  "TFPB je comprends pas ce sigle, le bailleur en parle tout le temps dans les réunions"])
def test_in_the_terminal_a_term_named_then_pointed_at_as_a_word_gets_its_definition(shipped_app: App, text: str) -> None:
    # The term first, then « ce sigle »: the word is asked, not how the hotline explains acronyms in general, nor
    # the other term the story names after it.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(text))
    assert "TFPB" in shown and "Comment connaître la signification" not in shown and "HLM" not in shown


async def test_on_telegram_a_term_asked_with_a_guess_gets_its_definition(shipped: TelegramHarness) -> None:
    await shipped.members.says(AWA, "bailleur social ça veut dire quoi, c'est le proprio ?")
    [reply] = shipped.api.take()
    assert "bailleur social" in reply.text and "logements sociaux" in reply.text
