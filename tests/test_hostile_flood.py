"""A member floods the hotline: past `general.flood_per_minute`, one polite notice, then silence; staff are exempt."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlmodel import func, select

from bot.app import build_app
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import texts
from bot.core.flood import FloodGuard, Verdict
from bot.core.replies import Sender
from bot.storage.models import QuestionLog
from tests.conftest import STAFF_USER, TelegramHarness

FLOODER = 5001
NEIGHBOUR = 5002


def sender(user_id: int) -> Sender:
    return Sender(channel="telegram", user_id=str(user_id), chat_id=str(user_id))


def logged(harness: TelegramHarness) -> int:
    with harness.app.db.session() as session:
        return int(session.exec(select(func.count()).select_from(QuestionLog)).one())


async def test_a_flood_gets_one_polite_notice_then_silence(telegram: TelegramHarness) -> None:
    for n in range(20):
        await telegram.members.says(FLOODER, f"c'est koi un QPV {n}")
    assert len(telegram.api.take()) == 20  # twenty questions a minute are fine
    for n in range(30):
        await telegram.members.says(FLOODER, f"spam {n}")
    [notice] = telegram.api.take()
    assert notice.text == texts.FLOOD_NOTICE
    assert "Attendez une minute" in notice.text
    assert logged(telegram) == 20  # the flood cost no database write


async def test_the_member_is_heard_again_a_minute_later(telegram: TelegramHarness, clock: ManualClock) -> None:
    for n in range(25):
        await telegram.members.says(FLOODER, f"bonjour {n}")
    telegram.api.take()
    clock.advance(timedelta(seconds=61))
    await telegram.members.says(FLOODER, "c'est koi un conseil citoyen")
    [answer] = telegram.api.take()
    assert "Qu'est-ce qu'un conseil citoyen ?" in answer.text


async def test_a_long_flood_gets_at_most_one_notice_a_minute_and_a_trickle_of_answers(
        telegram: TelegramHarness, clock: ManualClock) -> None:
    notices = answers = 0
    for _ in range(5 * 60):  # one message a second for five minutes: 60 a minute
        await telegram.members.says(FLOODER, "bonjour")
        for call in telegram.api.take():
            notices += call.text == texts.FLOOD_NOTICE
            answers += call.text != texts.FLOOD_NOTICE
        clock.advance(timedelta(seconds=1))
    assert answers == 5 * 20
    assert 1 <= notices <= 5


async def test_one_members_flood_does_not_silence_another(telegram: TelegramHarness) -> None:
    for _ in range(40):
        await telegram.members.says(FLOODER, "bonjour")
    telegram.api.take()
    await telegram.members.says(NEIGHBOUR, "c'est koi un QPV")
    [answer] = telegram.api.take()
    assert answer.params["chat_id"] == NEIGHBOUR and answer.text != texts.FLOOD_NOTICE


async def test_buttons_commands_and_photos_count_too(telegram: TelegramHarness) -> None:
    for n in range(20):
        await (telegram.members.presses(FLOODER, f"fb:{n}:1") if n % 3 == 0 else
               telegram.members.says(FLOODER, "/aide") if n % 3 == 1 else
               telegram.members.sends(FLOODER, sticker={"file_id": "s", "file_unique_id": "s", "type": "regular",
                                                        "width": 1, "height": 1, "is_animated": False,
                                                        "is_video": False}))
    telegram.api.take()
    await telegram.members.presses(FLOODER, "fb:1:1")
    [notice] = telegram.api.take()
    assert notice.text == texts.FLOOD_NOTICE


async def test_staff_are_never_held_back(telegram: TelegramHarness) -> None:
    for _ in range(40):
        await telegram.members.says(STAFF_USER, "/aide")
    sent = telegram.api.take()
    assert len(sent) == 40 and all(c.text != texts.FLOOD_NOTICE for c in sent)


async def test_a_flood_in_a_group_is_dropped_without_a_notice(telegram: TelegramHarness) -> None:
    for _ in range(40):
        await telegram.members.says(FLOODER, "/aide", chat_id=-100777, chat_type="supergroup")
    sent = telegram.api.take()
    assert len(sent) == 20 and all(c.text != texts.FLOOD_NOTICE for c in sent)


def test_the_limit_comes_from_the_settings(make_settings: Callable[..., Settings], clock: ManualClock) -> None:
    app = build_app(make_settings(extra="[general]\nflood_per_minute = 3\n"), clock=clock)
    replies = [app.hotline.on_text(sender(FLOODER), "bonjour") for _ in range(5)]
    assert [r[0].text == texts.FLOOD_NOTICE if r else None for r in replies] == [False, False, False, True, None]


def test_the_guard_forgets_members_who_went_quiet(clock: ManualClock) -> None:
    guard = FloodGuard(clock=clock, per_minute=2)
    for n in range(3000):
        assert guard.check(sender(n)) is Verdict.PASS
        clock.advance(timedelta(milliseconds=100))
    assert guard.tracked < 1000
