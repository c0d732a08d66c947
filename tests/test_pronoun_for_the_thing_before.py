"""A second question that names its subject with a pronoun ("on la crée comment ?", "je peux y aller ?", "vous les
donnez à la mairie ?") or with "si oui" asks about the thing the question before named: that thing is read with it,
and the entry the question before took does not pull it back."""

from __future__ import annotations

import pytest

from bot.answering.decision import Decision, Kind
from bot.answering.questions import named_thing, stands_for_before
from bot.app import App
from bot.core.replies import Sender


def decide(app: App, text: str, who: str = "mariam") -> Decision:
    return app.faq.decide(Sender(channel="cli", user_id=who, chat_id=who), text)


@pytest.mark.parametrize(("question", "stands_for"), [
    ("Et la mairie peut les voir ?", True),
    ("je peux y aller moi ?", True),
    ("vous les gardez combien de temps ?", True),
    ("on la crée comment ?", True),
    ("il y en a pour les jeunes ?", True),
    ("et une fois là-bas on dit quoi ?", True),
    ("si oui on fait comment", True),
    ("il y a des aides ?", False),  # "il y a" points at nothing
    ("vous les élus vous faites quoi ?", False),  # "les" before a noun is an article
    ("nous les habitants on peut venir ?", False),
    ("on peut avoir la salle ?", False),
    ("j'en ai marre, on fait quoi ?", False),
])
def test_a_pronoun_before_the_verb_stands_for_a_thing_named_before(question: str, stands_for: bool) -> None:
    assert stands_for_before(question) is stands_for


@pytest.mark.parametrize(("before", "question", "thing"), [
    ("c'est quoi le contrat de ville ?", "on peut le lire où ?", "contrat de ville"),
    ("le conseil citoyen c'est quoi ?", "qui peut en faire partie ?", "conseil citoyen"),
    ("Qui peut venir à l'interconseil ?", "on y parle de quoi ?", "interconseil"),
    # "les" is a plural: the plural thing, not the first one named.
    ("la mairie garde mes données ?", "elle les donne à qui ?", "donnees"),
    # The question names its own thing before its pronoun: nothing is carried.
    ("on peut décider sans vote ?", "et si on n'aime pas un membre on peut le renvoyer ?", ""),
    ("comment on fait ?", "on peut y aller ?", ""),
])
def test_the_thing_a_pronoun_stands_for_agrees_with_it(before: str, question: str, thing: str) -> None:
    assert named_thing(before, question) == thing


def test_how_to_go_about_it_if_the_council_must_be_an_association_is_creating_one(shipped_app: App) -> None:
    # Read with the whole question before, "si oui on fait comment" was pulled to that question's entry, then
    # offered the entry on deciding together.
    decision = decide(shipped_app, "Faut-il devenir une association ? si oui on fait comment")
    assert decision.kind == Kind.MULTI
    assert [p.candidates[0].entry.id for p in decision.parts] == ["fonct-forme-juridique", "fonct-creer-association"]
