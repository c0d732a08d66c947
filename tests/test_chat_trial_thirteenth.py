"""What a new member met in the thirteenth chat trial, told again in our own words through the terminal chat:
a second question that names nothing but whom to ask, "la diff" written as on a phone, an angry story about the
landlord followed by "the council can do something?", and a second question after one about the agenda."""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, aimed_at_hotline, detect
from bot.answering.question_forms import without_no_use
from bot.answering.questions import asks_what_the_council_can_do, split_questions
from bot.answering.segment import Role, split_message
from bot.app import App
from tests.conftest import first_line, reply_in_chat

REFUND = "Les conseillers citoyens sont-ils payés ou remboursés de leurs frais ?"


# --- "et à qui je dois demander ?" asks about the question just before ------------------------------------

def test_whom_to_ask_after_a_question_is_asked_about_it(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Bonjour, je m'appelle Colette, je suis au conseil citoyen depuis deux ans. "
                                       "Une voisine m'a dit qu'on me rembourse mon essence quand je vais aux réunions, "
                                       "c'est vrai ? et je demande à qui ?")
    assert first_line(shown).endswith(REFUND)
    assert "deux questions" not in shown


@pytest.mark.parametrize("text", [
    "on peut avoir une salle pour nos réunions ? comment on fait ?",
    "il y a une permanence de la déléguée du préfet ? c'est où ?",
    "les comptes rendus doivent être publiés ? je m'adresse à qui ?"])
def test_a_question_that_names_nothing_but_how_or_where_is_one_with_the_question_before(text: str) -> None:
    assert len(split_questions(text)) == 1


@pytest.mark.parametrize("text", [
    "c'est quoi le FPH et comment on le demande ?",  # what it is, then how to get it
    "le bailleur peut régler ça et sinon à qui on s'adresse ?",  # whom else
    "il y a une formation ? et qui peut venir ?"])  # who may come names something of its own
def test_how_to_get_what_was_defined_or_whom_else_to_ask_stays_a_question_of_its_own(text: str) -> None:
    assert len(split_questions(text)) == 2


# --- "c'est koi la diff entre … on mélange tout": the reason told after the question ------------------------

def test_the_difference_asked_by_phone_with_the_reason_after_it_is_answered(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "cc cest koi la diff entre conseil citoyen et conseil de quartier "
                                       "on arrive pas a expliquer aux voisins")
    assert first_line(shown).endswith("Quelle est la différence entre un conseil citoyen et un conseil de quartier ?")


@pytest.mark.parametrize(("text", "parts"), [
    ("c'est quoi le FPH on en a parlé à la réunion", [("c'est quoi le FPH", Role.QUESTION),
                                                      ("on en a parlé à la réunion", Role.INTRO)]),
    # A question word ending the clause asks.
    ("c'est quoi la maison du projet on la trouve ou", [("c'est quoi la maison du projet on la trouve ou",
                                                         Role.QUESTION)]),
    ("c'est quoi la GUSP ca marche comment", [("c'est quoi la GUSP ca marche comment", Role.QUESTION)])])
def test_after_what_is_a_clause_that_asks_nothing_is_why_the_member_asks(text: str, parts: list[tuple[str, Role]]) -> None:
    assert [(s.text, s.role) for s in split_message(text)] == parts


# --- an angry story about the landlord, then "le conseil peut faire quelque chose ?" --------------------------

def test_what_the_council_can_do_is_asked_of_the_landlord_story_told_before(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "J'en ai marre. Notre ascenseur est en panne depuis des semaines et le bailleur "
                                       "ne fait rien. Le conseil citoyen peut faire quelque chose ou on perd notre temps ?")
    choices = shown.splitlines()
    assert "[1] À qui s'adresser selon le problème" in choices[1]
    assert "désolé" not in shown  # the anger is at the landlord, not at the hotline


@pytest.mark.parametrize("text", ["le conseil peut agir ?", "que peut faire le conseil citoyen ?",
                                  "Est-ce que le conseil peut faire quoi pour nous ?"])
def test_what_the_council_can_do_names_no_subject_of_its_own(text: str) -> None:
    assert asks_what_the_council_can_do(text)


@pytest.mark.parametrize("text", ["que peut faire le conseil citoyen pendant les élections ?",
                                  "le conseil citoyen peut avoir un local ?"])
def test_what_the_council_can_do_about_a_thing_it_names_has_a_subject(text: str) -> None:
    assert not asks_what_the_council_can_do(text)


def test_or_is_it_no_use_after_a_question_asks_nothing_more() -> None:
    assert without_no_use("le conseil peut faire quelque chose ou on perd notre temps ?") == \
        "le conseil peut faire quelque chose ?"
    assert not aimed_at_hotline("Le bailleur ne fait rien. Le conseil peut agir ou on perd notre temps ?")
    assert aimed_at_hotline("vous me faites perdre mon temps")


# --- the agenda, and another question beside it --------------------------------------------------------------

def test_a_question_beside_the_agenda_s_is_offered_under_the_card(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Le prochain interconseil c'est quand ? Et mon mari qui n'est pas au conseil, "
                                       "il peut m'accompagner ?")
    assert "Interconseil" in shown and "Pour votre autre question" in shown
    assert "Qui peut venir à l'interconseil" in shown


def test_a_second_question_about_the_same_events_is_no_other_question(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "il y a un webinaire bientôt ? c'est quand ?")
    assert "Pour votre autre question" not in shown


# --- played as a new member: what else was wrong --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "on a fait une demande de subvention à la mairie et pas de réponse depuis deux mois, c'est normal ?",
    "j'ai envoyé un courrier au bailleur il y a un mois, toujours pas de réponse, je fais quoi ?"])
def test_no_answer_to_a_request_made_to_someone_else_is_no_question_about_ours(text: str) -> None:
    assert Act.STATUS not in detect(text)


def test_no_answer_to_the_question_left_with_us_still_asks_where_it_stands() -> None:
    assert Act.STATUS in detect("j'ai posé ma question à l'équipe et toujours pas de réponse depuis lundi")


def test_whom_she_should_ask_is_asked_of_her_question_too() -> None:
    assert len(split_questions("Ma belle-sœur est nouvelle au conseil, elle peut venir au copil ? à qui elle doit "
                               "s'adresser ?")) == 1
    # "vous" names whom the member wants to reach: a question of its own.
    assert len(split_questions("combien coûte la formation et comment vous joindre ?")) == 2


def test_a_member_who_says_bonsoir_is_greeted_back_with_bonsoir(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Bonsoir, je suis nouvelle au conseil citoyen. C'est quoi un QPV ?")
    assert "Bonsoir !" in shown and "Bonjour !" not in shown
    assert "Bonjour !" in reply_in_chat(shipped_app, "Bonjour, c'est quoi un QPV ?")


@pytest.mark.parametrize(("text", "entry_question"), [
    ("qui peut venir à l'interconseil, c'est quand le prochain", "Qui peut venir à l'interconseil"),
    ("c'est quoi un café citoyen et c'est quand le prochain ?", "Qu'est-ce qu'un café citoyen ?"),
])
def test_what_an_event_is_or_who_may_come_asked_before_its_date_is_answered_too(
        shipped_app: App, text: str, entry_question: str) -> None:
    # Hélène names the event in her first question and asks its date after: both are answered.
    shown = reply_in_chat(shipped_app, text)
    assert shown.startswith("hotline> 📅 Agenda") or "pas encore de date fixée" in shown.splitlines()[0]
    assert entry_question in shown
