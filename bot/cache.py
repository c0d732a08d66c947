"""Where the hotline keeps what it can prepare again: the folded lemma map, the last good knowledge, the
prepared answerer, the document templates read."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def cache_dir() -> Path:
    root = os.environ.get("HOTLINE_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "hotline"


def files_fingerprint(code: Iterable[Path], files: Iterable[Path]) -> str:
    """The source of the reading code, and each file read by name, size and modification time."""
    digest = hashlib.sha256()
    for path in code:
        digest.update(path.read_bytes())
    for path in files:
        try:
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{path}\0-\n".encode())
    return digest.hexdigest()


def kept(name: str, fingerprint: str, make: Callable[[], T]) -> T:
    """What `make()` returns, read back from the cache folder while the fingerprint is the same (one file per
    name: the latest). An unreadable or stale file is only a miss; a cache that cannot be written, a warning."""
    path = cache_dir() / f"{name}.pickle"
    try:
        stored, value = pickle.loads(path.read_bytes())  # our own file, written below
        if stored == fingerprint:
            return value  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception as error:  # a damaged or stale file is only a miss
        log.info("%s unreadable in the cache (%s): made again", name, error)
    value = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:
            pickle.dump((fingerprint, value), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)  # whole or not at all: two processes may make it at once
    except OSError as error:
        log.info("%s not kept (%s): made again at the next start", name, error)
    return value


def library_versions(names: Iterable[str]) -> str:
    """The installed versions of these libraries, as the names of their `*.dist-info` folders say them
    ("numpy-2.4.6.dist-info"), for cache keys: one directory listing per import path, where asking
    `importlib.metadata` for each takes tens of milliseconds at every start."""
    wanted = {name.lower().replace("-", "_") for name in names}
    found: list[str] = []
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:  # a zip, a path hook, a folder gone
            continue
        found += (name for name in listing
                  if name.endswith(".dist-info") and name.split("-")[0].lower().replace("-", "_") in wanted)
    return "\n".join(sorted(found))
