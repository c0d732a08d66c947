"""The one place that builds the application: settings → database → knowledge → answering → services → core.

Built in two parts: first what decides how a question is answered (`build_answering`), then the rest around
it (`build_app`). `hotline ask` may use the first part alone: the features, the delivery and the channels
are imported where the whole application is built, never by a command that does not use them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.answering.prepared import prepared_answerer, read_back, taught_alias
from bot.answering.semantic_opinion import SemanticOpinion, available
from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.core.answers import CurrentAnswerer
from bot.core.decider import Decider
from bot.core.staff import StaffDirectory, StaffTarget
from bot.documents.asking import DocumentsHook
from bot.documents.service import DocumentService
from bot.events.asking import AgendaHook
from bot.knowledge.loader import load_serving_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.redact import redact_secrets
from bot.storage.db import Database, make_engine
from bot.storage.migrate import upgrade_if_behind
from bot.storage.peek import NOTHING, taught_state

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from bot.announce.handlers import AnnounceFeature
    from bot.answering.answerer import Answerer
    from bot.console.access import ConsoleAccess
    from bot.console.services import ConsoleServices
    from bot.core.context import Context
    from bot.core.faq import FaqService
    from bot.core.hotline import Hotline
    from bot.core.router import Router
    from bot.delivery.service import Delivery
    from bot.desk.handlers import Desk
    from bot.documents.handlers import DocumentsFeature
    from bot.events.handlers import EventsFeature
    from bot.privacy.handlers import PrivacyFeature
    from bot.scheduling import Jobs


@dataclass(kw_only=True)
class Answering:
    """What decides how a question is answered: the knowledge, the answerer in service and the decider with
    the features' hooks (the agenda, the documents). Built first; the rest of the application around it."""

    settings: Settings
    clock: Clock
    db: Database
    knowledge: KnowledgeBase  # as loaded at start (the answerer in use has the learned entries too)
    answers: CurrentAnswerer
    decider: Decider
    documents: DocumentService
    semantic: SemanticOpinion | None = None  # e5 on the final decision, when turned on and installed


def build_answering(settings: Settings, *, clock: Clock | None = None, migrate: bool = True,
                    knowledge: KnowledgeBase | None = None, open_database: bool = True,
                    answerer: Answerer | None = None, semantic: SemanticOpinion | None = None,
                    warm_up: bool = True) -> Answering:
    """`open_database=False`: the database is opened (and migrated) when first used, if ever. `answerer`:
    the one in service at first, when not the files' (`deciding`). `semantic`: e5's opinion, when not the
    one the settings make (tests give theirs). `warm_up`: see `CurrentAnswerer` (False for one question)."""
    clock = clock or SystemClock()
    db = Database(_engine_maker(settings.database_url, migrate=migrate))
    if open_database:
        db.engine  # noqa: B018 - opened and migrated now: a start fails at once on a database it cannot use
    kb = knowledge or load_serving_knowledge(settings.knowledge_dir)
    answers = CurrentAnswerer(answerer or prepared_answerer(kb, settings.answering), warm_up=warm_up)
    decider = Decider(db=db, answers=answers, clock=clock)
    # Features take over some decisions, in this order: the agenda ("c'est quand le prochain interconseil"),
    # then the documents ("un modèle d'ordre du jour pour la prochaine réunion" asks for a document).
    documents = DocumentService.from_knowledge(settings.knowledge_dir, clock=clock)
    decider.add_hook(AgendaHook(answers, clock=clock, tz=settings.timezone, centre=settings.centre_name))
    decider.add_hook(DocumentsHook(documents, answers))
    # Last: e5 sees only the choices left once every other part has decided (never an agenda question).
    if semantic is None and settings.semantic_opinion and available():
        semantic = SemanticOpinion()
    if semantic is not None:
        opinion = semantic
        decider.add_hook(lambda _sender, _text, decision: opinion.trusted(
            decision, answers.get().kb, answers.get()))
        decider.add_hook(lambda _sender, _text, decision: opinion.second_choices(decision, answers.get()))
    # Last of all: the classifier learned from members' messages reads the choices as they would be shown: the entry it
    # names leads them or joins them, then the first is answered when it names it surely.
    decider.add_hook(lambda _sender, text, decision: answers.get().learned_choices(decision, text))
    decider.add_hook(lambda _sender, text, decision: answers.get().learned_agrees(decision, text))
    # And it doubts a sure answer it reads otherwise (bot/answering/learned_doubt.py).
    decider.add_hook(lambda _sender, text, decision: answers.get().learned_doubts(decision, text))
    return Answering(settings=settings, clock=clock, db=db, knowledge=kb, answers=answers, decider=decider,
                     documents=documents, semantic=semantic)


def _engine_maker(url: str, *, migrate: bool) -> Callable[[], Engine]:
    def make() -> Engine:
        engine = make_engine(url)
        if migrate:
            upgrade_if_behind(engine)
        return engine

    return make


def deciding(settings: Settings) -> Decider:
    """What `hotline ask` decides with: the first part of the application when a glance at the database
    (without SQLAlchemy, bot/storage/peek.py) says nobody taught anything, or when the answerer with what
    was taught is kept on disk under that (the learning loop keeps it). Otherwise the whole application,
    whose learning loop builds that answerer and puts it in service."""
    taught = taught_state(settings.database_url)
    if taught == NOTHING:
        return build_answering(settings, open_database=False, warm_up=False).decider
    if taught is not None:
        kb = load_serving_knowledge(settings.knowledge_dir)
        alias = taught_alias(kb, settings.answering, taught)
        learned = read_back(alias) if alias is not None else None
        if learned is not None:
            return build_answering(settings, open_database=False, knowledge=kb, answerer=learned,
                                   warm_up=False).decider
    return build_app(settings).faq.decider


@dataclass(kw_only=True)
class App:
    """Everything built, for the entry points (CLI, channels, tests). Channels are given the parts they
    need (`hotline`, `delivery`, `staff`), never the whole."""

    settings: Settings
    clock: Clock
    db: Database
    knowledge: KnowledgeBase  # as loaded at start (the answerer in use has the learned entries too)
    ctx: Context
    router: Router
    faq: FaqService
    hotline: Hotline
    jobs: Jobs
    delivery: Delivery
    staff: StaffDirectory
    desk: Desk
    events: EventsFeature
    announce: AnnounceFeature
    privacy: PrivacyFeature
    documents: DocumentsFeature
    console: ConsoleAccess
    semantic: SemanticOpinion | None = None  # e5 on the final decision (bot/answering/semantic_opinion.py)

    @property
    def answerer(self) -> Answerer:
        """The answerer in use (the learning loop swaps it when the team teaches the hotline)."""
        return self.ctx.answerer


def configure_logging(level: str, *, secrets: tuple[str | None, ...] = ()) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    redact_secrets(*secrets)  # the bot token is masked in every record (PTB logs its URL at DEBUG)
    # httpx logs every request URL, and Telegram's URLs contain the bot token.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(max(logging.getLevelName(level), logging.INFO))


def build_app(settings: Settings, *, clock: Clock | None = None, migrate: bool = True,
              knowledge: KnowledgeBase | None = None, staff_chat: StaffTarget | None = None) -> App:
    """Each part is built with the parts it uses, in this order; nothing is rewired afterwards.

    `staff_chat`: where staff posts go, when not the Telegram staff group of the settings (the terminal's
    staff mode)."""
    # The features and the rest, imported here: `hotline ask` may never need them (see the docstring).
    from bot.announce.handlers import AnnounceFeature
    from bot.announce.service import Announcements
    from bot.console import command as console_command
    from bot.console.access import ConsoleAccess
    from bot.core.context import Context
    from bot.core.faq import FaqService
    from bot.core.flood import FloodGuard
    from bot.core.hotline import Hotline
    from bot.core.router import Router
    from bot.delivery.service import Delivery
    from bot.desk.handlers import Desk
    from bot.documents.handlers import DocumentsFeature
    from bot.events.handlers import EventsFeature
    from bot.privacy.handlers import PrivacyFeature
    from bot.scheduling import Jobs

    answering = build_answering(settings, clock=clock, migrate=migrate, knowledge=knowledge)
    clock, db, kb, answers = answering.clock, answering.db, answering.knowledge, answering.answers
    jobs = Jobs()
    delivery = Delivery(db=db, clock=clock, jobs=jobs)
    ctx = Context(db=db, clock=clock, settings=settings, knowledge=kb, wake=delivery.wake, answers=answers)
    staff = staff_directory(settings, clock, staff_chat)
    router = Router()
    # The staff desk: tickets, staff replies, the learning loop (it swaps the answerer when the team teaches).
    desk = Desk.build(ctx, staff=staff)
    faq = FaqService(decider=answering.decider, centre=settings.centre_name,
                     help_text=lambda: router.help_text(settings.centre_name), escalate=desk.open_ticket,
                     escalate_unknown=settings.desk.auto_ticket, status=desk.my_questions)
    # Order matters for the help text and the command menu: core commands first, then features.
    hotline = Hotline(db=db, clock=clock, router=router, faq=faq, centre=settings.centre_name, is_staff=staff,
                      form_timeout=settings.form_timeout,
                      flood=FloodGuard(clock=clock, per_minute=settings.flood_per_minute))
    faq.register(router)
    # Announcements (/abonnements, /annonce) and personal data (/mesdonnees, erasure, retention).
    announce = AnnounceFeature(Announcements(ctx), is_staff=staff)
    # Events: the programme (synced from knowledge/events.yaml at each start), registrations, reminders;
    # /agenda shows the member's council and territory first (as announcements know them).
    events = EventsFeature(ctx, faq=faq, is_staff=staff, council_of=announce.council_of)
    events.register(router, jobs)
    events.sync(kb.events)
    # Documents to download (/modeles, "un modèle de courrier ?"): after the agenda, whose questions they refine.
    documents = DocumentsFeature(answering.documents, faq=faq)
    documents.register(router)
    desk.register(router, jobs)
    announce.register(router, jobs)
    privacy = PrivacyFeature(ctx, place_freed=events.place_freed)
    privacy.register(router, jobs)
    # The staff console (a web page): /console gives a staff member a one-time sign-in link.
    console = ConsoleAccess(db=db, clock=clock, public_url=settings.console.public_url,
                            link_ttl=timedelta(minutes=settings.console.link_minutes),
                            session_ttl=timedelta(hours=settings.console.session_hours))
    console_command.register(router, console, settings.console.link_minutes)
    return App(settings=settings, clock=clock, db=db, knowledge=kb, ctx=ctx, router=router, faq=faq, hotline=hotline,
               jobs=jobs, delivery=delivery, staff=staff, desk=desk, events=events, announce=announce, privacy=privacy,
               documents=documents, console=console, semantic=answering.semantic)


def staff_directory(settings: Settings, clock: Clock, staff_chat: StaffTarget | None = None) -> StaffDirectory:
    """Who is staff: the configured ids, and the members of the staff chat as the channel sees them."""
    chat = settings.telegram.staff_chat_id
    if staff_chat is None and chat is not None:
        staff_chat = StaffTarget(channel="telegram", chat_id=str(chat))
    return StaffDirectory(staff_ids=settings.telegram.staff_ids, now=clock.now, target=staff_chat)


def console_services(app: App) -> ConsoleServices:
    """What the staff console uses, from the built application (the console never sees `App`)."""
    from bot.console.services import ConsoleServices  # the console's web stack: only where it is served

    return ConsoleServices(settings=app.settings, clock=app.clock, db=app.db, answerer=lambda: app.answerer,
                           ticket_service=app.desk.tickets, learning=app.desk.learning, editor=app.desk.editor,
                           ctx=app.ctx, place_freed=app.events.place_freed, announce_service=app.announce.service,
                           access=app.console)
