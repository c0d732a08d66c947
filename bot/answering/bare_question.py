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


# A thing is named by a determiner before its noun ("des subventions", "la mairie", "notre conseil"). "le, la, les,
# l', leur" after a subject or object pronoun stand for a thing already named ("vous les donnez", "on la crée").
_DETERMINERS = frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "au", "aux", "mon", "ma", "mes", "ton", "ta",
                          "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur", "leurs", "cet", "cette",
                          "ces"})
_PRONOUNS = frozenset({"je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ne", "n", "me", "m", "te",
                       "t", "se", "s"})
_FILLERS = frozenset({"coup"})  # "du coup"


def names_no_thing(question: str) -> bool:
    """Whether a question names no thing of its own: no determiner before a noun ("c'est payant d'y aller ?", "et
    comment on s'inscrit ?", "faut payer quelque chose ?"), as against "on aura des subventions ?"."""
    said = words(question)
    return not any(w in _DETERMINERS and (k == 0 or said[k - 1] not in _PRONOUNS) and (
        k + 1 < len(said) and said[k + 1] not in _FILLERS) for k, w in enumerate(said))
