"""Announcements, erasure and retention on both databases (SQLite and PostgreSQL): the bulk updates,
the progress saved per batch, the dedupe keys and the anonymous counts behave the same."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.app import App, build_app
from bot.clock import ManualClock
from bot.config import Settings
from bot.storage.models import Announcement, ErasedRegistration, Member, Outbound, QuestionLog, Registration
from tests.support.announce import announcement_rows
from tests.support.databases import Database
from tests.support.events import member, register, text
from tests.test_announce_targeting import CLAIRE, send_all, staff_announce, toggle
from tests.test_desk_tickets import ask_team

PEOPLE = [member(1001 + i, f"Membre {i}") for i in range(5)]


@pytest.fixture
def both(make_settings: Callable[..., Settings], database: Database, clock: ManualClock) -> Iterator[App]:
    app = build_app(make_settings(database_url=database.url, extra="[announce]\nbatch_size = 2"), clock=clock)
    yield app
    app.db.engine.dispose()


async def test_a_broadcast_in_batches_reaches_everyone_once_on_both_databases(both: App) -> None:
    app = both
    for person in PEOPLE:
        toggle(app, person, "L'agenda du centre")
    launched = staff_announce(app, "agenda", ["an:all"], "Bonne année !")
    assert "Annonce n° 1 lancée. Destinataires : 5" in text(launched)
    sent = (await send_all(app)).take()
    assert sorted(m.chat_id for m in sent if "Bonne année" in m.text) == sorted(p.chat_id for p in PEOPLE)
    with app.db.session() as session:
        row = session.exec(select(Announcement)).one()
        row.status, row.last_member_id = "queued", 0  # the progress lost: the dedupe keys still hold
        session.add(row)
        session.commit()
    assert [m for m in (await send_all(app)).take() if "Bonne année" in m.text] == []
    assert len(announcement_rows(app, 1)) == 5
    assert "• Agenda : 5" in text(app.hotline.on_command(CLAIRE, "abonnes"))


async def test_erasure_and_retention_on_both_databases(both: App, clock: ManualClock) -> None:
    app = both
    awa, malik = PEOPLE[0], PEOPLE[1]
    register(app, awa, "interconseil-printemps", name="Awa")
    register(app, malik, "interconseil-printemps", name="Malik")
    register(app, PEOPLE[2], "interconseil-printemps", name="Chloé")  # waitlisted
    toggle(app, awa, "L'agenda du centre")
    ask_team(app, awa, "quel temps fera-t-il demain")
    [ask] = app.hotline.on_command(awa, "supprimer_mes_donnees")
    assert "C'est fait" in text(app.hotline.on_button(awa, ask.buttons[0][0].data))
    with app.db.session() as session:
        assert [m.display_name for m in session.exec(select(Member).where(Member.external_id == awa.user_id))] == []
        assert sorted(r.status for r in session.exec(select(Registration))) == ["confirmed", "confirmed"]
        assert [(e.status, e.count) for e in session.exec(select(ErasedRegistration))] == [("confirmed", 1)]
        assert all(q.text is None for q in session.exec(select(QuestionLog)))
        assert list(session.exec(select(Outbound).where(Outbound.chat_id == awa.chat_id))) == []
        assert session.exec(select(Outbound).where(Outbound.chat_id == PEOPLE[2].chat_id)).all()  # promoted, told

    app.hotline.on_text(malik, "c'est quoi un QPV")
    clock.advance(timedelta(days=366))
    report = await app.privacy.retention.run()
    assert report.questions == 1
    with app.db.session() as session:
        assert [q.text for q in session.exec(select(QuestionLog))] == [None, None]
