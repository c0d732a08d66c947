""""Combien" asks a number; "combien de temps" asks how long. "on est combien au conseil ?" asks how many members
there are, not how long a mandate lasts, although both questions say "combien".

Works on folded words (`normalize.words`: "cmb", "cb" already read "combien").
"""

from __future__ import annotations

from enum import StrEnum

from bot.answering.normalize import words
from bot.knowledge.model import FaqEntry

# The units of time after "combien de / d'": "combien de temps", "combien d'années", "pendant combien de mois".
_TIME_UNITS = frozenset({"temps", "tps", "annees", "annee", "ans", "an", "mois", "semaines", "jours", "heures",
                         "minutes"})
_OF = frozenset({"de", "d"})


class HowMany(StrEnum):
    COUNT = "count"  # "combien de membres", "on est combien"
    DURATION = "duration"  # "combien de temps", "jusqu'à quand"


def how_many(text: str) -> HowMany | None:
    """What a "combien" in the text asks: a count or a duration; None without "combien" (or "jusqu'à quand")."""
    said = words(text)
    if any(a == "jusqu" and b == "a" and c == "quand" for a, b, c in zip(said, said[1:], said[2:], strict=False)):
        return HowMany.DURATION
    kinds = {HowMany.DURATION if len(said) > k + 2 and said[k + 1] in _OF and said[k + 2] in _TIME_UNITS
             else HowMany.COUNT for k, w in enumerate(said) if w == "combien"}
    return next(iter(kinds)) if len(kinds) == 1 else None


# A figure, in digits or in words ("3 fois par an", "deux membres", "des centaines"): what a count is answered with.
_NUMBER_WORDS = frozenset({"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
                           "quinze", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille",
                           "million", "millions", "milliard", "milliards", "dizaine", "dizaines", "douzaine",
                           "centaine", "centaines", "moitie", "quart", "pourcentage"})


def holds_a_figure(text: str) -> bool:
    """Whether a text gives a number: a passage that gives none does not answer "combien" ("combien gagne le
    maire ?" is not answered by a passage where the council "gagne en autonomie")."""
    return any(c.isdigit() for c in text) or not _NUMBER_WORDS.isdisjoint(words(text))


# "combien touche un adulte-relais ?", "le salaire d'un délégué du préfet": what someone earns. An entry answers it
# only with an amount; the entry describing the job, which the words point to, does not.
_PAY = frozenset({"salaire", "salaires", "remuneration", "remunere", "remuneree", "remuneres", "smic"})
_EARN = frozenset({"touche", "touchent", "gagne", "gagnent", "paye", "payes", "payee", "payees"})
_AMOUNT = frozenset({"euro", "euros", "eur"})


def asks_pay(text: str) -> bool:
    """Whether the text asks how much someone earns ("combien touche…", "quel salaire…")."""
    said = words(text)
    return not _PAY.isdisjoint(said) or ("combien" in said and not _EARN.isdisjoint(said))


def gives_an_amount(text: str) -> bool:
    """Whether a text states a sum of money ("10 €", "500 euros")."""
    return "€" in text or not _AMOUNT.isdisjoint(words(text))


def pay_left_unsaid(text: str, entry: FaqEntry) -> bool:
    """Whether `text` asks what someone earns and `entry` neither gives an amount nor is about pay ("Les conseillers
    citoyens sont-ils payés ?" answers "on est payés combien ?" with no sum: nobody is)."""
    return asks_pay(text) and not gives_an_amount(entry.answer) and (_PAY | _EARN).isdisjoint(words(entry.question))
