"""A short second question with no subject of its own ("et c'est payant ?", "il s'inscrit comment ?") is asked about
the subject of the first; two people named together, then "c'est qui ?", are asked about each; a second "c'est quoi ?"
with its own story, or how often an event comes back beside an agenda question, is never dropped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.answering.bare_question import names_no_thing
from bot.answering.comparison import compared
from bot.answering.decision import Decision, Kind
from bot.answering.same_subject import shared
from bot.app import App
from bot.clock import ManualClock
from bot.core.replies import Sender
from tests.conftest import reply_in_chat


def decide(app: App, text: str, who: str = "yasmina") -> Decision:
    return app.faq.decide(Sender(channel="cli", user_id=who, chat_id=who), text)


def first_choices(decision: Decision) -> list[str]:
    """The entry each question of the message is answered or offered with, in order."""
    assert decision.kind == Kind.MULTI
    return [p.candidates[0].entry.id for p in decision.parts]


@pytest.mark.parametrize(("text", "bare"), [
    ("et c'est gratuit ?", True),
    ("il s'inscrit comment ?", True),
    ("faut payer quelque chose pour y aller ?", True),
    ("du coup on paie ?", True),
    ("on la monte comment ?", True),  # "la" stands for what was named before
    ("on aura droit à des subventions ?", False),
    ("vous les envoyez à la mairie ?", False),
    ("ça coûte combien pour notre conseil ?", False),
])
def test_a_question_names_a_thing_by_its_determiner(text: str, bare: bool) -> None:
    assert names_no_thing(text) is bare


def test_the_events_price_shares_more_of_a_cafe_than_the_price_of_being_a_member(shipped_app: App) -> None:
    entries = {e.id: e for e in shipped_app.faq.answerer.kb.faq}
    cafe = entries["event-cafe-citoyen"]
    assert shared(entries["event-gratuit"], cafe) > shared(entries["cc-cout-membre"], cafe)
    assert shared(cafe, cafe) == 0


def test_whether_one_pays_to_go_to_a_cafe_citoyen_is_the_events_price(shipped_app: App) -> None:
    # Alone, "faut payer" ranks being a member first: nothing in it says what is paid for.
    decision = decide(shipped_app, "un café citoyen ça se passe comment ? et faut payer pour y aller ?")
    assert first_choices(decision) == ["event-cafe-citoyen", "event-gratuit"]


def test_how_a_teenager_signs_up_after_asking_if_he_may_join_is_joining_the_council(shipped_app: App) -> None:
    # Alone, "il s'inscrit comment ?" is signing up to an event with the bot.
    decision = decide(shipped_app, "mon neveu a 15 ans, il a le droit d'être au conseil ? et il s'inscrit comment ?")
    assert first_choices(decision) == ["cc-jeunes", "cc-comment-rejoindre"]


def test_whether_a_neighbour_must_pay_to_join_is_the_price_of_being_a_member(shipped_app: App) -> None:
    decision = decide(shipped_app, "une voisine voudrait entrer au conseil mais elle habite dans le quartier d'à côté, "
                                   "c'est possible ? et elle devra payer ?")
    assert first_choices(decision) == ["cc-qui-peut-entrer", "cc-cout-membre"]


def test_a_second_question_asking_the_first_again_stays_one_question(shipped_app: App) -> None:
    # "obligé" alone ranks being drawn by lot; read with the question before, it asks the same thing.
    decision = decide(shipped_app, "Est-ce qu'on doit se monter en association ? C'est obligé ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "fonct-forme-juridique"


@pytest.mark.parametrize(("text", "sides"), [
    ("l'adulte relais et le médiateur c'est qui ?", ("l adulte relais", "le mediateur")),
    ("le président et la trésorière, elles font quoi ?", ("le president", "la tresoriere")),
    ("le copil et le cotech c'est quoi chacun ?", ("le copil", "le cotech")),
    ("les droits et les devoirs des membres c'est quoi ?", None),  # one thing, said in two words
])
def test_two_things_named_then_asked_who_or_what_each_is(text: str, sides: tuple[str, str] | None) -> None:
    assert compared(text) == sides


def test_who_the_adult_relay_and_the_prefects_delegate_are_gets_both(shipped_app: App) -> None:
    # Before, one list of choices held both: the member had to pick one of the two people asked about.
    decision = decide(shipped_app, "l'adulte relais et le délégué du préfet c'est qui ?")
    assert decision.kind == Kind.MULTI
    assert [p.entry.id for p in decision.parts if p.entry is not None] == ["theme-adultes-relais",
                                                                           "cdv-delegue-prefet"]


@pytest.mark.parametrize(("text", "entries"), [
    ("Je vais devenir médiatrice adulte relais dans mon quartier. C'est quoi ce travail ? Et on m'a parlé d'une "
     "formation VRL, c'est quoi ?", ["theme-adultes-relais", "theme-vrl"]),
    ("On m'a parlé du copil, c'est quoi ? Et on me dit aussi qu'il y a un délégué du préfet, c'est quoi ?",
     ["cdv-copil-definition", "cdv-delegue-prefet"]),
])
def test_a_second_what_is_it_told_with_its_own_story_is_no_question_asked_again(
        shipped_app: App, text: str, entries: list[str]) -> None:
    # "c'est quoi ?" alone is in every definition's question; the story just before it names its subject.
    assert first_choices(decide(shipped_app, text)) == entries


def test_how_often_an_event_comes_back_is_answered_beside_the_agenda(shipped_app: App, clock: ManualClock) -> None:
    # The journées asked for this month go to the agenda; how often the interconseil meets is an entry's, not dropped.
    clock.set(datetime(2026, 11, 27, 9, 0, tzinfo=UTC))
    shown = reply_in_chat(shipped_app, "l'interconseil a lieu à quelle fréquence ? et y a des journées prévues ce "
                                       "mois-ci ?")
    assert "Agenda de RésO Villes" in shown
    assert "une fois par trimestre" in shown


def test_a_second_question_naming_its_own_thing_borrows_no_term_from_the_first(shipped_app: App) -> None:
    # Before, "FPH" was added to "il y a un budget pour le conseil ?" and the FPH's entry, taken, swallowed it.
    decision = decide(shipped_app, "c'est quoi le FPH ? et il y a un budget pour le conseil ?")
    assert first_choices(decision) == ["moyens-fph-definition", "moyens-budget"]


def test_webinars_this_year_after_the_interconseil_are_the_webinars(shipped_app: App) -> None:
    decision = shipped_app.faq.answerer.decide("l'interconseil c'est tous les combien ? et il y a des webinaires "
                                               "cette année ?")
    assert first_choices(decision) == ["event-interconseil-frequence", "event-webinaires-2026"]
