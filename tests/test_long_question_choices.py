"""A whole message asked in one long breath is judged like a story: its choices are weighed on the words the base
knows, so "je voudrais savoir si…" and the member's own details no longer push every entry below the bar and leave
the member with "je ne connais pas la réponse"."""

from __future__ import annotations

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind


def test_a_mother_asking_in_one_breath_about_the_interconseil_gets_choices(answerer: Answerer) -> None:
    decision = answerer.decide("bonjour je voudrais savoir si je peux venir avec ma fille de 14 ans au prochain "
                               "interconseil elle s'intéresse beaucoup à la vie du quartier, et c'est où exactement ?")
    assert decision.kind == Kind.SUGGEST
    assert {"cc-jeunes", "event-interconseil-frequence"} <= {c.entry.id for c in decision.candidates}


def test_a_short_question_is_still_judged_on_all_its_words(answerer: Answerer) -> None:
    # "quel temps fera-t-il demain" shares "temps" with an entry on delays: no reason to offer it.
    assert answerer.decide("quel temps fera-t-il demain").kind == Kind.UNKNOWN
