"""The console in-process (Starlette's TestClient) on the test app, and helpers to sign in."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from bot.app import App, console_services
from bot.clock import ManualClock
from bot.console.access import StaffUser
from bot.console.server import build_console

SECRET = "test-secret-for-the-console-only-0123456789"
CLAIRE = StaffUser(id="4242", name="Claire")


def client(app: App) -> TestClient:
    return TestClient(build_console(console_services(app), secret=SECRET), base_url="http://127.0.0.1:8080",
                      follow_redirects=False)


def token_of(link: str) -> str:
    return link.rsplit("/", 1)[1]


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def signed_in(app: App, staff: StaffUser = CLAIRE) -> tuple[TestClient, str]:
    """A browser signed in as `staff` through a one-time link, and the CSRF token of its forms."""
    browser = client(app)
    link = app.console.issue_link(staff)
    page = browser.get(f"/connexion/{token_of(link)}")
    assert page.status_code == 200, page.text
    done = browser.post(f"/connexion/{token_of(link)}", data={"csrf_token": csrf_of(page.text)})
    assert done.status_code == 303 and done.headers["location"] == "/questions"
    return browser, csrf_of(browser.get("/questions").text)


def populate(app: App, clock: ManualClock) -> None:
    """A few weeks of a small hotline: questions answered or not, tickets in every status, profiles."""
    from datetime import timedelta

    from sqlmodel import select

    from bot.core.replies import Sender
    from bot.storage.models import Member, Profile

    people = [("1001", "Awa D.", "quartier-nord"), ("1002", "Malik", "quartier-sud"), ("1003", "Binta K.", None),
              ("1004", "Chloé", "centre-ville-saint-nazaire"), ("1005", "Jean-Pierre", "quartier-nord")]
    senders = [Sender(channel="telegram", user_id=uid, chat_id=uid, display_name="Nom Telegram") for uid, _, _ in people]
    known = [e.question for e in app.faq.answerer.kb.faq]
    unknown = ["quel temps fera-t-il demain", "qui prête un minibus pour la sortie des enfants",
               "peut on se faire rembourser les trajets", "comment avoir une salle le samedi",
               "qui contacter pour les encombrants rue des Lilas"]
    start = clock.now()
    clock.advance(timedelta(days=-24))
    for day in range(25):
        for index, sender in enumerate(senders):
            if (day + index) % 3 == 0:
                app.hotline.on_text(sender, known[(day + index) % len(known)])
        clock.advance(timedelta(days=1))
    clock.set(start - timedelta(hours=30))
    for index, (sender, question) in enumerate(zip(senders, unknown, strict=True)):
        replies = app.hotline.on_text(sender, question)
        data = next(b.data for r in replies for row in r.buttons for b in row if "Poser la question" in b.label)
        app.hotline.on_button(sender, data)
        clock.advance(timedelta(hours=5 + index))
    with app.db.session() as session:
        for (uid, pseudonym, council), _ in zip(people, senders, strict=True):
            member = session.exec(select(Member).where(Member.external_id == uid)).one()
            if pseudonym != "Binta K.":
                session.add(Profile(member_id=member.id, pseudonym=pseudonym, council_id=council, role="conseiller",
                                    consent_at=clock.now(), updated_at=clock.now()))
        session.commit()
    claire = CLAIRE.as_sender()
    paul = StaffUser(id="4343", name="Paul").as_sender()
    app.desk.tickets.take(claire, 2)
    app.desk.tickets.answer(paul, 3, "Oui, avec le formulaire de remboursement de votre structure porteuse.")
    app.desk.tickets.take(paul, 4)
    clock.set(start)
