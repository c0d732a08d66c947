"""What a plain question costs the database: the member's state read once, the question logged once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from bot.app import App
from bot.core.replies import Sender

AWA = Sender(channel="telegram", user_id="1001", chat_id="1001", display_name="Awa")


@contextmanager
def transactions(app: App) -> Iterator[list[str]]:
    """Every transaction begun on the engine while the block runs (reads included)."""
    begun: list[str] = []

    def count(connection: object) -> None:
        begun.append("begin")

    event.listen(app.db.engine, "begin", count)
    try:
        yield begun
    finally:
        event.remove(app.db.engine, "begin", count)


def test_a_plain_question_costs_one_read_and_one_write(app: App) -> None:
    app.hotline.on_text(AWA, "bonjour")  # a known member, as most are
    with transactions(app) as begun:
        replies = app.hotline.on_text(AWA, "c'est quoi un conseil citoyen ?")
    assert "conseil citoyen" in replies[0].text.lower()
    assert len(begun) <= 2


def test_a_first_question_from_someone_new_costs_the_same(app: App) -> None:
    with transactions(app) as begun:
        app.hotline.on_text(AWA, "c'est quoi un conseil citoyen ?")
    assert len(begun) <= 2
