"""Only staff signed in through a one-time link get anything from the console, and only with a CSRF token."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlmodel import select
from starlette.routing import Mount, Route

from bot.app import App
from bot.clock import ManualClock
from bot.config import Settings
from bot.console.security import SESSION_COOKIE
from bot.core.replies import Sender
from bot.storage.models import AuditEntry, ConsoleLink, ConsoleSession
from tests.conftest import STAFF_CHAT, STAFF_USER
from tests.support.console import CLAIRE, client, csrf_of, signed_in, token_of
from tests.support.desk import Bot

MEMBER = Sender(channel="telegram", user_id="1001", chat_id="1001", display_name="Awa")
STAFF_IN_GROUP = Sender(channel="telegram", user_id=str(STAFF_USER), chat_id=str(STAFF_CHAT), display_name="Claire M",
                        in_group=True)


def every_route(app: App) -> list[tuple[str, str]]:
    """(method, path) of every registered page, path parameters filled with plausible values."""
    found = []
    for route in client(app).app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Mount):
            continue  # /static: the stylesheet and htmx, the same for everyone
        assert isinstance(route, Route)
        path = route.path.replace("{id}", "1").replace("{token}", "x" * 43)
        path = path.replace("{key}", "demarches").replace("{kind}", "faq")
        for method in sorted(route.methods or ()):
            if method != "HEAD":
                found.append((method, path))
    return found


def test_every_page_and_form_refuses_a_visitor_without_a_session(app: App) -> None:
    browser = client(app)
    routes = every_route(app)
    assert len(routes) >= 8
    for method, path in routes:
        response = browser.request(method, path, data={"csrf_token": "0" * 64})
        if path.startswith("/connexion"):
            assert response.status_code in (200, 403), (method, path)  # the sign-in pages, open to all
            assert "Claire" not in response.text
            continue
        assert response.status_code in (303, 401, 403), (method, path, response.status_code)
        if response.status_code == 303:
            assert response.headers["location"] == "/connexion", (method, path)


def test_a_one_time_link_signs_in_once_then_never_again(app: App) -> None:
    browser = client(app)
    token = token_of(app.console.issue_link(CLAIRE))
    page = browser.get(f"/connexion/{token}")
    assert "Ce lien vous connecte en tant que <strong>Claire</strong>" in page.text
    assert browser.get("/questions").status_code == 303  # showing the link does not sign in (link previews)
    done = browser.post(f"/connexion/{token}", data={"csrf_token": csrf_of(page.text)})
    assert done.status_code == 303
    cookie = done.headers["set-cookie"]
    assert f"{SESSION_COOKIE}=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http on the loopback
    assert browser.get("/questions").status_code == 200

    # The same link in another browser: refused, and it signs nobody in
    other = client(app)
    again = other.get(f"/connexion/{token}")
    assert again.status_code == 403 and "déjà servi" in again.text
    csrf = csrf_of(other.get(f"/connexion/{token_of(app.console.issue_link(CLAIRE))}").text)  # a valid form token
    reused = other.post(f"/connexion/{token}", data={"csrf_token": csrf})
    assert reused.status_code == 403 and "déjà servi" in reused.text
    assert other.get("/questions").status_code == 303
    with app.db.session() as session:
        links = session.exec(select(ConsoleLink).order_by(ConsoleLink.id)).all()  # type: ignore[arg-type]
        assert all(link.token_hash != token and len(link.token_hash) == 64 for link in links)  # only hashes kept
        assert [link.used_at is not None for link in links] == [True, False]


def test_forged_and_expired_links_are_refused(app: App, clock: ManualClock) -> None:
    browser = client(app)
    csrf = csrf_of(browser.get(f"/connexion/{token_of(app.console.issue_link(CLAIRE))}").text)
    forged = browser.post("/connexion/" + "A" * 43, data={"csrf_token": csrf})
    assert forged.status_code == 403 and "déjà servi" in forged.text
    token = token_of(app.console.issue_link(CLAIRE))
    clock.advance(timedelta(minutes=11))
    assert browser.get(f"/connexion/{token}").status_code == 403
    assert browser.get("/questions").status_code == 303


def test_a_forged_session_cookie_is_refused(app: App) -> None:
    browser, _ = signed_in(app)
    real = browser.cookies[SESSION_COOKIE]
    token, _, signature = real.rpartition(".")
    forged = client(app)
    forged.cookies.set(SESSION_COOKIE, token + "." + signature[::-1])  # a signature of its own making
    assert forged.get("/questions").status_code == 303
    forged.cookies.clear()
    forged.cookies.set(SESSION_COOKIE, real)  # the genuine cookie still works: the test can fail
    assert forged.get("/questions").status_code == 200


def test_every_form_refuses_a_post_without_the_csrf_token(app: App) -> None:
    browser, _ = signed_in(app)
    for method, path in every_route(app):
        if method != "POST":
            continue
        missing = browser.post(path, data={"texte": "bonjour"})
        wrong = browser.post(path, data={"texte": "bonjour", "csrf_token": "0" * 64})
        assert missing.status_code == 403 and wrong.status_code == 403, path
        assert "formulaire a expiré" in missing.text
    with app.db.session() as session:
        assert session.exec(select(AuditEntry).where(AuditEntry.action != "signin")).all() == []


def test_signing_out_ends_the_session_even_for_a_copied_cookie(app: App) -> None:
    browser, csrf = signed_in(app)
    copied = browser.cookies[SESSION_COOKIE]
    assert browser.post("/deconnexion", data={"csrf_token": csrf}).status_code == 303
    assert browser.get("/questions").status_code == 303
    thief = client(app)
    thief.cookies.set(SESSION_COOKIE, copied)
    assert thief.get("/questions").status_code == 303
    with app.db.session() as session:
        assert session.exec(select(ConsoleSession)).one().revoked_at is not None


def test_sign_in_attempts_are_limited(app: App) -> None:
    browser = client(app)
    statuses = [browser.get("/connexion/" + f"{n:043d}").status_code for n in range(12)]
    assert statuses[:10] == [403] * 10 and statuses[10:] == [429, 429]
    # even a valid link waits: guessing cannot go on
    token = token_of(app.console.issue_link(CLAIRE))
    assert browser.get(f"/connexion/{token}").status_code == 429


def test_the_session_cookie_is_secure_when_the_console_is_on_https(make_settings, clock: ManualClock) -> None:  # type: ignore[no-untyped-def]
    from bot.app import build_app

    app = build_app(make_settings(extra='[console]\npublic_url = "https://console.example.org"'), clock=clock)
    token = token_of(app.console.issue_link(CLAIRE))
    browser = client(app)
    page = browser.get(f"/connexion/{token}")
    done = browser.post(f"/connexion/{token}", data={"csrf_token": csrf_of(page.text)})
    assert "Secure" in done.headers["set-cookie"]


def test_a_member_who_is_not_staff_gets_nothing_from_slash_console(app: App) -> None:
    replies = app.hotline.on_command(MEMBER, "console")
    assert "connexion" not in " ".join(r.text for r in replies)
    with app.db.session() as session:
        assert session.exec(select(ConsoleLink)).all() == []


def test_staff_typing_slash_console_in_the_group_get_the_link_in_private(app: App) -> None:
    private, notice = app.hotline.on_command(STAFF_IN_GROUP, "console")
    assert private.to_chat == str(STAFF_USER) and "/connexion/" in private.text and "une seule fois" in private.text
    assert notice.to_chat is None and "en message privé" in notice.text and "/connexion/" not in notice.text
    token = private.text.split("/connexion/")[1].split()[0]
    assert app.console.peek(token) is not None and app.console.peek(token).name == "Claire M"  # type: ignore[union-attr]


def test_spent_links_ended_sessions_and_old_audit_entries_are_purged(app: App, clock: ManualClock) -> None:
    signed_in(app)
    with app.db.session() as session:
        counts = [len(session.exec(select(table)).all()) for table in (ConsoleLink, ConsoleSession, AuditEntry)]
    assert counts == [1, 1, 1]
    clock.advance(timedelta(days=2))
    app.console.issue_link(CLAIRE)  # issuing a link tidies up
    with app.db.session() as session:
        counts = [len(session.exec(select(table)).all()) for table in (ConsoleLink, ConsoleSession, AuditEntry)]
    assert counts == [1, 0, 1]  # the new link; the audit entry stays a year
    clock.advance(timedelta(days=366))
    app.console.issue_link(CLAIRE)
    with app.db.session() as session:
        assert session.exec(select(AuditEntry)).all() == []


async def test_on_telegram_a_member_gets_no_link_and_staff_get_theirs_in_private(
        make_settings: Callable[..., Settings], clock: ManualClock) -> None:
    """Through PTB's real Application; Telegram says 1001 is not in the staff chat."""
    bot = await Bot(settings=make_settings(), clock=clock).start()
    try:
        await bot.who.says(1001, "/console")
        [refused] = bot.api.take()
        assert "/connexion/" not in refused.text and "équipe" in refused.text
        await bot.who.says(STAFF_USER, "/console", chat_id=STAFF_CHAT, chat_type="supergroup", first_name="Claire")
        private, notice = bot.api.take()
        assert private.params["chat_id"] == STAFF_USER and "/connexion/" in private.text
        assert notice.params["chat_id"] == STAFF_CHAT and "/connexion/" not in notice.text
        assert bot.app is not None
        with bot.app.db.session() as session:
            assert len(session.exec(select(ConsoleLink)).all()) == 1  # only Claire's
    finally:
        await bot.stop()
