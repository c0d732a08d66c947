"""Members write acts and agenda questions the way French is spoken (nineteenth stop, 28 November 2026), in the
terminal chat: a question taken up again by a pronoun ("ma question, elle a été transmise ?"), a real person said
to be missing ("y a pas un vrai conseiller ?"), a matter to settle with a person, "de votre part" after a thanks,
the member's own French given as the reason for plainer words, an event asked for at a place ("à Rennes").
Near misses stay questions: a person of the town hall, a plain question beside a word on one's French, a meeting
about a subject.
"""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, detect
from bot.answering.normalize import words
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.events.intent import agenda_intent
from tests.conftest import first_line, reply_in_chat

PERSON = "une personne de l'équipe"
NOTHING_SENT = "pas encore transmis"
SORRY = "désolé"


def test_thanks_said_kind_of_the_hotline_close(app: App) -> None:
    shown = reply_in_chat(app, "ah merci c'est gentil de votre part")
    assert "plaisir" in shown and "[1]" not in shown


@pytest.mark.parametrize("text", ["y a pas un vrai conseiller qui peut me répondre",
                                  "je préfère voir ça avec une personne"])
def test_a_real_person_missed_or_a_matter_to_settle_with_one_is_offered_a_person(app: App, text: str) -> None:
    assert Act.HUMAN in detect(text) and PERSON in reply_in_chat(app, text)


@pytest.mark.parametrize("text", ["je préfère voir ça avec quelqu'un de la mairie",
                                  "il y a pas un vrai local pour notre conseil ?"])
def test_someone_of_another_office_or_a_real_thing_is_no_request_for_a_person(text: str) -> None:
    assert Act.HUMAN not in detect(text)


@pytest.mark.parametrize("text", ["du coup ma question elle a été transmise ?",
                                  "J'avais posé une question la semaine dernière sur le local, elle a été transmise à "
                                  "l'équipe. Vous avez du nouveau ?"])
def test_a_question_taken_up_by_a_pronoun_or_told_at_length_asks_after_it(app: App, text: str) -> None:
    assert Act.STATUS in detect(text) and NOTHING_SENT in reply_in_chat(app, text)


def test_good_for_nothing_is_an_insult_that_gets_a_calm_reply(app: App) -> None:
    assert SORRY in reply_in_chat(app, "vous êtes une bande de bons à rien")


@pytest.mark.parametrize("text", ["tu peux dire avec des mots faciles ? je parle pas bien le français",
                                  "désolée mais c'est trop compliqué pour moi tous ces mots, le français c'est pas ma "
                                  "langue"])
def test_one_s_own_french_as_the_reason_asks_for_the_simpler_version(app: App, text: str) -> None:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    assert "En plus simple" in chat.render(chat.handle(text))


def test_a_question_beside_a_word_on_one_s_french_stays_a_question() -> None:
    assert Act.SIMPLER not in detect("je parle pas bien le français, comment on remplit le dossier pour le FPH ?")


def test_an_event_asked_for_at_a_place_gets_the_agenda(shipped_app: App) -> None:
    assert "Agenda de RésO Villes" in reply_in_chat(shipped_app, "y a un événement à Rennes ?")


@pytest.mark.parametrize("question", ["y a une réunion à propos du budget ?", "y a des trucs à faire pour le conseil ?",
                                      "y a une réunion à la mairie demain, je dois y aller ?"])
def test_what_a_meeting_is_about_or_what_to_do_is_no_place_asked(question: str) -> None:
    assert agenda_intent(words(question)) is None


@pytest.mark.parametrize("text", ["est-ce que je peux avoir un rendez-vous avec quelqu'un de chez vous",
                                  "mettez moi en lien avec l'équipe svp", "j'aimerais qu'on m'appelle",
                                  "je veux pas parler à une machine", "pouvez-vous me faire rappeler"])
def test_a_meeting_a_call_or_no_machine_wanted_is_offered_a_person(app: App, text: str) -> None:
    assert Act.HUMAN in detect(text) and PERSON in reply_in_chat(app, text)


def test_putting_residents_in_touch_with_elected_people_is_no_request_for_a_person() -> None:
    assert Act.HUMAN not in detect("on va mettre en lien les habitants avec les élus")


@pytest.mark.parametrize("text", ["ma question d'avant vous l'avez transmise ?",
                                  "vous m'oubliez ou quoi ? j'attends depuis lundi"])
def test_a_question_taken_up_by_l_or_a_wait_since_a_day_asks_after_it(app: App, text: str) -> None:
    assert Act.STATUS in detect(text) and NOTHING_SENT in reply_in_chat(app, text)


def test_a_wait_for_a_grant_since_months_is_no_status() -> None:
    assert Act.STATUS not in detect("j'attends depuis 3 mois la subvention")


@pytest.mark.parametrize("text", ["ça me gonfle ce bot", "vous êtes pas capable de répondre à une question simple",
                                  "j'en peux plus de ce truc"])
def test_weariness_and_the_hotline_said_unable_get_a_calm_reply(app: App, text: str) -> None:
    assert Act.FRUSTRATION in detect(text) and SORRY in reply_in_chat(app, text)


@pytest.mark.parametrize("text", ["je vous souhaite une bonne soirée", "à la revoyure",
                                  "merci à toute l'équipe, je vous souhaite une bonne soirée", "okok"])
def test_a_goodbye_wished_whole_or_a_doubled_ok_closes(app: App, text: str) -> None:
    shown = reply_in_chat(app, text)
    assert any(word in shown for word in ("plaisir", "revoir", "Très bien")) and "[1]" not in shown


def test_a_goodbye_before_a_question_still_asks() -> None:
    assert Act.BYE not in detect("bonne soirée, je voudrais savoir comment on demande le FPH")


@pytest.mark.parametrize("text", ["c'est chinois pour moi", "c'est quoi tous ces mots"])
def test_the_answer_s_words_said_foreign_ask_for_the_simpler_version(app: App, text: str) -> None:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    assert "En plus simple" in chat.render(chat.handle(text))


@pytest.mark.parametrize("question", ["vous avez quoi au deuxième trimestre", "le programme du 3e trimestre svp",
                                      "qu'est-ce qu'il y a cet hiver", "des événements à Nantes ?",
                                      "quelles rencontres à Saint-Nazaire", "c'est en ligne ou sur place l'interconseil",
                                      "la liste des événements"])
def test_what_is_on_by_quarter_season_theme_place_or_format_gets_the_agenda(shipped_app: App, question: str) -> None:
    assert "Agenda de RésO Villes" in reply_in_chat(shipped_app, question)


@pytest.mark.parametrize("question", ["on peut faire nos réunions en ligne ou sur place ?",
                                      "je suis sur la liste d'attente de la formation, ça marche comment ?"])
def test_the_council_s_own_meetings_or_a_waiting_list_are_no_agenda(question: str) -> None:
    assert agenda_intent(words(question)) is None


def test_the_answer_said_not_what_was_asked_gets_a_calm_reply(app: App) -> None:
    assert SORRY in reply_in_chat(app, "c'est pas ce que je demandais")


def test_weariness_supposed_in_a_condition_is_no_complaint() -> None:
    assert Act.FRUSTRATION not in detect("et si j'en ai marre avant la fin ?")


def test_the_one_in_charge_asked_to_be_put_through_is_offered_a_person(app: App) -> None:
    text = "vous pouvez me passer la personne qui s'occupe des conseils citoyens"
    assert Act.HUMAN in detect(text) and PERSON in reply_in_chat(app, text)


@pytest.mark.parametrize("text", ["j'ai demandé hier pour la salle, vous avez du nouveau ?",
                                  "vous avez pu avancer sur ma demande ?", "c'est bon vous avez ma question ?"])
def test_news_of_a_request_asked_of_the_team_asks_after_it(app: App, text: str) -> None:
    assert Act.STATUS in detect(text) and NOTHING_SENT in reply_in_chat(app, text)


def test_what_the_answer_means_not_seen_gives_the_simpler_version(app: App) -> None:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    assert "En plus simple" in chat.render(chat.handle("je vois pas trop ce que ça veut dire"))


@pytest.mark.parametrize("text", ["bon je vais me débrouiller", "ah super merci, je savais pas",
                                  "bon aller bonne journée"])
def test_taking_it_from_there_or_learning_it_closes(app: App, text: str) -> None:
    shown = reply_in_chat(app, text)
    assert any(word in shown for word in ("plaisir", "revoir", "Très bien")) and "[1]" not in shown


@pytest.mark.parametrize("text", ["merci énormément pour votre aide", "je vous remercie sincèrement"])
def test_thanks_said_with_how_much_close(app: App, text: str) -> None:
    shown = reply_in_chat(app, text)
    assert "plaisir" in shown and "[1]" not in shown


def test_not_what_i_asked_you_gets_a_calm_reply(app: App) -> None:
    assert SORRY in reply_in_chat(app, "c'est pas ce que je vous ai demandé")


def test_the_agenda_of_the_month_gets_the_agenda(shipped_app: App) -> None:
    assert "Agenda de RésO Villes" in reply_in_chat(shipped_app, "agenda du mois")


@pytest.mark.parametrize("text", ["ok et pour les jeunes ?", "super, et pour les jeunes ?"])
def test_a_sequel_after_an_acknowledgement_goes_on_from_the_last_answer(shipped_app: App, text: str) -> None:
    chat = TerminalChat(shipped_app.hotline)
    assert "mobiliser les habitants" in chat.render(chat.handle("comment mobiliser les habitants du quartier ?"))
    assert "jeunes" in first_line(chat.render(chat.handle(text)))  # an entry on young people, answered at once


@pytest.mark.parametrize("text", ["ok merci et bonne journée", "ok mais c'est quand le prochain interconseil"])
def test_an_acknowledgement_then_a_goodbye_or_a_reservation_is_no_sequel(text: str) -> None:
    assert Act.FOLLOW_UP not in detect(text)


@pytest.mark.parametrize("question", ["le webinaire sur la laïcité ça tombe quels jours ?",
                                      "vous organisez quelque chose sur la laïcité"])
def test_which_days_an_event_falls_on_or_whether_one_exists_gets_its_card(shipped_app: App, question: str) -> None:
    # The programme's webinar on laïcité is named by its theme: its card (its date, or that none is set yet).
    assert "Webinaire sur une question d'actualité autour de la laïcité" in reply_in_chat(shipped_app, question)


def test_how_many_days_a_training_lasts_is_no_date_asked() -> None:
    assert agenda_intent(words("la formation dure combien de jours ?")) is None


@pytest.mark.parametrize("text", ["quels ?", "quelle", "y a un", "il y a des", "vous avez des"])
def test_an_opening_with_nothing_after_it_is_read_without_fail(app: App, text: str) -> None:
    # A member who sends only the start of a question gets a reply, not a crash of the agenda's reading.
    agenda_intent(words(text))
    assert reply_in_chat(app, text)
