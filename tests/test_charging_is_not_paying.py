"""A French turn read as it is meant: "on fait payer" (the council charging others) is not paying."""

from __future__ import annotations

from bot.answering.decision import Kind
from bot.app import App
from bot.core.replies import Sender

MEMBER = Sender(channel="cli", user_id="21", chat_id="21")


def test_a_council_charging_for_its_neighbourhood_meal_is_not_told_whether_our_events_cost_it(shipped_app: App) -> None:
    decided = shipped_app.faq.answerer.decide(
        "Notre conseil voudrait organiser un repas de quartier. Et si on fait payer 2 euros le repas, on a le droit ?")
    # Charging at the council's fête is what the fête entry speaks of; whether members pay for ours is not asked.
    assert decided.candidates[0].entry.id == "fonct-fete-espace-public"
    assert not (decided.kind == Kind.ANSWER and decided.entry is not None and decided.entry.id == "event-gratuit")


def test_asking_whether_we_charge_for_trainings_still_asks_what_the_member_pays(shipped_app: App) -> None:
    decided = shipped_app.faq.decide(MEMBER, "vous faites payer les formations ?")
    assert decided.kind == Kind.ANSWER and decided.entry is not None and decided.entry.id == "crpv-formation-cout"
