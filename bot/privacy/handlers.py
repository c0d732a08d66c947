"""Personal data as members meet it: /confidentialite, /mesdonnees, /supprimer_mes_donnees (confirmed by a
button that expires), and the daily retention job. Handlers only translate."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import Clock
from bot.core.calendar import PlaceFreed
from bot.core.context import Context
from bot.core.members import find_member
from bot.core.replies import Attachment, Button, Reply, Sender, esc, rows
from bot.core.router import Router
from bot.core.timefmt import human_duration
from bot.privacy import texts
from bot.privacy.data import as_json, collect, readable
from bot.privacy.erase import erase_member
from bot.privacy.retention import Retention
from bot.scheduling import Jobs

PREFIX = "pv"
CONFIRM_VALIDITY = timedelta(hours=1)
RETENTION_JOB, RETENTION_AT = "privacy-retention", (3, 45)


class PrivacyFeature:
    def __init__(self, ctx: Context, *, place_freed: PlaceFreed) -> None:
        self.ctx = ctx
        self.place_freed = place_freed  # an erased registration gives its place to the waitlist
        self.retention = Retention(db=ctx.db, clock=ctx.clock, ctx=ctx, place_freed=place_freed)

    @property
    def clock(self) -> Clock:
        return self.ctx.clock

    def register(self, router: Router, jobs: Jobs) -> None:
        router.command("confidentialite", "Vos données : ce que je garde, pourquoi, combien de temps",
                       self.notice_command)
        router.command("mesdonnees", "Tout ce que je garde sur vous (avec un fichier)", self.my_data_command)
        router.command("supprimer_mes_donnees", "Effacer toutes vos données", self.erase_command)
        router.button(PREFIX, self._button)
        jobs.daily(RETENTION_JOB, *RETENTION_AT, self.retention.run)

    def notice_command(self, sender: Sender, args: str) -> list[Reply]:
        privacy = self.ctx.settings.privacy
        return [Reply(text=texts.NOTICE.format(centre=esc(self.ctx.centre), contact=esc(privacy.contact),
                                               question_days=human_duration(privacy.question_retention_days),
                                               profile_days=human_duration(privacy.profile_inactivity_days)))]

    def my_data_command(self, sender: Sender, args: str) -> list[Reply]:
        """Read only: asking what is stored does not store anything new."""
        if sender.in_group:
            return [Reply(text=texts.PRIVATE_ONLY)]
        now = self.clock.now()
        with self.ctx.db.session() as session:
            member = find_member(session, sender)
            if member is None:
                return [Reply(text=texts.NOTHING)]
            data = collect(session, self.ctx, member, now)
        stamp = now.astimezone(self.ctx.tz).strftime("%Y-%m-%d")
        return [Reply(text=readable(data, self.ctx)),
                Reply(text=texts.FILE_CAPTION, attachment=Attachment(
                    filename=f"mes-donnees-{stamp}.json", content=as_json(data), mime_type="application/json"))]

    def erase_command(self, sender: Sender, args: str) -> list[Reply]:
        if sender.in_group:
            return [Reply(text=texts.PRIVATE_ONLY)]
        minute = int(self.clock.now().timestamp() // 60)
        return [Reply(text=texts.ERASE_ASK, buttons=rows(
            Button(label=texts.ERASE_YES, data=f"{PREFIX}:erase:{minute}"),
            Button(label=texts.ERASE_NO, data=f"{PREFIX}:keep"), per_row=2))]

    def _button(self, sender: Sender, args: list[str]) -> list[Reply]:
        if args == ["keep"]:
            return [Reply(text=texts.ERASE_KEPT)]
        if len(args) != 2 or args[0] != "erase" or not args[1].isdigit() or len(args[1]) > 12:
            return [Reply(text=texts.ERASE_EXPIRED)]
        now = self.clock.now()
        asked = int(args[1]) * 60
        if not 0 <= now.timestamp() - asked <= CONFIRM_VALIDITY.total_seconds() + 60:
            return [Reply(text=texts.ERASE_EXPIRED)]
        with self.ctx.db.session() as session:
            member = find_member(session, sender)
            if member is None:
                return [Reply(text=texts.ERASED_NOTHING)]
            done = erase_member(session, member, now, place_freed=self.place_freed)
            session.commit()
        self.ctx.wake()
        return [Reply(text=texts.ERASED.format(summary=done.summary()))]
