"""A member names an event by a few words of its own, not by its kind: « le grill » is the webinar series « La
participation sur le grill ! », « l'AG de RésO Villes » the interregional meeting that holds the general assembly.
Asked when, where, online or not, or to register, the hotline shows that event's card (the next of its series
first, the others as buttons), with the programme's own dates; asked what it is, an entry answers.

The words that name an event are those rare among the programme's events (bot/events/naming.py), not a list of
titles: everyday words ("question", "projet") name none, however rare among the events.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.answering.normalize import words
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from bot.events.naming import EventNames, one_of
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE, first_line, reply_in_chat

FEBRUARY_1 = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
GRILL = "La participation sur le grill !"


def _names() -> EventNames:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    return EventNames(kb.events, words, organiser="RésO Villes",
                      usual=[(e.question, *e.alternates) for e in kb.faq])


def test_the_grill_asked_when_shows_the_next_webinar_of_its_series_first(shipped_app: App,
                                                                         clock: ManualClock) -> None:
    # Awa missed the first webinar in January; on 1 February she asks when the next one is.
    clock.set(FEBRUARY_1)
    shown = reply_in_chat(shipped_app, "le grill c quand la prochaine")
    card, _, others = shown.partition("Les autres rendez-vous de la même série")
    assert f"{GRILL} (2/3)" in card and "19 mars 2026" in card
    assert "(3/3)" not in card and others  # the others are offered as buttons, below the card


def test_the_general_assembly_written_ag_shows_its_card(shipped_app: App, clock: ManualClock) -> None:
    clock.set(FEBRUARY_1)
    shown = reply_in_chat(shipped_app, "prochaine AG de RésO Villes c quand")
    assert "assemblée générale de RésO Villes" in shown and "24 septembre 2026" in shown


def test_whether_the_evaluation_sessions_are_online_shows_their_cards(shipped_app: App, clock: ManualClock) -> None:
    clock.set(FEBRUARY_1)
    shown = reply_in_chat(shipped_app, "les séances sur l'évaluation des contrats de ville c'est en ligne ou faut "
                                       "se déplacer ?")
    assert "Évaluation des contrats de ville (2/5)" in shown and "En ligne" in shown


def test_registering_in_words_offers_that_events_registration(shipped_app: App) -> None:
    # 5 January: the first webinar on evaluating city contracts is on the 13th.
    chat = TerminalChat(shipped_app.hotline)
    replies = chat.handle("Je voudrais m'inscrire au premier webinaire sur l'évaluation des contrats de ville svp")
    shown = chat.render(replies)
    assert "Évaluation des contrats de ville (1/5)" in shown and "(2/5)" not in shown
    assert any(b.data.startswith("ev:reg:") for r in replies for row in r.buttons for b in row)


def test_registering_for_an_undated_event_shows_its_card(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "inscris moi au webinaire sur la laïcité stp")
    assert "Webinaire sur une question d'actualité autour de la laïcité" in shown


def test_what_the_grill_is_stays_an_entry(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "c'est quoi ce cycle sur le grill ?")
    assert "Agenda" not in first_line(shown) and "(1/3)" not in shown


def test_a_rare_word_of_one_title_names_its_event_and_a_rank_one_of_its_series() -> None:
    names = _names()
    series = names.named(words("je voudrais m'inscrire au premier webinaire sur l'évaluation des contrats de ville"))
    assert series is not None and one_of(series, words("le premier webinaire")) == (series.ids[0],)
    assert len(series.ids) == 5


def test_everyday_words_and_words_shared_by_many_events_name_none() -> None:
    names = _names()
    assert names.named(words("j'ai une question, c'est quand la réunion ?")) is None  # "question" is everyday
    assert names.named(words("c'est quand la rencontre sur la politique de la ville ?")) is None


def test_when_the_city_contracts_evaluation_happens_is_asked_of_the_contract_not_of_the_webinars() -> None:
    # The FAQ treats the evaluation of the contract as a subject of its own: it names the webinars only when the
    # member says an event is meant.
    names = _names()
    assert names.named(words("on doit faire l'évaluation du contrat de ville quand ?")) is None
    assert names.named(words("les séances sur l'évaluation du contrat de ville, c'est quand ?")) is not None


def test_the_members_own_general_assembly_is_not_the_centres(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "notre AG c'est quand déjà ?")
    assert "Rencontre interrégionale" not in shown


def test_wishing_to_attend_an_event_named_by_its_words_shows_its_card(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "j'aimerais participer à la soirée pour le livre persan")
    assert "Soirée de lancement du livre" in shown


def test_whether_a_named_series_is_online_shows_its_card(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "les webinaires sur les discriminations sont en visio ?")
    assert "Webinaires thématiques sur la lutte contre les discriminations" in shown


def test_a_subtitle_names_that_one_event_of_its_series(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "bonjour, le webinaire sur les classes populaires il a lieu quel jour svp")
    card, _, _ = shown.partition("Les autres rendez-vous")
    assert f"{GRILL} (1/3)" in card and "22 janvier 2026" in card


def test_the_calendar_of_a_kind_of_events_is_not_narrowed_by_one_word() -> None:
    # "régionales" is one title's word, but the calendar of the regional days lists them all.
    assert _names().named(words("on peut avoir le calendrier des journées régionales ?")) is None


def test_can_i_go_there_said_of_an_event_named_before_shows_its_card(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "la journée VRL en Bretagne, je peux y aller ?")
    assert "Journée d'échanges de pratiques des formateurs et formatrices VRL de Bretagne" in shown


def test_the_price_of_a_named_event_is_on_its_card_when_the_programme_gives_one(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "les webinaires sur l'évaluation des contrats de ville c'est payant ?")
    assert "Gratuit pour les adhérents et partenaires financiers" in shown
    # The grill's price is not in the programme: an entry answers what events cost.
    assert "La participation sur le grill ! (" not in reply_in_chat(shipped_app, "le grill c'est gratuit ?")
