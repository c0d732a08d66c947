"""A member's message cut into its parts: greeting, self-introduction, context, question(s), sign-off.

Members write "Bonjour, je suis Fatou, j'habite aux Dervallières depuis 20 ans. On a un copil dans deux
semaines et personne sait quoi dire, comment on se prépare ? Merci d'avance". Only the question says which
entry answers; the greeting, the name and the neighbourhood only dilute it, and the story around it
("personne sait quoi dire") is context that helps a little. Sentences are cut at punctuation, and,
because many members write without any, before the words that open a question ("comment", "est-ce
que", "je voudrais savoir"…).

Everything here works on folded words (no case, no accents) with the original text kept for display.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.answering.cleanup import clean
from bot.answering.normalize import fold, names_discrimination, words
from bot.answering.question_forms import (
    HAS_SUBJECT,
    HOW_ALONE,
    LEADS_IN,
    MIN_PART_WORDS,
    TAIL_WORDS,
    YES_NO_START,
    asks_by_words,
    flat_text,
    without_list_marker,
    without_no_use,
)
from bot.cache import compiled


class Role(StrEnum):
    GREETING = "greeting"  # "bonjour", "bonjour madame", "salut à tous"
    INTRO = "intro"  # "je suis Fatou", "j'habite aux Dervallières", "je suis nouvelle"
    CONTEXT = "context"  # the story around the question
    QUESTION = "question"
    CLOSING = "closing"  # "merci d'avance", "cordialement", "bonne journée", a signature


@dataclass(frozen=True, kw_only=True)
class Segment:
    text: str
    role: Role

    @property
    def informative(self) -> bool:
        return self.role in (Role.QUESTION, Role.CONTEXT)


_SENTENCE_END = compiled(r"(?<=[?!.;…:])\s+|\n+|\s+-\s+|(?<=\?)(?=\S)")

# Words that open a question when a member writes without punctuation. A cut is made before them
# only when enough words come before (a question word at the start needs no cut).
_QUESTION_OPENERS = (
    "comment", "pourquoi", "pk", "pq", "combien", "cb", "quand", "est ce que", "est ce qu", "est-ce que",
    "est-ce qu", "c est quoi", "c quoi", "cest quoi", "c'est quoi", "qu est ce", "qu'est-ce", "qu'est ce",
    "c koi", "c'est koi", "cest koi", "c est koi",  # "c'est quoi" as typed on a phone
    # "…pour faire nos affiches, c'est qui qui paie": the cleft question asks, wherever it comes ("X et Y c'est qui ?"
    # asks about what comes before it).
    "c est qui qui", "c'est qui qui", "cest qui qui", "c qui qui", "c est quand qu", "c'est quand qu", "c est ou qu",
    "c'est ou qu",
    "je voudrais savoir", "je voulais savoir", "j aimerais savoir", "j'aimerais savoir", "je veux savoir",
    # "…c'est madame Traoré de Bellevue je voulais vous demander qui paie…": asking to ask announces the question.
    "je voulais vous demander", "je voudrais vous demander", "j aimerais vous demander", "je voulais demander",
    "je voudrais demander",
    # "…je suis au conseil et on me demande ce qu'est un adulte-relais": what the member is asked, they ask.
    "je me demande", "on me demande", "on m a demande", "on m'a demande",
    "vous pouvez m expliquer", "vous pouvez m'expliquer", "pouvez vous", "pouvez-vous", "on peut", "peut on",
    "peut-on", "est il", "est-il", "faut il", "faut-il", "dois je", "dois-je", "je dois", "on doit", "il faut",
    "je suis oblige", "je suis obligee", "on est oblige", "on est obliges", "ou est", "ou se trouve", "qui est",
    "qui peut", "qui doit", "qui decide", "quel", "quelle", "quels", "quelles", "kel", "kelle", "a quoi sert",
    "ca sert a quoi", "sa sert a quoi", "y a t il", "ya t il", "il y a des", "ya des", "y a des", "autre question",
    "et aussi", "aussi est ce", "deuxieme question", "2eme question", "et puis",
    # "…on m'a demandé d'y aller mais je ne sais même pas ce que c'est": not knowing what a thing is, said after a
    # story, asks what it is. ("je ne sais pas quoi dire", cut off, left the copil it is about to the story.)
    # "on sait pas ce qu'on doit dire": "on" is the member and the others, as unsure as "je".
    *(f"{neg} {adverb} {what}" for neg in ("je ne sais", "je sais", "on ne sait", "on sait") for adverb in (
        "pas", "meme pas", "vraiment pas", "toujours pas", "pas vraiment", "pas trop", "jamais", "plus")
      for what in ("ce que", "ce qu", "ce qui")),
)
OPENER_RE = compiled(r"\b(?:" + "|".join(re.escape(o) for o in sorted(_QUESTION_OPENERS, key=len,
                                                                      reverse=True)) + r")\b")
_MIN_WORDS_BEFORE_CUT = 4
_DANGLING = compiled(r"[\s,]+(?:et|ou|mais|puis|alors|donc)$", re.IGNORECASE)

GREETING_WORDS = frozenset({
    "bonjour", "bonsoir", "salut", "coucou", "hello", "hey", "bjr", "bsr", "slt", "cc", "yo", "wesh", "hi",
    "bonjours", "bjour", "re", "rebonjour", "allo", "madame", "monsieur", "mme", "mr", "m", "mesdames", "messieurs",
    "a", "tous", "toute", "toutes", "vous", "tout", "le", "monde", "l", "equipe", "chere", "cher", "chers", "cheres",
    "et", "ou",
})
_GREETING_START = frozenset({"bonjour", "bonsoir", "salut", "coucou", "hello", "hey", "bjr", "bsr", "slt", "cc",
                             "yo", "wesh", "hi", "bonjours", "bjour", "rebonjour", "allo", "madame", "monsieur",
                             "mesdames"})
_CLOSINGS = (
    "merci d avance", "merci par avance", "merci beaucoup", "merci bcp", "merci pour votre aide",
    "merci de votre aide", "merci pour votre reponse", "merci de votre reponse", "merci a vous", "merci", "mrc",
    "cordialement", "bien cordialement", "bonne journee", "bonne soiree", "bonne fin de journee", "bon week end",
    "a bientot", "au revoir", "bisous", "bises", "salutations", "bien a vous", "dans l attente de votre reponse",
    "en attendant votre reponse", "j attends votre reponse", "svp", "stp", "s il vous plait", "s il vous plaît",
)
_CLOSING_RE = compiled(r"^(?:(?:" + "|".join(re.escape(c) for c in sorted(_CLOSINGS, key=len, reverse=True))
                      + r")\b[\s,!.]*)+$")
_INTRO_RE = compiled(
    r"^(?:et\s+)?(?:moi\s+)?(?:je\s+(?:m\s+appelle|m\s+apelle|me\s+presente|vis|reside|travaille|habite|"
    r"fais\s+partie|represente)|"
    r"moi\s+c\s+est|j\s+habite|jhabite|"
    r"(?:je\s+suis|jsuis|chui)\s+(?:une?\s+)?(?:nouveau|nouvelle|nouveaux|nouvelles|habitant|habitante|maman|papa|mere|"
    r"veuf|veuve|mariee?|divorcee?|celibataire|locataire|grand\s+mere|grand\s+pere|mamie|papi|"
    r"pere|retraite|retraitee|etudiant|etudiante|benevole|membre|conseiller|conseillere|referent|referente|"
    r"president|presidente|animateur|animatrice|salarie|salariee|agent|agente|originaire|arrive|arrivee|la|le|ici|au|"
    r"a|dans|du|de|en|depuis|sans|"
    # A trade says who asks, as a role does: "je suis vendeuse et j'habite à la Halvêque".
    r"vendeur|vendeuse|caissier|caissiere|infirmier|infirmiere|aide\s+soignante?|auxiliaire|assistante?|livreur|"
    r"chauffeur|ouvrier|ouvriere|employee?|artisan|artisane|commercante?|enseignante?|professeure?|prof|institutrice|"
    r"instituteur|educateur|educatrice|secretaire|comptable|cuisinier|cuisiniere|serveur|serveuse|technicienne?|"
    r"ingenieure?|medecin|gardienne?|concierge|fonctionnaire|mediateur|mediatrice|intermittente?|interimaire|"
    r"chef|cheffe|coiffeur|coiffeuse|boulanger|boulangere|aide|menagere|femme|chomeur|"
    r"chomeuse|demandeur|demandeuse|handicapee?|invalide|ancien|ancienne|"
    # Any trade by its ending: "je suis plombier", "couturière", "électeur", "fleuriste" (not "mineur", "majeur":
    # an age is what some members ask about; nor "triste", a feeling).
    r"(?!(?:mineure?|majeure?|triste)\b)\w+(?:ier|iere|eur|euse|rice|iste))\b|"
    r"ca\s+fait\s+\w+\s+(?:ans?|mois)|cela\s+fait\s+\w+\s+(?:ans?|mois)|depuis\s+\w+\s+(?:ans?|mois)|"
    # An age and a move say who the member is: "j'ai 34 ans" (not "j'ai 3 ans que…"), "j'ai déménagé à Bellevue".
    r"j\s+ai\s+\w+\s+ans\b(?!\s+(?:que|qu)\b)|j\s+ai\s+(?:demenage|emmenage)|"
    r"je\s+viens\s+(?:d\s+arriver|de\s+demenager|d\s+emmenager)|je\s+me\s+suis\s+installee?|"
    r"nous\s+sommes|on\s+est\s+(?:un|une|des|\d+))\b")
# A title before a name, capitalised or not: "je suis mr Keita", "c'est Mme Diallo".
_TITLE = r"(?:(?:M|Mme|Mlle|Mr|Madame|Monsieur|mme|mr|madame|monsieur)\.?\s+)?"
_NAME_INTRO = compiled(r"^(?:[Ee]t\s+)?(?:[Mm]oi\s+)?(?:[Jj]e\s+suis|[Jj]suis|[Mm]oi\s+c'est|[Mm]oi\s+c\s+est)\s+"
                      + _TITLE + r"[A-ZÀ-Ý][\w-]+|"
                      # "c'est Jeanine du conseil de Nantes Nord": a name, then where the member comes from.
                      r"^(?:[Cc]['’]est|[Cc]\s+est|[Cc]est|[Cc])\s+" + _TITLE + r"[A-ZÀ-Ý][\w-]+(?:\s+[A-ZÀ-Ý][\w-]+)?"
                      r"\s+(?:du|de|d['’]|des)\b")
# What follows a name: "Sylvie, 45 ans, conseillère citoyenne au Breil", "retraité, quinze ans au Breil",
# "habitante du Pin Sec". Read as part of the introduction only right after one.
_APPOSITION_RE = compiled(
    r"^(?:(?:\d{1,3}|[a-z]+(?:\s+[a-z]+)?)\s+ans\b(?!\s+(?:que|qu)\b)|"
    r"(?:retraite|retraitee|habitant|habitante|maman|papa|mere|pere|etudiant|etudiante|benevole|membre|"
    r"conseiller|conseillere|president|presidente|tresorier|tresoriere|secretaire|animateur|animatrice|"
    r"salarie|salariee|locataire|originaire|nouveau|nouvelle|"
    # "Pierre, 61 ans, ancien chauffeur de bus": a former trade, however long, says who asks.
    r"ancien|ancienne|ex)\b)")
INTERROGATIVE_START = compiled(r"^(?:" + "|".join(re.escape(o) for o in _QUESTION_OPENERS) + r"|ou|qui|que|quoi|"
                               r"est|peut|puis|doit|faut|y a|ya|on a le droit|a qui|a quoi|de quoi|avec qui|"
                               r"pour qui|pour quoi|par qui|par ou|jusqu a quand|depuis quand|c est qui|"
                               r"c est ou|c est quand|c est combien|ca coute|sa coute|ca se passe|sa se passe|"
                               r"je cherche|je recherche|j ai besoin|besoin|"
                               r"aide(?!\s+(?:soignante?s?|menageres?|a\s+domicile)\b)|aidez|expliquez|expliquer|"
                               r"dites|dite|donnez|envoyez|info|infos|information|informations|koi|kwa|"
                               r"je veux comprendre|je voudrais comprendre|j aimerais comprendre|"
                               r"je voudrais|je voulais|j aimerais|je souhaite|je souhaiterais|je veux|on voudrait|"
                               r"on aimerait|on souhaite|nous voudrions|nous souhaitons|"
                               r"je comprends pas|je ne comprends pas|je sais pas|je ne sais pas)\b")


@lru_cache(maxsize=8192)  # a message's first words are folded one by one, and most are the same few words
def folded_key(text: str) -> str:
    """Folded words, SMS spellings mapped ("koi" → "quoi"), apostrophes and hyphens as spaces."""
    return " ".join(words(text))


def split_sentences(text: str) -> list[str]:
    return list(_sentences(text))


@lru_cache(maxsize=4096)  # a message is cut into its parts, then into its questions (questions.py)
def _sentences(text: str) -> tuple[str, ...]:
    parts = [p.strip(" ,") for p in _SENTENCE_END.split(text)]
    return tuple(_topics_joined([p for p in parts if p and any(ch.isalnum() for ch in p)]))


# "comité de pilotage : c'est quoi exactement", "le FPH - ça sert à quoi ?": a subject set apart before a colon, a
# dash or a new line, then a question about "ce" / "ça", asks about that subject, as "le comité de pilotage, c'est
# quoi ?" does (French sets the subject apart, then takes it up with "ce"). Cut there, the question lost its subject.
_TOPIC_MAX_WORDS = 6
_ABOUT_IT = compiled(r"^(?:et\s+)?(?:c\s+est|c|cest|ca|sa|cela)\s")
_NO_TOPIC = frozenset({"question", "questions", "bonjour", "bonsoir", "salut", "merci", "urgent", "svp", "aide"})


def _is_topic(part: str) -> bool:
    """A few words naming a thing, no clause, not ended as a sentence is (a colon, or cut at a dash or a line)."""
    if not (part.endswith(":") or part[-1].isalnum()):
        return False
    key = folded_key(part.rstrip(" :"))
    said = key.split()
    return 0 < len(said) <= _TOPIC_MAX_WORDS and not HAS_SUBJECT.search(key) and not _NO_TOPIC & set(said) \
        and not INTERROGATIVE_START.match(key) and not OPENER_RE.search(key)


def _topics_joined(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if out and _is_topic(out[-1]) and _ABOUT_IT.match(folded_key(part)):
            out[-1] = f"{out[-1].rstrip(' :')}, {part}"
        else:
            out.append(part)
    return out


# Openers that, inside a sentence, do not open a question: "quand même", "quand elle a vu mon nom" (when, as a
# condition), "c'est elle qui décide de tout" (a relative clause after a pronoun).
_NOT_OPENING = compiled(r"quand\s+meme\b")
_RELATIVE_BEFORE = frozenset({"elle", "lui", "eux", "moi", "toi", "nous", "vous", "ca", "celui", "celle", "ceux",
                              "celles", "ce"})


# "je voulais savoir si on peut…", "je sais pas comment on fait": the opener is the clause these words announce.
_NEEDS_A_CLAUSE = frozenset({"si", "que", "qu", "savoir", "sais", "demande", "demander", "dire", "comprendre",
                             "expliquer"})


# "j'ai le droit de parler ou je dois juste écouter ?": the two sides of an alternative are one question; "on sait
# jamais à qui il faut s'adresser": a question word holds the clause that follows it.
_HOLDS_THE_NEXT = frozenset({"ou", "qui", "quoi", "quand", "comment", "combien", "pourquoi"})


# "On m'a dit qu'on me rembourse mes tickets quand je vais aux réunions, c'est vrai ?": the tag asks whether all that
# was said before it is true, the "when" it holds too. Such a sentence keeps its "quand" and subject as a condition.
_TRUE_TAG = compiled(r",\s*(?:c\s*['’]?\s*est|c|c\s*['’]?\s*etait)\s+(?:vrai|normal|possible|obligatoire|oblige|"
                     r"autorise|permis|legal|interdit)\s*\?*\s*$")
_CONDITION = compiled(r"quand\s+(?:je|j|on|nous|vous|tu|il|elle|ils|elles)\b")


# "un membre qui ne vient jamais et qui bloque tout": "et qui" after a relative "qui" (a noun before it, not "c'est
# qui") goes on describing the same person; it asks nothing.
_INTERROGATIVE_BEFORE_WHO = frozenset({"est", "c", "sont", "etait", "a", "avec", "pour", "de", "par", "chez", "sur",
                                       "et", "ou", "mais", "savoir", "demande", "sais"})


def continues_relative(key: str, start: int) -> bool:
    before = key[:start].split()
    if not key.startswith("qui", start) or len(before) < 3 or before[-1] != "et":
        return False
    return any(w == "qui" and k > 0 and before[k - 1] not in _INTERROGATIVE_BEFORE_WHO
               for k, w in enumerate(before[:-1]))


def _opens_here(key: str, start: int) -> bool:
    if _NOT_OPENING.match(key, start) or (_CONDITION.match(key, start) and _TRUE_TAG.search(key)) \
            or continues_relative(key, start):
        return False
    before = key[:start].split()
    return not (key.startswith("qui", start) and before and before[-1] in _RELATIVE_BEFORE)


# "vous gardez mes messages combien de temps ?", "le copil c'est quand": a question word at the end of its clause
# asks about what comes before it; nothing is cut off.
_CLAUSE_END = compiled(r"[,?!.;:]|$")
_TAIL_MAX_WORDS = 2


_TRAILING_WORDS = frozenset({"combien", "cb", "quand", "comment", "pourquoi"})
LINK_WORDS = frozenset({"et", "ou", "mais", "puis", "sinon", "alors", "donc"})


def _ends_the_clause(key: str, start: int, end: int) -> bool:
    before = key[:start].split()
    if key[start:end] not in _TRAILING_WORDS or key[:start].rstrip().endswith(",") or (
            before and before[-1] in LINK_WORDS):  # "… et comment les effacer": a second question
        return False
    stop = _CLAUSE_END.search(key, end).start()  # type: ignore[union-attr]  # "$" always matches
    # "…mais 2 personnes ont pas d'ordi comment on fait": "how do we do it" is a question of its own, asked of all
    # that was told before it, not the manner of the clause's last verb.
    return len(key[end:stop].split()) <= _TAIL_MAX_WORDS and not HOW_ALONE.match(key[start:stop])


# "…pour le collège c'est quel texte de loi", "…et en quelle année": a preposition or "c'est" before the question
# word belongs to its question; the cut goes before them.
_LEADS_TO_IT = compiled(r"(?<!\S)(?:c['’]\s*est|c\s+est|cest|en|a|de|pour|par|avec|sur|dans|chez|depuis|vers|entre|"
                        r"sans)\s+$")


def _clauses(sentence: str) -> list[str]:
    """A sentence without punctuation cut before each question opener that follows enough words."""
    key = fold(sentence)
    cuts = [0]
    for match in OPENER_RE.finditer(key):
        start = match.start()
        if start == 0 or key[start - 1].isalnum() or not _opens_here(key, start):
            continue
        lead = _LEADS_TO_IT.search(key[:start])
        cut = start if lead is None or lead.start() <= cuts[-1] else lead.start()
        before = key[cuts[-1]:cut].split()
        # "on sait pas ce qu'on doit dire": an elided word ("qu'", "d'") is the word itself.
        if len(before) >= _MIN_WORDS_BEFORE_CUT and before[-1].rstrip("'’") not in _NEEDS_A_CLAUSE | _HOLDS_THE_NEXT \
                and not _ends_the_clause(key, start, match.end()):
            cuts.append(cut)
    if len(cuts) == 1 or len(key) != len(sentence):
        return [sentence] if len(cuts) == 1 else _cut_by_words(sentence, key, cuts)
    return [_DANGLING.sub("", sentence[a:b].strip(" ,")) for a, b in zip(cuts, [*cuts[1:], len(sentence)],
                                                                          strict=True)]


def _cut_by_words(sentence: str, key: str, cuts: list[int]) -> list[str]:
    """Folding changed the length (ligatures): cut at the same word positions instead."""
    positions = [len(key[:c].split()) for c in cuts]
    tokens = sentence.split()
    bounds = [*positions, len(tokens)]
    return [" ".join(tokens[a:b]) for a, b in itertools.pairwise(bounds) if tokens[a:b]]


_ADDRESSES = frozenset({"madame", "monsieur", "mesdames", "messieurs"})


@lru_cache(maxsize=4096)  # a message's sentences are read twice: its parts (`split_message`), its questions
def strip_greeting(sentence: str) -> tuple[str, bool]:
    """The sentence without its opening greeting ("Bonjour madame, ..."), and whether there was one."""
    tokens = sentence.split()
    folded = [folded_key(t) for t in tokens[:6]]  # read up to the sixth word only below: a long message's others unfolded
    if not folded or folded[0].split()[:1] == [] or folded[0].split()[0] not in _GREETING_START:
        return sentence, False
    i = 0
    while i < len(tokens) and all(w in GREETING_WORDS for w in folded[i].split()) and i < 5:
        i += 1
        # "Madame, Monsieur," goes on past its comma
        if tokens[i - 1].endswith((",", "!", ".")) and not (i < len(folded) and folded[i] in _ADDRESSES):
            break
    # "Bonjour Fatou," or "Bonjour Madame Dupont": a capitalised name right after the greeting goes too.
    while i < len(tokens) and i < 4 and tokens[i][:1].isupper() and tokens[i - 1][-1:] not in ",!." \
            and not INTERROGATIVE_START.match(folded[i]):
        i += 1
    return " ".join(tokens[i:]).strip(" ,!."), True


# A statement ended by "c'est normal", "c possible", "ou pas" asks, question mark or not: "jai pa eu de rappel
# pr l atelier c normal".
# A question word ending the sentence asks too ("on di koi la bas", "le copil c'est quand"), as does "ça veut dire".
TAG_QUESTION = compiled(r"\b(?:c\s+est|c|c\s+etait)\s+(?:normal|possible|grave|vrai|obligatoire|oblige|gratuit|"
                         r"payant|autorise|permis|legal|interdit)(?:\s+(?:ca|sa))?$|\bou\s+(?:pas|non)$|"
                         r"(?<!\bimporte\s)(?<!\bou\s)\b(?:quoi|comment|quand|combien|pourquoi)(?:\s+(?:la\s+bas|exactement|alors|donc|deja|"
                         r"au\s+juste|en\s+fait|concretement|dedans))?$|"
                         r"^(?:ca|c)\s+veut\s+dire\b|\bque\s+(?:veut\s+dire|signifie)\b")


# "ça va ?", "j'espère que vous allez bien": politeness, no question to answer.
_SMALLTALK = compiled(r"^(?:et\s+)?(?:(?:ca|sa)\s+va(?:\s+(?:bien|vous|toi))?|comment\s+(?:ca|sa)\s+va|comment\s+allez\s+vous|"
                      r"comment\s+vas\s+tu|vous\s+allez\s+bien|tu\s+vas\s+bien|j\s+espere\s+que\s+(?:vous\s+allez|tu\s+vas|"
                      r"vous\s+vous\s+portez|tout\s+va)\s+bien)$")
# Apologies and doubts about asking here ("Désolée de vous déranger, je sais pas si c'est le bon endroit pour
# demander.", "Excusez-moi si ma question est bête", "On se pose la question au conseil :"): politeness, like a
# greeting; they name nothing that is asked (their "question", "endroit", "demander" pulled the hotline's entries).
_POLITE_PIECE = (
    r"(?:je\s+suis\s+)?(?:vraiment\s+|tres\s+)?(?:desolee?s?|navree?s?)(?:\s+(?:de\s+vous\s+(?:deranger|embeter|ennuyer|ecrire|"
    r"solliciter)(?:\s+(?:encore|a\s+nouveau|avec\s+ca))?|pour\s+le\s+derangement|du\s+derangement|pour\s+l\s+orthographe))?|"
    r"(?:excusez|excuse)\s+moi(?:\s+(?:de\s+vous\s+deranger|du\s+derangement|pour\s+le\s+derangement|"
    r"pour\s+l\s+orthographe))?|excusez\s+(?:mon\s+orthographe|ma\s+question)|"
    r"pardon(?:\s+(?:de\s+vous\s+deranger|pour\s+le\s+derangement|du\s+derangement|pour\s+l\s+orthographe))?|"
    r"je\s+m\s+excuse(?:\s+(?:d\s+avance|par\s+avance|de\s+vous\s+deranger|du\s+derangement|pour\s+le\s+derangement|"
    r"pour\s+l\s+orthographe))*|"
    r"je\s+me\s+permets\s+de\s+vous\s+(?:ecrire|contacter|solliciter|deranger)|je\s+vous\s+(?:ecris|contacte|sollicite)|"
    r"(?:je\s+(?:ne\s+|n\s+)?sais\s+pas|jsais\s+pas|j\s+sais\s+pas)\s+si\s+(?:c\s+est|je\s+suis)\s+(?:(?:le|au)\s+bon\s+endroit|"
    r"la\s+bonne\s+(?:adresse|personne|place)|ici)(?:\s+(?:pour\s+(?:demander|poser\s+(?:ma|cette|une|la)\s+question|"
    r"(?:en\s+)?parler)(?:\s+(?:ca|cela))?|qu\s+il\s+faut\s+(?:demander|ecrire|poser)))?|"
    r"(?:si\s+)?ma\s+question\s+est\s+(?:peut\s+etre\s+)?(?:bete|idiote|naive)|c\s+est\s+peut\s+etre\s+une\s+question\s+bete|"
    r"(?:j\s+ai|jai)\s+une\s+(?:petite\s+)?question|(?:on|je|nous)\s+(?:se|me|nous)\s+pos(?:e|ons)\s+(?:la|une)\s+question"
    r"(?:\s+(?:au\s+conseil|entre\s+nous|avec\s+les\s+autres))?|"
    r"je\s+sais\s+que\s+vous\s+(?:avez|etes)\s+(?:surement\s+|sans\s+doute\s+|certainement\s+)?(?:beaucoup\s+de\s+(?:travail|"
    r"questions|messages)|tres\s+occupee?s?|debordee?s?)")
_POLITENESS = compiled(r"^(?:" + _POLITE_PIECE + r")(?:\s+(?:et\s+|mais\s+)?(?:" + _POLITE_PIECE + r"))*$")


# The formulas that end a letter, and what a phone adds under it.
_FORMAL_CLOSING = compiled(r"^(?:je\s+vous\s+prie|veuillez|recevez|croyez)\b.*\b(?:salutations|sentiments|respect)\b|"
                           r"^(?:mes|nos|sinceres|meilleures|respectueuses)\s+(?:\w+\s+)?salutations\b|"
                           r"^en\s+vous\s+remerciant\b|^je\s+vous\s+remercie(?:\s+(?:par|d)\s+avance)?$|"
                           r"^envoye\s+(?:de|depuis)\s+mon\b|^(?:bien\s+)?cordialement$|^bien\s+a\s+vous$|^salutations$")


# How the member feels, said in a clause of its own ("Je suis à bout.", "J'ai honte, …", "Ça m'énerve, …", "Vite svp :"):
# like an introduction it tells who asks, not what is asked. Only the whole clause: "j'ai peur que mes données
# partent à la mairie" says what is feared.
_FEELING = compiled(
    r"^(?:franchement\s+|honnetement\s+|alors\s+)?(?:"
    r"(?:je\s+suis|jsuis|chui|je\s+me\s+sens|on\s+est|nous\s+sommes)\s+(?:(?:vraiment|tres|hyper|trop|super|tellement|"
    r"completement|un\s+peu|si)\s+)?(?:inquiete?s?|en\s+colere|furieu(?:x|se)s?|a\s+bout|perdue?s?|decouragee?s?|"
    r"epuisee?s?|triste|tristes|degoutee?s?|choquee?s?|stressee?s?|desesperee?s?|decue?s?|enervee?s?|fatiguee?s?|"
    r"paniquee?s?|angoissee?s?|inquiets|mal\s+a\s+l\s+aise|seule?s?|inutiles?|nulle?s?|depassee?s?|impuissante?s?|"
    # Eagerness is a feeling too: "je suis super motivée", "ça m'intéresse beaucoup".
    r"motivee?s?|interessee?s?|curieu(?:x|se|ses)|contente?s?|heureu(?:x|se|ses)|ravie?s?)|"
    r"j\s+ai\s+(?:(?:vraiment|tres|un\s+peu|trop)\s+)?(?:peur|honte)|(?:j\s+en\s+ai|on\s+en\s+a)\s+(?:marre|assez|ras\s+le\s+bol)|"
    r"(?:ca|sa)\s+m\s+(?:enerve|inquiete|angoisse|stresse|agace|saoule|interesse|plait|tente|motive)"
    r"(?:\s+(?:beaucoup|vraiment|bien|trop))?|je\s+(?:stresse|panique|m\s+inquiete|me\s+mefie|"
    r"n\s+en\s+peux\s+plus)|c\s+est\s+(?:la\s+panique|injuste|la\s+catastrophe|grave|urgent)|au\s+secours|"
    r"vite|urgent|franchement|honnetement|"
    # "…la politique de la ville je comprends pas trop": at a loss, after asking what something is.
    r"(?:je|on)\s+(?:ne\s+|n\s+)?(?:y\s+)?(?:comprends|comprend)\s+(?:pas|rien|plus\s+rien|jamais|jamais\s+rien)"
    r"(?:\s+(?:trop|du\s+tout|bien))?)$")
_LOSS_TAIL = compiled(r"[\s,]+(?:(?:mdr|lol)\s+)?(?:(?:je|on)\s+(?:ne\s+|n['’]\s*)?(?:y\s+)?comprends?|jcomprends?)\s+"
                      r"(?:pas|pa|rien|r1|plus\s+rien|jamais|jamais\s+rien)(?:\s+(?:trop|du\s+tout|bien))?[\s.!]*$")


def _without_loss(clause: str) -> list[str]:
    """"ses quoi la politique de la ville je comprends pas trop": what is asked, then how lost the member feels."""
    key = fold(clause)
    found = _LOSS_TAIL.search(key)
    if found is None or len(key) != len(clause) or len(clause[: found.start()].split()) < 3 \
            or role_of(clause[: found.start()]) != Role.QUESTION:
        return [clause]
    return [clause[: found.start()], clause[found.start():].strip(" ,")]


# "…la différence avec le conseil citoyen et je ne sais jamais quoi répondre", "…et je me demande si je vais devoir
# payer": not knowing what to do, or wondering, after a story asks about it (the clause is not cut: the story names
# what is asked).
UNSURE = compiled(r"\b(?:(?:je|j)\s+(?:ne\s+|n\s+)?sais|on\s+(?:ne\s+|n\s+)?sait)\s+"
                   r"(?:pas|jamais|plus|meme\s+pas|toujours\s+pas|vraiment\s+pas|"
                   r"pas\s+trop|pas\s+vraiment)\s+(?:quoi|comment|si|s|qui|ou|pourquoi|combien|quand|quel|quelle|quels|"
                   r"quelles|a\s+qui|vers\s+qui)\b|\bje\s+me\s+demande\s+(?:si|s|comment|qui|ou|pourquoi|combien|quand|"
                   r"quel|quelle|quels|quelles|ce)\b|"
                   # "je ne vois pas bien à quoi ça sert", "je comprends pas ce que c'est": not seeing, not
                   # understanding what a thing is or is for is asking it, as not knowing is (not "pourquoi" nor
                   # "comment": "je comprends pas pourquoi la mairie répond pas" is a complaint).
                   r"\b(?:je|j)\s+(?:ne\s+|n\s+)?(?:vois|comprends|comprend)\s+(?:pas|toujours\s+pas|meme\s+pas)"
                   r"(?:\s+(?:bien|trop|vraiment|tres\s+bien))?\s+(?:a\s+quoi|ce\s+que|ce\s+qu|qui|a\s+qui|"
                   r"quel|quelle|quels|quelles)\b")


@lru_cache(maxsize=4096)  # a part is asked its role several times in one decision
def role_of(text: str) -> Role:
    key = folded_key(text)
    if not key:
        return Role.CLOSING
    if _CLOSING_RE.match(key) or _FORMAL_CLOSING.match(key):
        return Role.CLOSING
    if _SMALLTALK.match(key) or _POLITENESS.match(key):
        return Role.GREETING
    if _FEELING.match(key):
        return Role.INTRO
    if _asks_plainly(text, key) or UNSURE.search(key):
        return Role.QUESTION
    if _INTRO_RE.match(key) or _NAME_INTRO.match(text.strip()) or _TITLED_NAME.fullmatch(text.strip()):
        return Role.INTRO
    return Role.CONTEXT


def _asks_plainly(text: str, key: str) -> bool:
    """A question mark, a question word or an opener: asked, not only wondered ("je ne sais pas quoi faire")."""
    return "?" in text or bool(INTERROGATIVE_START.match(key) or TAG_QUESTION.search(key)) or any(
        _opens_here(key, m.start()) for m in OPENER_RE.finditer(key))


def _wondered_before_asked(segments: list[Segment]) -> list[Segment]:
    """Not knowing what to do, said before a plainly asked question ("…je ne sais pas quoi faire. Je commence par
    quoi ?"), tells the story of that question; it is asked only when nothing is asked after it."""
    asked_later = False
    out: list[Segment] = []
    for segment in reversed(segments):
        if segment.role == Role.QUESTION and segment.text:
            if asked_later and not _asks_plainly(segment.text, folded_key(segment.text)):
                segment = Segment(text=segment.text, role=Role.CONTEXT)
            asked_later = True
        out.append(segment)
    return out[::-1]


_TRAILING_CLOSING = compiled(r"[\s,.!]+(?:merci(?:\s+(?:d|par)\s*'?\s*avance|\s+beaucoup|\s+bcp|\s+a\s+vous)?|"
                            r"cordialement|bonne\s+(?:journee|soiree))[\s,.!]*$", re.IGNORECASE)


def without_trailing_closing(text: str) -> str:
    folded = fold(text)
    match = _TRAILING_CLOSING.search(folded)
    return text[: match.start()] if match and len(folded) == len(text) and match.start() > 0 else text


def split_message(text: str) -> list[Segment]:
    """The message's parts in order, each with its role. The text is cleaned first (tags, emoji…)."""
    segments: list[Segment] = []
    starts: list[int] = []  # the index of each sentence's first segment
    sentences = split_sentences(clean(text))
    for n, sentence in enumerate(sentences):
        starts.append(len(segments))
        closed = n < len(sentences) - 1 and sentence.rstrip().endswith((".", "!", ";"))
        if n == 0 or len(segments) < 3:
            sentence, greeted = strip_greeting(sentence)
            if greeted:
                segments.append(Segment(text="", role=Role.GREETING))
            if not sentence:
                continue
        sentence = without_list_marker(sentence)
        if not sentence:
            continue
        clauses = [part for clause in _clauses(sentence) for part in _without_loss(clause)]
        for k, clause in enumerate(clauses):
            for part, introducing in split_intro(without_trailing_closing(clause),
                                                  closed=closed and k == len(clauses) - 1):
                role = role_of(part)
                asked, told = relative_tail(part) if role == Role.QUESTION else (part, "")
                asked, why = reason_tail(asked) if role == Role.QUESTION and not told else (asked, "")
                asked = without_no_use(asked) if role == Role.QUESTION else asked
                segments.append(Segment(text=asked, role=Role.INTRO if introducing and role == Role.CONTEXT else role))
                if told:
                    segments.append(Segment(text=told, role=Role.CONTEXT))
                if why:
                    segments.append(Segment(text=why, role=Role.INTRO))
    return _signed(_afterthought(_wondered_before_asked(segments), starts))


# "Y a-t-il des formations pour nous ? Je demande parce que je suis nouvelle et un peu perdue.": what follows
# the last question, once it is asked, says why the member asks, as a self-introduction does; it is not what is
# asked. Told before the question, the same story often is its subject, and stays context; so it does after a
# question too short to name one ("Que faire ? On a un conflit entre membres."), and in the question's own sentence
# ("c'est quoi la GUSP que le bailleur a évoquée").
_AFTERTHOUGHT_MIN_WORDS = 4


def _afterthought(segments: list[Segment], starts: list[int]) -> list[Segment]:
    """Without the empty parts; the context told in the sentences after the last question's read as who asks."""
    last = max((i for i, s in enumerate(segments) if s.role == Role.QUESTION and s.text), default=-1)
    after = next((start for start in starts if start > last), len(segments)) if last >= 0 else len(segments)
    if last < 0 or len(words(segments[last].text)) < _AFTERTHOUGHT_MIN_WORDS or not all(
            s.role in (Role.CONTEXT, Role.CLOSING, Role.INTRO) or not s.text for s in segments[after:]):
        after = len(segments)
    return [Segment(text=s.text, role=Role.INTRO) if i >= after and s.role == Role.CONTEXT else s
            for i, s in enumerate(segments) if s.text or s.role == Role.GREETING]


_SIGNATURE_MAX_WORDS = 8


def _signed(segments: list[Segment]) -> list[Segment]:
    """What follows a letter's closing formula without asking is its signature ("Fatou Diallo, présidente du
    conseil citoyen de Bellevue"), not a story."""
    closed = False
    out = []
    for s in segments:
        if closed and s.role in (Role.CONTEXT, Role.INTRO) and len(s.text.split()) <= _SIGNATURE_MAX_WORDS:
            s = Segment(text=s.text, role=Role.CLOSING)
        closed = closed or (s.role == Role.CLOSING and _FORMAL_CLOSING.match(folded_key(s.text)) is not None)
        out.append(s)
    return out


# "c'est quoi le NPNRU dont tout le monde parle ?", "c'est quoi la GUSP que le bailleur a évoquée": the relative
# clause tells where the member heard of the thing asked about. "que" is a relative pronoun only after "what is X".
_RELATIVE_DONT = compiled(r"\s+dont\s+")
_RELATIVE_QUE = compiled(r"(?<![\s-]ce)(?<![\s-]est)\s+(?:que\s+|qu['’]\s*)(?=(?:le|la|les|l['’]|un|une|des|mon|ma|mes|"
                         r"notre|nos|on|il|ils|elle|elles|vous|tout|j['’]|je|tu)\b)")
_WHAT_IS = compiled(r"^(?:c\s*['’]?\s*est\s+(?:quoi|koi)|c\s+koi|c\s+quoi|ses\s+quoi|"
                    r"qu\s*['’]?\s*est[\s-]+ce\s+qu\s*['’]?\s*(?:un|une|le|la|les|l))\b")
_RELATIVE_MIN_WORDS = 3


def relative_tail(question: str) -> tuple[str, str]:
    """The question without a relative clause ("dont…", "que le bailleur…" after "c'est quoi X"), and that
    clause (the story)."""
    key = fold(question)
    if len(key) != len(question):
        return question, ""
    match = _RELATIVE_DONT.search(key)
    opener = _WHAT_IS.match(key)
    if match is None and opener is not None:
        match = _RELATIVE_QUE.search(key, opener.end())
    if match is None or len(question[: match.start()].split()) < _RELATIVE_MIN_WORDS:
        return question, ""
    asked, told = question[: match.start()].rstrip(), question[match.start():].strip()
    # "le « bailleur » dont tout le monde parle, c'est le propriétaire des HLM ?": the clause ends at the comma; what
    # follows asks on about the thing.
    clause, comma, rest = told.partition(",")
    if comma and len(rest.split()) >= _RELATIVE_MIN_WORDS:
        return f"{asked}, {rest.strip()}", clause.strip()
    return asked + (" ?" if question.rstrip().endswith("?") else ""), told


# "c'est koi la diff entre le conseil citoyen et le conseil de quartier on mélange tout dans notre groupe": after
# "what is X", unpunctuated, a clause with a subject of its own that asks nothing tells why the member asks, as a
# sentence told after the question does (`_afterthought`).
# So does one whose subject is those who spoke of it: "c'est quoi le conseil citoyen ils ont mis une affiche dans le
# hall", "c quoi l'EPCI elle en parle tout le temps".
_TOLD_SUBJECT = compiled(r"\s(?=(?:on|nous|je|j|ils|elles|il|elle)\s)")


def reason_tail(question: str) -> tuple[str, str]:
    """The question without the reason told after it, and that reason ("" if none)."""
    key = flat_text(question)
    opener = _WHAT_IS.match(key)
    if opener is None or "?" in key or len(key) != len(question):
        return question, ""
    for m in _TOLD_SUBJECT.finditer(key, opener.end()):
        left, right = key[opener.end(): m.start()].split(), key[m.end():].strip(" !.")
        if len(left) >= MIN_PART_WORDS and left[-1] not in LEADS_IN and len(right.split()) >= _RELATIVE_MIN_WORDS \
                and not asks_by_words(right) and not YES_NO_START.match(right) and right.split()[-1] not in TAIL_WORDS:
            return question[: m.start()].rstrip(), question[m.end():].strip()
    return question, ""


_INTRO_TAIL = compiled(r",\s+")
# "Sylvie, 54 ans, …", "Mamadou, 52 ans, habitant de…": a name opening the sentence, an age or a role after it.
_LONE_NAME = compiled(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:[- ][A-ZÀ-Ý][a-zà-ÿ]+)?")
# "c'est Jacques, 75 ans, retraité de la marine": a name said with "c'est", an age or a role after it.
_SAID_NAME = compiled(r"(?:[Cc]['’]\s*est|[Cc]\s+est|[Cc]est|[Cc])\s+" + _TITLE + _LONE_NAME.pattern)
# "c'est Mme Petit, j'habite aux Dervallières", "Bonjour, c'est Monsieur Martin.": a name said with its title is who
# writes, alone in its clause whatever follows (as "Mme Diallo, …" is); a bare name needs an age or a role after it.
_TITLED_NAME = compiled(r"(?:[Mm]oi\s+)?(?:[Cc]['’]\s*est|[Cc]\s+est|[Cc]est|[Cc])\s+"
                        r"(?:M|Mme|Mlle|Mr|Madame|Monsieur|mme|mr|madame|monsieur)\.?\s+" + _LONE_NAME.pattern)
# "Mme Diallo, assistante maternelle, …": a title and a name open an introduction whatever follows.
_CIVILITY_NAME = compiled(r"(?:M|Mme|Mlle|Mr|Mrs|Madame|Monsieur|Mademoiselle)\.?\s+[A-ZÀ-Ý][\w'’-]+"
                          r"(?:[- ][A-ZÀ-Ý][\w'’-]+)?")
# After an introduction, a few words with no subject, no link and no question mark go on describing the member:
# "retraitée, veuve, j'habite…", "67 ans, ancien cheminot, habitant du Breil", "aide-soignante"; the last words
# of a sentence too when a full stop closes it ("je suis Mireille, 58 ans, auxiliaire de vie. Mon conseil…").
_NOT_APPOSITION = compiled(r"^(?:je|j|on|il|elle|ils|elles|nous|vous|c|ca|ce|cela|et|mais|donc|alors|du|voila|"
                           r"bref|enfin|franchement|puis|sinon|si|quand|parce|pour|avec|sans|le|la|les|l|un|une|des|"
                           r"mon|ma|mes|notre|nos)\b")
_APPOSITION_MAX_WORDS = 3


# Longer, with no subject anywhere, when it says how long or ends the sentence before another one: "adulte-relais
# à Bellevue depuis 2021.", "au conseil citoyen de Malakoff." still say where the member is and since when.
_APPOSITION_LONG_MAX_WORDS = 7


def _is_apposition(part: str, key: str, *, ends: bool = False) -> bool:
    long_enough = _APPOSITION_LONG_MAX_WORDS if (ends or _HOW_LONG.search(key)) and not HAS_SUBJECT.search(key) \
        else _APPOSITION_MAX_WORDS
    return ("?" not in part and len(key.split()) <= long_enough and not _NOT_APPOSITION.match(key)
            and not INTERROGATIVE_START.match(key) and not OPENER_RE.search(key))


# "Je suis conseillère citoyenne mais je n'ai jamais compris d'où viennent les conseils": "mais" ends who the member
# is; what follows it is the story (or the question), not more of the introduction.
_BUT = compiled(r"\s+mais\s+", re.IGNORECASE)
_BUT_MIN_WORDS = 3


# "…dans les réunions et j'ai honte", "la tour va tomber et je suis triste": a feeling joined by "et" / "mais" to
# what is told is who asks, as a feeling said alone is (its "honte" pulled the entry on shyness).
# Not understanding is no feeling here: "des papiers pour le copil et je n'y comprends rien" is what is asked about.
_LINKED = compiled(r"\s+(?:et|mais)\s+", re.IGNORECASE)
_TOLD_MIN_WORDS = 3
_NOT_UNDERSTOOD = compiled(r"^(?:je|on)\s+(?:ne\s+|n\s+)?(?:y\s+)?comprend")


def _felt(piece: str) -> bool:
    key = folded_key(piece)
    return bool(_FEELING.match(key)) and not _NOT_UNDERSTOOD.match(key)


def _without_feelings(part: str) -> list[str]:
    pieces = _LINKED.split(part)
    told = [p for p in pieces if not _felt(p)]
    # "Je suis triste et en colère": one feeling said twice, nothing told.
    if len(pieces) == 1 or len(told) == len(pieces) or any(len(p.split()) < _TOLD_MIN_WORDS for p in told):
        return [part]
    felt = [p for p in pieces if _felt(p)]
    return ([" et ".join(told)] if told else []) + felt


# "Je voudrais quitter le conseil parce que je déménage au Sénégal pour ma retraite": why the member asks says who
# asks, as an introduction does; the move and the pension are no matter asked about. Who one is given as the cause
# of a refusal ("on me refuse l'appartement parce que je suis noire") is the matter: a discrimination.
_REASON = compiled(r"\s+(?=(?:parce\s+qu|car\s|puisqu|vu\s+qu)\S*)", re.IGNORECASE)
_REASON_START = compiled(r"^(?:parce\s+que?|car|puisque?|vu\s+que?)\b")
_REASON_MIN_WORDS = 3


def _reasons(part: str) -> list[str]:
    m = _REASON.search(part)
    if m is None or len(part[: m.start()].split()) < _REASON_MIN_WORDS:
        return [part]
    reason = part[m.end():]
    if "?" in reason or role_of(reason) == Role.QUESTION:
        return [part]  # "…parce que je voudrais savoir si on peut…": the reason is the question
    return [part[: m.start()], reason]


@lru_cache(maxsize=4096)  # as `_unpunctuated_intro`
def _intro_but(part: str) -> tuple[str, ...]:
    return tuple(piece for split in _intro_ends(part) for felt in _without_feelings(split) for piece in _reasons(felt))


# "Je m'appelle Karim j'ai 23 ans j'habite Malakoff et je voudrais entrer au conseil citoyen": a wish after an
# introduction is what the member asks, not more of who they are.
_WISH_AFTER = compiled(r"\s+(?:et\s+)?(?=(?:je\s+|j['’]\s*)(?:voudrais|voulais|veux|aimerais|souhaite|souhaiterais|"
                       r"cherche|me\s+demande)\b)", re.IGNORECASE)


def _intro_ends(part: str) -> list[str]:
    m = _BUT.search(part) or _WISH_AFTER.search(part)
    if m is None or len(part[m.end():].split()) < _BUT_MIN_WORDS:
        return [part]
    head = part[: m.start()]
    if not (_INTRO_RE.match(folded_key(head)) or _NAME_INTRO.match(head.strip())):
        return [part]
    return [head, part[m.end():]]


# Members who write without punctuation chain who they are and what they ask: "moi c Kevin jai 19 ans jhabite au
# Breil depuis toujours mes potes veulent rentrer au conseil…". An introduction that opens such a run is cut apart:
# before each new "je suis / j'habite / j'ai 34 ans / je m'appelle…", after how long ("depuis 2 ans", "depuis peu",
# "ça fait 3 mois"), and before a new subject that starts telling or asking ("on voudrait savoir…", "et la
# mairie…"). What follows the introduction is left whole for the rest of the reading.
_SELF = compiled(r"^(?:et\s+)?(?:je\s+(?:m\s+appelle|m\s+apelle|m\s+apel|me\s+presente|vis|reside|travaille|habite|"
                 r"fais\s+partie)|j\s+habite|jhabite|jabite|j\s+ai\s+\d{1,3}\s+ans?|moi\s+c\s+est|moi\s+c|"
                 # "c moi kevin", "c'est moi Fatou": who writes, said the other way round.
                 r"c\s+est\s+moi|cest\s+moi|c\s+moi)\b")
# "…je suis chauffeur de bus je peux pas venir aux réunions": after who the member is, "je" with a verb that
# introduces no more starts the story or the question.
_SELF_TELLING = compiled(r"^(?:je|j)\s")
# "je suis" says who asks only before a name or a role ("je suis Mariama", "jsuis nouvelle"), not "je suis obligée".
_SELF_BEING = compiled(r"^(?:et\s+)?je\s+suis\b")
# "c Fanta", "moi c Kevin", "c'est Mme Diallo": a name said at the start of the run.
_SAID_NAME_START = compiled(r"^(?:moi\s+)?(?:c['’]\s*est|c\s+est|cest|c)\s+" + _TITLE + r"[A-ZÀ-Ý][\w'’-]+")
_HOW_LONG = compiled(r"\b(?:depuis|depui|ca\s+fait|sa\s+fait|cela\s+fait|il\s+y\s+a)\s+"
                     r"(?:(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques|plusieurs|\d+\s+et\s+demi)\s+(?:ans?|mois|semaines?|jours?)|"
                     r"(?:(?:un|une|\d+)\s+)?(?:an|ans)\s+et\s+demi|peu|toujours|longtemps|tres\s+longtemps|"
                     r"le\s+debut|l\s+an\s+dernier|l\s+annee\s+derniere|\d{4}|(?:janvier|fevrier|mars|avril|mai|juin|"
                     r"juillet|aout|septembre|octobre|novembre|decembre)(?:\s+\d{4})?)\b")
# A new subject that tells or asks: "on", "nous", "et le bailleur…"; not after a word that ties it to the
# introduction ("où on habite", "que nous aimons") nor as an object ("je vous écris"). A possessive is an object as
# often as a subject ("je représente notre association"): it starts nothing.
_TELLING_SUBJECT = compiled(r"^(?:et\s+)?(?:on|nous|vous|il|ils|elle|elles|ya|y\s+a)\b")
_TELLING_AFTER_ET = compiled(r"^et\s+(?:le|la|les|l|un|une|des|ce|cette|ces|mon|ma|mes|notre|nos|son|sa|ses|leur|leurs)\b")
_TIES = frozenset({"de", "d", "du", "des", "a", "au", "aux", "avec", "dans", "pour", "chez", "sur", "en", "par", "ou",
                   "que", "qu", "qui", "si", "quand", "comme", "entre", "sans", "et", "ni", "mais", "je", "j", "ne",
                   "n", "me", "m", "te", "t", "se", "s", "y", "on", "nous", "vous", "il", "elle"})
# "jsuis en service civique a la mairie jvoudrai savoir c koi…": a wish or a question word ends the introduction.
_ASKING_NOW = compiled(r"^(?:et\s+)?(?:(?:je|j)\s+(?:voudrais|voulais|veux|aimerais|souhaite|souhaiterais|cherche|"
                       r"me\s+demande)|comment|pourquoi|combien|est\s+ce|c\s+est\s+quoi|c\s+quoi|qu\s+est\s+ce)\b")
_RUN_MIN_WORDS = 2
# After how long, a preposition goes on saying who the member is: "depuis 12 ans avec mes trois enfants".
_GOES_ON = frozenset({"avec", "a", "au", "aux", "dans", "de", "du", "des", "d", "chez", "en", "sur", "pour", "rue",
                      "pres", "sans"})


@lru_cache(maxsize=4096)  # a message's clauses are cut again for its questions (questions.py)
def _unpunctuated_intro(part: str) -> tuple[tuple[str, bool], ...]:
    """The run cut into (piece, introduces); one piece, not introducing, when the run opens with no introduction."""
    return tuple(_unpunctuated_runs(part))


def _unpunctuated_runs(part: str) -> list[tuple[str, bool]]:
    tokens = part.split()
    keys = [folded_key(t) for t in tokens]
    if len(tokens) < 2 * _RUN_MIN_WORDS or any(not k for k in keys):
        return [(part, False)]

    def rest(i: int) -> str:
        return " ".join(keys[i:])

    def introduces(i: int) -> bool:
        said = " ".join(tokens[i:])
        return bool(_SELF.match(rest(i)) or (_SELF_BEING.match(rest(i)) and (
            _INTRO_RE.match(rest(i).removeprefix("et ")) or _NAME_INTRO.match(said.removeprefix("et ")))))

    if not (introduces(0) or _SAID_NAME_START.match(part)):
        return [(part, False)]
    pieces: list[tuple[str, bool]] = []
    start, i = 0, 1
    while i < len(tokens):
        if i - start < _RUN_MIN_WORDS:
            i += 1
            continue
        following = rest(i)
        if _HOW_LONG.match(following):  # "je suis arrivé de Pologne il y a dix ans": still who the member is
            i += 1
            continue
        if introduces(i) and keys[i - 1].split()[-1] not in _TIES - {"et"}:
            pieces.append((" ".join(tokens[start:i]), True))
            start = i
        elif ((_TELLING_SUBJECT.match(following) or _SELF_TELLING.match(following))
              and keys[i - 1].split()[-1] not in _TIES) or _TELLING_AFTER_ET.match(following) or _ASKING_NOW.match(following):
            break
        i += 1
    # How long ends who the member is: "jhabite au Breil depuis toujours mes potes veulent…".
    long_for = _HOW_LONG.search(rest(start))
    if long_for is not None:
        said = len(rest(start)[: long_for.end()].split())
        counted = itertools.accumulate(len(k.split()) for k in keys[start:])
        ends = start + next((n + 1 for n, total in enumerate(counted) if total >= said), len(tokens) - start)
        # "…depuis 12 ans avec mes trois enfants": a word that ties what follows goes on introducing.
        if ends < i and keys[ends].split()[0] not in _GOES_ON:
            i = ends
    pieces.append((" ".join(tokens[start:i]), True))
    tail = " ".join(tokens[i:])
    tail = tail[3:] if tail[:3].casefold() == "et " else tail
    if not tail:
        return pieces if len(pieces) > 1 else [(part, False)]
    return [*pieces, (tail, False)]


def split_intro(clause: str, *, closed: bool = False) -> list[tuple[str, bool]]:
    """"je suis Fatou, j'habite aux Dervallières, on a un copil…": commas after an introduction cut it off.
    Each part comes with whether it goes on introducing ("je suis Marie, 67 ans, habitante du Pin Sec").
    `closed`: a full stop ends the clause and another sentence follows (its last words ask nothing)."""
    runs = [run for part in _INTRO_TAIL.split(clause) for piece in _intro_but(part) for run in _unpunctuated_intro(piece)]
    parts = [run for run, _ in runs]
    said_intro = {run for run, introduces in runs if introduces}
    if len(parts) == 1:
        return [(clause, False)]
    out: list[tuple[str, bool]] = []
    current: list[str] = []
    introduced = False
    for n, part in enumerate(parts):
        key = folded_key(part)
        intro = bool(part in said_intro or _INTRO_RE.match(key) or _NAME_INTRO.match(part.strip()) or _FEELING.match(key)
                     or (_REASON_START.match(key) and not names_discrimination(clause))
                     or (introduced and not current and (_APPOSITION_RE.match(key) or (
                         (n < len(parts) - 1 or closed)
                         and _is_apposition(part, key, ends=closed and n == len(parts) - 1))))
                     or (n == 0 and (_CIVILITY_NAME.fullmatch(part.strip()) is not None
                                     or _TITLED_NAME.fullmatch(part.strip()) is not None))
                     or (n == 0 and (_LONE_NAME.fullmatch(part.strip()) is not None
                                     or _SAID_NAME.fullmatch(part.strip()) is not None)
                         and _APPOSITION_RE.match(folded_key(parts[1])) is not None))
        introduced = intro
        intro = intro or _CLOSING_RE.match(key) is not None
        if intro:
            if current:
                out.append((", ".join(current), False))
                current = []
            out.append((part, introduced))
        else:
            current.append(part)
    if current:
        out.append((", ".join(current), False))
    return out


def question_text(segments: list[Segment]) -> str:
    """The questions alone, or every informative part when no part reads as a question."""
    questions = [s.text for s in segments if s.role == Role.QUESTION]
    if questions:
        return " ".join(questions)
    return " ".join(s.text for s in segments if s.informative)


def informative_text(segments: list[Segment]) -> str:
    return " ".join(s.text for s in segments if s.informative)
