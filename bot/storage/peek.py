"""A glance at a SQLite database with Python's own sqlite3, for a command that lives a fraction of a second.

`hotline ask` needs one thing from the database: what the team taught or edited (then the answerer in
service is the one the learning loop built, kept on disk under this state). SQLAlchemy and the models take
longer to import than the whole answer, so it is read read-only through sqlite3; anything else
(PostgreSQL, a database behind the migrations) answers None: "build everything as usual".
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from bot.storage.migrate import head

# What the learning loop reads (bot/desk/learning.py); tests/test_fast_ask.py checks the tables' names.
LEARNED_TABLES = ("learnedentry", "learnedphrasing")
EDITS_TABLE = "knowledgeedit"
PUBLISHED = "published"
NOTHING = ""  # the state of a database where nobody taught or edited anything


def sqlite_file(url: str) -> Path | None:
    """The database file of a plain `sqlite:///path` URL; None for anything else (options, memory, a server)."""
    scheme, sep, rest = url.partition(":///")
    if not sep or scheme not in ("sqlite", "sqlite+pysqlite") or not rest or "?" in rest or rest == ":memory:":
        return None
    return Path(rest)


def taught_state(url: str) -> str | None:
    """What the team taught or edited, as a digest of those rows: `NOTHING` when there is none (or no
    database yet: it is made when first used); None when this glance cannot tell (the usual start decides)."""
    path = sqlite_file(url)
    if path is None:
        return None
    if not path.exists():
        return NOTHING
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        versions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        if versions != [head()]:
            return None  # migrations to apply first: the usual start does it
        rows = [connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in LEARNED_TABLES]
        rows.append(connection.execute(f"SELECT * FROM {EDITS_TABLE} WHERE status = ? ORDER BY id",
                                       (PUBLISHED,)).fetchall())
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    if not any(rows):
        return NOTHING
    return hashlib.sha256(repr(rows).encode()).hexdigest()
