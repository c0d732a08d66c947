"""Several questions in one message: where one question ends and the next begins ("c'est quoi le FPH et on le
demande comment ?", "1) … 2) …", "Qui paie nos photocopies. Est-ce que la mairie doit nous prêter une salle."), and
what a question says of the one before ("et pour les jeunes ?", "ça sert à quoi ?").

Everything here works on folded words (no case, no accents) with the original text kept for display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answering.cleanup import clean
from bot.answering.french import STOPWORDS
from bot.answering.normalize import words
from bot.answering.question_forms import (
    ASKING_WORDS,
    HAS_SUBJECT,
    HOW_ALONE,
    LEADS_IN,
    MIN_PART_WORDS,
    MODAL_START,
    QUESTION_START,
    TAIL_WORDS,
    YES_NO_START,
    asks_by_words,
    flat_text,
    without_list_marker,
    without_no_use,
)
from bot.answering.segment import (
    INTERROGATIVE_START,
    LINK_WORDS,
    OPENER_RE,
    TAG_QUESTION,
    UNSURE,
    Role,
    continues_relative,
    folded_key,
    reason_tail,
    relative_tail,
    role_of,
    split_intro,
    split_sentences,
    strip_greeting,
    without_trailing_closing,
)
from bot.cache import compiled

_TOPIC_MAX_WORDS = 6  # a thing set apart before the question: a few words (segment.py joins it so)

# What opens a second question after "et" / "et aussi" / a comma: "…le mandat et est-ce qu'on peut partir",
# "c'est quoi le FPH et comment on fait". A subordinate "quand"/"si" ("on prend une décision quand on n'est
# pas d'accord") opens no question of its own, so they are not here.
_SECOND_OPENERS = (
    "comment", "cmt", "pourquoi", "combien", "cb", "est ce que", "est ce qu", "c est quoi", "c quoi", "qu est ce",
    "quel", "quelle", "quels", "quelles", "qui", "ou", "a qui", "a quoi", "il faut", "faut il", "on peut", "peut on",
    "je peux", "est il", "y a t il", "ya t il", "ya", "y a", "ca coute", "ca dure", "sa coute", "si oui", "si j",
    "si on", "on doit", "dois je", "je dois", "il y a", "c payant", "c est payant", "c est gratuit",
    "qu est ce qu", "que faire", "que", "quoi",
    # "…le tirage au sort et c'est qui qui l'organise ?", "Qu'est-ce que le copil et de quoi on y parle ?": a question
    # word after "c'est" or after its preposition opens the second question as well as alone.
    "c est qui", "c est quand", "c est ou", "c est combien", "c est comment", "c qui", "c quand", "c ou", "c combien",
    "de quoi", "sur quoi", "en quoi", "avec quoi", "avec qui", "par qui", "de qui", "chez qui", "aupres de qui",
    "jusqu a quand", "depuis quand", "a partir de quand", "d ou", "par ou",
    # "je voudrais savoir comment on s'inscrit et si c'est payant": whether, asked after "et".
    "si", "s il", "s ils",
    # "je voudrais supprimer mes données et savoir ce que vous avez": the wish goes on to a second question.
    "savoir", "connaitre",
    # "…sa coute combien et il y en a pour les membres": whether there are some of the thing named asks anew.
    "il y en a", "y en a",
)
# "é" is "et" typed on a phone ("cmt on rejoint le conseil é si on peu partir").
# "…ou si faut tout recommencer, et au passage comment on trouve des membres": "au passage", "par ailleurs", "en
# plus", "tant qu'on y est" turn to another matter, as "aussi" does.
_ASIDES = r"au\s+passage|par\s+ailleurs|en\s+plus|tant\s+qu\s+on\s+y\s+est|pendant\s+qu\s+on\s+y\s+est"
_LINKS = (r"(?:(?:et|e)(?:\s+(?:aussi|puis|sinon|surtout|apres|ensuite|du\s+coup|pour|" + _ASIDES + r"))?|aussi|puis|"
          r"sinon|ensuite|mais\s+aussi|" + _ASIDES + r")")
# "…comment je fais et aussi je veux que vous supprimiez mes infos": a new wish after a link is a new request, when
# what comes before it asks ("j'ai été tirée au sort et je voudrais savoir si…" tells, then asks once).
_WISH_SECOND_RE = compiled(r"(?:,\s*|\s)" + _LINKS + r"\s*,?\s+(?=(?:je\s+veux|je\s+voudrais|j\s+aimerais|je\s+souhaite|"
                           r"je\s+souhaiterais)\b)")


def _wish_cuts(key: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WISH_SECOND_RE.finditer(key) if _is_asked(key[: m.start()])]


_SECOND_RE = compiled(r"(?:,\s*|\s)" + _LINKS + r"\s*,?\s+(?=(?:" + "|".join(
    re.escape(o) for o in sorted(_SECOND_OPENERS, key=len, reverse=True)) + r")\b)")
# "1) …  2) …", "1. … 2. …", "premièrement … deuxièmement …", "la première : … la deuxième : …"
_NUMBERED_RE = compiled(r"(?:^|\s)(?:\d{1,2}\s*[).°/-]|\(\d{1,2}\)|\d{1,2}\s*(?:er|ere|eme|e)\s*:|[a-c]\)|"
                       r"premierement|deuxiemement|troisiemement|secundo|tertio|"
                       r"la\s+(?:premiere|deuxieme|seconde|troisieme)(?!\s+(?:fois|annee|semaine|reunion|seance|etape|partie)\b)\s*:?|"
                       r"autre\s+question\s*:?|deuxieme\s+question\s*:?|2eme\s+question\s*:?|"
                       # "c'est quoi le FPH autre chose on peut avoir un local": "autre chose" said between two
                       # questions turns to the next one (not "on parle d'autre chose", "y a autre chose").
                       r"(?<!\bd\s)(?<!\bde\s)(?<!\bquelque\s)(?<!\bune\s)(?<!\bpas\s)(?<!\ba\s)(?<!\by\s)"
                       r"(?<!\ben\s)(?<!\bfait\s)(?<!\bdit\s)autre\s+chose\s*[:,]?)(?=\s|$)")
# "Deux questions :", "j'ai 2 petites questions" announce a list: commas then separate the questions.
_ANNOUNCED_RE = compiled(r"\b(?:deux|2|trois|3|quatre|4|plusieurs|quelques|des)\s+(?:petites\s+|autres\s+)?"
                        r"questions?\b")


def _folded_cuts(key: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(key)]


def _cut(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The text cut around the given (start, end) spans of its folded form, the spans themselves dropped."""
    if len(flat_text(text)) != len(text):  # folding changed the length: no safe cut
        return [text]
    out, start = [], 0
    for a, b in sorted(spans):
        if a < start:
            continue
        out.append(text[start:a])
        start = b
    out.append(text[start:])
    return [p.strip(" ,;:-") for p in out if p.strip(" ,;:-")]


_INVERSION = compiled(r"\w-(?:t-)?(?:il|elle|on|ils|elles|je|vous|nous)\b", re.IGNORECASE)
# ", et surtout les jeunes ?", ", et pour les frais ?": a follow-up on the question just asked.
_FOLLOW_ON_RE = compiled(r",\s*et\s+(?:surtout|aussi|notamment|en\s+particulier|pour|sinon)\s+")
_TAIL_ADVERBS = frozenset({"dedans", "alors", "exactement", "ensuite", "apres", "donc", "encore", "aussi", "la",
                           "concretement", "juste", "ca", "dessus", "pour", "avec"})


def _is_asked(text: str) -> bool:
    key = folded_key(text)
    return "?" in text or bool(_INVERSION.search(text) or INTERROGATIVE_START.match(key) or OPENER_RE.search(key))


def _tail_cuts(key: str) -> list[tuple[int, int]]:
    """" et " between two clauses that each ask something, the second ending on its question word."""
    cuts = []
    for m in re.finditer(r"\s+et\s+", key):
        left, right = key[: m.start()], key[m.end():].strip(" ?!.")
        tail = right.split()
        if tail and tail[-1] in _TAIL_ADVERBS:  # "et on met quoi dedans", "et on fait comment alors"
            tail = tail[:-1]
        if len(right.split()) >= 3 and tail and tail[-1] in TAIL_WORDS and _is_asked(left):
            cuts.append((m.start(), m.end()))
    return cuts


# "le délégué du préfet c'est qui au juste, et il peut venir ?": a clause ended by its question word is a whole
# question; what "et" joins to it is another one.
_CLOSED_LEFT = compiled(r"\b(?:quoi|qui|quand|combien|comment|pourquoi|koi|cb|cmt)(?:\s+(?:au\s+juste|exactement|"
                        r"alors|donc|en\s+fait|concretement|deja|dedans|la\s+dedans))?\s*[?!]?\s*,?$")
# "c'est quoi la GUSP et elle peut nous aider ?", "c quoi un QPV et mon quartier il en fait partie": "what is"
# asks for a thing; a clause with its own subject after "et" ("il", "on", "mon quartier il…") asks something else.
# "c koi un copil et c ki qui y va": "c" is "c'est" typed short.
_WHAT_IS_CLAUSE = compiled(r"\s+et\s+(?=(?:il|elle|ils|elles|on|je|j|vous|nous|tu|ca|sa|cela|c\s+est|c)\s|"
                           # "c'est quoi la TFPB et les bailleurs ils doivent faire quoi": a thing, then the pronoun.
                           r"(?:mon|ma|mes|notre|nos|votre|vos|ton|ta|tes|le|la|les|l|un|une|des)\s+\w+(?:\s+\w+)?\s+"
                           r"(?:il|elle|ils|elles)\s)")
_SECOND_MIN_WORDS = 3
_BEFORE_WHO = frozenset({"est", "c", "sont", "etait", "a", "avec", "pour", "de", "par", "chez", "sur"})


def _closed_cuts(key: str) -> list[tuple[int, int]]:
    """" et " after a clause that asks and ends on its question word, before a clause of its own."""
    cuts = []
    for m in re.finditer(r",?\s+et\s+", key):
        left, right = key[: m.start()], key[m.end():].strip(" ?!.")
        closed = _CLOSED_LEFT.search(left)
        before = left[: closed.start()].split() if closed else []
        # "je sais pas qui", "n'importe quoi": the question word asks nothing there; nor does "qui" after a noun
        # ("un habitant qui et pas membre": a relative pronoun, "est" heard as "et").
        # "…quartiers 2030 ça veut dire quoi et le contrat de ville…": asking a meaning, "dire" asks.
        if (closed and len(right.split()) >= _SECOND_MIN_WORDS and len(before) >= _SECOND_MIN_WORDS - 1
                and (before[-1] not in _NOT_BEFORE | {"importe"} or before[-2:-1] == ["veut"])
                and (closed.group().split()[0] != "qui" or before[-1] in _BEFORE_WHO)):
            cuts.append((m.start(), m.end()))
    return cuts


# "on peut venir à deux au webinaire, et il dure combien de temps ?": ", et" then a subject starts a clause of its
# own; when the clause before asks and this one asks too, they are two questions.
# Spoken French names the subject, then takes it up with a pronoun: ", et le président il est obligatoire ?".
_ET_SUBJECT_RE = compiled(r",\s*et\s+(?=(?:on|il|elle|ils|elles|je|j|vous|nous|ca|c\s+est)\s|"
                          r"(?:le|la|les|l|mon|ma|mes|notre|nos|votre|vos|ce|cette|ces)\s+\w+(?:\s+\w+)?\s+"
                          r"(?:il|elle|ils|elles)\s)")


def _et_subject_cuts(key: str) -> list[tuple[int, int]]:
    cuts = []
    for m in _ET_SUBJECT_RE.finditer(key):
        left = key[: m.start()].strip()
        end = key.find(",", m.end())
        right = key[m.end(): len(key) if end < 0 else end].strip(" !.")
        words_right = right.strip(" ?").split()
        if len(left.split()) < _SECOND_MIN_WORDS or len(words_right) < _SECOND_MIN_WORDS:
            continue
        asks = (right.endswith("?") and not _CONFIRMING_TAG.search(right)) or asks_by_words(right.strip(" ?"))
        if asks and (_is_asked(left) or asks_by_words(left)):
            cuts.append((m.start(), m.end()))
    return cuts


# "je peux mettre un pseudo à la place de mon nom et vous gardez quoi comme infos sur moi": said without a comma, "et"
# then a subject whose clause asks by its question word soon after the verb is a second question too, after a clause
# that asks (a yes-or-no "je peux…", "on doit…" included).
_ET_PRONOUN_RE = compiled(r"\s+et\s+(?=(?:vous|on|il|elle|ils|elles|je|j|nous)\s)")
_ASKED_SOON = 4  # the question word within the clause's first words


def _et_pronoun_cuts(key: str) -> list[tuple[int, int]]:
    cuts = []
    for m in _ET_PRONOUN_RE.finditer(key):
        left = key[: m.start()].strip(" ,")
        right = re.split(r"[,?!.]", key[m.end():])[0].split()
        if len(left.split()) >= _PRONOUN_MIN_LEFT and len(right) >= _SECOND_MIN_WORDS and (
                set(right[1: 1 + _ASKED_SOON]) & (ASKING_WORDS - {"quand"})) and (
                _is_asked(left) or asks_by_words(left) or YES_NO_START.match(left)):
            cuts.append((m.start(), m.end()))
    return cuts


# "est-ce que je suis obligée et mon patron doit me laisser partir": after a yes-or-no question with a verb of its
# own, "et" then another subject and a verb of obligation or permission asks a second yes-or-no question ("est-ce que
# le maire et ses adjoints peuvent venir", with no verb before "et", asks one).
_ET_OTHER_MUST_RE = compiled(r"\s+et\s+(?=(?:le|la|les|l|mon|ma|mes|notre|nos|votre|vos|son|sa|ses|leur|leurs)\s+"
                             r"\w+\s+(?:doit|doivent|peut|peuvent|a\s+le\s+droit|ont\s+le\s+droit|est\s+obligee?|"
                             r"sont\s+obligee?s)\s)")
_YES_NO_ASKED = compiled(r"^(?:est\s+ce\s+que|est\s+ce\s+qu)\s+(?:je|j|on|nous|vous|il|elle|ils|elles)\s+(?:suis|est|sommes|"
                         r"etes|sont|peux|peut|pouvons|pouvez|peuvent|dois|doit|devons|devez|doivent|ai|a|avons|avez|ont)\s")


def _et_other_must_cuts(key: str) -> list[tuple[int, int]]:
    cuts = []
    for m in _ET_OTHER_MUST_RE.finditer(key):
        left = key[: m.start()].strip(" ,")
        asked = left[max(0, left.rfind("est ce qu")):]  # the question's own clause, after the story told before it
        right = re.split(r"[,?!.]", key[m.end():])[0].split()
        if _YES_NO_ASKED.match(asked) and len(asked.split()) >= _PRONOUN_MIN_LEFT and len(right) >= _SECOND_MIN_WORDS:
            cuts.append((m.start(), m.end()))
    return cuts


def _what_is_clause_cuts(key: str) -> list[tuple[int, int]]:
    if _WHAT_IS_AND.match(key) is None:
        return []
    return [(m.start(), m.end()) for m in _WHAT_IS_CLAUSE.finditer(key)
            if len(key[m.end():].strip(" ?!.").split()) >= _SECOND_MIN_WORDS]


# Without "et": "est-ce que le conseil a un budget, qui le gère", "c'est quoi l'évaluation de 2027 comment on
# participe". Two clauses that each open with a question word ask two things; a clause opened by "quand" or
# "si" ("quand on est tiré au sort, est-ce qu'on peut refuser") is the condition of the next one, not a question
# (neither opens a first clause below).
_BARE_OPENERS = ("comment", "cmt", "pourquoi", "combien", "cb", "est ce que", "est ce qu", "c est quoi", "c quoi",
                 "qu est ce", "faut il", "peut on", "y a t il",
                 # "c quoi un conseil citoyen c quelle loi qui les a créés": "c'est quel…" opens one too.
                 "c quel", "c quelle", "c est quel", "c est quelle")
# After a comma only ("qui" and "ou" inside a clause are mostly a relative pronoun and "or"):
# "comment on devient membre, je dois payer quelque chose ?"
_COMMA_OPENERS = ("qui", "a qui", "je dois", "on doit", "il faut", "on peut", "je peux", "c est payant",
                  "c est gratuit", "ca coute", "c payant", "c est quand", "c est qui", "c est ou", "c est combien",
                  "si oui", "si non", "sinon")


def _openers(options: tuple[str, ...], before: str) -> re.Pattern[str]:
    return compiled(before + r"(?=(?:" + "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))
                   + r")\b)")


_BARE_RE = _openers(_BARE_OPENERS, r"(?:,\s*|\s)")
_COMMA_RE = _openers(_COMMA_OPENERS, r",\s*")
_NOT_BEFORE = frozenset({"savoir", "dire", "expliquer", "comprendre", "pas", "sais", "demande", "voir"})
_HOW = compiled(r"^(?:comment|cmt)\b")
_BARE_MIN_WORDS = 3


# "vous gardez mes messages combien de temps, la mairie peut les lire ?", "on peut exclure quelqu'un, on décide
# comment ?": after a comma a clause with its own subject that asks again (question mark or question word) is a
# second question, when the clause before asked too. A clause asking only by its modal ("je dois écrire au
# bailleur, vous avez un modèle ?"; "on peut …" only before a question word), a question mark after a tag
# ("…, on pourrait prendre des volontaires non ?": the member's opinion) or after a mere alternative
# ("…, nous ou la mairie ?") asks nothing new.
_SUBJECT_COMMA_RE = compiled(r",\s*(?=(?:la|le|les|l|on|il|elle|ils|elles|vous|je|j|nous)\s)")
_CONFIRMING_TAG = compiled(r"\b(?:non|hein|pas vrai|n est ce pas)\s*\?*$")
_ALTERNATIVE = frozenset({"ou", "et"})
# "on peut exclure quelqu'un, on décide comment ?" asks whether it may be done; "je dois préparer la réunion, je
# commence par quoi ?" tells what has to be done, then asks one thing.
_MAY_START = compiled(r"^(?:on peut|je peux)\b")


def _subject_comma_cuts(key: str) -> list[tuple[int, int]]:
    cuts: list[tuple[int, int]] = []
    start = 0
    for m in _SUBJECT_COMMA_RE.finditer(key):
        left = key[start: m.start()].strip(" ,")
        end = key.find(",", m.end())
        right = key[m.end(): len(key) if end < 0 else end]
        words_right = right.strip(" ?!.").split()
        if len(left.split()) < _BARE_MIN_WORDS or len(words_right) < _BARE_MIN_WORDS:
            continue
        marked = (end < 0 and right.rstrip().endswith("?") and not _CONFIRMING_TAG.search(right)
                  and words_right[1] not in _ALTERNATIVE)
        if (asks_by_words(left) and (marked or asks_by_words(right.strip(" ?!.")))) or (
                _MAY_START.match(left) and asks_by_words(right.strip(" ?!."))):
            cuts.append((m.start(), m.end()))
            start = m.end()
    return cuts


def _bare_cuts(key: str) -> list[tuple[int, int]]:
    """Cuts between two clauses that each start as a question, with no "et" between them (see _BARE_RE)."""
    cuts: list[tuple[int, int]] = []
    start = 0
    for m in sorted([*_BARE_RE.finditer(key), *_COMMA_RE.finditer(key)], key=lambda m: m.start()):
        if m.start() < start:
            continue
        left, right = key[start: m.start()].strip(" ,"), key[m.end():].strip(" ?!.")
        comma = "," in key[m.start(): m.end()]
        if (len(left.split()) >= _BARE_MIN_WORDS + (0 if comma else 1) and len(right.split()) >= _BARE_MIN_WORDS
                and QUESTION_START.match(left) and left.split()[-1] not in TAIL_WORDS | _NOT_BEFORE
                and not (MODAL_START.match(left) and _HOW.match(key[m.end():]))):
            cuts.append((m.start(), m.end()))
            start = m.end()
    return cuts or _subject_comma_cuts(key) or _pronoun_cuts(key)


# Said without any punctuation: "c'est quoi le copil on y va comment", "comment on organise une fête de quartier on a
# le droit de vendre des gâteaux". After a clause that opens as a question and has its own
# subject, a new subject starts a second question when its clause asks: it ends on its question word, or opens
# as a yes-or-no question does ("on a le droit", "il y a", "on peut"…). Not after a word that leads into it ("si",
# "que", "quand", "pour", a question word…), and not after a bare topic ("pourquoi dans notre quartier il y a…":
# no subject before).
_NEW_SUBJECT = compiled(r"\s(?=(?:on|il|elle|ils|elles|je|j|vous|nous)\s)")
# "comment marche le tirage au sort", "combien de temps dure le contrat de ville": the verb right after the question
# word, its subject after it, is a whole clause too.
_INVERTED = compiled(r"^(?:comment|cmt|combien(?:\s+de\s+temps)?|ou|quand|pourquoi)\s+(?!(?:le|la|les|l|un|une|des|du|"
                     r"de|d|dans|en|a|au|aux|pour|par|sur|avec|chez|mon|ma|mes|ton|ta|tes|notre|nos|votre|vos|son|sa|"
                     r"ses|leur|leurs|ce|cet|cette|ces|tous|tout|toute|toutes|faire|savoir|est|c|ca|sa|qu|que|y)\b)"
                     r"\w+\s+\w")
_PRONOUN_MIN_LEFT = 4


def _pronoun_cuts(key: str) -> list[tuple[int, int]]:
    if "?" in key or not QUESTION_START.match(key) or MODAL_START.match(key):
        return []
    cuts: list[tuple[int, int]] = []
    start = 0
    for m in _NEW_SUBJECT.finditer(key):
        left, right = key[start: m.start()].split(), key[m.end():].strip(" !.").split()
        if len(left) < _PRONOUN_MIN_LEFT or left[-1] in LEADS_IN or len(right) < _BARE_MIN_WORDS or not (
                HAS_SUBJECT.search(" ".join(left)) or _INVERTED.match(" ".join(left))):
            continue
        tail = right[:-1] if right[-1] in _TAIL_ADVERBS else right
        if tail[-1] in ASKING_WORDS or YES_NO_START.match(" ".join(right)):
            cuts.append((m.start(), m.end()))
            start = m.end()
    return cuts


# "Je voudrais savoir ce qu'est une cité éducative." asks, full stop or not.
_INDIRECT_RE = compiled(r"\b(?:je\s+(?:voudrais|voulais|veux|souhaite|souhaiterais)\s+savoir|"
                       r"j\s+aimerais\s+savoir|je\s+me\s+demande|dites\s+moi|"
                       r"(?:je\s+(?:voudrais|voulais)|j\s+aimerais)\s+(?:vous\s+)?demander)\b")


_WISH_RE = compiled(r"^(?:je|j|on|nous)\s+(?:veux|voudrais|voulais|souhaite|souhaiterais|aimerais|voudrait|"
                    r"aimerait|souhaiterait|voudrions|souhaitons|aimerions)\s+(?!que\b|qu\b)\w")


@dataclass(frozen=True, kw_only=True)
class Asked:
    """One of the questions of a message, with the story told just before it ("" if none)."""

    text: str
    context: str = ""


def split_questions(text: str) -> list[Asked]:
    """The questions a message asks, in order: "j'ai été tirée au sort, suis-je obligée d'accepter ? Et si
    j'accepte, ça dure combien de temps ?" asks two; "comment on prend une décision quand on n'est pas
    d'accord ? il faut voter ?" asks two that may be one (the caller judges). Only strong cues cut inside a
    sentence: a number ("1) … 2) …"), "et" or "aussi" before a question word, a question word ending the
    clause after "et", and commas after "deux questions :". When the message uses question marks, a sentence
    ending with a full stop is the story, not a question. Greetings and sign-offs are left out."""
    cleaned = clean(text)
    marked = "?" in cleaned
    announced = bool(_ANNOUNCED_RE.search(flat_text(cleaned)))
    asked: list[Asked] = []
    story: list[str] = []
    # "1. combien de membres dans un conseil 2. la parité est obligatoire ?": the number ends no sentence.
    sentences = [_LIST_NUMBER_END.sub("", sentence) for sentence in split_sentences(cleaned)]
    for n, sentence in enumerate(sentences):
        # "Je voudrais quitter le conseil. Et mes données, vous les gardez combien de temps ?": a wish the next sentence
        # adds to with "Et" is a request of its own, not the story of the next question.
        wish = n + 1 < len(sentences) and flat_text(sentences[n + 1]).startswith("et ") and bool(
            _WISH_RE.match(flat_text(sentence)))
        if n < 3:
            stripped, greeted = strip_greeting(sentence)
            # The greeting goes, the sentence's own end stays ("Bonjour, on a un jardin." is no question).
            end = sentence[-1] if greeted and sentence[-1] in ".!:;…" and not stripped.endswith(sentence[-1]) else ""
            sentence = stripped + end if stripped else ""
        sentence = without_list_marker(_without_introduction(without_trailing_closing(sentence).strip()))
        key = flat_text(sentence)
        if not sentence or (_ANNOUNCED_RE.search(key) and len(key.split()) <= 5):  # "Deux questions :"
            continue
        if role_of(sentence) in (Role.GREETING, Role.CLOSING):  # "ça va ?", "je vous prie d'agréer…"
            continue
        if _VERDICT_TAG.match(key.strip(" ?!.")) and any(_is_asked(s) for s in sentences[n + 1:]):
            # "Les autres sont partis. C'est grave ? Il faut combien de membres ?": asking whether what was just told
            # is all right, then what is asked, is one worry; the tag belongs to the story.
            story.append(sentence)
            continue
        follow_on = bool(asked) and not story and bool(_AND_AGAIN.match(key))
        # Without any question mark in the message, a full stop ends a question as well as a story:
        # "combien de membres minimum. faut il des tirés au sort".
        # "Il y avait des élus, je sais pas si j'ai le droit de parler. Et aussi on est payés ?": not knowing whether,
        # said before a question, is a question too, not its story.
        doubt = marked and bool(_UNSURE_WHETHER.search(key)) and any(_is_asked(s) for s in sentences[n + 1:])
        question = sentence.endswith("?") or follow_on or wish or doubt or bool(_INDIRECT_RE.search(key)) or (
            (not marked or not sentence.endswith((".", "!", ":", ";", "…"))) and role_of(sentence) == Role.QUESTION
            and (not marked or _is_asked(sentence) or bool(TAG_QUESTION.search(folded_key(sentence))))) or (
            not marked and (_asks_after_et(key) or bool(_et_pronoun_cuts(key)))) or bool(
            _THIRD_INVERSION.search(sentence))  # "Le conseil a-t-il un budget." asks, whatever ends it
        if not question:
            if role_of(sentence) in (Role.CONTEXT, Role.QUESTION):
                story.append(sentence)
            continue
        if asked and not story and _OR_ELSE.match(key) and not _OPEN_WORDS & set(key.split()):
            # "Combien on est payés ? ou bien on est juste remboursés ?": the other side of the same question.
            asked[-1] = Asked(text=f"{asked[-1].text} {sentence}", context=asked[-1].context)
            continue
        if asked and not story and _DESPITE.search(key) and not _OPEN_WORDS & set(key.split()):
            # "On n'a pas de local, c'est un problème ? On peut se réunir quand même ?": "quand même" asks the
            # question before again, from the other side: one question.
            asked[-1] = Asked(text=f"{asked[-1].text} {sentence}", context=asked[-1].context)
            continue
        both = _both_told(story) if _BOTH.search(key) else []
        if both:
            # "Je veux lire mon dossier, et ensuite le fermer. Comment je fais les deux ?": "les deux" asks the
            # question of each of the two things the story just named, asked in their place.
            asked.extend(Asked(text=_BOTH_WORDS.sub(thing, sentence)) for thing in both)
            story = []
            continue
        problems = _problems(story) if HOW_ALONE.match(key) else []
        if len(problems) > 1:
            # "Ma patronne refuse que je parte. En plus la mairie ne paie pas le bus. On fait comment ?": one "how"
            # asked of each problem told.
            asked.extend(Asked(text=sentence, context=p) for p in problems)
            story = []
            continue
        for cut in _cut_questions(sentence, announced):
            part, _ = relative_tail(cut)  # "…et le PRE dont parle le bailleur ?": where it was heard, not asked
            part = without_no_use(reason_tail(part)[0])
            told, part = _told_before_what_is(part)
            told, part = (told, part) if told else _told_inside(part)
            if told:
                story.append(told)
            if asked and not story and (len(words(part)) < MIN_PART_WORDS or (
                    asks_how_to_proceed(part) and not asks_what_it_is(asked[-1].text)
                    and not _OTHERWISE & set(key[: key.rfind(flat_text(part))].split()[-2:]))):
                asked[-1] = Asked(text=f"{asked[-1].text} {part}", context=asked[-1].context)
            else:
                asked.append(Asked(text=part, context=" ".join(story)))
                story = []
    return asked


# "… ? ah et si c'est complet on fait quoi": an interjection before "et" adds a question all the same.
_AND_AGAIN = compiled(r"^(?:(?:ah|oh|euh|bon|ben|tiens)\s+(?:(?:oui|aussi|tiens|au\s+fait)\s+)?)?et\s")


# "C'est grave ?", "c'est normal ça ?", "c'est pas légal non ?": a judgement asked of what was told, naming nothing.
_VERDICT_TAG = compiled(r"^(?:et\s+)?(?:c\s+est|c|ce\s+n\s+est|est\s+ce)\s+(?:pas\s+)?(?:normal|grave|possible|vrai|"
                        r"legal|juste|correct)(?:\s+(?:ca|cela|quand\s+meme|non|ou\s+pas))?$")


# "…c'est vrai ? et à qui je dois demander ?", "comment on fait ?", "c'est où ?": a question that names nothing but
# whom to ask, how to go about it or where asks it of the question just before: one question with it. Not after
# "what is it" ("c'est quoi le FPH et comment on le demande ?": how to get it is asked besides), nor after "sinon"
# ("…peut régler notre problème et sinon à qui on s'adresse": whom else, if not them).
_OTHERWISE = frozenset({"sinon", "autrement"})
_PROCEEDING = frozenset({"qui", "comment", "ou", "quoi"})
_PROCEDURE_WORDS = _PROCEEDING | frozenset({
    "et", "alors", "du", "coup", "mais", "donc", "ensuite", "apres", "concretement", "exactement", "maintenant",
    "a", "aupres", "de", "je", "j", "on", "elle", "ils", "elles", "nous", "m", "me", "s", "se", "le", "la", "les", "l",
    "en", "y", "lui", "leur", "ca", "cela", "c", "est", "ce", "que", "qu", "il", "faut", "dois", "doit", "peux", "peut",
    "faire", "fais", "fait", "demander", "demande", "adresser", "adresse", "contacter", "contacte", "joindre", "appeler", "aller",
    "aider",  # "…on fait quoi et qui peut nous aider ?": whom to turn to
    "passe", "marche",  # "…reconnu par le préfet et comment ça se passe ?": how it goes
    "vais", "va", "passer", "voir", "ecrire", "envoyer", "trouver", "prendre", "proceder", "procede"})


# "Ensuite, il fait quoi concrètement ?": what the thing named before does is asked of it, it is no "how do I go
# about it" ("à qui elle doit s'adresser" is).
_THIRD_PERSON = compiled(r"\b(?:il|elle|ils|elles)\s+(?:fait|font|sert|servent)\b")


def asks_how_to_proceed(question: str) -> bool:
    said = words(question)
    return bool(said) and _PROCEEDING & set(said) != set() and all(w in _PROCEDURE_WORDS for w in said) and not (
        _THIRD_PERSON.search(" ".join(said)))


# "Est-ce que le conseil citoyen peut faire quelque chose ou on perd notre temps ?" after the landlord's broken lifts:
# what the council can do is asked of the problem the story told; alone, these words name no subject. A rhetorical
# "or is it no use" after it asks nothing more.
_COUNCIL = r"(?:le\s+|notre\s+|un\s+)?(?:conseil(?:\s+citoyen)?|cc)"
_CAN = r"(?:peut|peuvent|pourrait|pourraient|pourra)"
_DO_SOMETHING = (r"(?:faire\s+(?:quelque\s+chose|qqch|un\s+truc|qqc)|agir|intervenir|bouger|(?:nous\s+|les\s+)?aider|"
                 r"servir\s+a\s+(?:quelque\s+chose|qqch))")
_WHAT_COUNCIL_CAN_DO = compiled(
    r"^(?:et\s+)?(?:est\s+ce\s+(?:que|qu)\s+|alors\s+|du\s+coup\s+)?(?:"
    + _COUNCIL + r"\s+" + _CAN + r"\s+" + _DO_SOMETHING + r"|"
    + r"(?:que|qu\s+est\s+ce\s+que)\s+" + _CAN + r"\s+faire\s+" + _COUNCIL + r"|"
    + _COUNCIL + r"\s+" + _CAN + r"\s+faire\s+quoi|"
    + r"(?:qu\s+est\s+ce\s+que|que\s+est\s+ce\s+que)\s+" + _COUNCIL + r"\s+" + _CAN + r"\s+faire)"
    + r"(?:\s+(?:pour|contre)\s+(?:ca|cela|nous|eux|ce\s+probleme))?(?:\s+(?:ou\s+(?:pas|non|rien)))?\s*[?!.]*$")
# "Je sais pas si j'ai le droit de me plaindre, et à qui ?" after the story of a chair who decides alone: whether and
# to whom to complain is asked of the problem told; alone, these words name no subject either.
_MAY_COMPLAIN = compiled(
    r"^(?:et\s+)?(?:je\s+(?:ne\s+)?sais\s+pas\s+si\s+|est\s+ce\s+(?:que|qu)\s+)?"
    r"(?:(?:j|je|on|nous)\s+(?:ai|a|avons)\s+le\s+droit\s+de|(?:je|on|nous)\s+(?:peux|peut|pouvons))\s+"
    r"(?:me|se|nous)\s+plaindre(?:,?\s+(?:et\s+)?a\s+qui)?\s*[?!.]*$")


# "…la mairie veut venir à toutes nos réunions, on est obligés d'accepter ?", "on peut refuser ?", "on a le droit ?",
# "c'est normal ?": whether something must be accepted, may be refused or is allowed is asked of what the story
# told; alone, these words name no subject (they drew the entry on refusing to be drawn by lot).
_WE = r"(?:on|nous|je|j|moi\s+je)"
_MUST = r"(?:est|sommes|suis)\s+(?:oblige|obliges|obligee|obligees|force|forces|forcee|forcees|tenu|tenus|tenue|tenues)"
_AGREE = (r"(?:accepter|(?:leur\s+|lui\s+)?dire\s+oui|(?:le|la|les|l)\s*(?:accepter|laisser(?:\s+(?:faire|venir|entrer))?)|"
          r"laisser\s+faire|obeir|suivre|signer|(?:y\s+)?aller|(?:y\s+)?participer|(?:le|la|les|l)\s*inviter|"
          r"(?:les|le|la|l)\s*ecouter)")
_REFUSE = (r"(?:refuser|(?:leur\s+|lui\s+)?dire\s+non|(?:le|la|les|l|leur|lui)\s*refuser|"
           r"(?:s|nous|m)\s+y\s+opposer)")
_TAKES_UP_STORY = compiled(
    r"^(?:et\s+|mais\s+|alors\s+|du\s+coup\s+|donc\s+)?(?:est\s+ce\s+(?:que|qu)\s+|(?:je\s+(?:ne\s+)?sais\s+pas\s+si\s+))?(?:"
    + _WE + r"\s+" + _MUST + r"(?:\s+(?:de\s+|d\s*)?" + _AGREE + r")?|"
    + _WE + r"\s+(?:doit|dois|devons)\s+" + _AGREE + r"|"
    + r"(?:il\s+)?faut(?:\s+il)?\s+" + _AGREE + r"|"
    + _WE + r"\s+(?:peut|peux|pouvons|a\s+le\s+droit\s+de|ai\s+le\s+droit\s+de|avons\s+le\s+droit\s+de)\s+"
    + _REFUSE + r"|"
    + _WE + r"\s+(?:a|ai|avons)\s+le\s+droit|(?:c|ca)\s+(?:est\s+)?(?:normal|legal|permis|autorise|obligatoire)|"
    + r"(?:ils|elle|elles|il)\s+(?:ont|a)\s+le\s+droit(?:\s+de\s+faire\s+(?:ca|cela))?)"
    + r"(?:\s+(?:ou\s+(?:pas|non)|quand\s+meme|du\s+coup|alors|la|ca|cela))*\s*[?!.]*$")


def asks_what_the_council_can_do(question: str) -> bool:
    """Whether a question names no subject and asks only what can be done about the story told before it: what the
    council can do, whether to complain, whether what the story tells must be accepted or may be refused."""
    flat = flat_text(question).strip()
    return bool(_WHAT_COUNCIL_CAN_DO.match(flat) or _MAY_COMPLAIN.match(flat) or _TAKES_UP_STORY.match(flat))


# The subject after its verb ("a-t-il", "peut-on"); not "rendez-vous", "chez-nous".
_THIRD_INVERSION = compiled(r"\w-(?:t-)?(?:il|elle|on|ils|elles)\b", re.IGNORECASE)
_LIST_NUMBER_END = compiled(r"\s+\d{1,2}\s*[.)]$")
_OR_ELSE = compiled(r"^(?:ou|ou\s+bien|ou\s+alors|ou\s+plutot|ou\s+est\s+ce\s+qu\w*)\s")
_DESPITE = compiled(r"\b(?:quand\s+meme|malgre\s+tout|malgre\s+ca|tout\s+de\s+meme)\b")
# "En plus, on ne me rembourse pas.": a second problem added to the first, not more of its story.
_ADDED = compiled(r"^(?:et\s+)?(?:en\s+plus|de\s+plus|par\s+dessus\s+le\s+marche|autre\s+(?:chose|souci|probleme))\b")


# Doing or explaining "les deux" (not "venir avec les deux": two people told of, one question).
_BOTH = compiled(r"\b(?:fais|faire|fait|faut|expliquer|explique|expliquez|definir|dire|comprendre)\s+(?:les|ces)\s+"
                 r"(?:deux|2)\b")
_BOTH_WORDS = compiled(r"\b(?:les|ces)\s+(?:deux|2)\b", re.IGNORECASE)
_AND_THEN = compiled(r",?\s+et\s+(?:(?:ensuite|apres|puis|aussi)\s+)?", re.IGNORECASE)


def _both_told(story: list[str]) -> list[str]:
    """The two things the story's last sentence names, joined by "et" ("quartier prioritaire, et politique de la
    ville"), each of a few words; none when it names more or fewer."""
    if not story:
        return []
    things = [t.strip(" ,.;:!") for t in _AND_THEN.split(story[-1])]
    return things if len(things) == 2 and all(len(words(t)) >= 2 for t in things) else []


def _problems(story: list[str]) -> list[str]:
    """The problems a story tells, each sentence that adds one ("En plus …") starting the next."""
    problems: list[str] = []
    for sentence in story:
        if problems and _ADDED.match(flat_text(sentence)):
            problems.append(sentence)
        elif problems:
            problems[-1] = f"{problems[-1]} {sentence}"
        else:
            problems.append(sentence)
    return problems


def _without_introduction(sentence: str) -> str:
    """"jsuis nouvelle au conseil du Breil, on a combien de temps de mandat…": the question without the
    self-introduction that opens its sentence."""
    parts = split_intro(sentence)
    kept = 0
    # "on est 4 dans notre conseil et les autres sont partis on sait pas si on a encore le droit de se réunir": who
    # asks, then what they ask, in one run; the run asks, and stays.
    while kept < len(parts) and ((parts[kept][1] and role_of(parts[kept][0]) != Role.QUESTION)
                                 or role_of(parts[kept][0]) == Role.INTRO):
        kept += 1
    if kept == len(parts) and len(parts) > 1:
        return ""  # "Je me présente, Monsieur Traoré, 65 ans, habitant de la Halvêque." asks and tells nothing
    kept = min(kept, len(parts) - 1)
    return ", ".join(p for p, _ in parts[kept:]) if kept else sentence


# "c'est quoi l'ANRU et le NPNRU", "qu'est-ce que la GUSP et le FPH": two things named after one "what is" ask
# what each is, asked outright or after "je voudrais savoir" ("…savoir ce que c'est X et Y"). "c'est quoi la
# différence entre X et Y" asks one thing.
_WHAT_IS_AND = compiled(r"^(?:(?:je\s+|j\s*)(?:veux|voudrais|voulais|aimerais)\s+savoir\s+|dites\s+moi\s+|"
                        r"je\s+me\s+demande\s+)?(?:c est quoi|c quoi|c koi|ses quoi|qu est ce que c est|qu est ce qu|"
                        r"qu est ce que|ce que c est|ce qu est|ce que sont|"
                        # Who someone is, asked as what a thing is: "c'est qui RésO Villes, et comment les joindre ?"
                        # asks how to reach them besides.
                        r"c est qui|c qui|c ki|qui est|qui sont)\b")
_WHAT_IS_ET = compiled(r"\s+et\s+(?=(?:le|la|les|l|un|une|des)\s)")
_COMPARING = frozenset({"entre", "difference", "differences", "rapport", "lien", "liens", "pareil", "meme"})


def _what_is_cut(part: str) -> list[str] | None:
    """"c'est quoi l'ANRU et le NPNRU" → "c'est quoi l'ANRU", "c'est quoi le NPNRU"; None when it is no such list."""
    key = flat_text(part)
    opener = _WHAT_IS_AND.match(key)
    links = list(_WHAT_IS_ET.finditer(key))
    if opener is None or len(key) != len(part) or len(links) != 1 or _COMPARING & set(key.split()):
        return None
    first, second = part[: links[0].start()].strip(), part[links[0].end():].strip()
    if not second or INTERROGATIVE_START.match(folded_key(second)):
        return None
    return [first, f"{part[: opener.end()]} {second}"]


# "on doit préparer le copil, c'est quoi ce copil déjà": a clause with its subject that tells, then "what is" after a
# comma: the clause is the story of the question.
_COMMA_WHAT_IS = compiled(r",\s*(?=(?:c est quoi|c quoi|c koi|qu est ce que|qu est ce qu)\b)")


def _told_before_what_is(part: str) -> tuple[str, str]:
    key = flat_text(part)
    m = _COMMA_WHAT_IS.search(key)
    if m is None or len(key) != len(part):
        return "", part
    left = key[: m.start()].strip()
    # A topic alone before the comma ("et la gazette, c'est quoi ?") is what is asked about, not a story.
    if len(left.split()) < _SECOND_MIN_WORDS or "?" in left or asks_by_words(left) or not HAS_SUBJECT.search(left):
        return "", part
    return part[: m.start()].strip(), part[m.end():]


# "…je suis maman de 3 enfants et j'ai pas beaucoup de temps, les réunions c'est à quel rythme et…", "voilà c'est
# madame Traoré de Bellevue je voulais vous demander qui paie…": one of several questions told with its story in the
# same sentence. What comes before a comma, or before "je voulais savoir / vous demander", "est-ce que", and asks
# nothing, is the story of the question after it.
_ANNOUNCER = compiled(r"\s(?=(?:(?:je\s+(?:voudrais|voulais|veux)|j\s+aimerais)\s+(?:vous\s+)?(?:savoir|demander)|"
                      r"est\s+ce\s+qu)\b)")
_TOLD_INSIDE_MIN_WORDS = 3
_CONDITION_START = compiled(r"^(?:et\s+|mais\s+)?(?:si|s|quand|lorsque|lorsqu|meme\s+si)\b")


def _told_inside(part: str) -> tuple[str, str]:
    key = flat_text(part)
    if len(key) != len(part):
        return "", part
    bounds = sorted({m.end() for m in re.finditer(r",\s*", key)} | {m.end() for m in _ANNOUNCER.finditer(key)})
    found = 0
    for b in bounds:
        told, rest = part[:b].strip(" ,"), part[b:]
        if "?" in told or role_of(told) == Role.QUESTION:
            break
        # "Le contrat de ville, c'est quoi ?", "on n'a pas de règlement, c'est obligatoire ?": a question opened by a
        # pronoun asks about what was just said, which is its subject, not its story.
        # A topic alone ("Et mes données, vous les gardez…") or a condition ("Et si j'ai un souci avec ça, …") is part
        # of the question: the story tells something, with its own subject.
        if len(words(told)) >= _TOLD_INSIDE_MIN_WORDS and role_of(rest) == Role.QUESTION and not (
                has_pronoun_subject(rest)) and HAS_SUBJECT.search(key[:b]) and not _CONDITION_START.match(key):
            found = b
    return (part[:found].strip(" ,"), part[found:].strip()) if found else ("", part)


# "À quoi correspond-il ?", "En quoi consiste ce genre de sortie ?": what a thing named before stands for.
_STANDS_FOR = compiled(r"^(?:a quoi (?:correspond|correspondent|renvoie|renvoient)|en quoi (?:consiste|consistent)|"
                       r"(?:ca|cela|il|elle) (?:correspond|consiste|renvoie) (?:a|en) quoi)\b")


# "…et j'ai honte mais je ne sais pas ce que c'est", "tout le monde en parle, moi je sais pas c quoi": not knowing
# what a thing is asks it, said without a question word (the thing named before, as after "c'est quoi ?" alone).
_NOT_KNOWING_WHAT = compiled(r"\b(?:je\s+(?:ne\s+|n\s*)?(?:sais|comprends|comprend|vois)\s+(?:pas|toujours\s+pas|meme\s+pas)|"
                             r"j\s*sais\s+pas|jsp|j\s*ignore|je\s+sais\s+plus)\s+(?:trop\s+|bien\s+|vraiment\s+)?"
                             r"(?:ce\s+que\s+c\s+est|ce\s+que\s+ca\s+(?:veut\s+dire|signifie|est)|c\s+est\s+quoi|c\s+quoi|"
                             r"c\s+koi|de\s+quoi\s+il\s+s\s+agit)(?:\W*$|\s*,)")
# "…je sais pas ce que c'est. Vous pouvez m'expliquer simplement ?": asking to be explained, naming nothing, asks
# what the thing told of is.
_EXPLAIN = compiled(r"^(?:(?:vous\s+pouvez|pouvez\s+vous|vous\s+pourriez|pourriez\s+vous|tu\s+peux|tu\s+pourrais|"
                    r"est\s+ce\s+que\s+vous\s+pouvez)\s+(?:me\s+l\s+|m\s+|nous\s+)?expliquer|expliquez\s+(?:moi|nous)|"
                    r"(?:me\s+l\s+|m\s+)expliquer)(?:\s+(?:simplement|svp|stp|s\s+il\s+vous\s+plait|un\s+peu|en\s+gros|"
                    r"avec\s+des\s+mots\s+simples|clairement))*\W*$")


def asks_to_explain(question: str) -> bool:
    """"Vous pouvez m'expliquer simplement ?", "expliquez-moi svp": explain what was just told of, naming nothing."""
    return _EXPLAIN.match(flat_text(question).strip()) is not None


def told_before_not_knowing(question: str) -> str | None:
    """"tout le monde parle du contrat de ville, moi je sais pas ce que c'est" → "tout le monde parle du contrat de
    ville, moi": what comes before a "not knowing what it is" that ends the question, None when it does not."""
    key = flat_text(question).strip()
    found = _NOT_KNOWING_WHAT.search(key)
    return None if found is None else key[: found.start()]


def asks_what_it_is(question: str) -> bool:
    """"c'est quoi ce copil", "qu'est-ce que la GUSP", "le copil, c'est quoi ?" (the thing set apart before it), "à
    quoi correspond-il ?", "je ne sais pas ce que c'est": the question asks what a thing is."""
    key = flat_text(question).strip()
    topic, comma, rest = key.partition(",")
    return bool(_WHAT_IS_AND.match(key) or _STANDS_FOR.match(key) or _NOT_KNOWING_WHAT.search(key) or _EXPLAIN.match(key) or (
        comma and len(topic.split()) <= _TOPIC_MAX_WORDS and _WHAT_IS_AND.match(rest.strip())))


# "le conseil a un budget est qui paie le fonctionnement": "est" heard for "et" before a question word that opens a
# clause of its own (not "le président est qui ?", "c'est qui", "qu'est-ce que").
_EST_FOR_ET = compiled(r"(?<=\s)est(?=\s+(?:qui|comment|combien|pourquoi|ou|quand|si|est\s+ce)\s+\w+\s+\w)")
_NOT_BEFORE_EST = frozenset({"c", "qu", "ce", "n", "s", "il", "elle", "on", "ca", "cela", "qui", "ou", "que", "t"})


def _est_as_et(key: str) -> str:
    return _EST_FOR_ET.sub(lambda m: "et " if key[: m.start()].split()[-1:] and key[: m.start()].split()[-1]
                           not in _NOT_BEFORE_EST else m.group(), key)


# "le contrat de ville ça dure combien de temps est-ce qu'on peut le lire quelque part": "est-ce que" after a clause
# that asks by its question word opens a second question, "et" or not.
_EST_CE = compiled(r"\s(?=est\s+ce\s+qu)")


def _est_ce_cuts(key: str) -> list[tuple[int, int]]:
    cuts = []
    for m in _EST_CE.finditer(key):
        left = key[: m.start()].split()
        if len(left) >= _BARE_MIN_WORDS and left[-1] not in LEADS_IN and asks_by_words(" ".join(left)):
            cuts.append((m.start(), m.end()))
    return cuts


# "vous avez des modèles de documents et aussi des exemples d'actions d'autres conseils": "et aussi" then a thing
# named at length asks the same of that other thing.
_ALSO_THING = compiled(r"\s+(?:et|mais)\s+aussi\s+(?=(?:des|du|un|une|le|la|les|l|de)\s)")
_ALSO_MIN_WORDS = 4


def _also_cuts(key: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ALSO_THING.finditer(key)
            if len(key[m.end():].split()) >= _ALSO_MIN_WORDS and len(key[: m.start()].split()) >= _BARE_MIN_WORDS] + [
        (m.start(), m.end()) for m in _ASIDE_RE.finditer(key)
        if _asks_or_doubts(key[: m.start()]) and _is_asked(key[m.end():]) and len(key[m.end():].split()) >= _ALSO_MIN_WORDS]


# "je sais pas si j'ai le droit de parler": not knowing whether, a yes or no ("je ne comprends pas ce qu'on attend de
# nous" tells a story that the question after it asks).
_UNSURE_WHETHER = compiled(r"\b(?:je|j)\s+(?:ne\s+|n\s+)?sais\s+(?:pas|meme\s+pas|toujours\s+pas|pas\s+trop|pas\s+vraiment)"
                           r"\s+(?:si|s)\b")


# "…mais je sais pas si c'est pour les jeunes, et c'est payé ou pas ?": after a doubt or a question, a clause joined by
# ", et" that ends on "ou pas" asks a yes or no of its own.
_OR_NOT_TAIL = compiled(r",\s*(et\s+)(?=(?:\w+\s+){1,5}ou\s+(?:pas|non)\s*\??\s*$)")


def _or_not_cuts(key: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _OR_NOT_TAIL.finditer(key)
            if _asks_or_doubts(key[: m.start()]) and len(key[: m.start()].split()) >= _BARE_MIN_WORDS]


def _asks_or_doubts(text: str) -> bool:
    """Asked, or not knowing whether ("je sais pas si les nouveaux ont le droit d'y aller")."""
    return _is_asked(text) or bool(UNSURE.search(folded_key(text)))


# "…si c'est que les anciens, et par ailleurs on a un compte rendu à écrire, comment on s'organise": an aside turns to
# another matter, told before it is asked; both sides ask.
_ASIDE_RE = compiled(r"(?:,\s*|\s)(?:et\s+)?(?:" + _ASIDES + r")\s*,?\s+")


# "ya un budget pour le conseil et qui gère l'argent", said without a question mark: a question opened after "et" by
# its question word makes the whole sentence asked, the clause before it too (spoken, a yes-or-no question needs no
# word to ask).
_ASKED_AFTER_ET = compiled(r"\set\s+(?=(?:qui|comment|combien|pourquoi|est\s+ce\s+qu|a\s+qui|ou)\s+\w+\s+\w)")


def _asks_after_et(key: str) -> bool:
    found = _ASKED_AFTER_ET.search(_est_as_et(key))
    return found is not None and len(key[: found.start()].split()) >= _BARE_MIN_WORDS


# "…il faut être français pour être au conseil c'est vrai et les jeunes ils peuvent venir": "c'est vrai ?" closes a
# question; "et" after it opens the next one.
_AFTER_TAG = compiled(r"\b(?:c\s+est|c)\s+(?:vrai|normal|obligatoire|oblige|possible|grave|legal|gratuit|payant)"
                      r"(?:\s+(?:ou\s+pas|non))?\s*\??(\s+et\s+)")


def _after_tag_cuts(key: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _AFTER_TAG.finditer(key)
            if len(key[m.end():].split()) >= _SECOND_MIN_WORDS and len(key[: m.start()].split()) >= _BARE_MIN_WORDS]


# "…obligée d'accepter, et si j'accepte est-ce qu'on peut venir avec les enfants ?": a condition alone ("si" and a
# clause, nothing asked) is the condition of the question after it, not a question of its own.
_CONDITION_ALONE = compiled(r"^(?:et\s+)?(?:si|s)\s+(?:je|j|on|nous|vous|il|elle|ils|elles|c|ca)\s+\w+(?:\s+\w+){0,3}$")


def _conditions_joined(parts: list[str]) -> list[str]:
    out: list[str] = []
    pending = ""
    for part in parts:
        key = flat_text(part).strip(" ,?")
        if _CONDITION_ALONE.match(key) and not _OPEN_WORDS & set(key.split()):
            pending = f"{pending} {part}".strip()
            continue
        out.append(f"{pending} {part}" if pending else part)
        pending = ""
    return [*out, pending] if pending else out


def _cut_questions(sentence: str, announced: bool) -> list[str]:
    return _conditions_joined(_cut_each(sentence, announced))


def _cut_each(sentence: str, announced: bool) -> list[str]:
    parts = _cut(sentence, _folded_cuts(flat_text(sentence), _NUMBERED_RE))
    cut: list[str] = []
    for part in parts:
        key = _est_as_et(flat_text(part))
        spans = (_folded_cuts(key, _SECOND_RE) + _folded_cuts(key, _FOLLOW_ON_RE) + _tail_cuts(key)
                 + _closed_cuts(key) + _what_is_clause_cuts(key) + _et_subject_cuts(key) + _est_ce_cuts(key)
                 + _also_cuts(key) + _after_tag_cuts(key) + _et_pronoun_cuts(key) + _wish_cuts(key)
                 + _or_not_cuts(key) + _et_other_must_cuts(key))
        spans = [(a, b) for a, b in spans if not continues_relative(key, b)]
        listed = None if spans or announced else _what_is_cut(part)
        if listed:
            cut.extend(listed)
            continue
        if not spans:
            spans = _bare_cuts(key)
        if announced:
            spans += [(m.start(), m.end()) for m in re.finditer(r",\s*(?:et\s+)?", key)]
        cut.extend(_cut(part, _not_after_lead(key, spans)))
    return cut


# "et sinon comment on annule…": links and interjections alone lead into what follows.
_LEAD_WORDS = LINK_WORDS | frozenset({"ah", "oh", "euh", "bon", "ben", "ok"})
# "je voudrais aussi savoir si…": a wish with nothing wished yet leads into what follows.
_WISH_ONLY = compiled(r"^(?:et\s+)?(?:je|j|on|nous)\s+(?:voudrais|voulais|veux|aimerais|souhaite|souhaiterais|voudrait|"
                      r"aimerait|voudrions|souhaitons)$")
# "…et à qui on s'adresse", "…et où on s'inscrit": the next clause asks how to go about it too, naming what.
_WHOM_OR_WHERE = compiled(r"(?:a|aupres\s+de|vers|chez)?\s*(?:qui|ou|comment)\b")


def _not_after_lead(key: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"comment et où on s'inscrit", "comment on fait et à qui on s'adresse pour démissionner": what comes before the
    cut is only question words, or only "how do I go about it" before whom or where to ask; it asks about what the
    next clause names: one question ("je dois faire quoi et est-ce que je suis obligée" asks two)."""
    kept: list[tuple[int, int]] = []
    start = 0
    for a, b in sorted(spans):
        if a < start:
            continue
        said = words(key[start:a])
        if said and (set(said) <= _OPEN_WORDS | TAIL_WORDS | _LEAD_WORDS or _WISH_ONLY.match(" ".join(said)) or (
                asks_how_to_proceed(key[start:a]) and "est" not in said and _WHOM_OR_WHERE.match(key, b))):
            continue
        kept.append((a, b))
        start = b
    return kept


_ELLIPTIC_RE = compiled(r"et\s+(?:pour\s+|si\s+|moi\b|nous\b|(?:le|la|les|l|un|une|des|du|mon|ma|mes|notre|nos)\s)")
_ELLIPTIC_MAX_WORDS = 6


def is_elliptic(question: str) -> bool:
    """"et le chef de projet ?", "et pour les jeunes ?": a short question that leaves its verb to the one before."""
    return bool(_ELLIPTIC_RE.match(flat_text(question))) and len(words(question)) <= _ELLIPTIC_MAX_WORDS


# "…si j'ai un souci avec ça ?", "et pour ça je fais comment ?": the question points back at the one before.
# "en" before the verb stands for the thing too: "et on fait comment pour en avoir ?", "on peut en bénéficier ?".
_BACK_RE = compiled(r"\b(?:avec|pour|de|a|sur|contre|par)\s+(?:ca|cela)\b|\b(?:ca|cela)\s*[?!.]*$|"
                    r"\ben\s+(?:avoir|obtenir|demander|beneficier|profiter|recevoir|toucher)\b")


# "Et le règlement intérieur, c'est obligatoire d'en avoir un ?": a thing set apart at the start, then the question
# about it; its pronouns ("en", "ça") stand for that thing, not for the question before.
_SET_APART = compiled(r"^(?:et\s+)?(?:le|la|les|l|un|une|des|du|mon|ma|mes|notre|nos|ce|cet|cette|ces)\s+[^,]+,")


def sets_its_subject_apart(question: str) -> bool:
    key = flat_text(question).strip()
    m = _SET_APART.match(key)
    return m is not None and len(m.group().split()) <= _TOPIC_MAX_WORDS + 1 and not HAS_SUBJECT.search(m.group())


def refers_back(question: str) -> bool:
    return bool(_BACK_RE.search(flat_text(question).strip())) and not sets_its_subject_apart(question)


# French puts the thing already named before the verb as a pronoun: "la mairie peut les voir ?", "je peux y aller ?",
# "vous les donnez à la mairie ?", "on la crée comment ?", "il en fait partie ?", "il y en a pour les membres ?".
# After a subject pronoun or a verb that only takes an infinitive (pouvoir, devoir, aller), "le / la / les / l'"
# is that pronoun, not an article ("vous les élus" and "nous les habitants" are no pronoun: after "nous" / "vous"
# only a verb of that person follows it); "y" and "en" are, except in "il y a" and a few idioms ("j'en ai marre").
_SUBJECT = r"(?:je|j|tu|il|elle|on|ils|elles|ne|n|ca|sa|cela)"
_INFINITIVE_ONLY = (r"(?:peut|peux|peuvent|pouvez|pouvons|pourrait|pourrais|pourrions|pourriez|pourraient|doit|dois|"
                    r"doivent|devez|devons|devrait|devrais|devraient|va|vais|vont|allez|allons)")
_CLITIC_RE = compiled(
    r"\b(?:" + _SUBJECT + r"|" + _INFINITIVE_ONLY + r"(?:\s+(?:pas|jamais|plus))?)\s+"
    r"(?:(?:me|m|te|t|se|s|nous|vous|lui|leur)\s+)?"
    r"(?:(?:le|la|les|l)\s+\w|y\s+(?!(?:a|avait|aura|aurait|aurai|ait)\b)\w|"
    r"en\s+(?!(?:ai|a|as|avons|avez|ont|avait)\s+(?:marre|assez|ras)\b)\w)|"
    r"\b(?:nous\s+(?:le|la|les|l)\s+\w+ons|vous\s+(?:le|la|les|l)\s+(?:\w+ez|faites|dites|etes))\b|"
    r"\by\s+en\s+a\b|\bla\s+bas\b|\bavec\s*[?!.]*$")
# "…une asso ? si oui on fait comment", "…dans ce cas on fait quoi ?": the answer to the question before is its
# condition.
_IF_SO_RE = compiled(r"^(?:et\s+)?(?:si\s+oui|si\s+c\s+est\s+le\s+cas|dans\s+ce\s+cas|si\s+non|sinon)\b")


def stands_for_before(question: str) -> bool:
    """Whether a question names what it asks about with a pronoun for the thing the question before named."""
    key = flat_text(question).strip()
    return bool(_CLITIC_RE.search(key) or _IF_SO_RE.match(key))


# The adverbs that stand for a thing named before ("on met quoi dedans", "on écrit quoi dessus") point back too: the
# caller judges whether the question names its own subject. ("ça" opening a question and "y" were tried: they lost
# single questions that repeat themselves, "…? et ça a lieu tous les combien ?".)
_POINTING_RE = compiled(r"\b(?:la\s+)?(?:dedans|dessus)\b")


# "il dure jusqu'à quand", "ça coûte quelque chose ?", "elle est où ?": the subject is a pronoun for what the question
# before named ("il faut", "il y a" name nothing).
_PRONOUN_SUBJECT = compiled(r"^(?:et\s+)?(?:est\s+ce\s+qu?e?\s+)?(?:(?:ca|sa|cela|c|elle|elles|ils)\s|"
                            r"il\s+(?!(?:faut|y\s+a|existe)\b))")


# "c'est quoi la TFPB et ça sert à quoi ?", "…et ça peut nous aider ?", "…c'est utile pour nous ?": what the thing
# just asked about is for. A definition says it: no question of its own.
_ITS_USE_RE = compiled(r"^(?:et\s+)?(?:(?:ca|sa|cela|c|il|elle|ils|elles)\s+(?:nous\s+)?(?:sert|servent|servirait|"
                       r"peut|peuvent|pourrait|pourraient)\s+(?:a\s+quoi|a\s+koi|nous\s+aider|nous\s+servir|"
                       r"aider|servir|etre\s+utile|nous\s+etre\s+utile)|a\s+(?:quoi|koi)\s+(?:ca|sa|cela|il|elle)"
                       r"\s+(?:sert|servent|peut\s+servir)|(?:c\s+est|c|cest)\s+(?:utile|pour\s+quoi\s+faire)|"
                       r"(?:ca|sa)\s+(?:nous\s+)?(?:aide|concerne|sert)\b)")


# "…La chargée de mission appelle ça le « non-recours ». Ça veut dire quoi ?", "De quoi s'agit-il ?", "Que signifie
# cette mention ?": a question naming nothing that asks what the thing just told means.
_ITS_MEANING_RE = compiled(r"^(?:et\s+)?(?:(?:ca|sa|cela|c)\s+(?:veut\s+dire|signifie)\s+(?:quoi|koi)|(?:que|qu)\s+"
                           r"(?:veut\s+dire|signifie|designe|recouvre)\s+(?:ca|cela|ce|cette|ces|cet|il|elle|t\s+il|"
                           r"t\s+elle)\b|de\s+quoi\s+(?:s\s+agit\s+il|ca\s+parle|parle\s+t\s+on)|(?:c\s+est|c|cest)\s+"
                           r"(?:quoi|koi)(?:\s+(?:exactement|au\s+juste|alors|donc|en\s+fait|concretement|ce\s+truc))?"
                           r"\s*[?!.]*$|qu\s+est\s+ce\s+que\s+c\s+est(?:\s+exactement)?\s*[?!.]*$)")
# "Que recouvre-t-il ?", "Quelle réalité désigne-t-il ?", "À quelle instance renvoie-t-elle ?", "Quel sens donner à
# cette expression ?": the word told just before is asked of, in careful French.
_THE_WORD_RE = compiled(r"^(?:que|qu|quelle\s+realite|a\s+quelle\s+\w+|a\s+quoi)\s+(?:veut\s+dire|signifie|designe|"
                        r"recouvre|renvoie|correspond|fait\s+reference)\s+(?:t\s+)?(?:il|elle|ils|elles|ce|cet|cette|"
                        r"ces|ca|cela)\b|^quel\s+sens\s+(?:donner|faut\s+il\s+donner|a)\s+(?:a\s+)?(?:ce|cet|cette|ces|"
                        r"cela)\b|\b(?:ce|cet)\s+(?:mot|terme|sigle|acronyme)\b|\bcette\s+(?:expression|abreviation|"
                        r"mention|appellation|formule)\b")
# A thing told between quotes, in a few words: « non-recours », "Pôle Data & Quartiers", “cotech”.
_QUOTED_RE = compiled(r"[«“\"]\s*([^«»“”\"]{2,60}?)\s*[»”\"]")
QUOTED_MAX_WORDS = 6


def asks_its_meaning(question: str) -> bool:
    """Whether a question naming nothing asks what the thing told before it is, means or is for."""
    return bool(_ITS_MEANING_RE.match(flat_text(question).strip())) or asks_its_use(question) or names_the_word(
        question)


def names_the_word(question: str) -> bool:
    """Whether a question asks what the word told before it means, naming the word as a word ("ce sigle", "cette
    expression") or by a pronoun after a verb of meaning ("que recouvre-t-il ?")."""
    return bool(_THE_WORD_RE.search(flat_text(question).strip()))


def quoted_things(text: str) -> list[str]:
    """The things a text quotes, in a few words each, in order."""
    return [q for q in _QUOTED_RE.findall(text) if len(q.split()) <= QUOTED_MAX_WORDS]


def asks_its_use(question: str) -> bool:
    """Whether a question asks only what the thing named before is for ("et ça sert à quoi pour nous ?")."""
    return bool(_ITS_USE_RE.match(flat_text(question).strip()))


def has_pronoun_subject(question: str) -> bool:
    return bool(_PRONOUN_SUBJECT.match(flat_text(question).strip()))


def points_back(question: str) -> bool:
    """"on met quoi dedans ?": an open question about the thing named before (what goes in it) asks something new;
    "on est dedans ?" only checks the first answer again (its related questions are under it)."""
    key = flat_text(question).strip()
    return bool(_POINTING_RE.search(key)) and bool(_OPEN_WORDS & set(key.split()))


_OPEN_WORDS = frozenset({"quoi", "koi", "que", "qu", "comment", "cmt", "combien", "cb", "qui", "quel", "quelle", "quels",
                         "quelles"})


# What a pronoun stands for is a thing the question before named with a determiner: "le copil", "une asso",
# "mes données", "l'interconseil", with its complement or adjective ("le contrat de ville", "le conseil citoyen").
_DETERMINED = compiled(r"\b(?P<det>le|la|les|l|un|une|des|du|au|aux|mon|ma|mes|notre|nos|votre|vos|son|sa|ses|leur|"
                       r"leurs|ce|cet|cette|ces)\s+(?P<thing>(?!(?:quoi|qui|que|quand|comment|combien|ou|pas|plus|"
                       r"meme|faire|a|y|en)\b)[a-z]{2,}(?:\s+(?:de|du|des|d)\s+(?:(?:la|l|les)\s+)?[a-z]{3,}|"
                       r"\s+(?P<more>[a-z]{4,}))?)")
_PLURAL = frozenset({"les", "des", "aux", "mes", "nos", "vos", "ses", "leurs", "ces"})
_FEMININE = frozenset({"la", "une", "ma", "sa", "cette"})
_MASCULINE = frozenset({"le", "un", "du", "au", "mon", "son", "ce", "cet"})
_PRONOUN_AGREES = ((compiled(r"\bles\s+\w"), _PLURAL), (compiled(r"\bla\s+(?!bas\b)\w"), _FEMININE),
                   (compiled(r"\ble\s+\w"), _MASCULINE))
# A verb after the thing is no adjective of it: "la mairie peut…", "le conseil sert à quoi".
_NOT_ITS_ADJECTIVE = compiled(r"(?:" + _INFINITIVE_ONLY[3:-1] + r"|" + "|".join(sorted(_OPEN_WORDS)) + r"|fait|font|sert|"
                              r"servent|coute|coutent|dure|durent|existe|marche|exactement|vraiment|alors|aussi|"
                              r"avant|apres|pendant|depuis|contre|sans|sous|vers|chez|entre|selon|avec|pour|dans|sur|"
                              r"par|en|au|aux)$")


def _things(text: str) -> list[tuple[str, str]]:
    """The things a text names with a determiner, as (determiner, thing)."""
    out = []
    for m in _DETERMINED.finditer(text):
        more = m["more"]
        thing = m["thing"] if more is None or not (more in STOPWORDS or _NOT_ITS_ADJECTIVE.match(more)) else (
            m["thing"][: m.start("more") - m.start("thing")].strip())
        out.append((m["det"], thing))
    return out


def named_thing(before: str, question: str) -> str:
    """The thing of the question before that a pronoun of this question stands for: of the things named with a
    determiner, the first whose determiner agrees with the pronoun ("les" a plural, "la" a feminine, "le" a
    masculine; "y", "en", "l'" any). "" when none is named, or when the question names one itself before its
    pronoun ("si on est pas d'accord avec un membre on peut le virer ?")."""
    key = flat_text(question)
    clitic = _CLITIC_RE.search(key)
    wanted = next((dets for pronoun, dets in _PRONOUN_AGREES if clitic and pronoun.search(key)), None)

    def agrees(det: str) -> bool:
        return wanted is None or det in wanted or det == "l"

    if clitic is not None and wanted is not None and any(agrees(det) for det, _ in _things(key[: clitic.start()])):
        return ""
    things = _things(flat_text(before))
    agreeing = [thing for det, thing in things if agrees(det)]
    return (agreeing or [thing for _, thing in things] or [""])[0]


# "on a une réunion avec le préfet la semaine prochaine c'est quoi son rôle": a possessive, or "il" / "elle" opening
# the question, stands for someone or something the story just before named; so does a word that names no kind of
# thing ("on m'a invité à un copil la semaine prochaine, c'est quoi ce truc ?" asks what a copil is).
_POSSESSOR_RE = compiled(r"\b(?:son|sa|ses|leur|leurs)\s+[a-z]|^(?:et\s+)?(?:est\s+ce\s+qu?e?\s+)?(?:il|elle|ils|elles)\s+"
                         r"(?!(?:faut|y\s+a|existe)\b)|\b(?:ce|cette)\s+(?:truc|machin|bidule|chose)\b")


def stands_for_the_story(question: str) -> bool:
    return bool(_POSSESSOR_RE.search(flat_text(question).strip()))


def things_told(story: str) -> list[str]:
    """The things a story names with a determiner, in order ("une réunion", "le préfet", "la semaine prochaine")."""
    return [thing for _, thing in _things(flat_text(story))]
