"""A member asks what a word means, in their own words and with a story around it ("la dame de la mairie a
parlé d'un diagnostic en marchant samedi, c'est quoi ?"): the hotline gives the glossary's definition, not an
FAQ entry that merely uses the word. The story in the terminal chat and through PTB."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.app import App, build_app
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from bot.config import Settings
from tests.conftest import SHIPPED_KNOWLEDGE, TelegramHarness

AWA = 1001
WALK = "Bonjour, la dame de la mairie a parlé d'un diagnostic en marchant samedi, c'est quoi exactement ?"


@pytest.fixture
def shipped_app(make_settings: Callable[..., Settings], clock: ManualClock) -> App:
    return build_app(make_settings(knowledge=SHIPPED_KNOWLEDGE), clock=clock)


def test_in_the_terminal_a_word_heard_at_a_meeting_gets_its_definition(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(WALK))
    assert "diagnostic en marchant" in shown and "Balade dans le quartier" in shown


def test_in_the_terminal_the_word_itself_is_defined_not_an_entry_that_uses_it(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("je comprends pas le mot co-construction dans le compte rendu"))
    assert "co-construction" in shown and "Quel est le rôle du conseil citoyen dans le contrat de ville" not in shown


async def test_on_telegram_a_term_asked_with_a_guess_gets_its_definition(shipped: TelegramHarness) -> None:
    await shipped.members.says(AWA, "bailleur social ça veut dire quoi, c'est le proprio ?")
    [reply] = shipped.api.take()
    assert "bailleur social" in reply.text and "logements sociaux" in reply.text
