"""Reading an FAQ answer whole: the short version comes first, the whole answer behind « En savoir plus »."""

from __future__ import annotations

from bot.app import App
from bot.core.replies import Reply, Sender


def whole_answer(app: App, sender: Sender, replies: list[Reply]) -> str:
    """The replies' text, followed by what « En savoir plus » shows when a short answer came first."""
    shown = [r.text for r in replies]
    for button in (b for r in replies for row in r.buttons for b in row if b.data.startswith("full:")):
        shown += [r.text for r in app.hotline.on_button(sender, button.data)]
    return "\n".join(shown)
