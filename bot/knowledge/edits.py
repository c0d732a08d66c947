"""Knowledge edited in the console: form fields ⇄ items (checked by `bot.answering.knowledge_check`),
and the overlay of the published versions on what the files say.

An edit is stored as the JSON of its fields (see `KnowledgeEdit`); it is parsed by the same code
as the files, so a version that the loader would refuse is never served.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from typing import Any

from bot.knowledge.loader import parse_item
from bot.knowledge.model import Contact, FaqEntry, GlossaryTerm, KnowledgeBase, Location

log = logging.getLogger(__name__)
KINDS = ("faq", "glossary", "contact")
LIST_FIELDS = {"alternates", "synonyms"}  # one per line in the form
ID_LIST_FIELDS = {"related", "tags"}  # separated by commas or spaces
# The plain "short" answer shown first exists once the knowledge model has it (then it is edited too).
_SHORT = ("short",) if "short" in {f.name for f in dataclass_fields(FaqEntry)} else ()
HAS_SHORT = bool(_SHORT)


def draft_short(answer: str) -> dict[str, str]:
    """A first short answer for a draft (its first 40 words), for the reviewer to rewrite."""
    return {"short": " ".join(answer.split()[:40])} if HAS_SHORT else {}
FIELDS = {
    "faq": ("id", "question", "alternates", *_SHORT, "answer", "more", "source", "related", "tags", "reviewed",
            "review"),
    "glossary": ("term", "meaning", "definition", "synonyms", "source", "reviewed"),
    "contact": ("id", "role", "description", "address", "phone", "email", "website", "how", "source", "reviewed"),
}
KEY_FIELD = {"faq": "id", "glossary": "term", "contact": "id"}
Item = FaqEntry | GlossaryTerm | Contact


def origin(edit_id: int | None = None) -> Location:
    return Location(file="console", line=edit_id or 0)


def from_form(kind: str, form: Mapping[str, str]) -> dict[str, Any]:
    """The form's strings as the fields a YAML file would hold."""
    data: dict[str, Any] = {}
    for name in FIELDS[kind]:
        raw = (form.get(name) or "").strip()
        if name in LIST_FIELDS:
            data[name] = [line.strip() for line in raw.splitlines() if line.strip()]
        elif name in ID_LIST_FIELDS:
            data[name] = [part for part in re.split(r"[,\s]+", raw) if part]
        elif name == "review":
            data[name] = raw in ("on", "true", "1", "oui")
        else:
            data[name] = raw
    return data


def to_form(kind: str, item: Item) -> dict[str, str]:
    if isinstance(item, FaqEntry):
        return {"id": item.id, "question": item.question, "alternates": "\n".join(item.alternates),
                **{name: getattr(item, name) or "" for name in _SHORT}, "answer": item.answer,
                "more": item.more or "", "source": item.source,
                "related": ", ".join(item.related), "tags": ", ".join(item.tags),
                "reviewed": item.reviewed.isoformat() if item.reviewed else "", "review": "on" if item.needs_review else ""}
    if isinstance(item, GlossaryTerm):
        return {"term": item.term, "meaning": item.meaning,
                "definition": "" if item.definition == item.meaning else item.definition,
                "synonyms": "\n".join(item.synonyms), "source": item.source, "reviewed": ""}
    return {name: getattr(item, name, "") or "" for name in FIELDS["contact"]}


def key_of(kind: str, item: Item) -> str:
    return item.term if isinstance(item, GlossaryTerm) else item.id


def find(kb: KnowledgeBase, kind: str, key: str) -> Item | None:
    if kind == "faq":
        return kb.entry(key)
    if kind == "glossary":
        return kb.term(key)
    return kb.contact(key)


def with_item(kb: KnowledgeBase, kind: str, key: str | None, item: Item) -> KnowledgeBase:
    """A copy where `item` replaces the one named `key` (or is added)."""
    def swap(items: Iterable[Any]) -> tuple[Any, ...]:
        kept = [i for i in items if key is None or key_of(kind, i).casefold() != key.casefold()]
        return (*kept, item)

    if kind == "faq":
        return copy(kb, faq=swap(kb.faq))
    if kind == "glossary":
        return copy(kb, glossary=swap(kb.glossary))
    return copy(kb, contacts=swap(kb.contacts))


def copy(kb: KnowledgeBase, **changes: Any) -> KnowledgeBase:
    """`dataclasses.replace` with fresh lookup tables (they are filled from the items at creation)."""
    return replace(kb, _faq_by_id={}, _terms={}, **changes)


def overlay(base: KnowledgeBase, published: Iterable[tuple[int, str, str, str]]) -> KnowledgeBase:
    """The files' knowledge with the latest published version of each edited item: (edit id, kind, key, JSON).

    A version that no longer parses (the files changed under it) is skipped and logged, never served."""
    kb = base
    for edit_id, kind, key, raw in published:
        try:
            data = json.loads(raw)
        except ValueError:
            log.error("knowledge edit %s is not valid JSON: skipped", edit_id)
            continue
        item, problems = parse_item(kind, data, origin(edit_id))
        if item is None:
            log.error("knowledge edit %s (%s %s) refused by the loader: %s", edit_id, kind, key, problems)
            continue
        kb = with_item(kb, kind, key, item)
    return kb
