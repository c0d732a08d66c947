"""The one place that builds the application: settings → database → knowledge → services → core."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.announce.feature import AnnounceFeature
from bot.announce.service import Announcements
from bot.answering.answerer import Answerer
from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.core.faq import FaqService
from bot.core.flood import FloodGuard
from bot.core.hotline import Hotline
from bot.core.router import Router
from bot.delivery.service import Delivery
from bot.desk.service import Desk
from bot.events.context import EventContext
from bot.events.feature import EventsFeature
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.privacy.feature import PrivacyFeature
from bot.redact import redact_secrets
from bot.scheduling import Jobs
from bot.storage.db import Database, make_engine
from bot.storage.migrate import upgrade


@dataclass(kw_only=True)
class App:
    settings: Settings
    clock: Clock
    db: Database
    knowledge: KnowledgeBase
    answerer: Answerer
    router: Router
    faq: FaqService
    hotline: Hotline
    jobs: Jobs
    delivery: Delivery
    desk: Desk
    events: EventsFeature
    announce: AnnounceFeature
    privacy: PrivacyFeature


def configure_logging(level: str, *, secrets: tuple[str | None, ...] = ()) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    redact_secrets(*secrets)  # the bot token is masked in every record (PTB logs its URL at DEBUG)
    # httpx logs every request URL, and Telegram's URLs contain the bot token.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(max(logging.getLevelName(level), logging.INFO))


def build_app(settings: Settings, *, clock: Clock | None = None, migrate: bool = True,
              knowledge: KnowledgeBase | None = None) -> App:
    clock = clock or SystemClock()
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    db = Database(engine)
    kb = knowledge or load_knowledge(settings.knowledge_dir)
    answerer = Answerer(kb, settings.answering)
    router = Router()
    jobs = Jobs()
    delivery = Delivery(db=db, clock=clock, jobs=jobs)
    hotline_ref: list[Hotline] = []
    faq = FaqService(db=db, answerer=answerer, clock=clock, centre=settings.centre_name,
                     help_text=lambda: hotline_ref[0].help_text())
    # Order matters for the help text and the command menu: core commands first, then features.
    hotline = Hotline(router=router, faq=faq, centre=settings.centre_name,
                      is_staff=lambda sender: sender.user_id.lstrip("-").isdigit()
                      and int(sender.user_id) in settings.telegram.staff_ids,
                      flood=FloodGuard(clock=clock, per_minute=settings.flood_per_minute))
    hotline_ref.append(hotline)
    faq.register(router)
    # Events: the programme (synced from knowledge/events.yaml at each start), registrations, reminders.
    events = EventsFeature(EventContext(db=db, clock=clock, settings=settings, knowledge=kb, wake=delivery.wake),
                           faq=faq, is_staff=lambda sender: hotline.is_staff(sender))
    events.register(router, jobs)
    events.sync(kb.events)
    # The staff desk: tickets, staff replies, the learning loop (it may rebuild the answerer at once).
    desk = Desk.build(settings=settings, db=db, clock=clock, faq=faq, knowledge=kb, wake=delivery.wake)
    desk.register(router, jobs)
    hotline.is_staff = desk.staff
    # Announcements (/abonnements, /annonce) and personal data (/mesdonnees, erasure, retention).
    announce = AnnounceFeature(Announcements(db=db, clock=clock, settings=settings, knowledge=kb, wake=delivery.wake),
                               is_staff=lambda sender: hotline.is_staff(sender))
    announce.register(router, jobs)
    events.council_of = announce.council_of  # /agenda: the member's council and territory first
    privacy = PrivacyFeature(events.ctx)
    privacy.register(router, jobs)
    app = App(settings=settings, clock=clock, db=db, knowledge=kb, answerer=faq.answerer, router=router, faq=faq,
              hotline=hotline, jobs=jobs, delivery=delivery, desk=desk, events=events, announce=announce,
              privacy=privacy)
    desk.learning.listeners.append(lambda rebuilt: setattr(app, "answerer", rebuilt))
    return app
