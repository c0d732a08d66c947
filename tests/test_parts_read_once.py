"""A message of several questions decides each part; what a part's decision would offer beside an answer (its
runner-up), or as its own choices when the rest of the message picks them, is dropped. Those readings are not made
(the character n-grams of a long part cost up to a millisecond at 10,000 entries), and every decision stays the one
made when they are read."""

from __future__ import annotations

import pytest

from bench.common import load_eval
from bench.realistic import load_realistic
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision
from bot.answering.questions import split_questions
from bot.answering.segment import Segment
from bot.config import ROOT, load_settings
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE

MESSAGES = (
    "Bonjour, j'ai été tirée au sort et je voudrais savoir si je suis obligée d'accepter. "
    "Et si j'accepte, ça dure combien de temps ?",
    "Deux questions svp : 1) les conseillers sont payés ? 2) on peut avoir un local",
    "c quoi le FPH et comment on demande des sous",
    "le contrat de ville c quoi et il dure jusqua quand",
    "Trois questions : c'est quoi l'interconseil, on y parle de quoi, et qui peut venir ?",
    "c'est quoi le conseil citoyen ? qui peut en faire partie ? et on se réunit où ?",
    "On a un projet de jardin partagé. Comment le financer ? Et qui peut nous aider à monter le dossier ?",
    "Comment on supprime mes données ? Et à qui je m'adresse si j'ai un souci avec ça ?",
    "le copil c'est quoi ? et le chef de projet ?",
    "combien coûte l'adhésion à RésO Villes ? comment vous contacter ?",
    "on voudrait organiser une fête de quartier, on peut avoir des sous ? et il faut une autorisation ?",
    "c koi la diff entre le copil et le conseil citoyen",
)


class ReadingAll(Answerer):
    """The answerer as it was: every part's runner-up and choices read."""

    def decide_segments(self, segments: list[Segment], exclude: frozenset[str] = frozenset(),
                         offer_agreed: bool = False, *, runner_up: bool = True, choices: bool = True) -> Decision:
        return super().decide_segments(segments, exclude, offer_agreed)


@pytest.fixture(scope="module")
def answerers() -> tuple[Answerer, ReadingAll]:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    settings = load_settings(ROOT / "config.toml", env={}).answering
    return Answerer(kb, settings), ReadingAll(kb, settings)


def test_each_part_is_decided_as_when_everything_is_read(answerers: tuple[Answerer, ReadingAll]) -> None:
    ours, everything = answerers
    # The dev splits' messages of several questions too (never the test splits).
    dev = [m.text for m in load_realistic() if m.split == "dev"] + [q.q for q in load_eval() if q.split == "dev"]
    several = [text for text in dev if len(split_questions(text)) > 1]
    assert len(several) > 100
    for text in (*MESSAGES, *several):
        assert repr(ours.decide(text)) == repr(everything.decide(text)), text


def test_fewer_character_rankings_are_made(answerers: tuple[Answerer, ReadingAll],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    counts = []
    for answerer in answerers:
        read: list[str] = []
        scores = answerer.chars.scores
        monkeypatch.setattr(answerer.chars, "scores", lambda text, scores=scores, read=read: (
            read.append(text), scores(text))[1])
        for text in MESSAGES:
            answerer.decide(text)
        counts.append(len(read))
    assert counts[0] < counts[1]
