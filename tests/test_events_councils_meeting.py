"""A member asks when the councils next meet, without the word "interconseil" (a trial, 27 November 2026).

"La prochaine rencontre entre conseils citoyens" is the interconseil: the meeting of several councils. Asked
when, it gets the interconseil's card, not the whole agenda with the professionals' days. The member's own
council meeting ("la prochaine réunion du conseil citoyen") is not the interconseil.
"""

from __future__ import annotations

import pytest

from bot.answering.normalize import words
from bot.events.intent import agenda_intent


@pytest.mark.parametrize("question", [
    "quand est la prochaine rencontre entre conseils citoyens ?",
    "la réunion de tous les conseils citoyens c quand",
    "une rencontre des conseils c'est quand ?",
])
def test_several_councils_meeting_is_the_interconseil(question: str) -> None:
    intent = agenda_intent(words(question))
    assert intent is not None and intent.kind == "interconseil"


@pytest.mark.parametrize("question", [
    "c quand la prochaine réunion du conseil citoyen",
    "la prochaine réunion du conseil, c'est quand ?",
    "c'est quand l'atelier pour les conseils citoyens ?",
])
def test_one_councils_own_meeting_is_not_the_interconseil(question: str) -> None:
    intent = agenda_intent(words(question))
    assert intent is None or intent.kind != "interconseil"
