"""The whole escalation cycle through PTB's real Application, with a restart between every two steps:
member question → post in the staff group → staff reply → member receives it → member answers back →
same ticket → staff closes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from sqlmodel import select

from bot.clock import ManualClock
from bot.config import Settings
from bot.storage.models import TicketMessage
from tests.conftest import STAFF_CHAT, STAFF_USER
from tests.support.databases import Database
from tests.support.desk import Bot

AWA = 1001
GROUP = {"chat_id": STAFF_CHAT, "chat_type": "supergroup"}


@pytest.fixture
async def bot(make_settings: Callable[..., Settings], database: Database, clock: ManualClock) -> AsyncIterator[Bot]:
    """The hotline on a real SQLite file and on PostgreSQL (when TEST_DATABASE_URL is set)."""
    running = await Bot(settings=make_settings(database_url=database.url), clock=clock).start()
    yield running
    if running.app is not None:
        await running.stop()


async def test_the_full_cycle_survives_a_restart_between_every_two_steps(bot: Bot) -> None:
    # Given a member whose question the hotline cannot answer
    await bot.who.says(AWA, "quel temps fera-t-il demain", first_name="Awa <3")
    [unknown] = bot.api.take()
    assert "✉️ Poser la question à l'équipe" in unknown.button_labels
    await bot.restart()

    # When she taps "ask the team", the ticket is stored before she is told, with an honest waiting time
    await bot.who.presses(AWA, unknown.button_data("Poser la question"), first_name="Awa <3")
    [sent] = bot.api.take()
    [ticket] = bot.tickets()
    assert f"n° {ticket.id}" in sent.text and "transmis" in sent.text
    assert "aujourd'hui avant 10 h" in sent.text  # Monday 9:00 in Paris, nobody else waiting
    assert ticket.status == "new" and ticket.question == "quel temps fera-t-il demain"
    await bot.restart()

    # Then the staff group gets the question, who she is (no profile yet: her member number, never her
    # Telegram name), the bot's guesses and the four buttons
    report = await bot.deliver()
    assert report.sent == 1
    [post] = bot.api.take()
    assert post.params["chat_id"] == STAFF_CHAT
    assert "quel temps fera-t-il demain" in post.text and "Membre n° 1" in post.text and "Awa" not in post.text
    assert "conseil non renseigné" in post.text
    assert post.button_labels == ["🙋 Je m'en occupe", "✍️ Répondre", "✅ Clore", "📎 Rattacher à une fiche"]
    await bot.restart()

    # When a staff member takes it, the member is told
    await bot.who.presses(STAFF_USER, post.button_data("Je m'en occupe"), chat_id=STAFF_CHAT, first_name="Claire")
    [took] = bot.api.take()
    assert took.params["chat_id"] == STAFF_CHAT and "Claire s'occupe de la question" in took.text
    await bot.deliver()
    [taken] = bot.api.take()
    assert taken.params["chat_id"] == AWA and "Claire, de l'équipe, s'occupe de votre question" in taken.text
    assert bot.tickets()[0].status == "taken" and bot.tickets()[0].taken_by == "Claire"
    await bot.restart()

    # When she replies to the post in the staff group, the answer is relayed to the member
    post_id = bot.message_id(chat_id=STAFF_CHAT, purpose="ticket")
    await bot.who.says(STAFF_USER, "Nous ne donnons pas la météo, mais voici le site de Météo-France.",
                       reply_to=post_id, first_name="Claire", **GROUP)
    [relayed] = bot.api.take()
    assert relayed.params["chat_id"] == STAFF_CHAT and "Réponse envoyée à Membre n° 1" in relayed.text
    await bot.restart()
    await bot.deliver()
    [answer] = bot.api.take()
    assert answer.params["chat_id"] == AWA and "Météo-France" in answer.text
    assert "↩️ Répondre à l'équipe" in answer.button_labels
    assert bot.tickets()[0].status == "answered"
    await bot.restart()

    # When the member answers back (Telegram reply to the relayed message), it joins the same ticket
    answer_id = bot.message_id(chat_id=AWA, purpose="relay")
    await bot.who.says(AWA, "Merci, et pour la pollution ?", reply_to=answer_id, first_name="Awa <3")
    [ack] = bot.api.take()
    assert f"question n° {ticket.id}" in ack.text
    [same] = bot.tickets()
    assert same.id == ticket.id and same.status == "taken"
    await bot.restart()
    await bot.deliver()
    [follow_up] = bot.api.take()
    assert follow_up.params["chat_id"] == STAFF_CHAT and "pour la pollution" in follow_up.text
    assert follow_up.params["reply_parameters"]["message_id"] == post_id  # threaded under the first post
    await bot.restart()

    # When the staff close it, the member is told, and the thread holds the whole story
    await bot.who.presses(STAFF_USER, follow_up.button_data("Clore"), chat_id=STAFF_CHAT, first_name="Claire")
    [closed] = bot.api.take()
    assert "close" in closed.text
    await bot.restart()
    await bot.deliver()
    [told] = bot.api.take()
    assert told.params["chat_id"] == AWA and "clos votre question" in told.text
    assert bot.tickets()[0].status == "closed"
    assert bot.app is not None
    with bot.app.db.session() as session:
        thread = list(session.exec(select(TicketMessage).where(TicketMessage.ticket_id == ticket.id)))
    assert [m.author for m in thread] == ["member", "staff", "member"]


async def test_the_member_can_answer_back_with_the_button_and_close_the_ticket_herself(bot: Bot) -> None:
    await bot.who.says(AWA, "quel temps fera-t-il demain")
    [unknown] = bot.api.take()
    await bot.who.presses(AWA, unknown.button_data("Poser la question"))
    bot.api.take()
    [ticket] = bot.tickets()
    await bot.who.says(STAFF_USER, f"/repondre {ticket.id} Regardez le site de Météo-France.")
    await bot.deliver()
    answer = next(c for c in bot.api.take() if c.params["chat_id"] == AWA)
    await bot.who.presses(AWA, answer.button_data("Répondre à l'équipe"))
    [prompt] = bot.api.take()
    assert "écrivez votre message" in prompt.text.lower()
    await bot.restart()  # the flow in progress is in the database
    await bot.who.says(AWA, "Et pour demain soir ?")
    [ack] = bot.api.take()
    assert "transmis" in ack.text
    assert len(bot.tickets()) == 1
    await bot.deliver()
    bot.api.take()
    await bot.who.presses(AWA, answer.button_data("C'est réglé"))
    [closed] = bot.api.take()
    assert "close" in closed.text and bot.tickets()[0].status == "closed"


async def test_staff_chat_chatter_that_is_not_a_reply_is_ignored(bot: Bot) -> None:
    await bot.who.says(STAFF_USER, "Qui a vu passer la question de ce matin ?", **GROUP)
    assert bot.api.take() == []


async def test_a_private_staff_command_asks_telegram_once_whether_the_person_is_in_the_staff_chat(
        bot: Bot) -> None:
    colleague = 5151
    bot.api.staff_chat_members.add(colleague)  # type: ignore[attr-defined]
    await bot.who.says(colleague, "/questions")
    await bot.who.says(colleague, "/stats")
    checks = [c for c in bot.api.calls if c.method == "getChatMember"]
    replies = bot.api.take()
    assert len(checks) == 1 and checks[0].params["chat_id"] == STAFF_CHAT
    assert "Aucune question ouverte" in replies[0].text and "Statistiques" in replies[1].text


async def test_someone_who_left_the_staff_chat_loses_the_staff_rights(bot: Bot) -> None:
    colleague = 5151
    await bot.who.says(colleague, "bonjour à tous", **GROUP)  # speaking in the staff chat: a member of it
    await bot.who.says(colleague, "/questions")
    assert "Aucune question ouverte" in bot.api.take()[-1].text
    await bot.who.sends(colleague, left_chat_member=bot.who.user(colleague), **GROUP)
    await bot.who.says(colleague, "/questions")
    assert "réservée à l'équipe" in bot.api.take()[-1].text
