"""Dialogue acts: what a message *does* besides (or instead of) asking about the FAQ.

"merci beaucoup vous êtes gentil" closes a conversation, "c nul votre truc" vents, "je veux parler à
un humain" asks for a person, "je comprends pas" asks for a simpler answer, "où en est ma question ?"
asks about a forwarded question, "et pour les jeunes ?" continues the previous one. None of these
should be matched against the FAQ as if it were a question about it.

Detection is on folded text (no case, no accents, SMS spellings mapped: `reading`); whether an act applies
(a "plus simple svp" needs a previous answer) is for the conversation to decide, not for this package.
Each act has its module: `person`, `status`, `complaint`, `simpler`, `sequel`, `closing`.
"""

from __future__ import annotations

from bot.answering.acts.closing import SMALL_TALK_WORDS, closing_acts
from bot.answering.acts.complaint import aimed_at_hotline, complains, without_complaint
from bot.answering.acts.kinds import CLOSING_ACTS, Act
from bot.answering.acts.person import wants_a_person
from bot.answering.acts.reading import folded
from bot.answering.acts.sequel import follows_up, goes_on, leans_back, opens_on_a_property
from bot.answering.acts.simpler import asks_simpler, names_an_answer
from bot.answering.acts.status import asks_after_its_question

__all__ = ["CLOSING_ACTS", "SMALL_TALK_WORDS", "Act", "aimed_at_hotline", "detect", "folded", "goes_on", "leans_back",
           "names_an_answer", "opens_on_a_property", "without_complaint"]


def detect(text: str) -> tuple[Act, ...]:
    """Every act the message performs, most telling first. An ordinary question has none."""
    key = folded(text)
    found: list[Act] = []
    if wants_a_person(key):
        found.append(Act.HUMAN)
    if asks_after_its_question(key):
        found.append(Act.STATUS)
    if complains(text, key):
        found.append(Act.FRUSTRATION)
    # "je comprends pas" alone asks for a simpler answer; "je comprends pas le rôle du préfet" is a question.
    if asks_simpler(key):
        found.append(Act.SIMPLER)
    if follows_up(text, key):
        found.append(Act.FOLLOW_UP)
    found += closing_acts(text, key)
    return tuple(dict.fromkeys(found))
