"""At 10,000 entries a full garbage collection walked the answerer's millions of objects for 0.8 s, at whatever
moment it fell (a console edit, a member's message). The answerer in service is left out of the collector's
passes; a learning action's replaced answerer must still be freed."""

from __future__ import annotations

import gc
import weakref

from sqlmodel import col, select

from bot.app import App
from bot.storage.models import QuestionLog, Ticket
from tests.test_desk_tickets import AWA, CLAIRE


def test_after_a_learning_action_the_new_answerer_is_out_of_the_collector_and_the_old_one_is_freed(
        shipped_app: App) -> None:
    app = shipped_app
    old = weakref.ref(app.answerer)
    app.hotline.on_text(AWA, "est-ce que le bus de nuit s'arrete devant la salle du conseil apres les reunions")
    app.desk.open_ticket(AWA, _last_log(app), "ask")
    entry = app.answerer.kb.faq[0]

    gc.disable()  # what frees the old answerer must be reference counting, not a collection
    try:
        done = app.hotline.on_button(CLAIRE, f"tk:link:{_last_ticket(app)}:{entry.id}")
        assert "C'est appris" in done[0].text
        assert old() is None, "the replaced answerer is still alive"
    finally:
        gc.enable()
    served = app.answerer.matcher
    assert gc.get_freeze_count() > 0
    assert not any(o is served for o in gc.get_objects()), "the answerer in service is still walked by the collector"


def test_at_a_start_the_prepared_answerer_is_out_of_the_collector(shipped_app: App) -> None:
    served = shipped_app.answerer.matcher
    assert gc.get_freeze_count() > 0
    assert not any(o is served for o in gc.get_objects()), "the answerer in service is still walked by the collector"


def _last_log(app: App) -> int:
    with app.db.session() as session:
        found = session.exec(select(QuestionLog.id).order_by(col(QuestionLog.id).desc())).first()
    assert found is not None
    return found


def _last_ticket(app: App) -> int:
    with app.db.session() as session:
        found = session.exec(select(Ticket.id).order_by(col(Ticket.id).desc())).first()
    assert found is not None
    return found
