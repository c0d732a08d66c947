"""Where features plug into the core: commands, button prefixes, deep links and text interceptors.

A feature (FAQ, agenda, tickets…) registers its handlers once when the application is built;
the core dispatches to them. Channels never see this: they only call `Hotline`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.replies import Reply, Sender

CommandHandler = Callable[[Sender, str], list[Reply]]
ButtonHandler = Callable[[Sender, list[str]], list[Reply]]
# An interceptor sees free text first (a form being filled, a reply to a ticket…) and returns
# None to let the text go on to the next interceptor and, at last, to the answering engine.
TextInterceptor = Callable[[Sender, str, str | None], list[Reply] | None]


@dataclass(frozen=True, kw_only=True)
class Command:
    name: str
    description: str
    handler: CommandHandler
    staff_only: bool = False
    in_menu: bool = True


class Router:
    def __init__(self) -> None:
        self.commands: dict[str, Command] = {}
        self.buttons: dict[str, ButtonHandler] = {}
        self.start_links: dict[str, CommandHandler] = {}
        self.interceptors: list[TextInterceptor] = []

    def command(self, name: str, description: str, handler: CommandHandler, *, staff_only: bool = False,
                in_menu: bool = True) -> None:
        if name in self.commands:
            raise ValueError(f"command /{name} registered twice")
        self.commands[name] = Command(name=name, description=description, handler=handler, staff_only=staff_only,
                                      in_menu=in_menu)

    def button(self, prefix: str, handler: ButtonHandler) -> None:
        if prefix in self.buttons or ":" in prefix:
            raise ValueError(f"bad or duplicate button prefix {prefix!r}")
        self.buttons[prefix] = handler

    def start_link(self, prefix: str, handler: CommandHandler) -> None:
        """Deep links t.me/<bot>?start=<prefix>_<arg> (e.g. ev_42) call handler(sender, arg)."""
        self.start_links[prefix] = handler

    def intercept(self, interceptor: TextInterceptor) -> None:
        self.interceptors.append(interceptor)
