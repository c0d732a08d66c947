"""The hotline's own entries (what the bot keeps, why it asks for a name, its commands) do not answer a question
that asks "our" role without speaking to the bot or of the member's own data.

"C'est quoi ce contrat et à quoi on sert nous dedans ?" asks what the council is for: "on" and "nous" are the
member and the other councillors. Its words ("à quoi", "sert") are those of "à quoi servent mes données ?", and the
entry on the bot's use of data came first. In French a question about the bot names it ("le bot", "l'appli"),
speaks to it ("vous", "tu") or names what it keeps of the member ("mes données", "mon nom", "je"); a question
asking a role as "on" / "nous" that does none of these asks the council's.

Works on words only; which entries are the bot's is read from their section (the start of their id), as
bot/answering/same_subject.py reads a section.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.knowledge.model import FaqEntry

# The sections of the knowledge about the hotline itself: the bot and the member's data it keeps.
BOT_SECTIONS = frozenset({"hotline", "rgpd"})
# "on", "nous", "notre", "nos": the member and the other councillors.
WE = frozenset({"on", "nous", "notre", "nos"})
# What a role is asked with: "à quoi on sert", "notre rôle", "on est utiles ?". ("comment on fait pour parler à une
# vraie personne ?" asks how one does a thing: "on" is anyone there, the bot's entry answers.)
ROLE_WORDS = frozenset({"sert", "servons", "servir", "servent", "role", "roles", "utile", "utiles", "utilite",
                        "mission", "missions"})
# Words that speak to the bot or name it ("vous gardez quoi ?", "le robot"), or name what it keeps ("mes données"):
# said anywhere in the message ("ma petite-fille dit que le bot peut se tromper. On peut avoir confiance dans les
# réponses ?"), the bot's entries may answer.
NAMES_THE_BOT = frozenset({
    "vous", "votre", "vos", "tu", "te", "t", "toi", "ton", "ta", "tes",
    "bot", "robot", "chatbot", "appli", "application", "hotline", "telegram", "messagerie",
    "donnee", "donnees", "info", "infos", "information", "informations", "pseudo", "pseudonyme",
})
# Said in the question itself, the member ("je peux mettre un faux nom ?", "mon nom") or "ici" ask about themselves or
# the place they write to; told in the story, they only say who writes, and where they live ("ici, les gens…").
ASKS_OF_ONESELF = frozenset({"je", "j", "moi", "me", "m", "mon", "ma", "mes", "ici"})


def bots_own(entries: Iterable[FaqEntry]) -> frozenset[str]:
    """The ids of the entries about the hotline itself."""
    return frozenset(e.id for e in entries if e.id.split("-", 1)[0] in BOT_SECTIONS)


def asks_our_role(said: Sequence[str], told: Sequence[str] = ()) -> bool:
    """Whether a question asks a role as "on" / "nous" and names neither the bot nor the member's own data, nor does
    the story told with it (`told`) name the bot: the council's role."""
    words = set(said)
    return bool(words & WE) and bool(words & ROLE_WORDS) and words.isdisjoint(NAMES_THE_BOT | ASKS_OF_ONESELF) \
        and NAMES_THE_BOT.isdisjoint(told)
