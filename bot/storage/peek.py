"""A glance at a SQLite database with Python's own sqlite3, for a command that lives a fraction of a second.

`hotline ask` needs to know one thing from the database: whether the team taught or edited anything
(then the answerer is the one the learning loop builds). SQLAlchemy and the models take longer to import
than the whole answer, so the question is asked read-only through sqlite3; anything else (PostgreSQL, a
database that does not exist yet or is behind the migrations) answers None: "build everything as usual".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.storage.migrate import head

# The tables the learning loop reads (bot/desk/learning.py); tests/test_fast_ask.py checks them.
LEARNED_TABLES = ("learnedentry", "learnedphrasing")
EDITS_TABLE = "knowledgeedit"
PUBLISHED = "published"


def sqlite_file(url: str) -> Path | None:
    """The database file of a plain `sqlite:///path` URL; None for anything else (options, memory, a server)."""
    scheme, sep, rest = url.partition(":///")
    if not sep or scheme not in ("sqlite", "sqlite+pysqlite") or not rest or "?" in rest or rest == ":memory:":
        return None
    return Path(rest)


def taught_nothing(url: str) -> bool | None:
    """True when the database holds nothing the team taught or edited (the files' answerer is the one in
    service), False when it does; None when this glance cannot tell (then the usual start decides)."""
    path = sqlite_file(url)
    if path is None:
        return None
    if not path.exists():
        return True  # a database not made yet holds nothing; it is made (and migrated) when first used
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        versions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        if versions != [head()]:
            return None  # migrations to apply first: the usual start does it
        counts = [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in LEARNED_TABLES]
        counts.append(connection.execute(f"SELECT count(*) FROM {EDITS_TABLE} WHERE status = ?",
                                         (PUBLISHED,)).fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return not any(counts)
