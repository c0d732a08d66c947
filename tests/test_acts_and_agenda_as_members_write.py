"""Members thank, wait, get angry, ask for a person or for plainer words, and ask what is on, in words of their
own (eighteenth stop, 27 November 2026): the hotline hears what the message does, in the terminal chat.

Fresh messages showed the acts and the agenda questions the weakest: a wait told with the question sent ("j'ai écrit
une question mardi, toujours rien"), a person wanted behind the screen, where an event takes place, whether the
centre holds events at all. Near misses stay questions: a question sent to the town hall, "je m'inscris où".
"""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, detect
from bot.answering.normalize import words
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.events.intent import agenda_intent
from tests.conftest import reply_in_chat

PERSON = "une personne de l'équipe"
NOTHING_SENT = "pas encore transmis"
SORRY = "désolé"


def after_an_answer(app: App) -> TerminalChat:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    return chat


# --- a person --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["bonjour, il y a quelqu'un derrière l'écran ?",
                                  "transmettez mon message à une personne",
                                  "j'aimerais qu'une personne étudie mon cas",
                                  "on pourrait s'appeler par téléphone ?"])
def test_a_person_wanted_in_other_words_is_offered(app: App, text: str) -> None:
    assert PERSON in reply_in_chat(app, text)


def test_someone_behind_a_building_is_no_request_for_a_person() -> None:
    assert Act.HUMAN not in detect("il y a quelqu'un derrière la maison de quartier qui fait du bruit")


# --- where is my question --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["j'ai posé une question mardi et toujours rien",
                                  "ça fait une semaine que j'attends",
                                  "l'équipe a oublié ma demande ?",
                                  "ma demande est encore en cours ?",
                                  "on m'avait promis qu'on me rappellerait",
                                  "toujours rien de votre part"])
def test_a_wait_told_in_other_words_asks_after_the_question(app: App, text: str) -> None:
    assert NOTHING_SENT in reply_in_chat(app, text)


@pytest.mark.parametrize("text", ["j'ai posé une question à la mairie et toujours rien",
                                  "ça fait trois mois que j'attends la subvention",
                                  "quand le bot transmet ma question, je vais avoir la réponse quand ?"])
def test_a_wait_for_someone_else_or_a_question_on_delays_is_no_status(text: str) -> None:
    assert Act.STATUS not in detect(text)


# --- anger -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ça commence vraiment à m'agacer",
                                  "on tourne en rond avec vous",
                                  "je demande une chose simple et rien",
                                  "impossible d'obtenir une vraie réponse"])
def test_anger_in_other_words_gets_a_calm_reply(app: App, text: str) -> None:
    assert SORRY in reply_in_chat(app, text)


def test_how_long_for_a_real_answer_is_no_complaint() -> None:
    assert Act.FRUSTRATION not in detect("ça prend combien de temps pour avoir une vraie réponse de l'équipe ?")


# --- plainer words ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["expliquez-moi comme si j'avais 12 ans", "c'est quoi ?"])
def test_plainer_words_asked_in_other_ways_give_the_simpler_version(app: App, text: str) -> None:
    chat = after_an_answer(app)
    assert "En plus simple" in chat.render(chat.handle(text))


def test_a_hein_at_the_end_of_a_thanks_is_no_request_for_plainer_words() -> None:
    acts = detect("d'accord merci hein")
    assert Act.THANKS in acts and Act.SIMPLER not in acts


# --- thanks and goodbyes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["merci d'avoir répondu si vite",
                                  "ça répond bien à ma question, merci",
                                  "vous m'avez bien dépanné",
                                  "merci, c'est très pratique pour notre assemblée de mardi",
                                  "merci je vais en parler avec le reste du bureau demain soir",
                                  "je reviendrai vers vous si jamais, bonne soirée"])
def test_thanks_in_other_words_close(app: App, text: str) -> None:
    shown = reply_in_chat(app, text)
    assert any(word in shown for word in ("plaisir", "revoir", "Très bien")) and "[1]" not in shown


@pytest.mark.parametrize("text", ["merci d'avoir répondu, mais comment on réserve la salle ?",
                                  "merci de me dire qui contacter pour la salle"])
def test_thanks_that_still_ask_are_no_close(text: str) -> None:
    assert Act.THANKS not in detect(text)


# --- the agenda ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["l'inter-conseil c'est où ?", "le webinaire a lieu où ?",
                                      "la formation, ça se passe dans quelle ville ?"])
def test_where_an_event_takes_place_is_on_the_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is not None


@pytest.mark.parametrize("question", ["je veux suivre le webinaire, je m'inscris où ?",
                                      "c'est obligatoire ou pas d'aller à la formation ?"])
def test_where_to_register_or_an_or_is_no_place_asked(question: str) -> None:
    assert agenda_intent(words(question)) is None


@pytest.mark.parametrize("question", ["organisez-vous des rencontres pour les habitants ?",
                                      "vous proposez des ateliers pour les habitants ?",
                                      "vous faites des trucs pour les gens du quartier ?"])
def test_whether_the_centre_holds_events_at_all_is_the_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is not None


@pytest.mark.parametrize("question", ["quelles formations vous organisez pour les élus ?",
                                      "comment vous organisez des réunions publiques ?"])
def test_what_the_centre_s_events_are_about_or_how_to_hold_one_is_no_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is None


@pytest.mark.parametrize("question", ["quand est-ce qu'on se retrouve entre conseils ?",
                                      "le prochain rassemblement des conseils citoyens c'est quand",
                                      "c quand l'inter conseille"])
def test_councils_meeting_said_in_other_words_is_the_interconseil(question: str) -> None:
    intent = agenda_intent(words(question))
    assert intent is not None and intent.kind == "interconseil"


@pytest.mark.parametrize("question", ["il y a quoi en ce moment", "le programme 2026 svp"])
def test_what_is_on_now_or_a_year_s_programme_gets_the_agenda(shipped_app: App, question: str) -> None:
    assert "Agenda de RésO Villes" in reply_in_chat(shipped_app, question)


def test_whether_the_centre_holds_events_gets_the_agenda_in_the_chat(shipped_app: App) -> None:
    assert "Agenda de RésO Villes" in reply_in_chat(shipped_app, "vous organisez des choses pour les habitants ?")


# --- the words of an act, when no phrase is known --------------------------------------------------------------

def test_anger_in_words_no_phrase_knows_gets_a_calm_reply(shipped_app: App) -> None:
    assert SORRY in reply_in_chat(shipped_app, "franchement c'est la galère avec vous")


def test_a_person_wanted_in_words_no_phrase_knows_is_offered(shipped_app: App) -> None:
    assert PERSON in reply_in_chat(shipped_app, "une personne pourrait me joindre ?")


def test_news_of_a_request_in_words_no_phrase_knows_asks_after_it(shipped_app: App) -> None:
    assert NOTHING_SENT in reply_in_chat(shipped_app, "des nouvelles depuis lundi pour ma demande ?")


def test_trouble_following_in_words_no_phrase_knows_gives_the_simpler_version(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("c'est quoi le contrat de ville ?"))
    assert "En plus simple" in chat.render(chat.handle("j'ai du mal à suivre"))


@pytest.mark.parametrize("text", ["je comprends pas ma facture d'eau", "le wifi de la médiathèque marche pas",
                                  "qui dois-je appeler pour une fuite d'eau ?",
                                  "un membre est toujours en retard, c'est pénible"])
def test_someone_else_s_trouble_or_a_thing_of_one_s_own_is_no_act(shipped_app: App, text: str) -> None:
    shown = reply_in_chat(shipped_app, text)
    assert SORRY not in shown and PERSON not in shown and NOTHING_SENT not in shown and "En plus simple" not in shown


@pytest.mark.parametrize("question", ["je peux venir au webinaire sur les discriminations ?",
                                      "j'aimerais assister à une formation"])
def test_a_wish_to_attend_an_event_of_a_kind_is_the_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is not None


@pytest.mark.parametrize("question", ["qui peut venir au webinaire ?", "je peux venir avec ma voisine à la journée ?",
                                      "je peux pas venir au webinaire, on peut le revoir ?"])
def test_who_may_come_with_whom_or_not_coming_is_no_wish_to_attend(question: str) -> None:
    assert agenda_intent(words(question)) is None


def test_thanks_for_being_helped_out_for_a_meeting_close_rather_than_ask_the_agenda(app: App) -> None:
    shown = reply_in_chat(app, "merci, vous m'avez bien dépanné pour l'assemblée de demain")
    assert "plaisir" in shown and "Agenda" not in shown


def test_a_reproach_naming_what_was_asked_again_gets_a_calm_reply(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "vous comprenez rien à ce que j'écris, je vous repose la même question")
    assert SORRY in shown


# --- how events work, the year's programme, an event on a topic (twenty-third stop) -------------------------------

@pytest.mark.parametrize("question", [
    "vous allez me prévenir deux jours avant la date de la journée ?",
    "on reçoit une notification avant la date de l'atelier ?",
    "sur l'agenda l'atelier a une date pas encore fixée, ça signifie quoi ?",
    "ça veut dire quoi « date à confirmer » pour la journée ? elle aura lieu ou pas ?",
    "mon amie voulait venir à l'atelier de la semaine prochaine mais quand ma voisine a regardé c'était complet, "
    "on peut faire quelque chose ?",
    "avant la réunion du mois prochain je voudrais comprendre quel est le rôle du délégué du préfet",
    "à chaque réunion les voisins en parlent, vous savez quand le gymnase rouvre cet été ?",
    "je ne sais jamais quoi dire quand je suis au copil"])
def test_how_events_work_told_around_a_date_or_a_meeting_is_no_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is None


@pytest.mark.parametrize("question", ["quelle est la date de la prochaine journée ?",
                                      "vous savez quand elle a lieu la journée sur la GUSP ?",
                                      "pouvez-vous me dire quand il commence, le webinaire ?"])
def test_a_date_asked_or_asked_to_be_told_is_the_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is not None


@pytest.mark.parametrize("question", ["c'est quoi votre offre de webinaires pour 2026 ?",
                                      "quelles journées vous prévoyez l'an prochain ?",
                                      "le programme des conférences en ligne de l'année, il parle de quoi ?"])
def test_the_year_s_programme_of_a_kind_of_event_is_no_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is None


@pytest.mark.parametrize("question", ["les dates des formations de cette année ?",
                                      "vous faites un webinaire sur la laïcité cette année ?",
                                      "quels sont les prochains webinaires ?",
                                      "quelles formations en avril cette année ?"])
def test_the_year_s_events_with_a_date_a_topic_or_a_month_are_the_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is not None


def test_the_year_s_webinars_get_their_entry_in_the_chat(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "quels webinaires organisez-vous cette année ?")
    assert "Agenda de RésO Villes" not in shown and "webinaire" in shown.casefold()


def test_two_questions_each_for_an_entry_get_no_agenda_in_the_chat(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "l'inter-conseil revient tous les combien ? et vous faites des formations "
                                       "cette année ?")
    assert "Agenda de RésO Villes" not in shown


@pytest.mark.parametrize("question", ["il y a un atelier sur la laïcité ?",
                                      "y a des webinaires prévus autour du logement ?",
                                      "ke ce passe t'il en juin ?",
                                      "qu'est-ce qui ce passe au printemps chez vous"])
def test_an_event_on_a_topic_or_what_happens_written_as_heard_is_the_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is not None


@pytest.mark.parametrize("question", ["y a une formation sur la laïcité ?",
                                      "il y a une étude sur le vote des jeunes ?",
                                      "une réunion sur le budget, qui peut venir ?"])
def test_a_training_a_study_or_who_may_come_on_a_topic_is_no_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is None
