"""What a short message that names nothing of the knowledge is about: its words alone, when no phrase of
the bot/answering/acts package was recognised.

The phrases of the acts module say each act the ways members said it so far; members keep finding new ones ("c'est
la misère avec vous", "une personne pourrait me joindre ?"). When a message names no subject the knowledge knows
and its choices are unsure, the words it uses still tell what it does: "comprendre", "compliqué" ask for a simpler
answer, "humain", "téléphone" for a person, "attends", "nouvelles" after a question for news of it, "nul",
"énerve" vent. Each word is a cue for one act; the act with the most cues wins, and a tie is no answer.
"""

from __future__ import annotations

from bot.answering.acts import SMALL_TALK_WORDS, Act
from bot.answering.french import STOPWORDS

# Folded words, as `bot.answering.acts.folded` gives them. Only words that say the act whatever the subject.
CUES: dict[Act, frozenset[str]] = {
    Act.HUMAN: frozenset({"humain", "humaine", "humains", "salarie", "salariee", "salaries", "operateur",
                          "operatrice", "interlocuteur", "interlocutrice", "telephone", "rappeler", "rappelle",
                          "rappelez", "appeler", "appelle", "appelez", "joindre", "fil", "vive", "vivant", "vraie",
                          "quelqu", "qqn", "personne"}),
    Act.STATUS: frozenset({"attends", "attendre", "attente", "attendu", "nouvelles", "nouveau", "retour", "recu",
                           "recue", "traite", "traitee", "oublie", "oubliee", "perdu", "perdue", "partie", "arrivee",
                           "transmise", "envoyee", "posee", "toujours", "rien", "depuis"}),
    Act.SIMPLER: frozenset({"comprends", "comprend", "compris", "comprendre", "pige", "capte", "saisi", "complique",
                            "compliquee", "clair", "claire", "simple", "simplement", "simples", "autrement", "court",
                            "courte", "charabia", "expliquer", "expliquez", "explique", "reexpliquer", "reformuler",
                            "paumee", "paume", "mal", "difficile", "facile", "faciles"}),
    Act.FRUSTRATION: frozenset({"nul", "nuls", "nulle", "doue", "doues", "douee", "lent", "lents", "lente", "misere",
                                "galere", "gonfle", "gonflant", "soule", "saoule", "enerve", "enerver", "enervant",
                                "agace", "agacer", "agacant", "marre", "inutile", "ridicule", "honte", "debile",
                                "pourri", "catastrophe", "lamentable", "penible", "chiant", "relou", "incapable",
                                "incapables", "incompetent", "incompetents", "rond", "cote", "marche", "fonctionne",
                                "perds", "perdre", "decu", "decue", "decevant", "serieux", "bete", "betes", "naze"}),
}
# A status is asked of something sent: one of these words must be there too ("toujours rien" alone may vent).
_SENT = frozenset({"question", "questions", "demande", "demandes", "message", "messages", "reponse", "reponses",
                   "equipe"})
MAX_WORDS = 16
# "qui dois-je appeler pour une fuite ?", "comment joindre l'équipe par téléphone ?": whom or how to reach asks for an
# orientation or the contact details (an entry), not to be put through.
_WHO_OR_HOW = frozenset({"qui", "comment", "quel", "quelle", "quels", "quelles", "numero"})
# Anger is at the hotline when the message speaks to it or of what it said ("c'est la misère avec vous", "rien ne
# marche"); "le wifi de la médiathèque marche pas" is someone else's trouble.
_ADDRESSED = frozenset({"vous", "tu", "t", "te", "toi", "votre", "vos", "ton", "tes", "bot", "robot", "machine",
                        "reponse", "reponses", "service"})
_TO_THE_HOTLINE = _ADDRESSED | {"c", "ca", "ici", "rien", "truc"}


def cued_act(key: str) -> Act | None:
    """The act a short message's words point to, or None when none, or several equally, do."""
    said = key.split()
    if not said or len(said) > MAX_WORDS:
        return None
    counts = {act: sum(1 for w in said if w in cues) for act, cues in CUES.items()}
    if not set(said) & _SENT:
        counts[Act.STATUS] = 0
    if set(said) & _WHO_OR_HOW:
        counts[Act.HUMAN] = 0
    if not set(said) & _TO_THE_HOTLINE:
        counts[Act.FRUSTRATION] = 0
    best = max(counts.values())
    if best == 0 or sum(1 for n in counts.values() if n == best) > 1:
        return None
    return next(act for act, n in counts.items() if n == best)


_EVERY_CUE = frozenset().union(*CUES.values())
# Besides the cues, at most this many words of weight: "je comprends pas ma facture d'eau", "c'est simple de créer une
# association ?" name a thing of their own (two words), "c'est la misère avec vous" none.
MAX_OTHER_WORDS = 1


def without_cues(key: str) -> str:
    """The message once every cue word is taken out: what is left may still name a subject."""
    return " ".join(w for w in key.split() if w not in _EVERY_CUE)


# Words that name no subject either: prepositions and adverbs the stop words leave, and when something was sent.
_NEUTRAL = frozenset({"avec", "sans", "pour", "par", "chez", "franchement", "vraiment", "completement", "totalement",
                      "serieusement", "honnetement", "encore", "deja", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
                      "samedi", "dimanche", "hier", "matin", "soir", "semaine", "semaines", "jour", "jours", "mois",
                      "minutes", "heures", "fois", "maintenant", "aujourd", "hui"})


def names_nothing_else(key: str) -> bool:
    """Whether, once the cues, the small words and the words of closing are set aside, at most one word is left."""
    left = [w for w in key.split() if w not in _EVERY_CUE and w not in STOPWORDS and w not in SMALL_TALK_WORDS
            and w not in _NEUTRAL and w not in _SENT and len(w) > 2]
    return len(left) <= MAX_OTHER_WORDS


def speaks_to_the_hotline(key: str) -> bool:
    """"c'est la galère avec vous": the hotline addressed, or its answers named (an apology is owed)."""
    return bool(set(key.split()) & _ADDRESSED)
