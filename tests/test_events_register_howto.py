"""Awa asks how to register for an event she names: the how-to, then the event itself to press « S'inscrire ».

On 10 January 2026 "je veux m'inscrire au webinaire sur la participation" gets the how-to of registering for a
webinar, then the three webinars « La participation sur le grill ! », each a button to its card; naming the
Lyon session of the Data & Quartiers training gives its card at once. A how-to naming no event nor kind stays
the how-to alone (it says /agenda). Asked to register, or for places, for one event named by its title, the
hotline shows that event's card at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bot.answering.decision import Kind
from bot.app import App
from bot.clock import ManualClock
from bot.core.replies import Reply
from bot.events.meant import event_named, events_meant
from bot.storage.models import Event
from tests.support.events import button, labels, member

AWA = member(1001)
JANUARY_10 = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class EventSpecLike:
    kind: str
    title: str


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
    _, event = _how_to(shipped_app, "comment je m'inscris au webinaire sur la laïcité ?",
                       "Comment m'inscrire à un webinaire")
    assert "Webinaire sur une question d'actualité autour de la laïcité" in event.text
    assert "🔔 Me prévenir quand la date est fixée" in labels([event])  # April, no date yet


def test_the_next_interconseil_is_the_one_to_register_for(shipped_app: App, clock: ManualClock) -> None:
    clock.set(JANUARY_10)
    _, event = _how_to(shipped_app, "comment je m'inscris au prochain interconseil",
                       "Comment m'inscrire à un événement")
    assert "Inter-conseil du 1er trimestre" in event.text and "2e trimestre" not in event.text


def test_a_how_to_naming_no_event_is_the_how_to_alone(shipped_app: App, clock: ManualClock) -> None:
    clock.set(JANUARY_10)
    [answer] = _how_to(shipped_app, "comment on s'inscrit à un événement avec le bot ?",
                       "Comment m'inscrire à un événement")
    assert "<b>Comment m'inscrire à un événement avec le bot ?</b>" in answer.text


def _how_to(app: App, text: str, how_to: str) -> list[Reply]:
    """The replies once the how-to is there: answered at once, or chosen among the choices offered."""
    replies = app.hotline.on_text(AWA, text)
    if len(replies) == 1 and any(label.startswith(how_to) or how_to in label for label in labels(replies)) \
            and "📖 En savoir plus" not in labels(replies):
        return app.hotline.on_button(AWA, button(replies, how_to))
    return replies


def test_the_events_meant_are_the_kind_named_then_the_most_title_words() -> None:
    events = [Event(id=1, kind="webinaire", title="La participation sur le grill ! (1/3) – Classes populaires"),
              Event(id=2, kind="webinaire", title="Le vieillissement dans les quartiers prioritaires"),
              Event(id=3, kind="journee", title="Journée de la participation")]
    assert [e.id for e in events_meant(events, ["webinaire", "participation"])] == [1]
    assert [e.id for e in events_meant(events, ["webinaire"])] == [1, 2]
    assert [e.id for e in events_meant(events, ["inscrire"], kind="webinaire")] == [1, 2]
    assert [e.id for e in events_meant(events, ["prochain", "webinaire"])] == [1]
    assert events_meant(events, ["inscrire"]) == []


def test_a_place_asked_for_one_event_named_by_its_title_is_its_card(shipped_app: App, clock: ManualClock) -> None:
    """"Réserver ma place pour la soirée du livre": the book launch's card, its « S'inscrire » under it."""
    clock.set(JANUARY_10)
    [event] = shipped_app.hotline.on_text(AWA, "je voudrais réserver ma place pour la soirée de lancement du livre")
    assert "Soirée de lancement du livre" in event.text and "✅ S'inscrire" in labels([event])


def test_the_organisers_name_and_a_place_instead_of_us_name_no_event(shipped_app: App) -> None:
    for question in ("je dois m'inscrire à la journée de RésO Villes, comment je fais avec le bot ?",
                     "est-ce que RésO Villes peut tout régler à notre place ?"):
        assert shipped_app.faq.decide(AWA, question).kind != Kind.AGENDA, question


def test_an_event_is_named_by_two_of_its_title_words_more_than_any_other() -> None:
    events = [EventSpecLike("journee", "Journée du Pôle Data & Quartiers"),
              EventSpecLike("formation", "Formation à la démarche Data & Quartiers (session de Lyon)"),
              EventSpecLike("webinaire", "Le vieillissement dans les quartiers prioritaires (1er semestre)"),
              EventSpecLike("webinaire", "Le vieillissement dans les quartiers prioritaires (2nd semestre)")]
    assert event_named(events, ["journee", "data", "quartiers"]) is events[0]
    assert event_named(events, ["data", "quartiers"]) is None  # the day and the training tie
    assert event_named(events, ["webinaire", "vieillissement", "quartiers"]) is None  # two of them
    assert event_named(events, ["journee", "reso", "villes", "pole"], organiser="RésO Villes") is None
