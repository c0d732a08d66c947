"""Reads `knowledge/` into a `KnowledgeBase`, reporting every problem with its file and line."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bot.cache import cache_dir, files_fingerprint
from bot.knowledge.model import (
    AUDIENCE_GROUPS,
    PERIOD_MARKER,
    Contact,
    Council,
    Document,
    EventSpec,
    FaqEntry,
    GlossaryTerm,
    KnowledgeBase,
    Location,
    Passage,
)

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
EVENT_KINDS = ("interconseil", "webinaire", "journee", "formation", "cafe_citoyen", "copil", "autre")
EVENT_STATUSES = ("planned", "to_confirm", "cancelled")
T = TypeVar("T")

if TYPE_CHECKING:
    import yaml


@cache
def _fast_loader() -> type[yaml.SafeLoader]:
    """libyaml's parser when installed (it is, with PyYAML's wheels): the same documents, several times
    faster. PyYAML is imported when a file is parsed: knowledge read back from the cache needs none."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe_load(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=_fast_loader())  # a safe loader: the C one


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    import yaml

    node = yaml.compose(text, Loader=_fast_loader())
    if node is None:
        return None, None
    return node, yaml.constructor.SafeConstructor().construct_document(node)


@dataclass(frozen=True, kw_only=True)
class Problem:
    location: Location
    message: str
    severity: str = "error"  # "error" stops the start-up; "warning" is for staff to look at

    def __str__(self) -> str:
        label = {"error": "erreur", "warning": "attention", "info": "à relire"}.get(self.severity, self.severity)
        return f"{self.location}: {label} : {self.message}"


class KnowledgeError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class _Record:
    """One mapping of a YAML list, with the line of each field."""

    data: dict[str, Any]
    location: Location
    lines: dict[str, int]
    problems: list[Problem]

    def at(self, key: str) -> Location:
        return Location(file=self.location.file, line=self.lines.get(key, self.location.line))

    def error(self, key: str | None, message: str) -> None:
        self.problems.append(Problem(location=self.at(key) if key else self.location, message=message))

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(key, f"champ « {key} » manquant")
            return None
        if isinstance(value, bool | list | dict):
            self.error(key, f"« {key} » doit être un texte")
            return None
        return str(value).strip()

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
            self.error(key, f"« {key} » doit être une liste de textes")
            return ()
        return tuple(str(v).strip() for v in value if str(v).strip())

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.error(key, f"« {key} » doit valoir true ou false")
            return False
        return value

    def day(self, key: str, *, required: bool = False) -> date | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, f"champ « {key} » manquant")
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.error(key, f"« {key} » doit être une date AAAA-MM-JJ")
            return None

    def moment(self, key: str) -> datetime | date | None:
        """A Paris local date-time (AAAA-MM-JJTHH:MM) or a whole day (AAAA-MM-JJ)."""
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        if isinstance(value, date):
            return value
        text = str(value).strip()
        try:
            return datetime.fromisoformat(text) if "T" in text or " " in text else date.fromisoformat(text)
        except ValueError:
            self.error(key, f"« {key} » doit être AAAA-MM-JJTHH:MM (heure de Paris) ou AAAA-MM-JJ")
            return None

    def number(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.error(key, f"« {key} » doit être un nombre entier positif")
            return None
        return value

    def ident(self) -> str | None:
        value = self.text("id")
        if value is not None and not ID_RE.match(value):
            self.error("id", f"identifiant « {value} » invalide : minuscules, chiffres et tirets seulement")
        return value


def _records(path: Path, root: Path, problems: list[Problem]) -> Iterator[_Record]:
    import yaml

    name = str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
        node, data = _compose_and_construct(text)
    except UnicodeDecodeError:
        problems.append(Problem(location=Location(file=name, line=1), message="le fichier n'est pas en UTF-8"))
        return
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problems.append(Problem(location=Location(file=name, line=line), message=f"YAML invalide : {exc}"))
        return
    if data is None:
        return
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        problems.append(Problem(location=Location(file=name, line=1), message="le fichier doit être une liste (- …)"))
        return
    for item, item_node in zip(data, node.value, strict=True):
        location = Location(file=name, line=item_node.start_mark.line + 1)
        if not isinstance(item, dict) or not isinstance(item_node, yaml.MappingNode):
            problems.append(Problem(location=location, message="chaque élément doit être une fiche « clé: valeur »"))
            continue
        lines = {str(k.value): k.start_mark.line + 1 for k, _ in item_node.value}
        yield _Record(data=item, location=location, lines=lines, problems=problems)


def parse_item(kind: str, data: dict[str, Any], origin: Location) -> tuple[Any, list[tuple[str, str]]]:
    """One FAQ entry, glossary term or contact from a mapping (the console's form), with the same rules
    as the files: the item (or None) and each problem as (field, message)."""
    fields = list(data)
    problems: list[Problem] = []
    # Each field gets its own "line", so that every problem says which field it is about.
    record = _Record(data=data, location=origin, lines={key: index + 1 for index, key in enumerate(fields)},
                     problems=problems)
    build: dict[str, Callable[[_Record], Any]] = {"faq": _faq, "glossary": _term, "contact": _contact}
    item = build[kind](record)
    named = [(fields[p.location.line - 1] if 0 < p.location.line <= len(fields) else "", p.message) for p in problems]
    return (item if not problems else None), named


def _faq(record: _Record) -> FaqEntry | None:
    entry_id, question, answer = record.ident(), record.text("question"), record.text("answer")
    source, short = record.text("source"), record.text("short")
    if not (entry_id and question and answer and source and short):
        return None
    return FaqEntry(
        id=entry_id,
        question=question,
        alternates=record.texts("alternates"),
        answer=answer,
        more=record.text("more", required=False),
        tags=record.texts("tags"),
        related=record.texts("related"),
        source=source,
        reviewed=record.day("reviewed", required=True),
        needs_review=record.flag("review"),
        origin=record.location,
        short=short,
        short_origin=record.at("short"),
    )


def _term(record: _Record) -> GlossaryTerm | None:
    term, meaning = record.text("term"), record.text("meaning")
    source = record.text("source")
    if not (term and meaning and source):
        return None
    return GlossaryTerm(
        term=term,
        meaning=meaning,
        definition=record.text("definition", required=False) or meaning,
        synonyms=record.texts("synonyms"),
        source=source,
        origin=record.location,
    )


def _contact(record: _Record) -> Contact | None:
    contact_id, role, source = record.ident(), record.text("role"), record.text("source")
    if not (contact_id and role and source):
        return None
    return Contact(
        id=contact_id,
        role=role,
        description=record.text("description", required=False) or "",
        address=record.text("address", required=False),
        phone=record.text("phone", required=False),
        email=record.text("email", required=False),
        website=record.text("website", required=False),
        how=record.text("how", required=False),
        source=source,
        origin=record.location,
    )


def _event(record: _Record) -> EventSpec | None:
    event_id, kind, title, source = record.ident(), record.text("kind"), record.text("title"), record.text("source")
    status = record.text("status", required=False) or "planned"
    if kind and kind not in EVENT_KINDS:
        record.error("kind", f"type « {kind} » inconnu ; attendu : {', '.join(EVENT_KINDS)}")
        return None
    if status not in EVENT_STATUSES:
        record.error("status", f"statut « {status} » inconnu ; attendu : {', '.join(EVENT_STATUSES)}")
        return None
    start, end = record.moment("start"), record.moment("end")
    if status == "planned" and start is None:
        record.error("start", "un événement « planned » a besoin d'une date de début (sinon : status: to_confirm)")
    if not (event_id and kind and title and source):
        return None
    return EventSpec(
        id=event_id,
        kind=kind,
        title=title,
        start=start,
        end=end,
        month=record.text("month", required=False),
        status=status,
        place=record.text("place", required=False),
        online_url=record.text("online_url", required=False),
        audience=record.text("audience", required=False),
        territory=record.text("territory", required=False),
        description=record.text("description", required=False),
        capacity=record.number("capacity"),
        registration_deadline=record.moment("registration_deadline"),
        price=record.text("price", required=False),
        source=source,
        origin=record.location,
        period=_period(record),
        audience_group=_audience_group(record),
        replay_url=record.text("replay_url", required=False),
    )


def _period(record: _Record) -> str | None:
    marker = record.text("period", required=False)
    if marker and not PERIOD_MARKER.match(marker):
        record.error("period", f"période « {marker} » non comprise ; attendu par exemple 2026, 2026-T1, 2026-S2, "
                               "2026-printemps ou 2026-06")
        return None
    return marker


def _audience_group(record: _Record) -> str | None:
    group = record.text("audience_group", required=False)
    if group and group not in AUDIENCE_GROUPS:
        record.error("audience_group", f"public « {group} » inconnu ; attendu : {', '.join(AUDIENCE_GROUPS)}")
        return None
    return group


def _council(record: _Record) -> Council | None:
    council_id, name = record.ident(), record.text("name")
    if not (council_id and name):
        return None
    return Council(
        id=council_id,
        name=name,
        commune=record.text("commune", required=False),
        territory=record.text("territory", required=False),
        source=record.text("source", required=False),
        needs_review=record.flag("review"),
        origin=record.location,
    )


_FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.S)


def _document(path: Path, root: Path, problems: list[Problem]) -> Document | None:
    name = str(path.relative_to(root.parent))
    text = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    if not match:
        problems.append(Problem(location=Location(file=name, line=1), message="en-tête --- id/title/source --- manquant"))
        return None
    meta = _safe_load(match.group(1)) or {}
    record = _Record(data=meta, location=Location(file=name, line=1), lines={}, problems=problems)
    doc_id, title, source = record.ident(), record.text("title"), record.text("source")
    if not (doc_id and title and source):
        return None
    body_start = text[: match.end()].count("\n")
    passages: list[Passage] = []
    buffer: list[str] = []
    heading, start_line = "", body_start + 1
    for number, line in enumerate(text[match.end() :].splitlines(), start=body_start + 1):
        if line.startswith("## "):
            if heading and "".join(buffer).strip():
                passages.append(_passage(doc_id, title, source, heading, buffer, name, start_line, len(passages)))
            heading, buffer, start_line = line[3:].strip(), [], number
        elif heading:
            buffer.append(line)
    if heading and "".join(buffer).strip():
        passages.append(_passage(doc_id, title, source, heading, buffer, name, start_line, len(passages)))
    if not passages:
        problems.append(Problem(location=Location(file=name, line=1), message="aucun passage (titres « ## »)"))
    return Document(
        id=doc_id,
        title=title,
        source=source,
        reviewed=record.day("reviewed"),
        passages=tuple(passages),
        origin=Location(file=name, line=1),
    )


def _passage(
    doc_id: str, title: str, source: str, heading: str, lines: list[str], file: str, line: int, index: int
) -> Passage:
    return Passage(
        id=f"{doc_id}#{index + 1}",
        document_id=doc_id,
        document_title=title,
        heading=heading,
        text="\n".join(lines).strip(),
        source=source,
        origin=Location(file=file, line=line),
    )


def _synonyms(path: Path, root: Path, problems: list[Problem]) -> tuple[tuple[str, ...], ...]:
    import yaml

    name = str(path.relative_to(root.parent))
    try:
        data = _safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        problems.append(Problem(location=Location(file=name, line=1), message=f"YAML invalide : {exc}"))
        return ()
    groups = []
    for index, group in enumerate(data):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) for w in group):
            problems.append(
                Problem(location=Location(file=name, line=index + 1), message="chaque groupe est une liste d'au moins 2 mots")
            )
            continue
        groups.append(tuple(w.strip() for w in group))
    return tuple(groups)


def _load_list(path: Path, root: Path, problems: list[Problem], build: Callable[[_Record], T | None]) -> list[T]:
    if not path.exists():
        return []
    return [item for record in _records(path, root, problems) if (item := build(record)) is not None]


def read_knowledge(root: Path) -> tuple[KnowledgeBase, list[Problem]]:
    """Everything that could be read, and every problem found on the way."""
    problems: list[Problem] = []
    faq = [e for path in sorted((root / "faq").glob("*.yaml")) for e in _load_list(path, root, problems, _faq)]
    if not faq:
        problems.append(Problem(location=Location(file=str(root / "faq"), line=1), message="aucune entrée de FAQ"))
    synonyms_path = root / "synonyms.yaml"
    docs_dir = root / "docs"
    kb = KnowledgeBase(
        faq=tuple(faq),
        glossary=tuple(_load_list(root / "glossary.yaml", root, problems, _term)),
        synonyms=_synonyms(synonyms_path, root, problems) if synonyms_path.exists() else (),
        documents=tuple(
            d for path in sorted(docs_dir.glob("*.md")) if (d := _document(path, root, problems)) is not None
        )
        if docs_dir.exists()
        else (),
        contacts=tuple(_load_list(root / "contacts.yaml", root, problems, _contact)),
        events=tuple(_load_list(root / "events.yaml", root, problems, _event)),
        councils=tuple(_load_list(root / "councils.yaml", root, problems, _council)),
    )
    problems.extend(_reference_problems(kb))
    return kb, problems


def _reference_problems(kb: KnowledgeBase) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Location] = {}
    for entry in kb.faq:
        if entry.id in seen:
            problems.append(Problem(location=entry.origin, message=f"id « {entry.id} » déjà utilisé en {seen[entry.id]}"))
        seen.setdefault(entry.id, entry.origin)
    for entry in kb.faq:
        for related in entry.related:
            if related not in seen:
                problems.append(Problem(location=entry.origin, message=f"« related » : l'entrée « {related} » n'existe pas"))
            elif related == entry.id:
                problems.append(Problem(location=entry.origin, message="« related » : une entrée ne peut pas se citer"))
    for kind, items in (("événement", kb.events), ("contact", kb.contacts), ("conseil", kb.councils),
                        ("fiche", kb.documents)):
        ids: dict[str, Location] = {}
        for item in items:
            if item.id in ids:
                problems.append(Problem(location=item.origin, message=f"{kind} « {item.id} » déjà défini en {ids[item.id]}"))
            ids.setdefault(item.id, item.origin)
    terms: dict[str, Location] = {}
    for term in kb.glossary:
        key = term.term.casefold()
        if key in terms:
            problems.append(Problem(location=term.origin, message=f"terme « {term.term} » déjà défini en {terms[key]}"))
        terms.setdefault(key, term.origin)
    return problems


log = logging.getLogger(__name__)
_SNAPSHOT_VERSION = 3  # bump when the model's classes change shape (or the snapshot's)
# The last good knowledge as read back, and its `content_digest` kept with it.
_read_back: tuple[KnowledgeBase, str] | None = None


def content_digest(kb: KnowledgeBase) -> str:
    """A digest of everything the knowledge holds: its repr, where the dataclasses write every field's value
    (the same knowledge gives the same text in every process). Kept with the last good knowledge: writing the
    repr takes ~15 ms, at every start that reads it back (bot/answering/prepared.py `key`)."""
    return known_digest(kb) or hashlib.sha256(repr(kb).encode()).hexdigest()


def known_digest(kb: KnowledgeBase) -> str | None:
    """`content_digest(kb)` when it is kept with this knowledge (nothing written), else None."""
    return _read_back[1] if _read_back is not None and _read_back[0] is kb else None


def load_serving_knowledge(root: Path) -> KnowledgeBase:
    """What the bot serves: the files when they are sound (kept aside as the last good knowledge), else the
    last good knowledge, else everything that could still be read. A broken file never stops the bot;
    `hotline knowledge check` stays strict and names every error. Files unchanged since the last good
    knowledge was kept are not parsed again."""
    global _read_back
    snapshot = cache_dir() / f"knowledge-{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]}.pickle"
    fingerprint = _fingerprint(root)
    kept = _last_good(snapshot)
    if kept is not None:
        _read_back = kept[1], kept[2]
    if kept is not None and kept[0] == fingerprint:
        return kept[1]
    kb, problems = read_knowledge(root)
    errors = [p for p in problems if p.severity == "error"]
    if not errors:
        _keep(snapshot, fingerprint, kb)
        return kb
    for problem in errors:
        log.error("knowledge: %s", problem)
    if kept is not None:
        log.error("knowledge has errors: serving the last good version until they are fixed")
        return kept[1]
    if kb.faq:
        log.error("knowledge has errors and no good version was kept: serving what could be read")
        return kb
    raise KnowledgeError(errors)


def _fingerprint(root: Path) -> str:
    """Every file `read_knowledge` reads (name, size, modification time), and the reading code itself."""
    paths = [*sorted((root / "faq").glob("*.yaml")), *sorted((root / "docs").glob("*.md")),
             *(root / name for name in ("glossary.yaml", "synonyms.yaml", "contacts.yaml", "events.yaml",
                                        "councils.yaml"))]
    return files_fingerprint((Path(__file__), Path(__file__).with_name("model.py")), paths)


def _keep(snapshot: Path, fingerprint: str, kb: KnowledgeBase) -> None:
    try:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=snapshot.parent, delete=False) as out:
            pickle.dump((_SNAPSHOT_VERSION, fingerprint, kb, content_digest(kb)), out,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, snapshot)  # whole or not at all
    except OSError as error:
        log.info("last good knowledge not kept (%s)", error)


def _last_good(snapshot: Path) -> tuple[str, KnowledgeBase, str] | None:
    """(fingerprint of the files it was read from, knowledge, its content digest) of the last good
    knowledge, if kept."""
    try:
        version, fingerprint, kb, digest = pickle.loads(snapshot.read_bytes())  # our own file, written by _keep
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    if version != _SNAPSHOT_VERSION or not isinstance(kb, KnowledgeBase) or not isinstance(fingerprint, str) \
            or not isinstance(digest, str):
        return None
    return fingerprint, kb, digest


def load_knowledge(root: Path) -> KnowledgeBase:
    """The knowledge base, or `KnowledgeError` listing every error (fail fast at start-up)."""
    kb, problems = read_knowledge(root)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise KnowledgeError(errors)
    return kb
