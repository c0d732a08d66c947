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
