"""The knowledge's phrasings rewritten the way members write, for the classifier to learn from
(bench/learned_augment.py)."""

from __future__ import annotations

from bench.learned_augment import rewritten

PHRASINGS = [("cc-sans-diplome", "Faut-il un diplôme pour être conseiller citoyen ?"),
             ("cc-conseil-de-quartier", "Quelle est la différence entre un conseil citoyen et un conseil de quartier ?")]


def test_each_phrasing_comes_back_framed_as_a_member_writes_it_with_its_entry() -> None:
    out = rewritten(PHRASINGS, per_phrasing=3)
    assert [labels for _, labels in out] == [("cc-sans-diplome",)] * 3 + [("cc-conseil-de-quartier",)] * 3
    assert all(text not in dict(PHRASINGS).values() for text, _ in out)
    assert all(len(text) > len(phrasing) - 2 for (text, _), phrasing in
               zip(out, [PHRASINGS[0][1]] * 3 + [PHRASINGS[1][1]] * 3, strict=True))


def test_two_questions_joined_teach_both_entries() -> None:
    pairs = rewritten(PHRASINGS, per_phrasing=0, pairs=5)
    assert pairs and all(set(labels) == {"cc-sans-diplome", "cc-conseil-de-quartier"} for _, labels in pairs)


def test_the_same_knowledge_gives_the_same_examples() -> None:
    assert rewritten(PHRASINGS, pairs=3) == rewritten(PHRASINGS, pairs=3)
    assert rewritten(PHRASINGS, seed=1) != rewritten(PHRASINGS, seed=2)
