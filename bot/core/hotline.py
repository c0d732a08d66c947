"""The channel-neutral core: a message, a command or a button press goes in, replies come out."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.core import texts
from bot.core.faq import FaqService
from bot.core.replies import Reply, Sender, esc
from bot.core.router import Router

log = logging.getLogger(__name__)
UNSUPPORTED_KINDS = frozenset(texts.UNSUPPORTED)


class Hotline:
    def __init__(self, *, router: Router, faq: FaqService, centre: str,
                 is_staff: Callable[[Sender], bool] = lambda sender: False) -> None:
        self.router = router
        self.faq = faq
        self.centre = centre
        self.is_staff = is_staff
        router.command("start", "Commencer", self._start, in_menu=False)
        router.command("aide", "Comment m'utiliser", lambda sender, args: [Reply(text=self.help_text())])

    def help_text(self) -> str:
        lines = [f"/{c.name} — {esc(c.description)}" for c in self.router.commands.values()
                 if c.in_menu and not c.staff_only]
        return texts.HELP.format(centre=esc(self.centre), commands="\n".join(lines))

    def menu(self, *, staff: bool = False) -> list[tuple[str, str]]:
        """(command, description) pairs for the channel's command menu."""
        return [(c.name, c.description) for c in self.router.commands.values()
                if c.in_menu and (staff or not c.staff_only)]

    def _start(self, sender: Sender, args: str) -> list[Reply]:
        payload = args.strip()
        if "_" in payload:
            prefix, _, arg = payload.partition("_")
            handler = self.router.start_links.get(prefix)
            if handler is not None:
                return handler(sender, arg)
        return [Reply(text=texts.WELCOME.format(centre=esc(self.centre)))]

    # --- what channels call ----------------------------------------------------------------

    def on_text(self, sender: Sender, text: str, reply_to: str | None = None) -> list[Reply]:
        for interceptor in self.router.interceptors:
            replies = interceptor(sender, text, reply_to)
            if replies is not None:
                return replies
        if sender.in_group:
            return []  # in groups the hotline speaks only when called by a command
        return self.faq.ask(sender, text)

    def on_command(self, sender: Sender, name: str, args: str = "") -> list[Reply]:
        command = self.router.commands.get(name.lower().split("@")[0])
        if command is None:
            return [Reply(text=texts.UNKNOWN_COMMAND.format(name=esc(name[:32])))]
        if command.staff_only and not self.is_staff(sender):
            return [Reply(text=texts.STAFF_ONLY)]
        return command.handler(sender, args)

    def on_button(self, sender: Sender, data: str) -> list[Reply]:
        prefix, *args = data.split(":")
        handler = self.router.buttons.get(prefix)
        if handler is None:
            log.info("unknown button data from %s", sender.channel)
            return [Reply(text=texts.EXPIRED_BUTTON)]
        return handler(sender, args)

    def on_unsupported(self, sender: Sender, kind: str) -> list[Reply]:
        if sender.in_group:
            return []
        return [Reply(text=texts.UNSUPPORTED.get(kind, texts.UNSUPPORTED["other"]))]
