"""The answerer prepared once per knowledge and per version of the code, kept on disk.

Building it stems, lemmatises and indexes every phrasing (seconds on the shipped base, more as it grows);
reading it back takes milliseconds. The key covers everything the build reads: the knowledge's content,
the answering settings, the source of `bot/answering` and `bot/knowledge/model.py`, the versions of the
libraries it calls (the names of their dist-info folders) and Python's. Anything else, or an unreadable
file, means building it again.

A learning action's answerer (`learned_answerer`) is written after it is in service, by one thread in the
background (writing 60 MB at 10,000 entries took half of the action): what was taught is in the database
already, so a process stopped before the file is whole builds it again from there at its next start.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.answering import LOADED_AT
from bot.answering.answerer import Answerer
from bot.cache import cache_dir, library_versions
from bot.config import AnsweringSettings
from bot.knowledge.loader import known_digest
from bot.knowledge.model import KnowledgeBase

if TYPE_CHECKING:  # imported when a learning action first writes: `hotline ask` never does
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)
KEPT = 4  # prepared answerers kept on disk (the files' knowledge, and the latest learned versions)
_LIBRARIES = ("rapidfuzz", "bm25s", "numpy", "scipy", "snowballstemmer", "PyStemmer", "simplemma")


@lru_cache(maxsize=1)
def _code_version() -> str | None:
    """The source of the code that builds the answerer, or None when a file changed on disk since it was
    loaded (the running code is not the one on disk: nothing is read or kept under that name)."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.glob("*.py"), package.parent / "knowledge" / "model.py"]):
        if path.stat().st_mtime > LOADED_AT:
            return None
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(library_versions(_LIBRARIES).encode())  # an absent library simply counts as absent
    digest.update(sys.version.encode())
    return digest.hexdigest()


# Texts of the knowledge's parts (entries, passages…) by object: a learning action keeps most of them, and
# writing out 10,000 entries took about a second. The part is held with its text, so its id is not reused.
_TEXTS: dict[int, tuple[object, str]] = {}
_TEXTS_LOCK = threading.Lock()  # the writing thread computes keys too


def _content(kb: KnowledgeBase) -> str:
    """`content_digest(kb)`, the digest of `repr(kb)`, with that text written part by part: the repr of the
    tuples' parts seen in the previous knowledge is reused (tests/test_prepared_start.py checks it is the
    same text)."""
    with _TEXTS_LOCK:
        return _content_locked(kb)


def _content_locked(kb: KnowledgeBase) -> str:
    global _TEXTS
    digest = hashlib.sha256(f"{type(kb).__qualname__}(".encode())
    seen: dict[int, tuple[object, str]] = {}
    for n, name in enumerate(f.name for f in dataclasses.fields(kb) if f.repr):
        value = getattr(kb, name)
        if not isinstance(value, tuple):
            digest.update(f"{', ' if n else ''}{name}={value!r}".encode())
            continue
        digest.update(f"{', ' if n else ''}{name}=(".encode())
        for i, part in enumerate(value):
            found = _TEXTS.get(id(part))
            text = found[1] if found is not None and found[0] is part else repr(part)
            seen[id(part)] = (part, text)
            digest.update(f"{', ' if i else ''}{text}".encode())
        digest.update(b",)" if len(value) == 1 else b")")
    digest.update(b")")
    _TEXTS = seen  # the parts of the latest knowledge only
    return digest.hexdigest()


def key(kb: KnowledgeBase, settings: AnsweringSettings) -> str | None:
    code = _code_version()
    if code is None:
        return None
    return hashlib.sha256(f"{code}\0{settings!r}\0{known_digest(kb) or _content(kb)}".encode()).hexdigest()[:16]


def prepared_answerer(kb: KnowledgeBase, settings: AnsweringSettings, *, alias: str | None = None,
                      previous: Answerer | None = None) -> Answerer:
    """The answerer for this knowledge: read back when it was prepared before, else built and kept.
    `alias`: another name it can be found under without its knowledge (see `taught_alias`); `previous`: the
    answerer in service, whose work a build reuses (a learning action)."""
    name = key(kb, settings)
    if name is None:
        return Answerer(kb, settings, previous=previous)
    path = cache_dir() / f"answerer-{name}.pickle"
    answerer = _read(path)
    if answerer is None:
        answerer = Answerer(kb, settings, previous=previous)
        _keep(path, answerer)
    if alias is not None:
        _point(alias, name)
    return answerer


def learned_answerer(kb: KnowledgeBase, settings: AnsweringSettings, *, previous: Answerer,
                     alias: Callable[[], str | None] | None = None, built: Answerer | None = None) -> Answerer:
    """A learning action's answerer: `built` when it was built for this very knowledge (the console's check of
    the version saved), else built from it or from `previous`, the one in service (faster than reading back
    even the same knowledge's). Then written in the background with its key (`alias()`, computed there
    too, names it under what was taught); `settled()` waits for the writing."""
    if built is not None and built.settings == settings and built.kb == kb:
        answerer = built
    else:
        answerer = Answerer(kb, settings, previous=built or previous)
    _WRITER.submit(answerer, settings, alias)
    return answerer


def settled(timeout: float | None = None) -> bool:
    """Whether every answerer handed to the background writer is on disk (or given up), waiting up to
    `timeout` seconds for it."""
    return _WRITER.wait(timeout)


class _Writer:
    """One thread writing learned answerers, the latest only: one handed over while an older one waits
    replaces it (the older knowledge is not served any more). Its cache folder is the one of the moment it
    was handed over. The thread is joined when the interpreter exits: a command that taught something leaves
    its answerer on disk."""

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._latest = 0
        self._pending: list[Future[None]] = []

    def submit(self, answerer: Answerer, settings: AnsweringSettings,
               alias: Callable[[], str | None] | None) -> None:
        folder = cache_dir()
        with self._lock:
            self._latest += 1
            number = self._latest
            if self._executor is None:
                from concurrent.futures import ThreadPoolExecutor

                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="answerer-writer")
            self._pending = [f for f in self._pending if not f.done()]
            self._pending.append(self._executor.submit(self._write, number, folder, answerer, settings, alias))

    def _write(self, number: int, folder: Path, answerer: Answerer, settings: AnsweringSettings,
               alias: Callable[[], str | None] | None) -> None:
        if number != self._latest:
            return  # a newer answerer was handed over: that one is written
        try:
            name = key(answerer.kb, settings)
            if name is None:
                return
            _keep(folder / f"answerer-{name}.pickle", answerer)
            other = alias() if alias is not None else None
            if other is not None:
                _point(other, name, folder)
        except Exception:  # only the next start's speed is at stake: never the bot
            log.exception("learned answerer not kept: built again at the next start")

    def wait(self, timeout: float | None) -> bool:
        with self._lock:
            pending = list(self._pending)
        for future in pending:
            try:
                future.result(timeout)
            except TimeoutError:
                return False
        return True


_WRITER = _Writer()


def taught_alias(base: KnowledgeBase, settings: AnsweringSettings, taught: str) -> str | None:
    """The other name of the answerer for the files' knowledge plus what the team taught, `taught` being
    the digest of those rows (bot/storage/peek.py): `hotline ask` finds it without reading them."""
    base_key = key(base, settings)
    return None if base_key is None else hashlib.sha256(f"{base_key}\0{taught}".encode()).hexdigest()[:16]


def read_back(alias: str) -> Answerer | None:
    """The answerer kept under this alias, or None (never kept, or gone: then it is built as usual)."""
    try:
        name = (cache_dir() / f"answerer-alias-{alias}").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return _read(cache_dir() / f"answerer-{name}.pickle")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector paused while hundreds of thousands of objects are written or read (nothing in
    them is garbage; its passes over them took half the time at 10,000 entries)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _read(path: Path) -> Answerer | None:
    try:
        with _collector_paused():
            loaded = pickle.loads(path.read_bytes())  # our own file, written by `_keep`
        if isinstance(loaded, Answerer):
            os.utime(path)  # recently used: kept longest
            return loaded
    except FileNotFoundError:
        pass
    except Exception as error:  # a damaged or stale file is only a cache miss
        log.info("prepared answerer unreadable (%s): built again", error)
    return None


def _point(alias: str, name: str, folder: Path | None = None) -> None:
    folder = folder or cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, encoding="utf-8") as out:
            out.write(name)
        os.replace(out.name, folder / f"answerer-alias-{alias}")
        others = sorted(folder.glob("answerer-alias-*"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError as error:
        log.info("prepared answerer's alias not kept (%s)", error)


def _keep(path: Path, answerer: Answerer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out, _collector_paused():
            pickle.dump(answerer, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)  # whole or not at all: two processes may prepare it at once
        others = sorted(path.parent.glob("answerer-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError as error:
        log.info("prepared answerer not kept (%s): built again at the next start", error)
