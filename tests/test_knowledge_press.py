"""The press at a council's meetings (a gap a members' trial found): whether a journalist may attend is the council's
own rule, in its charter; a member may answer a journalist in their own name, in the council's only when it decided
so. No text on the councils speaks of the press, and the answer says so: the rule follows from the council's
independence, which the law of 2014 keeps."""

from __future__ import annotations

import pytest

from bot.app import App
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE, first_line, reply_in_chat

PRESS = "La presse peut-elle assister à nos réunions, et peut-on répondre à un journaliste ?"


@pytest.mark.parametrize("message", [
    "un journaliste veut venir à notre réunion, on a le droit ?",
    "on peut parler à la presse quand on est au conseil ?",
])
def test_a_council_asked_by_the_press_learns_that_its_charter_decides(shipped_app: App, message: str) -> None:
    shown = reply_in_chat(shipped_app, message)
    assert first_line(shown) == PRESS, shown
    assert "charte" in shown


def test_someone_coming_to_a_meeting_is_not_the_press(shipped_app: App) -> None:
    assert PRESS not in reply_in_chat(shipped_app, "mon mari peut venir aux réunions du conseil avec moi ?")


def test_the_press_entry_names_its_texts_and_says_none_speaks_of_the_press() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-presse")
    assert entry is not None
    assert "Loi du 29 juillet 1881" in entry.source and "Cadre de référence" in entry.source
    assert "Loi n° 2014-173 du 21 février 2014, article 7" in entry.source
    assert "aucun texte sur les conseils citoyens ne parle de la presse" in entry.answer
    assert not entry.needs_review
