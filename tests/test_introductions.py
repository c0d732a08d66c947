"""Members say who they are before they ask: their nationality ("je suis marocaine") is what some of them ask about."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer


@pytest.mark.parametrize("text", [
    "Bonjour, moi c'est Mehdi, 35 ans. Je suis marocain, je peux quand même être conseiller citoyen ?",
    "jsui tunisienne jpeu etre ds le cc",
])
def test_a_member_naming_a_foreign_nationality_is_offered_the_nationality_entry_first(
        answerer: Answerer, text: str) -> None:
    decision = answerer.decide(text)
    assert decision.candidates and decision.candidates[0].entry.id == "cc-nationalite"


def test_a_member_who_introduces_herself_then_tells_why_she_asks_is_answered_on_what_she_asks(
        answerer: Answerer) -> None:
    # Who asks (name, age, district, college) and a word of story ("Question :", "dont on parle sans arrêt")
    # must not keep the one entry of the question from being answered.
    decision = answerer.decide("Bonjour, Hervé, 49 ans, j'habite Malakoff et je suis dans le collège des habitants. "
                               "Question : cette histoire de GUSP dont on parle sans arrêt, c'est quoi ?")
    assert decision.entry is not None and decision.entry.id == "theme-gusp"


@pytest.mark.parametrize("text", [
    "Bonjour, Pierre, 61 ans, ancien chauffeur de bus, conseiller depuis six mois. C'est quoi un comité de pilotage ?",
    "Bonjour, je suis Pierre, conseiller depuis six mois. C'est quoi un comité de pilotage ?",
    "Le chef de projet nous a envoyé une invitation pour jeudi. C'est quoi un comité de pilotage ?",
])
def test_what_a_term_is_after_who_asks_or_a_story_gets_the_entry_written_about_it(answerer: Answerer,
                                                                                    text: str) -> None:
    # Pierre asks what his first steering committee is: the same answer as without his introduction.
    decision = answerer.decide(text)
    assert decision.entry is not None and decision.entry.id == "cdv-copil-definition"


def test_a_town_named_in_an_introduction_does_not_turn_a_definition_into_where_to_read_it(answerer: Answerer) -> None:
    decision = answerer.decide("Bonjour, Fernand, 75 ans, ancien ouvrier des chantiers navals, habitant de Nantes Nord. "
                               "C'est quoi un contrat de ville ?")
    assert decision.entry is not None and decision.entry.id == "cdv-definition"


@pytest.mark.parametrize("text", ["Bonjour, Simone, 70 ans, ancienne institutrice. Le mandat dure combien de temps ?",
                                  "Salut, Malik, ex animateur de la maison de quartier. Le mandat dure combien de temps ?"])
def test_a_former_trade_says_who_asks(text: str) -> None:
    from bot.answering.segment import Role, split_message

    assert [s.role for s in split_message(text) if s.text][-1] == Role.QUESTION
    assert Role.CONTEXT not in {s.role for s in split_message(text) if s.text}


def test_who_may_join_is_answered_by_who_rather_than_how(answerer: Answerer) -> None:
    # Omar asks who may sit on the council: how to join comes close, but his question opens on "qui".
    decision = answerer.decide("Qui peut entrer dans le conseil citoyen ?")
    first = decision.entry or decision.candidates[0].entry
    assert first.id == "cc-qui-peut-entrer"


@pytest.mark.parametrize("text", ["Je suis perdue, je viens d'arriver au conseil et je ne sais pas ce que je dois faire.",
                                  "je débute au conseil citoyen, je dois faire quoi ?"])
def test_just_arrived_or_starting_out_is_being_a_new_member(answerer: Answerer, text: str) -> None:
    # Chantal says she has just arrived rather than that she is new: the new member's entry comes first.
    decision = answerer.decide(text)
    first = decision.entry or decision.candidates[0].entry
    assert first.id == "cc-nouveau-membre"
