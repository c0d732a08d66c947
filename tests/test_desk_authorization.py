"""Every staff command and every staff button refuses anyone else, with a clear message — through Telegram,
where the hotline asks the staff chat (getChatMember) and is told the person is not in it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlmodel import select

from bot.clock import ManualClock
from bot.config import Settings
from bot.storage.models import KnowledgeEdit, LearnedEntry, LearnedPhrasing, Outbound
from tests.conftest import STAFF_CHAT, STAFF_USER
from tests.support.desk import Bot

AWA, MALIK = 1001, 1002
STAFF_COMMANDS = ["repondre {id} Voici la réponse", "prendre {id}", "clore {id}", "questions", "rattacher {id} cc-definition",
                  "fiche {id}", "stats"]
STAFF_BUTTONS = ["take:{id}", "reply:{id}", "close:{id}", "attach:{id}", "link:{id}:cc-definition", "learn:{id}",
                 "similar:{id}", "send:{id}", "nosend:{id}"]


@pytest.fixture
async def bot(settings: Settings, clock: ManualClock) -> AsyncIterator[Bot]:
    running = await Bot(settings=settings, clock=clock).start()
    yield running
    if running.app is not None:
        await running.stop()


async def answered_ticket(bot: Bot) -> int:
    """Awa's question, sent to the staff and answered (so every staff action has something to act on)."""
    await bot.who.says(AWA, "quel temps fera-t-il demain")
    [unknown] = bot.api.take()
    await bot.who.presses(AWA, unknown.button_data("Poser la question"))
    [ticket] = bot.tickets()
    assert ticket.id is not None
    await bot.who.says(STAFF_USER, f"/repondre {ticket.id} Regardez le site de Météo-France.")
    await bot.deliver()
    bot.api.take()
    return ticket.id


def footprint(bot: Bot) -> tuple[object, ...]:
    """Everything a staff action could change."""
    assert bot.app is not None
    with bot.app.db.session() as session:
        outbound = len(list(session.exec(select(Outbound))))
        learned = (len(list(session.exec(select(LearnedEntry)))) + len(list(session.exec(select(LearnedPhrasing))))
                   + len(list(session.exec(select(KnowledgeEdit)))))
    ticket = bot.tickets()[0]
    return outbound, learned, ticket.status, ticket.taken_by, ticket.answer


@pytest.mark.parametrize("command", STAFF_COMMANDS, ids=lambda c: c.split()[0])
async def test_a_staff_command_from_a_member_is_refused(bot: Bot, command: str) -> None:
    ticket_id = await answered_ticket(bot)
    before = footprint(bot)
    await bot.who.says(MALIK, "/" + command.format(id=ticket_id))
    [refusal] = bot.api.take()
    assert refusal.params["chat_id"] == MALIK
    assert refusal.text == "Cette commande est réservée à l'équipe du centre de ressources."
    assert footprint(bot) == before


@pytest.mark.parametrize("button", STAFF_BUTTONS, ids=lambda b: b.split(":")[0])
async def test_a_staff_button_pressed_by_a_member_is_refused(bot: Bot, button: str) -> None:
    ticket_id = await answered_ticket(bot)
    before = footprint(bot)
    await bot.who.presses(MALIK, "tk:" + button.format(id=ticket_id))
    [refusal] = bot.api.take()
    assert refusal.text == "Ce bouton est réservé à l'équipe du centre de ressources."
    assert footprint(bot) == before


async def test_the_staff_chat_is_asked_before_refusing(bot: Bot) -> None:
    await bot.who.says(MALIK, "/stats")
    checks = [c for c in bot.api.calls if c.method == "getChatMember"]
    assert [c.params["user_id"] for c in checks] == [MALIK]
    assert "réservée à l'équipe" in bot.api.take()[-1].text


@pytest.mark.parametrize("action", ["answer", "done", "cancel"])
async def test_a_member_cannot_act_on_someone_elses_ticket(bot: Bot, action: str) -> None:
    ticket_id = await answered_ticket(bot)
    before = footprint(bot)
    await bot.who.presses(MALIK, f"mt:{action}:{ticket_id}")
    [refusal] = bot.api.take()
    assert refusal.text == "Ce bouton concerne une question qui n'est pas la vôtre."
    assert footprint(bot) == before


async def test_a_member_cannot_open_a_ticket_on_someone_elses_question(bot: Bot) -> None:
    await bot.who.says(AWA, "quel temps fera-t-il demain")
    [unknown] = bot.api.take()
    await bot.who.presses(MALIK, unknown.button_data("Poser la question"))
    [refusal] = bot.api.take()
    assert "plus valable" in refusal.text and bot.tickets() == []


async def test_replying_to_someone_elses_relayed_answer_does_not_join_their_ticket(bot: Bot) -> None:
    ticket_id = await answered_ticket(bot)
    relayed = bot.message_id(chat_id=AWA, purpose="relay")
    await bot.who.says(MALIK, "et moi ?", reply_to=relayed)
    [reply] = bot.api.take()
    assert "transmis" not in reply.text
    assert bot.app is not None
    with bot.app.db.session() as session:
        rows = list(session.exec(select(Outbound).where(Outbound.chat_id == str(STAFF_CHAT),
                                                         Outbound.ref == f"ticket:{ticket_id}")))
    assert len(rows) == 1  # only the first post: nothing from Malik reached the staff


async def test_forged_staff_buttons_from_staff_get_the_expired_message(bot: Bot) -> None:
    await answered_ticket(bot)
    for data in ("tk:take", "tk:take:abc", "tk:explode:1", "tk:link:1", "tk:take:1:2"):
        await bot.who.presses(STAFF_USER, data, chat_id=STAFF_CHAT)
        [reply] = bot.api.take()
        assert "plus valable" in reply.text, data
    await bot.who.presses(STAFF_USER, "tk:take:999", chat_id=STAFF_CHAT)
    assert "Je ne trouve pas de question n° 999" in bot.api.take()[0].text
