"""Staff edit the knowledge files; mistakes are reported with the file and the line."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.answering.answerer import Answerer
from bot.answering.knowledge_check import ambiguity_problems
from bot.config import AnsweringSettings
from bot.knowledge.check import content_problems
from bot.knowledge.loader import KnowledgeError, load_knowledge, read_knowledge
from tests.conftest import FIXTURE_KNOWLEDGE

ENTRY = """
- id: {id}
  question: {question}
  alternates: [une, deux, trois]
  short: Une réponse courte.
  answer: Une réponse.
  related: [{related}]
  source: Une source
  reviewed: 2026-01-01
"""


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    return root


def add(root: Path, text: str, name: str = "extra.yaml") -> Path:
    path = root / "faq" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_fixture_knowledge_loads_into_typed_objects() -> None:
    kb = load_knowledge(FIXTURE_KNOWLEDGE)
    entry = kb.entry("cc-definition")
    assert entry is not None and entry.reviewed == date(2026, 11, 22) and "c koi un conseil citoyen" in entry.alternates
    assert kb.term("tfpb") is not None
    assert [p.heading for p in kb.passages] == ["Trouver une salle", "Rédiger le compte rendu"]


def test_a_duplicate_id_is_reported_with_both_places(knowledge: Path) -> None:
    add(knowledge, ENTRY.format(id="fph", question="Autre question ?", related="cc-definition"))
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(knowledge)
    [problem] = error.value.problems
    assert str(problem).startswith("knowledge/faq/extra.yaml:2: erreur")
    assert "« fph » déjà utilisé en knowledge/faq/base.yaml:" in str(problem)


def test_a_missing_field_is_reported_with_its_line(knowledge: Path) -> None:
    add(knowledge, ENTRY.format(id="ok", question="Une question ?", related="fph")
        + "\n- id: sans-reponse\n  question: Et alors ?\n  source: x\n  reviewed: 2026-01-01\n")
    _, problems = read_knowledge(knowledge)
    assert [str(p) for p in problems] == ["knowledge/faq/extra.yaml:11: erreur : champ « answer » manquant",
                                          "knowledge/faq/extra.yaml:11: erreur : champ « short » manquant"]


def test_a_broken_related_link_is_reported(knowledge: Path) -> None:
    add(knowledge, ENTRY.format(id="nouvelle", question="Une question ?", related="n-existe-pas"))
    _, problems = read_knowledge(knowledge)
    assert [p.message for p in problems] == ["« related » : l'entrée « n-existe-pas » n'existe pas"]


def test_invalid_yaml_names_the_line(knowledge: Path) -> None:
    add(knowledge, "- id: x\n  question: [oops\n")
    _, problems = read_knowledge(knowledge)
    assert problems[0].location.line >= 2 and "YAML invalide" in problems[0].message


def test_two_entries_the_matcher_cannot_tell_apart_are_reported(knowledge: Path) -> None:
    add(knowledge, ENTRY.format(id="jumelle", question="Qu'est-ce qu'un conseil citoyen exactement ?",
                                related="cc-definition"))
    kb = load_knowledge(knowledge)
    problems = ambiguity_problems(kb, Answerer(kb, AnsweringSettings(
        answer_threshold=72, suggest_threshold=50, margin=6, max_suggestions=3, passage_threshold=70)))
    assert any(p.severity == "error" and "jumelle" in p.message and "cc-definition" in p.message for p in problems)


def test_old_reviews_and_short_entries_are_flagged_for_staff(knowledge: Path) -> None:
    add(knowledge, ENTRY.format(id="ancienne", question="Une vieille question ?", related="fph")
        .replace("[une, deux, trois]", "[une]"))
    kb = load_knowledge(knowledge)
    messages = [p.message for p in content_problems(kb, today=date(2027, 6, 1), max_age_days=365)]
    assert any("ancienne" in m and "relue le 2026-01-01" in m for m in messages)
    assert any("ancienne" in m and "il en faut au moins 3" in m for m in messages)
