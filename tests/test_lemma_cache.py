"""The French lemma map is prepared once and read back from disk: the same map, without folding 239k words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answering import french
from bot.answering.normalize import fold, french_lemmas


def test_the_cached_map_is_the_one_folded_from_simplemma_and_is_read_back(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path))
    prepared = french.lemma_map(fold)
    assert prepared == french_lemmas()
    [cached] = (tmp_path / "hotline").glob("lemmas-fr-*.marshal")

    import simplemma.strategies.dictionaries.dictionary_factory as factory

    def not_again(*args: object) -> None:
        raise AssertionError("the dictionary was folded again")

    monkeypatch.setattr(factory.DefaultDictionaryFactory, "get_dictionary", not_again)
    assert french.lemma_map(fold) == prepared
    assert french.lemma_map(fold)["reunions"] == "reunion"

    def other_fold(text: str) -> str:
        return text.upper()

    with pytest.raises(AssertionError, match="folded again"):  # another folding: another cache file
        french.lemma_map(other_fold)
    cached.write_bytes(b"broken")
    monkeypatch.undo()
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path))
    assert french.lemma_map(fold) == prepared  # a damaged cache is prepared again


def test_a_second_start_reads_the_map_prepared_by_the_first(tmp_path: Path) -> None:
    """The cache key is the same in every process (a key holding a memory address missed at every start)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "HOTLINE_CACHE_DIR": str(tmp_path)}
    script = "from bot.answering.normalize import french_lemmas; french_lemmas()"
    for _ in range(2):
        subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=Path(__file__).parent.parent)
    assert len(list((tmp_path / "hotline").glob("lemmas-fr-*.marshal"))) == 1
