"""Every answer names a real source a member can look up: a title, never an internal label."""

from __future__ import annotations

import re

from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE
from tests.support.member_texts import knowledge_texts, python_texts

INTERNAL_LABEL = re.compile(r"\bseeds?\b", re.I)


def test_no_member_facing_text_mentions_a_seed_file() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    texts = [*knowledge_texts(kb), *python_texts()]
    assert [t.where for t in texts if INTERNAL_LABEL.search(t.text)] == []


def test_the_centres_documents_are_named_by_their_real_titles() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    sources = {e.source for e in kb.faq} | {d.source for d in kb.documents} | {c.source for c in kb.contacts}
    joined = "\n".join(sources)
    assert "Programme d'actions 2026 de RésO Villes" in joined
    assert "Rapport d'activité 2025 de Ressources Urbaines" in joined
    assert "Décret n° 2024-1036 du 15 novembre 2024" in joined
    assert "Circulaire du 2 février 2017 relative aux conseils citoyens" in joined


def test_an_internal_label_would_be_caught() -> None:
    assert INTERNAL_LABEL.search("RésO Villes, programme d'actions 2026 (seed 000)")
    assert not INTERNAL_LABEL.search("Programme d'actions 2026 de RésO Villes")
