"""What a new member met in the twenty-first chat trial, told through the terminal chat: a second question after
"je sais pas si…" lost, and "…, et c'est payé ou pas ?" read as part of the question before it."""

from __future__ import annotations

import pytest

from bot.answering.questions import split_questions
from bot.app import App
from tests.conftest import first_line, reply_in_chat

PAID = "Les conseillers citoyens sont-ils payés ou remboursés de"  # as its button shows it, cut


# --- "je sais pas si…", then "Et aussi…?": two questions ------------------------------------------------------

def test_not_knowing_whether_then_asking_more_is_two_questions_and_the_second_is_answered(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Bonjour je suis Fatima, je suis nouvelle au conseil et à la dernière réunion "
                                       "il y avait des élus, je sais pas si j'ai le droit de parler. Et aussi "
                                       "est-ce qu'on est payés pour venir ?")
    assert "deux questions" in first_line(shown)
    assert PAID in shown


def test_not_knowing_whether_is_asked_only_before_another_question() -> None:
    asked = split_questions("Il y avait des élus, je sais pas si j'ai le droit de parler. Et on est payés ?")
    assert [a.text for a in asked] == ["je sais pas si j'ai le droit de parler.", "Et on est payés ?"]
    # Alone, the doubt is the message's only question, as before; told without "si", it is the story.
    assert len(split_questions("Il y avait des élus. Je sais pas si j'ai le droit de parler.")) == 1
    asked = split_questions("Je ne comprends pas ce qu'on attend de nous. C'est quoi notre rôle ?")
    assert [a.text for a in asked] == ["C'est quoi notre rôle ?"]


def test_a_clause_ending_on_ou_pas_after_a_doubt_asks_its_own_yes_or_no() -> None:
    asked = split_questions("ma mere est dans le conseil et je voudrais entrer mais jsais pas si c pour les jeunes, "
                            "et c payé ou pas ?")
    assert [a.text for a in asked][-1] == "c payé ou pas ?"
    assert len(asked) == 2
    # Nothing asked or doubted before it: one question ("on se réunit le soir, et c'est obligatoire ou pas ?").
    assert len(split_questions("on se réunit le soir, et c'est obligatoire ou pas ?")) == 1


# --- "participer par téléphone": the council's meetings at a distance, not the centre's phone number ---------------

def test_taking_part_by_phone_is_offered_the_meetings_at_a_distance_not_the_centres_number(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Bonjour, je m'appelle Rachida, j'habite à Bellevue depuis 12 ans. On m'a "
                                       "proposé d'entrer au conseil citoyen mais je travaille en horaires décalés et "
                                       "j'ai trois enfants. Est-ce que je suis obligée de venir à toutes les "
                                       "réunions ? Et est-ce qu'on peut participer par téléphone ?")
    assert "deux questions" in first_line(shown)
    assert "Notre conseil citoyen peut-il tenir ses propres réunions" in shown
    assert "Comment contacter RésO Villes" not in shown


# --- "…jsais pas si c pour les jeunes, et c payé ou pas ?": the later question offered beside the first's choices --

def test_a_later_question_understood_alone_is_offered_beside_the_choices_of_an_unclear_first(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "salut c Kevin jai 19 ans, ma mere est dans le conseil citoyen et moi aussi je "
                                       "voudrais entrer mais jsais pas si c pour les jeunes, et c payé ou pas ?")
    assert "Peut-on être membre d'un conseil citoyen quand on est jeune" in shown
    assert PAID in shown


# --- Closings, a call asked for, a reproach: said as members say them ---------------------------------------------

@pytest.mark.parametrize("text", ["merci beaucoup madame, que Dieu vous garde", "à plus tard inchallah",
                                  "bonne soirée je dois aller chercher les enfants"])
def test_a_blessing_or_a_reason_to_leave_closes_without_a_ticket_offer(shipped_app: App, text: str) -> None:
    shown = reply_in_chat(shipped_app, text)
    assert "transmette" not in shown and "Vouliez-vous dire" not in shown
    assert "[1]" not in shown


def test_a_person_who_can_call_me_is_a_person_asked_for_with_the_button(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Bonjour, il y a une personne qui peut m'appeler ? j'écris mal le français")
    assert "Poser la question à l'équipe" in shown
    assert "Vouliez-vous dire" not in shown


def test_not_what_i_asked_three_times_is_a_reproach_not_a_question(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "c'est pas ça que j'ai demandé, ça fait trois fois !!")
    assert "Vouliez-vous dire" not in shown
    assert "désolé" in first_line(shown)
