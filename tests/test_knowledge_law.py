"""Members read the law as it is today: the decrees of 15 November 2024 changed the law of 21 February 2014.

Decree n° 2024-1036 (after decision n° 2024-306 L of the Conseil constitutionnel) removed the compulsory
tirage au sort, the préfet's recognition of conseils citoyens by arrêté and the quartiers de veille active.
A text may still tell that history ("n'est plus", "avant 2024", "la loi de 2014 imposait"), never state it
as the rule of today. The first paragraph of article 7, I ("un conseil citoyen est mis en place dans chaque
quartier prioritaire") was not among the words the Conseil constitutionnel let a decree change: a text may state
it, and none may tell the conseil citoyen itself as abolished (no summary of the decrees says so).
"""

from __future__ import annotations

import re

import pytest

from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE
from tests.support.member_texts import knowledge_texts

# Pre-2024 rules, as a sentence would state them.
FORBIDDEN = {
    "tirage au sort obligatoire": re.compile(
        r"tirage au sort[^.;]*obligatoire|obligatoire[^.;]*tirage au sort|tir[ée]e?s? au sort[^.;]*obligatoire"
        r"|(?:dont|en) (?:une )?partie (?:est )?tir[ée]e?s? au sort", re.I),
    "reconnaissance par arrêté du préfet": re.compile(
        r"reconn\w*[^.;]{0,80}par (?:un )?arrêté|arrêté préfectoral de reconnaissance|reconnue? par (?:le )?préfet"
        r"|préfet[^.;]{0,60}reconna[iî]t", re.I),
    "quartiers de veille active": re.compile(r"quartiers? (?:de|en) veille active|dispositif de veille active", re.I),
    "parité imposée aux habitants tirés au sort": re.compile(
        r"tir[ée]e?s? au sort dans le respect de la parité|doit (?:donc )?compter autant de femmes que d'hommes", re.I),
}
# What turns such a sentence into history or into the new rule.
TOLD_AS_PAST = re.compile(
    r"\bne (?:\S+\s+){1,3}plus\b|\bn'\S+ (?:\S+\s+){0,2}plus\b|plus obligatoire|supprim|disparaiss|disparu"
    r"|avant 2024|jusqu'en 2024|rédaction de 2014|imposait|prévoyait|reconnaissait|ancien|depuis (?:le|un) décret",
    re.I)
SENTENCE = re.compile(r"(?<=[.!;])\s+|\n+")


def stated_as_current(text: str) -> list[tuple[str, str]]:
    """(claim, sentence) for each sentence that states a pre-2024 rule as today's (questions excepted)."""
    found = []
    for sentence in SENTENCE.split(text):
        sentence = sentence.strip()
        if not sentence or sentence.endswith("?") or TOLD_AS_PAST.search(sentence):
            continue
        found += [(claim, sentence) for claim, pattern in FORBIDDEN.items() if pattern.search(sentence)]
    return found


@pytest.mark.parametrize("old_text", [
    # Sentences the base said before the 2024 decrees were taken into account.
    "Le tirage au sort des habitants est obligatoire : il permet d'associer des personnes qui ne se seraient pas proposées.",
    "tirage au sort : Méthode obligatoire pour désigner une partie des habitants, dans le respect de la parité.",
    "Le préfet reconnaît la composition du conseil citoyen par arrêté, après avoir consulté le maire.",
    "Association (créée par le conseil citoyen ou déjà existante) reconnue par le préfet pour porter le conseil citoyen.",
    "Représente l'État, signe le contrat de ville, reconnaît la composition des conseils citoyens par arrêté.",
    "- les habitants du quartier, dont une partie est tirée au sort, avec autant de femmes que d'hommes ;",
    "Quartier sorti de la liste : les quartiers de veille active restent suivis par le contrat de ville.",
    "le collège habitants doit donc compter autant de femmes que d'hommes, autant que possible.",
])
def test_the_pre_2024_rules_are_caught(old_text: str) -> None:
    assert stated_as_current(old_text)


@pytest.mark.parametrize("today_text", [
    "Depuis le décret du 15 novembre 2024, le tirage au sort des habitants n'est plus obligatoire.",
    "Le tirage au sort est-il encore obligatoire ?",
    "Avant 2024, le préfet reconnaissait la composition du conseil citoyen par un arrêté.",
    "Le décret du 15 novembre 2024 a supprimé la veille active de la loi.",
    "La loi de 2014 l'imposait ; elle n'est plus obligatoire, mais beaucoup de conseils l'ont utilisée.",
    # Not an old rule: decision n° 2024-306 L did not cover the first paragraph of article 7, I.
    "Un conseil citoyen est prévu dans chaque quartier prioritaire (QPV).",
])
def test_history_and_the_new_rule_are_allowed(today_text: str) -> None:
    assert stated_as_current(today_text) == []


# A rule that stayed in the law, told as ended.
STILL_THE_LAW_TOLD_AS_ENDED = re.compile(
    r"conseils? citoyens?[^.;?]{0,40}(?:n'est plus obligatoire|ne sont plus obligatoires|(?:a|ont) été supprimés?)"
    r"|(?:supprim\w*|fin (?:de l'obligation )?des?) (?:les |le )?conseils? citoyens?"
    r"|plus (?:besoin|d'obligation) d'(?:avoir un|un) conseil citoyen", re.I)


@pytest.mark.parametrize("wrong_text", [
    "Depuis 2024, le conseil citoyen n'est plus obligatoire dans les quartiers prioritaires.",
    "Le décret du 15 novembre 2024 a supprimé les conseils citoyens.",
    "Il n'y a plus d'obligation d'avoir un conseil citoyen.",
])
def test_telling_the_conseil_itself_as_ended_is_caught(wrong_text: str) -> None:
    assert STILL_THE_LAW_TOLD_AS_ENDED.search(wrong_text)


def test_no_member_facing_text_tells_the_conseil_citoyen_itself_as_ended() -> None:
    """Article 7, I, first paragraph (a conseil citoyen in each quartier prioritaire) is still in the law."""
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    offenders = [f"{t.where}: « {sentence} »" for t in knowledge_texts(kb)
                 for sentence in SENTENCE.split(t.text)
                 if not sentence.strip().endswith("?") and STILL_THE_LAW_TOLD_AS_ENDED.search(sentence)]
    assert offenders == []


def test_no_member_facing_text_states_the_old_rules_as_current() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    offenders = [f"{t.where}: {claim} : « {sentence} »"
                 for t in knowledge_texts(kb) for claim, sentence in stated_as_current(t.text)]
    assert offenders == []


def test_the_2024_decrees_have_their_own_entries_with_their_source() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    for entry_id in ("cc-decrets-2024", "cc-tirage-au-sort-obligatoire", "cc-reconnaissance-prefet"):
        entry = kb.entry(entry_id)
        assert entry is not None and "Décret n° 2024-1036 du 15 novembre 2024" in entry.source
