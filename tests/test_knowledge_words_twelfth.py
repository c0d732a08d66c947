"""Words and terms of members (issue 11, twelfth round): which events of the programme are free for residents,
and training for new members, which is not the catalogue for professionals and elected officials. Each question
is ours, written as a member would; each is answered from the shipped knowledge."""

from __future__ import annotations

from bot.app import App
from tests.conftest import first_line, reply_in_chat


def test_a_resident_asking_whether_events_are_free_learns_which_ones(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "faut payer pour venir aux webinaires ou c'est gratuit pour nous ?")
    assert first_line(shown) == "Dois-je payer pour participer à un événement de RésO Villes ?", shown
    assert all(kind in shown for kind in ("webinaires", "journées d'échanges", "interconseils")), shown


def test_a_new_member_asking_for_training_gets_the_members_training_not_the_catalogue_for_officials(
        shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "formation des nouveaux conseillers")
    assert first_line(shown) == "Existe-t-il des formations pour les membres des conseils citoyens ?", shown


def test_an_official_asking_for_training_after_the_elections_gets_the_catalogue(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "le centre forme les nouveaux élus municipaux ?")
    assert first_line(shown) == "Quelles formations RésO Villes propose-t-il en 2026 aux professionnels et aux élus ?", shown
