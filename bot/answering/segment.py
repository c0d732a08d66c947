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
    *(f"{neg} {adverb} {what}" for neg in ("je ne sais", "je sais") for adverb in (
        "pas", "meme pas", "vraiment pas", "toujours pas", "pas vraiment", "pas trop", "jamais", "plus")
      for what in ("ce que", "ce qu", "ce qui")),
)
_OPENER_RE = compiled(r"\b(?:" + "|".join(re.escape(o) for o in sorted(_QUESTION_OPENERS, key=len,
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
_INTERROGATIVE_START = compiled(r"^(?:" + "|".join(re.escape(o) for o in _QUESTION_OPENERS) + r"|ou|qui|que|quoi|"
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
def _key(text: str) -> str:
    """Folded words, SMS spellings mapped ("koi" → "quoi"), apostrophes and hyphens as spaces."""
    return " ".join(words(text))


def _sentences(text: str) -> list[str]:
    parts = [p.strip(" ,") for p in _SENTENCE_END.split(text)]
    return [p for p in parts if p and any(ch.isalnum() for ch in p)]


# Openers that, inside a sentence, do not open a question: "quand même", "quand elle a vu mon nom" (when, as a
# condition), "c'est elle qui décide de tout" (a relative clause after a pronoun).
_NOT_OPENING = compiled(r"quand\s+meme\b")
_RELATIVE_BEFORE = frozenset({"elle", "lui", "eux", "moi", "toi", "nous", "vous", "ca", "celui", "celle", "ceux",
                              "celles", "ce"})


# "je voulais savoir si on peut…", "je sais pas comment on fait": the opener is the clause these words announce.
_NEEDS_A_CLAUSE = frozenset({"si", "que", "qu", "savoir", "sais", "demande", "demander", "dire", "comprendre",
                             "expliquer"})


# "On m'a dit qu'on me rembourse mes tickets quand je vais aux réunions, c'est vrai ?": the tag asks whether all that
# was said before it is true, the "when" it holds too. Such a sentence keeps its "quand" and subject as a condition.
_TRUE_TAG = compiled(r",\s*(?:c\s*['’]?\s*est|c|c\s*['’]?\s*etait)\s+(?:vrai|normal|possible|obligatoire|oblige|"
                     r"autorise|permis|legal|interdit)\s*\?*\s*$")
_CONDITION = compiled(r"quand\s+(?:je|j|on|nous|vous|tu|il|elle|ils|elles)\b")


# "un membre qui ne vient jamais et qui bloque tout": "et qui" after a relative "qui" (a noun before it, not "c'est
# qui") goes on describing the same person; it asks nothing.
_INTERROGATIVE_BEFORE_WHO = frozenset({"est", "c", "sont", "etait", "a", "avec", "pour", "de", "par", "chez", "sur",
                                       "et", "ou", "mais", "savoir", "demande", "sais"})


def _continues_relative(key: str, start: int) -> bool:
    before = key[:start].split()
    if not key.startswith("qui", start) or len(before) < 3 or before[-1] != "et":
        return False
    return any(w == "qui" and k > 0 and before[k - 1] not in _INTERROGATIVE_BEFORE_WHO
               for k, w in enumerate(before[:-1]))


def _opens_here(key: str, start: int) -> bool:
    if _NOT_OPENING.match(key, start) or (_CONDITION.match(key, start) and _TRUE_TAG.search(key)) \
            or _continues_relative(key, start):
        return False
    before = key[:start].split()
    return not (key.startswith("qui", start) and before and before[-1] in _RELATIVE_BEFORE)


# "vous gardez mes messages combien de temps ?", "le copil c'est quand": a question word at the end of its clause
# asks about what comes before it; nothing is cut off.
_CLAUSE_END = compiled(r"[,?!.;:]|$")
_TAIL_MAX_WORDS = 2


_TRAILING_WORDS = frozenset({"combien", "cb", "quand", "comment", "pourquoi"})
_LINK_WORDS = frozenset({"et", "ou", "mais", "puis", "sinon", "alors", "donc"})


def _ends_the_clause(key: str, start: int, end: int) -> bool:
    before = key[:start].split()
    if key[start:end] not in _TRAILING_WORDS or key[:start].rstrip().endswith(",") or (
            before and before[-1] in _LINK_WORDS):  # "… et comment les effacer": a second question
        return False
    stop = _CLAUSE_END.search(key, end).start()  # type: ignore[union-attr]  # "$" always matches
    # "…mais 2 personnes ont pas d'ordi comment on fait": "how do we do it" is a question of its own, asked of all
    # that was told before it, not the manner of the clause's last verb.
    return len(key[end:stop].split()) <= _TAIL_MAX_WORDS and not _HOW_ALONE.match(key[start:stop])


def _clauses(sentence: str) -> list[str]:
    """A sentence without punctuation cut before each question opener that follows enough words."""
    key = fold(sentence)
    cuts = [0]
    for match in _OPENER_RE.finditer(key):
        start = match.start()
        if start == 0 or key[start - 1].isalnum() or not _opens_here(key, start):
            continue
        before = key[cuts[-1]:start].split()
        if len(before) >= _MIN_WORDS_BEFORE_CUT and before[-1] not in _NEEDS_A_CLAUSE and not _ends_the_clause(
                key, start, match.end()):
            cuts.append(start)
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


def _strip_greeting(sentence: str) -> tuple[str, bool]:
    """The sentence without its opening greeting ("Bonjour madame, ..."), and whether there was one."""
    tokens = sentence.split()
    folded = [_key(t) for t in tokens[:6]]  # read up to the sixth word only below: a long message's others unfolded
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
            and not _INTERROGATIVE_START.match(folded[i]):
        i += 1
    return " ".join(tokens[i:]).strip(" ,!."), True


# A statement ended by "c'est normal", "c possible", "ou pas" asks, question mark or not: "jai pa eu de rappel
# pr l atelier c normal".
# A question word ending the sentence asks too ("on di koi la bas", "le copil c'est quand"), as does "ça veut dire".
_TAG_QUESTION = compiled(r"\b(?:c\s+est|c|c\s+etait)\s+(?:normal|possible|grave|vrai|obligatoire|oblige|gratuit|"
                         r"payant|autorise|permis|legal|interdit)$|\bou\s+(?:pas|non)$|"
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
    r"(?:je|on)\s+(?:ne\s+|n\s+)?(?:y\s+)?(?:comprends|comprend)\s+(?:pas|rien|plus\s+rien)(?:\s+(?:trop|du\s+tout|bien))?)$")
_LOSS_TAIL = compiled(r"[\s,]+(?:(?:mdr|lol)\s+)?(?:(?:je|on)\s+(?:ne\s+|n['’]\s*)?(?:y\s+)?comprends?|jcomprends?)\s+"
                      r"(?:pas|pa|rien|r1|plus\s+rien)(?:\s+(?:trop|du\s+tout|bien))?[\s.!]*$")


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
_UNSURE = compiled(r"\b(?:je|j)\s+(?:ne\s+|n\s+)?sais\s+(?:pas|jamais|plus|meme\s+pas|toujours\s+pas|vraiment\s+pas|"
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
    key = _key(text)
    if not key:
        return Role.CLOSING
    if _CLOSING_RE.match(key) or _FORMAL_CLOSING.match(key):
        return Role.CLOSING
    if _SMALLTALK.match(key) or _POLITENESS.match(key):
        return Role.GREETING
    if _FEELING.match(key):
        return Role.INTRO
    if _asks_plainly(text, key) or _UNSURE.search(key):
        return Role.QUESTION
    if _INTRO_RE.match(key) or _NAME_INTRO.match(text.strip()) or _TITLED_NAME.fullmatch(text.strip()):
        return Role.INTRO
    return Role.CONTEXT


def _asks_plainly(text: str, key: str) -> bool:
    """A question mark, a question word or an opener: asked, not only wondered ("je ne sais pas quoi faire")."""
    return "?" in text or bool(_INTERROGATIVE_START.match(key) or _TAG_QUESTION.search(key)) or any(
        _opens_here(key, m.start()) for m in _OPENER_RE.finditer(key))


def _wondered_before_asked(segments: list[Segment]) -> list[Segment]:
    """Not knowing what to do, said before a plainly asked question ("…je ne sais pas quoi faire. Je commence par
    quoi ?"), tells the story of that question; it is asked only when nothing is asked after it."""
    asked_later = False
    out: list[Segment] = []
    for segment in reversed(segments):
        if segment.role == Role.QUESTION and segment.text:
            if asked_later and not _asks_plainly(segment.text, _key(segment.text)):
                segment = Segment(text=segment.text, role=Role.CONTEXT)
            asked_later = True
        out.append(segment)
    return out[::-1]


_TRAILING_CLOSING = compiled(r"[\s,.!]+(?:merci(?:\s+(?:d|par)\s*'?\s*avance|\s+beaucoup|\s+bcp|\s+a\s+vous)?|"
                            r"cordialement|bonne\s+(?:journee|soiree))[\s,.!]*$", re.IGNORECASE)


def _without_trailing_closing(text: str) -> str:
    folded = fold(text)
    match = _TRAILING_CLOSING.search(folded)
    return text[: match.start()] if match and len(folded) == len(text) and match.start() > 0 else text


def split_message(text: str) -> list[Segment]:
    """The message's parts in order, each with its role. The text is cleaned first (tags, emoji…)."""
    segments: list[Segment] = []
    starts: list[int] = []  # the index of each sentence's first segment
    sentences = _sentences(clean(text))
    for n, sentence in enumerate(sentences):
        starts.append(len(segments))
        closed = n < len(sentences) - 1 and sentence.rstrip().endswith((".", "!", ";"))
        if n == 0 or len(segments) < 3:
            sentence, greeted = _strip_greeting(sentence)
            if greeted:
                segments.append(Segment(text="", role=Role.GREETING))
            if not sentence:
                continue
        sentence = without_list_marker(sentence)
        if not sentence:
            continue
        clauses = [part for clause in _clauses(sentence) for part in _without_loss(clause)]
        for k, clause in enumerate(clauses):
            for part, introducing in _split_intro(_without_trailing_closing(clause),
                                                  closed=closed and k == len(clauses) - 1):
                role = role_of(part)
                asked, told = _relative_tail(part) if role == Role.QUESTION else (part, "")
                asked, why = _reason_tail(asked) if role == Role.QUESTION and not told else (asked, "")
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
        closed = closed or (s.role == Role.CLOSING and _FORMAL_CLOSING.match(_key(s.text)) is not None)
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


def _relative_tail(question: str) -> tuple[str, str]:
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
    asked = question[: match.start()].rstrip()
    return asked + (" ?" if question.rstrip().endswith("?") else ""), question[match.start():].strip()


# "c'est koi la diff entre le conseil citoyen et le conseil de quartier on mélange tout dans notre groupe": after
# "what is X", unpunctuated, a clause with a subject of its own that asks nothing tells why the member asks, as a
# sentence told after the question does (`_afterthought`).
# So does one whose subject is those who spoke of it: "c'est quoi le conseil citoyen ils ont mis une affiche dans le
# hall", "c quoi l'EPCI elle en parle tout le temps".
_TOLD_SUBJECT = compiled(r"\s(?=(?:on|nous|je|j|ils|elles|il|elle)\s)")


def _reason_tail(question: str) -> tuple[str, str]:
    """The question without the reason told after it, and that reason ("" if none)."""
    key = _flat(question)
    opener = _WHAT_IS.match(key)
    if opener is None or "?" in key or len(key) != len(question):
        return question, ""
    for m in _TOLD_SUBJECT.finditer(key, opener.end()):
        left, right = key[opener.end(): m.start()].split(), key[m.end():].strip(" !.")
        if len(left) >= _MIN_PART_WORDS and left[-1] not in _LEADS_IN and len(right.split()) >= _RELATIVE_MIN_WORDS \
                and not _asks_by_words(right) and not _YES_NO_START.match(right) and right.split()[-1] not in _TAIL_WORDS:
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
    long_enough = _APPOSITION_LONG_MAX_WORDS if (ends or _HOW_LONG.search(key)) and not _HAS_SUBJECT.search(key) \
        else _APPOSITION_MAX_WORDS
    return ("?" not in part and len(key.split()) <= long_enough and not _NOT_APPOSITION.match(key)
            and not _INTERROGATIVE_START.match(key) and not _OPENER_RE.search(key))


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
    key = _key(piece)
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


def _intro_but(part: str) -> list[str]:
    return [piece for split in _intro_ends(part) for felt in _without_feelings(split) for piece in _reasons(felt)]


# "Je m'appelle Karim j'ai 23 ans j'habite Malakoff et je voudrais entrer au conseil citoyen": a wish after an
# introduction is what the member asks, not more of who they are.
_WISH_AFTER = compiled(r"\s+(?:et\s+)?(?=(?:je\s+|j['’]\s*)(?:voudrais|voulais|veux|aimerais|souhaite|souhaiterais|"
                       r"cherche|me\s+demande)\b)", re.IGNORECASE)


def _intro_ends(part: str) -> list[str]:
    m = _BUT.search(part) or _WISH_AFTER.search(part)
    if m is None or len(part[m.end():].split()) < _BUT_MIN_WORDS:
        return [part]
    head = part[: m.start()]
    if not (_INTRO_RE.match(_key(head)) or _NAME_INTRO.match(head.strip())):
        return [part]
    return [head, part[m.end():]]


# Members who write without punctuation chain who they are and what they ask: "moi c Kevin jai 19 ans jhabite au
# Breil depuis toujours mes potes veulent rentrer au conseil…". An introduction that opens such a run is cut apart:
# before each new "je suis / j'habite / j'ai 34 ans / je m'appelle…", after how long ("depuis 2 ans", "depuis peu",
# "ça fait 3 mois"), and before a new subject that starts telling or asking ("on voudrait savoir…", "et la
# mairie…"). What follows the introduction is left whole for the rest of the reading.
_SELF = compiled(r"^(?:et\s+)?(?:je\s+(?:m\s+appelle|m\s+apelle|m\s+apel|me\s+presente|vis|reside|travaille|habite|"
                 r"fais\s+partie)|j\s+habite|jhabite|jabite|j\s+ai\s+\d{1,3}\s+ans?|moi\s+c\s+est|moi\s+c)\b")
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


def _unpunctuated_intro(part: str) -> list[tuple[str, bool]]:
    """The run cut into (piece, introduces); one piece, not introducing, when the run opens with no introduction."""
    tokens = part.split()
    keys = [_key(t) for t in tokens]
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
        elif (_TELLING_SUBJECT.match(following) and keys[i - 1].split()[-1] not in _TIES) or \
                _TELLING_AFTER_ET.match(following) or _ASKING_NOW.match(following):
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


def _split_intro(clause: str, *, closed: bool = False) -> list[tuple[str, bool]]:
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
        key = _key(part)
        intro = bool(part in said_intro or _INTRO_RE.match(key) or _NAME_INTRO.match(part.strip()) or _FEELING.match(key)
                     or (_REASON_START.match(key) and not names_discrimination(clause))
                     or (introduced and not current and (_APPOSITION_RE.match(key) or (
                         (n < len(parts) - 1 or closed)
                         and _is_apposition(part, key, ends=closed and n == len(parts) - 1))))
                     or (n == 0 and (_CIVILITY_NAME.fullmatch(part.strip()) is not None
                                     or _TITLED_NAME.fullmatch(part.strip()) is not None))
                     or (n == 0 and (_LONE_NAME.fullmatch(part.strip()) is not None
                                     or _SAID_NAME.fullmatch(part.strip()) is not None)
                         and _APPOSITION_RE.match(_key(parts[1])) is not None))
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


# --- several questions in one message --------------------------------------------------------

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
)
# "é" is "et" typed on a phone ("cmt on rejoint le conseil é si on peu partir").
_LINKS = (r"(?:(?:et|e)(?:\s+(?:aussi|puis|sinon|surtout|apres|ensuite|du\s+coup|pour))?|aussi|puis|sinon|ensuite|"
          r"mais\s+aussi)")
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
_MIN_PART_WORDS = 2


_APOSTROPHES_HYPHENS = re.compile(r"[’'\-]")


@lru_cache(maxsize=4096)  # a message's sentences and parts are cut and read several times in one decision
def _flat(text: str) -> str:
    """Folded, apostrophes and hyphens as spaces, same length as the text (for cutting it)."""
    return _APOSTROPHES_HYPHENS.sub(" ", fold(text))


def _folded_cuts(key: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(key)]


def _cut(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The text cut around the given (start, end) spans of its folded form, the spans themselves dropped."""
    if len(_flat(text)) != len(text):  # folding changed the length: no safe cut
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
# "le contrat de ville c quoi et il dure jusqu a quand": a second question whose question word ends it.
_TAIL_WORDS = frozenset({"quand", "combien", "quoi", "comment", "ou", "qui", "pourquoi", "koi", "cb", "cmt"})
_TAIL_ADVERBS = frozenset({"dedans", "alors", "exactement", "ensuite", "apres", "donc", "encore", "aussi", "la",
                           "concretement", "juste", "ca", "dessus", "pour", "avec"})


def _is_asked(text: str) -> bool:
    key = _key(text)
    return "?" in text or bool(_INVERSION.search(text) or _INTERROGATIVE_START.match(key) or _OPENER_RE.search(key))


def _tail_cuts(key: str) -> list[tuple[int, int]]:
    """" et " between two clauses that each ask something, the second ending on its question word."""
    cuts = []
    for m in re.finditer(r"\s+et\s+", key):
        left, right = key[: m.start()], key[m.end():].strip(" ?!.")
        tail = right.split()
        if tail and tail[-1] in _TAIL_ADVERBS:  # "et on met quoi dedans", "et on fait comment alors"
            tail = tail[:-1]
        if len(right.split()) >= 3 and tail and tail[-1] in _TAIL_WORDS and _is_asked(left):
            cuts.append((m.start(), m.end()))
    return cuts


# "le délégué du préfet c'est qui au juste, et il peut venir ?": a clause ended by its question word is a whole
# question; what "et" joins to it is another one.
_CLOSED_LEFT = compiled(r"\b(?:quoi|qui|quand|combien|comment|pourquoi|koi|cb|cmt)(?:\s+(?:au\s+juste|exactement|"
                        r"alors|donc|en\s+fait|concretement|deja|dedans|la\s+dedans))?\s*[?!]?\s*,?$")
# "c'est quoi la GUSP et elle peut nous aider ?", "c quoi un QPV et mon quartier il en fait partie": "what is"
# asks for a thing; a clause with its own subject after "et" ("il", "on", "mon quartier il…") asks something else.
_WHAT_IS_CLAUSE = compiled(r"\s+et\s+(?=(?:il|elle|ils|elles|on|je|j|vous|nous|tu|ca|sa|cela|c\s+est)\s|"
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
        if (closed and len(right.split()) >= _SECOND_MIN_WORDS and len(before) >= _SECOND_MIN_WORDS - 1
                and before[-1] not in _NOT_BEFORE | {"importe"}
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
        asks = (right.endswith("?") and not _CONFIRMING_TAG.search(right)) or _asks_by_words(right.strip(" ?"))
        if asks and (_is_asked(left) or _asks_by_words(left)):
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
                set(right[1: 1 + _ASKED_SOON]) & (_ASKING_WORDS - {"quand"})) and (
                _is_asked(left) or _asks_by_words(left) or _YES_NO_START.match(left)):
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
# The first clause must itself open as a question (not "je veux m'inscrire mais je sais pas comment faire").
_QUESTION_START = compiled(r"^(?:comment|cmt|pourquoi|combien|cb|est ce|c est quoi|c quoi|qu est ce|quel|quelle|"
                          r"quels|quelles|qui|que|quoi|a qui|a quoi|faut il|peut on|y a t il|on peut|je peux|"
                          r"je dois|on doit|il faut|ca coute|c est combien)\b")
_NOT_BEFORE = frozenset({"savoir", "dire", "expliquer", "comprendre", "pas", "sais", "demande", "voir"})
# "on doit aller au copil le mois prochain, comment on se prépare ?", "on peut avoir une subvention, comment on
# fait": after a clause opened by a modal only, "comment" asks how to do what it says — one question.
_MODAL_START = compiled(r"^(?:on peut|je peux|je dois|on doit|il faut)\b")
_HOW = compiled(r"^(?:comment|cmt)\b")
_BARE_MIN_WORDS = 3


# "vous gardez mes messages combien de temps, la mairie peut les lire ?", "on peut exclure quelqu'un, on décide
# comment ?": after a comma a clause with its own subject that asks again (question mark or question word) is a
# second question, when the clause before asked too. A clause asking only by its modal ("je dois écrire au
# bailleur, vous avez un modèle ?"; "on peut …" only before a question word), a question mark after a tag
# ("…, on pourrait prendre des volontaires non ?": the member's opinion) or after a mere alternative
# ("…, nous ou la mairie ?") asks nothing new.
_SUBJECT_COMMA_RE = compiled(r",\s*(?=(?:la|le|les|l|on|il|elle|ils|elles|vous|je|j|nous)\s)")
_ASKING_WORDS = _TAIL_WORDS - {"ou", "qui"}  # "ou" and "qui" inside a clause: mostly "or" and a relative pronoun
_CONFIRMING_TAG = compiled(r"\b(?:non|hein|pas vrai|n est ce pas)\s*\?*$")
_ALTERNATIVE = frozenset({"ou", "et"})
# "on peut exclure quelqu'un, on décide comment ?" asks whether it may be done; "je dois préparer la réunion, je
# commence par quoi ?" tells what has to be done, then asks one thing.
_MAY_START = compiled(r"^(?:on peut|je peux)\b")


def _asks_by_words(clause: str) -> bool:
    """Opens as a question, or holds a question word ("quand" only first: inside, it says when something
    happened, "elle m'a refusé l'appartement quand elle a vu mon nom")."""
    return bool((_QUESTION_START.match(clause) and not _MODAL_START.match(clause))
                or (_ASKING_WORDS - {"quand"}) & set(clause.split()))


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
        if (_asks_by_words(left) and (marked or _asks_by_words(right.strip(" ?!.")))) or (
                _MAY_START.match(left) and _asks_by_words(right.strip(" ?!."))):
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
                and _QUESTION_START.match(left) and left.split()[-1] not in _TAIL_WORDS | _NOT_BEFORE
                and not (_MODAL_START.match(left) and _HOW.match(key[m.end():]))):
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
_HAS_SUBJECT = compiled(r"\b(?:on|il|elle|ils|elles|je|j|vous|nous|c\s+est|est\s+ce)\b")
# "comment marche le tirage au sort", "combien de temps dure le contrat de ville": the verb right after the question
# word, its subject after it, is a whole clause too.
_INVERTED = compiled(r"^(?:comment|cmt|combien(?:\s+de\s+temps)?|ou|quand|pourquoi)\s+(?!(?:le|la|les|l|un|une|des|du|"
                     r"de|d|dans|en|a|au|aux|pour|par|sur|avec|chez|mon|ma|mes|ton|ta|tes|notre|nos|votre|vos|son|sa|"
                     r"ses|leur|leurs|ce|cet|cette|ces|tous|tout|toute|toutes|faire|savoir|est|c|ca|sa|qu|que|y)\b)"
                     r"\w+\s+\w")
_YES_NO_START = compiled(r"^(?:il\s+y\s+a|on\s+a\s+le\s+droit|j\s+ai\s+le\s+droit|on\s+peut|je\s+peux|il\s+faut|"
                         r"on\s+doit|je\s+dois|on\s+est\s+obliges?|je\s+suis\s+obligee?)\b")
_LEADS_IN = frozenset({"que", "qu", "si", "s", "quand", "lorsque", "lorsqu", "comme", "parce", "car", "pour", "dont",
                       "ou", "et", "mais", "donc", "sinon", "puis", "alors", "savoir", "dire", "demande", "sais",
                       "est", "ce", "c", "a", "de", "d", "en", "y", "l", "le", "la", "les", "me", "te", "se", "ne", "n",
                       "moi", "toi", "lui", "nous", "vous", "sur", "avec", "chez", "sans"}) | _TAIL_WORDS
_PRONOUN_MIN_LEFT = 4


def _pronoun_cuts(key: str) -> list[tuple[int, int]]:
    if "?" in key or not _QUESTION_START.match(key) or _MODAL_START.match(key):
        return []
    cuts: list[tuple[int, int]] = []
    start = 0
    for m in _NEW_SUBJECT.finditer(key):
        left, right = key[start: m.start()].split(), key[m.end():].strip(" !.").split()
        if len(left) < _PRONOUN_MIN_LEFT or left[-1] in _LEADS_IN or len(right) < _BARE_MIN_WORDS or not (
                _HAS_SUBJECT.search(" ".join(left)) or _INVERTED.match(" ".join(left))):
            continue
        tail = right[:-1] if right[-1] in _TAIL_ADVERBS else right
        if tail[-1] in _ASKING_WORDS or _YES_NO_START.match(" ".join(right)):
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
    announced = bool(_ANNOUNCED_RE.search(_flat(cleaned)))
    asked: list[Asked] = []
    story: list[str] = []
    # "1. combien de membres dans un conseil 2. la parité est obligatoire ?": the number ends no sentence.
    sentences = [_LIST_NUMBER_END.sub("", sentence) for sentence in _sentences(cleaned)]
    for n, sentence in enumerate(sentences):
        # "Je voudrais quitter le conseil. Et mes données, vous les gardez combien de temps ?": a wish the next sentence
        # adds to with "Et" is a request of its own, not the story of the next question.
        wish = n + 1 < len(sentences) and _flat(sentences[n + 1]).startswith("et ") and bool(
            _WISH_RE.match(_flat(sentence)))
        if n < 3:
            stripped, greeted = _strip_greeting(sentence)
            # The greeting goes, the sentence's own end stays ("Bonjour, on a un jardin." is no question).
            end = sentence[-1] if greeted and sentence[-1] in ".!:;…" and not stripped.endswith(sentence[-1]) else ""
            sentence = stripped + end if stripped else ""
        sentence = without_list_marker(_without_introduction(_without_trailing_closing(sentence).strip()))
        key = _flat(sentence)
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
        question = sentence.endswith("?") or follow_on or wish or bool(_INDIRECT_RE.search(key)) or (
            (not marked or not sentence.endswith((".", "!", ":", ";", "…"))) and role_of(sentence) == Role.QUESTION
            and (not marked or _is_asked(sentence) or bool(_TAG_QUESTION.search(_key(sentence))))) or (
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
        problems = _problems(story) if _HOW_ALONE.match(key) else []
        if len(problems) > 1:
            # "Ma patronne refuse que je parte. En plus la mairie ne paie pas le bus. On fait comment ?": one "how"
            # asked of each problem told.
            asked.extend(Asked(text=sentence, context=p) for p in problems)
            story = []
            continue
        for cut in _cut_questions(sentence, announced):
            part, _ = _relative_tail(cut)  # "…et le PRE dont parle le bailleur ?": where it was heard, not asked
            part = without_no_use(_reason_tail(part)[0])
            told, part = _told_before_what_is(part)
            told, part = (told, part) if told else _told_inside(part)
            if told:
                story.append(told)
            if asked and not story and (len(words(part)) < _MIN_PART_WORDS or (
                    asks_how_to_proceed(part) and not asks_what_it_is(asked[-1].text)
                    and not _OTHERWISE & set(key[: key.rfind(_flat(part))].split()[-2:]))):
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
# "…peut faire quelque chose ou on perd notre temps ?": "or is it no use" after a question asks nothing more.
_NO_USE_TAIL = compiled(r"[\s,]+ou\s+(?:bien\s+)?(?:(?:on|je|j|nous)\s+(?:perd|perds|perdons)\s+(?:notre|mon|son)\s+temps|"
                        r"c\s+est\s+(?:pour\s+rien|inutile|du\s+vent|du\s+blabla|peine\s+perdue)|"
                        r"(?:ca|sa|il|c)\s+(?:sert|ne\s+sert)\s+a\s+rien|(?:ca|sa|c)\s+(?:sert|vaut)\s+(?:a\s+)?rien)"
                        r"(?:\s+(?:la|du\s+coup|alors))?(?=\s*[?!.]*$)")


def without_no_use(question: str) -> str:
    """The question without a rhetorical "or is it no use" after it."""
    key = _flat(question)
    found = _NO_USE_TAIL.search(key)
    if found is None or len(key) != len(question) or len(question[: found.start()].split()) < _MIN_PART_WORDS:
        return question
    return question[: found.start()] + question[found.end():]


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
    flat = _flat(question).strip()
    return bool(_WHAT_COUNCIL_CAN_DO.match(flat) or _MAY_COMPLAIN.match(flat) or _TAKES_UP_STORY.match(flat))


# "Deuxième question, le conseil a-t-il un budget ?", "ma dernière question :", "autre chose :", "question 2 :": which
# question it is, said before it, is no part of it (its "question" drew the entry on what the hotline answers).
_LIST_MARKER = compiled(r"^(?:(?:et|ah|oh|bon|alors|ok|sinon)\s+)?(?:(?:j\s+ai\s+une|jai\s+une|une|ma|mon|la|le)\s+)?"
                        r"(?:(?:premiere|1ere|1re|deuxieme|2eme|2e|seconde|troisieme|3eme|derniere|dernier|autre|petite|"
                        r"deuxieme\s+petite|autre\s+petite|derniere\s+petite)\s+(?:question|point)\b\s*[:,.]?|"
                        r"autre\s+chose\s*[:,]|(?:question|point)\s+\d{1,2}\b\s*[:,.]?)\s*")


def without_list_marker(sentence: str) -> str:
    found = _LIST_MARKER.match(_flat(sentence))
    if found is None or len(_flat(sentence)) != len(sentence):
        return sentence
    return sentence[found.end():]


# The subject after its verb ("a-t-il", "peut-on"); not "rendez-vous", "chez-nous".
_THIRD_INVERSION = compiled(r"\w-(?:t-)?(?:il|elle|on|ils|elles)\b", re.IGNORECASE)
_LIST_NUMBER_END = compiled(r"\s+\d{1,2}\s*[.)]$")
_OR_ELSE = compiled(r"^(?:ou|ou\s+bien|ou\s+alors|ou\s+plutot|ou\s+est\s+ce\s+qu\w*)\s")
_DESPITE = compiled(r"\b(?:quand\s+meme|malgre\s+tout|malgre\s+ca|tout\s+de\s+meme)\b")
# A question that names nothing and asks only what to do: it asks it of the story before.
_HOW_ALONE = compiled(r"^(?:et\s+)?(?:(?:je|on|j)\s+(?:fais|fait|peux\s+faire|dois\s+faire)\s+(?:comment|quoi|koi|cmt)|"
                      r"comment\s+(?:je\s+fais|on\s+fait|faire)|que\s+(?:faire|dois\s+je\s+faire)|"
                      r"qu\s+est\s+ce\s+que\s+(?:je|j|on)\s+(?:peux|peut|dois|doit|fais|fait)(?:\s+faire)?)"
                      r"(?:\s+(?:alors|maintenant|dans\s+ce\s+cas))?\s*[?!.]*$")
# "En plus, on ne me rembourse pas.": a second problem added to the first, not more of its story.
_ADDED = compiled(r"^(?:et\s+)?(?:en\s+plus|de\s+plus|par\s+dessus\s+le\s+marche|autre\s+(?:chose|souci|probleme))\b")


def _problems(story: list[str]) -> list[str]:
    """The problems a story tells, each sentence that adds one ("En plus …") starting the next."""
    problems: list[str] = []
    for sentence in story:
        if problems and _ADDED.match(_flat(sentence)):
            problems.append(sentence)
        elif problems:
            problems[-1] = f"{problems[-1]} {sentence}"
        else:
            problems.append(sentence)
    return problems


def _without_introduction(sentence: str) -> str:
    """"jsuis nouvelle au conseil du Breil, on a combien de temps de mandat…": the question without the
    self-introduction that opens its sentence."""
    parts = _split_intro(sentence)
    kept = 0
    while kept < len(parts) and (parts[kept][1] or role_of(parts[kept][0]) == Role.INTRO):
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
                        r"qu est ce que|ce que c est|ce qu est|ce que sont)\b")
_WHAT_IS_ET = compiled(r"\s+et\s+(?=(?:le|la|les|l|un|une|des)\s)")
_COMPARING = frozenset({"entre", "difference", "differences", "rapport", "lien", "liens", "pareil", "meme"})


def _what_is_cut(part: str) -> list[str] | None:
    """"c'est quoi l'ANRU et le NPNRU" → "c'est quoi l'ANRU", "c'est quoi le NPNRU"; None when it is no such list."""
    key = _flat(part)
    opener = _WHAT_IS_AND.match(key)
    links = list(_WHAT_IS_ET.finditer(key))
    if opener is None or len(key) != len(part) or len(links) != 1 or _COMPARING & set(key.split()):
        return None
    first, second = part[: links[0].start()].strip(), part[links[0].end():].strip()
    if not second or _INTERROGATIVE_START.match(_key(second)):
        return None
    return [first, f"{part[: opener.end()]} {second}"]


# "on doit préparer le copil, c'est quoi ce copil déjà": a clause with its subject that tells, then "what is" after a
# comma: the clause is the story of the question.
_COMMA_WHAT_IS = compiled(r",\s*(?=(?:c est quoi|c quoi|c koi|qu est ce que|qu est ce qu)\b)")


def _told_before_what_is(part: str) -> tuple[str, str]:
    key = _flat(part)
    m = _COMMA_WHAT_IS.search(key)
    if m is None or len(key) != len(part):
        return "", part
    left = key[: m.start()].strip()
    # A topic alone before the comma ("et la gazette, c'est quoi ?") is what is asked about, not a story.
    if len(left.split()) < _SECOND_MIN_WORDS or "?" in left or _asks_by_words(left) or not _HAS_SUBJECT.search(left):
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
    key = _flat(part)
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
                has_pronoun_subject(rest)) and _HAS_SUBJECT.search(key[:b]) and not _CONDITION_START.match(key):
            found = b
    return (part[:found].strip(" ,"), part[found:].strip()) if found else ("", part)


def asks_what_it_is(question: str) -> bool:
    """"c'est quoi ce copil", "qu'est-ce que la GUSP": the question asks what a thing is."""
    return bool(_WHAT_IS_AND.match(_flat(question).strip()))


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
        if len(left) >= _BARE_MIN_WORDS and left[-1] not in _LEADS_IN and _asks_by_words(" ".join(left)):
            cuts.append((m.start(), m.end()))
    return cuts


# "vous avez des modèles de documents et aussi des exemples d'actions d'autres conseils": "et aussi" then a thing
# named at length asks the same of that other thing.
_ALSO_THING = compiled(r"\s+(?:et|mais)\s+aussi\s+(?=(?:des|du|un|une|le|la|les|l|de)\s)")
_ALSO_MIN_WORDS = 4


def _also_cuts(key: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ALSO_THING.finditer(key)
            if len(key[m.end():].split()) >= _ALSO_MIN_WORDS and len(key[: m.start()].split()) >= _BARE_MIN_WORDS]


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


def _cut_questions(sentence: str, announced: bool) -> list[str]:
    parts = _cut(sentence, _folded_cuts(_flat(sentence), _NUMBERED_RE))
    cut: list[str] = []
    for part in parts:
        key = _est_as_et(_flat(part))
        spans = (_folded_cuts(key, _SECOND_RE) + _folded_cuts(key, _FOLLOW_ON_RE) + _tail_cuts(key)
                 + _closed_cuts(key) + _what_is_clause_cuts(key) + _et_subject_cuts(key) + _est_ce_cuts(key)
                 + _also_cuts(key) + _after_tag_cuts(key) + _et_pronoun_cuts(key))
        spans = [(a, b) for a, b in spans if not _continues_relative(key, b)]
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
_LEAD_WORDS = _LINK_WORDS | frozenset({"ah", "oh", "euh", "bon", "ben", "ok"})
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
        if said and (set(said) <= _OPEN_WORDS | _TAIL_WORDS | _LEAD_WORDS or _WISH_ONLY.match(" ".join(said)) or (
                asks_how_to_proceed(key[start:a]) and "est" not in said and _WHOM_OR_WHERE.match(key, b))):
            continue
        kept.append((a, b))
        start = b
    return kept


_ELLIPTIC_RE = compiled(r"et\s+(?:pour\s+|si\s+|moi\b|nous\b|(?:le|la|les|l|un|une|des|du|mon|ma|mes|notre|nos)\s)")
_ELLIPTIC_MAX_WORDS = 6


def is_elliptic(question: str) -> bool:
    """"et le chef de projet ?", "et pour les jeunes ?": a short question that leaves its verb to the one before."""
    return bool(_ELLIPTIC_RE.match(_flat(question))) and len(words(question)) <= _ELLIPTIC_MAX_WORDS


# "…si j'ai un souci avec ça ?", "et pour ça je fais comment ?": the question points back at the one before.
# "en" before the verb stands for the thing too: "et on fait comment pour en avoir ?", "on peut en bénéficier ?".
_BACK_RE = compiled(r"\b(?:avec|pour|de|a|sur|contre|par)\s+(?:ca|cela)\b|\b(?:ca|cela)\s*[?!.]*$|"
                    r"\ben\s+(?:avoir|obtenir|demander|beneficier|profiter|recevoir|toucher)\b")


def refers_back(question: str) -> bool:
    return bool(_BACK_RE.search(_flat(question).strip()))


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


def asks_its_use(question: str) -> bool:
    """Whether a question asks only what the thing named before is for ("et ça sert à quoi pour nous ?")."""
    return bool(_ITS_USE_RE.match(_flat(question).strip()))


def has_pronoun_subject(question: str) -> bool:
    return bool(_PRONOUN_SUBJECT.match(_flat(question).strip()))


def points_back(question: str) -> bool:
    """"on met quoi dedans ?": an open question about the thing named before (what goes in it) asks something new;
    "on est dedans ?" only checks the first answer again (its related questions are under it)."""
    key = _flat(question).strip()
    return bool(_POINTING_RE.search(key)) and bool(_OPEN_WORDS & set(key.split()))


_OPEN_WORDS = frozenset({"quoi", "koi", "que", "qu", "comment", "cmt", "combien", "cb", "qui", "quel", "quelle", "quels",
                         "quelles"})

