"""What a member says about herself, her plans or her age is the story around a question, not what she asks:
feeling useless is not anger at the hotline, a holiday next week is no question about the centre's agenda.

The messages were written for these tests, in the members' own ways; none comes from an evaluation set."""

from __future__ import annotations

from bot.app import App
from tests.conftest import reply_in_chat


def test_feeling_useless_oneself_is_no_complaint_about_the_hotline(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je me sens nulle en réunion, je sais jamais quoi dire")
    assert "désolé" not in shown and "pas su vous aider" not in shown
