"""A message of two questions: each question read alone by the classifier learned from members' messages. When it
names another entry surely for one of them, that entry leads the question's choices, ours second."""

from __future__ import annotations

from collections.abc import Callable

from bot.answering.acts import Act
from bot.answering.decision import Decision, Kind
from bot.answering.learned import NONE
from bot.answering.learned_parts import PART_LEAD_PROBABILITY, with_parts_led
from bot.answering.matcher import Candidate
from bot.app import App
from bot.core.replies import Sender
from bot.knowledge.model import KnowledgeBase

MEMBER = Sender(channel="cli", user_id="31", chat_id="31")


def _candidate(kb: KnowledgeBase, entry_id: str, score: float = 60.0) -> Candidate:
    entry = kb.entry(entry_id)
    assert entry is not None
    return Candidate(entry=entry, score=score, phrasing=entry.question)


def _answered(kb: KnowledgeBase, entry_id: str, said: str) -> Decision:
    ours = _candidate(kb, entry_id, 80.0)
    return Decision(kind=Kind.ANSWER, entry=ours.entry, score=80.0, candidates=(ours,), segments=(said,))


def _offered(kb: KnowledgeBase, said: str, *entry_ids: str) -> Decision:
    return Decision(kind=Kind.SUGGEST, candidates=tuple(_candidate(kb, e) for e in entry_ids), segments=(said,))


def _reading(**named: tuple[str, float]) -> Callable[[str], tuple[str, float] | None]:
    """The classifier's first class for each part's words (by a key word of the part)."""
    def read(text: str) -> tuple[str, float] | None:
        return next((found for word, found in named.items() if word in text), None)

    return read


def _firsts(decision: Decision) -> list[str]:
    return [p.entry.id if p.kind == Kind.ANSWER and p.entry else p.candidates[0].entry.id for p in decision.parts]


def _two(kb: KnowledgeBase, second: Decision, *, acts: tuple[Act, ...] = ()) -> Decision:
    first = _answered(kb, "rgpd-donnees-conservees", "qu'est-ce que vous gardez sur moi ?")
    return Decision(kind=Kind.MULTI, parts=(first, second), acts=acts)


def test_a_question_the_classifier_reads_otherwise_alone_is_offered_with_its_entry_first(shipped_app: App) -> None:
    kb = shipped_app.knowledge
    # "…et la mairie peut les voir ?": our rankers offer why we keep data; alone, the classifier reads sharing.
    asked = _two(kb, _offered(kb, "et la mairie peut les voir ?", "rgpd-pourquoi", "rgpd-partage"))
    led = with_parts_led(asked, _reading(mairie=("rgpd-partage", 0.8)), kb.entry, lambda _: True)
    assert _firsts(led) == ["rgpd-donnees-conservees", "rgpd-partage"]
    assert [c.entry.id for c in led.parts[1].candidates] == ["rgpd-partage", "rgpd-pourquoi"]


def test_a_question_answered_at_once_becomes_two_choices_the_classifiers_first(shipped_app: App) -> None:
    kb = shipped_app.knowledge
    asked = _two(kb, _answered(kb, "rgpd-pourquoi", "et la mairie peut les voir ?"))
    led = with_parts_led(asked, _reading(mairie=("rgpd-partage", 0.9)), kb.entry, lambda _: True)
    second = led.parts[1]
    assert second.kind == Kind.SUGGEST and second.entry is None
    assert [c.entry.id for c in second.candidates] == ["rgpd-partage", "rgpd-pourquoi"]


def test_a_question_the_classifier_reads_only_unsurely_keeps_our_choices(shipped_app: App) -> None:
    kb = shipped_app.knowledge
    asked = _two(kb, _offered(kb, "et la mairie peut les voir ?", "rgpd-pourquoi", "rgpd-partage"))
    unsure = _reading(mairie=("rgpd-partage", PART_LEAD_PROBABILITY - 0.1))
    assert with_parts_led(asked, unsure, kb.entry, lambda _: True) == asked


def test_an_entry_the_other_question_has_or_out_of_scope_changes_nothing(shipped_app: App) -> None:
    kb = shipped_app.knowledge
    asked = _two(kb, _offered(kb, "et la mairie peut les voir ?", "rgpd-pourquoi", "rgpd-partage"))
    # The first question already gives the data kept: the second question is not given it too.
    assert with_parts_led(asked, _reading(mairie=("rgpd-donnees-conservees", 0.9)), kb.entry, lambda _: True) == asked
    assert with_parts_led(asked, _reading(mairie=(NONE, 0.9)), kb.entry, lambda _: True) == asked


def test_a_question_on_an_entry_added_after_the_classifier_learned_is_left_alone(shipped_app: App) -> None:
    kb = shipped_app.knowledge
    asked = _two(kb, _offered(kb, "et la mairie peut les voir ?", "rgpd-pourquoi", "rgpd-partage"))
    led = with_parts_led(asked, _reading(mairie=("rgpd-partage", 0.9)), kb.entry, lambda e: e != "rgpd-pourquoi")
    assert led == asked


def test_the_whole_message_read_otherwise_keeps_our_choice(shipped_app: App) -> None:
    """"…c'est quoi exactement et il dure combien de temps": alone, "il dure combien de temps" reads as the
    mandate's length; the whole message, which names the contract, prefers ours."""
    kb = shipped_app.knowledge
    asked = _two(kb, _offered(kb, "et il dure combien de temps", "cdv-duree", "cc-mandat-duree"))
    read = _reading(dure=("cc-mandat-duree", 0.8))
    whole = {"cdv-duree": 0.4, "cc-mandat-duree": 0.05}
    assert with_parts_led(asked, read, kb.entry, lambda _: True, whole=lambda e: whole.get(e, 0.0)) == asked
    assert _firsts(with_parts_led(asked, read, kb.entry, lambda _: True))[1] == "cc-mandat-duree"


def test_a_member_asking_whether_their_details_go_to_the_town_hall_gets_the_sharing_entry_first(
        shipped_app: App) -> None:
    asked = "je peux utiliser un pseudo ? et mes infos vont à la mairie ?"
    answerer = shipped_app.faq.answerer
    answerer.part_lead = None
    before = shipped_app.faq.decide(MEMBER, asked)
    answerer.part_lead = PART_LEAD_PROBABILITY
    after = shipped_app.faq.decide(MEMBER, asked)
    # Our rankers read "mes infos" first: the data we keep. The classifier, reading "et mes infos vont à la mairie ?"
    # alone and the whole message too, names what is shared with the town hall: that button comes first.
    assert before.kind == Kind.MULTI and _firsts(before) == ["rgpd-pseudonyme", "rgpd-donnees-conservees"]
    assert after.kind == Kind.MULTI and _firsts(after) == ["rgpd-pseudonyme", "rgpd-partage"]
    assert [c.entry.id for c in after.parts[1].candidates][:2] == ["rgpd-partage", "rgpd-donnees-conservees"]
