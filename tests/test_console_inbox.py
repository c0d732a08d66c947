"""The inbox in the console: filters, the thread, and every action through the desk's own services."""

from __future__ import annotations

from sqlmodel import select

from bot.app import App
from bot.clock import ManualClock
from bot.core.replies import Sender
from bot.storage.models import AuditEntry, LearnedPhrasing, Member, Outbound, Profile, Ticket
from tests.support.console import signed_in
from tests.test_desk_tickets import UNKNOWN_QUESTION, ask_team, deliver

AWA = Sender(channel="telegram", user_id="1001", chat_id="1001", display_name="Awa Telegram")
MALIK = Sender(channel="telegram", user_id="1002", chat_id="1002", display_name="Malik")


def give_profile(app: App, sender: Sender, pseudonym: str, council: str, clock: ManualClock) -> None:
    with app.db.session() as session:
        member = session.exec(select(Member).where(Member.external_id == sender.user_id)).one()
        session.add(Profile(member_id=member.id, pseudonym=pseudonym, council_id=council, role="conseiller",
                            consent_at=clock.now(), updated_at=clock.now()))
        session.commit()


async def test_a_reply_from_the_console_reaches_the_member_like_a_telegram_reply(app: App, clock: ManualClock) -> None:
    # Given Awa (introduced as "Awa D." of Quartier Nord) whose question went to the team
    ask_team(app, AWA)
    give_profile(app, AWA, "Awa D.", "quartier-nord", clock)
    browser, csrf = signed_in(app)

    # The inbox lists it with her pseudonym and council, not her Telegram name
    inbox = browser.get("/questions").text
    assert UNKNOWN_QUESTION in inbox and "Awa D." in inbox and "Quartier Nord" in inbox
    assert "Awa Telegram" not in inbox

    # When Claire answers in the console
    page = browser.get("/questions/1")
    assert "Votre réponse à Awa D." in page.text
    done = browser.post("/questions/1/repondre", data={"csrf_token": csrf, "texte": "Voici le site de Météo-France."})
    assert done.status_code == 303
    assert "Réponse envoyée à Awa D." in browser.get("/questions/1").text  # the desk's own words

    # Then the answer goes to Awa through the outbox, with the same buttons as a Telegram reply
    sent = (await deliver(app, clock)).take(AWA.chat_id)
    [answer] = [m for m in sent if "Météo-France" in m.text]
    assert "Répondre à l'équipe" in str(answer.buttons)
    with app.db.session() as session:
        ticket = session.exec(select(Ticket)).one()
    assert ticket.status == "answered" and ticket.taken_by == "Claire" and ticket.taken_by_id == "4242"
    with app.db.session() as session:
        audit = session.exec(select(AuditEntry).where(AuditEntry.action == "ticket.reply")).one()
    assert audit.staff_name == "Claire" and audit.target == "ticket:1"
    assert "Météo" not in audit.detail and "Awa" not in audit.detail  # the log outlives erasure: no member data


def test_filters_by_status_council_taker_and_age(app: App, clock: ManualClock) -> None:
    ask_team(app, AWA)
    give_profile(app, AWA, "Awa D.", "quartier-nord", clock)
    from datetime import timedelta

    clock.advance(timedelta(days=2))
    ask_team(app, MALIK, "combien coûte une salle municipale")
    browser, csrf = signed_in(app)
    browser.post("/questions/2/prendre", data={"csrf_token": csrf})

    def listed(query: str) -> list[str]:
        text = browser.get(f"/questions?{query}").text
        return [q for q in (UNKNOWN_QUESTION, "combien coûte une salle municipale") if q in text]

    assert len(listed("")) == 2
    assert 'hx-get="/questions?statut=open&amp;par=moi" hx-trigger="every 30s"' in browser.get(
        "/questions?par=moi").text  # the list refreshes itself, with its filters
    assert listed("conseil=quartier-nord") == [UNKNOWN_QUESTION]
    assert listed("conseil=-") == ["combien coûte une salle municipale"]
    assert listed("par=moi") == ["combien coûte une salle municipale"]
    assert listed("par=-") == [UNKNOWN_QUESTION]
    assert listed("age=1d") == [UNKNOWN_QUESTION]
    assert listed("statut=taken") == ["combien coûte une salle municipale"]
    assert listed("statut=closed") == []


def test_take_close_and_attach_to_an_entry(app: App, clock: ManualClock) -> None:
    ask_team(app, AWA)
    browser, csrf = signed_in(app)
    page = browser.get("/questions/1").text
    assert "Rattacher à une fiche" in page and "Prise en charge" not in page
    browser.post("/questions/1/prendre", data={"csrf_token": csrf})
    with app.db.session() as session:
        assert session.get(Ticket, 1).status == "taken"  # type: ignore[union-attr]
    entry = app.faq.answerer.kb.faq[0].id
    attached = browser.post("/questions/1/rattacher", data={"csrf_token": csrf, "fiche": entry})
    assert attached.status_code == 303
    with app.db.session() as session:
        [phrasing] = session.exec(select(LearnedPhrasing)).all()
    assert phrasing.entry_id == entry and phrasing.created_by == "Claire"
    browser.post("/questions/1/clore", data={"csrf_token": csrf})
    with app.db.session() as session:
        assert session.get(Ticket, 1).status == "closed"  # type: ignore[union-attr]
        relays = session.exec(select(Outbound).where(Outbound.chat_id == AWA.chat_id)).all()
    assert any("clos" in r.text for r in relays)


def test_send_to_similar_questions_shows_the_list_before_sending(app: App, clock: ManualClock) -> None:
    ask_team(app, AWA, "où trouver un plombier pas cher")
    app.hotline.on_text(MALIK, "où trouver un plombier pas cher svp")
    browser, csrf = signed_in(app)
    browser.post("/questions/1/repondre", data={"csrf_token": csrf, "texte": "Voyez l'annuaire de la mairie."})
    with app.db.session() as session:
        before = len(session.exec(select(Outbound)).all())
    listing = browser.get("/questions/1/semblables").text
    assert "où trouver un plombier pas cher svp" in listing and "Envoyer à ces 1 membre" in listing
    with app.db.session() as session:
        assert len(session.exec(select(Outbound)).all()) == before  # nothing sent by looking
    browser.post("/questions/1/envoyer-semblables", data={"csrf_token": csrf})
    with app.db.session() as session:
        shared = session.exec(select(Outbound).where(Outbound.chat_id == MALIK.chat_id)).all()
    assert len(shared) == 1 and "annuaire de la mairie" in shared[0].text
