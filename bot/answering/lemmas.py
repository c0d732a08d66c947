"""simplemma's French dictionary, folded the way members type (no accents), kept on disk and read word
by word.

Folding its 239k forms takes most of a second, and the folded map held in memory weighs ~40 MiB: more
than a third of what `hotline ask` may use. It is prepared once into an SQLite file in the cache folder
(per simplemma version and per version of the folding) and each word is looked up there (a few
microseconds; the pages read stay in SQLite's small cache).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import CodeType

from bot.cache import cache_dir, library_version

log = logging.getLogger(__name__)


def _code_bytes(code: CodeType) -> bytes:
    """A function's compiled code, the same in every process: nested code objects (a generator
    expression) are walked, not repr'd (their repr holds a memory address, new at each start)."""
    parts = [code.co_code]
    for const in code.co_consts:
        parts.append(_code_bytes(const) if isinstance(const, CodeType) else repr(const).encode())
    return b"\0".join(parts)


# Forms whose answer is kept in memory (about 10 MiB at most): a word is asked for by several functions (its
# lemma, whether it is French) and in every message that uses it; a query costs 4-15 µs.
REMEMBERED = 65536


class LemmaFile(Mapping[str, str]):
    """Accent-free form → accent-free lemma, read from the prepared SQLite file (read-only, any thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._seen: dict[str, str | None] = {}  # form → lemma (None: no French form), as read
        self._db.execute("SELECT 1 FROM lemma LIMIT 1").fetchall()  # a damaged file fails here, not later

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        seen = self._seen  # one dict, even if another thread starts a new one meanwhile
        if key in seen:
            found = seen[key]
        else:
            with self._lock:
                row = self._db.execute("SELECT lemma FROM lemma WHERE form = ?", (key,)).fetchone()
            found = None if row is None else str(row[0])
            if len(self._seen) >= REMEMBERED:
                self._seen = {}  # not kept for ever: a long-running hotline meets new words every day
            self._seen[key] = found
        return default if found is None else found

    def __getitem__(self, key: str) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM lemma").fetchone()[0])

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            forms = [str(row[0]) for row in self._db.execute("SELECT form FROM lemma")]
        return iter(forms)


def lemma_map(fold: Callable[[str], str]) -> Mapping[str, str]:
    """Accent-free form → accent-free lemma. Cached per simplemma version and per version of `fold`
    (its compiled code): a new simplemma or a change to the folding prepares the map again."""
    key = hashlib.sha256(_code_bytes(fold.__code__)).hexdigest()[:12]
    path = cache_dir() / f"lemmas-fr-simplemma{library_version('simplemma')}-{key}.sqlite"
    try:
        return LemmaFile(path)
    except sqlite3.Error:
        pass  # not prepared yet, or unreadable: prepare it
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    lemmas: dict[str, str] = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary("fr").items():
        lemmas.setdefault(fold(form), fold(lemma))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            pass
        db = sqlite3.connect(out.name)
        db.execute("CREATE TABLE lemma (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO lemma VALUES (?, ?)", sorted(lemmas.items()))
        db.commit()
        db.close()
        os.replace(out.name, path)  # whole or not at all: two processes may prepare it at once
        for stale in path.parent.glob("lemmas-fr-*.marshal"):  # the former format, one file per start
            stale.unlink(missing_ok=True)
        _keep_newest(path.parent, KEPT_LEMMA_FILES)
        return LemmaFile(path)
    except (OSError, sqlite3.Error) as error:
        log.info("lemma map not cached (%s): prepared again at each start", error)
    return lemmas


# A new version of the code or of simplemma prepares a new map (~5 MB): the older ones would pile up over
# upgrades. A few are kept, for installations sharing one cache folder at different versions.
KEPT_LEMMA_FILES = 3


def _keep_newest(folder: Path, kept: int) -> None:
    found = sorted(folder.glob("lemmas-fr-*.sqlite"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for stale in found[kept:]:
        stale.unlink(missing_ok=True)
