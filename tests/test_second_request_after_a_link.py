"""A new wish said after "et" / "et aussi" ("…comment je fais et aussi je veux que vous effaciez mes infos"), or
whether there are some of the thing ("…et il y en a pour les membres"), is a new request: the message holds two
questions, each answered or offered."""

from __future__ import annotations

import pytest

from bot.answering.decision import Decision, Kind
from bot.answering.questions import split_questions
from bot.app import App
from bot.core.replies import Sender


def decide(app: App, text: str, who: str = "karim") -> Decision:
    return app.faq.decide(Sender(channel="cli", user_id=who, chat_id=who), text)


@pytest.mark.parametrize(("text", "asked"), [
    ("je veux partir du conseil comment je fais et aussi je veux que vous effaciez mes infos",
     ["je veux partir du conseil comment je fais", "je veux que vous effaciez mes infos"]),
    ("comment on s'inscrit et je voudrais connaître vos tarifs",
     ["comment on s'inscrit", "je voudrais connaître vos tarifs"]),
    ("un atelier ça coûte combien et il y en a le samedi", ["un atelier ça coûte combien", "il y en a le samedi"]),
])
def test_a_wish_after_a_link_opens_a_second_question(text: str, asked: list[str]) -> None:
    assert [a.text for a in split_questions(text)] == asked


def test_leaving_the_council_and_having_ones_data_erased_are_two_questions(shipped_app: App) -> None:
    # Read as one, the erasing took the whole message and leaving the council was dropped.
    decision = decide(shipped_app, "je veux partir du conseil comment je fais et aussi je veux que vous effaciez mes infos")
    assert decision.kind == Kind.MULTI
    assert {p.candidates[0].entry.id for p in decision.parts} == {"cc-demissionner", "rgpd-supprimer"}


def test_signing_up_to_a_webinar_and_the_prices_are_both_understood(shipped_app: App) -> None:
    decision = decide(shipped_app, "comment on s'inscrit à un webinaire et aussi je voudrais connaître les tarifs de "
                                   "RésO Villes")
    assert decision.kind == Kind.MULTI
    # The webinar is answered; the prices, which the classifier learned from members' messages barely reads in the
    # whole message, may be offered as their choice (bot/answering/learned_doubt.py).
    assert [p.candidates[0].entry.id for p in decision.parts] == ["event-inscription-webinaire", "crpv-tarifs"]
    assert decision.parts[0].kind == Kind.ANSWER


def test_whether_there_are_webinars_for_members_is_asked_besides_their_price(shipped_app: App) -> None:
    # Read as one, the price of being a member came first and the webinars were not offered.
    decision = decide(shipped_app, "un webinaire ça coûte combien pour notre conseil et il y en a pour les membres")
    assert decision.kind == Kind.MULTI
    assert decision.parts[0].candidates[0].entry.id == "event-gratuit"
    # The webinars are offered for the second question; the classifier, read on « il y en a pour les membres » alone,
    # may put the members' trainings before them.
    assert "event-webinaires-2026" in [c.entry.id for c in decision.parts[1].candidates]
