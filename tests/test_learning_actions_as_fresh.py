"""The three learning actions staff take, through the services they use: a phrasing taught from a ticket
(« Rattacher »), a staff answer published from the console's review queue, an alternate added in the
console. After each, the answerer in service was rebuilt from the one before it; it must hold the same
indexes and decide every message exactly as an answerer built afresh on the knowledge it serves."""

from __future__ import annotations

from sqlmodel import col, select

from bench.common import load_eval
from bench.realistic import load_realistic
from bot.answering.answerer import Answerer
from bot.app import App
from bot.storage.models import QuestionLog, Ticket
from tests.test_desk_learning import REVIEWER, publish_drafts
from tests.test_desk_tickets import AWA, CLAIRE, button
from tests.test_learning_incremental import _check

TAUGHT = "est ce que le bus de nuit s'arrete devant la salle du conseil apres les reunions"
ASKED = "peut on se faire rembourser les tickets de tram pour venir aux ateliers"
ADDED = "le bus de nuit passe t il apres le conseil"


def _ticket(app: App, question: str) -> int:
    """The member asks, then hands the question to the team (whatever the hotline offered)."""
    app.hotline.on_text(AWA, question)
    with app.db.session() as session:
        log_id = session.exec(select(QuestionLog.id).order_by(col(QuestionLog.id).desc())).first()
    assert log_id is not None
    app.desk.open_ticket(AWA, log_id, "ask")
    with app.db.session() as session:
        ticket_id = session.exec(select(Ticket.id).where(Ticket.question_log_id == log_id)).one()
    assert ticket_id is not None
    return ticket_id


def _messages(app: App) -> list[str]:
    """Tidy dev questions, a sixteenth of the realistic dev messages, and every phrasing of the entries the
    actions changed (the last ones served: edited and learned entries come after the files' entries)."""
    realistic = [m.text for m in load_realistic() if m.split == "dev"][::16]
    changed = [p for e in app.answerer.kb.faq[-3:] for p in e.phrasings]
    return [q.q for q in load_eval() if q.split == "dev"][::2] + realistic + changed + [TAUGHT, ASKED, ADDED]


def _decides_as_a_fresh_build(app: App, what: str) -> None:
    served = app.answerer
    fresh = Answerer(served.kb, served.settings)
    try:
        _check(served, fresh, _messages(app))
    except AssertionError as error:
        raise AssertionError(f"after {what}: {error}") from error


def test_each_staff_action_serves_an_answerer_that_decides_as_a_fresh_build(shipped_app: App) -> None:
    app = shipped_app
    middle = app.answerer.kb.faq[len(app.answerer.kb.faq) // 2]  # moved last by the phrasing taught

    done = app.hotline.on_button(CLAIRE, f"tk:link:{_ticket(app, TAUGHT)}:{middle.id}")
    assert "C'est appris" in done[0].text
    assert app.answerer.kb.faq[-1].id == middle.id and TAUGHT in app.answerer.kb.faq[-1].alternates
    _decides_as_a_fresh_build(app, "a phrasing taught")

    ticket = _ticket(app, ASKED)
    answered = app.hotline.on_command(CLAIRE, "repondre", f"{ticket} Oui : demandez le formulaire de "
                                                          "remboursement à votre délégué du préfet.")
    app.hotline.on_button(CLAIRE, button(answered, "En faire une fiche"))
    publish_drafts(app)
    assert app.answerer.kb.entry(f"appris-{ticket}") is not None
    _decides_as_a_fresh_build(app, "a staff answer published")

    form = app.desk.editor.form("faq", middle.id)
    assert form is not None
    form["alternates"] += f"\n{ADDED}"
    saved = app.desk.editor.save(REVIEWER, "faq", middle.id, form)
    assert saved.edit is not None, saved.verdict
    served = app.answerer.kb.entry(middle.id)
    assert served is not None and ADDED in served.alternates and TAUGHT in served.alternates
    _decides_as_a_fresh_build(app, "a console edit")
