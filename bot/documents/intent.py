"""Is a free question asking for a model document? Then the documents answer it, not the FAQ.

"vous avez un modèle de courrier pour le préfet ?" → the letter to the préfet; "une trame de compte rendu"
→ the minutes; "vous avez des modèles de documents ?" → the list. A question needs a model word ("modèle",
"trame", "lettre type", "télécharger"…); "exemple" counts only with a document's keyword, so that "des
exemples d'actions d'autres conseils" stays a FAQ question. A document's keywords are compared by their
stems, so that plurals, feminine forms and accents do not matter.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.answering.french import STOPWORDS
from bot.answering.normalize import stem, words

# Whole words, not stems: "trame" and "tram" share a stem.
MODEL_WORDS = frozenset({"modele", "modeles", "trame", "trames", "canevas", "gabarit", "gabarits", "template",
                         "templates", "telecharger", "telechargeable", "telechargeables", "telechargement"})
EXAMPLE_WORDS = frozenset({"exemple", "exemples"})
TYPED = frozenset({"lettre", "lettres", "courrier", "courriers", "document", "documents", "fiche", "fiches"})


@dataclass(frozen=True, kw_only=True)
class DocumentIntent:
    document_ids: tuple[str, ...]  # the matches, best first; empty: the member asks for the list
    explicit: bool  # a model word ("modèle", "trame"…), not only "exemple"


def keyword_stems(keywords: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    """Each keyword phrase as the stems a question must all contain ("règlement intérieur" → two stems)."""
    phrases = (tuple(stem(w) for w in words(keyword) if w not in STOPWORDS) for keyword in keywords)
    return tuple(p for p in phrases if p)


def document_intent(question_words: Sequence[str],
                    index: Sequence[tuple[str, tuple[tuple[str, ...], ...]]]) -> DocumentIntent | None:
    """`index`: (document id, its keyword stems) in list order. None when the question is not about models."""
    present = set(question_words)
    typed = "type" in present and any(a in TYPED and b == "type" for a, b in itertools.pairwise(question_words))
    # "un exemple de courrier" asks for a model as surely as "une lettre type"; "un exemple de charte" may
    # ask what goes in one: the FAQ answers, the document comes with its answer.
    asks_model = bool(present & MODEL_WORDS) or typed or bool(present & EXAMPLE_WORDS and present & TYPED)
    if not asks_model and not present & EXAMPLE_WORDS:
        return None
    stems = {stem(w) for w in question_words if w not in STOPWORDS}
    # The more (and longer) keyword phrases a question names, the surer the match. A question may ask for two
    # documents ("une lettre au préfet, et un compte rendu"): those scoring over half the best come too.
    scores = {doc_id: sum(len(phrase) for phrase in phrases if set(phrase) <= stems) for doc_id, phrases in index}
    best = max(scores.values(), default=0)
    if best == 0:
        return DocumentIntent(document_ids=(), explicit=True) if asks_model else None
    ranked = sorted((doc_id for doc_id, score in scores.items() if 2 * score > best), key=lambda i: -scores[i])
    return DocumentIntent(document_ids=tuple(ranked), explicit=asks_model)
