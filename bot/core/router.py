"""Where features plug into the core: commands, button prefixes, deep links, flows and text interceptors.

A feature (FAQ, agenda, tickets…) registers its handlers once when the application is built;
the core dispatches to them. Channels never see this: they only call `Hotline`.

A *flow* is a multi-step form (a registration, a staff reply, an announcement draft) whose progress is
kept in the member's state. The core reads that state once per message and hands the text to the flow
named there; a feature never reads the state to find out whether a text is for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.core import texts
from bot.core.replies import Reply, Sender, esc

if TYPE_CHECKING:
    from sqlmodel import Session

    from bot.storage.models import Member

CommandHandler = Callable[[Sender, str], list[Reply]]
ButtonHandler = Callable[[Sender, list[str]], list[Reply]]


@dataclass(kw_only=True)
class Turn:
    """One free-text message as the core found it: who wrote, their stored state (read once), and the
    open unit of work. A flow that calls another service commits `session` first (that service opens its own)."""

    sender: Sender
    session: Session
    member: Member | None
    state: dict[str, Any]
    reply_to: str | None = None


# A flow gets the text written while its form waits; an interceptor sees text no flow took (a reply to a
# ticket…) and returns None to let it go on to the next interceptor and, at last, to the answering engine.
FlowHandler = Callable[[Turn, str], list[Reply] | None]
TextInterceptor = Callable[[Turn, str], list[Reply] | None]
# Whether the form, at the step stored in this state, waits for a button (text is no answer there).
ButtonStep = Callable[[dict[str, Any]], bool]
AskedInstead = Callable[[dict[str, Any], str], bool]
# The current step's question again (the member chose to go on after a question of theirs was answered).
Resume = Callable[[Turn], list[Reply]]


@dataclass(frozen=True, kw_only=True)
class Flow:
    name: str
    handler: FlowHandler
    staff_only: bool = False  # a form left by someone no longer staff is dropped; the text goes on
    private_only: bool = False  # in a group the form waits; the text goes on
    # While the form waits for a button, a text that names one of the buttons `resume` shows is that button
    # (bot/core/choice.py); any other text is answered as usual and the form offered again (`resume_label` /
    # "Abandonner"): a form never traps a member.
    waits_for_button: ButtonStep = lambda state: False
    # A text the form would take ("1/3 — votre nom ?") that is plainly a question ("c'est gratuit ?"): answered
    # as usual and the form offered again, as while it waits for a button.
    asked_instead: AskedInstead = lambda state, text: False
    resume: Resume | None = None
    resume_label: str = texts.FORM_RESUME


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
        self.staff_buttons: set[str] = set()
        self.start_links: dict[str, CommandHandler] = {}
        self.flows: dict[str, Flow] = {}
        self.interceptors: list[TextInterceptor] = []
        self.first_interceptors: list[TextInterceptor] = []

    def command(self, name: str, description: str, handler: CommandHandler, *, staff_only: bool = False,
                in_menu: bool = True) -> None:
        if name in self.commands:
            raise ValueError(f"command /{name} registered twice")
        self.commands[name] = Command(name=name, description=description, handler=handler, staff_only=staff_only,
                                      in_menu=in_menu)

    def button(self, prefix: str, handler: ButtonHandler, *, confirms_staff: bool = False) -> None:
        """`confirms_staff`: a channel that can ask whether someone belongs to the staff chat does so first."""
        if prefix in self.buttons or ":" in prefix:
            raise ValueError(f"bad or duplicate button prefix {prefix!r}")
        self.buttons[prefix] = handler
        if confirms_staff:
            self.staff_buttons.add(prefix)

    def start_link(self, prefix: str, handler: CommandHandler) -> None:
        """Deep links t.me/<bot>?start=<prefix>_<arg> (e.g. ev_42) call handler(sender, arg)."""
        self.start_links[prefix] = handler

    def flow(self, name: str, handler: FlowHandler, *, staff_only: bool = False, private_only: bool = False,
             waits_for_button: ButtonStep | None = None, resume: Resume | None = None,
             resume_label: str = texts.FORM_RESUME, asked_instead: AskedInstead | None = None) -> None:
        """`waits_for_button` and `resume` come together: the steps answered by a button, and how to ask again."""
        if name in self.flows:
            raise ValueError(f"flow {name!r} registered twice")
        if (waits_for_button is None) != (resume is None):
            raise ValueError(f"flow {name!r}: waits_for_button needs resume, and the reverse")
        self.flows[name] = Flow(name=name, handler=handler, staff_only=staff_only, private_only=private_only,
                                waits_for_button=waits_for_button or (lambda state: False), resume=resume,
                                resume_label=resume_label, asked_instead=asked_instead or (lambda state, text: False))

    def intercept(self, interceptor: TextInterceptor, *, before_flows: bool = False) -> None:
        """`before_flows`: for what depends on where the text is written, not on the member's form
        (a reply to a ticket inside the staff chat answers the ticket whatever form the writer has open)."""
        (self.first_interceptors if before_flows else self.interceptors).append(interceptor)

    def menu(self, *, staff: bool = False) -> list[Command]:
        return [c for c in self.commands.values() if c.in_menu and (staff or not c.staff_only)]

    def help_text(self, centre: str) -> str:
        lines = [f"/{c.name} — {esc(c.description)}" for c in self.menu()]
        return texts.HELP.format(centre=esc(centre), commands="\n".join(lines))

    def is_staff_action(self, *, command: str | None = None, button: str | None = None) -> bool:
        """Whether this command or button press is for the staff (the channel may confirm who is staff first)."""
        if button is not None:
            return button.split(":")[0] in self.staff_buttons
        found = self.commands.get(command.lower().split("@")[0]) if command is not None else None
        return found is not None and found.staff_only
