"""`hotline knowledge export`: what the staff taught the hotline, written into `knowledge/`.

Learned entries go to `faq/appris.yaml` (a file this command owns and rewrites, every entry marked
`review: true`). Wordings attached to entries of other files are inserted in their `alternates:`
list, line by line, so the team's comments and layout stay as they are. The result is read back
with the loader; if anything went wrong, the files are restored and nothing is marked exported.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlmodel import col, select

from bot.answering.normalize import fold
from bot.clock import as_utc
from bot.knowledge.loader import read_knowledge
from bot.storage.db import Database
from bot.storage.models import LearnedEntry, LearnedPhrasing

LEARNED_FILE = Path("faq") / "appris.yaml"
HEADER = (
    "# Fiches écrites à partir des réponses de l'équipe (hotline knowledge export).\n"
    "# Ce fichier est réécrit à chaque export : pour garder une fiche, relisez-la puis déplacez-la dans un\n"
    "# autre fichier de faq/ (et mettez « review: false »).\n"
)
_ITEM = re.compile(r"^- ")
_ALTERNATES = re.compile(r"^(\s+)alternates:\s*$")
_ANSWER = re.compile(r"^(\s+)answer:")


@dataclass
class ExportReport:
    entries: int = 0
    phrasings: int = 0
    problems: list[str] = field(default_factory=list)


def _scalar(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _learned_yaml(entries: list[LearnedEntry], phrasings: dict[str, list[str]]) -> str:
    parts = [HEADER]
    for entry in entries:
        lines = [f"\n- id: {entry.id}", f"  question: {_scalar(entry.question)}"]
        wordings = phrasings.get(entry.id, [])
        if wordings:
            lines.append("  alternates:")
            lines += [f"    - {_scalar(w)}" for w in wordings]
        # A first draft of the plain version, for staff to rewrite (`hotline knowledge check` measures it).
        lines.append(f"  short: {_scalar(' '.join(entry.answer.split()[:40]))}")
        lines.append("  answer: |")
        lines += [f"    {line.rstrip()}" if line.strip() else "" for line in entry.answer.strip().splitlines()]
        lines += ["  tags: [appris]", f"  source: {_scalar(entry.source)}",
                  f"  reviewed: {as_utc(entry.created_at).date().isoformat()}", "  review: true"]
        parts.append("\n".join(lines) + "\n")
    return "".join(parts)


def _insert_alternates(text: str, entry_id: str, wordings: list[str]) -> str | None:
    """The file with `wordings` added to the entry's alternates, or None if its layout is unexpected."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(rf"^- id:\s*{re.escape(entry_id)}\s*$", line)), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _ITEM.match(lines[i])), len(lines))
    for i in range(start, end):
        match = _ALTERNATES.match(lines[i].rstrip("\n"))
        if match:
            last, indent = i, match.group(1) + "  "
            for j in range(i + 1, end):
                item = re.match(r"^(\s+)- ", lines[j])
                if item is None or len(item.group(1)) <= len(match.group(1)):
                    break
                last, indent = j, item.group(1)
            added = [f"{indent}- {_scalar(w)}\n" for w in wordings]
            return "".join(lines[: last + 1] + added + lines[last + 1 :])
    for i in range(start, end):  # no alternates yet: put them just before the answer
        match = _ANSWER.match(lines[i])
        if match:
            key = match.group(1)
            added = [f"{key}alternates:\n"] + [f"{key}  - {_scalar(w)}\n" for w in wordings]
            return "".join(lines[:i] + added + lines[i:])
    return None


def export_learned(db: Database, knowledge_dir: Path, *, now: datetime) -> ExportReport:
    report = ExportReport()
    kb, _ = read_knowledge(knowledge_dir)
    with db.session() as session:
        entries = list(session.exec(select(LearnedEntry).order_by(col(LearnedEntry.created_at))))
        phrasings = list(session.exec(select(LearnedPhrasing).order_by(col(LearnedPhrasing.id))))
    learned_ids = {e.id for e in entries}
    by_entry: dict[str, list[str]] = defaultdict(list)
    for phrasing in phrasings:
        by_entry[phrasing.entry_id].append(phrasing.text)

    originals: dict[Path, str | None] = {}
    learned_path = knowledge_dir / LEARNED_FILE
    if entries:
        originals[learned_path] = learned_path.read_text(encoding="utf-8") if learned_path.exists() else None
        learned_path.parent.mkdir(parents=True, exist_ok=True)
        learned_path.write_text(_learned_yaml(entries, by_entry), encoding="utf-8")
        report.entries = len(entries)
    for entry_id, wordings in by_entry.items():
        if entry_id in learned_ids:
            continue
        entry = kb.entry(entry_id)
        if entry is None:
            report.problems.append(f"« {entry_id} » : fiche introuvable dans {knowledge_dir}, formulations non écrites")
            continue
        known = {fold(p) for p in entry.phrasings}
        new = list(dict.fromkeys(w for w in wordings if fold(w) not in known))
        if not new:
            continue
        path = knowledge_dir.parent / entry.origin.file
        current = path.read_text(encoding="utf-8")
        updated = _insert_alternates(current, entry_id, new)
        if updated is None:
            report.problems.append(f"{entry.origin} [{entry_id}] : ajoutez à la main dans « alternates » : "
                                   + " ; ".join(new))
            continue
        originals.setdefault(path, current)
        path.write_text(updated, encoding="utf-8")
        report.phrasings += len(new)

    after, problems = read_knowledge(knowledge_dir)
    errors = [p for p in problems if p.severity == "error"]
    missing = [e.id for e in entries if after.entry(e.id) is None]
    if errors or missing:
        for path, content in originals.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(content, encoding="utf-8")
        report.problems += [str(p) for p in errors] + [f"« {m} » absente après l'écriture" for m in missing]
        report.entries = report.phrasings = 0
        return report
    with db.session() as session:
        for row in session.exec(select(LearnedEntry)):
            row.exported_at = now
            session.add(row)
        for phrasing_row in session.exec(select(LearnedPhrasing)):
            phrasing_row.exported_at = now
            session.add(phrasing_row)
        session.commit()
    return report
