"""Real Chromium (Debian's package) driving the console served by uvicorn on the loopback.

The server listens before its thread starts (the socket is bound here), so a test never waits for it.
Playwright only drives the browser: it never downloads one.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from playwright.async_api import Browser, Page, async_playwright

from bot.app import App, console_services
from bot.console.access import StaffUser
from bot.console.server import build_console
from tests.support.console import CLAIRE, SECRET, token_of

CHROMIUM = os.environ.get("HOTLINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DOCS = Path(__file__).resolve().parent.parent.parent / "docs"


async def screenshot(page: Page, name: str, tmp: Path) -> Path:
    """Into docs/ when HOTLINE_SCREENSHOTS=1 (to refresh the README's pictures), else beside the test."""
    target = (DOCS if os.environ.get("HOTLINE_SCREENSHOTS") else tmp) / name
    await page.screenshot(path=str(target), full_page=True)
    return target


@dataclass
class ConsoleServer:
    app: App
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def link(self, staff: StaffUser = CLAIRE) -> str:
        """A fresh one-time link, pointing at this server."""
        return f"{self.url}/connexion/{token_of(self.app.console.issue_link(staff))}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve(app: App) -> ConsoleServer:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    config = uvicorn.Config(build_console(console_services(app), secret=SECRET), log_level="warning", lifespan="off",
                            access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="console-test", daemon=True)
    thread.start()
    return ConsoleServer(app=app, url=f"http://127.0.0.1:{port}", server=server, thread=thread)


def chromium_available() -> bool:
    return shutil.which(CHROMIUM) is not None or Path(CHROMIUM).exists()


@pytest.fixture
async def chromium() -> AsyncIterator[Browser]:
    if not chromium_available():
        if os.environ.get("HOTLINE_REQUIRE_BROWSER"):
            pytest.fail(f"HOTLINE_REQUIRE_BROWSER is set but {CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium); CI installs it")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


async def sign_in(browser: Browser, console: ConsoleServer, *, width: int = 1280, height: int = 800) -> Page:
    """A page signed in through a one-time link, as staff do: open the link, press the button."""
    page = await browser.new_page(viewport={"width": width, "height": height}, locale="fr-FR")
    await page.goto(console.link())
    await page.get_by_role("button", name="Se connecter").click()
    await page.wait_for_url(f"{console.url}/questions")
    return page
