"""A member asks a word's meaning, says goodbye, vents, asks for a simpler answer or asks the agenda inside a
sentence of their own ("ma fille va au CLAS après le collège, c koi exactement", "bon allez a+", "des webinaires
au printemps ?"): the hotline hears what is asked, in the terminal chat."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from tests.conftest import first_line, reply_in_chat

NOVEMBER_27 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


# --- a word asked inside a story ----------------------------------------------------------------------------

def test_a_personal_story_ending_on_c_est_quoi_asks_the_word_it_names(shipped_app: App) -> None:
    # "après le collège" makes it her own matter; the question still asks only what the CLAS is.
    shown = reply_in_chat(shipped_app, "ma fille va au CLAS après le collège, c koi exactement")
    assert "CLAS" in shown and "aide aux devoirs" in shown


def test_a_term_named_again_after_ca_veut_dire_quoi_is_the_one_asked(shipped_app: App) -> None:
    # Two terms in the message: the one repeated after "quoi" says which, not the one just before it.
    shown = reply_in_chat(shipped_app, "le mot GUSP revient dans le contrat de ville, ça veut dire quoi GUSP ?")
    assert "Gestion urbaine et sociale de proximité" in shown


@pytest.mark.parametrize(("text", "meaning"), [
    ("mon neveu commence un CEJ avec la mission locale, c'est quoi ?", "Contrat d'engagement jeune"),
    ("que signifie QPV dans le contrat de ville ?", "Quartier prioritaire"),
    # a thing of the other term between: where the word was read
    ("« droit commun » ça veut dire quoi dans les documents du contrat de ville ?", "moyens ordinaires"),
])
def test_a_term_after_dans_or_avec_says_where_and_the_other_is_asked(shipped_app: App, text: str,
                                                                    meaning: str) -> None:
    chat = TerminalChat(shipped_app.hotline)
    assert meaning in chat.render(chat.handle(text))


def test_c_est_quoi_le_principe_asks_what_the_thing_just_named_is(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "La mairie organise un diagnostic en marchant jeudi, c'est quoi le principe ?")
    assert "Balade dans le quartier" in shown


def test_likening_a_word_to_another_asks_the_first(shipped_app: App) -> None:
    # The copil's entry compares the two in its alternates, but the member asks what a cotech is.
    shown = reply_in_chat(shipped_app, "le cotech ça ressemble au copil ?")
    assert "cotech" in shown and "techniciens" in shown


def test_a_term_quoted_after_ils_disent_is_asked_however_common(shipped_app: App) -> None:
    # EPCI is used by ten entries, so a story naming it is usually about something else; "ils disent EPCI", the
    # word quoted bare, is the word they did not understand.
    shown = reply_in_chat(shipped_app, "ils disent EPCI tout le temps, c'est quoi ?")
    assert "Regroupement de communes" in shown


def test_c_est_pour_quoi_faire_asks_what_the_thing_is_for(shipped_app: App) -> None:
    # "pour quoi faire" is "à quoi ça sert", not "what should I do".
    shown = reply_in_chat(shipped_app, "la mission locale c'est pour quoi faire")
    assert "16 à 25 ans" in shown


# --- acts said in a sentence ----------------------------------------------------------------------------------

def test_bon_allez_a_plus_closes_the_conversation(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    shown = chat.render(chat.handle("bon allez a+"))
    assert "revoir" in shown or "plaisir" in shown
    assert "[1]" not in shown


def test_not_at_all_what_i_wanted_gets_a_calm_reply_offering_a_person(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    shown = chat.render(chat.handle("non mais c'est pas du tout ce que je voulais"))
    assert "désolé" in shown and "Poser la question à l'équipe" in shown


def test_a_goodbye_typed_without_its_last_e_still_closes(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    shown = chat.render(chat.handle("bonne soiré a vous"))
    assert "plaisir" in shown or "revoir" in shown
    assert "[1]" not in shown


def test_wishing_someone_of_the_team_would_call_back_gets_the_offer_of_a_person(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "j'aimerais qu'une personne de votre équipe me rappelle")
    assert "une personne de l'équipe" in shown and "Poser la question à l'équipe" in shown


@pytest.mark.parametrize("text", ["vous pouvez me réexpliquer ça ?", "j'ai pas saisi le passage sur les membres",
                                  "tu peux faire + court stp"])
def test_asking_to_explain_again_gives_the_simpler_version(shipped_app: App, text: str) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("c'est quoi un conseil citoyen ?"))
    shown = chat.render(chat.handle(text))
    assert "En plus simple" in shown and "Revoir la réponse complète" in shown


# --- the agenda asked of a season or a month's programme --------------------------------------------------------

@pytest.mark.parametrize("text", ["des webinaires au printemps ?", "il y a des formations en automne ?"])
def test_events_asked_for_a_season_show_the_agenda(shipped_app: App, clock: ManualClock, text: str) -> None:
    clock.set(NOVEMBER_27)
    chat = TerminalChat(shipped_app.hotline)
    assert "Agenda de RésO Villes" in chat.render(chat.handle(text))


def test_what_the_programme_holds_in_a_month_is_the_agenda_not_one_event(shipped_app: App,
                                                                         clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    shown = reply_in_chat(shipped_app, "vous avez quoi au programme pour janvier")
    assert "Agenda de RésO Villes" in shown and "janvier 2027" in shown


def test_a_meeting_of_the_councils_soon_is_asked_of_the_agenda_not_advice(shipped_app: App,
                                                                          clock: ManualClock) -> None:
    # "des conseils citoyens" are the councils; "des conseils" alone would be advice.
    clock.set(NOVEMBER_27)
    chat = TerminalChat(shipped_app.hotline)
    assert "Agenda de RésO Villes" in chat.render(chat.handle("y a une rencontre des conseils citoyens bientôt ?"))


def test_a_question_told_as_sent_then_nothing_since_asks_its_status(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "j'ai écrit ma question il y a dix jours et toujours rien")
    assert "pas encore transmis de question à l'équipe" in shown


def test_what_the_council_can_do_is_asked_not_what_the_word_means(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Que peut faire le conseil citoyen ?")
    assert "Que fait concrètement un conseil citoyen ?" in shown


@pytest.mark.parametrize(("text", "question"), [
    ("c'est quoi le conseil citoyen ils ont mis une affiche dans le hall", "Qu'est-ce qu'un conseil citoyen ?"),
    ("c'est quoi le FPH elle m'en a parlé à la sortie de l'école", "Qu'est-ce que le fonds de participation"),
])
def test_what_is_then_who_spoke_of_it_asks_only_what_it_is(shipped_app: App, text: str, question: str) -> None:
    # Nora saw a poster in her hall: where she heard of it is the story, the thing is what she asks.
    assert question in reply_in_chat(shipped_app, text).splitlines()[0]


@pytest.mark.parametrize(("text", "question"), [
    ("J'ai vu une affiche sur le conseil citoyen dans le hall. Ça sert à quoi ?",
     "Que fait concrètement un conseil citoyen ?"),
    ("Au boulot on parle du FPH. Ça peut nous aider ?", "Qu'est-ce que le fonds de participation"),
])
def test_what_the_thing_the_story_names_is_for_is_asked_of_it(shipped_app: App, text: str, question: str) -> None:
    # Kader saw a poster about the council: "ça" is the council, and what it is for is its role.
    assert question in reply_in_chat(shipped_app, text).splitlines()[0]


# --- a thing quoted in the story, then "ça veut dire quoi ?" --------------------------------------------------

@pytest.mark.parametrize(("message", "entry_question"), [
    ("À la réunion du centre social, ils ont montré des chiffres sur les gens qui ne demandent pas leurs aides. Ils "
     "appellent ça le « non-recours ». C'est quoi exactement ?",
     "Qu'est-ce que le non-recours aux droits et aux soins ?"),
    ("Notre chargée de mission a cité le « Pôle Data & Quartiers » trois fois pendant la réunion sur le chômage des "
     "jeunes. Ça sert à quoi ?", "Qu'est-ce que le Pôle Data & Quartiers de RésO Villes ?"),
])
def test_a_question_naming_nothing_asks_what_the_thing_quoted_in_the_story_is(
        shipped_app: App, message: str, entry_question: str) -> None:
    # The story's other words (aid, unemployment) lowered every entry's share: the hotline said it did not know.
    # The question asks what the quoted thing is, or is for; the entry on it is answered.
    assert first_line(reply_in_chat(shipped_app, message)) == entry_question


def test_a_quoted_word_no_entry_is_about_is_not_answered_for_it(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "La voisine du dessous m'a parlé de son « dossier » à la mairie. Ça veut dire "
                                       "quoi ?")
    assert "Vouliez-vous dire" in shown or "ne connais pas" in shown


@pytest.mark.parametrize(("message", "term"), [
    ("Au dernier comité, l'animatrice a parlé d'un « cotech » pour préparer la suite. Que désigne ce mot ?", "cotech"),
    ("Un vieux document de la mairie parle encore de ZUS à chaque page. Que recouvre-t-il ?", "ZUS"),
    ("Les élus parlent tout le temps de « droit commun ». Quel sens donner à cette expression ?", "droit commun"),
])
def test_a_careful_question_on_the_word_told_just_before_gets_its_meaning(
        shipped_app: App, message: str, term: str) -> None:
    # "ce mot", "cette expression", "que recouvre-t-il": the word the story names is asked of, not the story.
    shown = reply_in_chat(shipped_app, message)
    assert first_line(shown).casefold().startswith(term.casefold()), shown
