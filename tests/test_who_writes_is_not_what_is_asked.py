"""Members open with who they are: a name with its title as on the phone, a trade. Who writes is not a story told,
nor what is asked."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.questions import split_questions
from bot.answering.segment import Role, split_message


@pytest.mark.parametrize("text", [
    "Bonjour, c'est Mme Rivière, j'habite la Bottière depuis 10 ans. Mon fils voudrait venir à une réunion, il peut ?",
    "Bonsoir, c'est Monsieur Lopez. Est-ce que les réunions du conseil sont ouvertes à tout le monde ?",
    "Bonjour, c'est Madame Camara, je suis au conseil depuis 2 ans. On peut avoir un local ?",
])
def test_a_name_said_with_its_title_is_who_writes_not_a_story(text: str) -> None:
    # Mme Rivière gives her name as a neighbour would on the phone: it tells nothing of what she asks.
    named = next(s for s in split_message(text) if s.text)
    assert named.role == Role.INTRO


def test_a_titled_name_inside_the_story_stays_the_story() -> None:
    # Here Mme Petit is the person the question is about, not the one who writes.
    segments = [s for s in split_message("c'est Mme Petit qui s'occupe du local, on peut la joindre ?") if s.text]
    assert segments[0].role == Role.CONTEXT



@pytest.mark.parametrize("text", [
    "Bonjour, je suis Nadia, animatrice à la maison de quartier du Breil depuis 2020. "
    "Que peut faire le délégué du préfet pour le conseil ?",
    "Bonjour à tous, je suis Farid, adulte-relais à Malakoff depuis 2019. "
    "Le délégué du préfet, il peut faire quoi pour le conseil ?",
])
def test_a_trade_named_by_who_asks_does_not_take_the_answer_from_the_question(answerer: Answerer,
                                                                              text: str) -> None:
    # Nadia runs activities; she asks about the prefect's delegate, not about running activities. Her trade lifts
    # its own entry beside the one asked, yet her question says nothing of herself: it is answered as asked alone.
    decision = answerer.decide(text)
    assert decision.entry is not None and decision.entry.id == "cdv-delegue-prefet"


@pytest.mark.parametrize("text", [
    "Il y a une voisine qui vient à toutes les réunions et qui coupe la parole à tout le monde, on peut lui demander "
    "de partir ?",
    "le monsieur du bailleur qui organise les réunions et qui fixe l'ordre du jour, il a le droit ?",
])
def test_a_second_who_describing_the_same_person_is_no_second_question(text: str) -> None:
    # "une voisine qui vient… et qui coupe la parole": the same neighbour twice described, one thing asked about her.
    assert len(split_questions(text)) == 1


def test_who_asked_after_a_question_still_opens_a_second_question() -> None:
    # "et qui peut le demander ?" asks who, after another question: two questions.
    assert len(split_questions("C'est quoi le fonds de participation et qui peut le demander ?")) == 2


@pytest.mark.parametrize("text", [
    "Bonjour, je suis Gisèle, j'habite à la Halvêque. Une amie m'a parlé du contrat de ville mais je ne vois pas "
    "bien à quoi ça sert",
    "On m'a invitée au comité de pilotage et je ne comprends pas ce que c'est",
])
def test_not_seeing_what_a_thing_is_for_asks_it(text: str) -> None:
    # Gisèle does not write a question mark: not seeing what the contract is for is what she asks.
    assert [s for s in split_message(text) if s.text][-1].role == Role.QUESTION



def test_the_place_a_council_is_named_by_does_not_hide_what_is_asked(answerer: Answerer) -> None:
    # Rose names her council by its district, as members do: whether a council has a budget is what she asks.
    decision = answerer.decide("le conseil citoyen des Sablières a droit à un budget ?")
    assert decision.entry is not None and decision.entry.id == "moyens-budget"


def test_a_member_naming_the_council_to_join_is_offered_how_to_join(answerer: Answerer) -> None:
    decision = answerer.decide("slt je voudrais m'inscrire au conseil citoyen des Sablières je fais comment")
    assert decision.kind == Kind.SUGGEST and "cc-comment-rejoindre" in [c.entry.id for c in decision.candidates]


def test_after_who_asks_and_a_plan_told_the_question_alone_picks_among_our_choices(answerer: Answerer) -> None:
    # Odette tells who she is, then the council's plan, then asks whether RésO Villes helps: nothing of her in it.
    decision = answerer.decide("Bonjour, Odette, 70 ans, Sablières. Le conseil voudrait faire une enquête auprès des "
                               "jeunes sur les loisirs. RésO Villes peut nous aider ? Et c'est payant ?")
    assert decision.entry is not None and decision.entry.id == "crpv-aide-projet"
