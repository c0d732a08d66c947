"""Registering in two taps: a profile once (with consent), places and a waitlist, deadline, cancellation."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from bot.app import App
from bot.clock import ManualClock, as_utc
from bot.core import texts as core_texts
from bot.storage.models import EventWish, Profile, Registration
from tests.support.events import button, event_id, labels, member, outbox, register, reminders, text

AWA, BILAL, CHLOE = member(1001, "Awa"), member(1002, "Bilal"), member(1003, "Chloé")


def test_the_first_registration_asks_a_short_profile_shows_the_notice_and_asks_consent(app: App) -> None:
    replies = app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    assert "nom ou pseudonyme" in text(replies)
    councils = app.hotline.on_text(AWA, "Awa D.")
    assert {"Conseil citoyen Quartier Nord", "Conseil citoyen Quartier Sud", "Autre / aucun"} <= set(labels(councils))
    roles = app.hotline.on_button(AWA, "pf:c:quartier-sud")
    assert "Membre d'un conseil citoyen" in labels(roles)
    notice = app.hotline.on_button(AWA, "pf:r:cc")
    assert "contact@resovilles.com" in text(notice) and "deux ans" in text(notice)
    assert "Conseil citoyen Quartier Sud" in text(notice) and "Awa D." in text(notice)
    done = app.hotline.on_button(AWA, "pf:ok")
    assert "Votre inscription à « Webinaire de janvier »" in text(done)
    assert "7 jours, 1 jour et 2 heures" in text(done)
    with app.db.session() as session:
        profile = session.exec(select(Profile)).one()
    assert (profile.pseudonym, profile.council_id, profile.role) == ("Awa D.", "quartier-sud", "cc")
    assert as_utc(profile.consent_at) == app.clock.now()


def test_the_second_registration_takes_one_tap(app: App) -> None:
    register(app, AWA, "webinaire-janvier")
    replies = app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'journee-mai')}")
    assert "Votre inscription à « Journée des quartiers »" in text(replies)


def test_refusing_consent_keeps_nothing_and_registers_nobody(app: App) -> None:
    app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    app.hotline.on_text(AWA, "Awa")
    app.hotline.on_button(AWA, "pf:c:-")
    app.hotline.on_button(AWA, "pf:r:habitant")
    replies = app.hotline.on_button(AWA, "pf:no")
    assert "je n'ai rien gardé" in text(replies)
    with app.db.session() as session:
        assert session.exec(select(Profile)).all() == [] and session.exec(select(Registration)).all() == []


def test_a_profile_button_out_of_turn_or_forged_is_refused(app: App) -> None:
    assert text(app.hotline.on_button(AWA, "pf:ok")) == core_texts.EXPIRED_BUTTON
    app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    app.hotline.on_text(AWA, "Awa")
    assert text(app.hotline.on_button(AWA, "pf:c:no-such-council")) == core_texts.EXPIRED_BUTTON
    assert text(app.hotline.on_button(AWA, "pf:r:cc")) == core_texts.EXPIRED_BUTTON  # not at that step yet
    assert "Choisissez" in text(app.hotline.on_text(AWA, "Quartier"))  # a button is expected (two say it)
    assert "Rien n'a été enregistré" in text(app.hotline.on_button(AWA, "pf:stop"))
    assert "Bonjour" in text(app.hotline.on_text(AWA, "bonjour"))  # the form no longer catches the text


def test_no_double_registration(app: App) -> None:
    register(app, AWA, "webinaire-janvier")
    again = app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'webinaire-janvier')}")
    assert "est déjà enregistrée" in text(again)
    with app.db.session() as session:
        assert len(session.exec(select(Registration)).all()) == 1
    assert len(reminders(app)) == 3


def test_a_full_event_puts_people_on_the_waitlist_and_a_cancellation_promotes_the_first(app: App) -> None:
    register(app, AWA, "interconseil-printemps")  # 2 places
    register(app, BILAL, "interconseil-printemps", name="Bilal")
    waiting = register(app, CHLOE, "interconseil-printemps", name="Chloé")
    assert "liste d'attente (position 1)" in text(waiting)
    card = app.hotline.on_button(CHLOE, f"ev:card:{event_id(app, 'interconseil-printemps')}")
    assert "liste d'attente" in text(card) and "❌ Annuler mon inscription" in labels(card)

    cancelled = app.hotline.on_button(AWA, button(card, "Annuler"))  # Awa presses the same button
    assert "Votre inscription à « Interconseil de printemps » est annulée" in text(cancelled)
    [promotion] = outbox(app, purpose="event_promoted")
    assert promotion.chat_id == "1003" and "une place s'est libérée" in promotion.text
    with app.db.session() as session:
        statuses = {r.member_id: r.status for r in session.exec(select(Registration))}
    assert sorted(statuses.values()) == ["cancelled", "confirmed", "confirmed"]


def test_cancelling_withdraws_the_reminders(app: App) -> None:
    register(app, AWA, "webinaire-janvier")
    app.hotline.on_button(AWA, f"ev:unreg:{event_id(app, 'webinaire-janvier')}")
    assert {r.status for r in reminders(app)} == {"cancelled"}
    again = app.hotline.on_button(AWA, f"ev:unreg:{event_id(app, 'webinaire-janvier')}")
    assert "pas d'inscription à" in text(again)


def test_registering_again_after_cancelling_re_arms_the_reminders(app: App) -> None:
    register(app, AWA, "webinaire-janvier")
    app.hotline.on_button(AWA, f"ev:unreg:{event_id(app, 'webinaire-janvier')}")
    register(app, AWA, "webinaire-janvier")
    assert [r.status for r in reminders(app)] == ["pending"] * 3
    assert all(r.generation == 1 for r in reminders(app))


def test_registration_closes_at_the_deadline(app: App, clock: ManualClock) -> None:
    clock.set(datetime(2026, 1, 11, 8, 0, tzinfo=UTC))  # deadline was 10 January 23:59 Paris
    replies = register(app, AWA, "formation-fevrier")
    assert "sont closes depuis le samedi 10 janvier 2026" in text(replies)


def test_a_past_or_undated_event_cannot_be_registered_but_the_date_can_be_watched(app: App) -> None:
    past = app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'cafe-decembre')}")
    assert "a déjà eu lieu" in text(past)
    undated = app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'interconseil-t1')}")
    assert "pas encore fixée" in text(undated)
    assert "🔔 Me prévenir quand la date est fixée" in labels(undated)
    noted = app.hotline.on_button(AWA, button(undated, "Me prévenir"))
    assert "je vous préviens dès que la date" in text(noted)
    assert "déjà noté" in text(app.hotline.on_button(AWA, button(undated, "Me prévenir")))
    with app.db.session() as session:
        assert len(session.exec(select(EventWish)).all()) == 1
    assert "Interconseil du premier trimestre" in text(app.hotline.on_command(AWA, "mesinscriptions"))


def test_my_registrations_lists_confirmed_and_waitlisted_events(app: App) -> None:
    assert "aucune inscription" in text(app.hotline.on_command(AWA, "mesinscriptions"))
    register(app, AWA, "webinaire-janvier")
    register(app, AWA, "journee-mai")
    mine = app.hotline.on_command(AWA, "mesinscriptions")
    assert text(mine).index("Webinaire de janvier") < text(mine).index("Journée des quartiers")
    assert len(labels(mine)) == 2


def test_forged_event_buttons_get_a_clear_answer(app: App) -> None:
    assert "Je ne trouve pas cet événement" in text(app.hotline.on_button(AWA, "ev:reg:999999"))
    assert text(app.hotline.on_button(AWA, "ev:reg:abc")) == core_texts.EXPIRED_BUTTON
    assert text(app.hotline.on_button(AWA, "ev:nuke:1")) == core_texts.EXPIRED_BUTTON
    assert text(app.hotline.on_button(AWA, "ag:bogus:0")) == core_texts.EXPIRED_BUTTON


def test_the_add_to_calendar_button_sends_an_ics_file(app: App) -> None:
    [reply] = app.hotline.on_button(AWA, f"ev:ics:{event_id(app, 'webinaire-janvier')}")
    assert reply.attachment is not None and reply.attachment.filename == "webinaire-janvier.ics"
    assert reply.attachment.mime_type == "text/calendar" and b"SUMMARY:Webinaire de janvier" in reply.attachment.content
