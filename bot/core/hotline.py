"""The channel-neutral core: a message, a command or a button press goes in, replies come out."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlmodel import Session

from bot.clock import Clock
from bot.core import texts
from bot.core.choice import could_be_a_choice, typed_choice
from bot.core.conversation import clear_state, expired, get_state, note_offered, times_offered
from bot.core.faq import FaqService
from bot.core.flood import FloodGuard, Verdict
from bot.core.members import find_member
from bot.core.replies import Button, Reply, Sender, esc, rows
from bot.core.router import Flow, Router, Turn
from bot.storage.db import Database
from bot.storage.models import Member

log = logging.getLogger(__name__)
UNSUPPORTED_KINDS = frozenset(texts.UNSUPPORTED)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not tab, new line, carriage return
MAX_ID_DIGITS = 18
# A waiting form is offered again under the first answers, then left to wait quietly until it expires (it is not
# repeated under every reply); a short reply with no question in it ("quartier", "oui") may be meant for the form,
# so it is offered again then too. A reply that names one of the step's buttons ("quartier nord") is that button.
FORM_OFFERS = 2
FORM_ANSWER_MAX_WORDS = 3
FORM_PREFIX = "fm"  # every id the hotline puts in a button fits a 64-bit database integer


@dataclass(frozen=True)
class Pressed:
    """A choice typed while the form waits for its button: that button, pressed once the text's work is done."""

    data: str


def scrub(text: str) -> str:
    """Control characters out (a NUL byte cannot even be stored in PostgreSQL)."""
    return _CONTROL.sub("", text)


def forged(arg: str) -> bool:
    """Button or deep-link data no hotline ever made: a number too big for a database id, or digits that
    are not ASCII ("²", "١"), which `str.isdigit` accepts and `int` or the database refuse."""
    digits = [c for c in arg if c.isdigit()]
    return any(not "0" <= c <= "9" for c in digits) or (arg.lstrip("-").isdigit() and len(digits) > MAX_ID_DIGITS)


class Hotline:
    def __init__(self, *, db: Database, clock: Clock, router: Router, faq: FaqService, centre: str,
                 is_staff: Callable[[Sender], bool], form_timeout: timedelta, flood: FloodGuard | None = None) -> None:
        self.db = db
        self.clock = clock
        self.form_timeout = form_timeout
        self.router = router
        self.faq = faq
        self.centre = centre
        self.is_staff = is_staff
        self.flood = flood
        router.command("start", "Commencer", self._start, in_menu=False)
        router.command("aide", "Comment m'utiliser", lambda sender, args: [Reply(text=self.help_text())])
        router.button(FORM_PREFIX, self._form_button)

    def help_text(self) -> str:
        return self.router.help_text(self.centre)

    def menu(self, *, staff: bool = False) -> list[tuple[str, str]]:
        """(command, description) pairs for the channel's command menu."""
        return [(c.name, c.description) for c in self.router.menu(staff=staff)]

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
        with self.db.session() as session:  # the member's state is read once, here
            member = find_member(session, sender)
            turn = Turn(sender=sender, session=session, member=member, state=self._state(session, member),
                        reply_to=reply_to)
            outcome = self._dispatch(turn, text)
            offer = isinstance(outcome, Flow) and not sender.in_group and self._offer_again(turn, text)
            session.commit()
        if isinstance(outcome, Pressed):
            return self._press(sender, outcome.data)
        if isinstance(outcome, list):
            return outcome
        if sender.in_group:
            return []  # in groups the hotline speaks only when called by a command
        replies = self.faq.ask(sender, text)
        if isinstance(outcome, Flow) and offer:  # the question answered, the form waiting for its button offered again
            replies.append(Reply(text=texts.FORM_WAITING, buttons=rows(
                Button(label=outcome.resume_label, data=f"{FORM_PREFIX}:go:{outcome.name}"),
                Button(label=texts.FORM_ABANDON_BUTTON, data=f"{FORM_PREFIX}:stop:{outcome.name}"), per_row=2)))
        return replies

    @staticmethod
    def _offer_again(turn: Turn, text: str) -> bool:
        """Whether the waiting form is offered again under this answer (the offer is then counted)."""
        if turn.member is None:
            return False
        if times_offered(turn.state) >= FORM_OFFERS and not _maybe_for_the_form(text):
            return False
        note_offered(turn.session, turn.member, turn.state)
        return True

    def _state(self, session: Session, member: Member | None) -> dict[str, Any]:
        """The member's form in progress; one left alone too long is dropped here (only its draft is lost)."""
        state = get_state(member) if member is not None else {}
        if member is not None and state and expired(state, self.clock.now(), self.form_timeout):
            clear_state(session, member)
            session.commit()
            return {}
        return state

    def _dispatch(self, turn: Turn, text: str) -> list[Reply] | Flow | Pressed | None:
        """Replies, or the form that waits for a button (the text is then answered as usual), or the button the
        text names, or None."""
        for interceptor in self.router.first_interceptors:
            if (replies := interceptor(turn, text)) is not None:
                return replies
        outcome = self._flow(turn, text)
        if isinstance(outcome, list | Pressed):
            return outcome
        for interceptor in self.router.interceptors:
            if (replies := interceptor(turn, text)) is not None:
                return replies
        return outcome

    def _flow(self, turn: Turn, text: str) -> list[Reply] | Flow | Pressed | None:
        """The text for the form the member has open, if any; None to go on."""
        flow = self.router.flows.get(str(turn.state.get("flow")))
        if flow is None or turn.member is None or (flow.private_only and turn.sender.in_group):
            return None
        if flow.staff_only and not self.is_staff(turn.sender):
            clear_state(turn.session, turn.member)  # a form left by someone no longer staff
            turn.session.commit()
            return None
        if flow.waits_for_button(turn.state):
            return self._typed_choice(flow, turn, text) or flow
        if flow.resume is not None and flow.asked_instead(turn.state, text):
            return flow
        return flow.handler(turn, text)

    def _typed_choice(self, flow: Flow, turn: Turn, text: str) -> Pressed | None:
        """The button of the waiting step that the text names ("dervallieres" for « Conseil citoyen des
        Dervallières »), read from the step asked again; None when it names none or several. Never in a group
        (the hotline speaks there only when called), nor for a button the channel must confirm as staff first."""
        if turn.sender.in_group or flow.resume is None or not could_be_a_choice(text):
            return None
        button = typed_choice(text, flow.resume(turn))
        if button is None or self.router.is_staff_action(button=button.data):
            return None
        return Pressed(button.data)

    def _form_button(self, sender: Sender, args: list[str]) -> list[Reply]:
        """"Continuer" or "Abandonner" under a form offered again."""
        flow = self.router.flows.get(args[1]) if len(args) == 2 and args[0] in ("go", "stop") else None
        if flow is None:
            return [Reply(text=texts.EXPIRED_BUTTON)]
        with self.db.session() as session:
            member = find_member(session, sender)
            state = self._state(session, member)
            if member is None or state.get("flow") != flow.name:
                return [Reply(text=texts.EXPIRED_BUTTON)]
            if args[0] == "stop" or flow.resume is None or (flow.staff_only and not self.is_staff(sender)):
                clear_state(session, member)
                session.commit()
                return [Reply(text=texts.FORM_ABANDONED)]
            replies = flow.resume(Turn(sender=sender, session=session, member=member, state=state))
            session.commit()
        return replies

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
        return self._press(sender, scrub(data))

    def _press(self, sender: Sender, data: str) -> list[Reply]:
        prefix, *args = data.split(":")
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


def _maybe_for_the_form(text: str) -> bool:
    """A short reply that asks nothing ("quartier", "oui j'accepte"): maybe typed for the form's buttons."""
    return "?" not in text and 0 < len(text.split()) <= FORM_ANSWER_MAX_WORDS
