"""Closing a conversation: thanks, goodbye, ok (or a greeting alone), with words of appreciation or of what the
member will do next ("merci pour votre réponse rapide", "d'accord je vais voir ça"), as long as nothing is asked."""

from __future__ import annotations

import re

from bot.answering.acts.kinds import Act
from bot.answering.acts.reading import FILLER, phrases
from bot.cache import compiled

_SMILEY_THANKS = frozenset("🙏👍👌❤💯🥰😍🤗✅")

# Whole messages that close a conversation (compared after removing repeated words and greetings).
_THANKS = phrases(
                  # "merci d'avoir pris le temps de me répondre": thanks for what was done (a past infinitive), which
                  # asks nothing ("merci de me dire…" asks).
                  r"(?:merci|remercie|remercions|remercier) (?:\w+ ){0,2}?(?:d avoir|pour avoir|d etre|pour etre)"
                  r"(?: (?!quand|comment|combien|pourquoi|qui|quel|quelle|quels|quelles|ou|mais|sinon)\w+){1,9}$",
                  r"merci\w*", r"remerci\w*", r"thanks?", r"thx", r"mrc", r"mci", r"c (?:est )?(?:tres |trop |super |"
                  r"vraiment )?gentil\w*",
                  # "vous êtes top", "tu es un ange": praise of the hotline thanks it.
                  r"(?:vous etes|tu es|t es) (?:trop |vraiment |super |tres )?(?:gentil\w*|top|au top|super|"
                  r"geniale?s?|geniaux|formidables?|adorables?|parfaite?s?|des anges?|un ange|efficaces?)",
                  r"trop gentil\w*",
                  r"super gentil\w*", r"top", r"parfait", r"genial", r"nickel", r"super", r"cool", r"excellent",
                  r"impeccable", r"au top", r"ca m aide", r"ca m a aide", r"vous m avez (?:bien |beaucoup |vraiment )?"
                  r"(?:aide\w*|depanne\w*|sauve\w*|eclaire\w*|rendu service|rendu un grand service)",
                  # "ça répond à ma question": the answer said to fit what was asked.
                  r"(?:ca|cela|vous avez|vous) (?:a )?(?:bien |parfaitement |tout a fait |exactement )?(?:repond|repondu)"
                  r"(?: bien| parfaitement| tout a fait| exactement)? a "
                  r"(?:ma|mes|notre|nos) questions?",
                  r"c est clair", r"tres clair", r"bravo", r"formidable", r"sympa", r"trop bien",
                  r"grand merci", r"mille merci\w*",
                  # "grâce à vous je vais pouvoir l'expliquer": what the help made possible thanks too.
                  r"grace a (?:vous|toi|votre aide|ton aide|votre reponse|vos reponses)",
                  # "que Dieu vous garde", "qu'Allah vous bénisse": a blessing thanks.
                  r"(?:que |qu )?(?:dieu|allah) (?:vous |te |nous )?(?:garde|benisse|protege|recompense)")
# "bonne soiré", "bonne journé": the final "e" of "-ée" is often left out.
# "je vous souhaite une bonne soirée": the wish said whole.
_WISH = r"(?:(?:je vous|je te|nous vous|on vous) souhaite (?:une |un )?)?"
_BYE = phrases(r"au revoir", r"a bientot", r"a plus", r"a \+", r"bye", r"ciao", r"tchao", r"a la revoyure",
               _WISH + r"bonne (?:journee?|soiree?|"
                r"nuit|fin de journee|semaine|continuation|fin de semaine|week end|fin d apres midi|apres midi|"
                r"fin de soiree|fete|fetes|annee|rentree)", _WISH + r"bon (?:week end|weekend|apres midi|dimanche|courage|"
                r"dimanche|samedi)", r"a demain",
                # "à la prochaine réunion", "à mardi": see you at the next meeting, not a question about it (before
                # "à la prochaine", which would leave "réunion" behind).
                r"a la prochaine (?:fois|reunion|rencontre|seance|permanence)", r"a la semaine prochaine",
                r"a (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?: prochain)?",
                r"a la prochaine", r"a tout a l heure", r"a plus tard",
                r"salut (?:a )?(?:vous|tous)?$", r"bisous?", r"bises", r"je vous laisse", r"je te laisse",
                r"on se laisse", r"je m en vais", r"je file", r"je me sauve", r"j y vais", r"je dois y aller",
                # "bonne soirée je dois aller chercher les enfants": leaving, and why.
                r"je dois (?:y )?(?:aller|partir|filer) (?:chercher|recuperer) (?:les|mes|ma|mon|le|la) \w+"
                # "…chercher les petits à l'école": and where they are.
                r"(?: (?:a l|a la|au|a|chez la|chez le) (?:ecole|creche|college|garderie|nounou|centre|cantine|"
                r"sortie de l ecole))?",
                # "je dois partir au travail": leaving, and where to.
                r"je dois (?:y )?(?:aller|partir|filer|retourner) (?:au|a l|a la) (?:travail|boulot|taf|bureau|usine|"
                r"ecole|creche|marche|magasin)",
                r"on se reparle", r"je reviens vers vous", r"je reviendrai", r"on se tient au courant")
_OK = phrases(r"oki ?doki", r"okidoki", r"ok+", r"(?:ok)+",
              r"okay", r"oki", r"okey", r"d accord", r"d acc?", r"dacc", r"dac+", r"daccord",
               r"ca marche", r"sa marche", r"entendu", r"compris", r"bien recu", r"recu", r"tres bien", r"bien",
               r"c est bon", r"ca va", r"oui", r"ouais", r"ah", r"ah d accord", r"je vois", r"vu", r"noted?", r"note",
               r"parfait", r"ca roule", r"pas de souci", r"pas de probleme", r"pas de soucis", r"c est note",
               r"je note", r"ok ok", r"bon ben", r"tres bien",
               # "bon je vais me débrouiller", "ah je savais pas": the member takes it from there, or learnt it.
               r"(?:je vais|on va|je vais bien|on va bien) (?:me|nous|se) debrouiller", r"je me debrouillerai",
               r"je (?:ne )?(?:le )?(?:savais|connaissais) pas(?: ca)?",
               r"c est (?:deja |beaucoup |bien |tout de suite |vachement |un peu )?plus clair", r"(?:je comprends|je vois) mieux",
               # "ah j'avais mal compris", "j'avais pas vu ça comme ça": a misreading owned, in the past, now set
               # right ("j'ai pas compris", in the present, still asks for a simpler answer).
               r"(?:je |j )?(?:l |le |la )?avais (?:mal (?:compris|lu|vu|saisi)|pas (?:compris|vu|saisi|pige|lu)(?: ca| cela| "
               r"les choses)? (?:comme ca|comme cela|ainsi|de cette (?:facon|maniere)|sous cet angle|dans ce sens))")
# "madame ou monsieur", "mesdames et messieurs": the formal address, whose "ou" asks nothing (not "où").
_ADDRESS = r"(?:madame|monsieur|mesdames|messieurs) (?:ou|et) (?:madame|monsieur|mesdames|messieurs)"
_ADDRESSED = phrases(_ADDRESS)
_GREETING = phrases(_ADDRESS, r"bonjour\w*", r"bonsoir", r"salut", r"coucou", r"hello", r"hey", r"hi", r"yo", r"cc",
                    r"wesh", r"re", r"rebonjour", r"allo", r"madame", r"monsieur", r"ca va", r"comment (?:ca|allez) "
                    r"(?:va|vous)", r"vous allez bien", r"tout le monde", r"a tous")
# Words that say "that was useful, I will act on it" after a thanks or an ok ("merci pour votre réponse rapide",
# "d'accord je vais voir ça", "c'est exactement ce que je cherchais"): they change nothing to the closing.
_ACK = frozenset({
    # "merci énormément", "je vous remercie sincèrement": how much, or how truly, one thanks.
    "enormement", "sincerement", "chaleureusement", "vivement", "grandement", "profondement",
    "rapide", "rapides", "rapidement", "clair", "claire", "clairs", "claires", "clairement", "precis", "precise",
    "precises", "complet", "complete", "completes", "utile", "utiles", "interessant", "interessante", "sympa",
    "gentil", "gentille", "gentils", "efficace", "exactement", "pile", "parfaitement", "super", "top", "nickel",
    "ce", "que", "qu", "dont", "me", "m", "cherchais", "voulais", "fallait", "avais", "besoin", "aidee", "aides",
    "aidees", "aider", "retour", "explication", "precision", "precisions", "info", "infos", "lien", "liens",
    "patience", "disponibilite",
    # "merci pour votre gentillesse et votre écoute": the kindness thanked for, as the time or the patience is.
    "gentillesse", "bienveillance", "ecoute", "comprehension",
    "vais", "va", "allons", "voir", "regarder", "regarde", "lire", "essayer",
    "essaie", "noter", "note", "retenir", "appeler", "contacter", "transmettre", "partager", "faire", "fais",
    "reflechir", "penser", "occuper", "occupe", "avez", "as", "plus", "mieux", "maintenant", "compris",
    "comprends", "vois", "cela", "ceci", "tout", "suite", "tard", "demain", "ensuite", "apres", "aussi",
    "sujet", "ici", "ok", "chose", "equipe", "dis", "dit", "etait", "ete", "comprend", "toutes", "tous", "toute", "cette", "ces",
    "cet", "un", "une", "des", "vos",
    "ta", "tes", "part", "ai", "avoir", "eu", "trouve", "trouver", "repondu",
    # "je reviendrai vers vous si besoin": coming back only when needed
    "vers", "si", "jamais", "cas", "necessaire",
    # "à plus tard inchallah": God willing, said with a goodbye.
    "inchallah", "inshallah", "incha", "insha", "allah",
    # "ah mince, j'avais mal compris": an exclamation at one's own mistake.
    "mince", "zut", "oups", "oupsi",
})
_INTENT = compiled(r"(?:^|\s)(?:je|j|on|nous) (?:m en |en |le |la |les |y )?(?:vais|va|allons|vas|transmets|transmettrai|"
                  r"regarde|regarderai|verrai|note|reviens|reviendrai|passe|passerai|occupe|parle|parlerai|lis|"
                  r"lirai|essaie|essaierai|appelle|appellerai|contacte|contacterai|comprends|comprend|vois)"
                  r"(?: \w+){0,9}$")
# What still makes a message a question or a request after a thanks ("merci, et c'est quand ?").
_ASKING = compiled(r"(?:^|\s)(?:quand|comment|combien|pourquoi|qui|quel|quelle|quels|quelles|ou|est ce|"
                  r"mais|sinon|par contre|autre|voudrais|voudrait|veux|souhaite|souhaiterais|aimerais|pouvez|"
                  r"pourriez|peux|pourrais|dois|faut|savoir|de me|de m|de nous)(?=\s|$)")
# "a+", "allez a+", "merci, à+": "à plus", lost once "+" is dropped.
_SEE_YOU = compiled(r"^\s*(?:(?:allez|aller|bon|ben|bah|ok|oki|merci|bye|salut|ciao)\b[\s,.!]*)*(?:a|à)\s*\+\s*!*\s*$",
                    re.IGNORECASE)

def _only(key: str, *patterns: re.Pattern[str], also: frozenset[str] = frozenset()) -> bool:
    """Whether the message is nothing but these phrases (and filler words, and the words in `also`)."""
    rest = key
    for pattern in patterns:
        rest = pattern.sub(" ", rest)
    leftover = [w for w in rest.split() if w not in FILLER and w not in also]
    return not leftover and rest.strip() != key.strip()


# "ça m'aide beaucoup pour la réunion de ce soir": what the help is for, said at the end of a thanks, asks nothing.
_HELPS_FOR = compiled(r"(?:^|\s)(?:vous (?:m|nous) avez (?:bien |beaucoup |vraiment )?(?:aidee?s?|depannee?s?|sauvee?s?|"
                      r"rendu service)|(?:ca|cela|vous) (?:(?:m|nous) (?:aide|aidez|a aide|a bien aide|avez aide|aidera|"
                      r"aiderez|sera utile|sert|servira)|(?:va|allez) (?:m|nous) (?:aider|servir|etre utile))|"
                      # "c'est très utile pour notre prochaine réunion"
                      r"c est (?:tres |vraiment |super |bien |hyper |trop )?(?:utile|precieux|pratique|parfait)|"
                      # "c'est exactement ce qu'il me fallait pour la réunion de ce soir"
                      r"c est (?:exactement |pile |tout a fait )?ce (?:qu il (?:me|nous) fallait|que je cherchais|"
                      r"que je voulais|dont (?:j avais|on avait|nous avions) besoin))"
                      r"(?: beaucoup| bien| vraiment| enormement| bcp)? pour "
                      r"(?:la|le|les|l|ma|mon|mes|notre|nos|cette|ce|cet|demain)(?: \w+){0,6}$")


# "merci pour l'info sur le FPH", "ok merci pour la réponse sur le copil": what the answer was about, said at the end of
# a thanks, asks nothing; nor does what is now understood ("grâce à vous je comprends mieux le contrat de ville").
_ANSWER_ABOUT = compiled(r"(?:^|\s)(?:reponse|reponses|info|infos|information|informations|explication|explications|"
                         r"precision|precisions|aide|conseil|conseils|renseignement|renseignements) (?:sur|concernant|"
                         r"pour|a propos (?:de|du|des|d)|au sujet (?:de|du|des|d)) (?:\w+ ){0,4}\w+$")
# "merci pour l'info sur les réunions en visio, ça m'aide bien", "merci pour la réponse sur le copil c'est très clair":
# the answer's subject, then words that close, asks nothing either.
_ANSWER_ABOUT_OPENS = compiled(r"(?:^|\s)(?:reponse|reponses|info|infos|information|informations|explication|"
                               r"explications|precision|precisions|aide|conseil|conseils|renseignement|renseignements|"
                               r"lien|liens) (?:sur|concernant|pour|vers|a propos (?:de|du|des|d)|au sujet (?:de|du|des|d))"
                               r"(?=\s)")
ANSWER_SUBJECT_MAX_WORDS = 5
_UNDERSTOOD_NOW = compiled(r"(?:^|\s)(?:je|j) (?:comprends|comprend|vois|connais|ai (?:bien )?compris) (?:beaucoup |bien "
                           r"|un peu )?mieux(?: \w+){1,5}$")


def closing(text: str, key: str) -> bool:
    """Thanks, goodbye or ok, alone or with words of appreciation or of what the member will do next
    ("merci pour votre réponse rapide", "d'accord je vais voir ça"), as long as nothing is asked."""
    if _only(key, _THANKS, _BYE, _OK, _GREETING):
        return True
    key = _UNDERSTOOD_NOW.sub(" je vois", _ANSWER_ABOUT.sub(" reponse", _HELPS_FOR.sub(" ca m aide", key)))
    # A goodbye's own words ask nothing: "je vous souhaite une bonne soirée", "je dois y aller".
    if "?" in text or _ASKING.search(_BYE.sub(" ", _THANKS.sub(" ", _ADDRESSED.sub(" ", key)))):
        return False
    return any(_closes(k) for k in (key, *_without_subject(key)))


def _without_subject(key: str) -> list[str]:
    """The message with the answer's subject said after "merci pour l'info sur…" set aside, for each length it may
    have ("l'info sur les réunions en visio, ça m'aide bien": the subject is what comes before the closing words)."""
    found = _ANSWER_ABOUT_OPENS.search(key)
    if found is None:
        return []
    after = key[found.end():].split()
    return [f"{key[: found.start()]} reponse {' '.join(after[n:])}"
            for n in range(1, min(ANSWER_SUBJECT_MAX_WORDS, len(after)) + 1)]


def _closes(key: str) -> bool:
    # Spaced as `closed` is: what the closing words took away is told by comparing the two (" reponse", left of
    # "aide pour le dossier fph" once its subject is set aside, is no closing).
    key = " ".join(key.split())
    closed = " ".join(_GREETING.sub(" ", _OK.sub(" ", _BYE.sub(" ", _THANKS.sub(" ", key)))).split())
    # Counted once the thanks, goodbyes and greetings are set aside ("merci beaucoup madame c'est très clair, je vais
    # en parler à la prochaine réunion" is a thanks and what comes next).
    if len(closed.split()) > 14:
        return False
    # After an ok or a thanks, what the member will do next closes too: "entendu, je vais en parler au conseil".
    rest = _INTENT.sub(" ", closed) if closed != key else closed
    return rest != key and all(w in FILLER or w in _ACK for w in rest.split())



def closing_acts(text: str, key: str) -> list[Act]:
    """The closing acts of a message (`key`: folded): a thanks smiley alone, "à +", thanks, goodbye, ok or greeting."""
    found: list[Act] = []
    if not key and set(text) & _SMILEY_THANKS:
        found.append(Act.THANKS)
    if _SEE_YOU.match(text):
        found.append(Act.BYE)
    if key and closing(text, key):
        if _THANKS.search(key):
            found.append(Act.THANKS)
        if _BYE.search(key):
            found.append(Act.BYE)
        if not _THANKS.search(key) and not _BYE.search(key):
            found.append(Act.GREETING if _GREETING.search(key) and not _OK.search(_GREETING.sub(" ", key))
                         else Act.OK)
    return found


SMALL_TALK_WORDS = FILLER | _ACK  # words that add nothing to an act ("vraiment", "encore", "tout")
