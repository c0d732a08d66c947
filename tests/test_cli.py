"""`hotline` on the command line, as staff and admins use it."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings


@pytest.fixture
def config(make_settings: Callable[..., Settings]) -> Path:
    return make_settings().config_path


def test_ask_json_prints_one_object_with_the_decision(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(config), "ask", "--json", "c'est koi un conseil citoyen"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["decision"] == "answer"
    assert result["entry_id"] == "cc-definition"
    assert result["question"] == "Qu'est-ce qu'un conseil citoyen ?"
    assert result["answer"].startswith("Un conseil citoyen")
    assert result["score"] > 70
    assert result["candidates"][0] == {"entry_id": "cc-definition", "question": result["question"],
                                       "score": result["score"]}


def test_ask_json_reads_one_question_per_line_from_standard_input(
        config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("c koi un cc\n\nquel temps fera-t-il demain\nbonjour\n"))
    assert main(["--config", str(config), "ask", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["decision"] for line in lines] == ["answer", "unknown", "smalltalk"]
    assert lines[1]["entry_id"] is None and lines[1]["answer"] is None


def test_run_without_a_token_points_at_the_terminal_chat(
        config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["--config", str(config), "run"]) == 1
    assert "hotline chat" in capsys.readouterr().err


def test_a_bad_config_stops_with_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "config.toml"
    bad.write_text("[answering]\nmax_suggestions = 0\n", encoding="utf-8")
    assert main(["--config", str(bad), "ask", "x"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "answering.max_suggestions" in err


def test_knowledge_check_passes_on_the_fixture(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(config), "knowledge", "check"]) == 0
    assert "0 erreur(s)" in capsys.readouterr().out


def test_db_upgrade_creates_the_database(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(config), "db", "upgrade"]) == 0
    assert "Base à jour" in capsys.readouterr().out
    assert (config.parent / "hotline.db").exists()


def test_console_invite_prints_a_one_time_link(make_settings: Callable[..., Settings],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    config = make_settings(extra='[console]\npublic_url = "https://console.example.org"\nlink_minutes = 5').config_path
    assert main(["--config", str(config), "console", "invite", "--nom", "Claire"]) == 0
    out = capsys.readouterr().out
    assert "Lien de connexion pour Claire (une seule fois, 5 minutes)" in out
    assert "https://console.example.org/connexion/" in out


def test_hotline_console_serves_the_sign_in_page(make_settings: Callable[..., Settings], tmp_path: Path) -> None:
    import os
    import socket
    import subprocess
    import sys
    import urllib.request

    with socket.socket() as probe:  # a free port for this test
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = make_settings(extra=f"[console]\nport = {port}").config_path
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    with subprocess.Popen([sys.executable, "-m", "bot.cli", "--config", str(config), "console"], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as server:
        try:
            assert server.stdout is not None
            # The line comes once the port listens: no waiting, no retry
            assert f"http://127.0.0.1:{port}" in server.stdout.readline()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/connexion", timeout=10) as page:
                body = page.read().decode()
            assert "tapez <code>/console</code>" in body
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_the_console_can_run_beside_the_bot_in_the_same_process(make_settings: Callable[..., Settings]) -> None:
    """`[console] with_bot = true`: `hotline run` starts it in a thread, on the same services."""
    import socket
    import urllib.request

    from bot.app import build_app, console_services
    from bot.console.server import serve_beside

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = build_app(make_settings(extra=f"[console]\nport = {port}\nwith_bot = true"))
    beside = serve_beside(console_services(app))
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/questions", timeout=10) as page:
            assert page.url.endswith("/connexion")  # refused without a session: sent to the sign-in page
    finally:
        beside.stop()
    assert not beside.thread.is_alive()
    app.db.engine.dispose()
