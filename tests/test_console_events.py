"""Events from the console: every field checked, registrants per council, CSV, cancellation that tells people,
attendance after the event."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from bot.app import App
from bot.clock import ManualClock
from bot.storage.models import Event, Outbound, Registration
from tests.support.console import signed_in
from tests.support.events import member, register

FORM = {"kind": "cafe_citoyen", "title": "Café citoyen du Quartier Nord", "start": "2026-01-20 18:30",
        "end": "2026-01-20 20:00", "month": "", "place": "Maison de quartier", "online_url": "", "audience": "Tous",
        "territory": "", "capacity": "2", "deadline": "2026-01-19 12:00", "description": "Un moment pour se parler.",
        "price": "Gratuit"}


def test_create_with_every_field_then_registrants_csv_cancel_and_attendance(app: App, clock: ManualClock) -> None:
    browser, csrf = signed_in(app)
    bad = browser.post("/evenements/nouveau", data={"csrf_token": csrf, **FORM, "start": "mardi prochain",
                                                    "capacity": "deux", "online_url": "zoom"})
    assert bad.status_code == 422
    for field in ("start", "capacity", "online_url"):
        assert f'id="problem-{field}"' in bad.text
    created = browser.post("/evenements/nouveau", data={"csrf_token": csrf, **FORM})
    assert created.status_code == 303
    with app.db.session() as session:
        event = session.exec(select(Event).where(Event.title == FORM["title"])).one()
    assert event.place == "Maison de quartier" and event.capacity == 2 and event.price == "Gratuit"
    assert event.status == "planned" and event.registration_deadline is not None and event.ends_at is not None
    assert FORM["title"] in browser.get("/evenements").text

    awa, malik = member(1001, "Awa"), member(1002, "Malik")
    register(app, awa, event.slug, name="Awa D.", council="quartier-nord")
    register(app, malik, event.slug, name="Malik", council="quartier-sud")
    page = browser.get(f"/evenements/{event.id}").text
    assert "Conseil citoyen Quartier Nord" in page and "Awa D." in page and "2</strong> sur 2 places" in page
    csv = browser.get(f"/evenements/{event.id}/inscrits.csv")
    assert csv.headers["content-type"].startswith("text/csv") and "Awa D.;Conseil citoyen Quartier Nord" in \
        csv.content.decode("utf-8-sig")

    # moved: both are told
    browser.post(f"/evenements/{event.id}", data={"csrf_token": csrf, **FORM, "start": "2026-01-21 18:30",
                                                  "end": ""})
    with app.db.session() as session:
        moved = session.exec(select(Outbound).where(Outbound.purpose != "reminder")).all()
    assert {o.chat_id for o in moved if "21" in o.text} >= {"1001", "1002"}

    # after the event: who came
    clock.set(clock.now() + timedelta(days=20))
    with app.db.session() as session:
        regs = session.exec(select(Registration)).all()
    assert browser.get(f"/evenements/{event.id}").status_code == 303  # the session has expired since
    browser, csrf = signed_in(app)
    assert "Qui est venu ?" in browser.get(f"/evenements/{event.id}").text
    browser.post(f"/evenements/{event.id}/presences", data={"csrf_token": csrf, "present": str(regs[0].id)})
    with app.db.session() as session:
        marked = {r.id: r.attended_at for r in session.exec(select(Registration))}
    assert marked[regs[0].id] is not None and marked[regs[1].id] is None

    # cancelling needs the box ticked
    browser.post(f"/evenements/{event.id}/annuler", data={"csrf_token": csrf})
    with app.db.session() as session:
        assert session.get(Event, event.id).status == "planned"  # type: ignore[union-attr]
    browser.post(f"/evenements/{event.id}/annuler", data={"csrf_token": csrf, "confirmer": "oui"})
    with app.db.session() as session:
        assert session.get(Event, event.id).status == "cancelled"  # type: ignore[union-attr]
