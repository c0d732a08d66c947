"""Forms never trap a member: while a form waits for a button, a choice typed instead of pressed ("quartier nord")
is that button, and anything else is answered as usual and the form offered again ("Continuer l'inscription" /
"Abandonner"); a form left alone expires, and what was already confirmed stays."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.app import App, build_app
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import texts as core_texts
from bot.core.choice import words, yes_or_no
from bot.core.replies import Reply
from bot.storage.models import Profile, Registration, Ticket, TicketStatus
from tests.conftest import STAFF_USER, TelegramHarness
from tests.support.events import button, event_id, labels, member, text

AWA = member(1001, "Awa")
STAFF = member(STAFF_USER, "Léa")
QUESTION = "c'est quoi un conseil citoyen ?"


def choose(chat: TerminalChat, replies: list[Reply], label_part: str) -> list[Reply]:
    """Type the number shown beside a button, as a member does in the terminal chat."""
    chat.render(replies)
    number = next(n for n, b in enumerate(chat.choices, 1) if label_part in b.label)
    return chat.handle(str(number))


def offers_form(replies: list[Reply]) -> bool:
    return core_texts.FORM_ABANDON_BUTTON in labels(replies)


def start_registration(app: App) -> list[Reply]:
    app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    return app.hotline.on_text(AWA, "Awa D.")  # the name: the form now waits for the council button


def test_in_the_terminal_a_question_asked_mid_form_is_answered_and_the_form_goes_on(app: App) -> None:
    chat = TerminalChat(app.hotline, user_id="1001", name="Awa")
    card = chat.handle("/start ev_webinaire-janvier")
    ask_name = choose(chat, card, "S'inscrire")
    assert "nom ou pseudonyme" in text(ask_name)
    councils = chat.handle("Awa D.")
    assert "Conseil citoyen Quartier Nord" in labels(councils)

    answered = chat.handle(QUESTION)
    assert "Qu'est-ce qu'un conseil citoyen" in text(answered)  # the question is answered as usual
    assert labels(answered[-1:]) == ["▶️ Continuer l'inscription", "✖️ Abandonner"]

    again = choose(chat, answered, "Continuer l'inscription")
    assert "Conseil citoyen Quartier Nord" in labels(again)  # the same step, asked again
    roles = choose(chat, again, "Quartier Nord")
    consent = choose(chat, roles, "Membre d")
    done = choose(chat, consent, "J'accepte")
    assert "Votre inscription à « Webinaire de janvier »" in text(done)


def test_a_question_typed_where_the_name_is_asked_is_answered_and_never_kept_as_her_name(app: App) -> None:
    """Asked for a name, Awa first wonders "c'est gratuit ?": that is answered, and is not the name the team sees."""
    chat = TerminalChat(app.hotline, user_id="1001", name="Awa")
    ask_name = choose(chat, chat.handle("/start ev_webinaire-janvier"), "S'inscrire")
    assert "nom ou pseudonyme" in text(ask_name)

    answered = chat.handle("c'est gratuit ?")
    assert "nom ou pseudonyme de 2 à 40" not in text(answered) and offers_form(answered)
    assert "De quel conseil" not in text(answered)

    again = choose(chat, answered, "Continuer l'inscription")
    assert "nom ou pseudonyme" in text(again)
    councils = chat.handle("Awa D.")
    done = choose(chat, choose(chat, choose(chat, councils, "Quartier Nord"), "Membre d"), "J'accepte")
    assert "Votre inscription à « Webinaire de janvier »" in text(done)
    with app.db.session() as session:
        assert session.exec(select(Profile)).one().pseudonym == "Awa D."


def test_a_waiting_form_is_offered_twice_then_waits_quietly_without_losing_anything(app: App) -> None:
    """Awa leaves her registration at the council step and asks four questions in a row: the form is offered
    under the first two answers only, then waits without repeating itself, and she can still finish it."""
    chat = TerminalChat(app.hotline, user_id="1001", name="Awa")
    choose(chat, chat.handle("/start ev_webinaire-janvier"), "S'inscrire")
    chat.handle("Awa D.")
    questions = ["c'est quoi un conseil citoyen ?", "qui paie les frais de transport ?",
                 "le webinaire dure combien de temps ?", "on peut venir avec un voisin ?"]
    answers = [chat.handle(question) for question in questions]
    assert [offers_form(answer) for answer in answers] == [True, True, False, False]
    assert "Qu'est-ce qu'un conseil citoyen" in text(answers[0])

    short = chat.handle("Quartier")  # a reply that may be meant for the form (two councils say it): offered again
    assert offers_form(short)
    again = choose(chat, short, "Continuer l'inscription")
    roles = choose(chat, again, "Quartier Nord")
    consent = choose(chat, roles, "Membre d")
    assert offers_form(chat.handle("c'est gratuit ?"))  # a step taken: the reminders start afresh
    done = choose(chat, consent, "J'accepte")  # the consent buttons shown before still work
    assert "Votre inscription à « Webinaire de janvier »" in text(done)


def test_in_the_terminal_the_choices_typed_instead_of_pressed_register_her(app: App) -> None:
    """Awa writes her council, her role and her consent in her own spelling rather than pressing the buttons."""
    chat = TerminalChat(app.hotline, user_id="1001", name="Awa")
    choose(chat, chat.handle("/start ev_webinaire-janvier"), "S'inscrire")
    chat.render(chat.handle("Awa D."))  # the councils, shown as numbered choices

    roles = chat.handle("quartier  NORD !")
    assert "Quel est votre <b>rôle</b>" in text(roles) and "Membre d'un conseil citoyen" in labels(roles)
    consent = chat.handle("membre")
    assert "J'accepte" in " ".join(labels(consent))
    done = chat.handle("j'accepte")
    assert "Votre inscription à « Webinaire de janvier »" in text(done)
    with app.db.session() as session:
        profile = session.exec(select(Profile)).one()
    assert (profile.council_id, profile.role) == ("quartier-nord", "cc")


def test_a_council_typed_with_other_accents_and_case_is_chosen(app: App) -> None:
    start_registration(app)
    roles = app.hotline.on_text(AWA, "centre ville")  # the button reads « Conseil citoyen Centre-ville »
    assert "Quel est votre <b>rôle</b>" in text(roles) and not offers_form(roles)
    consent = app.hotline.on_text(AWA, "ELU")  # « Élu »
    assert "Élu" in text(consent)


def test_a_text_naming_no_button_or_several_or_asking_leaves_the_form_waiting(app: App) -> None:
    """"Quartier" names two councils, a sentence names none, "Quartier Nord ?" asks about it: the form waits."""
    start_registration(app)
    for reply in ("Quartier", "j'habite le quartier nord depuis dix ans", "Quartier Nord ?", "Conseil citoyen"):
        answered = app.hotline.on_text(AWA, reply)
        assert "Quel est votre <b>rôle</b>" not in text(answered), reply
    again = app.hotline.on_button(AWA, "fm:go:ev_profile")
    assert "Conseil citoyen Quartier Nord" in labels(again)  # still the council step


def test_a_plain_yes_typed_at_the_consent_accepts_it(app: App) -> None:
    """« Êtes-vous d'accord ? »: Awa types "oui" instead of pressing « 👍 J'accepte », and she is registered."""
    start_registration(app)
    app.hotline.on_text(AWA, "Quartier Nord")
    app.hotline.on_text(AWA, "Habitant")
    assert offers_form(app.hotline.on_text(AWA, "merci"))  # a thanks answers nothing of the form
    done = app.hotline.on_text(AWA, "oui d'accord")
    assert not offers_form(done)
    with app.db.session() as session:
        assert len(session.exec(select(Profile)).all()) == 1 and len(session.exec(select(Registration)).all()) == 1


@pytest.mark.parametrize("reply", ["non", "non merci"])
def test_a_plain_no_typed_at_the_consent_keeps_nothing(app: App, reply: str) -> None:
    start_registration(app)
    app.hotline.on_text(AWA, "Quartier Nord")
    app.hotline.on_text(AWA, "Habitant")
    refused = app.hotline.on_text(AWA, reply)
    assert "je n'ai rien gardé" in text(refused) and not offers_form(refused)
    with app.db.session() as session:
        assert session.exec(select(Profile)).all() == [] and session.exec(select(Registration)).all() == []


def test_yes_or_no_words_answer_only_a_yes_or_no_question() -> None:
    assert yes_or_no(words("Oui, d'accord !")) is True and yes_or_no(words("non merci")) is False
    assert yes_or_no(words("merci")) is None and yes_or_no(words("oui et non")) is None
    assert yes_or_no(words("oui je voudrais savoir le prix")) is None  # a sentence, not a yes


def test_a_staff_draft_takes_its_topic_typed(app: App) -> None:
    app.hotline.on_command(STAFF, "annonce")
    target = app.hotline.on_text(STAFF, "publications")
    assert "À qui" in text(target) and "sujet : Publications" in text(target)


def test_abandoning_a_form_keeps_nothing_of_it_and_frees_the_member(app: App) -> None:
    start_registration(app)
    offered = app.hotline.on_text(AWA, QUESTION)
    gone = app.hotline.on_button(AWA, button(offered, "Abandonner"))
    assert text(gone) == core_texts.FORM_ABANDONED
    assert text(app.hotline.on_button(AWA, button(offered, "Continuer"))) == core_texts.EXPIRED_BUTTON
    assert not offers_form(app.hotline.on_text(AWA, QUESTION))  # no form left to offer
    with app.db.session() as session:
        assert session.exec(select(Profile)).all() == [] and session.exec(select(Registration)).all() == []


def test_a_form_left_alone_expires_after_thirty_minutes(app: App, clock: ManualClock) -> None:
    councils = start_registration(app)
    clock.advance(timedelta(minutes=29))
    assert offers_form(app.hotline.on_text(AWA, QUESTION))  # still waiting at 29 minutes
    clock.advance(timedelta(minutes=31))
    after = app.hotline.on_text(AWA, QUESTION)
    assert "Qu'est-ce qu'un conseil citoyen" in text(after) and not offers_form(after)
    assert text(app.hotline.on_button(AWA, button(councils, "Quartier Nord"))) == core_texts.EXPIRED_BUTTON
    restarted = app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    assert "nom ou pseudonyme" in text(restarted)  # the member can start again at once


def test_the_timeout_comes_from_the_configuration(make_settings: Callable[..., Settings], clock: ManualClock) -> None:
    app = build_app(make_settings(extra='[general]\nform_timeout = "5min"'), clock=clock)
    start_registration(app)
    clock.advance(timedelta(minutes=6))
    assert not offers_form(app.hotline.on_text(AWA, QUESTION))


def test_an_expired_form_loses_nothing_already_confirmed(app: App, clock: ManualClock) -> None:
    asked = app.hotline.on_text(AWA, "quel temps fera-t-il demain")
    app.hotline.on_button(AWA, button(asked, "Poser la question"))  # ticket n° 1
    app.hotline.on_command(STAFF, "repondre", "1 Regardez le site de Météo-France.")
    app.hotline.on_button(AWA, "mt:answer:1")  # she starts writing back to the team…
    clock.advance(timedelta(hours=2))  # …and leaves it there
    later = app.hotline.on_text(AWA, QUESTION)
    assert "Qu'est-ce qu'un conseil citoyen" in text(later)  # a new question, not a reply to the ticket
    with app.db.session() as session:
        ticket = session.exec(select(Ticket)).one()
    assert ticket.status == TicketStatus.ANSWERED and ticket.answer == "Regardez le site de Météo-France."


def test_a_staff_draft_waiting_for_a_button_lets_the_staff_ask_too(app: App) -> None:
    app.hotline.on_command(STAFF, "annonce")
    offered = app.hotline.on_text(STAFF, QUESTION)
    assert "Qu'est-ce qu'un conseil citoyen" in text(offered)
    again = app.hotline.on_button(STAFF, button(offered, "Continuer l'annonce"))
    assert "Agenda" in labels(again)  # the topics again


async def test_through_telegram_a_question_mid_registration_is_answered_then_the_form_resumes(
        telegram: TelegramHarness) -> None:
    app, api, members = telegram.app, telegram.api, telegram.members
    await members.presses(1001, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    [ask_name] = api.take()
    assert "nom ou pseudonyme" in ask_name.text
    await members.says(1001, "Awa")
    [councils] = api.take()
    await members.says(1001, QUESTION)
    answer, offer = api.take()
    assert "Qu'est-ce qu'un conseil citoyen" in answer.text
    assert offer.button_labels == ["▶️ Continuer l'inscription", "✖️ Abandonner"]
    await members.presses(1001, offer.button_data("Continuer"))
    [again] = api.take()
    assert again.button_labels == councils.button_labels
    await members.presses(1001, again.button_data("Quartier Nord"))
    [roles] = api.take()
    await members.presses(1001, roles.button_data("Membre d"))
    [consent] = api.take()
    await members.presses(1001, consent.button_data("J'accepte"))
    [registered] = api.take()
    assert "Votre inscription à « Webinaire de janvier »" in registered.text


async def test_through_telegram_a_council_typed_instead_of_pressed_is_the_choice(telegram: TelegramHarness) -> None:
    app, api, members = telegram.app, telegram.api, telegram.members
    await members.presses(1001, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    await members.says(1001, "Awa")
    api.take()
    await members.says(1001, "Quartier")  # two councils say it: the question answered, the form offered again
    assert any("Abandonner" in label for sent in api.take() for label in sent.button_labels)
    await members.says(1001, "quartier nord")
    [roles] = api.take()
    assert "Membre d" in " ".join(roles.button_labels)
    await members.says(1001, "membre d'un conseil citoyen")
    [consent] = api.take()
    await members.presses(1001, consent.button_data("J'accepte"))
    [registered] = api.take()
    assert "Votre inscription à « Webinaire de janvier »" in registered.text


async def test_through_telegram_a_member_can_walk_away_from_a_form(telegram: TelegramHarness) -> None:
    app, api, members = telegram.app, telegram.api, telegram.members
    await members.presses(1001, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    await members.says(1001, "Awa")
    api.take()
    await members.says(1001, QUESTION)
    _, offer = api.take()
    await members.presses(1001, offer.button_data("Abandonner"))
    [gone] = api.take()
    assert gone.text == core_texts.FORM_ABANDONED
    await members.says(1001, QUESTION)
    [answer] = api.take()  # the answer alone: no form waits any more
    assert "Qu'est-ce qu'un conseil citoyen" in answer.text


async def test_through_telegram_a_waiting_form_is_offered_twice_then_lets_the_answers_be(
        telegram: TelegramHarness) -> None:
    app, api, members = telegram.app, telegram.api, telegram.members
    await members.presses(1001, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    api.take()  # the name is asked
    await members.says(1001, "Awa")
    [councils] = api.take()
    offers = []
    for question in ("c'est quoi un conseil citoyen ?", "qui paie le trajet ?", "et si je suis en retard ?"):
        await members.says(1001, question)
        offers.append(any("Abandonner" in label for sent in api.take() for label in sent.button_labels))
    assert offers == [True, True, False]
    await members.presses(1001, councils.button_data("Quartier Nord"))  # the form still waits: she goes on
    [roles] = api.take()
    assert "Membre d" in " ".join(roles.button_labels)
