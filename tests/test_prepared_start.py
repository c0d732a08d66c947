"""A start reads back what an earlier start prepared: the knowledge when no file changed, the answerer for
the same knowledge and code. Anything changed is read and built again."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from bot.answering import prepared
from bot.answering.answerer import Answerer
from bot.config import Settings
from bot.knowledge import loader
from bot.knowledge.loader import load_serving_knowledge
from bot.knowledge.model import KnowledgeBase

pytestmark = pytest.mark.usefixtures("own_cache")


@pytest.fixture
def knowledge(knowledge_copy: Path) -> Path:
    return knowledge_copy


def _never(*args: object, **kwargs: object) -> None:
    raise AssertionError("built or parsed again")


def test_unchanged_files_are_not_parsed_again_and_a_changed_one_is(knowledge: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_serving_knowledge(knowledge)
    with monkeypatch.context() as patch:
        patch.setattr(loader, "read_knowledge", _never)
        assert load_serving_knowledge(knowledge) == first
    path = sorted((knowledge / "faq").glob("*.yaml"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("?", " ?", 1), encoding="utf-8")
    changed = load_serving_knowledge(knowledge)
    assert changed != first


def test_the_answerer_is_read_back_for_the_same_knowledge_and_built_for_another(
        knowledge: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = load_serving_knowledge(knowledge)
    built = prepared.prepared_answerer(kb, settings.answering)
    with monkeypatch.context() as patch:
        patch.setattr(Answerer, "__init__", _never)
        again = prepared.prepared_answerer(kb, settings.answering)
    assert again is not built and again.decide("c'est quoi un conseil citoyen") == built.decide(
        "c'est quoi un conseil citoyen")
    other = kb.with_entries((dataclasses.replace(kb.faq[0], answer="Autre réponse."),))
    assert prepared.key(other, settings.answering) != prepared.key(kb, settings.answering)
    assert prepared.prepared_answerer(other, settings.answering).kb.entry(kb.faq[0].id).answer == "Autre réponse."


def test_when_the_code_on_disk_changed_since_it_was_loaded_nothing_is_read_or_kept(
        knowledge: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    kb = load_serving_knowledge(knowledge)
    oldest = min(p.stat().st_mtime for p in Path(prepared.__file__).parent.glob("*.py"))
    monkeypatch.setattr(prepared, "LOADED_AT", oldest - 1)  # as if a file had been edited after the start
    prepared._code_version.cache_clear()
    try:
        assert prepared.key(kb, settings.answering) is None
        prepared.prepared_answerer(kb, settings.answering)
        assert not list((tmp_path / "cache").rglob("answerer-*.pickle"))
    finally:
        prepared._code_version.cache_clear()


def test_the_knowledge_read_back_comes_with_the_digest_of_what_it_holds(knowledge: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # The prepared answerer's name covers the knowledge's content: read back with it, not written out again.
    digest = loader.content_digest(load_serving_knowledge(knowledge))
    read_back = load_serving_knowledge(knowledge)
    with monkeypatch.context() as patch:
        patch.setattr(KnowledgeBase, "__repr__", _never)
        assert loader.content_digest(read_back) == digest
    copy = dataclasses.replace(read_back)  # the same content, another object: its digest is computed
    assert loader.content_digest(copy) == digest
    assert loader.content_digest(dataclasses.replace(read_back, synonyms=())) != digest


def test_the_knowledge_is_digested_part_by_part_as_its_whole_text() -> None:
    """A learning action's key reuses the text of the parts it saw before: the digest is the whole repr's,
    the one kept with the knowledge read back, with one entry, one glossary term or nothing in a tuple."""
    import hashlib
    from dataclasses import replace

    from bench.common import shipped

    _, kb = shipped()
    for knowledge in (kb, kb.with_entries((replace(kb.faq[0], alternates=("et pour le quartier",)),)),
                      replace(kb, glossary=kb.glossary[:1], events=())):
        for _ in range(2):  # written afresh, then from the parts seen
            assert prepared._content(knowledge) == hashlib.sha256(repr(knowledge).encode()).hexdigest()


def test_the_answerer_is_written_without_what_answering_filled(knowledge: Path, settings: Settings) -> None:
    """A learning action's answerer is written to disk while it answers: what answering fills as questions
    come (analyses, rankings, corrections) is copied at once or left out, never walked
    while a question adds to it, and the answerer read back decides the same."""
    kb = load_serving_knowledge(knowledge)
    answerer = Answerer(kb, settings.answering)
    corrections = dict(answerer.normalizer._corrections)
    questions = ["c'est quoi un conseil citoyen", "comment rejoindre le conseil citoyn", "on se reunit quand"]
    decisions = [answerer.decide(q) for q in questions]
    assert answerer._analyses and answerer._reads.ranked  # filled by answering
    assert answerer.normalizer._corrections != corrections
    again = pickle.loads(pickle.dumps(answerer))
    assert not again._analyses and not again._reads.ranked
    assert not again.chars._known
    assert again.normalizer._corrections == answerer.normalizer._corrections  # a copy: kept, it is cheap
    assert [again.decide(q) for q in questions] == decisions
