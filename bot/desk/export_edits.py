"""`hotline knowledge export`, the console's part: the published versions written back into `knowledge/`.

An item that comes from a file is rewritten in place (from its `- id:` / `- term:` line to the next
item; comments and other items stay as they are); a new item goes to the end of its file
(`faq/console.yaml` for FAQ entries). The files are read back with the loader: on any error they are
restored and nothing is marked exported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import select

from bot.desk.learning import published_edits
from bot.knowledge.edits import FIELDS, KEY_FIELD
from bot.knowledge.loader import read_knowledge
from bot.storage.db import Database
from bot.storage.models import EditStatus, KnowledgeEdit

NEW_FAQ_FILE = Path("faq") / "console.yaml"
FILES = {"glossary": Path("glossary.yaml"), "contact": Path("contacts.yaml")}
NEW_FAQ_HEADER = "# Fiches créées dans la console de l'équipe (hotline knowledge export).\n"


@dataclass
class EditsReport:
    written: int = 0
    problems: list[str] = field(default_factory=list)


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def item_yaml(kind: str, data: dict[str, Any]) -> str:
    lines: list[str] = []
    for name in FIELDS[kind]:
        value = data.get(name)
        if value in (None, "", []) or (name == "review" and value is False):
            continue
        head = "- " if not lines else "  "
        if isinstance(value, list):
            lines.append(f"{head}{name}:")
            lines += [f"    - {_scalar(v)}" for v in value]
        elif isinstance(value, bool):
            lines.append(f"{head}{name}: {'true' if value else 'false'}")
        elif "\n" in str(value):
            lines.append(f"{head}{name}: |")
            lines += [f"    {line.rstrip()}" if line.strip() else "" for line in str(value).strip().splitlines()]
        elif name in ("id", "reviewed"):
            lines.append(f"{head}{name}: {value}")
        else:
            lines.append(f"{head}{name}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _block(lines: list[str], kind: str, key: str) -> tuple[int, int] | None:
    """Where the item starts and ends in the file's lines (blank and comment lines after it stay)."""
    head = re.compile(rf"^- {KEY_FIELD[kind]}:\s*[\"']?{re.escape(key)}[\"']?\s*$")
    start = next((i for i, line in enumerate(lines) if head.match(line.rstrip("\n"))), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("- ")), len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return start, end


def _files(knowledge_dir: Path, kind: str) -> list[Path]:
    return sorted((knowledge_dir / "faq").glob("*.yaml")) if kind == "faq" else [knowledge_dir / FILES[kind]]


def export_edits(db: Database, knowledge_dir: Path, *, now: datetime) -> EditsReport:
    report = EditsReport()
    with db.session() as session:
        pending = {(kind, key) for kind, key in session.exec(select(KnowledgeEdit.kind, KnowledgeEdit.key).where(
            KnowledgeEdit.status == EditStatus.PUBLISHED, KnowledgeEdit.exported_at == None)).all()}  # noqa: E711
        latest = [(kind, key, json.loads(raw)) for _, kind, key, raw in published_edits(session)
                  if (kind, key) in pending]
    originals: dict[Path, str | None] = {}
    for kind, key, data in latest:
        text = "".join(item_yaml(kind, data))
        for path in _files(knowledge_dir, kind):
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            found = _block(lines, kind, key)
            if found is not None:
                originals.setdefault(path, "".join(lines))
                path.write_text("".join(lines[: found[0]]) + text + "".join(lines[found[1]:]), encoding="utf-8")
                break
        else:
            path = knowledge_dir / (NEW_FAQ_FILE if kind == "faq" else FILES[kind])
            current = path.read_text(encoding="utf-8") if path.exists() else None
            originals.setdefault(path, current)
            start = current if current is not None else (NEW_FAQ_HEADER if kind == "faq" else "")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(start.rstrip("\n") + "\n\n" + text, encoding="utf-8")
        report.written += 1
    _, problems = read_knowledge(knowledge_dir)
    errors = [str(p) for p in problems if p.severity == "error"]
    if errors:
        for path, content in originals.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(content, encoding="utf-8")
        report.problems, report.written = errors, 0
        return report
    with db.session() as session:
        for row in session.exec(select(KnowledgeEdit).where(KnowledgeEdit.status == EditStatus.PUBLISHED)):
            if (row.kind, row.key) in pending:
                row.exported_at = now
                session.add(row)
        session.commit()
    return report
