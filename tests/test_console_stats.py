"""Statistics in the console: a chart as a picture, with the numbers beside it."""

from __future__ import annotations

from datetime import timedelta

from bot.app import App
from bot.clock import ManualClock
from bot.core.replies import Sender
from tests.support.console import signed_in

AWA = Sender(channel="telegram", user_id="1001", chat_id="1001", display_name="Awa")


def test_the_stats_page_draws_the_weeks_and_shows_the_numbers(app: App, clock: ManualClock) -> None:
    entry = app.faq.answerer.kb.faq[0]
    for _ in range(3):
        app.hotline.on_text(AWA, entry.question)
    clock.advance(timedelta(days=7))
    app.hotline.on_text(AWA, "quel temps fera-t-il demain")
    browser, _ = signed_in(app)
    page = browser.get("/statistiques").text
    assert page.count("<svg") == 3 and 'aria-label="Questions par semaine"' in page
    assert page.count('class="bar"') == 4 + 7  # four weeks, seven days
    assert '<text x="' in page and ">3</text>" in page  # the value written on its bar
    assert '<td class="num">3</td>' in page and '<td class="num">1</td>' in page  # the same numbers in the table
    assert "« quel temps fera-t-il demain »" in page and "conseil non renseigné" in page
