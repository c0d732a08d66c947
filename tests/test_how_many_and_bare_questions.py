"""Readings seen in trials: "on est combien" asks how many, not how long; a second question made of a person, a verb
and a question word ("je dois prévenir qui ?") asks about the first; who may join and a say on the city contract
reach their own entries; a co-owner whose syndic never answers is told who deals with it; the emergency numbers."""

from __future__ import annotations

import pytest

from bot.answering.bare_question import names_nothing
from bot.answering.decision import Decision, Kind
from bot.answering.how_many import HowMany, how_many
from bot.app import App
from bot.core.replies import Sender
from tests.conftest import reply_in_chat


def decide(app: App, text: str, who: str = "leila") -> Decision:
    return app.faq.decide(Sender(channel="cli", user_id=who, chat_id=who), text)


@pytest.mark.parametrize(("text", "asked"), [
    ("on est combien en tout ?", HowMany.COUNT),
    ("cb de membres dans le conseil", HowMany.COUNT),
    ("ça coûte combien ?", HowMany.COUNT),
    ("le mandat dure combien de temps", HowMany.DURATION),
    ("on est élus pour combien d'années ?", HowMany.DURATION),
    ("je suis engagée jusqu'à quand ?", HowMany.DURATION),
    ("c'est quoi un conseil citoyen ?", None),
])
def test_combien_asks_a_number_unless_a_time_follows(text: str, asked: HowMany | None) -> None:
    assert how_many(text) == asked


def test_how_many_we_are_is_not_answered_with_how_long_a_mandate_lasts(shipped_app: App) -> None:
    # Both entries ask "combien"; ours ranks the members' count first and the other ranker must not turn it round.
    decision = decide(shipped_app, "on est combien en général dans un conseil citoyen ?")
    assert decision.candidates[0].entry.id == "cc-nombre-membres"


@pytest.mark.parametrize(("text", "bare"), [
    ("je dois prévenir qui ?", True),
    ("et on s'adresse à qui ?", True),
    ("il faut le dire à qui ?", True),
    ("je dois prévenir la mairie ?", False),
    ("je peux rester au conseil ?", False),
    ("ça coûte combien ?", False),
    ("il faut voter ?", False),
])
def test_a_person_a_verb_and_a_question_word_name_nothing(text: str, bare: bool) -> None:
    assert names_nothing(text) is bare


def test_whom_to_tell_after_asking_how_to_leave_is_one_question(shipped_app: App) -> None:
    # Alone, "prévenir" is the entry on telling one's absence from a meeting; here it is whom to tell when leaving.
    decision = decide(shipped_app, "Comment on quitte le conseil citoyen ? je dois prévenir qui ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-demissionner"


def test_a_bare_question_naming_even_less_after_another_is_the_same_question(shipped_app: App) -> None:
    # "faut le dire à qui ?" names less than "prévenir" (a common verb): read with the question before all the same.
    decision = decide(shipped_app, "Comment on quitte le conseil citoyen ? faut le dire à qui ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-demissionner"


def test_who_may_join_gets_the_conditions_before_the_way_in(shipped_app: App) -> None:
    decision = decide(shipped_app, "qui peut entrer dans notre conseil ?")
    assert decision.candidates[0].entry.id == "cc-qui-peut-entrer"


def test_a_say_on_the_city_contract_gets_the_councils_role_in_it(shipped_app: App) -> None:
    # Not the urban renewal project's consultation, which shares "donner son avis": the city contract's entries
    # come first (the council's role in it, and how residents take part in its evaluation, a near tie).
    decision = decide(shipped_app, "les habitants peuvent donner leur avis sur le contrat de ville ?")
    first_two = [c.entry.id for c in decision.candidates[:2]]
    assert "cdv-role-cc" in first_two
    assert set(first_two) <= {"cdv-role-cc", "cdv-evaluation-participer"}


def test_a_syndic_who_never_answers_is_the_co_owners_affair_with_who_can_help(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "notre syndic ne répond à aucun de nos mails, on fait comment ?")
    assert "situation personnelle" in shown and "conseil syndical" in shown and "ADIL" in shown


def test_the_firefighters_number_is_given_with_the_other_emergency_numbers(shipped_app: App) -> None:
    decision = decide(shipped_app, "quel est le numéro des pompiers ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "hotline-urgences"
    assert "18 : les pompiers" in decision.entry.answer and "112" in decision.entry.answer


def test_whom_to_tell_after_a_move_and_a_question_is_read_with_the_move(shipped_app: App) -> None:
    # The story before the first question (moving away) says what the second one is about: leaving, not an absence.
    decision = decide(shipped_app, "je vais déménager dans une autre ville, je peux rester au conseil ? "
                                   "je dois prévenir qui ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-demissionner"
