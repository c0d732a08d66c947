"""`hotline ask` starts fast: it decides with the first part of the application alone (bot/app.py
`build_answering`), unless the team taught the hotline something, and still answers with what was taught.
How fast: bench/coldstart.py (a benchmark, not a timed test)."""

from __future__ import annotations

import gc
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.answering import prepared
from bot.answering.answerer import Answerer
from bot.app import build_app
from bot.cli import main
from bot.clock import ManualClock
from bot.config import ROOT, Settings
from bot.core.replies import Sender
from bot.storage.models import KnowledgeEdit, LearnedEntry, LearnedPhrasing
from bot.storage.peek import EDITS_TABLE, LEARNED_TABLES, NOTHING, taught_state
from tests.conftest import SHIPPED_KNOWLEDGE
from tests.test_desk_tickets import AWA, CLAIRE, ask_team

# What answering one question must not import: the channels, the scheduler, the console, the other features,
# the delivery, SQLAlchemy and the models (the database is glanced at with sqlite3, bot/storage/peek.py).
NOT_FOR_ASK = ("telegram", "apscheduler", "sqlalchemy", "sqlmodel", "alembic", "starlette", "bot.channels",
               "bot.console", "bot.delivery", "bot.desk", "bot.announce", "bot.privacy", "bot.events.handlers",
               "bot.documents.handlers", "bot.storage.models", "bot.core.faq", "bot.core.hotline",
               "mimetypes")  # the MIME types are registered where documents are sent (bot/documents/handlers.py)
CLI = Sender(channel="cli", user_id="cli", chat_id="cli")
TAUGHT = "comment participer aux reunions des habitants"


def ask_in_a_new_process(config: Path, question: str) -> tuple[dict[str, object], set[str]]:
    """`hotline ask --json` run the way a person runs it, and the modules it imported."""
    script = ("import json, sys\nfrom bot.cli import main\n"
              f"code = main(['--config', {str(config)!r}, 'ask', '--json', {question!r}])\n"
              "print(json.dumps(sorted(sys.modules)))\nsys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    answer, modules = done.stdout.strip().splitlines()
    return json.loads(answer), set(json.loads(modules))


def imported(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(name for name in names if any(m == name or m.startswith(name + ".") for m in modules))


def test_a_question_is_answered_without_importing_what_it_does_not_use(settings: Settings) -> None:
    build_app(settings)  # a database made and migrated, where nobody taught anything yet
    answer, modules = ask_in_a_new_process(settings.config_path, "c'est koi un conseil citoyen")
    assert answer["decision"] == "answer" and answer["entry_id"] == "cc-definition"
    assert imported(modules, NOT_FOR_ASK) == []


def test_the_first_question_ever_is_answered_before_any_database_exists(
        make_settings: Callable[..., Settings]) -> None:
    settings = make_settings(knowledge=SHIPPED_KNOWLEDGE)  # with its document templates
    database = Path(settings.database_url.removeprefix("sqlite:///"))
    answer, modules = ask_in_a_new_process(settings.config_path, "un modele de lettre au prefet svp")
    assert answer["decision"] == "answer" and answer["render"] == "documents"  # the documents' hook decided
    assert imported(modules, NOT_FOR_ASK) == []
    assert not database.exists()  # nothing to read in it, nothing written


def test_a_follow_up_opens_the_database_it_leans_on(settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(settings.config_path), "ask", "--json", "plus simple svp"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["decision"] == "act" and "simpler" in result["acts"]  # nothing shown before: nothing to simplify
    assert Path(settings.database_url.removeprefix("sqlite:///")).exists()  # made and migrated to look


def test_what_the_team_taught_is_answered_by_ask_without_building_everything(
        settings: Settings, clock: ManualClock, capsys: pytest.CaptureFixture[str]) -> None:
    app = build_app(settings, clock=clock)
    assert taught_state(settings.database_url) == NOTHING
    ask_team(app, AWA, TAUGHT)
    app.hotline.on_button(CLAIRE, "tk:link:1:cc-rejoindre")
    before = app.faq.decide(CLI, TAUGHT)
    assert before.entry is not None and before.entry.id == "cc-rejoindre"  # the process that learned it
    assert taught_state(settings.database_url) not in (None, NOTHING)
    assert prepared.settled(60)  # written to disk in the background, once in service
    answer, modules = ask_in_a_new_process(settings.config_path, TAUGHT)  # the answerer kept when it learned
    assert answer["entry_id"] == "cc-rejoindre"
    assert imported(modules, NOT_FOR_ASK) == []


def test_what_was_taught_is_answered_by_ask_even_when_its_answerer_was_not_kept(
        settings: Settings, clock: ManualClock, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = build_app(settings, clock=clock)
    ask_team(app, AWA, TAUGHT)
    app.hotline.on_button(CLAIRE, "tk:link:1:cc-rejoindre")
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path / "another-cache"))  # nothing kept there
    assert main(["--config", str(settings.config_path), "ask", "--json", TAUGHT]) == 0  # builds everything
    assert json.loads(capsys.readouterr().out)["entry_id"] == "cc-rejoindre"


def test_the_glance_reads_the_tables_the_learning_loop_writes() -> None:
    assert (LearnedEntry.__tablename__, LearnedPhrasing.__tablename__) == LEARNED_TABLES
    assert KnowledgeEdit.__tablename__ == EDITS_TABLE


@pytest.mark.parametrize("url", ["postgresql+psycopg://u@h/db", "sqlite://", "sqlite:///:memory:",
                                 "sqlite:///x.db?mode=ro"])
def test_a_database_the_glance_cannot_read_leaves_the_usual_start_to_decide(url: str) -> None:
    assert taught_state(url) is None


def test_a_database_behind_the_migrations_leaves_the_usual_start_to_decide(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    assert taught_state(f"sqlite:///{old}") is None


@pytest.mark.usefixtures("own_cache")
def test_a_restart_reads_back_the_answerer_with_what_was_taught(settings: Settings, clock: ManualClock,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    app = build_app(settings, clock=clock)
    ask_team(app, AWA, TAUGHT)
    app.hotline.on_button(CLAIRE, "tk:link:1:cc-rejoindre")
    assert prepared.settled(60)  # written to disk in the background, once in service
    monkeypatch.setattr(Answerer, "__init__", _never)  # the start reads back, builds nothing
    restarted = build_app(settings, clock=clock)
    decision = restarted.faq.decide(CLI, TAUGHT)
    assert decision.entry is not None and decision.entry.id == "cc-rejoindre"


def _never(*args: object, **kwargs: object) -> None:
    raise AssertionError("the answerer was built again")


def test_ask_sets_aside_what_its_start_made_and_collects_garbage_again(
        settings: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    # The collector is paused while starting, what the start made is set aside for the life of the process
    # (bot/cli main, `_ask`), and the collector runs again for what answering makes.
    assert main(["--config", str(settings.config_path), "ask", "--json", "c'est koi un conseil citoyen"]) == 0
    assert json.loads(capsys.readouterr().out)["entry_id"] == "cc-definition"
    assert gc.isenabled() and gc.get_freeze_count() > 0
