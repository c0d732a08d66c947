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


@pytest.mark.parametrize("text", [
    "cest quoi la difference entre le contrat de ville et le conseil citoyen",
    "cest quoi la difference entre le contrat de ville et le conseil citoyen jcomprend pa",
    "Quelle différence il y a entre le conseil citoyen et le contrat de ville ? je m'y perds",
    "le contrat de ville et le conseil citoyen c quoi la diff",
    "contrat de ville ou conseil citoyen, c'est pareil ?",
    "le contrat de ville c'est pareil que le conseil citoyen ?",
])
def test_an_entry_comparing_another_pair_is_not_answered(shipped_app: App, text: str) -> None:
    # Nadia mixes up the contract her council takes part in with the council itself. The base compares the council
    # with the neighbourhood council: answering that would tell her about a body she never named.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(text))
    assert "Quelle est la différence entre un conseil citoyen et un conseil de quartier" not in shown.split("\n")[0]
    assert "Qu'est-ce qu'un contrat de ville ?" in shown and "Qu'est-ce qu'un conseil citoyen ?" in shown


@pytest.mark.parametrize("text", [
    "c koi la diff entre la GUSP et le contrat de ville",
    "le cotech et le conseil citoyen c'est la même chose ?",
])
def test_other_pairs_compared_get_both_meanings(shipped_app: App, text: str) -> None:
    # Sami names two things of his council's life; no entry compares them, so each is explained.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(text))
    assert "Quelle est la différence entre un conseil citoyen et un conseil de quartier" not in shown.split("\n")[0]
    assert "Vous posez deux questions" in shown


@pytest.mark.parametrize(("text", "sides"), [
    ("le contrat de ville et le conseil citoyen c quoi la diff", ("le contrat de ville", "le conseil citoyen")),
    ("copil ou cotech quelle difference ?", ("copil", "cotech")),
])
def test_two_things_named_before_asking_their_difference_are_compared(text: str, sides: tuple[str, str]) -> None:
    assert compared(text) == sides


@pytest.mark.parametrize(("text", "sides"), [
    ("le copil et le cotech c pareil ou pas jcomprend rien", ("le copil", "le cotech")),
    ("le FPH ou le budget participatif c'est pareil je mélange tout", ("le fph", "le budget participatif")),
    ("la différence entre le copil et le cotech, je m'y perds", ("le copil", "le cotech")),
])
def test_being_lost_said_after_a_comparison_keeps_it_one(text: str, sides: tuple[str, str]) -> None:
    assert compared(text) == sides


def test_a_comparison_with_a_thing_the_base_never_explains_offers_the_other(shipped_app: App) -> None:
    # Rose wonders whether the social landlord is just a landlord: the base explains the first, not the second.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("un bailleur social c'est pareil qu'un propriétaire ou pas, je comprends jamais"))
    assert "Qu'est-ce qu'un bailleur social ?" in shown
    assert "situation personnelle" not in shown
