"""Asking for a simpler answer: "je comprends rien", "c'est trop compliqué", "en clair ?". "je comprends pas le
rôle du préfet" is a question of its own."""

from __future__ import annotations

from bot.answering.acts.reading import FILLER, phrases

# "vous pouvez me le redire…", "tu peux me réexpliquer…": the polite frame of asking it again, which asks nothing else.
_ASKING_AGAIN = phrases(r"(?:vous pouvez|pouvez vous|vous pourriez|pourriez vous|tu peux|peux tu|tu pourrais|"
                        r"pourrais tu)(?: me| m| nous)?(?: le| la| l| ca| cela)? (?:redire|repeter|reexpliquer|"
                        r"expliquer|reformuler|dire|ecrire|reecrire)(?: ca| cela| le| la)?")
# "avec des mots de tous les jours", "en termes courants": the words of everyday speech, not the hotline's.
_EVERYDAY = r"(?:de tous les jours|du quotidien|de la vie (?:courante|quotidienne|de tous les jours)|courants?|ordinaires?)"
_SIMPLER = phrases(
    # "j'ai pas saisi le passage sur l'association": a part of the answer just read, pointed at.
    r"(?:(?:j ai|g|ai|je n ai) )?(?:pas|rien) (?:compris|saisi|capte|pige|suivi) (?:a )?(?:le|la|ce|cette|l) "
    r"(?:passage|partie|phrase|paragraphe|bout|histoire) (?:sur|concernant|avec|de|du|des|d)(?: \w+){1,3}",
    r"(?:je |j )?(?:ne )?(?:comprends|comprend|capte|pige|saisis) (?:pas|rien|rien a) (?:a )?(?:ce que (?:vous dites|tu dis|"
    r"vous voulez dire|ca veut dire|vous ecrivez|vous m ecrivez)|votre reponse|la reponse|vos explications|"
    r"votre message|ce message)",
    r"(?:je |j )?(?:ne )?(?:comprends|comprend|compren|capte|pige|saisis) (?:pas|rien|plus|toujours pas|que dalle|"
    r"pas grand chose|pas tout|pas bien|pas vraiment)",
    r"(?:j ai|g|ai|je n ai|n ai) (?:pas|rien|pas tout|pas bien|pas vraiment|pas trop) (?:compris|capte|pige|saisi)",
    # "j'avais pas compris ça comme ça": a misreading owned, in the past, now set right (an ok, `closing`).
    r"(?<!avais )(?<!avait )pas compris",
    r"rien compris", r"plus simple(?:ment)?", r"en simple",
    r"trop (?:complique|compliquee|dur|difficile|long|longue|technique|de texte|a lire)",
    # "je parle pas bien le français", "le français c'est pas ma langue": the member's French, reason enough to ask
    # for plainer words.
    r"(?:je |j )?(?:ne )?parle (?:pas|mal|pas bien|pas tres bien|pas beaucoup|un peu|peu) (?:bien |tres bien )?"
    r"(?:le )?francais",
    r"(?:le )?francais (?:c est|c|ce n est|n est|est) pas (?:encore |vraiment )?ma (?:langue|premiere langue|"
    r"langue maternelle)",
    r"(?:j ai |g |ai )?pas (?:tout |bien |vraiment )?(?:lu|suivi)",
    r"c est a dire", r"cad", r"autrement dit", r"^plus clair\w*",
    r"(?:etre|soyez|sois|faire|dites|dire|expliquer|expliquez|ecrire) (?:un peu )?plus (?:clair\w*|court\w*|simple\w*)",
    r"plus court\w*", r"^(?:quoi|comment|pardon|hein quoi|quoi donc|ah bon)$",
    r"(?:c est|c|ca a l air|c etait|ca parait) (?:trop |vraiment |super |bien |un peu |tres )?(?:complique|compliquee|"
    r"difficile|flou|floue|confus|confuse|obscur|technique)",
    r"en (?:resume|bref|gros|deux mots|quelques mots|une phrase)", r"resum\w*", r"version courte",
    r"(?:c est |c |ce n est )?pas (?:tres |super |vraiment |assez |du tout )?clair\w*",
    r"(?:re)?expliqu\w* (?:moi |nous |le |la |ca |cela |les )?(?:avec (?:des |d autres |un )?(?:mots|termes|exemples?)|"
    r"en (?:mots|termes)|"
    r"autrement|mieux|plus simplement|simplement|plus clairement|clairement|de (?:facon|maniere) simple)"
    r"(?: (?:plus )?(?:simples?|clairs?|faciles?)| " + _EVERYDAY + r")?",
    r"(?:re)?dites? (?:le |moi |ca )?(?:autrement|plus simplement|simplement)", r"reformul\w*",
    r"(?:re)?dire (?:le |ca )?(?:autrement|plus simplement)", r"simplifi\w*", r"vulgaris\w*", r"reexpliqu\w*",
    r"en (?:bon )?francais", r"en (?:langage|mots|termes|clair) ?(?:simples?|clairs?|courants?|normal|normaux)?",
    r"(?:des |d autres |avec des )?(?:mots|termes|phrases) (?:(?:plus )?(?:simples?|faciles?)|" + _EVERYDAY + ")",
    r"trop de (?:mots|termes|sigles) (?:compliques|techniques|difficiles)?", r"c est (?:du )?chinois",
    # "c'est quoi tous ces mots ?": the answer's words, all of them, asked about.
    r"(?:c est|c) quoi (?:tous |tout |toutes )?(?:ces|vos) (?:mots|termes|sigles|trucs)", r"charabia", r"jargon",
    r"incomprehensible\w*", r"pour les nuls",
    r"comme (?:a|pour|si j etais) (?:un|une) (?:enfant|gamin|gamine|debutant|debutante)",
    r"comme (?:si j avais|a un enfant de|pour un enfant de|a quelqu un de) \d+ ans", r"^(?:c est|c) quoi(?: ca)?$",
    r"je suis perdu", r"je suis perdue",
    # "je vois pas trop ce que ça veut dire": what the answer means, not seen.
    r"(?:je )?(?:ne )?vois pas (?:trop |bien |vraiment |tres bien )?(?:ce que (?:ca|cela|vous|c|ce) (?:veut|voulez|"
    r"veulent) dire|de quoi (?:vous parlez|il s agit|ca parle))",
    r"ca veut dire quoi", r"sa veut dire quoi", r"quoi ca veut dire", r"^hein", r"pardon", r"comment ca",
    # "de quoi ?" alone; "on y parle de quoi ?" asks what is talked about.
    r"kesako", r"(?<!parle )(?<!parlent )(?<!parlez )(?<!parler )(?<!parlera )de quoi", r"c est quoi ca",
    r"je suis pas sur d avoir compris",
    r"(?:je )?(?:ne )?(?:suis )?(?:pas )?sure? de (?:bien )?(?:comprendre|avoir compris)",
)


# Said beside a request for simpler words, these ask nothing else: an apology ("désolée mais…"), for whom it is hard
# and what is ("c'est trop compliqué pour moi, tous ces mots").
_BESIDE = phrases(r"(?:a )?ce que (?:vous venez|tu viens) de (?:dire|ecrire|repondre|m ecrire|me dire|m expliquer)",
                  # "je comprends pas trop ce que vous m'avez répondu": the answer just given, pointed at.
                  r"(?:pas )?(?:trop |bien |vraiment )?(?:a )?ce que (?:vous|tu) (?:m |nous )?(?:avez|as) (?:dit|ecrit|"
                  r"repondu|explique)",
                  r"desolee?s?", r"excusez moi", r"excuse moi", r"je m excuse", r"pour moi",
                  r"(?:tous |tout |toutes )?(?:ces|vos|tes) (?:mots|termes|sigles|phrases)(?: la)?")


def asks_simpler(key: str) -> bool:
    """Whether the folded message asks for the last answer said more simply, and nothing else. The polite frame is
    set aside before the request too: in "pourriez-vous me l'expliquer avec des mots plus simples", the request takes
    the verb the frame needs."""
    if not _SIMPLER.search(key):
        return False
    rests = (_BESIDE.sub(" ", _ASKING_AGAIN.sub(" ", _SIMPLER.sub(" ", key))),
             _BESIDE.sub(" ", _SIMPLER.sub(" ", _ASKING_AGAIN.sub(" ", key))))
    return min(len([w for w in rest.split() if w not in FILLER]) for rest in rests) <= 2


# "vous pouvez l'expliquer plus simplement ?", "je comprends pas votre réponse": the request names an answer given.
_AN_ANSWER_NAMED = phrases(r"(?:votre|ta|la|cette) reponse", r"(?:vous|tu) (?:m |nous )?(?:avez|as|venez de|viens de) "
                           r"(?:dit|ecrit|repondu|explique|dire|ecrire|repondre|expliquer)",
                           r"(?:l|le|la|me l|me le|me la) (?:expliquer|reexpliquer|redire|reformuler|dire autrement)")


def names_an_answer(key: str) -> bool:
    """Whether a request for simpler words points at an answer the hotline gave (none given: nothing to simplify, and
    no entry is to be guessed from its words)."""
    return bool(_AN_ANSWER_NAMED.search(key))
