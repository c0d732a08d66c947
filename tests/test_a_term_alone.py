"""A member who sends a term and nothing else ("contrat de ville ?") asks what it is: the entry asking what the term is
answers, not an entry whose short phrasings merely name it (where to read the contract)."""

from __future__ import annotations

import pytest

from bot.app import App
from tests.conftest import first_line, reply_in_chat


@pytest.mark.parametrize("text", ["contrat de ville ?", "Contrat de ville ??", "le contrat de ville"])
def test_a_term_sent_alone_gets_what_it_is(shipped_app: App, text: str) -> None:
    shown = reply_in_chat(shipped_app, text)
    assert first_line(shown) == "Qu'est-ce qu'un contrat de ville ?", shown


def test_a_term_with_what_is_asked_of_it_is_unchanged(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "où je peux lire le contrat de ville ?")
    assert first_line(shown) == "Où trouver et lire le contrat de ville de Nantes Métropole ?", shown
