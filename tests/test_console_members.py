"""Members in the console: found by pseudonym, their data as /mesdonnees shows it, erased only when confirmed."""

from __future__ import annotations

from sqlmodel import select

from bot.app import App
from bot.storage.models import AuditEntry, Member, Profile, QuestionLog
from tests.support.console import signed_in
from tests.support.events import member, register


def test_find_see_and_erase_a_member_with_confirmation(app: App) -> None:
    awa = member(1001, "Nom Telegram")
    register(app, awa, "webinaire-janvier", name="Awa D.", council="quartier-nord")
    app.hotline.on_text(awa, "c'est quoi un conseil citoyen")
    browser, csrf = signed_in(app)
    listing = browser.get("/membres?q=awa").text
    assert "Awa D." in listing and "Nom Telegram" not in listing and "Conseil citoyen Quartier Nord" in listing
    with app.db.session() as session:
        member_id = session.exec(select(Member)).one().id
    data = browser.get(f"/membres/{member_id}").text
    assert "Awa D." in data and "c&#39;est quoi un conseil citoyen" in data

    kept = browser.post(f"/membres/{member_id}/effacer", data={"csrf_token": csrf, "confirmer": "oui"})
    assert kept.status_code == 303
    with app.db.session() as session:
        assert session.exec(select(Profile)).all() != []
    erased = browser.post(f"/membres/{member_id}/effacer", data={"csrf_token": csrf, "confirmer": "EFFACER"})
    assert erased.status_code == 303
    with app.db.session() as session:
        assert session.exec(select(Profile)).all() == []
        assert all(q.text is None for q in session.exec(select(QuestionLog)))
        audit = session.exec(select(AuditEntry).where(AuditEntry.action == "member.erase")).one()
    assert "Awa" not in audit.detail and "profil" in audit.detail
