"""The knowledge's own phrasings rewritten the way members write, for the classifier to learn from (issue 11).

Members rarely ask a bare question: they greet, introduce themselves, say why they ask, thank; they type fast
(a letter dropped or swapped, « ç » and « é » lost or misplaced) and often ask two things at once. The project's
reading already folds accents, punctuation and SMS forms (« koi », « pk », « jsp »), so those rewrites teach the
classifier nothing; these do. Each phrasing is rewritten by code with a fixed seed: the same knowledge always
gives the same examples, and no eval message is copied (the words below are generic French).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

GREETINGS = ("bonjour", "bonsoir", "salut", "bonjour à tous", "hello", "bjr", "bonjour madame, monsieur", "coucou")
NAMES = ("Nadia", "Karim", "Sylvie", "Mamadou", "Josiane", "Kevin", "Fatima", "Patrick", "Leïla", "Bernard")
TOWNS = ("Creil", "Vaulx-en-Velin", "Mulhouse", "Saint-Denis", "Béziers", "Lorient", "Grigny", "Amiens")
INTRODUCTIONS = (
    "je suis {name}", "je m'appelle {name}, j'habite à {town}", "je suis {name} du quartier de la gare à {town}",
    "je suis nouvelle dans le conseil", "je suis nouveau conseiller citoyen à {town}", "j'habite {town}",
    "ici {name}, habitante depuis 20 ans", "je suis retraité et je viens d'arriver au conseil",
)
CONTEXTS = (
    "j'ai une question", "petite question", "on en a parlé hier à la réunion et", "ma voisine m'a demandé",
    "je voulais savoir", "désolé de déranger mais", "on se pose la question au conseil :", "je me demandais",
    "question bête peut-être", "je sais pas à qui demander alors",
)
ENDINGS = ("merci", "merci d'avance", "svp", "merci beaucoup", "bonne journée", "c'est urgent", "merci de votre aide")
JOINS = (" et aussi ", ". autre question : ", " ? et ", ", et puis ", ". Deuxième chose, ")
TYPED = {"ç": "c", "é": "e", "è": "e", "ê": "e", "à": "a", "ù": "u", "â": "a", "î": "i", "ô": "o"}


def typed_fast(text: str, rng: random.Random) -> str:
    """Lower case, punctuation dropped, accents lost here and there, a letter dropped or two swapped in a long
    word."""
    out = "".join(TYPED.get(ch, ch) if rng.random() < 0.7 else ch for ch in text.lower() if ch not in "?!.,;:«»")
    words = out.split()
    long = [i for i, w in enumerate(words) if len(w) > 5]
    if long:
        i = rng.choice(long)
        w = words[i]
        k = rng.randrange(1, len(w) - 1)
        words[i] = w[:k] + w[k + 1:] if rng.random() < 0.5 else w[:k - 1] + w[k] + w[k - 1] + w[k + 1:]
    return " ".join(words)


def framed(text: str, rng: random.Random) -> str:
    """The question with a greeting, an introduction or a reason before it, a thanks after it (some of them)."""
    head = []
    if rng.random() < 0.7:
        head.append(rng.choice(GREETINGS))
    if rng.random() < 0.5:
        head.append(rng.choice(INTRODUCTIONS).format(name=rng.choice(NAMES), town=rng.choice(TOWNS)))
    if rng.random() < 0.5 or not head:
        head.append(rng.choice(CONTEXTS))
    tail = f" {rng.choice(ENDINGS)}" if rng.random() < 0.5 else ""
    first = text[:1].lower() + text[1:]
    return ", ".join(head) + " " + first + tail


def rewritten(phrasings: Sequence[tuple[str, str]], *, per_phrasing: int = 1, pairs: int = 0,
              seed: int = 0) -> list[tuple[str, tuple[str, ...]]]:
    """Texts and their entries: each (entry, phrasing) framed and typed fast `per_phrasing` times; `pairs`
    messages joining two entries' phrasings (both labels)."""
    rng = random.Random(seed)
    out: list[tuple[str, tuple[str, ...]]] = []
    for entry, text in phrasings:
        for _ in range(per_phrasing):
            t = framed(text, rng)
            out.append((typed_fast(t, rng) if rng.random() < 0.5 else t, (entry,)))
    for _ in range(pairs):
        (a, first), (b, second) = rng.sample(list(phrasings), 2)
        if a != b:
            t = first.rstrip(" ?") + rng.choice(JOINS) + second[:1].lower() + second[1:]
            out.append((typed_fast(t, rng) if rng.random() < 0.5 else t, (a, b)))
    return out
