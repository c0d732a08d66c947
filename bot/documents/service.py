"""The documents members can download: the list, the one a question asks for, and each one as a Word file.

Templates are read once at start-up; a broken one is logged and left out, never fatal. A file is generated
the first time it is asked for, then kept in memory (a few tens of kilobytes each).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.clock import Clock
from bot.documents.intent import DocumentIntent, document_intent, keyword_stems
from bot.documents.templates import Template, read_templates, read_templates_kept
from bot.knowledge.loader import Problem, read_knowledge
from bot.knowledge.model import Location

log = logging.getLogger(__name__)
TEMPLATES_DIR = "templates"  # inside the knowledge directory
MIME_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True, kw_only=True)
class DocumentFile:
    filename: str
    content: bytes
    mime_type: str = MIME_TYPE


class DocumentService:
    def __init__(self, templates: Sequence[Template], *, clock: Clock) -> None:
        self.templates = tuple(templates)
        self.clock = clock
        self._by_id = {t.id: t for t in self.templates}
        self._index = tuple((t.id, keyword_stems(t.keywords)) for t in self.templates)
        self._files: dict[str, DocumentFile] = {}

    @classmethod
    def from_knowledge(cls, knowledge_dir: Path, *, clock: Clock) -> DocumentService:
        templates, problems = read_templates_kept(knowledge_dir / TEMPLATES_DIR)
        for problem in problems:
            log.warning("document template left out: %s", problem)
        return cls(templates, clock=clock)

    def get(self, document_id: str) -> Template | None:
        return self._by_id.get(document_id)

    def intent(self, question_words: Sequence[str]) -> DocumentIntent | None:
        """What a free question asks for: some documents, the list (no ids), or nothing (None)."""
        return document_intent(question_words, self._index) if self.templates else None

    def file(self, document_id: str) -> DocumentFile | None:
        """The document as a Word file, or None if there is no such document or it cannot be generated."""
        cached = self._files.get(document_id)
        if cached is not None:
            return cached
        template = self._by_id.get(document_id)
        if template is None:
            return None
        from bot.documents.word import render_docx  # python-docx loads in a third of a second: only when asked

        try:
            content = render_docx(template, created=self.clock.now())
        except (ValueError, KeyError, TypeError):  # lxml refuses some characters; a file must not stop the bot
            log.exception("document %s (%s) could not be generated", template.id, template.origin)
            return None
        self._files[document_id] = DocumentFile(filename=template.filename, content=content)
        return self._files[document_id]


def check_templates(knowledge_dir: Path) -> tuple[list[Problem], str]:
    """For `hotline knowledge check`: every template read and generated once; what went wrong, with file and line."""
    from bot.documents.word import render_docx

    templates, problems = read_templates(knowledge_dir / TEMPLATES_DIR)
    entries = {entry.id for entry in read_knowledge(knowledge_dir)[0].faq}
    generated = 0
    for template in templates:
        problems.extend(Problem(location=template.origin, severity="warning",
                                message=f"[{template.id}] « faq » : l'entrée « {entry_id} » n'existe pas")
                        for entry_id in template.faq if entry_id not in entries)
        try:
            render_docx(template)
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(Problem(location=Location(file=template.origin.file, line=1),
                                    message=f"le fichier Word ne peut pas être créé : {exc}"))
        else:
            generated += 1
    errors = sum(1 for p in problems if p.severity == "error")
    left_out = f" ; {errors} erreur(s) dans les modèles : ceux-là ne sont pas proposés" if errors else ""
    return problems, f"{generated} modèle(s) de documents à télécharger{left_out}."
