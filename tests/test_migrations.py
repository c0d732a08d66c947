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
