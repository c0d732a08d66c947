"""The second opinion builds bm25s's index itself, from counts kept across builds (bm25s cannot update one):
its index must be the one bm25s builds from the same documents, value for value, and so must every ranking,
on the shipped base and on a base scaled up, built afresh or from the ranker in service."""

from __future__ import annotations

import pickle
from dataclasses import replace

import bm25s
import numpy as np
import pytest

from bench.common import load_eval, shipped
from bench.realistic import load_realistic
from bench.synthetic import scaled
from bot.answering import second_opinion
from bot.answering.second_opinion import SecondOpinion
from bot.knowledge.model import FaqEntry, KnowledgeBase


def _by_bm25s(entries: tuple[FaqEntry, ...]) -> bm25s.BM25:
    """The index as bm25s builds it from its own tokenizer's output."""
    retriever = bm25s.BM25()
    retriever.index(second_opinion._tokenize([" ".join(e.phrasings) for e in entries]), show_progress=False)
    return retriever


def _columns(retriever: bm25s.BM25) -> dict[str, tuple[list[int], list[float]]]:
    """Stem → (documents, scores): the matrix independent of how stems are numbered."""
    scores, vocabulary = retriever.scores, retriever.vocab_dict
    columns = {}
    for stem, column in vocabulary.items():
        if column + 1 < len(scores["indptr"]):
            start, end = scores["indptr"][column], scores["indptr"][column + 1]
            columns[stem] = (scores["indices"][start:end].tolist(), scores["data"][start:end].tolist())
    return columns


def _same_as_bm25s(ours: SecondOpinion, entries: tuple[FaqEntry, ...], questions: list[str]) -> None:
    theirs, mine = _by_bm25s(entries), ours._retriever
    assert mine.scores["num_docs"] == theirs.scores["num_docs"]
    assert set(mine.vocab_dict) == set(theirs.vocab_dict)
    assert mine.vocab_dict[""] == theirs.vocab_dict[""] == len(theirs.vocab_dict) - 1
    for name in ("data", "indices", "indptr"):
        assert mine.scores[name].dtype == theirs.scores[name].dtype, name
    assert _columns(mine) == _columns(theirs)  # floats compared exactly
    plain = SecondOpinion.__new__(SecondOpinion)
    plain._ids, plain._retriever = [e.id for e in entries], theirs
    for text in questions:
        assert ours.rank(text, limit=5) == plain.library_rank(text, limit=5), text


def _questions(kb: KnowledgeBase) -> list[str]:
    return ([q.q for q in load_eval() if q.split == "dev"] + [m.text for m in load_realistic() if m.split == "dev"][::4]
            + [p for e in kb.faq for p in e.phrasings][::7] + ["xyzzy plouf", "le la les"])


@pytest.mark.parametrize("size", [None, 1200])
def test_the_index_is_bm25s_own_built_afresh_and_after_changes(size: int | None) -> None:
    _, kb = shipped()
    if size is not None:
        kb = scaled(kb, size)
    questions = _questions(kb)
    ranker = SecondOpinion(kb.faq)
    _same_as_bm25s(ranker, kb.faq, questions)
    # A phrasing taught (the entry moves last), a new entry, an entry gone: built from the ranker in service.
    first, second = kb.faq[3], kb.faq[len(kb.faq) // 2]
    taught = replace(first, alternates=(*first.alternates, "et le zorglub du quartier de nuit"))
    learned = replace(second, id="appris-1", question="Peut-on se faire rembourser les tickets de tram ?",
                      alternates=("remboursement du tram",))
    for entries in ((*kb.faq[:3], *kb.faq[4:], taught), (*kb.faq[:3], *kb.faq[4:], taught, learned),
                    tuple(e for e in (*kb.faq[4:], taught, learned) if e.id != second.id)):
        ranker = SecondOpinion(entries, previous=ranker)
        _same_as_bm25s(ranker, entries, [*questions, "zorglub", "rembourser le tram"])
        assert len(ranker._counts.lengths) == len(entries)  # documents gone are not kept


def test_a_document_seen_with_other_stems_numbered_keeps_its_scores() -> None:
    """Stems keep their numbers across builds (never renumbered when documents come and go): the counts a
    build keeps for a document are those a fresh build finds, stem for stem."""
    _, kb = shipped()
    first = SecondOpinion(kb.faq[:40])
    later = SecondOpinion(kb.faq[20:80], previous=first)
    fresh = SecondOpinion(kb.faq[20:80])
    names = {n: s for s, n in later._numbers.items()}
    plain = {n: s for s, n in fresh._numbers.items()}
    for text, i in fresh._counts.documents.items():
        j = later._counts.documents[text]
        ours, theirs = later._counts, fresh._counts
        assert sorted(zip([names[n] for n in ours.stems[ours.start[j]:ours.start[j + 1]].tolist()],
                          ours.counts[ours.start[j]:ours.start[j + 1]].tolist(), strict=True)) == \
            sorted(zip([plain[n] for n in theirs.stems[theirs.start[i]:theirs.start[i + 1]].tolist()],
                       theirs.counts[theirs.start[i]:theirs.start[i + 1]].tolist(), strict=True))


@pytest.mark.parametrize("size", [None, 1200])
def test_its_own_scoring_ranks_as_bm25s_retrieve_even_read_back_from_disk(size: int | None) -> None:
    """`rank` scores outside bm25s (one `+=` per stem, the best picked without its `argpartition` unless scores
    tie): the same entries, scores and order as bm25s's `retrieve`, for the ranker built and for the one the
    hotline reads back from disk at a start. Entries repeated make ties, where the order is bm25s's own."""
    _, kb = shipped()
    if size is not None:
        kb = scaled(kb, size)
    twins = tuple(replace(e, id=f"{e.id}-bis") for e in kb.faq[:30:3])  # the same words: tied scores
    ranker = SecondOpinion((*kb.faq, *twins))
    read_back = pickle.loads(pickle.dumps(ranker, protocol=pickle.HIGHEST_PROTOCOL))
    tied = 0
    for text in [*_questions(kb), *(e.question for e in twins), "", "?!", "le la les de"]:
        for limit in (1, 3, 5):
            expected = ranker.library_rank(text, limit=limit)
            assert ranker.rank(text, limit=limit) == expected, text
            assert read_back.rank(text, limit=limit) == expected, text
            tied += len({s for _, s in expected}) < len(expected)
    assert tied  # the ties were met, and ordered as bm25s orders them


def test_read_back_from_disk_its_arrays_have_numpy_s_own_types() -> None:
    """Arrays unpickled carry copies of their dtypes, which take `np.add.at` off its fast loop (bm25s's
    scoring, 4× slower at 10,000 entries): the ranker read back uses numpy's own."""
    _, kb = shipped()
    read_back = pickle.loads(pickle.dumps(SecondOpinion(kb.faq), protocol=pickle.HIGHEST_PROTOCOL))
    for name in ("data", "indices", "indptr"):
        array = read_back._retriever.scores[name]
        assert array.dtype is np.dtype(array.dtype.type), name
