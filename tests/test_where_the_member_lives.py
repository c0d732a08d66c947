"""A member says where they live before asking ("j'habite Bouguenais, c'est quoi le conseil citoyen ?"): the town's
name says where they are, not a subject the knowledge does not cover, so it no longer keeps the hotline from
offering the entry its rankers agree on. A name asked about ("le maire de Rezé") still does."""

from __future__ import annotations

from bot.app import App
from tests.conftest import reply_in_chat


def test_the_town_a_member_lives_in_does_not_hide_the_entry_asked_for(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "j'habite Bouguenais c'est quoi le conseil citoyen exactement")

    assert "Qu'est-ce qu'un conseil citoyen ?" in shown
    assert "Je ne connais pas la réponse" not in shown


def test_a_name_asked_about_still_gets_no_made_up_choice(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "c'est qui le maire de Rezé")

    assert "Je ne connais pas la réponse" in shown
    assert "Vouliez-vous dire" not in shown
