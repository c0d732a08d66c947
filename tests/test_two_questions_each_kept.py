"""Two questions in one message, each kept with its own entry: a story that leaves the first question with no entry
at all gives way to the question's own words; a second question going on with the first one's subject takes, of
its nearly even entries, the one about that subject; "…, on fait comment ?" after another question asks how to reach
a person, it does not ask to be put through."""

from __future__ import annotations

from bot.answering.decision import Decision, Kind
from bot.app import App
from bot.core.replies import Sender


def decide(app: App, text: str, who: str = "mireille") -> Decision:
    return app.faq.decide(Sender(channel="cli", user_id=who, chat_id=who), text)


def first_choices(decision: Decision) -> list[str]:
    """The entry each question of the message is answered or offered with, in order."""
    assert decision.kind == Kind.MULTI
    return [p.candidates[0].entry.id for p in decision.parts]


def test_a_story_of_a_restarted_council_does_not_hide_how_many_members_it_needs(shipped_app: App) -> None:
    # Read with the story ("on est cinq pour l'instant"), "il faut être combien ?" finds no entry; alone, it is the
    # number of members. Without it, only the parity question was answered.
    decision = decide(shipped_app, "Notre conseil redémarre et on est cinq pour l'instant. Il faut être combien ? "
                                   "Et on doit avoir autant d'hommes que de femmes ?")
    assert first_choices(decision) == ["cc-nombre-membres", "cc-parite"]


def test_whether_the_data_goes_to_the_town_hall_follows_the_question_on_erasing_it(shipped_app: App) -> None:
    # Alone, "vous les donnez à la mairie" puts the entry on photos and data a few points ahead.
    decision = decide(shipped_app, "Je voudrais effacer mes données. Et vous les donnez à la mairie ?")
    assert first_choices(decision) == ["rgpd-supprimer", "rgpd-partage"]


def test_where_to_ask_the_acronyms_follows_the_question_on_using_the_bot(shipped_app: App) -> None:
    decision = decide(shipped_app, "le bot il marche comment, faut taper des commandes ? et les abréviations que je "
                                   "comprends pas je les demande où ?")
    assert first_choices(decision) == ["hotline-commandes", "hotline-glossaire"]


def test_how_to_reach_a_person_asked_after_another_question_ends_with_its_how(shipped_app: App) -> None:
    # "on fait comment ?" at the end asks how it is done, as "comment on fait" does at the start: the entry on
    # reaching the team answers it beside the first question, instead of putting the member through at once.
    decision = decide(shipped_app, "Le bot sait répondre sur quels sujets ? Et si je veux parler à un humain, on fait "
                                   "comment ?")
    assert first_choices(decision) == ["hotline-quoi-demander", "hotline-parler-humain"]


def test_asking_alone_how_to_reach_a_person_still_puts_the_member_through(shipped_app: App) -> None:
    decision = decide(shipped_app, "je veux parler à quelqu'un de l'équipe, je fais comment ?")
    assert decision.kind == Kind.ACT
