"""The learning loop: staff answers become drafts that teach the hotline once published, survive a restart,
reach those who asked alike, and are written into knowledge/ by `hotline knowledge export`."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from sqlmodel import select

from bot.answering import prepared
from bot.answering.answerer import Answerer
from bot.app import App, build_app
from bot.clock import ManualClock
from bot.config import Settings
from bot.core.replies import Sender
from bot.desk.export import export_learned
from bot.desk.export_edits import export_edits
from bot.knowledge.edits import HAS_SHORT
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.storage.models import Outbound, Ticket
from tests.conftest import FIXTURE_KNOWLEDGE, SHIPPED_KNOWLEDGE
from tests.support.answers import whole_answer
from tests.test_desk_tickets import AWA, CLAIRE, MALIK, ask_team, button, deliver

BINTA = Sender(channel="telegram", user_id="1003", chat_id="1003", display_name="Binta")
CHLOE = Sender(channel="telegram", user_id="1004", chat_id="1004", display_name="Chloé")
ROUTE = "peut on se faire rembourser les trajets"
REVIEWER = Sender(channel="console", user_id="4242", chat_id="console:4242", display_name="Claire")


def only_ticket(app: App) -> int:
    with app.db.session() as session:
        ticket = session.exec(select(Ticket)).one()
    assert ticket.id is not None
    return ticket.id


def test_attaching_a_question_to_an_entry_answers_it_at_once(app: App) -> None:
    question = "comment participer aux reunions des habitants"
    ask_team(app, AWA, question)
    ticket_id = only_ticket(app)
    choices = app.hotline.on_button(CLAIRE, f"tk:attach:{ticket_id}")
    assert "À quelle fiche rattacher" in choices[0].text
    done = app.hotline.on_button(CLAIRE, f"tk:link:{ticket_id}:cc-rejoindre")
    assert "C'est appris" in done[0].text
    decision = app.faq.decide(MALIK, question)
    assert decision.kind == "answer" and decision.entry is not None and decision.entry.id == "cc-rejoindre"
    # the whole answer: in the first message, or behind « En savoir plus » when a short version comes first
    assert "Contactez le conseil citoyen" in whole_answer(app, MALIK, app.hotline.on_text(MALIK, question))
    again = app.hotline.on_command(CLAIRE, "rattacher", f"{ticket_id} cc-rejoindre")
    assert "déjà" in again[0].text
    assert "Je ne trouve pas de fiche" in app.hotline.on_command(CLAIRE, "rattacher", f"{ticket_id} nope")[0].text


def publish_drafts(app: App) -> None:
    """What a reviewer does in the console's review queue, as they found it."""
    for draft in app.desk.editor.drafts():
        assert draft.id is not None
        form = app.desk.editor.as_form(draft)
        if HAS_SHORT:  # the reviewer writes the plain short answer the draft could only guess
            form["short"] = "Oui. Demandez le formulaire de remboursement au délégué du préfet."
        saved = app.desk.editor.publish(REVIEWER, draft.id, form)
        assert saved is not None and saved.edit is not None, saved


def test_a_staff_answer_becomes_a_draft_used_once_published_and_after_a_restart(
        app: App, settings: Settings, clock: ManualClock) -> None:
    ask_team(app, AWA, ROUTE)
    ticket_id = only_ticket(app)
    assert "pas encore de réponse" in app.hotline.on_button(CLAIRE, f"tk:learn:{ticket_id}")[0].text
    answered = app.hotline.on_command(CLAIRE, "repondre", f"{ticket_id} Oui : demandez le formulaire de "
                                                          "remboursement à votre délégué du préfet.")
    learned = app.hotline.on_button(CLAIRE, button(answered, "En faire une fiche"))
    assert f"appris-{ticket_id}" in learned[0].text and "relecture" in learned[0].text
    # A reply written for one person does not reach everyone before someone reads it again
    assert "formulaire de remboursement" not in app.hotline.on_text(MALIK, ROUTE)[0].text
    publish_drafts(app)
    reply = whole_answer(app, MALIK, app.hotline.on_text(MALIK, ROUTE))
    assert "formulaire de remboursement" in reply and "Source : Réponse de l'équipe" in reply
    assert app.answerer.kb.entry(f"appris-{ticket_id}") is not None  # the app's answerer follows

    restarted = build_app(settings, clock=clock)
    decision = restarted.faq.decide(BINTA, ROUTE)
    assert decision.entry is not None and decision.entry.id == f"appris-{ticket_id}"


def test_another_process_learning_is_picked_up_by_the_refresh_job(app: App, settings: Settings,
                                                                  clock: ManualClock) -> None:
    other = build_app(settings, clock=clock)  # e.g. the terminal chat on the same database
    ask_team(other, AWA, ROUTE)
    ticket_id = only_ticket(other)
    other.hotline.on_command(CLAIRE, "repondre", f"{ticket_id} Oui, avec le formulaire.")
    other.hotline.on_command(CLAIRE, "fiche", f"{ticket_id}")
    publish_drafts(other)
    assert app.faq.decide(MALIK, ROUTE).kind != "answer"
    assert app.desk.learning.refresh() is True
    assert app.faq.decide(MALIK, ROUTE).kind == "answer"
    assert app.desk.learning.refresh() is False  # nothing new: no rebuild


async def test_the_answer_goes_to_members_who_asked_alike_only_after_staff_confirm(app: App,
                                                                                  clock: ManualClock) -> None:
    app.hotline.on_text(MALIK, "rembourser les trajets du conseil")
    app.hotline.on_text(BINTA, "on peut se faire rembourser ses trajets ?")
    app.hotline.on_text(BINTA, "on peut se faire rembourser ses trajets ??")  # the same person: once
    app.hotline.on_text(CHLOE, "quel temps fera-t-il demain")  # unrelated
    ask_team(app, AWA, ROUTE)
    ticket_id = only_ticket(app)
    app.hotline.on_command(CLAIRE, "repondre", f"{ticket_id} Oui, avec le formulaire de remboursement.")
    offer = app.hotline.on_button(CLAIRE, f"tk:similar:{ticket_id}")
    assert f"ressemblent à la question n° {ticket_id} : 2" in offer[0].text
    assert "rembourser les trajets du conseil" in offer[0].text
    transport = await deliver(app, clock)
    assert transport.take(MALIK.chat_id) == [] and transport.take(BINTA.chat_id) == []  # nothing before confirming

    assert "rien n'est envoyé" in app.hotline.on_button(CLAIRE, f"tk:nosend:{ticket_id}")[0].text
    sent = app.hotline.on_button(CLAIRE, button(offer, "Oui, envoyer"))
    assert "question semblable : 2" in sent[0].text
    transport = await deliver(app, clock)
    [to_malik] = transport.take(MALIK.chat_id)
    [to_binta] = transport.take(BINTA.chat_id)
    assert "rembourser les trajets du conseil" in to_malik.text and "formulaire de remboursement" in to_malik.text
    assert "formulaire" in to_binta.text and transport.take(CHLOE.chat_id) == []
    assert "Aucune autre question" in app.hotline.on_button(CLAIRE, f"tk:similar:{ticket_id}")[0].text
    app.hotline.on_button(CLAIRE, f"tk:send:{ticket_id}")  # pressed twice: nobody gets it twice
    with app.db.session() as session:
        shared = list(session.exec(select(Outbound).where(Outbound.purpose == "relay",
                                                          Outbound.chat_id.in_([MALIK.chat_id, BINTA.chat_id]))))  # type: ignore[attr-defined]
    assert len(shared) == 2


def test_knowledge_export_writes_learned_entries_and_wordings_into_the_files(
        make_settings: Callable[..., Settings], clock: ManualClock, tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, knowledge)
    app = build_app(make_settings(knowledge=knowledge), clock=clock)
    ask_team(app, AWA, "comment participer aux reunions des habitants")
    ask_team(app, MALIK, ROUTE)
    with app.db.session() as session:
        first, second = (t.id for t in session.exec(select(Ticket).order_by(Ticket.id)))  # type: ignore[arg-type]
    app.hotline.on_command(CLAIRE, "rattacher", f"{first} cc-rejoindre")
    app.hotline.on_command(CLAIRE, "repondre", f"{second} Oui : le formulaire « remboursement ».\n\nMerci !")
    app.hotline.on_command(CLAIRE, "fiche", f"{second}")
    publish_drafts(app)
    before = (knowledge / "faq" / "base.yaml").read_text(encoding="utf-8")

    edited = export_edits(app.db, knowledge, now=clock.now())
    report = export_learned(app.db, knowledge, now=clock.now())

    assert (edited.written, edited.problems, report.phrasings, report.problems) == (1, [], 1, [])
    kb = load_knowledge(knowledge)
    learned = kb.entry(f"appris-{second}")
    assert learned is not None and learned.needs_review and "« remboursement »" in learned.answer
    rejoindre = kb.entry("cc-rejoindre")
    assert rejoindre is not None and "comment participer aux reunions des habitants" in rejoindre.alternates
    after = (knowledge / "faq" / "base.yaml").read_text(encoding="utf-8")
    assert after.count("\n") == before.count("\n") + 1  # one line added, the rest untouched
    assert yaml.safe_load((knowledge / "faq" / "console.yaml").read_text(encoding="utf-8"))[0]["review"] is True
    assert export_edits(app.db, knowledge, now=clock.now()).written == 0  # once is enough
    again = export_learned(app.db, knowledge, now=clock.now())
    assert again.phrasings == 0 and (knowledge / "faq" / "base.yaml").read_text(encoding="utf-8") == after


def test_rebuilding_the_answerer_on_the_shipped_knowledge_serves_the_new_one(
        make_settings: Callable[..., Settings], clock: ManualClock) -> None:
    # How long a rebuild takes is a benchmark (bench/), not a timed test: a loaded machine would make it flaky.
    app = build_app(make_settings(knowledge=SHIPPED_KNOWLEDGE), clock=clock)
    before = app.answerer
    app.desk.learning.rebuild()
    assert app.answerer is not before
    assert app.answerer.decide("c'est quoi un QPV").kind != "unknown"


def _never(*args: object, **kwargs: object) -> None:
    raise AssertionError("the answerer was built again")


@pytest.mark.usefixtures("own_cache")
def test_a_taught_phrasing_is_answered_before_its_answerer_is_on_disk_and_read_back_after(
        settings: Settings, clock: ManualClock, monkeypatch: pytest.MonkeyPatch) -> None:
    app = build_app(settings, clock=clock)
    question = "comment participer aux reunions des habitants"
    ask_team(app, AWA, question)
    gate = threading.Event()
    keep = prepared._keep

    def slow_disk(path: Path, answerer: Answerer) -> None:
        gate.wait(30)
        keep(path, answerer)

    monkeypatch.setattr(prepared, "_keep", slow_disk)
    try:
        app.hotline.on_button(CLAIRE, f"tk:link:{only_ticket(app)}:cc-rejoindre")
        decision = app.faq.decide(MALIK, question)
        assert decision.entry is not None and decision.entry.id == "cc-rejoindre"  # in service at once
        assert not prepared.settled(0)  # still being written
    finally:
        gate.set()
    assert prepared.settled(30)
    monkeypatch.setattr(Answerer, "__init__", _never)  # the restart reads back, builds nothing
    decision = build_app(settings, clock=clock).faq.decide(BINTA, question)
    assert decision.entry is not None and decision.entry.id == "cc-rejoindre"


def _served_knowledge(app: App) -> KnowledgeBase:
    """What the database says the hotline serves, read afresh."""
    learning = app.desk.learning
    with app.db.session() as session:
        base = learning.edited_base(session)
        extra = learning.extras(session, base)
    return base.with_entries(extra) if extra else base


def test_a_console_edit_serves_the_answerer_its_check_built(app: App, clock: ManualClock) -> None:
    # A phrasing taught first: the learned entry is served after the files' entries, and so is the version
    # published next; the check reads the knowledge in that order.
    ask_team(app, AWA, "comment participer aux reunions des habitants")
    app.hotline.on_button(CLAIRE, f"tk:link:{only_ticket(app)}:cc-rejoindre")
    form = app.desk.editor.form("faq", "cc-definition")
    assert form is not None
    form["alternates"] += "\nle conseil des habitants du quartier c'est quoi au juste"
    saved = app.desk.editor.save(REVIEWER, "faq", "cc-definition", form)
    assert saved.edit is not None and saved.verdict.answerer is app.answerer  # not built a second time
    assert app.answerer.kb == _served_knowledge(app)
    assert app.answerer.kb.faq[-1].id == "cc-rejoindre"
    decision = app.faq.decide(MALIK, "le conseil des habitants du quartier c'est quoi au juste")
    assert decision.entry is not None and decision.entry.id == "cc-definition"


def test_a_console_edit_checked_in_another_knowledge_is_built_again(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another version was stored between the check and the save (its id guessed wrong): built for what is served.
    monkeypatch.setattr(app.desk.learning, "next_edit_id", lambda: 99)
    form = app.desk.editor.form("faq", "cc-definition")
    assert form is not None
    form["alternates"] += "\nle conseil des habitants du quartier c'est quoi au juste"
    saved = app.desk.editor.save(REVIEWER, "faq", "cc-definition", form)
    assert saved.edit is not None and saved.verdict.answerer is not None
    assert saved.verdict.answerer is not app.answerer and app.answerer.kb == _served_knowledge(app)
    decision = app.faq.decide(MALIK, "le conseil des habitants du quartier c'est quoi au juste")
    assert decision.entry is not None and decision.entry.id == "cc-definition"
