"""The staff's /annonce: topic → audience → text → preview → confirmation → progress; /annonces, /abonnes.

The draft lives in the staff member's conversation state (it survives a restart). Every staff button
checks `is_staff` again (a button can be forwarded or forged) and validates what it names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import Session

from bot.announce import texts
from bot.announce.broadcast import MAX_TEXT, Target, audience, message
from bot.announce.service import Announcements
from bot.announce.subscriptions import subscriber_counts, territory_breakdown
from bot.announce.topics import SHORT, TERRITORY, TOPICS, territories
from bot.core import texts as core_texts
from bot.core.conversation import clear_state, flow_data
from bot.core.members import touch_member
from bot.core.replies import Button, Reply, Sender, esc, rows
from bot.core.router import Turn
from bot.storage.models import Member

FLOW = "announce"
PREFIX = "an"


def _stop() -> tuple[tuple[Button, ...], ...]:
    return rows(Button(label=texts.STOP_BUTTON, data=f"{PREFIX}:stop"))


class StaffAnnounce:
    def __init__(self, service: Announcements, *, is_staff: Callable[[Sender], bool]) -> None:
        self.service = service
        self.is_staff = is_staff

    @property
    def kb(self) -> Any:
        return self.service.ctx.knowledge

    # --- commands --------------------------------------------------------------------------

    def announce_command(self, sender: Sender, args: str) -> list[Reply]:
        with self.service.ctx.db.session() as session:
            member = touch_member(session, sender, self.service.ctx.clock)
            self.service.ctx.save_form(session, member, FLOW, step="topic")
            session.commit()
        return [self._topic_question()]

    @staticmethod
    def _topic_question() -> Reply:
        buttons = [Button(label=SHORT[code], data=f"{PREFIX}:t:{code}") for code in TOPICS]
        return Reply(text=texts.START, buttons=(*rows(*buttons, per_row=2), *_stop()))

    @staticmethod
    def waits_for_button(state: dict[str, Any]) -> bool:
        return state.get("step") != "text"

    def resume(self, turn: Turn) -> list[Reply]:
        """The draft's current step again (the staff member goes on after asking something else)."""
        topic = turn.state.get("topic")
        if turn.state.get("step") == "target" and isinstance(topic, str):
            return [self._target_question(topic)]
        if turn.state.get("step") == "preview":
            return self._preview(turn.state)
        return [self._topic_question()]

    def reports_command(self, sender: Sender, args: str) -> list[Reply]:
        number = args.strip().lstrip("n°#")
        if number.isdigit() and len(number) < 10:
            found = self.service.report_text(int(number))
            return [Reply(text=found or texts.UNKNOWN_ANNOUNCEMENT.format(id=number))]
        recent = self.service.recent()
        if not recent:
            return [Reply(text=texts.REPORTS_NONE)]
        return [Reply(text="\n\n".join([texts.REPORTS_TITLE, *recent]))]

    def subscribers_command(self, sender: Sender, args: str) -> list[Reply]:
        with self.service.ctx.db.session() as session:
            counts = subscriber_counts(session)
            places = territory_breakdown(session, self.kb)
        lines = []
        for code, n in counts.items():
            lines.append(texts.SUBSCRIBERS_LINE.format(topic=SHORT[code], n=n))
            if code == TERRITORY:
                for name, count in sorted(places.items(), key=lambda item: (item[0] is None, item[0] or "")):
                    lines.append(texts.SUBSCRIBERS_PLACE.format(name=esc(name), n=count) if name is not None
                                 else texts.SUBSCRIBERS_PLACE_UNKNOWN.format(n=count))
        return [Reply(text=texts.SUBSCRIBERS.format(lines="\n".join(lines)))]

    # --- the draft -------------------------------------------------------------------------

    def button(self, sender: Sender, args: list[str]) -> list[Reply]:
        if not self.is_staff(sender):
            return [Reply(text=core_texts.STAFF_ONLY)]
        with self.service.ctx.db.session() as session:
            member = touch_member(session, sender, self.service.ctx.clock)
            state = self.service.ctx.form(member)
            if state.get("flow") != FLOW or not args:
                session.commit()
                return [Reply(text=core_texts.EXPIRED_BUTTON)]
            replies = self._step(session, sender, member, state, args)
            session.commit()
        return replies

    def _step(self, session: Session, sender: Sender, member: Member, state: dict[str, Any],
              args: list[str]) -> list[Reply]:
        action, step = args[0], state.get("step")
        topic = state.get("topic")
        if action == "stop":
            clear_state(session, member)
            return [Reply(text=texts.STOPPED)]
        if action == "t" and step == "topic" and len(args) == 2 and args[1] in TOPICS:
            self.service.ctx.save_form(session, member, FLOW, step="target", topic=args[1])
            return [self._target_question(args[1])]
        if step == "target" and isinstance(topic, str):
            return self._target_step(session, member, topic, args)
        if action == "edit" and step == "preview" and isinstance(topic, str):
            self.service.ctx.save_form(session, member, FLOW, **{**flow_data(state), "step": "text"})
            return [Reply(text=texts.WRITE.format(audience=self._audience(state)), buttons=_stop())]
        if action == "send" and step == "preview" and isinstance(topic, str):
            return self._send(session, sender, member, state)
        return [Reply(text=core_texts.EXPIRED_BUTTON)]

    def _target_question(self, topic: str) -> Reply:
        choices = [Button(label=texts.TARGET_TERRITORY, data=f"{PREFIX}:tt"),
                   Button(label=texts.TARGET_COUNCIL, data=f"{PREFIX}:tc")]
        if topic != TERRITORY:
            choices.insert(0, Button(label=texts.TARGET_ALL, data=f"{PREFIX}:all"))
        text = texts.TARGET.format(topic=SHORT[topic])
        if topic == TERRITORY:
            text += "\n" + texts.TERRITORY_NEEDS_TARGET
        return Reply(text=text, buttons=(*rows(*choices), *_stop()))

    def _target_step(self, session: Session, member: Member, topic: str, args: list[str]) -> list[Reply]:
        places = territories(self.kb)
        match args:
            case ["all"] if topic != TERRITORY:
                kind, value = None, None
            case ["tt"]:
                buttons = [Button(label=name[:60], data=f"{PREFIX}:tr:{i}") for i, name in enumerate(places)]
                return [Reply(text=texts.CHOOSE_TERRITORY, buttons=(*rows(*buttons, per_row=2), *_stop()))]
            case ["tc"]:
                buttons = [Button(label=c.name[:60], data=f"{PREFIX}:c:{c.id}") for c in self.kb.councils
                           if len(f"{PREFIX}:c:{c.id}".encode()) <= 64]
                return [Reply(text=texts.CHOOSE_TARGET_COUNCIL, buttons=(*rows(*buttons, per_row=2), *_stop()))]
            case ["tr", index] if index.isdigit() and int(index) < len(places):
                kind, value = "territory", places[int(index)]
            case ["c", council_id] if self.kb.council(council_id) is not None:
                kind, value = "council", council_id
            case _:
                return [Reply(text=core_texts.EXPIRED_BUTTON)]
        data = {"step": "text", "topic": topic, "kind": kind, "value": value}
        self.service.ctx.save_form(session, member, FLOW, **data)
        return [Reply(text=texts.WRITE.format(audience=self._audience(data)), buttons=_stop())]

    def _audience(self, state: dict[str, Any]) -> str:
        kind, value = state.get("kind"), state.get("value")
        return audience(self.kb, kind if isinstance(kind, str) else None, value if isinstance(value, str) else None)

    @staticmethod
    def _target(state: dict[str, Any]) -> Target:
        kind, value = state.get("kind"), state.get("value")
        return Target(topic=str(state.get("topic")), kind=kind if isinstance(kind, str) else None,
                      value=value if isinstance(value, str) else None)

    def draft_text(self, turn: Turn, text: str) -> list[Reply]:
        """The announcement's text, written as a message while the draft waits for it."""
        assert turn.member is not None
        if turn.state.get("step") != "text":
            return [Reply(text=texts.EXPECTS_BUTTON)]
        body = text.strip()
        if not body:
            return [Reply(text=texts.EMPTY, buttons=_stop())]
        if len(body) > MAX_TEXT:
            return [Reply(text=texts.TOO_LONG.format(length=len(body), limit=MAX_TEXT), buttons=_stop())]
        data = {**flow_data(turn.state), "step": "preview", "text": body}
        self.service.ctx.save_form(turn.session, turn.member, FLOW, **data)
        turn.session.commit()  # the preview counts the audience in its own unit of work
        return self._preview(data)

    def _preview(self, state: dict[str, Any]) -> list[Reply]:
        target = self._target(state)
        n = self.service.count(target)
        shown = message(self.kb, self.service.ctx.settings.centre_name, target.topic, target.kind, target.value,
                        str(state.get("text", "")))
        count = (texts.PREVIEW_COUNT.format(n=n, audience=self._audience(state)) if n else texts.PREVIEW_NOBODY)
        buttons = rows(Button(label=texts.SEND_BUTTON.format(n=n), data=f"{PREFIX}:send") if n else None,
                       Button(label=texts.EDIT_BUTTON, data=f"{PREFIX}:edit"),
                       Button(label=texts.STOP_BUTTON, data=f"{PREFIX}:stop"))
        return [Reply(text=texts.PREVIEW.format(message=shown.text)), Reply(text=count, buttons=buttons)]

    def _send(self, session: Session, sender: Sender, member: Member, state: dict[str, Any]) -> list[Reply]:
        target = self._target(state)
        n = self.service.count(target)
        if not n:
            return [Reply(text=texts.PREVIEW_NOBODY)]
        clear_state(session, member)  # in the same transaction: a second press finds no draft
        announcement = self.service.launch(session, sender, target, str(state.get("text", "")), n)
        session.commit()
        assert announcement.id is not None
        self.service.step(announcement.id)  # the first batch at once; the job queues the rest
        return [Reply(text=texts.LAUNCHED.format(id=announcement.id, n=n))]
