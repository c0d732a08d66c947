""""…, je dois prévenir qui ?", "on fait comment ?", "je m'adresse à qui ?": a question made of a person, a verb and a
question word names no subject of its own. After another question it asks about what that one named ("comment on
quitte le conseil ? je dois prévenir qui ?" is one question: whom to tell when leaving), never something new.

Works on folded words (`normalize.words`: no case, no accents, elisions split, SMS spellings mapped).
"""

from __future__ import annotations

from bot.answering.normalize import words

# Who acts: the member or people in general ("il faut" too), never a thing ("ça coûte combien" names its subject
# by a pronoun: `segment.has_pronoun_subject` reads those).
_PERSON = frozenset({"je", "j", "on", "nous", "faut"})
_QUESTION_WORDS = frozenset({"qui", "ki", "comment", "cmt", "ou", "quand", "qd", "quoi", "koi", "combien"})
# The words around the verb that name nothing: subjects, object pronouns, modal verbs, prepositions, negation, fillers.
_GRAMMAR = frozenset({
    "je", "j", "on", "nous", "vous", "il", "faut", "me", "m", "se", "s", "te", "t", "le", "la", "l", "les", "lui",
    "leur", "y", "en", "dois", "doit", "devons", "devrais", "devrait", "peux", "peut", "pouvons", "vais", "va",
    "allons", "fais", "fait", "faire", "faisons", "a", "aupres", "de", "d", "par", "pour", "ne", "n", "pas", "et",
    "alors", "donc", "du", "coup", "est", "ce", "que", "qu", "sinon", "aussi", "moi", "apres", "ensuite",
})
BARE_MAX_WORDS = 7


def names_nothing(question: str) -> bool:
    """Whether a question is only a person, at most one verb and a question word ("je dois prévenir qui ?")."""
    said = words(question)
    if not said or len(said) > BARE_MAX_WORDS or not _PERSON & set(said) or not _QUESTION_WORDS & set(said):
        return False
    rest = [w for w in said if w not in _GRAMMAR and w not in _QUESTION_WORDS]
    return len(rest) <= 1
