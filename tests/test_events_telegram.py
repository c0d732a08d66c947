"""A member's whole story through PTB's real Application: agenda → card → register → reminder → cancel."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.events.reminders import materialise_due
from tests.conftest import STAFF_CHAT, STAFF_USER, TelegramHarness
from tests.support.events import outbox

AWA = 1001


async def test_a_member_finds_registers_is_reminded_and_cancels(telegram: TelegramHarness) -> None:
    app, api, members = telegram.app, telegram.api, telegram.members

    await members.says(AWA, "quels webinaires bientôt ?")
    [listing] = api.take()
    assert "Webinaire de janvier" in listing.text and "jeudi 22 janvier 2026 de 18 h à 19 h 30" in listing.text

    await members.presses(AWA, listing.button_data("Webinaire de janvier"))
    [card] = api.take()
    assert "<b>Webinaire de janvier</b>" in card.text
    assert {"✅ S'inscrire", "📆 Ajouter à mon agenda"} <= set(card.button_labels)

    await members.presses(AWA, card.button_data("S'inscrire"))
    [ask_name] = api.take()
    assert "nom ou pseudonyme" in ask_name.text
    await members.says(AWA, "Awa")
    [councils] = api.take()
    await members.presses(AWA, councils.button_data("Quartier Nord"))
    [roles] = api.take()
    await members.presses(AWA, roles.button_data("Membre d'un conseil"))
    [consent] = api.take()
    assert "contact@resovilles.com" in consent.text
    await members.presses(AWA, consent.button_data("J'accepte"))
    [registered] = api.take()
    assert "Votre inscription à « Webinaire de janvier »" in registered.text

    await members.presses(AWA, registered.button_data("Ajouter à mon agenda"))
    [ics] = api.take()
    assert ics.method == "sendDocument"

    app.clock.set(datetime(2026, 1, 21, 17, 0, tzinfo=UTC))  # type: ignore[attr-defined]  # 1 day before
    materialise_due(app.events.ctx)
    await app.delivery.tick()  # the dispatcher with the Telegram transport, on the same recorded Bot API
    [reminder] = api.take()
    assert reminder.params["chat_id"] == AWA and "Rappel" in reminder.text and "demain" in reminder.text
    assert [r.status for r in outbox(app, purpose="reminder")] == ["sent"]

    await members.presses(AWA, reminder.button_data("Annuler mon inscription"))
    [cancelled] = api.take()
    assert "Votre inscription à « Webinaire de janvier » est annulée" in cancelled.text
    app.clock.set(datetime(2026, 1, 22, 15, 0, tzinfo=UTC))  # type: ignore[attr-defined]  # 2 hours before
    assert materialise_due(app.events.ctx).queued == 0
    await app.delivery.tick()
    assert api.take() == []


async def test_a_poster_qr_code_deep_link_opens_the_event_card(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "/start ev_interconseil-printemps")
    [card] = telegram.api.take()
    assert "<b>Interconseil de printemps</b>" in card.text and "dimanche 29 mars 2026" in card.text


async def test_the_staff_get_the_csv_export_as_a_document_in_the_staff_chat(telegram: TelegramHarness) -> None:
    from tests.support.events import member, register

    register(telegram.app, member(AWA), "webinaire-janvier", name="Awa")
    await telegram.members.says(STAFF_USER, "/export webinaire-janvier")
    calls = telegram.api.take()
    [document] = [c for c in calls if c.method == "sendDocument"]
    assert document.params["chat_id"] == STAFF_CHAT
    assert any("groupe de l'équipe" in c.text for c in calls if c.method == "sendMessage")
    assert "Inscrits à « Webinaire de janvier » (lignes : 1)" in document.text
