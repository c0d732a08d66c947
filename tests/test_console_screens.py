"""The console as staff see it, on a laptop and on a phone (and the README's pictures)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from bot.app import App
from bot.clock import ManualClock
from tests.support.browser import ConsoleServer, screenshot, serve, sign_in
from tests.support.console import populate


@pytest.fixture
def console(app: App, clock: ManualClock) -> Iterator[ConsoleServer]:
    populate(app, clock)
    server = serve(app)
    yield server
    server.stop()


async def test_the_inbox_and_the_stats_page_with_its_chart(console: ConsoleServer, chromium: Browser,
                                                          tmp_path: Path) -> None:
    page = await sign_in(chromium, console)
    await expect(page.locator(".ticket")).to_have_count(5)
    await expect(page.locator(".tickets")).to_contain_text("Awa D.")
    await expect(page.locator(".tickets")).not_to_contain_text("Nom Telegram")
    await page.evaluate("document.querySelector('.flash')?.remove()")
    await screenshot(page, "console-inbox.png", tmp_path)

    await page.get_by_role("link", name="Statistiques").click()
    chart = page.get_by_role("img", name="Questions par semaine")
    await expect(chart).to_be_visible()
    box = await chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    assert await chart.locator("rect.bar").count() == 4
    heights = [float(await bar.get_attribute("height") or 0) for bar in await chart.locator("rect.bar").all()]
    assert sum(1 for h in heights if h > 0) >= 3  # real bars, drawn from real numbers
    await expect(page.locator(".kpi").first).to_contain_text("questions posées")
    await screenshot(page, "console-stats.png", tmp_path)


async def test_a_ticket_and_an_entry_being_edited(console: ConsoleServer, chromium: Browser, tmp_path: Path) -> None:
    page = await sign_in(chromium, console)
    await page.goto(f"{console.url}/questions/3")
    await expect(page.locator(".msg-staff")).to_contain_text("formulaire de remboursement")
    await expect(page.locator(".member")).to_contain_text("Membre n° 3")
    await screenshot(page, "console-ticket.png", tmp_path)
    entry = console.app.faq.answerer.kb.faq[1]
    await page.goto(f"{console.url}/connaissances/faq/{entry.id}")
    await page.locator("#source").fill("")
    await page.get_by_role("button", name="Enregistrer et publier").click()
    await expect(page.locator("#problem-source")).to_be_visible()
    await page.get_by_label("Question à tester").fill(entry.alternates[0])
    await page.get_by_role("button", name="Demander à la hotline").click()
    await expect(page.locator("#pane-result")).to_contain_text(entry.id)
    await screenshot(page, "console-knowledge.png", tmp_path)


async def test_the_console_fits_a_phone(console: ConsoleServer, chromium: Browser, tmp_path: Path) -> None:
    page = await sign_in(chromium, console, width=390, height=844)
    for path in ("/questions", "/questions/1", "/connaissances", "/statistiques"):
        await page.goto(console.url + path)
        overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways on a phone by {overflow}px"
    await screenshot(page, "console-phone.png", tmp_path)
