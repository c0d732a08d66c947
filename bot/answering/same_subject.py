""""Qu'est-ce qu'un café citoyen ? Et c'est payant ?": a second question with no subject of its own is asked about the
subject of the first. The base says what an entry is about in three ways: its section (the start of its id, `event-`,
`cc-`, `crpv-`…), its tags, and the entries it links as next questions (`related`). The entry of the first question
stands for that subject; how much another entry shares of it says whether the second question is about it too
("c'est payant ?" after the café is the events' price, not the price of being a member).

Works on entries only: no words are read here.
"""

from __future__ import annotations

from bot.knowledge.model import FaqEntry


def _section(entry: FaqEntry) -> str:
    return entry.id.split("-", 1)[0]


SECTION_WEIGHT = 0.5  # a section is broad (the events, RésO Villes): a tag or a link says more


def shared(entry: FaqEntry, subject: FaqEntry) -> float:
    """How much of `subject` an entry is about: one per tag in common, one for a link either way, half for the same
    section; 0 for the subject itself."""
    if entry.id == subject.id:
        return 0.0
    linked = entry.id in subject.related or subject.id in entry.related
    return SECTION_WEIGHT * (_section(entry) == _section(subject)) + len(set(entry.tags) & set(subject.tags)) + linked
