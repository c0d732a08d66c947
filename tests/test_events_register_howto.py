"""Awa asks how to register for an event she names: the how-to, then the event itself to press « S'inscrire ».

On 10 January 2026 "je veux m'inscrire au webinaire sur la participation" gets the how-to of registering for a
webinar, then the three webinars « La participation sur le grill ! », each a button to its card; naming the
Lyon session of the Data & Quartiers training gives its card at once. A how-to naming no event nor kind stays
the how-to alone (it says /agenda).
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.app import App
from bot.clock import ManualClock
from bot.events.meant import events_meant
from bot.storage.models import Event
from tests.support.events import button, labels, member

AWA = member(1001)
JANUARY_10 = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


def test_registering_for_the_webinar_on_participation_offers_its_three_sessions(shipped_app: App,
                                                                                 clock: ManualClock) -> None:
    clock.set(JANUARY_10)
    answer, meant = shipped_app.hotline.on_text(AWA, "je veux m'inscrire au webinaire sur la participation")
    assert "<b>Comment m'inscrire à un webinaire ?</b>" in answer.text
    assert "appuyez sur « S'inscrire »" in meant.text
    shown = [label for label in labels([meant]) if "La participation sur le grill" in label]
    assert len(shown) == 3 and shown[0].startswith("22 janv.")
    [card] = shipped_app.hotline.on_button(AWA, button([meant], "22 janv."))
    assert "✅ S'inscrire" in labels([card])


def test_an_event_named_alone_comes_as_its_card_also_when_the_how_to_is_chosen(shipped_app: App,
                                                                               clock: ManualClock) -> None:
    clock.set(JANUARY_10)
    [offered] = shipped_app.hotline.on_text(AWA, "comment je m'inscris au webinaire sur la laïcité ?")
    _, event = shipped_app.hotline.on_button(AWA, button([offered], "Comment m'inscrire à un webinaire"))
    assert "Webinaire sur une question d'actualité autour de la laïcité" in event.text
    assert "🔔 Me prévenir quand la date est fixée" in labels([event])  # April, no date yet


def test_the_next_interconseil_is_the_one_to_register_for(shipped_app: App, clock: ManualClock) -> None:
    clock.set(JANUARY_10)
    [offered] = shipped_app.hotline.on_text(AWA, "comment je m'inscris au prochain interconseil")
    _, event = shipped_app.hotline.on_button(AWA, button([offered], "Comment m'inscrire à un événement"))
    assert "Inter-conseil du 1er trimestre" in event.text and "2e trimestre" not in event.text


def test_a_how_to_naming_no_event_is_the_how_to_alone(shipped_app: App, clock: ManualClock) -> None:
    clock.set(JANUARY_10)
    [offered] = shipped_app.hotline.on_text(AWA, "comment on s'inscrit à un événement avec le bot ?")
    [answer] = shipped_app.hotline.on_button(AWA, button([offered], "Comment m'inscrire à un événement"))
    assert "<b>Comment m'inscrire à un événement avec le bot ?</b>" in answer.text


def test_the_events_meant_are_the_kind_named_then_the_most_title_words() -> None:
    events = [Event(id=1, kind="webinaire", title="La participation sur le grill ! (1/3) – Classes populaires"),
              Event(id=2, kind="webinaire", title="Le vieillissement dans les quartiers prioritaires"),
              Event(id=3, kind="journee", title="Journée de la participation")]
    assert [e.id for e in events_meant(events, ["webinaire", "participation"])] == [1]
    assert [e.id for e in events_meant(events, ["webinaire"])] == [1, 2]
    assert [e.id for e in events_meant(events, ["inscrire"], kind="webinaire")] == [1, 2]
    assert [e.id for e in events_meant(events, ["prochain", "webinaire"])] == [1]
    assert events_meant(events, ["inscrire"]) == []
