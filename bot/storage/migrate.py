"""Alembic, driven from code: `hotline db upgrade`, and the automatic upgrade at start-up."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from bot.config import ROOT


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "heads") -> None:
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    command.downgrade(alembic_config(engine), revision)


def revisions(engine: Engine) -> list[str]:
    """All revision ids, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
