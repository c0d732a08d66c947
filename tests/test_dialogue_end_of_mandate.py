"""A member reads how long a mandate lasts, then asks how to leave before it ends (a trial's findings).

"Avant la fin" in a follow-up is the end of what was just answered, the mandate: its words name no subject of
their own. And the length of a city contract, which the previous question alone pulls ahead, does not stand
against leaving the council, linked to the mandate's length and named by the follow-up's own word "partir".
"""

from __future__ import annotations

import pytest

from bot.app import App
from bot.channels.terminal import TerminalChat

LEAVING = "Vous pouvez partir quand vous voulez"


@pytest.mark.parametrize("follow_up", ["et si je veux partir avant la fin ?", "et pour partir avant le terme ?"])
def test_leaving_before_the_end_after_the_mandates_length_is_how_to_resign(shipped_app: App,
                                                                            follow_up: str) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("Combien de temps dure le mandat d'un conseiller citoyen ?"))
    shown = chat.render(chat.handle(follow_up))
    assert LEAVING in shown
