"""Reads `knowledge/templates/*.md` into typed templates, reporting every problem with its file and line.

A template is plain text the team can edit: a front matter (id, title, summary, keywords, sources), then
one block a line: `## heading`, `- bullet`, `> note` (advice for whoever fills the document in, shown in
grey italics), `| table | row |`, `---` (page break), or a paragraph. Inside a line, `**bold**` and
`[blanks to fill in]`. Unlike the rest of the knowledge base, a broken template does not stop the bot:
it is left out of the list and `hotline knowledge check` names it.

Why not a Markdown library: the subset is five line kinds, the problems must carry their line, and a full
parser would silently accept what the Word renderer cannot show (links, images, nested lists).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.cache import files_fingerprint, kept
from bot.knowledge.loader import ID_RE, Problem
from bot.knowledge.model import Location

MAX_ID_CHARS = 40  # the id travels in button data (64 bytes with its prefix)
MAX_LABEL_CHARS = 40  # a button label a phone shows whole
DEFAULT_ORDER = 100
_FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.S)
_KEY_LINE = re.compile(r"^([a-z_]+)\s*:")
_TABLE_RULE = re.compile(r"^\|(\s*:?-+:?\s*\|)+$")
_INLINE = re.compile(r"\*\*|\[|\]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # a Word file cannot hold them


@dataclass(frozen=True, kw_only=True)
class Span:
    """A piece of a line: plain, bold, or a blank to fill in (its text says what goes there)."""

    text: str
    bold: bool = False
    blank: bool = False


Line = tuple[Span, ...]


@dataclass(frozen=True, kw_only=True)
class Block:
    kind: str  # "heading", "paragraph", "bullet", "note", "table", "page_break"
    spans: Line = ()
    level: int = 0  # headings: 1 to 3
    rows: tuple[tuple[Line, ...], ...] = ()  # tables
    header: bool = False  # tables: the first row is a header
    line: int = 0


@dataclass(frozen=True, kw_only=True)
class Template:
    id: str
    title: str
    label: str  # the button that sends it
    summary: str
    order: int  # the place in the list, smallest first
    keywords: tuple[str, ...]  # what a member's question names ("préfet", "charte"…)
    faq: tuple[str, ...]  # FAQ entries whose answer offers this document
    sources: tuple[str, ...]
    reviewed: date | None
    blocks: tuple[Block, ...]
    origin: Location

    @property
    def filename(self) -> str:
        return f"{self.id}.docx"

    @property
    def blanks(self) -> tuple[str, ...]:
        """Every blank to fill in, once, in reading order."""
        lines = [block.spans for block in self.blocks] + [cell for b in self.blocks for row in b.rows for cell in row]
        found = [span.text for line in lines for span in line if span.blank]
        return tuple(dict.fromkeys(found))


class _Reader:
    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        self.failed = False

    def error(self, line: int, message: str) -> None:
        self.failed = True
        self.problems.append(Problem(location=Location(file=self.file, line=line), message=message))

    def spans(self, text: str, line: int) -> Line:
        if _INVISIBLE.search(text):
            self.error(line, "caractère invisible (de contrôle) dans la ligne : retapez-la")
            return ()
        spans: list[Span] = []
        bold, blank_start, position = False, -1, 0
        for mark in _INLINE.finditer(text):
            if blank_start < 0 and mark.start() > position:
                spans.append(Span(text=text[position : mark.start()], bold=bold))
            if mark.group() == "**" and blank_start < 0:
                bold = not bold
            elif mark.group() == "[":
                if blank_start >= 0:
                    self.error(line, "crochet « [ » ouvert deux fois : un blanc à remplir s'écrit [comme ceci]")
                    return ()
                blank_start = mark.end()
            elif mark.group() == "]":
                if blank_start < 0:
                    self.error(line, "crochet « ] » sans « [ » avant lui")
                    return ()
                content = text[blank_start : mark.start()].strip()
                if not content:
                    self.error(line, "blanc vide « [] » : écrivez ce qu'il faut y mettre, ex. [nom du conseil]")
                    return ()
                spans.append(Span(text=content, bold=bold, blank=True))
                blank_start = -1
            position = mark.end()
        if blank_start >= 0:
            self.error(line, "crochet « [ » jamais fermé")
            return ()
        if bold:
            self.error(line, "gras « ** » jamais fermé")
            return ()
        if position < len(text):
            spans.append(Span(text=text[position:], bold=bold))
        return tuple(spans)

    def table(self, rows: list[tuple[int, str]]) -> Block | None:
        header = len(rows) > 1 and bool(_TABLE_RULE.match(rows[1][1]))
        cells: list[tuple[Line, ...]] = []
        width = 0
        for line, text in rows:
            if _TABLE_RULE.match(text):
                continue
            if not text.endswith("|") or len(text) < 2:
                self.error(line, "une ligne de tableau commence et finit par « | »")
                return None
            row = tuple(self.spans(cell.strip(), line) for cell in text[1:-1].split("|"))
            width = width or len(row)
            if len(row) != width:
                self.error(line, f"{len(row)} colonne(s) au lieu de {width} comme la première ligne du tableau")
                return None
            cells.append(row)
        return Block(kind="table", rows=tuple(cells), header=header, line=rows[0][0])

    def blocks(self, lines: list[tuple[int, str]]) -> tuple[Block, ...]:
        blocks: list[Block] = []
        table: list[tuple[int, str]] = []
        for line, raw in [*lines, (0, "")]:
            text = raw.strip()
            if table and not text.startswith("|"):
                if (block := self.table(table)) is not None:
                    blocks.append(block)
                table = []
            if not text:
                continue
            if text.startswith("|"):
                table.append((line, text))
            elif text == "---":
                blocks.append(Block(kind="page_break", line=line))
            elif match := re.match(r"^(#{1,3}) (.+)$", text):
                blocks.append(Block(kind="heading", level=len(match.group(1)), spans=self.spans(match.group(2), line),
                                    line=line))
            elif text.startswith("#"):
                self.error(line, "titre mal écrit : « ## Titre » (un à trois #, puis une espace)")
            elif text.startswith(("- ", "> ")):
                kind = "bullet" if text[0] == "-" else "note"
                blocks.append(Block(kind=kind, spans=self.spans(text[2:].strip(), line), line=line))
            elif text.startswith(("* ", "+ ", "<", "![")):
                self.error(line, "forme non prise en charge : listes avec « - », notes avec « > », pas de HTML ni d'image")
            else:
                blocks.append(Block(kind="paragraph", spans=self.spans(text, line), line=line))
        return tuple(blocks)


def _texts(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return tuple(v.strip() for v in value)


def read_template(path: Path, root: Path, problems: list[Problem]) -> Template | None:
    """One template, or None when it has an error (each one added to `problems`)."""
    name = str(path.relative_to(root.parent))
    reader = _Reader(name, problems)
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        reader.error(1, f"fichier illisible (UTF-8 attendu) : {exc}")
        return None
    match = _FRONT_MATTER.match(text)
    if not match:
        reader.error(1, "en-tête --- id/title/summary/keywords/sources --- manquant")
        return None
    import yaml  # only when a template is read, not when it is read back from the cache

    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reader.error(mark.line + 2 if mark is not None else 1,
                     f"en-tête YAML invalide ({getattr(exc, 'problem', exc)}) : mettez entre guillemets un texte "
                     "qui contient « : »")
        return None
    if not isinstance(meta, dict):
        reader.error(1, "l'en-tête doit être une suite de « clé: valeur »")
        return None
    key_lines = {m.group(1): number for number, line in enumerate(match.group(1).splitlines(), start=2)
                 if (m := _KEY_LINE.match(line))}

    def field(key: str) -> str | None:
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            reader.error(key_lines.get(key, 1), f"« {key} » manquant ou vide")
            return None
        return " ".join(value.split())

    doc_id, title, summary = field("id"), field("title"), field("summary")
    if doc_id is not None and (not ID_RE.match(doc_id) or len(doc_id) > MAX_ID_CHARS):
        reader.error(key_lines.get("id", 1), f"id « {doc_id} » : minuscules, chiffres et tirets, {MAX_ID_CHARS} "
                                             "caractères au plus")
    label = meta.get("label") or title
    if not isinstance(label, str) or len(label) > MAX_LABEL_CHARS:
        reader.error(key_lines.get("label", key_lines.get("title", 1)),
                     f"« label » (le texte du bouton) : {MAX_LABEL_CHARS} caractères au plus")
    keywords, sources = _texts(meta.get("keywords")), _texts(meta.get("sources"))
    for key, value in (("keywords", keywords), ("sources", sources)):
        if value is None:
            reader.error(key_lines.get(key, 1), f"« {key} » : une liste d'au moins un texte (- …), entre guillemets "
                                                "s'il contient « : »")
    faq = meta.get("faq", [])
    if not isinstance(faq, list) or not all(isinstance(i, str) and ID_RE.match(i) for i in faq):
        reader.error(key_lines.get("faq", 1), "« faq » : une liste d'identifiants d'entrées de la FAQ")
    order = meta.get("order", DEFAULT_ORDER)
    if not isinstance(order, int) or isinstance(order, bool):
        reader.error(key_lines.get("order", 1), "« order » (la place dans la liste) : un nombre entier")
    reviewed = meta.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, date):
        reader.error(key_lines.get("reviewed", 1), "« reviewed » : une date AAAA-MM-JJ")
    first_body_line = text[: match.end()].count("\n") + 1
    blocks = reader.blocks(list(enumerate(text[match.end() :].splitlines(), start=first_body_line)))
    if not blocks and not reader.failed:
        reader.error(first_body_line, "modèle vide : aucun texte après l'en-tête")
    if reader.failed or not (doc_id and title and summary and keywords and sources and isinstance(label, str)
                             and isinstance(order, int)):
        return None
    return Template(id=doc_id, title=title, label=label, summary=summary, order=order, keywords=keywords,
                    faq=tuple(faq), sources=sources,
                    reviewed=reviewed if isinstance(reviewed, date) else None, blocks=blocks,
                    origin=Location(file=name, line=1))


def read_templates(directory: Path) -> tuple[tuple[Template, ...], list[Problem]]:
    """Every template that reads well, in list order, and every problem found on the way."""
    problems: list[Problem] = []
    templates: list[Template] = []
    seen: dict[str, Location] = {}
    for path in sorted(directory.glob("*.md")) if directory.is_dir() else ():
        template = read_template(path, directory.parent, problems)
        if template is None:
            continue
        if template.id in seen:
            problems.append(Problem(location=template.origin,
                                    message=f"modèle « {template.id} » déjà défini en {seen[template.id]}"))
            continue
        seen[template.id] = template.origin
        templates.append(template)
    return tuple(sorted(templates, key=lambda t: (t.order, t.id))), problems


def read_templates_kept(directory: Path) -> tuple[tuple[Template, ...], list[Problem]]:
    """`read_templates`, read back from the cache folder while no template (nor this code) changed: at each
    start, and for `hotline ask`, the templates are not parsed again."""
    resolved = directory.resolve()
    fingerprint = files_fingerprint(
        (Path(__file__), Path(__file__).parent.parent / "knowledge" / "model.py"),
        [*sorted(resolved.glob("*.md"))] if resolved.is_dir() else [resolved])
    name = f"templates-{hashlib.sha256(str(resolved).encode()).hexdigest()[:12]}"
    return kept(name, fingerprint, lambda: read_templates(directory))
