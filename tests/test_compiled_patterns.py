"""The dialogue acts' and the segmenter's regular expressions are compiled once and read back at each start
(bot/cache.py `compiled`): the patterns read back are the ones `re` compiles, and a file that cannot be
used only means compiling them again."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot import cache
from bot.cache import compiled
from bot.config import ROOT

# Prints, for every pattern of these modules, whether it is the one `re.compile` makes, then how many
# patterns this process compiled itself.
_CHECK = """
import json, re, sys
from bot import cache
import importlib, pkgutil
from bot.answering import acts, segment
modules = [segment, *(importlib.import_module(f"bot.answering.acts.{m.name}") for m in pkgutil.iter_modules(acts.__path__))]
patterns = [value for module in modules for value in vars(module).values() if isinstance(value, re.Pattern)]
print(json.dumps({"patterns": len(patterns), "same": all(p == re.compile(p.pattern, p.flags) for p in patterns),
                  "compiled here": len(cache._new)}))
"""


def _start(cache_dir: Path) -> dict[str, object]:
    environment = {**os.environ, "HOTLINE_CACHE_DIR": str(cache_dir)}
    done = subprocess.run([sys.executable, "-c", _CHECK], cwd=ROOT, env=environment, capture_output=True, text=True,
                          check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_second_start_reads_the_patterns_back_and_they_are_those_re_compiles(tmp_path: Path) -> None:
    first = _start(tmp_path)
    assert first["same"] is True and first["compiled here"] > 0
    assert (tmp_path / "hotline" / "patterns.marshal").exists()  # kept when the first process ended
    second = _start(tmp_path)
    assert second == {"patterns": first["patterns"], "same": True, "compiled here": 0}


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """`compiled` as at the start of a process, with its cache folder in tmp_path."""
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "_patterns", None)
    monkeypatch.setattr(cache, "_new", set())
    monkeypatch.setattr(cache, "_used", set())
    monkeypatch.setattr(cache.atexit, "register", lambda function: None)  # written by the test, not at exit
    return tmp_path / "hotline" / "patterns.marshal"


def test_a_damaged_file_only_means_compiling_again(fresh: Path) -> None:
    fresh.parent.mkdir(parents=True)
    fresh.write_bytes(b"not what was written")
    assert compiled(r"(?:^|\s)merci\w*", re.IGNORECASE) == re.compile(r"(?:^|\s)merci\w*", re.IGNORECASE)
    cache._keep_patterns()
    cache._patterns = None
    assert compiled(r"(?:^|\s)merci\w*", re.IGNORECASE).search("Merci beaucoup")
    assert cache._new == {(r"(?:^|\s)merci\w*", int(re.IGNORECASE))}  # compiled once, then read back


def test_patterns_kept_by_another_python_are_not_read(fresh: Path) -> None:
    compiled(r"bonjour|salut")
    cache._keep_patterns()
    _, table = marshal.loads(fresh.read_bytes())
    fresh.write_bytes(marshal.dumps(("another Python", table)))
    cache._patterns = None
    assert cache._pattern_table() == {}


def test_damaged_code_read_back_is_compiled_again(fresh: Path) -> None:
    compiled(r"au revoir")
    flags, _, groups, names, indexes = cache._pattern_table()[("au revoir", 0)]
    cache._pattern_table()[("au revoir", 0)] = (flags, [99, 99, 99], groups, names, indexes)
    assert compiled(r"au revoir") == re.compile(r"au revoir")
