"""Per-council views: targeting a territory or a council, the member's council and territory first
(latest announcements, /agenda), the delivery report, and members who blocked the bot."""

from __future__ import annotations

from bot.app import App
from bot.channels.memory_transport import MemoryTransport
from bot.core.replies import Reply, Sender
from bot.delivery.dispatcher import Dispatcher
from tests.conftest import STAFF_CHAT, STAFF_USER, TelegramHarness
from tests.support.announce import announcement_rows, deliver, subscribe
from tests.support.desk import NO_LIMITS
from tests.support.events import button, labels, member, register, text

AWA, BILAL, CHLOE, DAVID = member(1001, "Awa"), member(1002, "Bilal"), member(1003, "Chloé"), member(1004, "David")
CLAIRE = Sender(channel="telegram", user_id=str(STAFF_USER), chat_id=str(STAFF_CHAT), display_name="Claire",
                in_group=True)


def toggle(app: App, who: Sender, label: str) -> list[Reply]:
    panel = app.hotline.on_command(who, "abonnements")
    return app.hotline.on_button(who, button(panel, label))


def staff_announce(app: App, topic: str, target: list[str], body: str) -> list[Reply]:
    """Claire writes an announcement: topic, target buttons (e.g. ["an:tc", "an:c:quartier-nord"]), text, send."""
    app.hotline.on_command(CLAIRE, "annonce")
    app.hotline.on_button(CLAIRE, f"an:t:{topic}")
    for data in target:
        app.hotline.on_button(CLAIRE, data)
    preview = app.hotline.on_text(CLAIRE, body)
    return preview + app.hotline.on_button(CLAIRE, "an:send")


async def send_all(app: App) -> MemoryTransport:
    transport = MemoryTransport()
    await app.announce.service.run()
    await Dispatcher(db=app.db, transport=transport, clock=app.clock, limits=NO_LIMITS).drain()  # type: ignore[arg-type]
    return transport


def people(app: App) -> None:
    """Awa (Quartier Nord, by her profile), Bilal (Quartier Sud, given for "my territory"), David (Saint-Nazaire),
    all subscribed to "my territory"; Chloé subscribed to the agenda only, council unknown."""
    register(app, AWA, "webinaire-janvier", name="Awa", council="quartier-nord")
    assert "vous recevrez « Mon territoire »" in text(toggle(app, AWA, "de mon territoire"))
    asked = toggle(app, BILAL, "de mon territoire")
    assert "conseil citoyen" in text(asked) and "Je préfère ne pas le dire" in labels(asked)
    app.hotline.on_button(BILAL, button(asked, "Quartier Sud"))
    asked = toggle(app, DAVID, "de mon territoire")
    app.hotline.on_button(DAVID, button(asked, "Centre-ville"))
    toggle(app, CHLOE, "L'agenda du centre")


async def test_an_announcement_for_one_council_reaches_only_its_members(app: App) -> None:
    people(app)
    shown = staff_announce(app, "territoire", ["an:tc", "an:c:quartier-nord"], "Réunion du conseil jeudi.")
    assert "Destinataires : <b>1</b> (Conseil citoyen Quartier Nord)" in text(shown)
    sent = (await send_all(app)).take()
    assert [m.chat_id for m in sent if "Réunion du conseil" in m.text] == [AWA.chat_id]
    [message] = [m for m in sent if m.chat_id == AWA.chat_id]
    assert "📍 Pour votre conseil citoyen (Conseil citoyen Quartier Nord)" in message.text


async def test_an_announcement_for_a_territory_reaches_its_councils_and_no_other(app: App) -> None:
    people(app)
    staff_announce(app, "territoire", ["an:tt", "an:tr:0"], "Le contrat de ville de la métropole est signé.")
    sent = (await send_all(app)).take()
    assert sorted(m.chat_id for m in sent if "est signé" in m.text) == [AWA.chat_id, BILAL.chat_id]
    assert "📍 Pour votre territoire : Nantes Métropole" in sent[0].text


def test_the_territory_topic_needs_a_target_and_forged_targets_are_refused(app: App) -> None:
    app.hotline.on_command(CLAIRE, "annonce")
    who = app.hotline.on_button(CLAIRE, "an:t:territoire")
    assert "Tous les abonnés" not in labels(who) and "choisissez un territoire ou un conseil" in text(who)
    for forged in ("an:all", "an:tr:99", "an:c:nulle-part", "an:t:agenda", "an:send"):
        assert "n'est plus valable" in text(app.hotline.on_button(CLAIRE, forged))


def test_a_member_button_naming_an_unknown_topic_or_council_is_refused(app: App) -> None:
    for forged in ("ab:t:meteo", "ab:c:nulle-part", "ab:x", "ab:t"):
        assert "n'est plus valable" in text(app.hotline.on_button(AWA, forged))


def test_a_member_who_keeps_their_council_to_themselves_gets_no_territory_news(app: App) -> None:
    asked = toggle(app, CHLOE, "de mon territoire")
    said = app.hotline.on_button(CHLOE, button(asked, "Je préfère ne pas le dire"))
    assert "Sans votre conseil" in text(said)
    assert "⬜ 📍 Les nouvelles de mon territoire" in labels(app.hotline.on_command(CHLOE, "abonnements"))


async def test_the_latest_announcements_show_the_members_council_and_territory_first(app: App) -> None:
    people(app)
    toggle(app, AWA, "L'agenda du centre")
    staff_announce(app, "agenda", ["an:all"], "Annonce pour tout le monde.")
    staff_announce(app, "territoire", ["an:tt", "an:tr:1"], "Annonce pour Saint-Nazaire.")
    staff_announce(app, "territoire", ["an:tc", "an:c:quartier-nord"], "Annonce pour Quartier Nord.")
    staff_announce(app, "territoire", ["an:tt", "an:tr:0"], "Annonce pour la métropole.")
    await send_all(app)
    recent = text(app.hotline.on_button(AWA, "ab:recent"))
    assert (recent.index("Annonce pour Quartier Nord") < recent.index("Annonce pour la métropole")
            < recent.index("Annonce pour tout le monde"))
    assert "Saint-Nazaire" not in recent
    assert "Annonce pour Saint-Nazaire" in text(app.hotline.on_button(DAVID, "ab:recent"))


def test_the_agenda_puts_the_members_territory_first(app: App) -> None:
    newcomer = text(app.hotline.on_command(BILAL, "agenda"))
    assert newcomer.index("Webinaire de janvier") < newcomer.index("Interconseil de printemps")
    assert "votre territoire d'abord" not in newcomer
    register(app, AWA, "journee-mai", name="Awa", council="quartier-nord")
    local = text(app.hotline.on_command(AWA, "agenda"))
    assert "votre territoire d'abord" in local
    assert local.index("Comité de pilotage du contrat de ville") < local.index("Interconseil de printemps") \
        < local.index("Webinaire de janvier")


async def test_the_delivery_report_counts_sent_blocked_and_failed_and_blocked_members_are_skipped_next_time(
        telegram: TelegramHarness) -> None:
    app, api, members = telegram.app, telegram.api, telegram.members
    for user in (1001, 1002, 1003):
        await subscribe(members, api, user)
    staff_announce(app, "agenda", ["an:all"], "Première annonce.")
    api.failures += [(403, {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"}),
                     (400, {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"})]
    await deliver(app, telegram.application.bot)
    await members.says(STAFF_USER, "/annonces 1")
    [report] = api.take()[-1:]
    assert "✅ envoyées : 1 · 🚫 bloquées : 1 · ⚠️ échecs : 1" in report.text
    assert [r.status for r in announcement_rows(app, 1)] == ["blocked", "failed", "sent"]

    staff_announce(app, "agenda", ["an:all"], "Deuxième annonce.")
    await deliver(app, telegram.application.bot)
    assert len(announcement_rows(app, 2)) == 2  # the member who blocked the bot is not queued again
    await members.says(STAFF_USER, "/annonces")
    [listing] = api.take()[-1:]
    assert "Annonce n° 2" in listing.text and "déjà bloqués (non envoyés) : 1" in listing.text
