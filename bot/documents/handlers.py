"""The documents as members meet them: /modeles, one button per document, and questions that ask for a model.

Handlers only translate: they ask the service for the list, a match or a file, and return replies. The file
goes out as the reply's attachment, like the agenda's .ics files: each channel knows how to send one.
"""

from __future__ import annotations

import dataclasses
import mimetypes
from collections.abc import Callable, Sequence

from bot.answering.decision import Decision
from bot.core import texts as core_texts
from bot.core.faq import FaqService, runner_up_of
from bot.core.replies import Attachment, Button, Reply, Sender, esc, rows
from bot.core.router import Router
from bot.documents import texts
from bot.documents.asking import BESIDE, MODELS_ENTRY, RENDER
from bot.documents.service import MIME_TYPE, DocumentService
from bot.documents.templates import Template
from bot.knowledge.model import FaqEntry

# Messages queued in the outbox keep only the file's name: its type is guessed again, on any machine. Here,
# where documents are sent: registering it reads the machine's MIME types (~10 ms), which `ask` never needs.
mimetypes.add_type(MIME_TYPE, ".docx")

PREFIX = "doc"  # doc:<id> sends that document; doc alone shows the list
ButtonRows = tuple[tuple[Button, ...], ...]


class DocumentsFeature:
    def __init__(self, service: DocumentService, *, faq: FaqService) -> None:
        self.service = service
        self.faq = faq

    def register(self, router: Router) -> None:
        """After the agenda: "un modèle d'ordre du jour pour la prochaine réunion" asks for a document."""
        router.command("modeles", texts.COMMAND_DESCRIPTION, self.list_command)
        router.button(PREFIX, self._button)
        self.faq.add_decision(RENDER, self._render)  # decided by bot/documents/asking.py
        self.faq.entry_buttons[MODELS_ENTRY] = self._entry_buttons
        # "Comment interpeller le préfet ?": the FAQ's answer, and the letter under it.
        offered: dict[str, list[Template]] = {}
        for template in self.service.templates:
            for entry_id in template.faq:
                offered.setdefault(entry_id, []).append(template)
        for entry_id, templates in offered.items():
            if entry_id != MODELS_ENTRY:
                self.faq.entry_buttons[entry_id] = self._offer(tuple(templates))

    # --- what members see ------------------------------------------------------------------

    def list_command(self, sender: Sender, args: str) -> list[Reply]:
        if not self.service.templates:
            return [Reply(text=texts.NONE_AVAILABLE)]
        return [Reply(text=texts.LIST, buttons=self.buttons(self.service.templates))]

    @staticmethod
    def buttons(templates: Sequence[Template]) -> ButtonRows:
        return rows(*(Button(label=f"📄 {t.label}", data=f"{PREFIX}:{t.id}") for t in templates))

    def _entry_buttons(self, entry: FaqEntry) -> ButtonRows:
        return self.buttons(self.service.templates)

    def _offer(self, templates: tuple[Template, ...]) -> Callable[[FaqEntry], ButtonRows]:
        return lambda entry: self.buttons(templates)

    def _button(self, sender: Sender, args: list[str]) -> list[Reply]:
        if not args:
            return self.list_command(sender, "")
        template = self.service.get(args[0]) if len(args) == 1 else None
        if template is None:
            if len(args) != 1 or not self.service.templates:
                return [Reply(text=core_texts.EXPIRED_BUTTON)]
            return [Reply(text=texts.GONE, buttons=self.buttons(self.service.templates))]
        document = self.service.file(template.id)
        if document is None:
            return [Reply(text=texts.NOT_GENERATED)]
        return [Reply(text=texts.FILE_CAPTION.format(title=esc(template.title), summary=esc(template.summary)),
                      attachment=Attachment(filename=document.filename, content=document.content,
                                            mime_type=document.mime_type))]

    def _render(self, sender: Sender, decision: Decision, log_id: int) -> list[Reply]:
        found = tuple(t for i in decision.extras.get("documents", "").split(",") if (t := self.service.get(i)))
        beside = decision.extras.get(BESIDE)
        if beside:
            # One question of several asked for a model: the others are answered as usual, the documents beside
            # (before them when the model was asked first).
            mine = {int(i) for i in beside.split(",") if i.isdigit()}
            kept = tuple(p for i, p in enumerate(decision.parts) if i not in mine)
            others = kept[0] if len(kept) == 1 else dataclasses.replace(decision, parts=kept, extras={})
            answers = self.faq.render(sender, others, log_id)
            already = {button.data for reply in answers for row in reply.buttons for button in row}
            missing = tuple(t for t in found if f"{PREFIX}:{t.id}" not in already)
            if found and not missing:  # an answer already carries the document
                return answers
            offer = self._offer_replies(sender, missing)
            return [*offer, *answers] if 0 in mine else [*answers, *offer]
        if decision.extras.get("with_answer") and decision.entry is not None:
            answer = self.faq.entry_reply(decision.entry, log_id, runner_up_of(decision))
            already = {button.data for row in answer.buttons for button in row}
            extra = self.buttons(tuple(t for t in found if f"{PREFIX}:{t.id}" not in already))
            return [dataclasses.replace(answer, buttons=(*extra, *answer.buttons))]
        if not found and decision.entry is not None:
            return [self.faq.entry_reply(decision.entry, log_id, runner_up_of(decision))]
        return self._offer_replies(sender, found)

    def _offer_replies(self, sender: Sender, found: tuple[Template, ...]) -> list[Reply]:
        """The documents a question asked for, or the whole list when it named none."""
        all_button = (Button(label=texts.ALL_BUTTON, data=PREFIX),)
        if len(found) == 1:
            template = found[0]
            return [Reply(text=texts.OFFER_ONE.format(title=esc(template.title), summary=esc(template.summary)),
                          buttons=(*self.buttons(found), all_button))]
        if found:
            return [Reply(text=texts.OFFER_SEVERAL, buttons=(*self.buttons(found), all_button))]
        return self.list_command(sender, "")
