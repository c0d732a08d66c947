"""Which glossary term a question asks the meaning of: "c'est quoi la TFPB ?", "bailleur social ça veut dire
quoi ?", "à quoi sert le PIJ ?", and whether an entry is written about a term.

Apart from the answerer so that its ~200 lines of French cues read on their own: the question's words, and the
candidates the answerer ranked (an entry written about the term says more than its glossary line), say which term
is asked; the answerer decides what to do with it (a glossary line, or the entry written about it)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from bot.answering.matcher import Candidate
from bot.answering.normalize import Analysis, slug
from bot.knowledge.model import FaqEntry, GlossaryTerm

# A term this few entries use is asked for itself even with other words around it ("la dame de la mairie a parlé
# d'un diagnostic en marchant, c'est quoi ?"); a common one ("conseil citoyen") only right beside the question.
RARE_TERM_ENTRIES = 3
# What asks for a meaning once normalised: "c'est quoi", "ça veut dire quoi", "que signifie", "kesako" (all "quoi"),
# "c'est qui l'ANCT", "le mot", "le sigle".
_DEFINITION_CUES = frozenset({"quoi", "qui", "mot", "mots", "sigl", "acronym", "terme", "term", "signif", "sens"})
# Right after the term they ask its meaning whatever the term: "bailleur social ça veut dire quoi" ("qui" only at the
# end: "la DPV c'est qui ?", not "une maison du projet qui a ouvert").
_CUES_AFTER = frozenset({"quoi", "signif", "sens"})
_WORD_NAMED = frozenset({"mot", "mots", "sigl", "acronym", "terme", "term"})
# "que peut faire le conseil citoyen ?", "je ne sais plus quoi faire", "la CAF m'a retiré mes allocations, je fais
# quoi": what a thing can do, or what to do, is asked, not what a word means (a "que" or a "quoi" with a modal or
# "faire" is no definition cue).
# "c'est quoi notre rôle", "c'est quoi mes droits": the member's own part is asked, not what a word means ("PIJ c'est
# quoi svp ma fille cherche un stage": after "quoi", "ma fille" starts the story).
_WHAT_TO_DO = re.compile(r"\b(?:que|qu|(?<!\bpour )quoi)\s+(?:peut|peuvent|pourrait|pourraient|doit|doivent|devrait|devraient|"
                         r"faire)\b|\b(?:fais|fait|faire|faites|font|peux|peut|dois|doit)\s+quoi\b|\b(?:que|quoi)\s+dire\b|"
                         r"\bquoi\s+(?:notre|nos|votre|vos|leur|leurs|(?:mon|ma|mes)\s+(?:role|place|mission|missions|"
                         r"droits|devoirs|mandat|travail))\b")
# "je peux encore être conseiller citoyen ?", "j'ai le droit de devenir membre ?": the member asks whether she
# may be or join what the term names, not what it is (a first-person "can I / may I" before a verb of belonging).
_MAY_I_BELONG = re.compile(r"\b(?:je|j)\s+(?:peux|pourrais|pourrai|dois|ai\s+le\s+droit\s+d[e]?)\s+"
                           r"(?:(?:encore|toujours|quand\s+meme|aussi|vraiment|bien)\s+)?(?:etre|devenir|rester|"
                           r"entrer|rentrer|faire\s+partie|participer|rejoindre|sieger|m\s+inscrire|candidater)\b")
# A term right after these says where or with whom ("un CEJ avec la mission locale", "droit commun dans le contrat de
# ville"), not what is asked ("par" is left out: "payés par l'Anah, c'est qui ?" asks who the Anah is).
_COMPLEMENT_BEFORE = frozenset({"dans", "avec", "chez", "aupres", "au", "aux"})
# "à la", "à l'" too once accents are gone ("un CEJ à la mission locale"): "a" before "la" is the preposition far more
# often than the verb.
_OF = frozenset({"du", "de", "des", "d"})
# "c'est quoi l'EPCI", "c quoi un cotech": the article before the term asked.
_ARTICLES = frozenset({"l", "le", "la", "les", "un", "une", "des", "du", "d", "ce", "cet", "cette", "ces"})
# "…dans le contrat de ville. C'est quoi notre rôle dedans ?": the cue asks of one's own part in it, named with a
# possessive right after it, not what the term just before it is ("PIJ c'est quoi, ma fille…" still asks the PIJ).
_OWN_OBJECT = re.compile(r"\bquoi (?:notre|votre|leur|mon|ma|mes|nos|vos|leurs|son|sa|ses) (?:role|roles|place|"
                         r"mission|missions|travail|boulot|job|part|tache|taches|responsabilites?|droits?|devoirs?|"
                         r"interet|utilite)\b")
# What a thing is for ("à quoi ça sert", read "role"), and a request to explain it ("expliquez-moi…").
_WHAT_FOR = frozenset({"role", "expliqu"})
# "je connais pas l'ANCT, ils font quoi ?": not knowing a term, said beside what it does, adds no subject of its own.
_KNOWING = frozenset({"connaitr"})
# After a term opening the message, what shows it is no subject of a verb: "le QPV, c'est…", "le QPV et la GUSP…".
_NOT_A_VERB = frozenset({"c", "ca", "est", "et", "ou", "quoi", "qui", "signifie", "veut", "de", "du", "des", "d"})
# What opens a clause of its own after a term ("…l'EPCI ils en parlent partout").
_CLAUSE_SUBJECTS = frozenset({"il", "ils", "elle", "elles", "on", "je", "j", "nous", "vous", "tu"})
_SUBJECT_ONLY = _CLAUSE_SUBJECTS - {"nous", "vous"}
# Verbs after which a bare term is quoted as a word ("ils disent EPCI", "j'entends CLSPD").
_SAYING = frozenset({"disent", "dit", "disait", "disaient", "dise", "entends", "entend", "entendu", "ecrivent",
                     "ecrit", "marque", "marquent", "appellent", "appelle"})
# Ending a question, they point at the last term named ("…je comprends pas ce mot").
_WORD_CUES = frozenset({"mot", "terme", "term", "sigl", "acronym"})
_POINTING = frozenset({"ce", "cet", "cette"})
_WORD_CUE_READINGS = frozenset((cue,) for cue in _WORD_CUES)  # a word alone read as one cue


@dataclass(frozen=True, eq=False, slots=True)
class TermsAsked:
    """The knowledge's glossary as the questions name it. The answerer gives it what it reads with: its own cached
    `analyze` (the same readings as its decisions), and the thresholds it decides with, so that a term is asked here
    exactly as the answerer would have read it."""

    terms: dict[str, GlossaryTerm]  # slug of the term → the term
    # Tokens that leave "what does this term mean?" unchanged: talk about the word, and the term's own
    # meaning ("CEJ jeunes ça veut dire quoi": "jeune" is in "contrat d'engagement jeune").
    chatter: frozenset[str]
    explains: dict[str, frozenset[str]]  # slug → the tokens of its meaning and synonyms
    # How many entries use each glossary term: "conseil citoyen" is in most, "diagnostic en marchant" in none.
    named_by: dict[str, int]
    analyze: Callable[[str], Analysis]
    suggest_threshold: float  # an entry scoring this much is worth offering
    promoted_weight: float  # the weight of the story when the question clause names nothing

    def glossary_term(self, analysis: Analysis, boost: dict[str, float]) -> GlossaryTerm | None:
        """"c'est quoi la TFPB", "TFPB ?", "que veut dire QPV": one term and nothing else that matters (in the
        question clauses: "on m'a parlé de la TFPB au copil, c'est quoi ?" — when the question clause names
        nothing, the story just before it, promoted, names the term)."""
        said = " ".join(analysis.words)
        if _WHAT_TO_DO.search(said) or _MAY_I_BELONG.search(said):
            return None
        for level in (1.0, self.promoted_weight):
            meaningful = {t for t in analysis.tokens if t not in self.chatter and boost.get(t, 1.0) >= level}
            if not meaningful:
                continue
            terms = meaningful & self.terms.keys()
            if len(terms) != 1:
                return None
            [key] = terms
            return self.terms[key] if not meaningful - terms - self.explains[key] else None
        return None

    def asked_term(self, analysis: Analysis, boost: dict[str, float], *, bound_only: bool = False,
                    candidates: tuple[Candidate, ...] = ()) -> GlossaryTerm | None:
        """The one glossary term a question asks the meaning of, other words around it or not: "bailleur social
        ça veut dire quoi, c'est le proprio ?", "la dame de la mairie a parlé d'un diagnostic en marchant,
        c'est quoi ?". The question asks for a meaning ("quoi", "le mot"…) and names one term, either right
        before the question ("X ça veut dire quoi", "la DPV c'est qui ?"), or, for a term few entries use (no
        entry worth offering is about it), anywhere in the question. A term most entries use is seldom asked
        for itself: "qu'est-ce que le conseil citoyen peut faire ?" asks what it can do."""
        # The question itself, and the story just before a question that names nothing ("…la mission locale,
        # c'est quoi ce truc ?"); the cue must be in the question.
        asked = [t for t in analysis.tokens if boost.get(t, 1.0) >= self.promoted_weight]
        terms = {t for t in asked if t in self.terms}
        said = " ".join(analysis.words)
        if not any(t in _DEFINITION_CUES and boost.get(t, 1.0) >= 1.0 for t in asked) or _WHAT_TO_DO.search(
                said) or _OWN_OBJECT.search(said) or _MAY_I_BELONG.search(said):
            return None
        aside = (self._complements(analysis.words) | self._opening_subject(analysis.words)) & terms \
            if len(terms) > 1 else set()
        if aside and len(terms - aside) == 1:
            # "un CEJ avec la mission locale, c'est quoi ?", "que signifie droit commun dans le contrat de ville ?":
            # a term after "dans", "avec", "chez"… says where or with whom; the one term left is asked.
            terms -= aside
            asked = [t for t in asked if t not in aside]
        elif len(terms) > 1:
            # "dans le contrat de ville ils écrivent droit commun partout, ça veut dire quoi droit commun ?": of
            # several terms, the one the question binds (right after its "quoi" at the end, or right before it).
            bound = self._bound_term(asked)
            if bound is not None:
                return self.terms[bound] if boost.get(bound, 1.0) >= 1.0 else None
            # "le bailleur dit que les travaux sont payés par l'Anah, c'est qui eux ?": beside terms most entries
            # use (bailleur social), the one term few entries use is what is asked, as when it is named alone;
            # not when the terms are listed side by side ("le QPV et la GUSP, c'est quoi ?" asks for both).
            rare = [t for t in terms if self.named_by.get(t, 0) <= RARE_TERM_ENTRIES]
            places = [k for k, t in enumerate(asked) if t in terms]
            if len(rare) != 1 or any(b - a == 1 for a, b in pairwise(places)):
                return None
            terms = set(rare)
        if len(terms) != 1:
            return None
        [key] = terms
        plain = [t for t in asked if t == key or t in _DEFINITION_CUES or t not in self.chatter]
        at = plain.index(key)
        after = plain[at + 1: at + 2]
        if boost.get(key, 1.0) >= 1.0 and after and (
                after[0] in _CUES_AFTER or (after[0] == "qui" and at + 2 == len(plain))):
            return self.terms[key]
        if at and plain[at - 1] in _WORD_NAMED:
            # "Je lis partout le mot QPV…, qu'est-ce que ça veut dire ?": "le mot", "le sigle" name the word itself,
            # however many entries use it.
            return self.terms[key]
        if boost.get(key, 1.0) >= 1.0 and len(plain) >= 2 and plain[-1] == key and plain[-2] in _CUES_AFTER and (
                aside or plain.count(key) > 1):
            # Right after its cue at the end, once the complements are set aside ("que signifie droit commun dans le
            # contrat de ville ?"), or named again to say which ("le mot GUSP revient…, ça veut dire quoi GUSP ?").
            return self.terms[key]
        if boost.get(key, 1.0) >= 1.0 and self._named_then_pointed_at(analysis.words, key):
            # "TFPB je comprends pas ce sigle": the term named first, then pointed at as a word, is the word asked.
            return self.terms[key]
        # An entry written about the term ("Qui est le délégué du préfet… ?") says more than its glossary line.
        defined = any(c.score >= self.suggest_threshold and self.about(c.entry, self.terms[key])
                      for c in candidates)
        if boost.get(key, 1.0) >= 1.0 and not defined and (
                (at > 0 and plain[at - 1] in _WORD_CUES) or self._opens_on(analysis.words, key)):
            # "je comprends rien à ce sigle EPCI", "le mot cotech": the word named as a word is the one asked.
            # "c quoi l'EPCI ils en parlent tout le temps": asked first, then where it is heard, in a clause of its
            # own (its subject after the term); "qu'est-ce que le contrat de ville prévoit…" asks what it does.
            return self.terms[key]
        if self._said_as_a_word(analysis.words, key):
            # "ils disent EPCI tout le temps, c'est quoi ?": a term quoted bare after a verb of saying is heard as
            # a word, however many entries use it.
            return self.terms[key]
        # A personal story asks for the word itself when its question ends on the cue, nothing asked after it
        # ("mon fils va au CLAS après l'école c koi exactement"): the rare term it names is what is asked.
        if (bound_only and plain[-1] not in _CUES_AFTER) or self.named_by.get(key, 0) > RARE_TERM_ENTRIES or defined:
            return None
        return self.terms[key]

    def _bound_term(self, asked: list[str]) -> str | None:
        """Of several terms, the one the question binds: "…ça veut dire quoi droit commun ?", "…la DSU, ça veut
        dire quoi ?" (right after its "quoi" at the end, or right before it), "…ils parlent du droit commun, je
        comprends pas ce mot" (the last one named). "le QPV et la GUSP, c'est quoi ?" asks for both: none."""
        plain = [t for t in asked if t in self.terms or t in _DEFINITION_CUES or t not in self.chatter]
        if len(plain) >= 2 and plain[-1] in _WORD_CUES:
            return next((t for t in reversed(plain) if t in self.terms), None)
        if len(plain) >= 2 and plain[-1] in self.terms and plain[-2] in _CUES_AFTER:
            # "…dans le contrat de ville, ça veut dire quoi droit commun": the term named again after the question
            # says which one is asked.
            return plain[-1]
        at = [k for k, t in enumerate(plain) if t in self.terms and (
            (k == len(plain) - 1 and k > 0 and plain[k - 1] in _CUES_AFTER)
            or (k + 1 < len(plain) and plain[k + 1] in _CUES_AFTER))]
        if len({plain[k] for k in at}) != 1 or any(k > 0 and plain[k - 1] in self.terms for k in at):
            return None
        return plain[at[0]]

    def about(self, entry: FaqEntry, term: GlossaryTerm, *, phrasings: bool = False) -> bool:
        """Whether the entry's own question names the term ("Qu'est-ce que l'ANRU ?"): it is about the term, not
        merely using it in its answer. With `phrasings`, its alternates count too: the knowledge's authors say
        the entry answers "collège habitants et collège acteurs locaux, c'est quoi"."""
        key = slug(term.term)
        return any(key in self.analyze(p).tokens for p in (entry.phrasings if phrasings else (entry.question,)))

    def what_for(self, analysis: Analysis, boost: dict[str, float],
                  candidates: tuple[Candidate, ...]) -> GlossaryTerm | None:
        """"à quoi sert le PIJ ?", "le cotech ça sert à quoi ?", "expliquez-moi le droit commun": a term and nothing
        else but what it is for, or a request to explain it, is asked for its meaning when no entry worth offering
        is written about it (the copil's entry answers what a copil is for; the glossary line, what a PIJ is)."""
        asked = {t for t in analysis.tokens if boost.get(t, 1.0) >= 1.0 and t not in self.chatter}
        terms = asked & self.terms.keys()
        if len(terms) != 1 or not asked & _WHAT_FOR or asked - terms - _WHAT_FOR - _KNOWING:
            return None
        term = self.terms[next(iter(terms))]
        if any(c.score >= self.suggest_threshold and self.about(c.entry, term) for c in candidates):
            return None
        return term

    def _opens_on(self, said: tuple[str, ...], key: str) -> bool:
        """Whether the message opens on "c'est quoi" and the term, then ends or goes on with a clause of its own
        ("c quoi l'EPCI ils en parlent tout le temps dans le contrat": the term is asked, the rest is where)."""
        for cue in (("c", "est", "quoi"), ("c", "quoi")):
            if said[: len(cue)] != cue:
                continue
            start = len(cue) + (len(said) > len(cue) and said[len(cue)] in _ARTICLES)
            end = self._term_ends(said, start, key)
            if end is not None:
                return end == len(said) or said[end] in _CLAUSE_SUBJECTS
        return False

    def _named_then_pointed_at(self, said: tuple[str, ...], key: str) -> bool:
        """Whether the message opens on the term (an article before it or not) and then says "ce sigle", "ce mot",
        "cet acronyme", no other term between them ("TFPB je comprends pas ce sigle, le bailleur en parle…"): the
        word named first is the one pointed at."""
        start = int(bool(said) and said[0] in _ARTICLES)
        end = self._term_ends(said, start, key)
        if end is None:
            return False
        for k in range(end, len(said) - 1):
            if said[k] in _POINTING and self.analyze(said[k + 1]).tokens in _WORD_CUE_READINGS:
                return not any(t in self.terms for t in self.analyze(" ".join(said[end:k])).tokens)
        return False

    def _said_as_a_word(self, said: tuple[str, ...], key: str) -> bool:
        """Whether the term comes bare, with no article, right after a verb of saying or hearing ("ils disent EPCI",
        "on entend QPV partout"): the word itself is quoted, not the thing it names."""
        return any(word in _SAYING and self._term_ends(said, k + 1, key) is not None
                   for k, word in enumerate(said[:-1]))

    def _term_ends(self, said: tuple[str, ...], start: int, key: str) -> int | None:
        """Where the term `key` ends when the words from `start` name it and nothing else (up to five words)."""
        return next((end for end in range(start + 1, min(start + 5, len(said)) + 1)
                     if self.analyze(" ".join(said[start:end])).tokens == (key,)), None)

    def _opening_subject(self, said: tuple[str, ...]) -> set[str]:
        """The glossary term a message opens on as the subject of a verb ("le centre social nous propose un
        adulte-relais, c'est quoi ?", "la mission locale propose un CEJ…"): who acts, not what is asked. Not a term
        followed by "c'est", a cue or another term ("le QPV et la GUSP, c'est quoi ?" asks for both)."""
        start = int(bool(said) and said[0] in _ARTICLES)
        for end in range(start + 1, min(start + 5, len(said))):
            tokens = self.analyze(" ".join(said[start:end])).tokens
            if len(tokens) == 1 and tokens[0] in self.terms:
                follows = said[end]
                # "TFPB je comprends pas ce sigle": a subject pronoun opens a clause of its own; the term is no subject
                # ("le centre social nous propose…": "nous", "vous" may be its objects).
                return set() if follows in _NOT_A_VERB or follows in _ARTICLES or follows in _SUBJECT_ONLY \
                    else set(tokens)
        return set()

    def _complements(self, said: tuple[str, ...]) -> set[str]:
        """The glossary terms a message names right after "dans", "avec", "chez"…: where or with whom."""
        found = set()
        for k, word in enumerate(said):
            if word in _COMPLEMENT_BEFORE or (word == "a" and said[k + 1: k + 2] in (("la",), ("l",))):
                # Right after it, or after a thing of it ("dans les documents du contrat de ville", "dans le cadre
                # de la politique de la ville").
                starts = [k + 1] + [j + 1 for j in range(k + 2, min(k + 5, len(said))) if said[j] in _OF]
                for start in starts:
                    tokens = self.analyze(" ".join(said[start: start + 5])).tokens
                    if tokens and tokens[0] in self.terms:
                        found.add(tokens[0])
        return found
