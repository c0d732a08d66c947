"""Announcements as members and staff meet them: /abonnements, the latest announcements (the member's
council and territory first), and the staff's /annonce, /annonces, /abonnes. Handlers only translate."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session, col, select

from bot.announce import texts
from bot.announce.broadcast import audience
from bot.announce.service import Announcements
from bot.announce.staff import FLOW as STAFF_FLOW
from bot.announce.staff import PREFIX as STAFF_PREFIX
from bot.announce.staff import StaffAnnounce
from bot.announce.subscriptions import subscribe, subscriptions, unsubscribe
from bot.announce.topics import SHORT, TERRITORY, TOPICS, nearness, place_of
from bot.core import texts as core_texts
from bot.core.members import touch_member
from bot.core.replies import Button, Reply, Sender, esc, rows
from bot.core.router import Router
from bot.scheduling import Jobs
from bot.storage.models import Announcement, AnnouncementStatus, Member

PREFIX = "ab"
JOB = "announce"
JOB_EVERY_SECONDS = 5.0
RECENT_SHOWN = 8


class AnnounceFeature:
    def __init__(self, service: Announcements, *, is_staff: Callable[[Sender], bool]) -> None:
        self.service = service
        self.staff = StaffAnnounce(service, is_staff=is_staff)

    def register(self, router: Router, jobs: Jobs) -> None:
        router.command("abonnements", "Choisir les annonces que je reçois", self.subscriptions_command)
        router.command("annonce", "Envoyer une annonce aux abonnés (équipe)", self.staff.announce_command,
                       staff_only=True)
        router.command("annonces", "Bilan des annonces : /annonces [N] (équipe)", self.staff.reports_command,
                       staff_only=True)
        router.command("abonnes", "Nombre d'abonnés par sujet (équipe)", self.staff.subscribers_command,
                       staff_only=True)
        router.button(PREFIX, self._button)
        router.button(STAFF_PREFIX, self.staff.button)
        router.flow(STAFF_FLOW, self.staff.draft_text, staff_only=True, waits_for_button=self.staff.waits_for_button,
                    resume=self.staff.resume, resume_label=texts.RESUME)
        jobs.every(JOB, JOB_EVERY_SECONDS, self.service.run)

    def council_of(self, session: Session, member: Member) -> str | None:
        """The member's council id (profile first, else the one given for "my territory")."""
        council = place_of(session, self.service.ctx.knowledge, member).council
        return council.id if council is not None else None

    # --- /abonnements ------------------------------------------------------------------------

    def subscriptions_command(self, sender: Sender, args: str) -> list[Reply]:
        with self.service.ctx.db.session() as session:
            member = touch_member(session, sender, self.service.ctx.clock)
            session.commit()
            return [self._panel(session, member)]

    def _panel(self, session: Session, member: Member) -> Reply:
        mine = subscriptions(session, member)
        place = place_of(session, self.service.ctx.knowledge, member)
        where = (texts.PLACE_LINE.format(council=esc(place.council.name), territory=esc(place.territory or "—"))
                 if place.council is not None else "")
        toggles = [Button(label=f"{texts.ON if code in mine else texts.OFF} {label}", data=f"{PREFIX}:t:{code}")
                   for code, label in TOPICS.items()]
        return Reply(text=texts.SUBSCRIPTIONS.format(centre=esc(self.service.ctx.settings.centre_name), place=where),
                     buttons=rows(*toggles, Button(label=texts.RECENT_BUTTON, data=f"{PREFIX}:recent")))

    def _button(self, sender: Sender, args: list[str]) -> list[Reply]:
        kb = self.service.ctx.knowledge
        valid = (args == ["recent"] or (len(args) == 2 and args[0] == "t" and args[1] in TOPICS)
                 or (len(args) == 2 and args[0] == "c" and (args[1] == "-" or kb.council(args[1]) is not None)))
        if not valid:
            return [Reply(text=core_texts.EXPIRED_BUTTON)]
        now = self.service.ctx.clock.now()
        with self.service.ctx.db.session() as session:
            member = touch_member(session, sender, self.service.ctx.clock)
            if args == ["recent"]:
                session.commit()
                return [self._recent(session, member)]
            action, value = args
            if action == "c":
                if value == "-":
                    session.commit()
                    return [Reply(text=texts.NO_COUNCIL)]
                subscribe(session, member, TERRITORY, now, council_id=value)
                session.commit()
                return [Reply(text=texts.SUBSCRIBED.format(topic=SHORT[TERRITORY])), self._panel(session, member)]
            if value in subscriptions(session, member):
                unsubscribe(session, member, value)
                said = texts.UNSUBSCRIBED
            elif value == TERRITORY and place_of(session, kb, member).council is None:
                session.commit()
                return [self._council_question()]
            else:
                subscribe(session, member, value, now)
                said = texts.SUBSCRIBED
            session.commit()
            return [Reply(text=said.format(topic=SHORT[value])), self._panel(session, member)]

    def _council_question(self) -> Reply:
        buttons = [Button(label=c.name[:60], data=f"{PREFIX}:c:{c.id}") for c in self.service.ctx.knowledge.councils
                   if len(f"{PREFIX}:c:{c.id}".encode()) <= 64]
        buttons.append(Button(label=texts.NO_COUNCIL_BUTTON, data=f"{PREFIX}:c:-"))
        return Reply(text=texts.CHOOSE_COUNCIL, buttons=rows(*buttons, per_row=2))

    def _recent(self, session: Session, member: Member) -> Reply:
        """The latest announcements: the member's council first, then their territory, then everyone's;
        those meant for other councils or territories are left out."""
        place = place_of(session, self.service.ctx.knowledge, member)
        found = session.exec(select(Announcement).where(col(Announcement.status) != AnnouncementStatus.QUEUED)
                             .order_by(col(Announcement.id).desc()).limit(50))
        ranked = [(rank, a) for a in found if (rank := nearness(place, a.target_kind, a.target)) is not None]
        ranked.sort(key=lambda pair: pair[0])  # stable: newest first within each rank
        if not ranked:
            return Reply(text=texts.RECENT_NONE)
        lines = [texts.RECENT]
        for rank, announcement in ranked[:RECENT_SHOWN]:
            target = "" if announcement.target_kind is None else " — " + audience(
                self.service.ctx.knowledge, announcement.target_kind, announcement.target)
            text = announcement.text if len(announcement.text) <= 300 else announcement.text[:299] + "…"
            lines.append(texts.RECENT_LINE.format(
                marker=texts.LOCAL_MARKER if rank < 2 else "", date=self.service.date(announcement.created_at)[:10],
                topic=SHORT.get(announcement.topic, announcement.topic), target=target, text=esc(text)))
        return Reply(text="\n\n".join(lines))

