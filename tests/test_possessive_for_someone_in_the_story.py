"""A question that names its subject with a possessive ("c'est quoi son rôle ?") or opens with "il" / "elle" asks about
someone the story just before named: "on a une réunion avec le préfet la semaine prochaine" tells of a meeting, but
"son rôle" is the prefect's."""

from __future__ import annotations

import pytest

from bot.answering.decision import Decision, Kind
from bot.answering.questions import stands_for_the_story, things_told
from bot.app import App
from bot.core.replies import Sender


def decide(app: App, text: str, who: str = "kevin") -> Decision:
    return app.faq.decide(Sender(channel="cli", user_id=who, chat_id=who), text)


@pytest.mark.parametrize(("question", "stands_for"), [
    ("c'est quoi son rôle ?", True),
    ("elle sert à quoi ?", True),
    ("on peut voir leurs comptes ?", True),
    ("il faut s'inscrire ?", False),  # "il faut" names no one
    ("c'est quoi le rôle du préfet ?", False),
    ("c'est quoi ce truc au juste ?", True),  # a word that names no kind of thing
    ("cette chose là on en a besoin ?", True),
    ("c'est quoi ce contrat ?", False),  # names its kind: bot/answering/demonstrative.py
])
def test_a_possessive_or_a_subject_pronoun_stands_for_the_story(question: str, stands_for: bool) -> None:
    assert stands_for_the_story(question) is stands_for


def test_the_things_a_story_names_come_in_order() -> None:
    assert things_told("on a une réunion avec le préfet la semaine prochaine") == ["reunion", "prefet", "semaine prochaine"]


def test_the_role_asked_after_a_meeting_with_the_prefect_is_the_prefects(shipped_app: App) -> None:
    # "une réunion" alone answered, with confidence, how to prepare the copil.
    decision = decide(shipped_app, "on a une reunion avec le prefet la semaine prochaine. c'est quoi son rôle ?")
    assert decision.kind == Kind.GLOSSARY and decision.term is not None
    assert decision.term.term == "préfet"


def test_unpunctuated_the_prefects_role_is_among_the_choices(shipped_app: App) -> None:
    decision = decide(shipped_app, "slt c moi kevin jsui dans le conseil depuis 2 mois on a une reunion avec le prefet "
                                   "la semaine pro c koi son role en fait", "kevin2")
    # Read with "une réunion", the choices were all about meetings and the copil.
    assert "cdv-delegue-prefet" in [c.entry.id for c in decision.candidates]


@pytest.mark.parametrize("text", [
    "je suis invitée à un copil mardi prochain, c'est quoi ce truc au juste ?",
    "ma voisine m'a parlé d'un copil jeudi, c'est quoi ce truc",
])
def test_what_this_thing_is_after_an_invitation_to_a_copil_is_what_a_copil_is(shipped_app: App, text: str) -> None:
    # "mardi prochain" once drew, with confidence, how to prepare one: the day says when, not what.
    decision = decide(shipped_app, text)
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "cdv-copil-definition"
