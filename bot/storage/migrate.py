"""Alembic, driven from code: `hotline db upgrade`, and the automatic upgrade at start-up.

At start-up the database is usually at the head already: that is checked with one query against the
revisions named in `migrations/versions`, without importing Alembic (a quarter of a second).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.config import ROOT

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

VERSIONS = ROOT / "migrations" / "versions"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]\s*$", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:None|['\"]([^'\"]+)['\"])\s*$", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "heads") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def revisions(engine: Engine) -> list[str]:
    """All revision ids, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def head() -> str | None:
    """The one head revision of `migrations/versions`, read from the files; None when they say anything
    less plain than one `revision = '…'` and one `down_revision` each (then Alembic decides)."""
    names: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        names.add(revision[0])
        if down[0]:
            parents.add(down[0])
    heads = names - parents
    return heads.pop() if len(heads) == 1 else None


def upgrade_if_behind(engine: Engine) -> bool:
    """Upgrade unless the database is already at the head; whether Alembic ran."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    wanted = head()
    if wanted is not None:
        try:
            with engine.connect() as connection:
                current = [row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version"))]
        except DBAPIError:
            current = []  # a new database: no version table yet
        if current == [wanted]:
            return False
    upgrade(engine)
    return True
