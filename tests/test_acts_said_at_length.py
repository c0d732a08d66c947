"""Acts said at length, as the blind batches of the twenty-second stop wrote them, in the terminal chat: a question
named by what was done with it (« la question que j'ai transmise »), a thanks saying what the answer was for, a
goodbye saying where one goes, « rien compris à ce que vous venez de dire », the hotline counted among those who do
not listen. Near misses stay questions: what is talked about at a meeting, a question after the thanks. A story's
time words (« une fois tous les deux mois », « mes horaires ») ask no agenda."""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, detect
from bot.answering.normalize import words
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.events.intent import agenda_intent
from tests.conftest import reply_in_chat

NOTHING_SENT = "pas encore transmis"


@pytest.mark.parametrize("text", ["Où en est la question que j'ai transmise à l'équipe hier ?",
                                  "j'ai posé une question à l'équipe y a une semaine, toujours rien, elle en est où ?"])
def test_a_question_named_by_what_was_done_with_it_asks_after_it(app: App, text: str) -> None:
    assert Act.STATUS in detect(text) and NOTHING_SENT in reply_in_chat(app, text)


def test_a_question_put_to_the_mayor_is_no_question_of_ours() -> None:
    assert Act.STATUS not in detect("on a posé une question au maire sur le local, il en est où le projet ?")


def test_thanks_saying_what_the_answer_was_for_close(app: App) -> None:
    shown = reply_in_chat(app, "Merci beaucoup, c'est exactement ce qu'il me fallait pour la réunion de ce soir 🙏")
    assert "plaisir" in shown and "[1]" not in shown


def test_a_goodbye_saying_where_one_goes_closes(app: App) -> None:
    shown = reply_in_chat(app, "Bon je vous laisse, je dois aller chercher les petits à l'école. Bonne journée !")
    assert "revoir" in shown or "journée" in shown
    assert "[1]" not in shown


@pytest.mark.parametrize("text", ["c'est exactement ce qu'il me fallait pour la réunion de ce soir, elle commence à "
                                  "quelle heure ?",
                                  "je dois aller chercher les petits à l'école, le conseil peut aider pour la cantine ?"])
def test_a_question_after_the_thanks_or_the_errand_still_asks(text: str) -> None:
    assert not {Act.THANKS, Act.BYE} & set(detect(text))


def test_nothing_understood_of_what_was_just_said_gives_the_simpler_version(app: App) -> None:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    shown = chat.render(chat.handle("Euh j'ai rien compris à ce que vous venez de dire, vous pouvez dire plus simple ?"))
    assert "En plus simple" in shown


def test_what_is_talked_about_there_is_a_sequel_not_a_request_for_simpler_words() -> None:
    assert detect("et on y parle de quoi là-bas ?") == (Act.FOLLOW_UP,)
    assert Act.SIMPLER in detect("de quoi ?")


def test_the_hotline_counted_among_those_who_do_not_listen_is_a_complaint() -> None:
    assert Act.FRUSTRATION in detect("Décidément personne ne nous écoute, même pas le robot 😤")


def test_the_whole_story_told_and_a_wrong_answer_given_back_is_a_reproach(app: App) -> None:
    # What the member told and what came back are the reproach itself: no subject is left to answer, a person is
    # offered.
    text = ("vous comprenez rien franchement, j'ai raconté toute mon histoire avec la mairie et vous me sortez un "
            "truc qui a rien a voir")
    shown = reply_in_chat(app, text)
    assert "désolé" in shown and "Poser la question à l'équipe" in shown


def test_an_evening_lost_on_the_robot_is_a_reproach_not_a_question_about_it(shipped_app: App) -> None:
    # Fed up with "ce robot", after asking three times: the robot named in the anger asks nothing about the hotline.
    text = ("Ça fait trois fois que je pose la question et vous répondez à côté. J'ai passé ma soirée là-dessus, "
            "j'en ai marre de ce robot.")
    shown = reply_in_chat(shipped_app, text)
    assert "désolé" in shown and "Poser la question à l'équipe" in shown and "Le bot vous propose" not in shown


def test_a_picnic_is_no_insult() -> None:
    # "pique-nique" holds the word of an insult once the hyphen is read as a space.
    assert detect("On veut organiser un pique-nique géant dans le parc. Qui peut nous financer ça ?") == ()
    assert Act.FRUSTRATION in detect("nique ta mère")


# --- the agenda is not asked by a story's time words ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # how often the council meets, told: a practice, asked of the base
    "on se réunit une fois tous les deux mois le samedi matin, il y a un nombre de réunions imposé ?",
    # the member's own hours, and all the meetings: her attendance
    "je peux pas venir a toutes les reunions a cause de mes horaires, c grave ?",
    # "un contrat quelque chose": "or something", no event asked for June
    "on emmene les enfants a la plage en juin si un petit se blesse c qui le responsable faut prendre un contrat "
    "quelque chose",
])
def test_a_frequency_one_s_own_hours_or_or_something_ask_no_agenda(text: str) -> None:
    assert agenda_intent(words(text)) is None


@pytest.mark.parametrize("text", ["il y a quelque chose de prévu en juin ?", "les horaires de la prochaine réunion ?"])
def test_something_planned_or_a_meeting_s_hours_still_ask_the_agenda(text: str) -> None:
    assert agenda_intent(words(text)) is not None


def test_something_soon_on_a_subject_asks_the_agenda() -> None:
    # « bientôt » between « y a » and « quelque chose »: something on the subject is asked for, soon.
    assert agenda_intent(words("Ya bientot quelque chose sur les personnes agees dans les quartiers ?")) is not None
    assert agenda_intent(words("Vous organisez bientôt des choses sur la propreté dans les quartiers ?")) is not None
    assert agenda_intent(words("il y a bientôt quelque chose à payer ?")) is None


def test_what_a_term_is_asked_alone_after_a_story_naming_another_gets_its_meaning(shipped_app: App) -> None:
    # The copil's entry was taught to compare the two; the question names the cotech alone.
    shown = reply_in_chat(shipped_app, "Dans le mail de la chargée de mission il y a écrit « à valider en cotech avant "
                                       "le copil ». C'est quoi un cotech ?")
    assert "techniciens" in shown


def test_a_question_told_at_length_before_elle_en_est_ou_asks_after_it() -> None:
    text = ("Je vous écris parce que je suis un peu perdue. J'ai posé une question à l'équipe y a une semaine sur notre "
            "local et toujours rien, elle en est où ? Je voudrais pas qu'on m'oublie.")
    assert Act.STATUS in detect(text)


def test_may_i_go_to_the_copil_asks_who_sits_there_not_the_agenda(shipped_app: App) -> None:
    # The steering committee is the town's and the State's, not an event of the centre's to register for.
    assert agenda_intent(words("est-ce que moi je peux aller au copil ?")) is None
    assert agenda_intent(words("je peux aller au webinaire ?")) is not None
    assert "Qui représente le conseil citoyen au comité de pilotage" in reply_in_chat(
        shipped_app, "Hier en réunion ils ont parlé du cotech et du copil. C'est quoi un cotech ? Et est-ce que moi je "
                     "peux aller au copil ?")


def test_news_asked_with_eu_after_a_question_told_asks_after_it() -> None:
    assert Act.STATUS in detect("j'ai posé une question à l'équipe avant-hier, vous avez eu une réponse ?")
    assert Act.STATUS not in detect("j'ai posé une question au maire, vous avez eu une réponse ?")


@pytest.mark.parametrize("text", ["merci beaucoup madame c'est très clair, je vais en parler à la prochaine réunion",
                                  "bon je dois partir au travail, bonne soirée à vous"])
def test_a_thanks_with_what_comes_next_or_leaving_for_work_closes(app: App, text: str) -> None:
    shown = reply_in_chat(app, text)
    assert any(word in shown for word in ("plaisir", "revoir", "soirée", "journée")) and "[1]" not in shown


@pytest.mark.parametrize(("text", "meaning"), [
    ("Dans les courriers de la Métropole revient sans cesse le sigle QPV. À quoi correspond-il ?", "Quartier prioritaire"),
    ("La ville nous propose un « diagnostic en marchant » samedi matin. En quoi consiste ce genre de sortie ?",
     "Balade dans le quartier"),
])
def test_what_a_term_named_in_the_story_stands_for_gets_its_meaning(shipped_app: App, text: str, meaning: str) -> None:
    # « à quoi correspond-il ? », « en quoi consiste… ? » name nothing of their own: the story's term is asked.
    assert meaning in reply_in_chat(shipped_app, text)


def test_something_soon_asked_with_the_verb_first_asks_the_agenda() -> None:
    assert agenda_intent(words("Organisez-vous bientôt quelque chose sur le grand âge dans les quartiers ?")) is not None


# --- acts of the forty-fifth batches: said politely, in the past, or told in a story ----------------------------------

def test_a_thanks_for_the_kindness_shown_closes(app: App) -> None:
    shown = reply_in_chat(app, "Je vous remercie pour votre gentillesse et votre écoute, vous m'avez bien dépannée. "
                               "Bonne soirée.")
    assert any(word in shown for word in ("plaisir", "revoir", "soirée")) and "[1]" not in shown


@pytest.mark.parametrize("text", ["ah d'accord, je l'avais pas vu sous cet angle, c'est plus clair",
                                  "ah mince j'avais mal compris, ok je vois mieux"])
def test_a_misreading_owned_in_the_past_is_an_ok(app: App, text: str) -> None:
    assert detect(text)[0] == Act.OK and "Très bien" in reply_in_chat(app, text)


def test_not_understood_now_still_asks_for_simpler_words() -> None:
    assert Act.SIMPLER in detect("j'ai pas compris") and Act.OK not in detect("j'ai pas compris")


@pytest.mark.parametrize("text", ["C'est toujours pareil, personne ne nous aide. On est épuisés par tout ça.",
                                  "toujours pareil ici, je suis lassée de redemander"])
def test_weariness_with_nothing_asked_is_heard(app: App, text: str) -> None:
    assert Act.FRUSTRATION in detect(text)
    assert "pas facile" in reply_in_chat(app, text)


@pytest.mark.parametrize("text", ["c'est toujours pareil pour les réunions en été ?",
                                  "personne ne m'aide à remplir le dossier de subvention, vous pouvez ?"])
def test_the_same_rule_asked_or_help_wanted_for_a_task_are_no_weariness(text: str) -> None:
    assert Act.FRUSTRATION not in detect(text)


def test_simpler_words_asked_in_the_polite_frame_after_an_answer_give_the_simpler_version(app: App) -> None:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    shown = chat.render(chat.handle("Pardonnez-moi, je n'ai pas bien compris, c'est un peu compliqué pour moi. Vous "
                                    "pourriez me le redire avec des mots plus simples ?"))
    assert "En plus simple" in shown


@pytest.mark.parametrize("text", ["et ma demande de lundi, quelqu'un de l'équipe l'a lue ?",
                                  "ma question d'avant-hier elle en est où, une personne l'a regardée ?"])
def test_whether_someone_of_the_team_saw_the_question_asks_after_it(app: App, text: str) -> None:
    assert detect(text)[0] == Act.STATUS and NOTHING_SENT in reply_in_chat(app, text)


def test_someone_of_the_team_wanted_is_still_a_person_asked_for() -> None:
    assert Act.HUMAN in detect("je voudrais parler à quelqu'un de l'équipe")


def test_whether_to_believe_a_robot_asks_whether_its_answers_are_reliable(shipped_app: App) -> None:
    text = "vous êtes une machine ? on peut se fier à ce que vous répondez ?"
    assert Act.HUMAN not in detect(text)
    assert Act.HUMAN in detect("vous êtes une machine ?")
    assert "fiables" in reply_in_chat(shipped_app, text)


@pytest.mark.parametrize("text", [
    # embarrassment told, in the past
    "Au dernier forum un habitant nous a demandé ce qu'on faisait, c'était vraiment la honte, on savait pas quoi dire.",
    # what was tried failed
    "Le trésorier et la présidente se fâchent tout le temps, on a tenté une médiation mais ça marche pas.",
    # time the member means to spend well
    "Je veux pas perdre mon temps, le conseil citoyen ça sert à quoi au juste ?",
    # the council's own effort doubted
    "La ville n'a rien retenu de nos propositions, certains disent que ça sert à rien de continuer.",
])
def test_a_story_s_embarrassment_failed_attempt_or_doubt_is_no_complaint(text: str) -> None:
    assert Act.FRUSTRATION not in detect(text)


@pytest.mark.parametrize("text", ["c'est la honte ce robot", "vous me faites perdre mon temps",
                                  "j'ai essayé votre lien ça marche pas", "ça sert à rien de vous écrire"])
def test_the_same_words_at_the_hotline_stay_a_complaint(text: str) -> None:
    assert Act.FRUSTRATION in detect(text)


def test_a_conflict_told_with_a_failed_attempt_is_answered(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Deux voisines du conseil s'engueulent à chaque séance depuis la brocante, on a "
                                       "essayé de calmer le jeu mais ça marche pas, je sais plus quoi faire")
    assert "conflit" in shown.lower()


def test_the_town_hall_s_silence_told_in_a_story_asks_after_no_question_of_ours() -> None:
    assert Act.STATUS not in detect("On a rendu notre avis sur le parc, la mairie a décidé l'inverse et personne ne "
                                    "nous a répondu. Que faire ?")
    assert Act.STATUS in detect("j'ai écrit il y a dix jours et personne ne m'a répondu")


def test_simpler_words_asked_with_no_answer_given_ask_the_member_to_say_it_again(shipped_app: App) -> None:
    # Nothing was answered before (the member saw choices, or nothing): no entry is guessed from "expliquer" and
    # "mots"; the hotline asks what she looks for, in her words.
    shown = reply_in_chat(shipped_app, "je comprends pas trop ce que vous m'avez répondu, c'est compliqué pour moi, "
                                       "vous pouvez l'expliquer avec des mots plus simples ?")
    assert "Dites-moi avec vos mots ce que vous cherchez" in shown
