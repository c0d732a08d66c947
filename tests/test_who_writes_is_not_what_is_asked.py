"""Members open with who they are, a name with its title as on the phone: who writes, not a story told."""

from __future__ import annotations

import pytest

from bot.answering.segment import Role, split_message


@pytest.mark.parametrize("text", [
    "Bonjour, c'est Mme Rivière, j'habite la Bottière depuis 10 ans. Mon fils voudrait venir à une réunion, il peut ?",
    "Bonsoir, c'est Monsieur Lopez. Est-ce que les réunions du conseil sont ouvertes à tout le monde ?",
    "Bonjour, c'est Madame Camara, je suis au conseil depuis 2 ans. On peut avoir un local ?",
])
def test_a_name_said_with_its_title_is_who_writes_not_a_story(text: str) -> None:
    # Mme Rivière gives her name as a neighbour would on the phone: it tells nothing of what she asks.
    named = next(s for s in split_message(text) if s.text)
    assert named.role == Role.INTRO


def test_a_titled_name_inside_the_story_stays_the_story() -> None:
    # Here Mme Petit is the person the question is about, not the one who writes.
    segments = [s for s in split_message("c'est Mme Petit qui s'occupe du local, on peut la joindre ?") if s.text]
    assert segments[0].role == Role.CONTEXT

