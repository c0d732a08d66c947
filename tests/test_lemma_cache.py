"""The French lemma map is prepared once and read from disk word by word: the same map, without folding
239k words at each start, nor holding them in memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answering import lemmas
from bot.answering.normalize import fold


def _folded_simplemma() -> dict[str, str]:
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    folded: dict[str, str] = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary("fr").items():
        folded.setdefault(fold(form), fold(lemma))
    return folded


def test_the_cached_map_is_the_one_folded_from_simplemma_and_is_read_back(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path))
    (tmp_path / "hotline").mkdir()
    left_over = tmp_path / "hotline" / "lemmas-fr-simplemma2.0.0-0123456789ab.marshal"  # the former format
    left_over.write_bytes(b"{}")
    prepared = lemmas.lemma_map(fold)
    assert not left_over.exists()
    assert isinstance(prepared, lemmas.LemmaFile)
    assert dict(prepared.items()) == _folded_simplemma()
    [cached] = (tmp_path / "hotline").glob("lemmas-fr-*.sqlite")

    import simplemma.strategies.dictionaries.dictionary_factory as factory

    def not_again(*args: object) -> None:
        raise AssertionError("the dictionary was folded again")

    monkeypatch.setattr(factory.DefaultDictionaryFactory, "get_dictionary", not_again)
    again = lemmas.lemma_map(fold)
    assert again["reunions"] == "reunion" and again.get("rejoint") == "rejoindre"
    assert "endroit" in again and "qpvx" not in again and again.get("qpvx") is None

    def other_fold(text: str) -> str:
        return text.upper()

    with pytest.raises(AssertionError, match="folded again"):  # another folding: another cache file
        lemmas.lemma_map(other_fold)
    cached.write_bytes(b"broken")
    monkeypatch.undo()
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path))
    assert lemmas.lemma_map(fold)["reunions"] == "reunion"  # a damaged cache is prepared again


def test_a_second_start_reads_the_map_prepared_by_the_first(tmp_path: Path) -> None:
    """The cache key is the same in every process (a key holding a memory address missed at every start)."""
    env = {**os.environ, "HOTLINE_CACHE_DIR": str(tmp_path)}
    script = "from bot.answering.normalize import lemma; assert lemma('reunions') == 'reunion'"
    for _ in range(2):
        subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=Path(__file__).parent.parent)
    assert len(list((tmp_path / "hotline").glob("lemmas-fr-*.sqlite"))) == 1


def test_maps_of_older_versions_do_not_pile_up_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "hotline"
    folder.mkdir()
    for n in range(5):  # maps prepared by five older versions, the first the oldest
        old = folder / f"lemmas-fr-simplemma1.{n}-0123456789ab.sqlite"
        old.write_bytes(b"")
        os.utime(old, ns=(n * 10**9, n * 10**9))
    lemmas.lemma_map(fold)
    kept = sorted(p.name for p in folder.glob("lemmas-fr-*.sqlite"))
    assert len(kept) == lemmas.KEPT_LEMMA_FILES
    assert "lemmas-fr-simplemma1.4-0123456789ab.sqlite" in kept and "lemmas-fr-simplemma1.0-0123456789ab.sqlite" not in kept


def test_each_form_is_read_from_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A word is asked for by several functions and in many messages: its answer, French form or not, is read
    once and kept (the same answer)."""
    monkeypatch.setenv("HOTLINE_CACHE_DIR", str(tmp_path))
    words = ["reunions", "rejoint", "qpvx", "endroit", "reunions", "jsui", "conseil"]
    prepared = lemmas.lemma_map(fold)
    assert isinstance(prepared, lemmas.LemmaFile)
    queries: list[str] = []
    prepared._db.set_trace_callback(queries.append)
    first = {w: prepared.get(w) for w in words}
    assert first["reunions"] == "reunion" and first["qpvx"] is None
    assert len(queries) == len(set(words))
    assert {w: prepared.get(w) for w in words} == first and "qpvx" not in prepared and "endroit" in prepared
    assert len(queries) == len(set(words))  # not read again
