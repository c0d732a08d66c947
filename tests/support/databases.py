"""Real databases for storage tests: a SQLite file always, PostgreSQL when TEST_DATABASE_URL names a server.

Each test gets its own fresh PostgreSQL database, created and dropped around it, so no test
sees another's rows.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_ENV = "TEST_DATABASE_URL"


@dataclass(frozen=True)
class Database:
    kind: str
    url: str


def postgres_available() -> bool:
    return bool(os.environ.get(POSTGRES_ENV))


def create_postgres_database() -> tuple[str, str]:
    """(url of a new empty database, its name)."""
    admin_url = make_url(os.environ[POSTGRES_ENV]).set(drivername="postgresql+psycopg")
    name = f"hotline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return admin_url.set(database=name).render_as_string(hide_password=False), name


def drop_postgres_database(name: str) -> None:
    admin_url = make_url(os.environ[POSTGRES_ENV]).set(drivername="postgresql+psycopg")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
