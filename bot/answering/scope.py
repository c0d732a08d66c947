"""Daily-life matters the hotline must not answer with confidence.

Members ask the hotline about their own lives too: the CAF, a housing file, the school canteen, a noisy
neighbour. A word such as "dossier" or "aide" then lines up with an FAQ entry about the FPH, and a
confident answer would mislead. These questions still get suggestions when an entry truly helps, and
the offer to ask the team; they never get an answer as if the FAQ covered them.

The lists are general French, not taken from any evaluation set.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from enum import StrEnum

PETS = frozenset({"chien", "chiens", "chienne", "chiennes", "chiot", "chiots", "chat", "chats", "chaton", "chatons",
                  "animal", "animaux", "veterinaire", "pitbull", "museliere"})
BALLOTS = frozenset({"presidentielle", "presidentielles", "legislative", "legislatives", "europeennes", "regionales",
                     "departementales", "referendum", "procuration"})
# Words that name a personal administrative or private matter whatever surrounds them.
PERSONAL_WORDS = frozenset({
    "caf", "apl", "rsa", "allocation", "allocations", "alloc", "allocs", "loyer", "loyers", "bailleur", "proprio",
    "proprietaire", "cantine", "cantines", "impot", "impots", "chomage",
    "pole", "carte", "vitale", "secu", "mutuelle", "medecin", "docteur", "hopital", "urgences", "retraite",
    "bruit", "bruyant", "bruyants", "tapage",
    "facture", "factures", "edf", "electricite", "expulsion", "expulse", "huissier", "dette", "dettes", "credit",
    "banque", "divorce", "naturalisation",
    "sejour", "passeport", "amende", "amendes", "permis", "plainte", "avocat", "tribunal", "salaire", "patron",
    "licenciement", "licencie", "stage", "creche", "assistante", "sociale", "prime", "bourse",
    "inscription", "ecole", "college", "lycee", "maitresse", "prof", "professeur", "cafards", "punaises",
    "moisissure", "humidite", "chauffage", "ascenseur", "fuite", "travaux", "demenagement", "demenager", "hlm",
    "logement", "appartement", "appart", "maison", "chambre",
    # Other matters of one's own life: deposit and taxes, papers, fines, repairs, health, transport, family.
    "caution", "taxe", "identite", "fourriere", "stationnement", "garantie", "plombier", "serrurier",
    "electricien", "panne", "pharmacie", "dentiste", "ordonnance", "medicament", "medicaments", "vaccin", "maladie",
    "pension", "succession", "heritage", "mariage", "tram", "tramway", "bus", "colis",
    # Troubles at home and in the street, care, public services one uses, help one applies for.
    "musique", "aboie", "agression", "agresse", "violence", "violences", "frappe", "vol", "vole", "cambriolage",
    "cambriole", "gaz", "gardien", "ehpad", "mdph", "handicape", "ameli", "cpam", "lunettes", "certificat",
    "nounou", "loisirs", "piscine", "bibliotheque", "mediatheque", "gymnase", "parcoursup", "radie", "tresor",
    "surendettement", "prudhommes", "treve", "refuge", "velo",
    # The electoral rolls: registering on them is a step one takes at the town hall (or online).
    "electorale", "electorales", "electeur",
    # "la complémentaire santé solidaire": a health cover one applies for, as a "mutuelle" is.
    "complementaire",
    # A building's co-owners and their syndic: the owners' own affairs (its general meeting is no council's).
    "copropriete", "coproprietes", "coproprietaire", "coproprietaires", "syndic",
    # Pets: a dog, a cat and their care are their owner's own affair (a neighbour's dog is a quarrel between
    # neighbours), no council's.
    *PETS,
    # A family's own celebrations and bereavements: a hall for a child's birthday is hired as a family, not as a
    # council ("un baptême", "les obsèques").
    "anniversaire", "anniversaires", "bapteme", "baptemes", "communion", "fiancailles", "obseques", "enterrement",
    "funerailles",
    # National and regional ballots: their dates and how to vote are the State's and the town hall's.
    *BALLOTS,
    # A bank account of one's own ("mon compte bancaire est bloqué"): the council's own account is council business.
    "bancaire",
    # One's own vehicle, shop, insurance and subscriptions ("mon scooter", "mon commerce", "mon assurance").
    "scooter", "voiture", "voitures", "vehicule", "moto", "commerce", "entreprise", "boutique", "magasin",
    "assurance", "cv", "abonnement", "resiliation", "box",
})
# Of those, the ones that are council business too ("le logement dans le quartier", "les écoles du
# quartier", "la maison du projet"): personal only when the member says they are theirs.
SHARED_WORDS = frozenset({"logement", "ecole", "college", "lycee", "travaux", "maison", "carte", "enfant", "enfants",
                          "inscription", "stage", "prime", "bourse", "pole", "assistante", "sociale",
                          "chambre", "permis", "credit", "appartement", "hlm", "ascenseur",
                          "chauffage", "demenagement", "demenager", "plainte", "facture", "factures", "secu",
                          "banque", "electorale", "electorales", "electeur", "complementaire", "bancaire",
                          "scooter", "voiture", "voitures", "vehicule", "moto", "commerce", "entreprise", "assurance",
                          "abonnement"})
POSSESSIVES = frozenset({"mon", "ma", "mes"})
# A message naming the council or its meetings asks what the council has to do with the matter, whoever's it is
# ("mon patron doit me laisser aller au comité de pilotage ?").
COUNCIL_WORDS = frozenset({"conseil", "conseils", "copil", "pilotage", "interconseil", "conseiller", "conseillere",
                           "conseillers", "conseilleres"})
# "mon loyer", "ma voisine fait du bruit": a possessive this many words before makes the matter the member's own.
OWNED_WINDOW = 4
# "J'attends un logement", "m'aider à avoir un appartement", "je voudrais un logement plus grand": the member's own
# need, said with "je" (not the council's "on" or "nous") and a verb of wanting or waiting just before.
# "mon fils … le collège": the member's relatives, within this many words before the matter ("mon fils a 16 ans
# et il a arrêté l'école": the relative opens the sentence).
RELATIVES = frozenset({"fils", "fille", "filles", "enfant", "enfants", "gamin", "gamine", "gamins", "petit", "petite",
                       "mari", "femme", "epoux", "epouse", "mere", "pere", "parents", "frere", "soeur", "grand",
                       "neveu", "niece", "bebe", "ado"})
RELATIVE_WINDOW = 10
# "ma voisine du dessus fait du bruit": noise from the member's neighbour is the member's own trouble (but "ma
# voisine n'a pas de carte vitale" is a resident the member helps, council business).
NEIGHBOURS = frozenset({"voisin", "voisine", "voisins", "voisines"})
FIRST_PERSON = frozenset({"j", "je", "m", "me", "moi"})
# "une demande de logement", "mon dossier HLM": an application for a home is always someone's own (the council
# makes none), whoever says it ("on fait comment une demande de logement ?").
APPLICATIONS = frozenset({"demande", "dossier"})  # one application: "les demandes de logement" are the council's matter
HOMES = frozenset({"logement", "logements", "hlm", "appartement", "appart"})
# Of the rest, what only a person applies for: "une demande d'aide sociale" (the council asks for no welfare).
APPLIED_FOR = HOMES | {"sociale"}
NEEDS = frozenset({"attends", "attend", "attendre", "cherche", "chercher", "recherche", "besoin", "obtenir", "avoir",
                   "changer", "veux", "voudrais"})


def personal_matters(words: Sequence[str], known: frozenset[str] = frozenset(), *,
                     introduction: bool = False) -> list[tuple[str, bool]]:
    """The words that speak of a personal daily-life matter ("ma demande de logement", "la CAF"), each with
    whether the member says it is theirs ("mon loyer").

    `known` holds the words the knowledge base itself uses: such a word is council business too ("le
    logement dans le quartier") and counts only when the member says it is theirs ("mon logement").
    In a self-introduction (`introduction`), a matter counts only when it is the member's or acts on them ("la
    CAF me demande de rembourser"): otherwise it says who asks ("retraité de la SNCF", "je suis prof")."""
    found: list[tuple[str, bool]] = []
    for i, word in enumerate(words):
        if word not in PERSONAL_WORDS:
            continue
        owned = any(w in POSSESSIVES for w in words[max(0, i - OWNED_WINDOW): i]) or _needed(words, i) \
            or (word in APPLIED_FOR and any(w in APPLICATIONS for w in words[max(0, i - 3): i])) \
            or _relative(words, i) or (word in _NOISE and _relative(words, i, NEIGHBOURS)) or _registering(words, i)
        # Something done to the member ("la CAF m'a supprimé…") makes a council word count as a daily-life
        # word: only when the best entry never speaks of it ("on m'a refusé un appartement à cause de mon nom"
        # is answered by the entry on discrimination, which does).
        if (word in SHARED_WORDS or word in known or introduction) and not owned and not _done_to_me(words, i):
            continue
        found.append((word, owned))
    return found


# "comment on s'inscrit sur les listes électorales ?", "je dois m'inscrire comme électeur ?": registering oneself
# (the reflexive verb) is the member's own step; "faut-il être inscrit sur les listes électorales pour…" is a
# condition, council business.
ROLLS = frozenset({"electorale", "electorales", "electeur"})
REFLEXIVE = frozenset({"s", "m", "me", "se", "t", "te", "vous", "nous"})
REGISTER = frozenset({"inscrire", "inscrit", "inscris", "inscrive", "inscrivent", "inscrivez", "inscrivons",
                      "reinscrire", "reinscrit"})
REGISTER_WINDOW = 5


def _registering(words: Sequence[str], i: int) -> bool:
    before = words[max(0, i - REGISTER_WINDOW - 1): i]
    return words[i] in ROLLS and any(a in REFLEXIVE and b in REGISTER for a, b in itertools.pairwise(before))


def _relative(words: Sequence[str], i: int, people: frozenset[str] = RELATIVES) -> bool:
    """"Mon fils s'est fait renvoyer du collège", "ma mère attend son logement": a relative of the member's,
    named shortly before, makes the matter the member's own (a family's, not the council's)."""
    before = words[max(0, i - RELATIVE_WINDOW - 1): i]  # the relative within the window, its "ma" just before
    return any(a in POSSESSIVES and b in people for a, b in itertools.pairwise(before))


def _done_to_me(words: Sequence[str], i: int) -> bool:
    """"La CAF m'a supprimé…", "le bailleur ne me répond pas": the word acts on the member."""
    after = tuple(words[i + 1: i + 3])
    return after[:1] in (("m",), ("me",)) or after in (("ne", "m"), ("ne", "me"))


# "je trouve pas de médecin", "je n'arrive pas à trouver un logement": looking for it is needing it.
FINDING = frozenset({"trouve", "trouver"})


def _needed(words: Sequence[str], i: int) -> bool:
    """"J'attends un logement", "je veux changer de logement": the member's own need."""
    return any(w in NEEDS or w in FINDING for w in words[max(0, i - 3): i]) and any(
        w in FIRST_PERSON for w in words[max(0, i - 6): i])


class Matter(StrEnum):
    """Which kind of office usually deals with a daily-life matter: the hotline can say so in general terms
    (never a name, an address or a number it does not know)."""

    DISCRIMINATION = "discrimination"  # treated worse for one's origin, religion…: the Défenseur des droits
    BENEFITS = "benefits"  # the CAF: allowances, APL, RSA
    HOUSING = "housing"  # the landlord, the town hall's housing service
    NEIGHBOURS = "neighbours"  # noise and quarrels between neighbours
    SCHOOL = "school"  # canteen, school, crèche, holiday centre
    HEALTH = "health"  # health insurance, doctors
    TAXES = "taxes"
    VOTING = "voting"  # the electoral rolls
    PAPERS = "papers"  # identity papers, residence permits
    WORK = "work"  # job seeking, an employer
    LAW = "law"  # a lawyer, a complaint, a fine
    OTHER = "other"


# General French words for each kind of matter (not taken from any evaluation set). The first kind named wins.
_MATTER_WORDS: tuple[tuple[Matter, frozenset[str]], ...] = (
    # "le proprio refuse de me louer parce que je suis voilée": the landlord is who did it, not who helps.
    (Matter.DISCRIMINATION, frozenset({"discrimination", "discriminations", "discrimine", "discriminee",
                                       "discrimines", "racisme", "raciste", "racistes"})),
    (Matter.VOTING, ROLLS | BALLOTS),  # "je viens de déménager, je dois me réinscrire sur les listes électorales"
    (Matter.BENEFITS, frozenset({"caf", "apl", "rsa", "allocation", "allocations", "alloc", "allocs", "prime",
                                 "prestation", "prestations", "percu"})),
    (Matter.NEIGHBOURS, frozenset({"bruit", "bruits", "bruyant", "bruyante", "bruyants", "tapage", "voisin", "voisine",
                                   "voisins", "voisines", "musique", "nuisance", "nuisances", "aboie"})),
    (Matter.HOUSING, frozenset({"loyer", "loyers", "bailleur", "proprio", "proprietaire", "logement", "logements",
                                "appartement", "appart", "hlm", "caution", "expulsion", "expulse", "expulser",
                                "chauffage", "ascenseur", "fuite", "humidite", "moisissure", "cafards", "punaises",
                                "demenager", "demenagement", "charges", "gaz", "gardien", "treve", "copropriete",
                                "coproprietes", "coproprietaire", "coproprietaires", "syndic"})),
    (Matter.SCHOOL, frozenset({"cantine", "cantines", "ecole", "college", "lycee", "creche", "maitresse",
                               "professeur", "prof", "loisirs", "periscolaire", "nounou", "parcoursup"})),
    (Matter.HEALTH, frozenset({"medecin", "docteur", "hopital", "vitale", "ameli", "cpam", "mutuelle", "secu",
                               "dentiste", "ordonnance", "maladie", "pharmacie", "lunettes", "certificat",
                               "complementaire"})),
    (Matter.TAXES, frozenset({"impot", "impots", "taxe", "taxes", "declaration", "tresor"})),
    (Matter.PAPERS, frozenset({"sejour", "passeport", "identite", "naturalisation", "nationalite", "prefecture",
                               "visa"})),
    (Matter.WORK, frozenset({"emploi", "chomage", "travail", "patron", "patronne", "salaire", "licenciement",
                             "licencie", "stage", "boulot", "embauche", "radie", "prudhommes", "employeur",
                             "employeurs", "collegue", "collegues", "cdi", "cdd", "interim", "smic"})),
    (Matter.LAW, frozenset({"avocat", "plainte", "tribunal", "divorce", "amende", "amendes", "huissier", "dette",
                            "dettes", "surendettement", "justice", "agression", "agresse", "violence", "violences",
                            "frappe", "vol", "vole", "cambriolage", "cambriole"})),
)


def matter_of(words: Sequence[str]) -> Matter:
    """The kind of daily-life matter a message speaks of (OTHER when none is named)."""
    said = set(words)
    return next((matter for matter, found in _MATTER_WORDS if said & found), Matter.OTHER)


_NOISE = next(found for matter, found in _MATTER_WORDS if matter == Matter.NEIGHBOURS) - NEIGHBOURS


# "le marché du jeudi il est annulé ?", "la brocante est reportée ?": whether a thing is called off is asked of whoever
# holds it; the entries say how a member cancels a registration, not whether an event of someone else takes place.
_STATE = frozenset({"est", "sont", "ete"})
_CALLED_OFF = frozenset({"annule", "annulee", "annules", "annulees", "reporte", "reportee", "reportes", "reportees",
                         "maintenu", "maintenue", "maintenus", "maintenues"})
_ONE_S_OWN = frozenset({"inscription", "inscriptions", "place", "venue", "mon", "ma", "mes", "j", "je", "m", "me"})


def asks_if_called_off(words: Sequence[str]) -> bool:
    """Whether a question ends on a thing said to be called off ("… il est annulé ?"), not on one's own registration,
    nor on "c'est annulé" ("date à confirmer, ça veut dire que c'est annulé ?" asks what a label means)."""
    seq = [w for w in words if w]
    return (len(seq) >= 3 and seq[-1] in _CALLED_OFF and seq[-2] in _STATE and seq[-3] != "c"
            and _ONE_S_OWN.isdisjoint(seq))


# Another setting than the council's: the member's job, a sports club, a place of worship, a court. A matter of
# theirs ("mon employeur refuse un congé pour enfant malade", "le club de judo doit tenir une assemblée générale ?",
# "j'ai été tirée au sort comme jurée d'assises") shares words with the entries (congé, assemblée générale, tirage
# au sort) but is that setting's own business, not the council's.
OTHER_SETTINGS = frozenset({
    # The workplace: who employs, who works beside you, the contract and the pay.
    "employeur", "employeurs", "employeuse", "patron", "patronne", "cdi", "cdd", "interim", "interimaire", "smic",
    "salarie", "salariee", "salaries", "salariees",
    # Clubs and places of worship.
    "club", "clubs", "paroisse", "paroissial", "paroissiale", "eglise", "mosquee", "temple", "synagogue",
    "cultuelle", "cultuel",
    # A court's jurors.
    "jure", "juree", "jures", "jurees", "assises",
})
# Settings that are the member's only when the message says so: "mon travail", "au boulot", "ma collègue", "mes
# données sur Facebook" (but "un adulte-relais, c'est quoi son travail ?", "les collègues du centre social", "la page
# Facebook du conseil").
OWN_SETTINGS = frozenset({"travail", "boulot", "taf", "collegue", "collegues", "facebook", "instagram", "whatsapp",
                          "snapchat", "tiktok", "google", "gmail", "messenger"})
AT_WORK = frozenset({"au", "du"})  # "au travail", "absent du boulot"
# The council's own world: a message naming the council, its meetings or RésO Villes asks about the council's side
# of the matter ("mon patron doit me laisser partir pour la réunion ?", "le webinaire tombe pendant mon travail").
# Its residents too ("les habitants", "le collège des habitants"): the people the council speaks for.
COUNCIL_WORLD = COUNCIL_WORDS | frozenset({"reunion", "reunions", "webinaire", "webinaires", "visio", "reso",
                                           "hotline", "bot", "habitant", "habitants"})


def elsewhere(words: Sequence[str], introduction: Sequence[str] = ()) -> bool:
    """Whether the message speaks of a matter of another setting than the council's (the member's job, a club, a
    place of worship, a court, one's own social network) and of nothing of the council's own world. Who asks, in
    a self-introduction, counts when they say they belong to that setting ("je suis salariée, j'ai droit à combien
    de congés ?"), not for the life they tell ("ma fille rentre tard du boulot")."""
    if not (COUNCIL_WORLD.isdisjoint(words) and COUNCIL_WORLD.isdisjoint(introduction)):
        return False
    if not OTHER_SETTINGS.isdisjoint(introduction):
        return True
    for i, word in enumerate(words):
        if word in OTHER_SETTINGS:
            return True
        if word in OWN_SETTINGS and (any(w in POSSESSIVES for w in words[max(0, i - OWNED_WINDOW): i])
                                     or (i > 0 and words[i - 1] in AT_WORK)):
            return True
    return False


# Other bodies a member belongs to: a tenants' friendly society, an association named by its purpose ("l'association
# des parents d'élèves", "une asso de danse"), a festivities committee, a union, a school, a firm. Their own workings
# (their rules, their general meeting, their grants, "l'assurance scolaire") are theirs, not the council's, when the
# message names nothing of the council.
OTHER_BODIES = frozenset({"amicale", "amicales", "syndicat", "syndicats", "cse", "scolaire", "scolaires", "eleve", "eleves",
                          "entreprise", "entreprises"})
ASSOCIATIONS = frozenset({"association", "associations", "asso", "assos"})
NAMED_BY = frozenset({"de", "des", "du", "d", "sportive", "sportives", "culturelle", "culturelles", "cultuelle"})
FESTIVITIES = ("comite", "des", "fetes")


def another_body(words: Sequence[str]) -> bool:
    """Whether the message names another body than the council (and nothing of the council's own world)."""
    if not COUNCIL_WORLD.isdisjoint(words):
        return False
    if not OTHER_BODIES.isdisjoint(words):
        return True
    return any(a in ASSOCIATIONS and b in NAMED_BY for a, b in itertools.pairwise(words)) or any(
        tuple(words[i: i + 3]) == FESTIVITIES for i in range(len(words) - 2))
