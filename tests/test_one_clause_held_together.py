"""Without punctuation, a message is cut before the words that open a question; not inside one question: the two
sides of an alternative ("j'ai le droit de parler ou je dois juste écouter ?") and a question word with the clause it
holds ("on sait jamais à qui il faut s'adresser") stay together, and so do a preposition or "c'est" and the question
word after them ("…c'est quel texte de loi", "…et en quelle année ?")."""

from __future__ import annotations

import pytest

from bot.answering.decision import Kind
from bot.answering.segment import Role, split_message
from bot.app import App
from bot.core.replies import Sender


@pytest.mark.parametrize("text", [
    "en réunion j'ai le droit de parler ou je dois rester dans mon coin ?",
    "pour l'atelier on s'inscrit ici ou il faut passer par la mairie ?",
    "dans notre quartier on sait jamais à qui il faut s'adresser",
])
def test_one_question_is_not_cut_in_two(text: str) -> None:
    assert [s.text for s in split_message(text)] == [text]


def test_a_preposition_or_c_est_goes_with_the_question_word_after_it() -> None:
    parts = split_message("mon fils fait un exposé sur le quartier c'est quelle loi qui a créé les conseils et en quelle "
                          "année ?")
    assert [s.text for s in parts] == ["mon fils fait un exposé sur le quartier",
                                       "c'est quelle loi qui a créé les conseils", "en quelle année ?"]


def test_the_first_side_of_an_alternative_is_asked_too() -> None:
    parts = split_message("en réunion j'ai le droit de parler ou je dois rester dans mon coin ?")
    assert [s.role for s in parts] == [Role.QUESTION]


def test_whether_a_resident_may_speak_in_meetings_is_answered(shipped_app: App) -> None:
    # Cut before "je dois", "j'ai le droit de parler" was only the story of "je dois rester dans mon coin ?".
    decision = shipped_app.faq.decide(Sender(channel="cli", user_id="awa", chat_id="awa"),
                                      "je suis simple habitante. en réunion j'ai le droit de parler ou je dois rester "
                                      "dans mon coin ?")
    # Answered, or offered first when the answer rule is not sure enough (its bar rose in the twenty-fifth stop).
    assert decision.kind in (Kind.ANSWER, Kind.SUGGEST) and decision.candidates
    assert decision.candidates[0].entry.id == "fonct-droit-parole"
