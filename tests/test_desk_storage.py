"""The desk's queries on both databases: learning, similar questions, statistics and alerts (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest

from bot.app import App, build_app
from bot.clock import ManualClock
from bot.config import Settings
from tests.support.databases import Database
from tests.test_desk_learning import publish_drafts
from tests.test_desk_tickets import AWA, CLAIRE, MALIK, ask_team, button, deliver, tickets


@pytest.fixture
def desk_app(make_settings: Callable[..., Settings], database: Database, clock: ManualClock) -> Iterator[App]:
    app = build_app(make_settings(database_url=database.url), clock=clock)
    yield app
    app.db.engine.dispose()


async def test_the_desk_works_the_same_on_both_databases(desk_app: App, clock: ManualClock) -> None:
    app = desk_app
    app.hotline.on_text(MALIK, "rembourser les trajets du conseil")
    ask_team(app, AWA, "peut on se faire rembourser les trajets")
    [ticket] = tickets(app)
    answered = app.hotline.on_command(CLAIRE, "repondre", f"{ticket.id} Oui, avec le formulaire.")
    assert "appris-" in app.hotline.on_button(CLAIRE, button(answered, "En faire une fiche"))[0].text
    publish_drafts(app)
    assert app.faq.decide(MALIK, "peut on se faire rembourser les trajets").kind == "answer"
    assert app.desk.learning.refresh() is False
    offer = app.hotline.on_button(CLAIRE, f"tk:similar:{ticket.id}")
    assert f"ressemblent à la question n° {ticket.id} : 1" in offer[0].text
    app.hotline.on_button(CLAIRE, f"tk:send:{ticket.id}")
    assert any("formulaire" in m.text for m in (await deliver(app, clock)).take(MALIK.chat_id))
    assert "Transmises à l'équipe" in app.hotline.on_command(CLAIRE, "stats")[0].text
    ask_team(app, MALIK, "qui organise le carnaval du quartier")
    clock.advance(timedelta(days=7))
    assert await app.desk.jobs.alerts() == 1
    assert await app.desk.jobs.digest() == 2  # Monday 9:00: the two open questions
