"""APScheduler only wakes things up; what must happen lives in database rows.

Features register their periodic work here when the application is built; the running channel
(Telegram, or the terminal chat) starts the scheduler. Jobs take no arguments: they read the
injected clock and the database, so a restart loses nothing and tests call them directly.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

log = logging.getLogger(__name__)
JobFunc = Callable[[], Awaitable[object]]


@dataclass(frozen=True, kw_only=True)
class Job:
    name: str
    func: JobFunc
    every_seconds: float | None = None
    daily_at: tuple[int, int] | None = None  # (hour, minute) in the configured timezone


@dataclass
class Jobs:
    jobs: dict[str, Job] = field(default_factory=dict)
    scheduler: AsyncIOScheduler | None = None

    def every(self, name: str, seconds: float, func: JobFunc) -> None:
        self._add(Job(name=name, func=func, every_seconds=seconds))

    def daily(self, name: str, hour: int, minute: int, func: JobFunc) -> None:
        self._add(Job(name=name, func=func, daily_at=(hour, minute)))

    def _add(self, job: Job) -> None:
        if job.name in self.jobs:
            raise ValueError(f"job {job.name!r} registered twice")
        self.jobs[job.name] = job

    async def run(self, name: str) -> None:
        """Run one job now (tests, the terminal chat, and `wake`)."""
        await self.jobs[name].func()

    def start(self, timezone: ZoneInfo) -> AsyncIOScheduler:
        # APScheduler only where jobs are scheduled (`hotline run`): the terminal chat runs them itself.
        from apscheduler.schedulers.asyncio import AsyncIOScheduler
        from apscheduler.triggers.cron import CronTrigger
        from apscheduler.triggers.interval import IntervalTrigger

        scheduler = AsyncIOScheduler(timezone=timezone)
        for job in self.jobs.values():
            trigger = (IntervalTrigger(seconds=job.every_seconds) if job.every_seconds is not None
                       else CronTrigger(hour=job.daily_at[0], minute=job.daily_at[1]) if job.daily_at is not None
                       else None)
            # A missed run is simply done once when the process is back: the work is in the database.
            scheduler.add_job(self._guard(job), trigger, id=job.name, name=job.name, coalesce=True,
                              max_instances=1, misfire_grace_time=None, replace_existing=True)
        scheduler.start()
        self.scheduler = scheduler
        return scheduler

    def wake(self, name: str) -> None:
        """Ask for a job to run as soon as possible (e.g. the dispatcher after a message was queued)."""
        if self.scheduler is not None and self.scheduler.running:
            job = self.scheduler.get_job(name)
            if job is not None:
                job.modify(next_run_time=datetime.now(UTC))

    def stop(self) -> None:
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.scheduler = None

    @staticmethod
    def _guard(job: Job) -> JobFunc:
        async def run() -> None:
            try:
                await job.func()
            except Exception:  # one failing run must not stop the next ones
                log.exception("job %s failed", job.name)

        return run
