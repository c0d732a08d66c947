"""Announcements from the console: the target is checked, the preview counts, nothing leaves before confirming."""

from __future__ import annotations

from sqlmodel import select

from bot.app import App
from bot.clock import ManualClock
from bot.storage.models import Announcement, Member, Subscription
from tests.support.console import signed_in


def subscribers(app: App, clock: ManualClock, n: int, topic: str = "agenda") -> None:
    with app.db.session() as session:
        for index in range(n):
            member = Member(channel="telegram", external_id=str(2000 + index), created_at=clock.now(),
                            last_seen_at=clock.now())
            session.add(member)
            session.flush()
            session.add(Subscription(member_id=member.id, topic=topic, created_at=clock.now()))
        session.commit()


def test_preview_counts_then_confirming_sends(app: App, clock: ManualClock) -> None:
    subscribers(app, clock, 2)
    browser, csrf = signed_in(app)
    form = {"csrf_token": csrf, "sujet": "agenda", "cible": "all", "territoire": "", "conseil": "",
            "texte": "Café citoyen jeudi."}
    preview = browser.post("/annonces/apercu", data=form)
    assert "2 destinataires" in preview.text and "Café citoyen jeudi." in preview.text
    with app.db.session() as session:
        assert session.exec(select(Announcement)).all() == []  # looking sends nothing
    sent = browser.post("/annonces/envoyer", data=form)
    assert sent.status_code == 303 and sent.headers["location"] == "/annonces/1"
    progress = browser.get("/annonces/1", headers={"HX-Request": "true"}).text
    assert 'hx-trigger="every 1s"' in progress and "0 sur 2" in progress and "<html" not in progress


def test_a_territory_announcement_needs_its_territory_and_an_empty_text_is_refused(app: App) -> None:
    browser, csrf = signed_in(app)
    base = {"csrf_token": csrf, "territoire": "", "conseil": "", "texte": "Bonjour"}
    refused = browser.post("/annonces/apercu", data={**base, "sujet": "territoire", "cible": "all"})
    assert refused.status_code == 422 and "choisissez lequel" in refused.text
    empty = browser.post("/annonces/apercu", data={**base, "sujet": "agenda", "cible": "all", "texte": " "})
    assert empty.status_code == 422 and "Écrivez le texte" in empty.text
    nobody = browser.post("/annonces/envoyer", data={**base, "sujet": "agenda", "cible": "all"})
    assert nobody.status_code == 422 and "Personne n&#39;est abonné" in nobody.text
