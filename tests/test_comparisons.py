"""Members ask how two things differ: each is explained unless an entry compares them."""

from __future__ import annotations

import pytest

from bot.answering.comparison import compared
from bot.app import App
from bot.channels.terminal import TerminalChat


@pytest.mark.parametrize(("text", "sides"), [
    ("c koi la diff entre le copil et le conseil citoyen", ("le copil", "le conseil citoyen")),
    ("quelle est la différence entre le FPH et l'appel à projets ?", ("le fph", "l appel a projets")),
    ("le copil ou le cotech c la meme chose", ("le copil", "le cotech")),
    ("le FPH c'est pareil que le budget participatif ?", ("le fph", "le budget participatif")),
])
def test_the_two_things_compared_are_found(text: str, sides: tuple[str, str]) -> None:
    assert compared(text) == sides


@pytest.mark.parametrize("text", ["c'est quoi le QPV et la GUSP", "comment on rejoint le conseil et on fait quoi",
                                  "c'est pareil pour tout le monde ?"])
def test_two_things_asked_together_are_no_comparison(text: str) -> None:
    assert compared(text) is None


def test_the_difference_between_two_things_no_entry_compares_explains_both(shipped_app: App) -> None:
    # Aïcha hears of the copil and of her own council at once; the copil's definition alone leaves her council out.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("c koi la diff entre le copil et le conseil citoyen"))
    assert "Vous posez deux questions" in shown
    assert "Qu'est-ce qu'un comité de pilotage" in shown and "Qu'est-ce qu'un conseil citoyen ?" in shown


def test_a_comparison_the_base_answers_keeps_its_answer(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("le conseil citoyen et le conseil de quartier c'est pareil ?"))
    assert "Quelle est la différence entre un conseil citoyen et un conseil de quartier" in shown
    assert "Vous posez deux questions" not in shown


def test_choices_that_name_neither_thing_compared_give_way_to_both(shipped_app: App) -> None:
    # Marc hesitates between the FPH and the call for projects: the council/neighbourhood comparison was all he got.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("quelle est la différence entre le FPH et l'appel à projets ?"))
    assert "Vous posez deux questions" in shown
    assert "fonds de participation des habitants" in shown and "appel à projets du contrat de ville" in shown
