"""Fatima, new to her council, writes a long worried message on her phone. The hotline offers questions as
buttons; a question too long for a button is cut between two words ("payants pour les…"), never inside
one ("pour les conse…"), which she would have to guess."""

from __future__ import annotations

from bot.app import App
from bot.core.replies import Sender, short

FATIMA = Sender(channel="cli", user_id="52", chat_id="52")
LONG_WORRY = ("bonjour je m appelle Fatima j ai 52 ans je suis nouvelle au conseil citoyen de mon quartier a "
              "Bellevue on m a tiré au sort il y a 2 mois et franchement je comprend pas tout a quoi ca sert "
              "exactement le conseil citoyen et est ce que je dois payer quelque chose")


def test_a_question_cut_for_its_button_ends_on_a_whole_word(shipped_app: App) -> None:
    [offer] = shipped_app.hotline.on_text(FATIMA, LONG_WORRY)
    offered = [(b.label, shipped_app.knowledge.entry(b.data.split(":")[1]))
               for row in offer.buttons for b in row if b.data.startswith("faq:")]
    cut = [(label, entry.question) for label, entry in offered if entry is not None and label.endswith("…")]

    assert cut, "the long question should offer at least one question too long for its button"
    for label, question in cut:
        kept = label.removesuffix("…")
        assert question.startswith(kept) and question[len(kept)] in " ,", (label, question)


def test_a_single_very_long_word_is_still_cut_to_fit() -> None:
    assert short("Anticonstitutionnellement" * 3, 20) == "Anticonstitutionnel…"
    assert short("Le comité de pilotage du contrat de ville", 24) == "Le comité de pilotage…"


def test_the_six_documents_are_not_buried_under_related_questions(shipped_app: App) -> None:
    """"comment on fait un compte rendu de réunion": the models entry answers with its six documents; the
    related questions give way, so the phone shows documents, "En savoir plus" and the feedback, no more."""
    [models] = shipped_app.hotline.on_button(FATIMA, "faq:crpv-modeles-documents")
    labels = [row[0].label for row in models.buttons]

    assert sum(label.startswith("📄") for label in labels) == 6
    assert not any(label.startswith("➡️") for label in labels)
    assert len(models.buttons) <= 8


def test_an_ordinary_answer_keeps_its_related_questions(shipped_app: App) -> None:
    [answer] = shipped_app.hotline.on_button(FATIMA, "faq:cdv-copil-definition")
    assert sum(row[0].label.startswith("➡️") for row in answer.buttons) >= 2
    assert len(answer.buttons) <= 6
