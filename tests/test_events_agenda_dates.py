"""The agenda knows what day it is: the shipped programme 2026 read on several days of 2026 and 2027.

What a member sees in /agenda and when asking for the next interconseil; past events refused for
registration; undated events whose announced period is over no longer offered; the 2027 programme not
published yet said plainly, with "me prévenir"; residents' events first; reminders worded for all-day events.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.answering.decision import Kind
from bot.app import App, build_app
from bot.clock import ManualClock
from bot.config import Settings
from bot.events.periods import parse_period
from bot.events.reminders import materialise_due
from bot.storage.models import Event, Subscription
from tests.conftest import SHIPPED_KNOWLEDGE, TelegramHarness
from tests.support.events import button, event_id, labels, member, outbox, register, text

AWA = member(1001)
PARIS = ZoneInfo("Europe/Paris")


def paris(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00").replace(tzinfo=PARIS).astimezone(UTC)


@pytest.fixture
def shipped(make_settings: Callable[..., Settings], clock: ManualClock) -> App:
    return build_app(make_settings(knowledge=SHIPPED_KNOWLEDGE), clock=clock)


def agenda_pages(app: App) -> str:
    """Every page of /agenda, as one text."""
    [page] = app.hotline.on_command(AWA, "agenda")
    shown = [page.text]
    while "Suivants ▶️" in labels([page]):
        [page] = app.hotline.on_button(AWA, button([page], "Suivants"))
        shown.append(page.text)
    return "\n".join(shown)


@pytest.mark.parametrize(("marker", "label", "over_on"), [
    ("2026-T1", "1er trimestre 2026", date(2026, 4, 1)),
    ("2026-T4", "4e trimestre 2026", date(2027, 1, 1)),
    ("2026-S1", "1er semestre 2026", date(2026, 7, 1)),
    ("2026-printemps", "printemps 2026", date(2026, 6, 1)),
    ("2026-hiver", "hiver 2026-2027", date(2027, 3, 1)),
    ("2026-06", "juin 2026", date(2026, 7, 1)),
    ("2026", "2026", date(2027, 1, 1)),
])
def test_an_announced_period_ends_on_its_last_day_in_paris(marker: str, label: str, over_on: date) -> None:
    period = parse_period(marker)
    assert period is not None and period.label == label and period.ends_before == over_on
    next_midnight = datetime.combine(over_on, datetime.min.time()).replace(tzinfo=PARIS)
    assert not period.is_over((next_midnight - timedelta(minutes=1)).astimezone(UTC), PARIS)
    assert period.is_over(next_midnight.astimezone(UTC), PARIS)


@pytest.mark.parametrize("marker", ["T1", "2026-T5", "2026-13", "printemps", "2026-Q1"])
def test_a_period_not_understood_is_none(marker: str) -> None:
    assert parse_period(marker) is None


def test_on_5_january_2026_the_programme_is_ahead_and_residents_see_theirs_first(shipped: App,
                                                                                  clock: ManualClock) -> None:
    clock.set(paris("2026-01-05"))
    shown = agenda_pages(shipped)
    first_event = shown.split("• ", 2)[1]
    assert "Inter-conseil du 1er trimestre" in first_event and "date à confirmer (1er trimestre 2026)" in first_event
    assert shown.index("Inter-conseil du 2e trimestre") < shown.index("Rencontre départementale des adultes-relais")
    assert "Évaluation des contrats de ville (1/5)" in shown  # dated, still to come
    assert shown.index("Inter-conseil du 4e trimestre") < shown.index("Évaluation des contrats de ville (1/5)")
    assert "Pour les professionnels" in shown
    assert "programme 2027" not in shown


def test_a_professional_sees_the_plain_date_order(shipped: App, clock: ManualClock) -> None:
    clock.set(paris("2026-01-05"))
    [resident_view] = shipped.hotline.on_command(AWA, "agenda")
    assert "Évaluation des contrats de ville (1/5)" not in resident_view.text  # after the residents' events
    register(shipped, AWA, "journee-adultes-relais-finistere-2026", council="-", role="pro")
    [page] = shipped.hotline.on_command(AWA, "agenda")
    assert "Évaluation des contrats de ville (1/5)" in page.text.split("• ", 2)[1]  # 13 January, first


def test_on_26_november_2026_only_what_can_still_happen_is_upcoming(shipped: App, clock: ManualClock) -> None:
    clock.set(paris("2026-11-26"))
    shown = agenda_pages(shipped)
    assert "Inter-conseil du 4e trimestre" in shown and "date à confirmer (4e trimestre 2026)" in shown
    for over in ("Inter-conseil du 1er trimestre", "Inter-conseil du 3e trimestre", "webinaire du 1er semestre",
                 "Journée GUSP du printemps", "Évaluation des contrats de ville", "Cités éducatives"):
        assert over not in shown, over
    assert "Journée de clôture du cycle enfance" in shown  # announced for November 2026: not over yet

    [answer] = shipped.hotline.on_text(AWA, "c'est quand le prochain interconseil ?")
    assert "Le prochain interconseil n'a pas encore de date fixée" in answer.text
    assert "Inter-conseil du 4e trimestre" in answer.text and "🔔 Me prévenir quand la date est fixée" in labels([answer])


def test_an_undated_event_button_names_months_not_office_shorthand(shipped: App, clock: ManualClock) -> None:
    """Awa reads "oct.-déc. ?" on the interconseil's button, not "T4 ?", which she would have to decode."""
    clock.set(paris("2026-11-27"))
    [page] = shipped.hotline.on_command(AWA, "agenda")
    assert "oct.-déc. ? · Inter-conseil du 4e trimestre" in labels([page])
    assert not any(label.startswith(("T1", "T2", "T3", "T4", "S1", "S2")) for label in labels([page]))
    assert [parse_period(m).short for m in ("2026-T1", "2026-S2")] == ["janv.-mars ?", "juil.-déc. ?"]  # type: ignore[union-attr]


def test_agenda_webinaires_with_nothing_for_members_says_how_to_reach_the_team(shipped: App,
                                                                             clock: ManualClock) -> None:
    """"/agenda webinaires" tells Awa to ask the team, with no question to hand over: she is told how."""
    clock.set(paris("2026-11-27"))
    [page] = shipped.hotline.on_command(AWA, "agenda", "webinaires")
    assert "demandez à l'équipe" in page.text
    assert "Vous pouvez joindre l'équipe au " in page.text

    [answer] = shipped.hotline.on_text(AWA, "c'est quand le prochain webinaire ?")
    assert "✉️ Poser la question à l'équipe" in labels([answer]) and "joindre l'équipe au" not in answer.text


@pytest.mark.parametrize("day", ["2027-01-15", "2027-06-01"])
def test_in_2027_nothing_is_scheduled_and_the_bot_says_so(shipped: App, clock: ManualClock, day: str) -> None:
    clock.set(paris(day))
    [page] = shipped.hotline.on_command(AWA, "agenda")
    assert "Aucun événement à venir pour le moment." in page.text
    assert "Le programme 2027 de RésO Villes n'est pas encore publié." in page.text
    assert "Inter-conseil du 4e trimestre — annoncé au 4e trimestre 2026" in page.text
    assert "date à confirmer" not in page.text
    assert "🔔 Me prévenir du prochain programme" in labels([page])

    [answer] = shipped.hotline.on_text(AWA, "c'est quand le prochain interconseil ?")
    assert "Aucun événement à venir (interconseils) pour le moment." in answer.text
    assert "annoncé au 4e trimestre 2026" in answer.text and "programme 2027" in answer.text
    assert "S'inscrire" not in " ".join(labels([answer]))


def test_me_prevenir_follows_the_agenda_news_once(shipped: App, clock: ManualClock) -> None:
    clock.set(paris("2027-01-15"))
    [page] = shipped.hotline.on_command(AWA, "agenda")
    [done] = shipped.hotline.on_button(AWA, button([page], "Me prévenir du prochain programme"))
    assert "C'est noté 🔔" in done.text and "/abonnements" in done.text
    [again] = shipped.hotline.on_button(AWA, "ag:next")
    assert "C'est déjà noté" in again.text
    with shipped.db.session() as session:
        assert [s.topic for s in session.exec(select(Subscription))] == ["agenda"]


def test_a_past_event_still_planned_is_shown_as_past_and_refuses_registration(shipped: App,
                                                                               clock: ManualClock) -> None:
    clock.set(paris("2026-11-26"))
    ref = event_id(shipped, "webinaire-evaluation-cv-1")
    [card] = shipped.hotline.on_button(AWA, f"ev:card:{ref}")
    assert "Cet événement est passé." in card.text and "Revoir" not in card.text  # no replay in the sources
    assert "mardi 13 janvier 2026" in card.text and "horaire à confirmer" not in card.text
    assert "S'inscrire" not in " ".join(labels([card]))
    [refused] = shipped.hotline.on_button(AWA, f"ev:reg:{ref}")
    assert "a déjà eu lieu" in refused.text


def test_a_past_event_with_a_replay_shows_it(shipped: App, clock: ManualClock) -> None:
    clock.set(paris("2026-11-26"))
    with shipped.db.session() as session:  # as the staff console would record it
        event = session.exec(select(Event).where(Event.slug == "webinaire-evaluation-cv-1")).one()
        event.replay_url = "https://example.org/replay"
        session.add(event)
        session.commit()
    [card] = shipped.hotline.on_button(AWA, f"ev:card:{event_id(shipped, 'webinaire-evaluation-cv-1')}")
    assert "▶️ Revoir : https://example.org/replay" in card.text


def test_an_undated_event_whose_period_is_over_is_not_awaited(shipped: App, clock: ManualClock) -> None:
    clock.set(paris("2026-11-26"))
    ref = event_id(shipped, "interconseil-2026-t1")
    [card] = shipped.hotline.on_button(AWA, f"ev:card:{ref}")
    assert "était annoncé au 1er trimestre 2026, mais aucune date n'a été annoncée ici" in card.text
    assert labels([card]) == []
    [pressed] = shipped.hotline.on_button(AWA, f"ev:watch:{ref}")  # an old button
    assert "C'est noté" not in pressed.text and "aucune date n'a été annoncée" in pressed.text


def test_a_webinar_card_says_the_time_is_to_be_confirmed(shipped: App, clock: ManualClock) -> None:
    clock.set(paris("2026-01-05"))
    [webinar] = shipped.hotline.on_button(AWA, f"ev:card:{event_id(shipped, 'webinaire-evaluation-cv-1')}")
    assert "mardi 13 janvier 2026, horaire à confirmer" in webinar.text
    assert "Pour les professionnels" in webinar.text
    [day] = shipped.hotline.on_button(AWA, f"ev:card:{event_id(shipped, 'journee-adultes-relais-finistere-2026')}")
    assert "jeudi 9 avril 2026" in day.text and "horaire à confirmer" not in day.text


def test_an_all_day_event_is_reminded_the_day_before_and_that_morning(shipped: App, clock: ManualClock) -> None:
    clock.set(paris("2026-01-05"))
    done = register(shipped, AWA, "journee-adultes-relais-finistere-2026", council="-")
    assert "Je vous enverrai un rappel 7 jours avant, la veille et le matin même." in text(done)
    assert "heure" not in text(done)
    clock.set(paris("2026-04-09", 7))  # the "2 hours" reminder of a whole day falls that morning
    materialise_due(shipped.events.ctx)
    [reminder] = outbox(shipped, purpose="reminder")
    assert "c'est aujourd'hui — jeudi 9 avril 2026." in reminder.text and "heure" not in reminder.text


def test_a_timed_event_keeps_its_hours(app: App) -> None:
    done = register(app, AWA, "webinaire-janvier")
    assert "Je vous enverrai un rappel 7 jours, 1 jour et 2 heures avant." in text(done)


def test_the_online_link_goes_to_registrants_only_in_the_reminder(app: App, clock: ManualClock) -> None:
    ref = event_id(app, "webinaire-janvier")
    [card] = app.hotline.on_button(AWA, f"ev:card:{ref}")
    assert "example.org/visio" not in card.text
    [ics] = app.hotline.on_button(AWA, f"ev:ics:{ref}")
    assert ics.attachment is not None and b"example.org/visio" not in ics.attachment.content
    register(app, AWA, "webinaire-janvier")
    clock.set(datetime(2026, 1, 22, 15, 0, tzinfo=UTC))  # 2 hours before
    materialise_due(app.events.ctx)
    reminders = outbox(app, purpose="reminder")
    assert "🔗 Le lien pour vous connecter : https://example.org/visio" in reminders[-1].text


async def test_through_telegram_an_empty_agenda_offers_to_be_told(telegram: TelegramHarness) -> None:
    app, api, members = telegram.app, telegram.api, telegram.members
    app.clock.set(paris("2027-06-01"))  # type: ignore[attr-defined]
    await members.says(1001, "/agenda")
    [listing] = api.take()
    assert "Aucun événement à venir pour le moment." in listing.text
    assert "Le programme 2027 de RésO Villes n'est pas encore publié." in listing.text
    await members.presses(1001, listing.button_data("Me prévenir du prochain programme"))
    [noted] = api.take()
    assert "C'est noté 🔔" in noted.text
    await members.says(1001, "/abonnements")
    [panel] = api.take()
    assert any(label.startswith("✅") and "agenda" in label for label in panel.button_labels)


def test_an_event_the_new_fields_do_not_touch_keeps_its_sync_hash(shipped: App) -> None:
    """Adding fields to the schema must not make every event look changed (a staff edit would be overwritten)."""
    import hashlib
    import json
    from dataclasses import fields

    from bot.events.store import LATER_FIELDS, spec_hash

    spec = next(s for s in shipped.knowledge.events if s.id == "webinaire-participation-grill-1")
    before_the_new_fields = {f.name: getattr(spec, f.name) for f in fields(spec)
                             if f.name != "origin" and f.name not in LATER_FIELDS}
    digest = hashlib.sha256(json.dumps(before_the_new_fields, default=str, sort_keys=True).encode()).hexdigest()
    assert spec_hash(spec) == digest[:32]
    with_a_period = next(s for s in shipped.knowledge.events if s.id == "interconseil-2026-t1")
    assert with_a_period.period == "2026-T1" and with_a_period.audience_group == "residents"


@pytest.mark.parametrize("question", ["quand a lieu la prochaine participation sur le grill ?",
                                      "la GUSP, prochaine date ?"])
def test_an_event_named_by_its_title_and_a_time_word_goes_to_the_agenda(shipped: App, question: str) -> None:
    assert shipped.faq.decide(AWA, question).kind == Kind.AGENDA


def test_a_webinar_whose_audience_is_not_stated_keeps_its_place_in_the_date_order(shipped: App,
                                                                                   clock: ManualClock) -> None:
    """On 10 January Awa asks for the webinars: the one of 22 January (the programme does not say for whom)
    comes before April's, which is for everyone but has no date yet."""
    clock.set(paris("2026-01-10"))
    [page] = shipped.hotline.on_command(AWA, "agenda", "webinaires")
    assert page.text.index("La participation sur le grill ! (1/3)") < page.text.index("autour de la laïcité")
    assert page.text.index("autour de la laïcité") < page.text.index("Évaluation des contrats de ville")


def test_the_next_webinar_for_a_resident_is_the_next_one_open_to_residents(shipped: App, clock: ManualClock) -> None:
    """On 10 January the next webinar is for professionals (13 January, the evaluation of city contracts): Awa is
    shown the 22 January one, open to her; once she says she works for a local authority, the 13 January one."""
    clock.set(paris("2026-01-10"))
    [card] = shipped.hotline.on_text(AWA, "c'est quand le prochain webinaire ?")
    assert "Voici le prochain webinaire" in card.text and "La participation sur le grill ! (1/3)" in card.text
    register(shipped, AWA, "journee-adultes-relais-finistere-2026", council="-", role="pro")
    [card] = shipped.hotline.on_text(AWA, "c'est quand le prochain webinaire ?")
    assert "Évaluation des contrats de ville (1/5)" in card.text
