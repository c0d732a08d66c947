"""A member who says she does not know what a thing is asks what it is, though she writes no question word:
"…on parle de la politique de la ville partout, moi je sais pas ce que c'est". The thing is the one named just
before; the entry that says what it is answers, not one that the rest of her story pulls."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.questions import asks_to_explain, asks_what_it_is, told_before_not_knowing


@pytest.mark.parametrize(("said", "asks"), [
    ("je ne sais pas ce que c'est.", True),
    ("moi je comprends pas ce que ça veut dire", True),
    ("jsais pas c quoi", True),
    ("le copil je sais toujours pas ce que c est", True),
    ("je sais pas ce que je dois faire", False),
    ("les gens savent pas ce que c'est", False),
])
def test_not_knowing_what_it_is_asks_it(said: str, asks: bool) -> None:
    assert asks_what_it_is(said) is asks


@pytest.mark.parametrize(("said", "explain"), [
    ("Vous pouvez m'expliquer simplement ?", True),
    ("expliquez-moi svp", True),
    ("vous pouvez m'expliquer comment on monte un dossier ?", False),
])
def test_asking_to_be_explained_names_nothing(said: str, explain: bool) -> None:
    assert asks_to_explain(said) is explain


def test_what_comes_before_not_knowing_is_the_story() -> None:
    assert told_before_not_knowing("on parle du contrat de ville, moi je sais pas ce que c'est") == (
        "on parle du contrat de ville, moi ")
    assert told_before_not_knowing("c'est quoi le contrat de ville ?") is None


@pytest.mark.parametrize(("message", "entry"), [
    ("Tout le monde dans le quartier parle de la politique de la ville, moi je comprends pas ce que c'est.",
     "cdv-politique-de-la-ville"),
    ("Bonsoir. Aux réunions les gens disent politique de la ville sans arrêt, et franchement je sais pas ce que "
     "c'est", "cdv-politique-de-la-ville"),
    ("Bonjour, je suis Karima, du conseil citoyen de Bellevue. A chaque réunion on parle de la GUSP, je sais pas "
     "ce que c'est, j'ai honte de demander. Vous pouvez m'expliquer ?", "theme-gusp"),
])
def test_a_member_who_does_not_know_what_a_named_thing_is_gets_what_it_is(answerer: Answerer, message: str,
                                                                           entry: str) -> None:
    decision = answerer.decide(message)
    if decision.kind == Kind.GLOSSARY:  # the glossary's line on the same term says what it is too
        assert decision.term is not None and decision.term.term == "politique de la ville"
    else:
        assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == entry
