"""A member asks a question and, in the same message, to speak to a person: the question is answered when the base
is sure of it (or the agenda shows the dates asked), and the person is offered under the answer, with the button
that sends the whole message to the team. Nothing asked beside the wish, or nothing answered surely: the offer of a
person alone, as before."""

from __future__ import annotations

import re

from sqlmodel import select

from bot.answering.acts import Act
from bot.answering.decision import Kind
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.storage.models import Ticket
from tests.conftest import TelegramHarness

AWA = 1001
TEAM_BUTTON = "✉️ Poser la question à l'équipe"


def team_choice(shown: str) -> str:
    """The number the terminal chat gives the team's button."""
    found = re.search(r"\[(\d+)\] " + TEAM_BUTTON, shown)
    assert found is not None, shown
    return found.group(1)


def test_a_question_asked_with_the_wish_to_reach_a_person_is_answered_then_the_person_offered(
        shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("Bonjour, c'est quoi le FPH ? Je peux parler à quelqu'un ?"))
    answer, offer = shown.split("Vous voulez aussi parler à une personne de l'équipe ?")
    assert "fonds de participation des habitants" in answer and "Source :" in answer
    assert TEAM_BUTTON in offer and "02 40 58 02 03" in offer
    sent = chat.render(chat.handle(team_choice(shown)))
    assert "n° 1" in sent  # the whole message went to the team


def test_a_story_its_question_and_the_wish_get_the_answer_and_a_person(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(
        TerminalChat(shipped_app.hotline).sender,
        "On a reçu le dossier du copil la veille au soir. Ils ont le droit ? Je peux parler à quelqu'un ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "cdv-copil-delai-documents" and Act.HUMAN in decision.acts


def test_the_answer_offers_no_second_way_to_the_person_already_offered_under_it(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("c'est quoi un QPV svp, sinon je peux parler a une personne ?"))
    assert "quartier prioritaire" in shown and shown.count(TEAM_BUTTON) == 1
    assert "Comment parler à une vraie personne" not in shown


def test_the_dates_asked_with_the_wish_are_shown_then_the_person_offered(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("c'est quand le prochain interconseil ? je peux parler à quelqu'un ?"))
    agenda, offer = shown.split("Vous voulez aussi parler à une personne de l'équipe ?")
    assert "Inter-conseil" in agenda and "Programme d'actions 2026 de RésO Villes" in agenda
    assert TEAM_BUTTON in offer


def test_asking_only_for_a_person_still_gets_the_offer_alone(shipped_app: App) -> None:
    shown = TerminalChat(shipped_app.hotline).render(TerminalChat(shipped_app.hotline).handle(
        "Je veux parler à quelqu'un"))
    assert "une personne de l'équipe" in shown and TEAM_BUTTON in shown and "Source" not in shown


def test_a_wish_cut_in_two_clauses_is_still_only_a_wish(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(TerminalChat(shipped_app.hotline).sender,
                                      "Parler. A quelqu'un ? c'est quoi le FPH ?")  # once read round and round
    assert decision.kind == Kind.ACT and decision.act == Act.HUMAN


def test_a_story_told_before_the_wish_is_no_question_of_its_own(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(
        "Je comprends rien à ce qui se passe au conseil. Je peux parler à quelqu'un svp ?"))
    assert "une personne de l'équipe" in shown and "Source" not in shown


def test_a_personal_matter_asked_with_the_wish_gets_the_person_not_an_answer(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(TerminalChat(shipped_app.hotline).sender,
                                      "mon bailleur veut pas réparer la fuite, il a le droit ? je peux avoir quelqu'un "
                                      "au tel ?")
    assert decision.kind == Kind.ACT and decision.act == Act.HUMAN


async def test_on_telegram_the_answer_comes_then_the_offer_whose_button_sends_the_question(
        shipped: TelegramHarness) -> None:
    text = "Bonjour, c'est quoi le FPH ? Je peux parler à quelqu'un ?"
    await shipped.members.says(AWA, text)
    answer, offer = shipped.api.take()
    assert "fonds de participation des habitants" in answer.text and "Source" in answer.text
    assert "Vous voulez aussi parler à une personne" in offer.text and TEAM_BUTTON in offer.button_labels
    await shipped.members.presses(AWA, offer.button_data("Poser la question"))
    assert any("n° 1" in c.text for c in shipped.api.take() if c.params.get("chat_id") == AWA)
    with shipped.app.db.session() as session:
        [ticket] = session.exec(select(Ticket)).all()
    assert ticket.question == text  # the team reads the whole message, the wish and the question
