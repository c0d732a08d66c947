"""Shared bits of the benchmarks: the evaluation set, the shipped knowledge, small statistics."""

from __future__ import annotations

import platform
import statistics
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bot.answering.semantic_opinion import SemanticOpinion, VectorStore
from bot.cache import cache_dir
from bot.config import ROOT, Settings, load_settings
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase

if TYPE_CHECKING:
    from bot.app import App

EVAL_FILE = ROOT / "bench" / "eval" / "questions.yaml"


@dataclass(frozen=True, kw_only=True)
class EvalQuestion:
    q: str
    expect: tuple[str, ...]
    kind: str  # faq | none | agenda | glossary
    split: str  # dev | test
    topic: str
    term: str | None = None


def load_eval(path: Path = EVAL_FILE) -> list[EvalQuestion]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [EvalQuestion(q=str(item["q"]), expect=tuple(item.get("expect") or ()), kind=item["kind"],
                         split=item["split"], topic=str(item.get("topic", "")), term=item.get("term"))
            for item in data]


def shipped() -> tuple[Settings, KnowledgeBase]:
    settings = load_settings(ROOT / "config.toml", env={})
    return settings, load_knowledge(settings.knowledge_dir)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine() -> str:
    import os

    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(headers: list[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(value: object) -> str:
        return f"{value:.1f}" if isinstance(value, float) else str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def e5_as_shipped(semantic: SemanticOpinion, *, on: bool = True) -> None:
    """e5 on the final decision (bot/answering/semantic_opinion.py) as in service once its vectors exist, for
    the shipped path only; the eval's messages embedded once and kept on disk (they are nobody's)."""
    semantic.background = False
    semantic.enabled = on
    semantic.kept_queries = VectorStore(cache_dir() / "bench-e5-queries.pickle")


@contextmanager
def e5_study() -> Iterator[tuple[App, SemanticOpinion, Any]]:
    """The shipped hotline on a scratch database with e5 on, and e5's index of the shipped knowledge: what the
    studies of where the right entry stands read every ranker from."""
    from bot.app import build_app

    settings, _ = shipped()
    with tempfile.TemporaryDirectory() as folder:
        app = build_app(replace(settings, database_url=f"sqlite:///{folder}/study.db"))
        semantic = app.semantic
        assert semantic is not None, "e5 (the embeddings extra) is needed"
        e5_as_shipped(semantic, on=True)
        index = semantic.index(app.faq.answerer.kb)
        assert index is not None
        yield app, semantic, index
