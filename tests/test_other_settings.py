"""Members write about the other places of their lives with the council's own words: the workplace ("un congé",
"démissionner", "un conflit"), a sports club ("l'assemblée générale", "le président"), a place of worship ("une
salle", "une subvention"), a court's jury ("tiré au sort"). Such a matter is that setting's business: the hotline
never answers it with the council's entry on the same word. Asked with the council or its meetings, the same setting
is the council's side of the matter and keeps its answer.

Written for this test in the members' own ways, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind


@pytest.mark.parametrize("text", [
    "ma patronne veut pas me donner mes congés cet été, elle a le droit ?",
    "je veux démissionner de mon boulot, je préviens comment ?",
    "ma collègue me parle mal depuis des semaines, je fais quoi ?",
    "au club de hand on doit refaire l'assemblée générale, elle est obligatoire chaque année ?",
    "le curé de la paroisse cherche une salle pour le catéchisme, la mairie en prête ?",
    "je suis convoquée comme jurée à la cour d'assises en mars, je peux refuser ?",
    # Who asks says they belong to the setting, the question names nothing of the council.
    "Bonjour, je suis salariée dans une crèche privée. J'ai droit à combien de jours de congé par an ?",
])
def test_a_matter_of_another_setting_is_not_answered_with_the_councils_entry(answerer: Answerer,
                                                                             text: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind != Kind.ANSWER and decision.personal


@pytest.mark.parametrize(("text", "entry"), [
    ("ma patronne veut pas que je parte plus tôt pour la réunion du conseil citoyen, elle a le droit ?",
     "moyens-conge-salarie"),
    ("j'étais au boulot pendant le webinaire de mardi, je peux le revoir ?", "event-replay"),
])
def test_the_same_setting_asked_with_the_council_keeps_its_answer(answerer: Answerer, text: str, entry: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == entry


def test_someone_elses_colleagues_helping_the_residents_are_the_councils_partners(answerer: Answerer) -> None:
    decision = answerer.decide("les collègues de la maison de quartier veulent nous aider à faire venir les habitants, "
                               "comment s'y prendre ?")
    assert not decision.personal
    assert {c.entry.id for c in decision.candidates[:3]} & {"fonct-mobiliser-habitants", "theme-adultes-relais-conseil"}


@pytest.mark.parametrize("text", [
    "notre amicale des locataires veut écrire une charte, c'est obligatoire ?",
    "au syndicat deux membres se disputent à chaque fois, comment régler le conflit ?",
    "l'association de parents d'élèves doit-elle tenir une assemblée générale tous les ans ?",
    # A school's and a firm's own matters too.
    "pour la sortie scolaire de jeudi, les parents accompagnateurs doivent avoir une assurance ?",
    "pour créer une entreprise de ménage, qui peut financer le démarrage ?",
])
def test_another_bodys_own_workings_are_not_answered_with_the_councils_entry(answerer: Answerer, text: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind != Kind.ANSWER and decision.personal


def test_an_entry_any_association_may_use_still_answers_another_body(answerer: Answerer) -> None:
    # The school programme's entry is about no council: a school named does not stop it.
    school = answerer.decide("le programme de réussite éducative pour les élèves en difficulté, c'est quoi ?")
    assert school.kind == Kind.ANSWER and school.entry is not None and school.entry.id == "theme-pre"
    decision = answerer.decide("notre asso de quartier veut répondre à l'appel à projets du contrat de ville, "
                               "on s'y prend comment ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "moyens-appel-a-projets"
