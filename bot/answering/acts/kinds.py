"""The dialogue acts a message may perform besides (or instead of) asking about the knowledge."""

from __future__ import annotations

from enum import StrEnum


class Act(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    BYE = "bye"
    OK = "ok"
    HELP = "help"
    FRUSTRATION = "frustration"  # complaint or insult
    HUMAN = "human"  # wants a person
    SIMPLER = "simpler"  # did not understand the last answer
    STATUS = "status"  # where is my forwarded question
    FOLLOW_UP = "follow_up"  # "et pour les jeunes ?": a short question that leans on the previous answer



CLOSING_ACTS = frozenset({Act.THANKS, Act.BYE, Act.OK})
