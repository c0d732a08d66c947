"""What a new member met in the twentieth chat trial, told through the terminal chat: "à quoi on sert nous" read as
a question about the bot's data, a first question lost in a run that opens with "on est 4", and a subject set apart
before a colon that the question after it lost."""

from __future__ import annotations

import pytest

from bot.answering.demonstrative import taken_up
from bot.answering.questions import asks_what_it_is, refers_back, split_questions
from bot.answering.segment import split_sentences
from bot.answering.the_bot import asks_our_role
from bot.app import App
from tests.conftest import first_line, reply_in_chat

BOT_DATA = "Pourquoi le bot a-t-il besoin de mes données ?"
COUNCIL_ROLE = "Que fait concrètement un conseil citoyen ?"
RENEWAL = "Comment le conseil citoyen est-il renouvelé"  # as its button shows it, cut
MOBILISING = "Comment mobiliser les habitants et faire venir de nouveaux membres ?"
COPIL = "Qu'est-ce qu'un comité de pilotage (copil) du contrat de ville ?"


# --- "à quoi on sert nous dedans ?": the council's role, never the bot's ------------------------------------

def test_what_we_are_for_in_the_contract_is_the_councils_role_not_the_bots_data(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Bonjour, je m'appelle Yvette, j'ai 61 ans. Je viens d'entrer au conseil "
                                       "citoyen. Hier la mairie a parlé du contrat de ville pendant une heure et je "
                                       "n'ai rien suivi. C'est quoi exactement ce contrat et à quoi on sert nous dedans ?")
    assert "deux questions" in first_line(shown)
    assert "Qu'est-ce qu'un contrat de ville ?" in shown
    assert BOT_DATA not in shown
    assert COUNCIL_ROLE in shown


@pytest.mark.parametrize(("question", "council"), [
    ("à quoi on sert nous dedans ?", True),
    ("nous on sert à quoi au juste", True),
    ("à quoi vous servez ?", False),  # spoken to the bot
    ("on peut effacer nos données ?", False),  # the data the bot keeps
    ("on peut mettre un pseudo à la place de mon nom ?", False),  # the member's own name
    ("à quoi sert le conseil citoyen ?", False),  # no "on" / "nous": the thing is named
    ("comment on fait pour parler à une vraie personne ?", False)])  # "on" is anyone: no role asked
def test_a_role_asked_as_on_or_nous_naming_neither_the_bot_nor_ones_data_is_the_councils(question: str,
                                                                                         council: bool) -> None:
    from bot.answering.normalize import words

    assert asks_our_role(words(question)) is council


def test_a_demonstrative_takes_up_the_term_the_story_told_whole() -> None:
    def is_term(thing: str) -> bool:
        return thing in {"contrat de ville", "comite de pilotage"}

    told = "le monsieur de la mairie a parlé du contrat de ville et des quartiers 2030"
    assert taken_up("C'est quoi exactement ce contrat ?", told, is_term) == "C'est quoi exactement ce contrat de ville ?"
    # "de décembre" says when, not what: no term.
    assert taken_up("c'est quoi ce copil déjà", "on doit préparer le copil de décembre", is_term) == (
        "c'est quoi ce copil déjà")


# --- "on est 4 … on sait pas si on a encore le droit …, et au passage comment …": two questions --------------

def test_a_council_of_four_left_asks_about_renewal_besides_finding_members(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "slt on est 4 dans notre conseil et les autres sont partis on sait pas si on a "
                                       "encore le droit de se réunir et de donner notre avis ou si faut tout "
                                       "recommencer a zero, et au passage comment on fait pour trouver des nouveaux "
                                       "membres")
    assert "deux questions" in shown
    assert MOBILISING in shown
    assert RENEWAL in shown


def test_a_run_that_says_how_many_we_are_then_doubts_keeps_its_question() -> None:
    asked = split_questions("on est 4 dans notre conseil et les autres sont partis on sait pas si on a encore le "
                            "droit de se réunir, et comment on trouve des membres")
    assert [a.text for a in asked] == ["on est 4 dans notre conseil et les autres sont partis on sait pas si on a "
                                       "encore le droit de se réunir", "comment on trouve des membres"]


@pytest.mark.parametrize("aside", ["et au passage", "par ailleurs", "et en plus"])
def test_an_aside_joins_a_second_question(aside: str) -> None:
    asked = split_questions(f"le conseil peut avoir un local à la mairie, {aside} comment on demande une subvention")
    assert len(asked) == 2
    assert asked[1].text == "comment on demande une subvention"


# --- "comité de pilotage : c'est quoi exactement": the subject set apart stays the question's --------------

@pytest.mark.parametrize(("text", "sentences"), [
    ("comité de pilotage : c'est quoi exactement", ["comité de pilotage, c'est quoi exactement"]),
    ("le FPH - ça sert à quoi ?", ["le FPH, ça sert à quoi ?"]),
    ("la parité\nça veut dire quoi", ["la parité, ça veut dire quoi"]),
    # A sentence of its own, or a label, is no subject set apart.
    ("Le bureau m'a envoyé au comité de pilotage : c'est quoi ?",
     ["Le bureau m'a envoyé au comité de pilotage :", "c'est quoi ?"]),
    ("Petite question : c'est quoi le FPH ?", ["Petite question :", "c'est quoi le FPH ?"])])
def test_a_subject_set_apart_before_a_colon_a_dash_or_a_line_joins_its_question(text: str,
                                                                                sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_a_thing_set_apart_then_what_is_it_asks_what_it_is() -> None:
    assert asks_what_it_is("le comité de pilotage, c'est quoi exactement")


def test_the_copil_set_apart_after_a_story_is_defined_and_the_second_question_kept(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "J'ai reçu une convocation de la mairie pour jeudi. comité de pilotage : "
                                       "c'est quoi exactement ? et je suis obligée d'y aller ?")
    assert "deux questions" in shown
    assert COPIL in shown


# --- "Et le règlement intérieur, c'est obligatoire d'en avoir un ?": "en" is the thing set apart -------------

def test_a_pronoun_after_a_thing_set_apart_stands_for_it_not_for_the_question_before() -> None:
    assert refers_back("on peut en avoir un ?")
    assert not refers_back("Et le règlement intérieur, c'est obligatoire d'en avoir un ?")


def test_a_second_question_about_its_own_thing_set_apart_is_answered(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Bonjour. Notre conseil n'a plus de salle depuis que le centre social est fermé "
                                       "pour travaux. La mairie doit nous prêter une salle ou pas ? Et le règlement "
                                       "intérieur : c'est obligatoire d'en avoir un ?")
    assert "hotline> Le conseil citoyen doit-il avoir un règlement intérieur ou une charte ?" in shown


# --- "…, et si j'accepte est-ce qu'on peut venir avec les enfants ?": the condition belongs to its question -----

def test_a_condition_alone_is_the_condition_of_the_question_after_it() -> None:
    asked = split_questions("Est-ce que je dois accepter, et si j'accepte est-ce qu'on peut partir avant la fin du "
                            "mandat ?")
    assert [a.text for a in asked] == ["Est-ce que je dois accepter",
                                       "si j'accepte est-ce qu'on peut partir avant la fin du mandat ?"]


def test_an_aside_turns_to_another_matter_told_before_it_is_asked() -> None:
    asked = split_questions("je sais pas si les nouveaux peuvent aller au copil, et par ailleurs on a un compte rendu à "
                            "écrire et personne veut le faire comment on s'organise")
    assert [a.text for a in asked] == ["je sais pas si les nouveaux peuvent aller au copil",
                                       "on a un compte rendu à écrire et personne veut le faire comment on s'organise"]
