"""Serving the console: alone (`hotline console`) or beside the bot (`hotline run`, [console] with_bot)."""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass

import uvicorn
from starlette.applications import Starlette

from bot.console.access import ConsoleAccess, StaffUser
from bot.console.pages import announce, events, inbox, knowledge, learning, members, signin, stats
from bot.console.services import ConsoleServices
from bot.console.web import Page, build_web_app, make_guard

log = logging.getLogger(__name__)


def all_pages() -> list[Page]:
    """Every page of the console, sign-in first (the test that walks them all reads this list)."""
    screens = (signin, inbox, knowledge, learning, stats, announce, events, members)
    return [page for screen in screens for page in screen.PAGES]


def build_console(services: ConsoleServices, *, secret: str | None = None) -> Starlette:
    guard = make_guard(services, secret if secret is not None else services.settings.console.secret)
    return build_web_app(services, guard=guard, pages=all_pages())


def _server(services: ConsoleServices) -> uvicorn.Server:
    settings = services.settings.console
    config = uvicorn.Config(build_console(services), host=settings.host, port=settings.port, log_level="warning",
                            access_log=False, proxy_headers=True, server_header=False)
    return uvicorn.Server(config)


def _listen(services: ConsoleServices) -> socket.socket:
    """The console's socket, listening before anyone is told where it is."""
    settings = services.settings.console
    return socket.create_server((settings.host, settings.port), backlog=128)


def serve(services: ConsoleServices, *, ready: Callable[[], None] = lambda: None) -> None:
    """Listen first, then say so (`ready`), then serve: whoever reads the message can connect at once."""
    sock = _listen(services)
    log.info("console on %s", services.settings.console.public_url)
    ready()
    _server(services).run(sockets=[sock])


@dataclass
class Beside:
    """The console running in a thread of the bot's process."""

    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve_beside(services: ConsoleServices) -> Beside:
    """The console in a thread of the bot's process: the same services, the same answerer (an edit is
    served at once). uvicorn leaves the signals to the main thread: Ctrl+C stops the bot and the console."""
    sock, server = _listen(services), _server(services)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="console", daemon=True)
    thread.start()
    log.info("console on %s (with the bot)", services.settings.console.public_url)
    return Beside(server=server, thread=thread)


def invite(access: ConsoleAccess, name: str) -> str:
    """A sign-in link for someone who has no Telegram access yet (the first admin)."""
    return access.issue_link(StaffUser(id=f"cli:{name}"[:64], name=name))
