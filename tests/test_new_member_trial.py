"""A new member tries the hotline in the terminal chat, on the shipped knowledge and SQLite, without a token:
what she asked, and what she must get (the findings of that trial, issue 11)."""

from __future__ import annotations

import re

import pytest

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.events import texts as event_texts
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE, first_line


def press(chat: TerminalChat, shown: str, label_start: str) -> str:
    """Types the number of the button whose label starts so, as the member would."""
    number = re.search(rf"\[(\d+)\] (?:➡️ )?{re.escape(label_start)}", shown)
    assert number is not None, shown
    return chat.render(chat.handle(number.group(1)))


def test_drawn_by_lot_she_asks_what_to_do_concretely_and_gets_a_new_members_first_steps(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("Bonjour, j'ai été tirée au sort pour le conseil citoyen. je dois faire quoi "
                                    "concrètement et est-ce que je suis obligée d'accepter ?"))
    assert "J'ai été tiré au sort : suis-je obligé d'accepter ?" in shown
    assert "Qu'est-ce que l'interconseil ?" not in shown
    # Her other question is answered, or offered first when the classifier, reading the whole message, doubts it.
    if "Demandez la charte de votre conseil" not in shown:
        shown = press(chat, shown, "Je suis nouveau membre du conseil citoyen")
    assert first_line(shown) == "Je suis nouveau membre du conseil citoyen : que dois-je faire concrètement ?"
    assert "Demandez la charte de votre conseil" in shown


def test_paying_for_photocopies_and_coffee_is_a_question_of_money_not_of_the_cafe_citoyen(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(
        "comment on fait pour payer les photocopies et le café pour la réunion avec les habitants ?"))
    assert "Le conseil citoyen a-t-il un budget ?" in shown
    assert "café citoyen" not in shown


def test_asking_for_a_training_for_new_members_the_agenda_says_plainly_none_is_for_them(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("ya une formation bientot pour les nouveaux conseillers ? je voudrais m inscrire"))
    assert "Formations" in shown and "n'est prévu pour les conseillers citoyens" in shown
    assert "🏛 Pour les élus" in shown  # the qualification cycle is for newly elected officials
    assert "Poser la question à l'équipe" in shown
    entry = press(chat, shown, "Existe-t-il des formations pour les membres")
    assert "la formation des habitants fait partie de l'accompagnement" in entry.lower()


def test_the_agenda_points_members_to_entries_that_exist() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    assert all(kb.entry(entry_id) is not None for entry_id in event_texts.MEMBERS_ENTRY.values())
    elected = [e for e in kb.events if e.audience_group == "elected"]
    assert [e.id for e in elected] == ["formation-elus-politique-de-la-ville-2026"]


def test_by_sms_how_often_do_we_meet_is_the_councils_rhythm_not_the_interconseil(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("on se reunit tous les combien"))
    assert first_line(shown) == "À quel rythme, et à quelle heure, le conseil citoyen se réunit-il ?"
    assert "charte ou son règlement intérieur" in shown


def test_a_school_canteen_gets_the_daily_life_orientation_with_the_suggestions(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("la cantine de ma fille coûte trop cher, qui peut m'aider ?"))
    assert "situation personnelle" in shown
    assert "service éducation ou petite enfance de votre mairie" in shown
    assert "Poser la question à l'équipe" in shown
    assert "Vouliez-vous dire" not in shown


@pytest.mark.parametrize(("message", "answer", "document"), [
    ("Comment on prépare un comité de pilotage ? Vous avez un modèle ?", "Comment préparer un comité de pilotage ?",
     "📄 Préparer un comité de pilotage"),
    ("c'est quoi l'interconseil ? et vous avez un modèle de charte ?", "Qu'est-ce que l'interconseil ?",
     "📄 Charte / règlement intérieur"),
])
def test_a_model_asked_as_the_second_question_leaves_the_first_one_answered(shipped_app: App, message: str,
                                                                             answer: str, document: str) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(message))
    assert answer in shown
    assert document in shown


def test_paying_to_be_a_member_is_answered_from_the_real_texts(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("je dois payer quelque chose pour être membre ?"))
    if "Vouliez-vous dire" in shown:
        shown = press(chat, shown, "Être membre d'un conseil citoyen")
    assert "Être membre d'un conseil citoyen, est-ce que ça coûte quelque chose ?" in shown
    assert "bénévole" in shown
    assert "Cadre de référence des conseils citoyens" in shown


@pytest.mark.parametrize("message", [
    "ma voisine du dessus fait du bruit toute la nuit qui je dois appeler",
    "mes voisins d'en face font beaucoup de bruit tous les soirs, je fais comment",
])
def test_a_noisy_neighbour_a_few_words_after_ma_voisine_gets_who_deals_with_it(shipped_app: App, message: str) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(message))
    assert "situation personnelle" in shown
    assert "Poser la question à l'équipe" in shown


def test_a_neighbour_the_member_helps_stays_council_business() -> None:
    from bot.answering.normalize import words
    from bot.answering.scope import personal_matters

    assert personal_matters(words("ma voisine du dessus fait du bruit la nuit")) == [("bruit", True)]
    assert personal_matters(words("ma voisine n'a pas de carte vitale, où peut-elle se faire aider ?")) == [
        ("vitale", False)]


def test_a_number_typed_when_no_choice_is_shown_is_not_taken_for_a_question(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("merci beaucoup"))
    shown = chat.render(chat.handle("2"))
    assert "Écrivez votre question" in shown
    assert "Vouliez-vous dire" not in shown
