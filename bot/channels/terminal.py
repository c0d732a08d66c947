"""The terminal chat: the same core as on Telegram, buttons shown as numbered choices."""

from __future__ import annotations

import logging
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.channels.render import plain
from bot.core import texts
from bot.core.hotline import Hotline
from bot.core.replies import Attachment, Button, Reply, Sender
from bot.core.router import CommandHandler

PROMPT = "vous> "
# A number beyond the choices shown: the numbers are this channel's buttons, so the channel says it.
OUT_OF_RANGE = "Tapez un numéro entre 1 et {n} pour choisir, ou écrivez votre question avec vos mots."
QUIT = {"/quitter", "/quit", "quitter", "exit", "quit"}

log = logging.getLogger(__name__)


class TerminalChat:
    def __init__(self, hotline: Hotline, *, user_id: str = "local", name: str = "Vous",
                 files_dir: Path | None = None) -> None:
        self.hotline = hotline
        # Files the hotline sends (a document, a calendar entry) are written here: a new temporary
        # folder, made the first time one arrives, unless one is given.
        self.files_dir = files_dir
        self.sender = Sender(channel="terminal", user_id=user_id, chat_id=user_id, display_name=name)
        self.choices: list[Button] = []
        # Called before each input: the terminal's outbox shows due reminders and staff posts there.
        self.before_input: list[Callable[[], list[Reply]]] = []
        # The terminal's own commands (simulated time), answered here, not by the hotline.
        self.commands: dict[str, CommandHandler] = {}

    def handle(self, line: str) -> list[Reply]:
        line = line.strip()
        if line.isdigit() and 1 <= int(line) <= len(self.choices):
            button = self.choices[int(line) - 1]
            if button.url:
                return [Reply(text=f"Lien : {button.url}")]
            return self.hotline.on_button(self.sender, button.data)
        if line.isdigit() and self.choices:
            return [Reply(text=OUT_OF_RANGE.format(n=len(self.choices)))]
        if line.startswith("/"):
            name, _, args = line[1:].partition(" ")
            local = self.commands.get(name.lower())
            return local(self.sender, args) if local is not None else self.hotline.on_command(self.sender, name, args)
        return self.hotline.on_text(self.sender, line)

    def render(self, replies: list[Reply]) -> str:
        self.choices = []
        blocks = []
        for reply in replies:
            lines = [plain(reply.text)]
            if reply.attachment is not None:
                lines.append(f"📎 Fichier joint : {reply.attachment.filename}\n"
                             f"   enregistré ici : {self.save(reply.attachment)}")
            for row in reply.buttons:
                for button in row:
                    self.choices.append(button)
                    lines.append(f"  [{len(self.choices)}] {button.label}")
            prefix = "" if reply.to_chat in (None, self.sender.chat_id) else f"(vers {reply.to_chat}) "
            blocks.append("hotline> " + prefix + "\n".join(lines).replace("\n", "\n         "))
        return "\n\n".join(blocks)

    def save(self, attachment: Attachment) -> Path:
        if self.files_dir is None:
            self.files_dir = Path(tempfile.mkdtemp(prefix="hotline-fichiers-"))
        self.files_dir.mkdir(parents=True, exist_ok=True)
        name = Path(attachment.filename).name
        path = self.files_dir / (name if name not in ("", "..") else "fichier")  # never outside the folder
        path.write_bytes(attachment.content)
        return path

    def run(self, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
        print(self.render(self.hotline.on_command(self.sender, "start")), file=stdout)
        print("(Tapez votre question ; un numéro pour choisir ; /aide ; /quitter pour sortir.)\n", file=stdout)
        while True:
            for hook in self.before_input:
                pending = hook()
                if pending:
                    print(self.render(pending) + "\n", file=stdout)
            print(PROMPT, end="", file=stdout, flush=True)
            line = stdin.readline()
            if not line or line.strip().lower() in QUIT:
                print("\nAu revoir !", file=stdout)
                return
            if not line.strip():
                continue
            print(self.render(self.answered(line)) + "\n", file=stdout, flush=True)

    def answered(self, line: str) -> list[Reply]:
        """`handle`, and a fault of the hotline's on this line said plainly, as the Telegram channel says it: the chat
        goes on, the next line is read (what was stored before the fault stays)."""
        try:
            return self.handle(line)
        except Exception:
            log.exception("error while handling a line of the terminal chat")
            return [Reply(text=texts.TECHNICAL_PROBLEM_HERE)]
