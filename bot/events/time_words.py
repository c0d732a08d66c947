"""The words that ask about time ahead: "quand", "prochain", a month, "ce mois-ci", "au printemps", "au 4e
trimestre"; and those that look back ("le mois dernier"), which ask for no date to come."""

from __future__ import annotations

from collections.abc import Sequence

from bot.events.periods import QUARTER_WORDS

MONTHS = frozenset({"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
                    "novembre", "decembre"})
STRONG_TIME = frozenset({"quand", "date", "dates", "prochain", "prochaine", "prochains", "prochaines", "bientot",
                         "agenda", "calendrier", "heure", "horaire", "horaires", "datee", "prochainement", "prevu",
                         "prevus", "prevue", "prevues", "programme", "programmes"}) | MONTHS
WEAK_TIME = frozenset({"jour", "mois", "semaine", "planning"})
# A stretch of time ahead: "ce mois-ci", "les semaines qui viennent", "avant l'été", "à la rentrée".
_THIS = ("ce", "cette", "ces", "cet")
_SPANS = ("mois", "semaine", "semaines", "annee", "trimestre", "semestre", "ete", "automne", "hiver", "printemps",
          "week", "weekend", "soir", "jours", "vacances")
SPAN_WORDS = frozenset({*_SPANS, "semaines", "prochain", "prochaine", "viennent", "vient", "venir", "rentree",
                         "fin", "annee", "moment"})
TIME_WINDOWS: tuple[tuple[str, ...], ...] = (
    *((this, span) for this in _THIS for span in _SPANS),
    *((span, "prochain") for span in _SPANS), *((span, "prochaine") for span in _SPANS),
    *((span, "qui", "viennent") for span in _SPANS), *((span, "qui", "vient") for span in _SPANS),
    *((span, "a", "venir") for span in _SPANS),
    ("a", "la", "rentree"), ("pour", "la", "rentree"), ("avant", "l", "ete"), ("apres", "l", "ete"),
    ("avant", "la", "fin"), ("d", "ici"), ("en", "ce", "moment"), ("avant", "noel"), ("fin", "d", "annee"),
    ("du", "mois"),  # "l'agenda du mois": this month's
    ("dans", "les", "prochains"), ("dans", "les", "prochaines"),
    *((ordinal, "trimestre") for ordinal in QUARTER_WORDS),  # "au 4e trimestre", as the programme dates
    # "les prochains mois", "des prochaines semaines": "prochain" before the stretch as well as after it.
    *((nxt, span) for nxt in ("prochain", "prochaine", "prochains", "prochaines") for span in _SPANS),
    # A season is a stretch of time, like a month: "au printemps", "en automne" ("été" alone may be the verb).
    ("au", "printemps"), ("en", "ete"), ("l", "ete"), ("en", "automne"), ("l", "automne"), ("en", "hiver"),
    ("l", "hiver"), ("pendant", "les", "vacances"),
)

# "J'ai raté le webinaire de la semaine dernière": a time gone by tells the story; it asks for no date ahead.
PAST = frozenset({"dernier", "derniere", "derniers", "dernieres", "passe", "passee", "passes", "passees"})


def names_a_stretch(words: Sequence[str]) -> bool:
    """Whether a question names a stretch of time ahead: "ce mois-ci", "au printemps", and a month too ("qu'est-ce
    qu'il se passe en mars ?")."""
    seq = list(words)
    return any(_ahead(seq, phrase) for phrase in TIME_WINDOWS) or bool(set(seq) & MONTHS)


def _ahead(seq: list[str], phrase: tuple[str, ...]) -> bool:
    """The phrase names a time to come: not "l'été dernier", "la semaine passée"."""
    n = len(phrase)
    return any(tuple(seq[i : i + n]) == phrase and not PAST & set(seq[i + n : i + n + 1])
               for i in range(len(seq) - n + 1))

