"""The knowledge editor: versions of FAQ entries, glossary terms and contacts written by the staff.

Every save is checked like `hotline knowledge check` in the knowledge it will serve, stored as a new version
(the history), and put in service at once: the answerer built for the check, when nothing else changed
meanwhile, else one rebuilt from it. A version the checks refuse is never stored.
Drafts (entries written from staff answers) wait in the review queue until someone publishes them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import col, select

from bot.answering.decision import Decision
from bot.answering.knowledge_check import Verdict, check_edit
from bot.answering.normalize import fold
from bot.clock import Clock
from bot.config import Settings
from bot.core.replies import Sender
from bot.desk.learning import Learning
from bot.knowledge import edits
from bot.knowledge.edits import Item
from bot.knowledge.model import FaqEntry, GlossaryTerm, KnowledgeBase
from bot.storage.db import Database
from bot.storage.models import EditStatus, KnowledgeEdit


@dataclass(frozen=True, kw_only=True)
class Listed:
    kind: str
    key: str
    title: str
    detail: str
    edited: bool
    needs_review: bool


@dataclass(frozen=True, kw_only=True)
class Saved:
    verdict: Verdict
    edit: KnowledgeEdit | None = None


@dataclass
class KnowledgeEditor:
    db: Database
    clock: Clock
    settings: Settings
    learning: Learning

    @property
    def kb(self) -> KnowledgeBase:
        return self.learning.answers.get().kb

    def _today(self) -> date:
        return self.clock.now().astimezone(self.settings.timezone).date()

    def _edited_keys(self) -> set[tuple[str, str]]:
        with self.db.session() as session:
            return {(k, key) for k, key in session.exec(select(KnowledgeEdit.kind, KnowledgeEdit.key).where(
                KnowledgeEdit.status == EditStatus.PUBLISHED)).all()}

    def items(self, kind: str, query: str = "") -> list[Listed]:
        edited = self._edited_keys()
        wanted = fold(query)
        found: list[Listed] = []
        things: tuple[Item, ...] = (self.kb.faq if kind == "faq" else self.kb.glossary if kind == "glossary"
                                    else self.kb.contacts)
        for item in things:
            key = edits.key_of(kind, item)
            if isinstance(item, FaqEntry):
                title, detail, text = item.question, item.id, " ".join((item.id, *item.phrasings, item.answer))
                review = item.needs_review
            elif isinstance(item, GlossaryTerm):
                title, detail, text, review = item.term, item.meaning, " ".join((item.term, item.meaning)), False
            else:
                title, detail, text, review = item.role, item.id, " ".join((item.id, item.role, item.description)), False
            if wanted and wanted not in fold(text):
                continue
            found.append(Listed(kind=kind, key=key, title=title, detail=detail, edited=(kind, key) in edited,
                                needs_review=review))
        return found

    def form(self, kind: str, key: str) -> dict[str, str] | None:
        item = edits.find(self.kb, kind, key)
        return None if item is None else edits.to_form(kind, item)

    def check(self, kind: str, key: str | None, form: Mapping[str, str]) -> tuple[dict[str, Any], Verdict]:
        data = edits.from_form(kind, form)
        current = self.learning.answers.get()
        # Checked in the knowledge that saving it will serve, as the version it will be stored as: the
        # answerer built for the check is then the one put in service (`Learning.rebuild`).
        edit_id = self.learning.next_edit_id()
        raw = json.dumps(data, ensure_ascii=False)
        return data, check_edit(kind, data, key=key, kb=current.kb, answering=self.settings.answering,
                                today=self._today(), max_age_days=self.settings.review_max_age_days,
                                previous=current, at=edits.origin(edit_id),
                                served=lambda item: self.learning.served_with(edit_id, kind, key or edits.key_of(
                                    kind, item), raw))

    def save(self, author: Sender, kind: str, key: str | None, form: Mapping[str, str], *,
             status: EditStatus = EditStatus.PUBLISHED) -> Saved:
        """Check, then store a new version; published ones are served at once."""
        data, verdict = self.check(kind, key, form)
        if not verdict.ok or verdict.item is None:
            return Saved(verdict=verdict)
        edit = KnowledgeEdit(kind=kind, key=key or edits.key_of(kind, verdict.item), data=json.dumps(data, ensure_ascii=False),
                             status=status, author=author.display_name[:128], author_id=author.user_id[:64],
                             created_at=self.clock.now())
        with self.db.session() as session:
            session.add(edit)
            session.commit()
        if status == EditStatus.PUBLISHED:
            self.learning.rebuild(learned=True, checked=verdict.answerer)
        return Saved(verdict=verdict, edit=edit)

    def history(self, kind: str, key: str) -> list[KnowledgeEdit]:
        with self.db.session() as session:
            return list(session.exec(select(KnowledgeEdit).where(KnowledgeEdit.kind == kind, KnowledgeEdit.key == key)
                                     .order_by(col(KnowledgeEdit.id).desc())))

    def get(self, edit_id: int) -> KnowledgeEdit | None:
        with self.db.session() as session:
            return session.get(KnowledgeEdit, edit_id)

    def as_form(self, edit: KnowledgeEdit) -> dict[str, str]:
        """A stored version back in the form's strings."""
        data = json.loads(edit.data)
        form: dict[str, str] = {}
        for name in edits.FIELDS[edit.kind]:
            value = data.get(name, "")
            if name in edits.LIST_FIELDS:
                form[name] = "\n".join(value)
            elif name in edits.ID_LIST_FIELDS:
                form[name] = ", ".join(value)
            elif name == "review":
                form[name] = "on" if value else ""
            else:
                form[name] = str(value)
        return form

    def revert(self, author: Sender, edit_id: int) -> Saved | None:
        """Serve an older version again: a new version with its content, checked like any save."""
        old = self.get(edit_id)
        if old is None:
            return None
        return self.save(author, old.kind, old.key, self.as_form(old))

    # --- the review queue -----------------------------------------------------------------

    def drafts(self) -> list[KnowledgeEdit]:
        with self.db.session() as session:
            return list(session.exec(select(KnowledgeEdit).where(KnowledgeEdit.status == EditStatus.DRAFT)
                                     .order_by(col(KnowledgeEdit.id))))

    def publish(self, author: Sender, edit_id: int, form: Mapping[str, str]) -> Saved | None:
        """Publish a draft as the reviewer left it (checked first); the draft leaves the queue."""
        draft = self.get(edit_id)
        if draft is None or draft.status != EditStatus.DRAFT:
            return None
        key = draft.key if edits.find(self.kb, draft.kind, draft.key) is not None else None
        saved = self.save(author, draft.kind, key, form)
        if saved.edit is not None:
            self._close_draft(draft, EditStatus.MERGED)
        return saved

    def reject(self, edit_id: int) -> bool:
        draft = self.get(edit_id)
        if draft is None or draft.status != EditStatus.DRAFT:
            return False
        self._close_draft(draft, EditStatus.REJECTED)
        return True

    def _close_draft(self, draft: KnowledgeEdit, status: EditStatus) -> None:
        with self.db.session() as session:
            row = session.get(KnowledgeEdit, draft.id)
            if row is not None:
                row.status = status
                session.add(row)
                session.commit()

    # --- the test pane --------------------------------------------------------------------

    def test(self, question: str) -> Decision:
        return self.learning.answers.get().decide(question)
