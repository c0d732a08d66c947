"""Word lists for French as members write it: SMS spellings, idioms, stopwords. Accent-free, lower case.

simplemma's French dictionary, folded the same way, is read from bot/answering/lemmas.py.
"""

from __future__ import annotations

# SMS and spoken spellings → plain words (each value may be several words).
SMS: dict[str, str] = {
    "koi": "quoi", "kwa": "quoi", "quoa": "quoi", "koa": "quoi", "qoi": "quoi",
    "ke": "que", "k": "que", "kel": "quel", "kelle": "quelle", "kels": "quels", "kelles": "quelles",
    "ki": "qui", "kan": "quand", "qd": "quand", "kand": "quand", "quant": "quand",
    "ce": "ce", "c": "c", "cé": "c est", "ces": "ces", "cest": "c est", "sest": "c est", "ses": "ses",
    "g": "j ai", "jai": "j ai", "jsp": "je ne sais pas", "jsais": "je sais", "chai": "je sais",
    "jveux": "je veux", "jvoudrais": "je voudrais", "jpeux": "je peux", "jpe": "je peux", "jdois": "je dois",
    "jsuis": "je suis", "jsui": "je suis", "jcomprend": "je comprends", "jcomprens": "je comprends",
    "jcapte": "je capte", "jcomprenpa": "je comprends pas", "jpige": "je pige", "chepa": "je ne sais pas",
    "r1": "rien", "ri1": "rien",
    "mrci": "merci", "merki": "merci", "chui": "je suis", "chuis": "je suis", "jss": "je suis", "jcomprends": "je comprends",
    "pr": "pour", "pour": "pour", "pk": "pourquoi", "pq": "pourquoi", "pkoi": "pourquoi", "pourkoi": "pourquoi",
    "cmt": "comment", "cmnt": "comment", "coment": "comment", "komment": "comment", "cb": "combien",
    "combin": "combien", "cbien": "combien",
    "svp": "", "stp": "", "plz": "", "pls": "", "svpl": "",
    "bcp": "beaucoup", "tjrs": "toujours", "tjs": "toujours", "mtn": "maintenant", "mnt": "maintenant",
    "dc": "donc", "ds": "dans", "ac": "avec", "avc": "avec", "vs": "vous", "ns": "nous", "tt": "tout",
    "tte": "toute", "tts": "tous", "qq": "quelque", "qqn": "quelqu un", "qqun": "quelqu un", "qqch": "quelque chose",
    "rdv": "rendez vous", "info": "information", "infos": "informations", "dispo": "disponible",
    "y a": "il y a", "ya": "il y a", "yaura": "il y aura", "y aura": "il y aura", "yen": "il y en",
    "ou": "ou", "oû": "ou", "ca": "ca", "sa": "ca", "ouai": "oui", "ouais": "oui", "wi": "oui", "nn": "non",
    "prochain": "prochain", "proch": "prochain", "proch1": "prochain", "prochin": "prochain",
    "tel": "telephone", "tél": "telephone", "num": "numero", "mail": "email", "mel": "email", "courriel": "email",
    "adr": "adresse", "asso": "association", "assos": "associations", "bjr": "bonjour", "bsr": "bonsoir",
    "slt": "salut", "mrc": "merci", "mci": "merci", "thx": "merci", "ty": "merci",
    "reu": "reunion", "reuni": "reunion", "réu": "reunion", "d1": "d un", "b1": "bien",
    "rejoint": "rejoindre", "rejoins": "rejoindre", "inscrit": "inscrire", "inscrite": "inscrire",
    "inscrits": "inscrire", "inscris": "inscrire", "inscription": "inscrire", "inscriptions": "inscrire",
    "prend": "prendre", "pris": "prendre", "prise": "prendre", "met": "mettre", "mis": "mettre",
    "kelk": "quelque", "keske": "qu est ce que", "kesako": "quoi", "quesaco": "quoi", "késako": "quoi",
    "kezako": "quoi", "kézako": "quoi", "quezaco": "quoi", "quésaco": "quoi", "kesaco": "quoi", "késaco": "quoi",
    # Dropped final letters and phonetic spellings ("on fé coment", "g pa compri", "cb de tps").
    "pa": "pas", "fe": "fait", "fo": "faut", "di": "dit", "compri": "compris", "jveu": "je veux", "veu": "veux",
    "tps": "temps", "taf": "travail", "plu": "plus", "comen": "comment", "commen": "comment",
    "jvoudrai": "je voudrais", "jpeu": "je peux", "jpourrai": "je pourrai",
    "esque": "est ce que", "eske": "est ce que", "esce": "est ce", "keskon": "qu est ce qu on",
    "pke": "parce que", "pcq": "parce que", "psk": "parce que", "paske": "parce que", "pasque": "parce que",
    "pb": "probleme", "pbm": "probleme", "pbs": "problemes", "dsl": "desole", "auj": "aujourd hui",
    "ajd": "aujourd hui", "kil": "qu il", "kon": "qu on", "msg": "message", "ptet": "peut etre", "jvais": "je vais",
    "jsai": "je sais", "jme": "je me", "dla": "de la", "gratos": "gratuit", "tjr": "toujours", "vrmt": "vraiment",
    "koment": "comment", "komen": "comment", "qlq": "quelque", "qlqn": "quelqu un", "til": "t il",
    # "tiré o sort", "on é combien", "vot réponse", "on pe avoir", "ct bien", "kom d'hab".
    "o": "au", "e": "est", "vot": "votre", "pe": "peut", "ct": "c etait", "kom": "comme", "mm": "meme",
    "dmd": "demande", "jfe": "je fais", "jfai": "je fais", "jfais": "je fais",
    "rezo": "reso", "quesque": "qu est ce que", "kesk": "qu est ce que", "keskil": "qu est ce qu il",
    "kes": "qu est ce", "kesce": "qu est ce",  # "kes ke c", "kes ki se passe": the question's "qu'est-ce" on a phone
    "pdt": "pendant", "avt": "avant", "prblm": "probleme", "pblm": "probleme", "qqs": "quelques",
    "qques": "quelques", "jms": "jamais", "ts": "tous", "grv": "grave", "dmn": "demain", "aprem": "apres midi",
    "yavait": "il y avait", "jen": "j en", "jlai": "je l ai", "komsa": "comme ca",
    "jm": "je m", "jt": "je t", "jl": "je l", "jy": "j y", "fai": "fais", "sai": "sais",
    "tlm": "tout le monde", "qq1": "quelqu un", "kelkun": "quelqu un", "kelk1": "quelqu un", "jvx": "je veux",
    "vx": "veux", "jpx": "je peux", "px": "peux", "diff": "difference", "ptit": "petit", "ptite": "petite",
    "ptits": "petits", "ptites": "petites", "2m1": "demain", "cmb": "combien", "oue": "oui", "quil": "qu il",
    "quils": "qu ils", "quon": "qu on", "quelqun": "quelqu un",
    "dont": "dont",  # a word as it is: never an elision typed without apostrophe ("d'ont")
    # Question words misspelt ("commant on fait", "pourquoit", "combient de membres", "kesque").
    "commant": "comment", "comant": "comment", "pourquoit": "pourquoi", "pourquoie": "pourquoi",
    "combient": "combien", "conbien": "combien", "combiens": "combien", "kesque": "qu est ce que",
    "quesce": "qu est ce", "fau": "faut", "peus": "peux", "cartier": "quartier", "cartiers": "quartiers",
    "doi": "dois", "voi": "vois", "croi": "crois", "nou": "nous", "vou": "vous",
    # "jcp si jdoi payer kelkechose", "ou jdoi mle noter", "ki vient jamé": the pronoun glued, letters dropped.
    "jcp": "je ne sais pas", "jdoi": "je dois", "jdoit": "je dois", "kelkechose": "quelque chose",
    "kelke": "quelque", "qqchose": "quelque chose", "mle": "me le", "jame": "jamais",
    "jamai": "jamais", "mieu": "mieux",
    # "on a droit a 1 local", "cb de membres ds 1 conseil": a lone "1" typed for the article "un" (a count of one
    # reads the same: "1 an", "un an").
    "1": "un",
    # Written as heard or shortened, the words of everyday questions and of the councils' life ("koman on fé",
    # "ojourdui", "combi1", "jmen vais", "sil vous plait", "les reus", "une subv", "un imail", "les fré").
    "koman": "comment", "komant": "comment", "combi1": "combien", "cbi1": "combien",
    "ojourdui": "aujourd hui", "ojourdhui": "aujourd hui", "aujourdhui": "aujourd hui", "aujourdui": "aujourd hui",
    "ojd": "aujourd hui", "jmen": "je m en", "jten": "je t en", "sil": "s il", "sils": "s ils",
    "reus": "reunions", "subv": "subvention", "subvs": "subventions", "sub": "subvention", "subs": "subventions",
    "imail": "email", "imel": "email", "fre": "frais", "sui": "suis", "jvoudre": "je voudrais",
    "voudre": "voudrais", "peuve": "peuvent", "peuv": "peuvent", "doive": "doivent",
    "ttes": "toutes", "qdm": "quand meme", "psq": "parce que", "jse": "je sais", "qqc": "quelque chose",
    "qlqch": "quelque chose", "aujd": "aujourd hui", "avk": "avec", "jve": "je veux", "yora": "il y aura",
    # "c'est quoi" and "je suis" typed as one word ("ckoi", "cquoi", "jesuis"); words heard, not spelt ("tro", "ossi",
    # "mwa", "wai", "vrm", "qqfois", "nimp", "2main").
    "ckoi": "c est quoi", "cquoi": "c est quoi", "ckan": "c est quand", "cquand": "c est quand",
    "cki": "c est qui", "cqui": "c est qui", "jesuis": "je suis", "jeveux": "je veux", "jepeux": "je peux",
    "peutetre": "peut etre", "parcontre": "par contre", "estceque": "est ce que", "esceque": "est ce que",
    "tro": "trop", "ossi": "aussi", "oci": "aussi", "mwa": "moi", "moa": "moi", "twa": "toi", "wai": "oui",
    "vrm": "vraiment", "qqfois": "quelquefois", "qqf": "quelquefois", "nimp": "n importe quoi", "prq": "pourquoi",
    "2main": "demain",
    # A silent letter or a mute "e" dropped, a sound typed as heard ("dan mon quartier", "vous pouvez vnir", "fodra").
    "dan": "dans", "vnir": "venir", "dmain": "demain", "dmande": "demande", "dmander": "demander",
    "fodra": "faudra", "fodrait": "faudrait", "fodrai": "faudrait", "cke": "ce que", "ske": "ce que", "toa": "toi",
    "bi1": "bien", "dja": "deja", "nan": "non", "ui": "oui", "oussi": "aussi", "jcroi": "je crois", "pluto": "plutot",
    "kestion": "question", "kestions": "questions",
    # The councils' and associations' own short words ("l'odj", "la prez", "le tréso", "une résa", "l'appli").
    "odj": "ordre du jour", "prez": "president", "presi": "president", "treso": "tresorier",
    "resa": "reservation", "resas": "reservations", "appli": "application", "manif": "manifestation",
    "manifs": "manifestations", "assoc": "association", "assocs": "associations",
    # Laughter and sighs typed in passing ("c quoi le fph mdr"): they say nothing of the question.
    "mdr": "", "ptdr": "", "lol": "", "xd": "", "hihi": "", "haha": "", "hahaha": "",
}

# Phrases that mean "what is" / "what does it mean": mapped to one token so that
# "qu'est-ce qu'un QPV", "c'est quoi un QPV" and "que veut dire QPV" are the same question.
# Discourse adverbs: a link between two thoughts ("Et d'ailleurs un bailleur social c'est qui ?", "par ailleurs": not
# "elsewhere") or how things usually are ("on est combien en général": "général" drew the budget entry, and BM25's
# reading of it the entry on a general meeting). Every ranker reads them as nothing.
DISCOURSE_ADVERBS = (("d", "ailleurs"), ("par", "ailleurs"), ("en", "general"))

IDIOMS: tuple[tuple[tuple[str, ...], str], ...] = (
    # "qu'est-ce qu'il fait concrètement", "qu'est-ce qu'elle propose": a subject pronoun and its verb follow, what
    # the thing named before does is asked, not what it is (the "quoi" would send it to the glossary). "Qu'est-ce
    # qu'on peut faire" keeps its "quoi": it is the "que faire" of the entries.
    *(((*what, subject), subject) for what in (("qu", "est", "ce", "qu"), ("quest", "ce", "qu"))
      for subject in ("il", "ils", "elle", "elles")),
    (("qu", "est", "ce", "que"), "quoi"),
    (("qu", "est", "ce", "qu"), "quoi"),
    (("quest", "ce", "que"), "quoi"),
    (("quest", "ce", "qu"), "quoi"),
    # Discourse adverbs, read as nothing (DISCOURSE_ADVERBS).
    *((adverb, "") for adverb in DISCOURSE_ADVERBS),
    # "nos réunions du conseil en visio", "on se voit par visio": a way of meeting, said of any meeting. "la visio",
    # "une visio" is a thing of its own (the centre's webinars, by their members' word).
    *(((by, medium), "distance") for by in ("en", "par") for medium in (
        "visio", "visios", "visioconference", "visioconferences", "video", "zoom", "teams")),
    # "à qui je m'adresse", "on doit s'adresser à qui": whom to turn to, not a postal address.
    *(((pronoun, verb), "contacter") for pronoun in ("m", "s", "t") for verb in ("adresse", "adresser", "adresses")),
    # "je suis trop jeune pour participer ?": whether one's age allows it, not how to bring the young in.
    *(((too, young), "age minimum") for too in ("trop", "tro") for young in ("jeune", "jeunes", "petit", "petite")),
    (("est", "ce", "que"), ""),
    (("est", "ce", "qu"), ""),
    (("ca", "veut", "dire"), "quoi"),
    (("veut", "dire"), "quoi"),
    (("que", "signifie"), "quoi"),
    # "personne sait ce que c'est", "je voudrais savoir ce qu'est une cité éducative": what it is.
    (("ce", "que", "c", "est"), "quoi"),
    (("ce", "qu", "est"), "quoi"),
    # "je n'ai jamais compris ce qu'était le FPH": the same in the past.
    (("ce", "que", "c", "etait"), "quoi"),
    (("ce", "qu", "etait"), "quoi"),
    (("signifie",), "quoi"),
    # "« inter-conseil », ça désigne quoi ?", "de quoi s'agit-il ?": what it is, said otherwise.
    (("ca", "designe", "quoi"), "quoi"),
    (("designe", "quoi"), "quoi"),
    (("de", "quoi", "s", "agit", "il"), "quoi"),
    (("de", "quoi", "il", "s", "agit"), "quoi"),
    # "qu'entend-on par « droit commun » ?", "ce qu'on entend par politique de la ville": what a word is meant to say.
    (("qu", "entend", "on", "par"), "quoi"),
    (("qu", "entendez", "vous", "par"), "quoi"),
    (("ce", "qu", "on", "entend", "par"), "quoi"),
    (("definition",), "quoi"),
    (("def",), "quoi"),
    # "on dit quoi au copil", "je dis quoi", "je dois dire quoi": what to say, not what something is. Said by the
    # member or the council ("je", "on", "nous"): "ça dit quoi", "la loi dit quoi" ask what a text says.
    *(((subject, form, "quoi"), "que dire") for subject, forms in (
        ("je", ("dis", "dirai", "dirais")), ("on", ("dit", "dira")), ("nous", ("disons", "dirons")))
      for form in forms),
    (("dire", "quoi"), "que dire"),
    # "je vis à Bellevue", "elle lit le compte rendu", "qu'est-ce qu'on mets dedans": after a subject pronoun the word
    # is the verb, not the noun the dictionary reads it as (a screw, a bed, a dish). ("il sort", "on part" need
    # nothing: "sortir" and "partir" stem as "sort" and "part" do.)
    *(((subject, form), f"{subject} {verb}") for subject in ("je", "tu", "il", "elle", "on", "ils", "elles")
      for form, verb in (("vis", "vivre"), ("vit", "vivre"), ("mets", "mettre"), ("lis", "lire"), ("lit", "lire"))),
    # "la mairie dit que…", "on m'a dit qu'on…", "ils disent que…": reported speech; what is said is the question,
    # not the saying (read "dire", it drew the entry on what to say at the steering committee).
    *(((say, that), that) for say in ("dit", "disent", "dis") for that in ("que", "qu")),
    # "on me dit aussi qu'il y a un délégué du préfet": the same with an adverb before "que".
    *(((say, adverb, that), that) for say in ("dit", "disent", "dis") for that in ("que", "qu")
      for adverb in ("aussi", "encore", "souvent", "toujours", "partout", "meme")),
    (("on", "fait", "quoi"), "role"),
    (("fait", "quoi"), "role"),
    (("font", "quoi"), "role"),
    (("faire", "quoi"), "role"),
    (("a", "quoi", "sert"), "role"),
    (("a", "quoi", "ca", "sert"), "role"),
    (("sert", "a", "quoi"), "role"),
    (("ca", "sert", "a", "quoi"), "role"),
    # "à quoi on sert nous dedans ?": the subject pronoun between "à quoi" and the verb asks the role of whoever it
    # names, as "on sert à quoi" does; the words stay as well ("vous" is left out: "à quoi vous servez ?" may ask the
    # bot what it is for).
    *((("a", "quoi", subject, form), f"a quoi {subject} {form} role") for subject, form in (
        ("on", "sert"), ("je", "sers"), ("il", "sert"), ("elle", "sert"), ("nous", "servons"), ("ils", "servent"),
        ("elles", "servent"))),
    (("il", "y", "a"), ""),
    (("je", "ne", "sais", "pas"), ""),
    # "on me demande ce qu'est le FPH", "je me demande si…": asked of the member, or wondered; no request to make.
    (("on", "me", "demande"), ""),
    (("on", "m", "a", "demande"), ""),
    (("je", "me", "demande"), ""),
    # "je ne connais personne au conseil": knowing nobody (being new), not making the council known.
    *(((know, "personne"), "") for know in ("connais", "connait", "connaissons", "connaissez", "connaissent")),
    # "j'ai entendu parler de RésO Villes": heard of, nobody spoken to.
    *(((heard, "parler"), "") for heard in ("entendu", "entendre", "entends", "entend", "entendons", "entendez")),
    (("s", "il", "vous", "plait"), ""),
    (("s", "il", "te", "plait"), ""),
    (("a", "partir", "de"), "depuis"),
    # "je fais partie du conseil": belonging, not "partir du conseil" (to resign), which shares its stems. Read as
    # "membre" instead, it led "ma voisine fait partie d'un conseil citoyen, c'est quoi ?" to new members (dev).
    (("fais", "partie"), ""),
    (("fait", "partie"), ""),
    (("faire", "partie"), ""),
    (("faisons", "partie"), ""),
    (("faites", "partie"), ""),
    (("font", "partie"), ""),
    (("la", "bas"), ""),  # "là-bas": there, nothing low
    # "il m'a traitée de menteuse": called names, insulted ("ce décret traite de la laïcité" is about it: no pronoun).
    *(((pronoun, "a", form, of), "insulte") for pronoun in ("m", "nous", "l", "t")
      for form in ("traite", "traitee", "traites", "traitees") for of in ("de", "d")),
    # "mes donner perso", "vos donné": after a possessive, the verb heard is the noun "données" (a verb never follows
    # a possessive; "les" is left out: "on peut les donner" is the verb).
    *(((owner, heard), "donnees") for owner in ("mes", "vos", "nos", "tes", "leurs")
      for heard in ("donner", "donne", "donnes", "donnez", "donnee")),
    # "libérer ma place", "je laisse ma place à quelqu'un": giving a registration up, not a full event.
    *(((verb, owner, "place"), "annuler") for verb in ("liberer", "libere", "liberes", "liberez", "laisser", "laisse",
                                                       "laisses", "laissez")
      for owner in ("ma", "la", "votre", "notre", "mes", "nos")),  # "sa" is read "ça" (SMS) before this
    # "je peux venir à la réunion ?", "tout le monde peut venir": being allowed to come is attending, not being
    # brought in ("faire venir des habitants" is mobilising them and keeps its "venir").
    # The modal stays: "ma fille peut venir à la prochaine réunion ?" asks whether, not when.
    *(((can, "venir"), f"{can} assister") for can in ("peux", "peut", "peuvent", "pouvons", "pouvez")),
    # "comment faire participer les jeunes": bringing others in is involving them; "je peux participer ?" is the
    # member herself taking part, and shares nothing with it once read so.
    *(((make, "participer"), "impliquer") for make in ("faire", "fait", "fais", "faisons", "faites", "font")),
    # "je peux participer ?", "je pourrais participer aux réunions ?": the member asks whether she may come and take
    # part, as "je peux venir" ("le conseil peut participer au projet" keeps its verb: a body taking part).
    # The infinitive typed as heard ("jpeux participé") is the same question.
    *(((can, verb), f"{can} assister") for can in ("peux", "pourrais") for verb in ("participer", "participe")),
    # "si on fait payer 2 euros le repas", "on peut faire payer l'entrée ?": the council charging others is selling,
    # not the member paying ("dois-je payer pour venir ?"). Only with the member's side as subject: "vous faites
    # payer les formations ?", "ils nous font payer la salle" still ask what the member pays.
    *(((subject, make, "payer"), f"{subject} vendre") for subject, makes in (
        ("on", ("fait", "fais")), ("je", ("fais",)), ("nous", ("faisons",))) for make in makes),
    *(((subject, modal, "faire", "payer"), f"{subject} {modal} vendre") for subject, modals in (
        ("on", ("peut", "doit", "va", "veut", "voudrait", "pourrait")),
        ("je", ("peux", "dois", "vais", "veux", "voudrais", "pourrais")),
        ("nous", ("pouvons", "devons", "allons", "voulons", "voudrions", "pourrions"))) for modal in modals),
    # "plein de gens": a quantity, not an event that is full ("complet").
    (("plein", "de"), ""),
    (("plein", "d"), ""),
    (("pleins", "de"), ""),
)

# Words that carry no meaning for matching. Interrogatives (quoi, quand, comment, qui, ou,
# combien, pourquoi) are kept on purpose: "c'est quand" and "c'est quoi" are not the same question.
STOPWORDS: frozenset[str] = frozenset(
    """
    a ai aie aient aies ait as au aux avaient avais avait avez aviez avions avoir avons ayant ayez ayons c ca
    ce ceci cela celle celles celui ces cet cette ceux ci d dans de des du elle elles en es est et etaient
    etais etait etant ete etes etiez etions etre eu eue eues eurent eus eusse eut eux ici il ils j je l la le
    les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou par pas peu plus pour qu
    que quel quelle quelles quels s sa sans se sera serai seraient serais serait seras serez seriez serions
    serons seront ses si sien soi soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton
    tu un une unes uns vos votre vous vu y bien bah ben alors donc voila voilà hein euh bon tres trop aussi
    deja encore svp merci bonjour salut stp oui non svpl peut peux pouvez pourrais pourriez pourrait veux
    voudrais voudrait voulez sais savez savoir faut faire chose truc trucs genre vraiment juste
    exactement
    completement totalement
    parce puisque puisqu
    """.split()  # noqa: SIM905
)
# ("parce" and "puisque" only ever join a reason: read as words, "parce" became "parc", a park. "car" may be a coach.)
# (The adverbs of degree on the last line say how much, never what: "je suis complètement perdue" was read as
# "complet", a full event, through its stem; "totalement" as "total". No entry uses them.)

# Verbs whose every form carries no meaning for matching ("pourrais", "voulons", "fera"…). "On fait quoi
# au conseil" (its role) is kept apart from "c'est quoi le conseil" (its definition) by an idiom above.
LEMMA_STOPWORDS: frozenset[str] = frozenset({"etre", "avoir", "pouvoir", "vouloir", "savoir", "falloir", "faire"})

# Words that, alone, make a message small talk (accent-free, after SMS mapping).
GREETINGS = frozenset({"bonjour", "bonsoir", "salut", "coucou", "hello", "hey", "hi", "yo", "cc", "bonjours",
                       "bjour", "slt", "wesh"})
THANKS = frozenset({"merci", "remercie", "remerciements", "thanks", "thank", "top", "super", "parfait", "genial",
                    "nickel", "cool", "ok", "okay", "dac", "daccord", "accord", "entendu", "compris", "bien",
                    "beaucoup", "tres", "infiniment", "vous", "d", "ca", "marche", "c", "est", "bon"})
BYES = frozenset({"revoir", "au", "bye", "ciao", "tchao", "bonne", "journee", "soiree", "a", "plus", "bientot",
                  "bonsoir", "nuit", "week", "end", "weekend"})
HELP_PHRASES: tuple[tuple[str, ...], ...] = (
    ("aide",), ("help",), ("aidez", "moi"), ("aide", "moi"), ("comment", "ca", "marche"),
    ("comment", "tu", "marches"), ("comment", "vous", "marchez"), ("que", "sais", "tu", "faire"),
    ("qui", "es", "tu"), ("qui", "etes", "vous"), ("tu", "es", "qui"), ("vous", "etes", "qui"),
    ("tu", "sers", "a", "quoi"), ("vous", "servez", "a", "quoi"), ("que", "peux", "tu", "faire"),
    ("que", "pouvez", "vous", "faire"), ("t", "es", "qui"), ("menu",), ("sos",),
)

# Words around a glossary term that leave the question "what does it mean?" unchanged: talk about the
# word itself, about where and when it was seen or heard, and about its novelty ("CGET ?? c'est encore un nouveau
# truc ?", "j'ai vu CISPD dans un compte rendu, ça veut dire quoi", "la DDTM c'est quoi comme service"). The council
# is where members hear most terms ("lu dans le compte rendu du conseil", "on en a parlé au conseil").
GLOSSARY_CHATTER: tuple[str, ...] = tuple("""
    sigle sigles acronyme acronymes abreviation abreviations lettre lettres mot mots terme termes nom expression
    sens signification definition exactement precisement concretement exact vraiment simplement comme service
    services organisme organismes dispositif dispositifs truc machin bidule chose quoi qui signifie veut dire
    nouveau nouvelle nouveaux nouvelles encore vieux vieille ancien ancienne existe existent exister
    vu lu entendu parle parlent parler dit disent ecrit marque voit entend lit passe passer partout souvent
    mail email courrier lettre document documents doc docs compte rendu dossier texte rapport affiche flyer
    message reunion conseil metropole mairie journal site internet
    hier avant dernier derniere soir matin aujourd hui semaine jour fois recemment heure
    correspond correspondre designe designer represente representer renvoie refere
""".split())  # noqa: SIM905

# Nouns that ask what the thing just named is, not a subject of their own: "on nous propose un diagnostic en marchant
# samedi, c'est quoi le principe ?" (the question clause names nothing; the story names what is asked); "à quoi
# correspond-il ?", "en quoi consiste ce genre de sortie ?" (verbs of what a thing stands for).
WHAT_IT_IS: tuple[str, ...] = ("principe", "concept", "correspond", "consiste")

# Dictation and phonetic homophones, rewritten in the text before it is cut into questions (accents and case
# ignored; each pattern is followed by its replacement). Only in contexts where the other reading cannot be
# meant: "ses quoi" is always "c'est quoi", "qui et le" always "qui est le", "es que" always "est-ce que".
SPOKEN: tuple[tuple[str, str], ...] = (
    # "cé", "sé": never a French word, always "c'est" ("kan cé le copil", "sé koi le fph").
    (r"(?<![\w'’])(?:cé|sé)(?![\w'’])", "c'est"),
    (r"\b(?:ses|ces|s'est|s’est|cé)\s+(?=(?:quoi|koi|qui|quand|combien|comment|vrai|possible|normal|grave|"
     r"gratuit|payant|obligatoire|complet|complète|complete|fini|pareil)\b)", "c'est "),
    (r"\b(?:ses|ces|cé)\s+(?=(?:où|ou)\b)", "c'est "),
    # "c es quoi", "c'es quoi": the "t" is lost; "il faux", "faux-t-il": the "t" for an "x".
    (r"\bc['’\s]es\s+(?=(?:quoi|koi|qui|quand|combien|comment|vrai|possible|normal|gratuit|payant|obligatoire)\b)",
     "c'est "),
    (r"\b(il|ne)\s+faux\b", r"\1 faut"),
    (r"\bfau[xt]?[\s-]+t[\s-]+il\b", "faut-il"),
    (r"(?<![\w'’])(?<!tu )(?:es|è)[\s-]+(?=(?:que|qu['’]|qu\s)\b)", "est-ce "),
    (r"\b(qui|ki|où|ou)\s+et\s+(?=(?:le|la|les|l['’]|un|une|ce|mon|ma|notre)\b)", r"\1 est "),
    # "es ce que", "qu'es ce que": the "t" is lost to the ear.
    (r"(?<![^\s'’])es(?=[\s-]+ce\s+qu)", "est"),
    # Opening a sentence: "sait quoi un copil", "qu'elle est la date", "pour quoi le bot me demande mon nom".
    (r"(?:^|(?<=[.?!,]\s))(?:sait|sais)\s+(?=(?:quoi|qui|quand|combien|comment|vrai|possible|normal|gratuit|payant|"
     r"obligatoire)\b)", "c'est "),
    (r"(?:^|(?<=[.?!,]\s))qu['’]\s?elle(s?)\s+(?=(?:est|sont|sera|seront)\b)", r"quelle\1 "),
    (r"(?:^|(?<=[.?!,]\s))pour\s+quoi\b(?!\s*(?:faire\b|[?!.]|$))", "pourquoi"),
    (r"\b(?:conte|comte)s?[\s-]+rendus?\b", "compte rendu"),
    # The centre's name as dictation writes it ("réseau ville", "réseau villes").
    (r"\br[ée]seaux?\s+villes?\b", "RésO Villes"),
    (r"\b(on|il|elle)\s+peu\b", r"\1 peut"),
    # "le conseil peu alerter": before an infinitive, unless "un peu", "très peu"… ("un peu partir" is no French).
    (r"(?<!\bun\s)(?<!\btres\s)(?<!\btrès\s)(?<!\btrop\s)(?<!\bassez\s)\bpeu\s+(?=[^\W\d_]+(?:er|ir|re)\b)",
     "peut "),
    (r"\bje\s+peu\b", "je peux"),
    # "je suit tiré au sort": after "je", "suit" (follows) is always "suis" (am).
    (r"\bje\s+suit\b", "je suis"),
    # "je suis au conseil depuis peu on a un budget": "depuis peu", "un peu" end a clause; the next one opens.
    (r"(?<!\bdepuis\s)(?<!\bun\s)(?<!\btres\s)(?<!\btrès\s)(?<!\btrop\s)(?<!\bsi\s)"
     r"\bpeu[\s-]+(?=(?:on|t[\s-]+on|il|t[\s-]+il)\b)", "peut-"),
    (r"\bse\s+(?=(?:que|qu['’])\b)", "ce "),
    # "une sale pour se réunir": after a determiner and before what describes a room, "sale" (dirty) is "salle";
    # "une sale histoire" keeps its adjective.
    (r"\b(une|la|cette|ma|notre|votre|leur|les|des|nos|vos|leurs)\s+sale(s?)\b(?=\s*(?:[,.?!;:]|$|(?:pour|de|du|des|d['’]|"
     r"municipales?|communales?|polyvalentes?|gratuites?|gratuitement|libres?|disponibles?|a|à|au|aux|dans|chez|"
     r"qui|ou|où|quelque)\b))", r"\1 salle\2"),
    # "membre du cc", "notre cc se réunit": after a determiner "cc" is the council, never "coucou". Typed in lower
    # case only: "CC" in capitals is the acronym the knowledge base's own phrasings use and match as it is.
    (r"\b(du|le|au|mon|notre|votre|leur|un|ce|des|les|aux|nos|vos|leurs)\s+(?-i:cc)\b", r"\1 conseil citoyen"),
    # "la préf" is the prefecture, "le préf" the prefect; "le cr de la réunion" its minutes (after a determiner only).
    (r"\b(la|à la|a la|de la)\s+pr[ée]f\b", r"\1 préfecture"),
    (r"\b(le|du|au)\s+pr[ée]f\b", r"\1 préfet"),
    (r"\b(le|les|un|des|du|ce|mon|notre|votre|leur)\s+(?-i:cr|CR)\b", r"\1 compte rendu"),
    # "la semaine pro", "le mois pro": the next one.
    (r"\b(semaine|fois|année|annee|rentrée|rentree|session|réunion|reunion)\s+pro\b", r"\1 prochaine"),
    (r"\b(mois|copil)\s+pro\b", r"\1 prochain"),
    # After a verb that takes an infinitive, or "pour", a word typed with a final "é" is the infinitive, heard alike:
    # "je veux parlé à quelqu'un", "on doit payé", "pour participé" (an object pronoun may come between: "vous
    # parlé", "m'aidé"; never an article: "pour le comité", "je veux l'unité").
    (r"\b((?:veux|veut|voulez|voudrais|voudrait|peux|peut|pouvez|pourrais|pourrait|dois|doit|devez|faut|"
     r"aimerais|vais|va|allez|pour)(?:\s+(?:pas|me|te|se|nous|vous|lui|leur|y|en))?(?:\s+[mts](?:['’]\s?|\s+)|\s+))"
     r"(?!été\b)([^\W\d_]{2,})é(?![\w'’])", r"\1\2er"),
    # Phrases written as heard: "temps pis" (tant pis), "comme même" (quand même), "en faite" (en fait), "par ce que"
    # (parce que), "entrain de" (en train de).
    (r"\btemps\s+(pis|mieux)\b", r"tant \1"),
    (r"\bcomme\s+m[eê]me\b", "quand même"),
    (r"\ben\s+faite\b", "en fait"),
    (r"\bpar\s+ce\s+(?=(?:que|qu['’]|qu\s)\b)", "parce "),
    (r"\bentrain\s+de\b", "en train de"),
    # "ver 18h", "ver midi": towards a time is "vers" (a worm never comes before an hour).
    (r"\bver\s+(?=\d|midi\b|minuit\b)", "vers "),
    # "qu'est-ce qu'ils fond": after a subject pronoun, "fond" is "font" (they do), heard alike.
    (r"\b(ils|elles|qu['’]ils|qu['’]elles)\s+fond\b", r"\1 font"),
    # RésO Villes heard "réseau", "rézo", "rés au" ville(s).
    (r"\br[ée][sz]\s+(?:o|au|eau)\s+villes?\b", "RésO Villes"),
    (r"\bphotos?[\s-]+copies\b", "photocopies"),
    (r"\bphotos?[\s-]+copie\b", "photocopie"),
)
# The letters a match of SPOKEN starts with (each starts a word: after `\b`, a start of line or a lookbehind that
# refuses a letter before it). A pattern added above that starts otherwise must add its letter here
# (tests/test_spoken_gate.py checks each pattern).
SPOKEN_STARTS = "acdefijklmnopqrstuvàè"
# The letters each pattern of SPOKEN starts with, in SPOKEN's order: the scan tries at a word's start only the
# patterns of its first letter (tests/test_spoken_gate.py reads them from each pattern: a pattern added above adds
# its letters here).
SPOKEN_FIRST_LETTERS = ("cs", "cs", "cs", "c", "in", "f", "eè", "koq", "e", "s", "q", "p", "c", "r", "eio", "p", "j",
                        "j", "p", "s", "cdlmnuv", "acdlmnuv", "adlà", "adl", "cdlmnuv", "afrs", "cm", "adfpv", "t",
                        "c", "e", "p", "e", "v", "eiq", "r", "p", "p")

# Punctuation said aloud to a phone's dictation, which writes it as words: "bonjour virgule je voudrais savoir…
# point d'interrogation". Each is read as its mark only where no French sentence uses the word: "point" after
# "le", "un", "au", "ce"… is a noun ("faire le point", "un point important", "mettre au point"), and before "de"
# a noun too ("point de vue"); "la virgule" and "2 virgule 5" are the comma itself or a number.
_NOUN_BEFORE = (r"(?<!\ble )(?<!\bun )(?<!\bau )(?<!\bdu )(?<!\bce )(?<!\bmon )(?<!\bton )(?<!\bson )(?<!\bnotre )"
                r"(?<!\bvotre )(?<!\bleur )(?<!\bquel )(?<!\bchaque )(?<!\bde )(?<!\bd['’])(?<!\bsur )(?<!\bbon )"
                r"(?<!\btel )(?<!\bseul )(?<!\bmeme )(?<!\bmême )(?<!\bpremier )(?<!\bdernier )(?<!\bdeuxieme )"
                r"(?<!\bdeuxième )(?<!\bgros )(?<!\bpetit )(?<!\bne )(?<!\bn['’]est )(?<!\bdes )"
                r"(?<!\bles )(?<!\bces )(?<!\bmes )(?<!\bnos )(?<!\bvos )(?<!\bdeux )(?<!\btrois )(?<!\bquelques )")
# What opens a new sentence after a dictated full stop ("… un local point je voudrais aussi…").
_SENTENCE_START = (r"(?:je|j['’]|il|elle|on|nous|vous|ils|elles|c['’]est|ce|ça|ca|est-ce|merci|bonjour|cordialement|"
                   r"comment|quand|pourquoi|quel|quelle|quels|quelles|combien|où|pouvez|pourriez|est-ce|"
                   r"et|mais|alors|donc|aussi|sinon)\b")
DICTATED: tuple[tuple[str, str], ...] = (
    (r"\s*\bpoints? d['’\s]\s*interrogation\b", " ?"),
    (r"\s*\bpoints? d['’\s]\s*exclamation\b", " !"),
    (r"\s*\bpoints? de suspension\b", "..."),
    (r"\s*\bpoints?[\s-]virgule\b", " ;"),
    (r"\s*\b(?:point )?(?:(?:retour|passage) )?à la ligne\b", "\n"),
    (r"\s*\bnouve(?:lle ligne|au paragraphe)\b", "\n"),
    (r"\s*\bpoint final\b", "."),
    (r"(?<=[^\W\d_])" + r"\s+" + _NOUN_BEFORE + r"point(?=\s*(?:$|\n|[?!]))", "."),
    (r"(?<=[^\W\d_])" + r"\s+" + _NOUN_BEFORE + r"point\s+(?=" + _SENTENCE_START + ")", ". "),
    (r"(?<=[^\W\d_])\s+(?<!\bla )(?<!\bune )(?<!\bles )(?<!\bsans )(?<!\bcette )virgule\b(?!\s*\d)", ","),
)

# "le bailleur refuse de me loger parce que je suis noire", "on m'a pas pris à cause de mes origines": a refusal
# or a treatment because of who one is (origin, colour, religion, sex, orientation) is a discrimination, whatever
# the word. A trait said without a cause ("je suis musulmane, je peux être au conseil ?") says who asks, and a cause
# that is no such trait ("parce que je suis malade", "à cause de mon travail") is a reason.
DISCRIMINATION_CAUSES: tuple[tuple[str, ...], ...] = (
    ("parce", "que"), ("parce", "qu"), ("car",), ("vu", "que"), ("vu", "qu"), ("juste", "que"))
DISCRIMINATION_SUBJECTS: tuple[tuple[str, ...], ...] = (
    ("je", "suis"), ("on", "est"), ("nous", "sommes"), ("il", "est"), ("elle", "est"), ("ils", "sont"),
    ("elles", "sont"), ("tu", "es"), ("je", "suis", "une"), ("elle", "est", "une"), ("c", "est", "une"))
DISCRIMINATION_TRAITS = frozenset({
    "noir", "noire", "noirs", "noires", "black", "blacks", "renoi", "arabe", "arabes", "rebeu", "beur", "beurette",
    "musulman", "musulmane", "musulmans", "musulmanes", "juif", "juive", "juifs", "juives", "rom", "roms", "gitan",
    "gitane", "gitans", "gitanes", "africain", "africaine", "africains", "africaines", "maghrebin", "maghrebine",
    "maghrebins", "asiatique", "asiatiques", "chinois", "chinoise", "voilee", "voilees", "homo", "homosexuel",
    "homosexuelle", "homosexuels", "gay", "gays", "lesbienne", "lesbiennes", "trans", "femme", "femmes"})
# What was done to the person, said before the cause: without it the cause is a reason of one's own ("je ne peux
# pas venir le soir parce que je suis une femme seule avec trois enfants", "car je suis musulmane et je jeûne").
DISCRIMINATION_DONE = frozenset({
    "refuse", "refusee", "refuses", "refusees", "refuser", "refusent", "refus", "pris", "prise", "prendre", "rejete",
    "rejetee", "vire", "viree", "virer", "exclu", "exclue", "exclus", "insulte", "insultee", "insultent", "traite",
    "traitee", "traitent", "moque", "moquent", "empeche", "empechent", "interdit", "interdisent", "voulu", "veut",
    "veulent", "accepte", "acceptee", "louer", "loger", "embauche", "embaucher", "parle", "parlent", "regarde",
    "regardent", "discrimine", "discriminee", "ecarte", "ecartee", "harcele", "harcelee", "agresse", "agressee",
    "frappe", "frappee", "critique", "critiquent", "ignore", "ignoree", "ignorent"})
# "à cause de ma couleur", "à cause de mes origines", "à cause de mon nom": what one is, named as the cause.
DISCRIMINATION_OWN = frozenset({"couleur", "origine", "origines", "religion", "voile", "nom", "accent", "peau",
                                "orientation", "sexe"})

