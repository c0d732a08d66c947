"""Every migration goes up, down and up again (the "stairway"), on SQLite and on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect

from bot.storage.db import make_engine
from bot.storage.migrate import downgrade, revisions, upgrade
from tests.support.databases import Database


def test_every_revision_goes_up_down_and_up_again(database: Database) -> None:
    engine = make_engine(database.url)
    try:
        steps = revisions(engine)
        assert steps, "no migration found"
        previous = "base"
        for revision in steps:
            upgrade(engine, revision)
            downgrade(engine, previous)
            upgrade(engine, revision)
            previous = revision
        tables = set(inspect(engine).get_table_names())
        assert {"member", "questionlog", "alembic_version"} <= tables
        downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()


def test_the_models_match_the_migrations(database: Database) -> None:
    """Autogenerate finds nothing to do once every migration ran: models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import bot.storage.models  # noqa: F401

    engine = make_engine(database.url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_0006_marks_the_time_of_knowledge_webinars_as_to_be_confirmed(database: Database) -> None:
    """Rows synced before 0006 said "whole day" for a webinar given a date alone: the time is to be confirmed.
    A day long event, or the staff's own choice, stays as it was."""
    from sqlalchemy import text

    engine = make_engine(database.url)
    try:
        upgrade(engine, "0005")
        with engine.begin() as connection:
            for slug, kind, origin in (("webinaire", "webinaire", "knowledge"), ("journee", "journee", "knowledge"),
                                       ("staff-webinaire", "webinaire", "staff")):
                connection.execute(text(
                    "INSERT INTO event (slug, kind, title, all_day, status, source, origin, created_at, updated_at)"
                    " VALUES (:slug, :kind, 'x', :all_day, 'planned', 'x', :origin, :now, :now)"),
                    {"slug": slug, "kind": kind, "origin": origin, "all_day": True, "now": "2026-01-05 08:00:00"})
        upgrade(engine, "0006")
        with engine.connect() as connection:
            found = dict(connection.execute(text("SELECT slug, time_to_confirm FROM event")).all())
        assert {slug: bool(flag) for slug, flag in found.items()} == {
            "webinaire": True, "journee": False, "staff-webinaire": False}
    finally:
        engine.dispose()


def test_a_start_on_a_database_at_the_head_runs_no_migration(database: Database) -> None:
    """The head read from the migration files is Alembic's; a database behind it is upgraded, one at the
    head is left alone (without importing Alembic)."""
    from bot.storage.migrate import head, upgrade_if_behind

    engine = make_engine(database.url)
    try:
        steps = revisions(engine)
        assert head() == steps[-1]
        assert upgrade_if_behind(engine) is True  # a new database
        assert upgrade_if_behind(engine) is False
        downgrade(engine, steps[-2])
        assert upgrade_if_behind(engine) is True
        assert upgrade_if_behind(engine) is False
        assert "questionlog" in set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
