"""A member thanks and says what the help is for, praises the hotline, asks after a question by its subject,
wants everyday words, complains that an answer was wrong or that they are not pleased, or asks that someone from
the team call back: the hotline hears what the message does, in the terminal chat."""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, detect
from bot.app import App
from bot.channels.terminal import TerminalChat
from tests.conftest import reply_in_chat

CLOSE_WORDS = ("plaisir", "revoir", "Très bien")


def after_an_answer(app: App) -> TerminalChat:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    return chat


# --- thanks -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["merci beaucoup, ça m'aide bien pour l'assemblée de jeudi",
                                  "merci ça va m'aider pour la réunion de demain soir",
                                  "oh génial merci 🙏 vous êtes au top",
                                  "merci vous êtes formidables"])
def test_thanks_that_say_what_the_help_is_for_or_praise_the_hotline_close(app: App, text: str) -> None:
    chat = after_an_answer(app)
    shown = chat.render(chat.handle(text))
    assert any(word in shown for word in CLOSE_WORDS)
    assert "Agenda" not in shown and "[1]" not in shown


@pytest.mark.parametrize("text", ["merci, ça m'aide pour la réunion, c'est quand la prochaine ?",
                                  "vous êtes top mais j'ai une autre question"])
def test_thanks_that_still_ask_are_no_close(text: str) -> None:
    assert Act.THANKS not in detect(text)


# --- where is my question -----------------------------------------------------------------------------------

def test_a_question_named_by_its_subject_is_asked_after(app: App) -> None:
    chat = TerminalChat(app.hotline)
    chat.render(chat.handle("quel temps fera-t-il demain"))  # unknown: offered to the team
    shown = chat.render(chat.handle("ma demande sur le local a bien été envoyée ? on ne m'a rien dit"))
    assert "pas encore transmis" in shown


def test_a_question_named_by_its_subject_and_no_sending_is_no_status() -> None:
    assert Act.STATUS not in detect("ma question sur le budget est importante")


# --- everyday words -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["vous pourriez me l'expliquer avec des mots de la vie courante",
                                  "réexpliquez avec des termes de tous les jours svp"])
def test_asking_for_everyday_words_gives_the_simpler_version(app: App, text: str) -> None:
    chat = after_an_answer(app)
    assert "En plus simple" in chat.render(chat.handle(text))


# --- complaints ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["votre réponse de lundi était complètement fausse",
                                  "je voudrais déposer une réclamation",
                                  "je suis vraiment pas satisfaite de votre service"])
def test_a_complaint_about_the_hotline_gets_a_calm_reply_that_offers_a_person(app: App, text: str) -> None:
    shown = reply_in_chat(app, text)
    assert "désolé" in shown and "Poser la question à l'équipe" in shown


@pytest.mark.parametrize("text", ["la réponse du bailleur était fausse", "je veux faire une réclamation auprès du bailleur",
                                  "comment faire une réclamation contre mon voisin ?"])
def test_someone_else_s_wrong_answer_or_a_complaint_to_someone_else_is_no_complaint(text: str) -> None:
    assert Act.FRUSTRATION not in detect(text)


# --- a person ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["quelqu'un de votre équipe pourrait me rappeler ?",
                                  "est-ce qu'une personne de chez vous peut me recontacter"])
def test_asking_that_someone_from_the_team_call_back_gets_the_offer_of_a_person(app: App, text: str) -> None:
    shown = reply_in_chat(app, text)
    assert "une personne de l'équipe" in shown and "Poser la question à l'équipe" in shown


def test_displeasure_taken_to_someone_in_charge_gets_the_offer_of_a_person(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "vraiment pas satisfait de ce service, je voudrais le signaler à votre responsable")
    assert "une personne de l'équipe peut vous répondre ici même" in shown


@pytest.mark.parametrize("text", ["comment signaler un trou dans la chaussée à un responsable ?",
                                  "à qui signaler un problème de chauffage ?"])
def test_asking_how_to_report_a_trouble_is_no_request_for_a_person(text: str) -> None:
    assert Act.HUMAN not in detect(text)


def test_someone_from_the_team_coming_to_a_meeting_is_no_request_for_a_call() -> None:
    assert Act.HUMAN not in detect("quelqu'un de chez vous peut venir à notre réunion ?")


# --- weariness beside a question ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["comment je démissionne du conseil, j'en ai marre",
                                  "j'en ai ras le bol, comment on démissionne ?",
                                  "cmt je quitte le conseil citoyen jen ai marre"])
def test_weariness_beside_a_short_question_the_base_answers_is_answered(shipped_app: App, text: str) -> None:
    # Denis is tired of the council and asks how to leave: an apology alone would leave his question unanswered.
    chat = TerminalChat(shipped_app.hotline)
    assert "démissionner" in chat.render(chat.handle(text)).split("\n")[0].lower()


@pytest.mark.parametrize("text", ["vous etes nuls, ca sert a quoi ce bot", "pourquoi vous êtes si nuls"])
def test_an_insult_with_a_question_word_stays_an_insult(shipped_app: App, text: str) -> None:
    chat = TerminalChat(shipped_app.hotline)
    assert "Vouliez-vous dire" not in chat.render(chat.handle(text))
