"""The channel-neutral core: a message, a command or a button press goes in, replies come out."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace

from bot.core import texts
from bot.core.faq import FaqService
from bot.core.flood import FloodGuard, Verdict
from bot.core.replies import Reply, Sender, esc
from bot.core.router import Router

log = logging.getLogger(__name__)
UNSUPPORTED_KINDS = frozenset(texts.UNSUPPORTED)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not tab, new line, carriage return
MAX_ID_DIGITS = 18  # every id the hotline puts in a button fits a 64-bit database integer


def scrub(text: str) -> str:
    """Control characters out (a NUL byte cannot even be stored in PostgreSQL)."""
    return _CONTROL.sub("", text)


def forged(arg: str) -> bool:
    """Button or deep-link data no hotline ever made: a number too big for a database id, or digits that
    are not ASCII ("²", "١"), which `str.isdigit` accepts and `int` or the database refuse."""
    digits = [c for c in arg if c.isdigit()]
    return any(not "0" <= c <= "9" for c in digits) or (arg.lstrip("-").isdigit() and len(digits) > MAX_ID_DIGITS)


class Hotline:
    def __init__(self, *, router: Router, faq: FaqService, centre: str,
                 is_staff: Callable[[Sender], bool] = lambda sender: False, flood: FloodGuard | None = None) -> None:
        self.router = router
        self.faq = faq
        self.centre = centre
        self.is_staff = is_staff
        self.flood = flood
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
                return [Reply(text=texts.EXPIRED_BUTTON)] if forged(arg) else handler(sender, arg)
        return [Reply(text=texts.WELCOME.format(centre=esc(self.centre)))]

    def _admit(self, sender: Sender) -> tuple[Sender, list[Reply] | None]:
        """The sender with a storable name, and None to go on (or what to answer instead: flood control)."""
        if scrub(sender.display_name) != sender.display_name:
            sender = replace(sender, display_name=scrub(sender.display_name))
        return sender, self._flooding(sender)

    def _flooding(self, sender: Sender) -> list[Reply] | None:
        """None to go on; otherwise what to answer a member who sends too much (once a notice, then nothing)."""
        if self.flood is None:
            return None
        verdict = self.flood.check(sender, exempt=lambda who: self.is_staff(who))
        if verdict is Verdict.PASS:
            return None
        log.info("flood from %s:%s: input dropped", sender.channel, sender.user_id)
        return [Reply(text=texts.FLOOD_NOTICE)] if verdict is Verdict.NOTICE and not sender.in_group else []

    # --- what channels call ----------------------------------------------------------------

    def on_text(self, sender: Sender, text: str, reply_to: str | None = None) -> list[Reply]:
        sender, held = self._admit(sender)
        if held is not None:
            return held
        text = scrub(text)
        for interceptor in self.router.interceptors:
            replies = interceptor(sender, text, reply_to)
            if replies is not None:
                return replies
        if sender.in_group:
            return []  # in groups the hotline speaks only when called by a command
        return self.faq.ask(sender, text)

    def on_command(self, sender: Sender, name: str, args: str = "") -> list[Reply]:
        sender, held = self._admit(sender)
        if held is not None:
            return held
        name, args = scrub(name), scrub(args)
        command = self.router.commands.get(name.lower().split("@")[0])
        if command is None:
            return [Reply(text=texts.UNKNOWN_COMMAND.format(name=esc(name[:32])))]
        if command.staff_only and not self.is_staff(sender):
            return [Reply(text=texts.STAFF_ONLY)]
        return command.handler(sender, args)

    def on_button(self, sender: Sender, data: str) -> list[Reply]:
        sender, held = self._admit(sender)
        if held is not None:
            return held
        prefix, *args = scrub(data).split(":")
        handler = self.router.buttons.get(prefix)
        if handler is None or any(forged(arg) for arg in args):
            log.info("unknown button data from %s", sender.channel)
            return [Reply(text=texts.EXPIRED_BUTTON)]
        return handler(sender, args)

    def on_unsupported(self, sender: Sender, kind: str) -> list[Reply]:
        sender, held = self._admit(sender)
        if held is not None:
            return held
        if sender.in_group:
            return []
        return [Reply(text=texts.UNSUPPORTED.get(kind, texts.UNSUPPORTED["other"]))]
