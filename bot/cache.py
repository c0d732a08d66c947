"""Where the hotline keeps what it can prepare again: the folded lemma map, the last good knowledge, the
prepared answerer, the document templates read, the compiled regular expressions."""

from __future__ import annotations

import atexit
import hashlib
import importlib
import logging
import marshal
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

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


def library_version(name: str) -> str | None:
    """One library's installed version, from the name of its dist-info folder (`library_versions`)."""
    folders = library_versions([name]).splitlines()
    return folders[0].removesuffix(".dist-info").split("-", 1)[1] if folders else None


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


# The regular expression engine's own compiler and the code it makes, as `re.compile` uses them.
_sre: Any = importlib.import_module("_sre")
_ENGINE = f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}"  # code made by another Python is not read
_PATTERNS_KEPT = 1000  # patterns in the file before those unused by the process writing it are dropped
_Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_patterns: dict[tuple[str, int], _Parts] | None = None
_used: set[tuple[str, int]] = set()
_new: set[tuple[str, int]] = set()  # compiled by this process: the file is written when it ends


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, without compiling again at every start: the engine's code for each
    pattern is kept in the cache folder. Compiling the dialogue acts' patterns takes a tenth of a second;
    reading them back, about a millisecond. The pattern is the same (`re` builds it from the same code;
    a test compares them)."""
    table = _pattern_table()
    key = (source, int(flags))
    parts = table.get(key)
    if parts is None:
        try:
            parts = _compile_parts(source, int(flags))
        except Exception:  # another Python's engine: compiled as usual, not kept
            return re.compile(source, flags)
        if not _new:
            atexit.register(_keep_patterns)
        _new.add(key)
        table[key] = parts
    _used.add(key)
    try:
        return _sre.compile(source, *parts)  # type: ignore[no-any-return]
    except Exception:  # damaged code in the file: compiled as usual
        table.pop(key, None)
        return re.compile(source, flags)


def _compile_parts(source: str, flags: int) -> _Parts:
    """What `re._compiler.compile` gives the engine for this pattern."""
    parser: Any = importlib.import_module("re._parser")
    compiler: Any = importlib.import_module("re._compiler")
    tree = parser.parse(source, flags)
    code = [int(op) for op in compiler._code(tree, flags)]
    groups: dict[str, int] = dict(tree.state.groupdict)
    names: list[str | None] = [None] * tree.state.groups
    for name, index in groups.items():
        names[index] = name
    return int(flags | tree.state.flags), code, tree.state.groups - 1, groups, tuple(names)


def _pattern_table() -> dict[tuple[str, int], _Parts]:
    global _patterns
    if _patterns is None:
        _patterns = {}
        try:
            engine, table = marshal.loads((cache_dir() / "patterns.marshal").read_bytes())  # our own file
            if engine == _ENGINE:
                _patterns = table
        except FileNotFoundError:
            pass
        except Exception as error:  # a damaged file is only a miss
            log.info("compiled patterns unreadable in the cache (%s): compiled again", error)
    return _patterns


def _keep_patterns() -> None:
    table = _pattern_table()
    if len(table) > _PATTERNS_KEPT:  # patterns of older versions of the code pile up: only this one's
        table = {key: parts for key, parts in table.items() if key in _used}
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as out:
            out.write(marshal.dumps((_ENGINE, table)))
        os.replace(out.name, folder / "patterns.marshal")  # whole or not at all
    except OSError as error:
        log.info("compiled patterns not kept (%s): compiled again at the next start", error)
