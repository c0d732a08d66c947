"""How a clause asks: the words that open a question, a subject named or not, a yes-or-no start, list
markers and "ça ne sert à rien" tails. Both the cutting of a message into its parts (segment.py) and the cutting
of a part into its questions (questions.py) read them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.normalize import fold
from bot.cache import compiled

MIN_PART_WORDS = 2


_APOSTROPHES_HYPHENS = re.compile(r"[’'\-]")


@lru_cache(maxsize=4096)  # a message's sentences and parts are cut and read several times in one decision
def flat_text(text: str) -> str:
    """Folded, apostrophes and hyphens as spaces, same length as the text (for cutting it)."""
    return _APOSTROPHES_HYPHENS.sub(" ", fold(text))


# "le contrat de ville c quoi et il dure jusqu a quand": a second question whose question word ends it.
TAIL_WORDS = frozenset({"quand", "combien", "quoi", "comment", "ou", "qui", "pourquoi", "koi", "cb", "cmt"})
# The first clause must itself open as a question (not "je veux m'inscrire mais je sais pas comment faire").
QUESTION_START = compiled(r"^(?:comment|cmt|pourquoi|combien|cb|est ce|c est quoi|c quoi|qu est ce|quel|quelle|"
                          r"quels|quelles|qui|que|quoi|a qui|a quoi|faut il|peut on|y a t il|on peut|je peux|"
                          r"je dois|on doit|il faut|ca coute|c est combien)\b")
# "on doit aller au copil le mois prochain, comment on se prépare ?", "on peut avoir une subvention, comment on
# fait": after a clause opened by a modal only, "comment" asks how to do what it says — one question.
MODAL_START = compiled(r"^(?:on peut|je peux|je dois|on doit|il faut)\b")
ASKING_WORDS = TAIL_WORDS - {"ou", "qui"}  # "ou" and "qui" inside a clause: mostly "or" and a relative pronoun


def asks_by_words(clause: str) -> bool:
    """Opens as a question, or holds a question word ("quand" only first: inside, it says when something
    happened, "elle m'a refusé l'appartement quand elle a vu mon nom")."""
    return bool((QUESTION_START.match(clause) and not MODAL_START.match(clause))
                or (ASKING_WORDS - {"quand"}) & set(clause.split()))


HAS_SUBJECT = compiled(r"\b(?:on|il|elle|ils|elles|je|j|vous|nous|c\s+est|est\s+ce)\b")
YES_NO_START = compiled(r"^(?:il\s+y\s+a|on\s+a\s+le\s+droit|j\s+ai\s+le\s+droit|on\s+peut|je\s+peux|il\s+faut|"
                         r"on\s+doit|je\s+dois|on\s+est\s+obliges?|je\s+suis\s+obligee?)\b")
LEADS_IN = frozenset({"que", "qu", "si", "s", "quand", "lorsque", "lorsqu", "comme", "parce", "car", "pour", "dont",
                       "ou", "et", "mais", "donc", "sinon", "puis", "alors", "savoir", "dire", "demande", "sais",
                       "est", "ce", "c", "a", "de", "d", "en", "y", "l", "le", "la", "les", "me", "te", "se", "ne", "n",
                       "moi", "toi", "lui", "nous", "vous", "sur", "avec", "chez", "sans"}) | TAIL_WORDS
# "…peut faire quelque chose ou on perd notre temps ?": "or is it no use" after a question asks nothing more.
_NO_USE_TAIL = compiled(r"[\s,]+ou\s+(?:bien\s+)?(?:(?:on|je|j|nous)\s+(?:perd|perds|perdons)\s+(?:notre|mon|son)\s+temps|"
                        r"c\s+est\s+(?:pour\s+rien|inutile|du\s+vent|du\s+blabla|peine\s+perdue)|"
                        r"(?:ca|sa|il|c)\s+(?:sert|ne\s+sert)\s+a\s+rien|(?:ca|sa|c)\s+(?:sert|vaut)\s+(?:a\s+)?rien)"
                        r"(?:\s+(?:la|du\s+coup|alors))?(?=\s*[?!.]*$)")


def without_no_use(question: str) -> str:
    """The question without a rhetorical "or is it no use" after it."""
    key = flat_text(question)
    found = _NO_USE_TAIL.search(key)
    if found is None or len(key) != len(question) or len(question[: found.start()].split()) < MIN_PART_WORDS:
        return question
    return question[: found.start()] + question[found.end():]


# "Deuxième question, le conseil a-t-il un budget ?", "ma dernière question :", "autre chose :", "question 2 :": which
# question it is, said before it, is no part of it (its "question" drew the entry on what the hotline answers).
_LIST_MARKER = compiled(r"^(?:(?:et|ah|oh|bon|alors|ok|sinon)\s+)?(?:(?:j\s+ai\s+une|jai\s+une|une|ma|mon|la|le)\s+)?"
                        r"(?:(?:premiere|1ere|1re|deuxieme|2eme|2e|seconde|troisieme|3eme|derniere|dernier|autre|petite|"
                        r"deuxieme\s+petite|autre\s+petite|derniere\s+petite)\s+(?:question|point)\b\s*[:,.]?|"
                        r"autre\s+chose\s*[:,]|(?:question|point)\s+\d{1,2}\b\s*[:,.]?)\s*")


def without_list_marker(sentence: str) -> str:
    found = _LIST_MARKER.match(flat_text(sentence))
    if found is None or len(flat_text(sentence)) != len(sentence):
        return sentence
    return sentence[found.end():]


# A question that names nothing and asks only what to do: it asks it of the story before.
HOW_ALONE = compiled(r"^(?:et\s+)?(?:(?:je|on|j)\s+(?:fais|fait|peux\s+faire|dois\s+faire)\s+(?:comment|quoi|koi|cmt)|"
                      r"comment\s+(?:je\s+fais|on\s+fait|faire)|que\s+(?:faire|dois\s+je\s+faire)|"
                      r"qu\s+est\s+ce\s+que\s+(?:je|j|on)\s+(?:peux|peut|dois|doit|fais|fait)(?:\s+faire)?)"
                      r"(?:\s+(?:alors|maintenant|dans\s+ce\s+cas))?\s*[?!.]*$")
