"""Members ask the agenda: /agenda (paged, by kind), "c'est quand le prochain interconseil ?", deep links."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.answering.decision import Kind
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.cli import main
from bot.clock import ManualClock
from bot.events.cards import PAGE_SIZE
from tests.support.events import button, labels, member, text

AWA = member(1001)


@pytest.mark.parametrize("question", [
    "c'est quand le prochain interconseil ?", "c kan le prochain inter conseil", "quels webinaires bientôt ?",
    "la date du prochain webinaire", "y a quoi comme événements à venir", "agenda", "les prochaines réunions",
    "qu'est-ce qui est prévu le mois prochain ?", "des rencontres cette semaine ?", "un webinaire avant l'été ?",
    "il se passe quoi dans les semaines à venir",
])
def test_questions_about_when_go_to_the_agenda(app: App, question: str) -> None:
    assert app.faq.decide(AWA, question).kind == Kind.AGENDA


@pytest.mark.parametrize("question", [
    "c'est quoi un conseil citoyen", "qu'est-ce que l'interconseil ?", "comment préparer un comité de pilotage",
    "quel temps fera-t-il demain", "bonjour", "comment annuler mon inscription à la rencontre de mars",
    "je voudrais voir seulement les webinaires dans l'agenda", "je dois organiser la prochaine réunion, par quoi commencer",
    "mon employeur refuse que je parte à la réunion de jeudi prochain",
    "slt on a une reunion avec le bailleur mardi pour les ascenseurs en panne depuis 1 mois, on peut inviter "
    "les habitants ou c reserve aux membres du conseil",
    "notre réunion de la semaine prochaine, on peut y inviter les habitants ?",
])
def test_other_questions_stay_with_the_faq(app: App, question: str) -> None:
    assert app.faq.decide(AWA, question).kind != Kind.AGENDA


def test_the_next_interconseil_shows_its_card_even_when_its_date_is_not_fixed(app: App) -> None:
    replies = app.hotline.on_text(AWA, "c'est quand le prochain interconseil ?")
    assert "Le prochain interconseil n'a pas encore de date fixée" in text(replies)
    assert "Interconseil du premier trimestre" in text(replies) and "date à confirmer (février 2026)" in text(replies)
    assert "🔔 Me prévenir quand la date est fixée" in labels(replies) and "📅 Tous les interconseils" in labels(replies)


def test_ask_json_prints_agenda(make_settings: object, capsys: pytest.CaptureFixture[str]) -> None:
    config: Path = make_settings().config_path  # type: ignore[operator]
    assert main(["--config", str(config), "ask", "--json", "c'est quand le prochain interconseil ?"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["decision"] == "agenda" and result["agenda_kind"] == "interconseil"


def test_the_agenda_lists_upcoming_events_soonest_first_in_pages(app: App) -> None:
    [first] = app.hotline.on_command(AWA, "agenda")
    body = first.text
    assert body.index("Comité de pilotage") < body.index("Webinaire de janvier") < body.index("Formation prise")
    assert "Café citoyen de décembre" not in body  # past
    assert "Page 1 sur 2" in body
    event_buttons = [b for row in first.buttons for b in row if b.data.startswith("ev:card:")]
    assert len(event_buttons) == PAGE_SIZE
    [second] = app.hotline.on_button(AWA, button([first], "Suivants"))
    assert "Page 2 sur 2" in second.text and "Webinaire d'automne" in second.text
    assert "◀️ Précédents" in labels([second])


def test_the_agenda_filters_by_kind(app: App) -> None:
    [webinars] = app.hotline.on_command(AWA, "agenda", "webinaires")
    assert "Webinaires" in webinars.text and "Webinaire de janvier" in webinars.text
    assert "Journée des quartiers" not in webinars.text
    [days] = app.hotline.on_button(AWA, "ag:journee:0")
    assert "Journée des quartiers" in days.text and "Webinaire" not in days.text.split("Agenda")[1].split("\n")[2]


def test_when_nothing_is_upcoming_it_says_so_and_shows_recent_past_events(app: App, clock: ManualClock) -> None:
    [cafes] = app.hotline.on_command(AWA, "agenda", "cafe citoyen")
    assert "Aucun événement à venir (cafés citoyens)" in cafes.text
    assert "Café citoyen de décembre" in cafes.text and "derniers événements passés" in cafes.text
    clock.set(datetime(2027, 1, 1, tzinfo=UTC))
    [later] = app.hotline.on_command(AWA, "agenda")
    assert "Aucun événement à venir" in later.text and "Webinaire d'automne" in later.text


def test_an_event_card_has_the_three_buttons(app: App) -> None:
    from tests.support.events import event_id, register

    card = app.hotline.on_button(AWA, f"ev:card:{event_id(app, 'journee-mai')}")
    assert labels(card) == ["✅ S'inscrire", "📆 Ajouter à mon agenda"]
    register(app, AWA, "journee-mai")
    card = app.hotline.on_button(AWA, f"ev:card:{event_id(app, 'journee-mai')}")
    assert labels(card) == ["📆 Ajouter à mon agenda", "❌ Annuler mon inscription"]
    assert "Votre inscription est enregistrée" in text(card)


def test_a_deep_link_opens_the_card_and_a_wrong_one_says_so(app: App) -> None:
    assert "Formation prise de parole" in text(app.hotline.on_command(AWA, "start", "ev_formation-fevrier"))
    assert "Je ne trouve pas cet événement" in text(app.hotline.on_command(AWA, "start", "ev_nope"))


def test_a_how_to_question_saying_quand_gets_its_answer_not_the_agenda(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("quand la journée est complète, on fait comment ?"))
    assert shown.splitlines()[0] == "hotline> Que faire si un événement est complet ?"
