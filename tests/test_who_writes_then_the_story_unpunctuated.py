"""Written without punctuation, who writes runs into the story and the question: "bonsoir je m'appelle Sylvain je suis
cariste en horaires de nuit je peux pas venir…". The introduction ends where "je" goes on with a verb that introduces
no more, and "c moi Inès" says who writes as "moi c Inès" does."""

from __future__ import annotations

from bot.answering.decision import Decision, Kind
from bot.answering.segment import Role, split_message
from bot.app import App
from bot.core.replies import Sender


def decide(app: App, text: str, who: str = "sylvain") -> Decision:
    return app.faq.decide(Sender(channel="cli", user_id=who, chat_id=who), text)


def test_the_trade_is_who_writes_and_what_follows_is_told() -> None:
    parts = split_message("bonsoir je m'appelle Sylvain je suis cariste en horaires de nuit je peux pas venir a toutes "
                          "les réunions c'est grave")
    assert [(s.role, s.text) for s in parts if s.text] == [
        (Role.INTRO, "je m'appelle Sylvain"), (Role.INTRO, "je suis cariste en horaires de nuit"),
        (Role.QUESTION, "je peux pas venir a toutes les réunions c'est grave")]


def test_c_moi_and_a_name_is_who_writes() -> None:
    parts = split_message("c moi Inès jsuis au conseil du Breil je comprends pas a quoi sert le copil")
    assert [s.role for s in parts] == [Role.INTRO, Role.INTRO, Role.INTRO, Role.QUESTION]
    assert parts[-1].text == "a quoi sert le copil"


def test_a_night_worker_missing_meetings_is_told_about_attendance(shipped_app: App) -> None:
    # Read with "je suis cariste en horaires de nuit" as part of the question, the hours pulled the agenda.
    decision = decide(shipped_app, "bonsoir je m'appelle Sylvain je suis cariste en horaires de nuit je peux pas venir a "
                                   "toutes les réunions c'est grave")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "fonct-presence-reunions"


def test_what_the_copil_is_for_is_its_definition_after_c_moi(shipped_app: App) -> None:
    # "c moi Inès jsuis au conseil du Breil je comprends pas" read as the question answered with the copil's papers.
    decision = decide(shipped_app, "c moi Inès jsuis au conseil du Breil je comprends pas a quoi sert le copil", "ines")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "cdv-copil-definition"
