"""Every text of the knowledge base a member can read, with where it comes from (for content tests)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass

from bot.knowledge.model import KnowledgeBase

# The Python text tables that talk to members (staff-only wording lives in the same modules, and is held
# to the same plain-language rules).
TEXT_MODULES = ("bot.core.texts", "bot.events.texts", "bot.privacy.texts", "bot.desk.texts", "bot.announce.texts")


@dataclass(frozen=True, kw_only=True)
class Text:
    where: str
    text: str


def knowledge_texts(kb: KnowledgeBase) -> Iterator[Text]:
    """Questions, short answers, answers, sources, fiches, glossary, contacts and events (not the alternates:
    they are only used to recognise questions)."""
    for e in kb.faq:
        for field in ("question", "short", "answer", "more", "source"):
            value = getattr(e, field)
            if value:
                yield Text(where=f"{e.origin} [{e.id}].{field}", text=value)
    for doc in kb.documents:
        yield Text(where=f"{doc.origin} title/source", text=f"{doc.title}\n{doc.source}")
        for p in doc.passages:
            yield Text(where=str(p.origin), text=f"{p.heading}\n{p.text}")
    for t in kb.glossary:
        # The term opens the definition, as a member reads it: « tirage au sort : Méthode … ».
        yield Text(where=f"{t.origin} [{t.term}]", text=f"{t.meaning}\n{t.term} : {t.definition}\n{t.source}")
    for c in kb.contacts:
        yield Text(where=f"{c.origin} [{c.id}]", text="\n".join(filter(None, (c.role, c.description, c.how, c.source))))
    for ev in kb.events:
        yield Text(where=f"{ev.origin} [{ev.id}]",
                   text="\n".join(filter(None, (ev.title, ev.description, ev.audience, ev.place, ev.source))))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def python_texts() -> Iterator[Text]:
    """Module-level French strings (and dicts/tuples of them) of the text tables."""
    for name in TEXT_MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if attr.isupper():
                for text in _strings(value):
                    yield Text(where=f"{name}.{attr}", text=text)
