"""The learning loop: what the staff answer teaches the hotline, at once and for good.

- a member's wording attached to an existing entry becomes one more phrasing of it;
- a staff answer becomes a new FAQ entry (`appris-<ticket>`), stored in the database;
- both are used at once (the answerer is rebuilt from the one in service, reusing what did not change, and
  written to the cache folder once in service: bench/learning.py times both) and
  written to `knowledge/` by `hotline knowledge export`;
- the answer can go to the other members whose unanswered questions look alike, once staff confirm.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import partial

from rapidfuzz import fuzz
from sqlalchemy import ColumnElement, and_, func, or_, update
from sqlmodel import Session, col, select

from bot.answering.answerer import Answerer
from bot.answering.matcher import OVERLAP_WEIGHT
from bot.answering.normalize import fold
from bot.answering.prepared import learned_answerer, prepared_answerer, taught_alias
from bot.clock import Clock, as_utc
from bot.config import AnsweringSettings
from bot.core.answers import CurrentAnswerer
from bot.core.replies import Button, Reply, Sender, esc, rows
from bot.delivery import outbox
from bot.desk import texts
from bot.desk.tickets import excerpt
from bot.knowledge.edits import draft_short, overlay
from bot.knowledge.model import FaqEntry, KnowledgeBase, Location
from bot.storage.db import Database
from bot.storage.models import (
    EditStatus,
    KnowledgeEdit,
    LearnedEntry,
    LearnedPhrasing,
    Member,
    Outbound,
    QuestionLog,
    Ticket,
)
from bot.storage.peek import taught_state

log = logging.getLogger(__name__)
SIMILAR_THRESHOLD = 60.0  # 0–100, on the normalised words (see `similarity`)
MAX_SHARE = 50  # people reached by one "send to similar questions"
LEARNED_PREFIX = "appris-"
UNSURE = ("unknown", "suggest")  # decisions that gave no answer


def _corrected() -> ColumnElement[bool]:
    """An answer the member corrected: another entry picked under it (« Ce n'est pas votre question ? »), with
    no 👍 after (a 👍 under the pick says it answered)."""
    return and_(col(QuestionLog.decision) == "answer", col(QuestionLog.chosen_id).is_not(None),
                col(QuestionLog.chosen_id) != col(QuestionLog.entry_id),
                or_(col(QuestionLog.feedback).is_(None), col(QuestionLog.feedback) != 1))


def published_edits(session: Session) -> list[tuple[int, str, str, str]]:
    """(id, kind, key, JSON) of the latest published version of each edited item, oldest edit first."""
    latest: dict[tuple[str, str], KnowledgeEdit] = {}
    for edit in session.exec(select(KnowledgeEdit).where(KnowledgeEdit.status == EditStatus.PUBLISHED)
                             .order_by(col(KnowledgeEdit.id))):
        latest[(edit.kind, edit.key)] = edit
    return [(e.id or 0, e.kind, e.key, e.data) for e in sorted(latest.values(), key=lambda e: e.id or 0)]


@dataclass(frozen=True, kw_only=True)
class SimilarGroup:
    """Unanswered questions that say the same thing (same normalised words), and who asked them."""

    text: str
    log_ids: tuple[int, ...]
    chosen: tuple[str, ...] = ()  # entries the askers picked instead (runner-up, suggestion), most picked first
    rejected: tuple[str, ...] = ()  # entries the hotline answered and the askers turned down (👎, another pick)


@dataclass
class Learning:
    db: Database
    clock: Clock
    base: KnowledgeBase  # what the files say; the database adds to it
    settings: AnsweringSettings
    centre: str
    retention: timedelta
    answers: CurrentAnswerer  # the one holder of the answerer in service
    wake: Callable[[], None] = lambda: None
    _version: tuple[object, ...] | None = field(default=None, repr=False)

    # --- the answerer in service ----------------------------------------------------------

    def edited_base(self, session: Session) -> KnowledgeBase:
        """The files' knowledge with the versions published in the console."""
        return overlay(self.base, published_edits(session))

    def extras(self, session: Session, base: KnowledgeBase | None = None) -> tuple[FaqEntry, ...]:
        base = base or self.base
        phrasings: dict[str, list[str]] = defaultdict(list)
        for phrasing in session.exec(select(LearnedPhrasing).order_by(col(LearnedPhrasing.id))):
            phrasings[phrasing.entry_id].append(phrasing.text)
        extra: list[FaqEntry] = []
        for row in session.exec(select(LearnedEntry).order_by(col(LearnedEntry.created_at))):
            extra.append(FaqEntry(
                id=row.id, question=row.question, alternates=tuple(phrasings.pop(row.id, ())), answer=row.answer,
                more=None, tags=("appris",), related=(), source=row.source, reviewed=as_utc(row.created_at).date(),
                needs_review=True, origin=Location(file="base de données", line=row.ticket_id or 0)))
        for entry_id, wordings in phrasings.items():
            entry = base.entry(entry_id)
            if entry is None:
                continue
            known = {fold(p) for p in entry.phrasings}
            new = tuple(dict.fromkeys(w for w in wordings if fold(w) not in known))
            if new:
                extra.append(replace(entry, alternates=entry.alternates + new))
        return tuple(extra)

    def _read_version(self, session: Session) -> tuple[object, ...]:
        entries = session.exec(select(func.count(), func.sum(func.length(LearnedEntry.answer)))
                               .select_from(LearnedEntry)).one()
        phrasings = session.exec(select(func.count(), func.max(LearnedPhrasing.id))
                                 .select_from(LearnedPhrasing)).one()
        edits = session.exec(select(func.count(), func.max(KnowledgeEdit.id)).select_from(KnowledgeEdit)
                             .where(KnowledgeEdit.status == EditStatus.PUBLISHED)).one()
        return (*entries, *phrasings, *edits)

    def served_with(self, edit_id: int, kind: str, key: str, data: str) -> KnowledgeBase:
        """The knowledge `rebuild` will serve once this version (JSON) is published as edit `edit_id`."""
        with self.db.session() as session:
            published = [e for e in published_edits(session) if (e[1], e[2]) != (kind, key)]
            base = overlay(self.base, [*published, (edit_id, kind, key, data)])
            extra = self.extras(session, base)
        return base.with_entries(extra) if extra else base

    def next_edit_id(self) -> int:
        """The id the next version stored will most likely get (a guess: `served_with` needs one)."""
        with self.db.session() as session:
            return (session.exec(select(func.max(KnowledgeEdit.id))).one() or 0) + 1

    def rebuild(self, *, learned: bool = False, checked: Answerer | None = None) -> Answerer:
        """Base knowledge + the console's edits + what the database learned → a new answerer, put in
        service. It reuses what the one in service analysed (the work follows what changed), which keeps
        answering until the new one is swapped in. If anything goes wrong, the answerer in service stays:
        the bot keeps answering. `learned`: a learning action (what was taught is in the database): the new
        answerer is built, or `checked` when that one was built for the same knowledge, and written to disk
        after it is in service. Otherwise (a start, another process's learning) it may be read back."""
        try:
            taught = taught_state(self.db.engine.url.render_as_string(hide_password=False))  # read below, or newer
            with self.db.session() as session:
                base = self.edited_base(session)
                extra = self.extras(session, base)
                version = self._read_version(session)
            kb = base.with_entries(extra) if extra else base
            # Kept on disk like the files' answerer, and under what was taught: the next start and
            # `hotline ask` (which reads that without SQLAlchemy) read it back.
            if learned:
                answerer = learned_answerer(kb, self.settings, previous=self.answers.get(), built=checked,
                                            alias=partial(taught_alias, self.base, self.settings, taught)
                                            if taught else None)
            else:
                alias = taught_alias(self.base, self.settings, taught) if taught else None
                answerer = prepared_answerer(kb, self.settings, alias=alias, previous=self.answers.get())
        except Exception:
            log.exception("rebuilding the answerer failed: the previous one stays in service")
            return self.answers.get()
        self._version = version
        self.answers.swap(answerer)
        return answerer

    def refresh(self) -> bool:
        """Rebuild if another process (the terminal, a second instance) learned something."""
        with self.db.session() as session:
            version = self._read_version(session)
        if version == self._version:
            return False
        entries, _, phrasings, _, edits, _ = version
        if self._version is None and not entries and not phrasings and not edits:
            self._version = version  # nothing learned or edited yet: the answerer built from the files is the one
            return False
        self.rebuild()
        return True

    # --- attach a wording to an entry -----------------------------------------------------

    def attach_choices(self, ticket: Ticket) -> list[Reply]:
        assert ticket.id is not None
        decision = self.answers.get().decide(ticket.question or "")
        buttons = [Button(label=excerpt(c.entry.question, 50), data=f"tk:link:{ticket.id}:{c.entry.id}")
                   for c in decision.candidates[:3] if len(f"tk:link:{ticket.id}:{c.entry.id}".encode()) <= 64]
        if not buttons:
            return [Reply(text=texts.ATTACH_NOTHING.format(id=ticket.id))]
        return [Reply(text=texts.ATTACH_CHOOSE.format(id=ticket.id, question=esc(excerpt(ticket.question))),
                      buttons=rows(*buttons))]

    def attach(self, staff: Sender, ticket_id: int, entry_id: str) -> list[Reply]:
        with self.db.session() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None or not ticket.question:
                return [Reply(text=texts.UNKNOWN_TICKET.format(id=ticket_id))]
        return self.attach_wording(staff, ticket.question, entry_id, ticket_id=ticket_id)

    def attach_wording(self, staff: Sender, text: str, entry_id: str, *, ticket_id: int | None = None,
                       handles: Collection[int] = ()) -> list[Reply]:
        """A member's wording becomes one more phrasing of an entry, used at once. `handles`: the logged
        questions it was taught from (a group of the "to learn" queue): staff dealt with them, they leave it."""
        entry = self.answers.get().kb.entry(entry_id)
        if entry is None:
            return [Reply(text=texts.UNKNOWN_ENTRY.format(entry=esc(entry_id[:96])))]
        wording = " ".join(text.split())[:512]
        known = {fold(p) for p in entry.phrasings}
        if not wording or fold(wording) in known:
            self.set_aside(handles)
            return [Reply(text=texts.ATTACHED_ALREADY.format(entry=esc(entry.id)))]
        with self.db.session() as session:
            session.add(LearnedPhrasing(entry_id=entry.id, text=wording, ticket_id=ticket_id,
                                        created_by=staff.display_name[:128], created_at=self.clock.now()))
            self._handled(session, handles)
            session.commit()
        self.rebuild(learned=True)
        return [Reply(text=texts.ATTACHED.format(question=esc(excerpt(wording)), entry=esc(entry.id)))]

    def to_learn(self, *, period: timedelta = timedelta(days=28), limit: int = 40) -> list[SimilarGroup]:
        """Questions without a good answer lately, grouped by similarity: not answered, or answered with an
        entry the member turned down (a 👎, or another entry picked under the answer). A group leaves once the
        hotline answers it with an entry none of its askers turned down (a wording was attached since), or once
        staff handled it (`set_aside`, a wording attached from the queue)."""
        since = self.clock.now() - period
        with self.db.session() as session:
            found = session.exec(select(QuestionLog).where(
                col(QuestionLog.text).is_not(None), col(QuestionLog.created_at) >= since,
                col(QuestionLog.handled_at).is_(None),
                col(QuestionLog.decision).in_(UNSURE) | (QuestionLog.feedback == -1)
                | and_(col(QuestionLog.decision) == "answer", col(QuestionLog.chosen_id).is_not(None)))
                .order_by(col(QuestionLog.created_at).desc())).all()
        signals: dict[int, tuple[str | None, str | None]] = {}  # log id → (entry turned down, entry chosen)
        for row in found:
            turned_down = row.decision not in UNSURE and (row.feedback == -1 or row.chosen_id not in (None, row.entry_id))
            signals[row.id or 0] = (row.entry_id if turned_down else None, row.chosen_id)
        answerer = self.answers.get()
        kept: list[SimilarGroup] = []
        for group in self.group([(row.id or 0, row.text) for row in found if row.text]):
            rejected = {signals[i][0] for i in group.log_ids} - {None}
            decision = answerer.decide(group.text)
            if decision.kind == "answer" and decision.entry is not None and decision.entry.id not in rejected:
                continue
            chosen = Counter(signals[i][1] for i in group.log_ids if signals[i][1])
            kept.append(replace(group, chosen=tuple(c for c, _ in chosen.most_common() if c),
                                rejected=tuple(sorted(r for r in rejected if r))))
            if len(kept) == limit:
                break
        return kept

    def set_aside(self, log_ids: Collection[int]) -> int:
        """Staff took these questions off the "to learn" queue (nothing to teach, or taught elsewhere)."""
        if not log_ids:
            return 0
        with self.db.session() as session:
            count = self._handled(session, log_ids)
            session.commit()
        return count

    def _handled(self, session: Session, log_ids: Collection[int]) -> int:
        if not log_ids:
            return 0
        result = session.execute(update(QuestionLog).where(col(QuestionLog.id).in_(list(log_ids)),
                                                           col(QuestionLog.handled_at).is_(None))
                                 .values(handled_at=self.clock.now()))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    # --- a staff answer becomes an entry --------------------------------------------------

    def learn(self, staff: Sender, ticket_id: int) -> list[Reply]:
        """A draft entry from the staff answer, in the console's review queue: members get it only once
        someone has read it again and published it (a reply to one person is rarely an answer for all)."""
        now = self.clock.now()
        entry_id = f"{LEARNED_PREFIX}{ticket_id}"
        with self.db.session() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                return [Reply(text=texts.UNKNOWN_TICKET.format(id=ticket_id))]
            if not ticket.answer or not ticket.question:
                return [Reply(text=texts.NO_ANSWER_YET.format(id=ticket_id))]
            question = " ".join(ticket.question.split())[:512]
            question = question[:1].upper() + question[1:]
            data = {"id": entry_id, "question": question, "alternates": [], **draft_short(ticket.answer),
                    "answer": ticket.answer, "more": "",
                    "source": f"Réponse de l'équipe de {self.centre} (question n° {ticket_id}, "
                              f"{now.date().strftime('%d/%m/%Y')})",
                    "related": [], "tags": ["appris"], "reviewed": now.date().isoformat(), "review": True}
            draft = session.exec(select(KnowledgeEdit).where(KnowledgeEdit.key == entry_id,
                                                             KnowledgeEdit.status == EditStatus.DRAFT)).first()
            already = draft is not None
            draft = draft or KnowledgeEdit(kind="faq", key=entry_id, status=EditStatus.DRAFT, data="",
                                           author=staff.display_name[:128], author_id=staff.user_id[:64],
                                           created_at=now)
            draft.data = json.dumps(data, ensure_ascii=False)
            session.add(draft)
            session.commit()
        if already:
            return [Reply(text=texts.LEARNED_ALREADY.format(entry=entry_id))]
        return [Reply(text=texts.LEARNED.format(entry=entry_id, question=esc(excerpt(question))))]

    # --- the same answer for those who asked the same thing -------------------------------

    def similarity(self, a: tuple[str, ...], b: tuple[str, ...]) -> float:
        """0–100 between two normalised questions: word overlap, with rapidfuzz for what slipped through."""
        left, right = set(a), set(b)
        if not left or not right:
            return 0.0
        overlap = 2 * len(left & right) / (len(left) + len(right))
        fuzzy = fuzz.token_sort_ratio(" ".join(sorted(left)), " ".join(sorted(right))) / 100
        return 100 * (OVERLAP_WEIGHT * overlap + (1 - OVERLAP_WEIGHT) * fuzzy)

    def group(self, questions: list[tuple[int, str]], threshold: float = 75.0) -> list[SimilarGroup]:
        """Questions grouped by similarity (first come leads its group), biggest groups first."""
        analyze = self.answers.get().analyze
        groups: list[tuple[tuple[str, ...], str, list[int]]] = []
        for log_id, text in questions:
            tokens = analyze(text).tokens
            if not tokens:
                continue
            for lead, _, members in groups:
                if self.similarity(lead, tokens) >= threshold:
                    members.append(log_id)
                    break
            else:
                groups.append((tokens, text, [log_id]))
        ranked = sorted(groups, key=lambda g: -len(g[2]))
        return [SimilarGroup(text=text, log_ids=tuple(ids)) for _, text, ids in ranked]

    def similar(self, ticket_id: int) -> list[SimilarGroup]:
        """Other members' unanswered questions close to the ticket's, one per member, not yet answered: not
        understood, answered with an entry turned down (a 👎, or another entry picked under the answer and not
        approved since)."""
        now = self.clock.now()
        with self.db.session() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None or not ticket.question:
                return []
            reference = self.answers.get().analyze(ticket.question).tokens
            shared = {key for key in session.exec(select(Outbound.dedupe_key).where(
                col(Outbound.dedupe_key).startswith("shared:")))}
            reached = {(channel, chat) for channel, chat in session.exec(  # already got this answer
                select(Outbound.channel, Outbound.chat_id).where(
                    Outbound.ref == f"ticket:{ticket_id}", col(Outbound.dedupe_key).startswith("shared:")))}
            answered = set(session.exec(select(Ticket.question_log_id).where(
                col(Ticket.answered_at).is_not(None), col(Ticket.question_log_id).is_not(None))))
            candidates = session.exec(
                select(QuestionLog, Member).join(Member).where(
                    col(QuestionLog.text).is_not(None), col(QuestionLog.member_id).is_not(None),
                    QuestionLog.member_id != ticket.member_id, col(Member.blocked_at).is_(None),
                    col(QuestionLog.created_at) >= now - self.retention,
                    or_(col(QuestionLog.decision) == "unknown", col(QuestionLog.feedback) == -1, _corrected()))
                .order_by(col(QuestionLog.created_at).desc()))
            picked: dict[int, tuple[int, str]] = {}
            for row, member in candidates:
                assert row.id is not None and row.member_id is not None and row.text is not None
                if (row.member_id in picked or f"shared:{row.id}" in shared or row.id in answered
                        or row.id == ticket.question_log_id or (member.channel, member.external_id) in reached):
                    continue
                if self.similarity(reference, self.answers.get().analyze(row.text).tokens) >= SIMILAR_THRESHOLD:
                    picked[row.member_id] = (row.id, row.text)
        return self.group(list(picked.values())[:MAX_SHARE], threshold=90.0)

    def offer_similar(self, ticket_id: int) -> list[Reply]:
        groups = self.similar(ticket_id)
        if not groups:
            return [Reply(text=texts.SIMILAR_NONE.format(id=ticket_id))]
        count = sum(len(g.log_ids) for g in groups)
        lines = "\n".join(texts.SIMILAR_LINE.format(question=esc(excerpt(g.text, 90)), count=len(g.log_ids))
                          for g in groups[:10])
        return [Reply(text=texts.SIMILAR_LIST.format(n=count, id=ticket_id, lines=lines), buttons=rows(
            Button(label=texts.SIMILAR_CONFIRM.format(n=count), data=f"tk:send:{ticket_id}"),
            Button(label=texts.SIMILAR_CANCEL, data=f"tk:nosend:{ticket_id}"), per_row=2))]

    def share(self, staff: Sender, ticket_id: int) -> list[Reply]:
        groups = self.similar(ticket_id)
        now = self.clock.now()
        sent = 0
        with self.db.session() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                return [Reply(text=texts.UNKNOWN_TICKET.format(id=ticket_id))]
            if not ticket.answer:
                return [Reply(text=texts.NO_ANSWER_YET.format(id=ticket_id))]
            for group in groups:
                for log_id in group.log_ids:
                    question = session.get(QuestionLog, log_id)
                    member = session.get(Member, question.member_id) if question and question.member_id else None
                    if question is None or member is None:
                        continue
                    outbox.enqueue(session, Reply(text=texts.SHARED.format(
                        question=esc(excerpt(question.text, 200)), text=esc(ticket.answer))),
                        chat_id=member.external_id, channel=member.channel, purpose="relay",
                        ref=f"ticket:{ticket_id}", now=now, dedupe_key=f"shared:{log_id}")
                    sent += 1
            session.commit()
        self.wake()
        log.info("ticket %s: answer shared with %d member(s) by staff", ticket_id, sent)
        return [Reply(text=texts.SIMILAR_SENT.format(n=sent))]
