"""French normalisation: from what a member types to the tokens the matcher compares.

Order matters: fold case and accents, split elisions, map SMS spellings, correct typos against
the knowledge base's own vocabulary, collapse idioms, map glossary terms and synonyms onto one
token, drop stopwords, stem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.answering.french import (
    DISCRIMINATION_CAUSES,
    DISCRIMINATION_DONE,
    DISCRIMINATION_OWN,
    DISCRIMINATION_SUBJECTS,
    DISCRIMINATION_TRAITS,
    IDIOMS,
    LEMMA_STOPWORDS,
    SMS,
    STOPWORDS,
)
from bot.answering.near_terms import NearTerms

_ELISION = re.compile(r"\b(c|d|j|l|m|n|s|t|qu|jusqu|lorsqu|puisqu|quoiqu)['’`´]")
_APOSTROPHES = frozenset("'’`´")  # an elision holds one
_WORD = re.compile(r"[^\W_]+")
# "+" typed for "plus" before a word ("tu peux faire + simple", "+ de temps"); never glued to a word ("REP+") or
# before a number ("+33").
_PLUS = re.compile(r"(?<![\w+])\+(?=\s*[^\W\d_])")
_STEMMER = snowballstemmer.stemmer("french")
MAX_CHARS = 2000  # longer messages are cut for matching (they are still logged whole, up to a limit)


class _CombiningMarks(dict[int, int | None]):
    """For `str.translate`: combining marks (accents once decomposed) removed, every other character kept.
    Filled as characters are met: a lookup in C instead of a Python test per character."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_STRIP_MARKS = _CombiningMarks()


def fold(text: str) -> str:
    """Lower case, no accents, ligatures spelled out."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    if text.isascii():
        return text  # nothing to decompose
    return unicodedata.normalize("NFKD", text).translate(_STRIP_MARKS)


def typed_words(text: str) -> list[str]:
    """The words as typed (not folded, nor mapped), cut where `words` cuts them."""
    return _WORD.findall(text)


def words(text: str) -> list[str]:
    """Folded words, elisions split ("l'interconseil" → "l interconseil"), SMS spellings mapped."""
    return list(_words(text))  # a fresh list: the caller may change it


@lru_cache(maxsize=4096)  # a decision reads the same message, parts and questions several times
def _words(text: str) -> tuple[str, ...]:
    text = fold(text[:MAX_CHARS])
    if "+" in text:
        text = _PLUS.sub(" plus ", text)
    if not _APOSTROPHES.isdisjoint(text):
        text = _ELISION.sub(r"\1 ", text)
    out: list[str] = []
    for word in _WORD.findall(text):  # the runs between non-word characters and underscores
        out.extend(_mapped(word))
    return tuple(out)


@lru_cache(maxsize=65536)  # a word's mapping, once: the same words come back in every message (and its parts)
def _mapped(word: str) -> tuple[str, ...]:
    mapped = SMS.get(word)
    if mapped is None:
        mapped = _phonetic(word) if _SPELT_BY_EAR.search(word) else word
    return tuple(mapped.split())


_J_GLUED = re.compile(r"j[bcdfgklmnpqrstvwxz]\w")
_K_ENDING = re.compile(r"ik(s?)$")
_SPELT_BY_EAR = re.compile(r"k|f|^o\w|^j[bcdfgklmnpqrstvwxz]\w|\w(?:ri|ra|or)$|^(?:[jlmnstd]|qu)[aeiouyh]|"
                           r"\w{4}en$|\w{4}e$")
# An elision typed without its apostrophe: "sinscrire", "jhabite", "linscription", "quil".
_UNELIDED = re.compile(r"^(j|l|m|n|s|t|d|qu)([aeiouyh]\w{2,})$")
_GLUED_SHAPE = re.compile(r"\b(?:[jlmnstd]|qu)[aeiouyh][^\W\d_]{2,}")  # `_UNELIDED`'s words inside a text
# Letters written as heard: "k" for "qu" ("compliké", "civik"), "f" for "ph" ("fotocopie"), "o" for "au" ("otorisation").
_BY_EAR: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"k"), "qu"), (re.compile(r"f"), "ph"), (re.compile(r"^o"), "au"),
)


@lru_cache(maxsize=16384)
def _phonetic(word: str) -> str:
    """SMS spellings by rule, kept only when they give a French word: letters written as heard ("compliké",
    "kartier", "civik" → "civique", "fotocopie", "otorisation") and "je" glued to its verb ("jcherche")."""
    if not word.isalpha() or _is_french(word):
        return word
    spelled = _K_ENDING.sub(r"ique\1", word)
    for pattern, letters in _BY_EAR:
        spelled = pattern.sub(letters, spelled)
        if spelled != word and _is_french(spelled):
            return spelled
    if _J_GLUED.match(word):
        verb = SMS.get(word[1:]) or word[1:]
        if _is_french(verb) or word[1:] in SMS:
            return f"je {verb}"
    unelided = _UNELIDED.match(word)
    if unelided:
        rest = _silent_end(unelided.group(2))
        if _is_french(rest) or rest in SMS:
            return f"{unelided.group(1)} {SMS.get(rest, rest)}"
    return _silent_end(word)


# The dictionary lacks many invariable words ("comment", "trop", "avis"): only the endings members drop most are
# completed, each with the letters it loses: "inscri", "compri" (-ri), "tiré o sor", "dehor" (-or), the adverbs'
# and nouns' "-ment" heard "-men" ("normalemen", "evenemen"; long words only: "sen" is "s'en"), and the "-ée" of a
# noun typed "-é" ("bonne soiré", "la journé"; five letters at least: "anne" is Anne as often as "année").
_SILENT_ENDINGS = {"ri": ("s", "t"), "or": ("t", "s"), "en": ("t",), "e": ("e",)}
_SILENT_END = re.compile(r"\w(ri|or)$|\w{4}(en)$|\w{4}(e)$")


def _silent_end(word: str) -> str:
    """A final letter that is not heard, left out: "jm inscri au webinaire" (inscris), "g pa compri" (compris)."""
    found = _SILENT_END.search(word)
    if found is None or _is_french(word):
        return word
    ending = next(group for group in found.groups() if group)
    return next((word + end for end in _SILENT_ENDINGS[ending] if _is_french(word + end)), word)


@lru_cache(maxsize=1)
def french_lemmas() -> Mapping[str, str]:
    """Accent-free French word → accent-free lemma, from simplemma's dictionary (loaded once, ~1 s).

    Members rarely type accents, so the map is keyed on folded forms: "reunions" → "reunion",
    "rejoint" → "rejoindre", "abandonnes" → "abandonner". It also tells which words are real French
    words, which the typo corrector must leave alone ("endroit" is not a typo of "droit").
    Prepared once and kept on disk (bot/answering/lemmas.py): it is read word by word, not loaded."""
    from bot.answering.lemmas import lemma_map

    return lemma_map(fold)


# Conjunctions join two things, never the words of one term: "au conseil et dans le quartier" is no "conseil de
# quartier". They stay in the words a phrase is looked up by, as a mark a phrase cannot span unless it has its own.
_JOINS = frozenset({"et", "ou", "mais", "ni"})
_JOIN = "&"


# Plurals French uses with a meaning of their own, which the dictionary folds into the singular: "les travaux"
# (building works) are not "le travail" (a job), and "absent pour le travail" is no question about works.
_OWN_MEANING_PLURALS = frozenset({"travaux"})


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    if word in _OWN_MEANING_PLURALS:
        return word
    found = french_lemmas().get(word)
    return word if found is None else found


@lru_cache(maxsize=65536)
def _is_french(word: str) -> bool:
    return word in french_lemmas()


def is_french(word: str) -> bool:
    """Whether the folded word is one of French's dictionary."""
    return _is_french(word)


# A short word (three letters at most) is kept as typed: the stemmer would make it collide with acronyms and other
# short words. A verb's short forms are read as their verb, as its longer forms are ("je dis", "il dit", "vous
# dites", "que dire"; "j'ai lu", "lire"; "mis", "mettre"): the dictionary gives them a verb's lemma (an infinitive)
# only when they are no word of their own ("lis" is a lily, "lit" a bed, "vis" a screw; "bus", "fin": each its own
# lemma). Not "aller": "va", "vas", "ira" mostly make a near future ("il va faire", "on va perdre") and say
# nothing of the question (read "aller", they drew entries about going to a meeting: dev, bench/RESULTS.md).
_INFINITIVE_ENDS = ("er", "ir", "re", "oir")
_AUXILIARY = frozenset({"aller"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    if word.isdigit():
        return word
    if len(word) <= 3:
        verb = lemma(word)
        if verb == word or not verb.endswith(_INFINITIVE_ENDS) or verb in _AUXILIARY:
            return word
        return stem(verb) if len(verb) > 3 else verb
    base = lemma(word)
    stemmed = str(_STEMMER.stemWord(base))
    # A stem shorter than 4 letters collides with acronyms and short words ("repas" → "rep", like REP+). Then
    # the word's own stem, or its lemma: "donnée" (lemma "donner", stem "don") and "données" both give
    # "donne", "idée" and "idées" both "idee". A lemma of four letters at most is itself the stem when the word's own
    # stem is no start of it: "disent", "disons" are "dire" (not "disent", "dison"), "élus" is "élu", "jeux" "jeu".
    # (Longer lemmas keep the word's own stem: read "venir", "vient" and "viennent" drew the entries on bringing
    # people in, "faire venir": dev 92.6 → 92.4.)
    if len(stemmed) >= 4:
        return stemmed
    own = str(_STEMMER.stemWord(word))
    return own if len(own) >= 4 and (base.startswith(own) or len(base) > 4) else base


def correctable(word: str) -> bool:
    """Whether the typo corrector looks this word up in the vocabulary (when the vocabulary lacks it): only
    these words of a text make its analysis depend on the knowledge base's vocabulary."""
    return not (word in STOPWORDS or len(word) < 5 or not word.isalpha() or _is_french(word))


# How a word sounds, roughly, once the letters French does not pronounce or writes several ways are set aside:
# "nouvo" and "nouveau", "reconu" and "reconnu", "prefe" and "préfet" sound the same; so do a mute "h" and none
# ("abitants"), "ill" after a vowel and "y" ("bayeur"), a soft "c" and "s" ("sitoyen"), a soft "g" and "j"
# ("tiraj"), "-tion" and "-sion" ("subvension"), "en" and "an" before a consonant ("mendat").
_SOUND_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(a), b) for a, b in (
    (r"^h", ""), (r"(?<=[aeu])ill?(?=[aeiouy]|s?$)", "y"), (r"c(?=[eiy])", "s"), (r"g(?=[eiy])", "j"),
    (r"t(?=ion)", "s"),
    (r"eaux?$|aux?$|ots?$|os$|eo$", "o"), (r"eau|au", "o"), (r"ph", "f"), (r"cc(?=[aou])|qu|ck|c(?=[aou])", "k"),
    (r"(?:er|ez|et|ai|ais|ait|ee|es)$", "e"), (r"ai|ei", "e"), (r"[ae][nm](?=[^aeiouy]|$)", "an"), (r"y", "i"),
    (r"([a-z])\1", r"\1"),
    (r"[stxd]$", ""), (r"e$", ""),
))


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    key = word
    for pattern, sound in _SOUND_RULES:
        key = pattern.sub(sound, key)
    return key


def typo_budget(word: str) -> int:
    """Edits the corrector forgives in a word: one typo, two in long words."""
    return 1 if len(word) < 9 else 2


def slug(phrase: str) -> str:
    """The single token a glossary term or synonym group becomes ("maison du projet" → "maison_du_projet")."""
    return "_".join(words(phrase))


def _idioms_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for pattern, replacement in IDIOMS:
        by_first.setdefault(pattern[0], []).append((pattern, replacement))  # IDIOMS' order kept
    return by_first


_IDIOMS_BY_FIRST = _idioms_by_first_word()


_DOES = frozenset({"fait", "font", "faites", "faisons"})
_WHAT = (("ce", "que"), ("ce", "qu"))
_WHAT_REACH = 4


def _what_it_does(seq: list[str]) -> list[str]:
    """"savoir ce que RésO Villes fait pour nous", "ce que fait le conseil": what it does, its role, across the
    subject between."""
    out = list(seq)
    if "ce" not in seq:
        return out  # every phrase of `_WHAT` opens on it
    for i in range(len(seq) - 2):
        if tuple(seq[i:i + 2]) in _WHAT:
            for j in range(i + 2, min(i + 2 + _WHAT_REACH, len(seq))):
                if seq[j] in _DOES:
                    out[j] = "role"
                    break
    return out


_BECAUSE_OF = (("a", "cause", "de"), ("a", "cause", "d"), ("en", "raison", "de"), ("en", "raison", "d"))
_SUFFERED = ["victime", "discrimination"]
_OWNERS = frozenset({"mon", "ma", "mes", "son", "sa", "ses", "notre", "nos", "leur", "leurs"})


def _ends_with(seq: list[str], end: int, *options: tuple[str, ...]) -> int:
    """The length of the first option `seq[:end]` ends with, or 0."""
    return next((len(o) for o in options if tuple(seq[max(0, end - len(o)):end]) == o and end >= len(o)), 0)


def _discrimination(seq: list[str]) -> list[str]:
    """"parce que je suis noire", "à cause de mes origines": what the member suffers, "victime discrimination",
    is read in place of the trait given as the cause, or after the word naming it (the base's own phrasings say "à
    cause de mon nom": see `DISCRIMINATION_TRAITS`)."""
    if DISCRIMINATION_DONE.isdisjoint(seq):
        return list(seq)  # nothing done to anyone: every word stays
    out: list[str] = []
    done = False  # something was done to the person before (`DISCRIMINATION_DONE`)
    for i, word in enumerate(seq):
        done = done or word in DISCRIMINATION_DONE
        said = _ends_with(seq, i, *DISCRIMINATION_SUBJECTS) if done and word in DISCRIMINATION_TRAITS else 0
        if said and _ends_with(seq, i - said, *DISCRIMINATION_CAUSES):
            out += _SUFFERED
        elif done and word in DISCRIMINATION_OWN and i > 0 and seq[i - 1] in _OWNERS and _ends_with(
                seq, i - 1, *_BECAUSE_OF):
            out += [word, *_SUFFERED]
        else:
            out.append(word)
    return out


def names_discrimination(text: str) -> bool:
    """Whether a text gives who one is as the cause of what was done ("parce que je suis noire")."""
    seq = words(text)
    return _discrimination(seq) != seq


def _replace_idioms(seq: list[str]) -> list[str]:
    seq = _discrimination(_what_it_does(seq))
    out: list[str] = []
    i = 0
    while i < len(seq):
        for pattern, replacement in _IDIOMS_BY_FIRST.get(seq[i], ()):
            if tuple(seq[i : i + len(pattern)]) == pattern:
                out.extend(replacement.split())  # "" drops the phrase; a replacement may be several words
                i += len(pattern)
                break
        else:
            out.append(seq[i])
            i += 1
    return out


# A capitalised word inside a sentence ("je suis Françoise", "à Saint-Herblain"): a name, not a typo of a French word
# ("Françoise" is one letter from "française", "Agnès" two from "âgées", "Jules" one from "jurés").
# The capital comes first and the words before it are looked behind it: the engine then jumps from capital to capital
# instead of looking behind every character (a long message: 8 → 2 µs).
_NAME = re.compile(r"[A-ZÀ-Ý](?:(?<=[^\W_] .)|(?<=[^\W_], .))[a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*")
# The word after "je m'appelle" or "moi c'est" is a name however it is typed ("moi c est francoise").
_NAMED_AFTER = (("appelle",), ("moi", "c", "est"))


def names(text: str) -> frozenset[str]:
    """The folded names of a text: its capitalised words inside a sentence that are no French words."""
    found = _NAME.findall(text)
    return frozenset(w for n in found for w in words(n) if not _is_french(w)) if found else frozenset()


_NAMED_LAST = frozenset(cue[-1] for cue in _NAMED_AFTER)  # the word right before a name, whatever the cue


def _named(raw: list[str], i: int) -> bool:
    # Asked of every word of every text analysed: most words follow no cue's last word, told at once.
    return i > 0 and raw[i - 1] in _NAMED_LAST and any(
        i >= len(cue) and tuple(raw[i - len(cue):i]) == cue for cue in _NAMED_AFTER)


# A word of the base itself split as an elision typed without its apostrophe only when what follows is this long:
# "linterconseil" is "l'interconseil", "mars" no "m'ars".
_UNELIDED_KNOWN = 5
# Letters French writes at the end of a word and does not say ("mandat", "contrat", "droit", "regard").
_SILENT_LAST = ("t", "d")
_SHORT_SWAPPED = (3, 4)  # the lengths of words the corrector leaves alone, whose swapped letters are read back
_VOWELS = frozenset("aeiouy")
# After a vowel, "n" or "r" ("poin(t)", "gran(d)", "regar(d)"); a French word only after its "a" or "i", the passé
# simple and future members do not write ("manda(t)", "contra(t)"): "la cour" is no "court", "interne" no "internet".
_BEFORE_SILENT = frozenset("aeiouynr")
_FRENCH_BEFORE_SILENT = frozenset("ai")
_DOUBLED = frozenset("bcdfglmnprst")  # consonants French doubles


@dataclass(frozen=True, kw_only=True)
class Analysis:
    words: tuple[str, ...]  # folded words, after SMS mapping and typo correction
    tokens: tuple[str, ...]  # what the matcher compares

    @property
    def is_empty(self) -> bool:
        return not self.words


class Normalizer:
    """Built once from the knowledge base: its phrases and its vocabulary."""

    def __init__(self, phrases: Mapping[str, Iterable[str]], vocabulary: Iterable[str], *,
                 like: Normalizer | None = None) -> None:
        """`like`: a normaliser built from the same phrases, whose tables are shared (a learning action)."""
        self._phrases: dict[tuple[str, ...], str]
        self._lengths: dict[str, list[int]]
        self._near: NearTerms
        if like is not None:
            self._phrases, self._lengths, self._near = like._phrases, like._lengths, like._near
        else:
            self._phrases, self._lengths = self._phrase_tables(phrases)
            self._near = NearTerms(self._phrases, join=_JOIN)
        self._vocabulary = frozenset(w for w in vocabulary if w)
        # The French words the SMS table reads as one word of the base ("inscription" is read "inscrire"): a typo
        # of them ("incription") is corrected into them, then read as they are. Never a misspelling of the table
        # ("komment"): a typo of a typo is too far from the word meant.
        self._spelt = {typed: read for typed, read in SMS.items() if read in self._vocabulary and len(typed) >= 5
                       and typed.isalpha() and typed != read and _is_french(typed)}
        self._by_initial: dict[str, list[str]] = {}
        for known in sorted(self._vocabulary | self._spelt.keys()):
            self._by_initial.setdefault(known[0], []).append(known)
        self._corrections: dict[str, str] = {}
        self._glued: dict[str, str] = {}
        self._read: dict[str, tuple[str, ...]] = {}  # `read`'s answers (not kept on disk: cheap to make again)
        # The base's short words that are no French words (acronyms) by their letters: "qvp", "fhp" are "qpv", "fph"
        # with two letters swapped ("tier" is no "tire").
        self._by_letters: dict[str, list[str]] = {}
        for known in self._vocabulary:
            if _SHORT_SWAPPED[0] <= len(known) <= _SHORT_SWAPPED[1] and known.isalpha() and known not in STOPWORDS \
                    and not _is_french(known):
                self._by_letters.setdefault("".join(sorted(known)), []).append(known)
        self._by_sound: dict[str, list[str]] = {}
        for known in sorted(self._vocabulary, key=lambda w: (len(w), w)):
            if known.isalpha() and known not in STOPWORDS:
                self._by_sound.setdefault(sound_key(known), []).append(known)

    def __getstate__(self) -> dict[str, object]:
        # Written to disk while it answers (bot/answering/prepared.py): the corrections it fills copied at once
        # (in C), never walked while a question adds one.
        state = dict(self.__dict__)
        state["_corrections"] = dict(self._corrections)
        state["_glued"] = dict(self._glued)
        state.pop("_read", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._read = {}

    @classmethod
    def _phrase_tables(cls, phrases: Mapping[str, Iterable[str]]
                       ) -> tuple[dict[tuple[str, ...], str], dict[str, list[int]]]:
        # phrases: canonical token → the ways of writing it
        table: dict[tuple[str, ...], str] = {}
        for canonical, variants in phrases.items():
            for variant in (canonical.replace("_", " "), *variants):
                key = cls._key(words(variant))
                for written in (key, tuple(k for k in key if k != _JOIN)):  # its own "et" may be left out
                    if written and written[0] != _JOIN:
                        table.setdefault(written, canonical)
        # The lengths of the phrases starting with each stem, longest first: at each word, only those are tried.
        lengths: dict[str, set[int]] = {}
        for key in table:
            lengths.setdefault(key[0], set()).add(len(key))
        return table, {first: sorted(found, reverse=True) for first, found in lengths.items()}

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every folded word the knowledge base uses."""
        return self._vocabulary

    @staticmethod
    def _key(seq: Iterable[str]) -> tuple[str, ...]:
        return tuple(_JOIN if w in _JOINS else stem(w) for w in seq
                     if w in _JOINS or (w not in STOPWORDS and lemma(w) not in LEMMA_STOPWORDS))

    def correct(self, word: str) -> str:
        """A word the knowledge base does not know, replaced by a known spelling one typo away (two for long
        words). The first letter must match: typos rarely hit it, and real words that merely look alike
        ("endroit" / "droit") mostly differ there or by more than one edit."""
        if word in self._vocabulary or not correctable(word):
            return word
        cached = self._corrections.get(word)
        if cached is not None:
            return cached
        budget = typo_budget(word)
        candidates = self._by_initial.get(word[0], ())
        found = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=budget, limit=None)
        fixed = self._likeliest(word, found) if found else self._sounding_like(word)
        fixed = self._spelt.get(fixed, fixed)
        if len(self._corrections) < 100_000:
            self._corrections[word] = fixed
        return fixed

    @staticmethod
    def _likeliest(word: str, found: list[tuple[str, int, int]]) -> str:
        """Of the nearest spellings (fewest edits), the one that sounds like the word: "demision" is one edit from
        "décision" and from "démission", and sounds like the second; "copile" like "copil", not "copie"."""
        nearest = [known for known, distance, _ in found if distance == found[0][1]]
        sound = sound_key(word)
        return next((known for known in nearest if sound_key(known) == sound), nearest[0])

    def _sounding_like(self, word: str) -> str:
        """The knowledge base's word spelt as heard ("nouvo" → "nouveau"), when only one word (in its forms)
        sounds so; else the word as it is."""
        alike = self._by_sound.get(sound_key(word), ())
        if alike and len({stem(w) for w in alike}) == 1:
            return alike[0]
        return word

    def read(self, word: str) -> tuple[str, ...]:
        """The word corrected; an elision typed without its apostrophe before a word of the knowledge base split
        ("lanru" → "l anru"; `words` already splits it before a French word), or before a misspelt one when the
        whole word is no typo ("linscripsion"). Never before a small word: the dictionary lacks "taux", which is
        no "t'aux". Each word read once per normaliser (its tables never change): a message's words are read again
        for its parts, its questions and the second opinion."""
        found = self._read.get(word)
        if found is None:
            found = self._read_afresh(word)
            if len(self._read) >= 100_000:
                self._read = {}  # not kept for ever: a long-running hotline meets new words every day
            self._read[word] = found
        return found

    def _read_afresh(self, word: str) -> tuple[str, ...]:
        known = word in self._vocabulary
        unelided = _UNELIDED.match(word)
        if unelided and (_is_french(word) or unelided.group(2) in STOPWORDS):
            unelided = None
        rest = unelided.group(2) if unelided else ""
        # The base's own members' words too: "aller a linterconseil" (but "mars" is no "m'ars").
        if unelided and rest in self._vocabulary and (not known or len(rest) >= _UNELIDED_KNOWN):
            return unelided.group(1), rest
        if known:
            return (word,)
        completed = self._completed(word) or self._swapped(word)
        if completed is not None:
            return (completed,)
        fixed = self.correct(word)
        if fixed == word and unelided and self.correct(rest) != rest:  # "linscripsion", "sinscrir"
            return unelided.group(1), self.correct(rest)
        return (fixed,)

    def _swapped(self, word: str) -> str | None:
        """A short word typed with two neighbouring letters swapped ("qvp", "fhp"; "cpoil" is long enough for the
        corrector): the one acronym of the base with those letters, one swap away."""
        if not _SHORT_SWAPPED[0] <= len(word) <= _SHORT_SWAPPED[1] or not word.isalpha() or _is_french(word):
            return None
        if len(word) == _SHORT_SWAPPED[0] and not _VOWELS.isdisjoint(word):
            return None  # three letters with a vowel may be a word the dictionary lacks: "ras le bol" is no "ARS"
        found = [known for known in self._by_letters.get("".join(sorted(word)), ())
                 if OSA.distance(known, word) == 1]
        return found[0] if len(found) == 1 else None

    def _completed(self, word: str) -> str | None:
        """A word of the base whose silent last letter was left out ("mon manda", "le contra", "on a le droi",
        "un poin", "avan": "mandat", "contrat", "droit", "point", "avant"), or its mute last "e" ("grav", "rest"), or
        a short one whose double consonant was typed once ("aler", "apel", "anee": "aller", "appel", "année"). In
        words of four letters or more, and never into a stopword."""
        if len(word) < 4 or not word.isalpha():
            return None
        if word[-1] in (_FRENCH_BEFORE_SILENT if _is_french(word) else _BEFORE_SILENT):
            found = next((word + end for end in _SILENT_LAST if word + end in self._vocabulary
                          and word + end not in STOPWORDS), None)
            if found is not None:
                return found
        if word[-1] not in _VOWELS and not _is_french(word) and word + "e" in self._vocabulary \
                and word + "e" not in STOPWORDS:
            return word + "e"  # its mute "e" left out: "c grav", "je peux pas rest", "qui anim la réunion"
        if len(word) >= 5 or _is_french(word):
            return None  # the corrector's own: one edit away
        doubled = {word[:i + 1] + word[i:] for i in range(1, len(word)) if word[i] in _DOUBLED and word[i - 1] != word[i]}
        known = [w for w in doubled if w in self._vocabulary and w not in STOPWORDS]
        return known[0] if len(known) == 1 else None

    def _near_phrases(self, corrected: list[str]) -> tuple[str, ...]:
        """The words' stems; a word the base does not know, one letter from the word a term of the base expects
        there, read as that word ("contrat de vile")."""
        kept = [w for w in corrected if w in _JOINS or (w not in STOPWORDS and lemma(w) not in LEMMA_STOPWORDS)]
        stems = tuple(_JOIN if w in _JOINS else stem(w) for w in kept)  # `_key(corrected)`, its words kept once
        unknown = [j for j, w in enumerate(kept) if w not in self._vocabulary and w.isalpha() and len(w) >= 3]
        return self._near.read(stems, kept, unknown) if unknown else stems

    def analyze(self, text: str) -> Analysis:
        return self.analyze_words(*self.read_text(text))

    def read_text(self, text: str) -> tuple[list[str], frozenset[str]]:
        """The text's words as `analyze` reads them, and its names among them (all `analyze_words` needs: two texts
        with the same words and names have the same analysis)."""
        named = names(text)
        folded = fold(text[:MAX_CHARS])
        if _GLUED_SHAPE.search(folded):
            folded = _GLUED_SHAPE.sub(lambda m: m.group() if m.group() in named else self._misspelt(m.group()), folded)
        raw = words(folded)
        return raw, named & frozenset(raw) if named else named

    def _misspelt(self, word: str) -> str:
        """A word `words` reads as an elision typed without its apostrophe ("dosier": "d'osier", "letre": "l'être",
        "sentre": "s'entre") that sounds like a word of the base one typo away ("dossier", "lettre", "centre"):
        that word. Typed with its apostrophe, the elision is meant and stays."""
        fixed = self._glued.get(word)
        if fixed is None:
            fixed = word
            mapped = _mapped(word)
            if len(mapped) == 2 and "".join(mapped) == word and word not in self._vocabulary:
                read = self.correct(word)
                alike = read != word and sound_key(read) == sound_key(word)
                fixed = read if alike and OSA.distance(read, word) <= typo_budget(word) else word  # "quest" no "caisse"
            if len(self._glued) < 100_000:
                self._glued[word] = fixed
        return fixed

    def analyze_words(self, raw: list[str], names: frozenset[str] = frozenset()) -> Analysis:
        """`analyze` on the text's `words`; `names`: words of it that are names, never corrected."""
        corrected = self.corrected(raw, names)
        stems = self._near_phrases(corrected)
        tokens: list[str] = []
        i = 0
        while i < len(stems):
            if stems[i] == _JOIN:
                i += 1
                continue
            for length in self._lengths.get(stems[i], ()):
                if length > len(stems) - i:
                    continue
                canonical = self._phrases.get(tuple(stems[i : i + length]))
                if canonical is not None:
                    tokens.append(canonical)
                    i += length
                    break
            else:
                tokens.append(stems[i])
                i += 1
        return Analysis(words=tuple(corrected), tokens=tuple(tokens))

    def corrected(self, raw: list[str], names: frozenset[str] = frozenset()) -> list[str]:
        """`analyze_words`' words alone (its `Analysis.words`), without the tokens: what routing and personal
        matters read of a text."""
        # Each word `read`, but a name stays as typed when it would become another French word ("Françoise" is no
        # "française"); a misspelt term of the base typed with a capital is still corrected ("un Copill"). A word
        # read before is taken from `read`'s answers without a call (a message's words are read for each part).
        read: list[str] = []
        read_already = self._read
        for i, w in enumerate(raw):
            found = read_already.get(w) or self.read(w)
            if found != (w,) and (w in names or _named(raw, i)) and all(_is_french(c) for c in found):
                found = (w,)
            read.extend(found)
        return _replace_idioms(read)
