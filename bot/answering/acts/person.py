"""Asking for a person of the team: "je veux parler à un humain", "quelqu'un peut me rappeler ?", "vous êtes un
robot ?". Not asking how to reach one ("quel est votre numéro ?"), nor someone of another office ("quelqu'un de
la mairie")."""

from __future__ import annotations

from bot.answering.acts.reading import phrases
from bot.cache import compiled

# The FAQ entry that says what the reply to this act says (the team's button, the centre's phone and e-mail): the
# decision names it as its choice, so `hotline ask --json` and the statistics show which entry the reply stands for.
HUMAN_ENTRY = "hotline-parler-humain"

# "une vraie" stands for a person when nothing follows, a person or a small word ("parler à une vraie, pas à une
# machine"); "avoir une vraie réponse", "un vrai local" ask for a thing.
_REAL_ONE = (r"(?:un vrai|une vraie)(?=$| (?:personne|humain|humaine|conseiller|conseillere|agent|interlocuteur|"
             r"interlocutrice|salarie|salariee|operateur|operatrice|responsable|animateur|animatrice|professionnel|"
             r"professionnelle|pas|et|ou|svp|stp|s il|merci|qui|de|d|au|ici|maintenant|enfin|moi|je|j|on|vous|car|"
             r"parce|sinon|plutot|svpl|plz)\b)")
# Patterns run on " ".join(words(text)): folded, elisions split ("j ai"), SMS mapped ("pk" → "pourquoi").
# Each list is built by meaning (ways of saying it, spelling variants), not from particular messages.
_PERSON = (r"(?:quelqu un|qqn|une? (?:vraie? |etre )?(?:personne|humain|humaine|etre humain|agent|salarie|salariee)|"
           r"l equipe|un membre de (?:l|votre|ton) equipe|une vraie personne|" + _REAL_ONE + r"|"
           r"un responsable|une responsable|"
           r"un professionnel|une professionnelle|quelqu un de (?:l equipe|reel|vrai|chez vous|votre equipe)|"
           r"un animateur|une animatrice|une? (?:conseiller|conseillere|operateur|operatrice|interlocuteur|"
           r"interlocutrice|permanent|permanente|charge de mission|chargee de mission)(?! citoyen))")
_MACHINE = r"(?:robot|bot|chatbot|machine|ordinateur|ia|intelligence artificielle|programme|automate|logiciel)"
_HUMAN = phrases(
    r"(?:parler|discuter|causer|echanger|avoir|joindre|contacter|appeler|ecrire|voir) (?:a |avec |en )?" + _PERSON,
    r"(?:passez|passe|passer|donnez|donne) (?:moi|nous) " + _PERSON,
    # "vous pouvez me passer la personne qui s'occupe des conseils": the one in charge, put through.
    r"(?:me|nous) (?:passer|passez|passeriez) (?:la personne|le responsable|la responsable|" + _PERSON + ")",
    r"(?:mettre|mettez|mets|me mettre|nous mettre) (?:moi |nous )?en (?:relation|contact) avec",
    # "mettez-moi en lien avec l'équipe": "en lien" only with the member put in it ("mettre en lien les habitants
    # avec les élus" is the council's own work).
    r"(?:mettez moi|mets moi|mettez nous|me mettre|nous mettre|me mettez|me mettriez) en lien avec",
    # "un rendez-vous avec quelqu'un de chez vous": a meeting or a call with a person of the team.
    r"(?:rendez vous|rdv|entretien|appel|echange) (?:telephonique )?avec " + _PERSON,
    # "j'aimerais qu'on m'appelle": to be called, said with the impersonal "on".
    r"qu on (?:me |m |nous )(?:rappelle|appelle|contacte|telephone|recontacte)",
    # "je veux pas parler à une machine".
    r"(?:pas|plus) (?:parler|discuter|ecrire|echanger) (?:a|avec) (?:un |une )?" + _MACHINE,
    r"(?:un |une )?(?:vrai |vraie |etre )?humain",
    # "pas à un robot", "pas de robot svp"; not what the member owns: "je n'ai pas d'ordinateur".
    r"une vraie personne", r"(?<!\bai )(?<!\ba )(?<!\bavons )(?<!\bavez )(?<!\bont )(?:pas|plus) (?:a |avec |d |de )?"
    r"(?:un |une )?" + _MACHINE,
    r"^(?:un|une) (?:conseiller|conseillere|agent|operateur|operatrice|salarie|salariee|responsable|animateur|"
    r"animatrice|personne)$",
    r"de vive voix", r"(?:faire )?rappeler par (?:quelqu un|une personne|l equipe|un |une )", r"(?:me|nous) faire rappeler",
    r"contact humain",
    r"(?:un |une )?interlocuteur humain",
    # "je préfère qu'une personne me réponde": a person wished for, said with the subjunctive after "que".
    r"qu(?:e)? " + _PERSON + r" (?:de (?:l equipe|votre equipe|chez vous) )?(?:me |m |nous )?"
    r"(?:rappelle|appelle|contacte|telephone|reponde|repondent|ecrive|lise|regarde|voie|examine|etudie|traite|"
    r"s occupe)",
    # "y a pas un vrai conseiller ?": whether a real person is there to answer asks for one.
    r"(?:y a|y a t il|il y a|vous avez|avez vous|vous n avez) (?:pas |plus |meme pas |jamais |bien )?" + _REAL_ONE,
    # "je préfère voir ça avec une personne": what the member wishes to settle, with a person rather than here.
    r"(?:prefere|prefererais|voudrais|veux|aimerais|aimerais mieux|souhaite|souhaiterais) (?:plutot )?(?:voir|regler|"
    r"traiter|discuter|parler|echanger) (?:de )?(?:ca|cela|ce point|ce probleme|ce sujet|tout ca|le|la|en) "
    r"(?:plutot |directement |de vive voix )?avec " + _PERSON,
    # "transmettez ma question à quelqu'un": the member's question handed on to a person of the team.
    r"(?:transmettez|transmets|transmettre|transmettriez|faites suivre|faire suivre|passez|passer|remontez|remonter) "
    r"(?:ma|mon|notre|la|cette|mes) (?:question|demande|message|questions|demandes) (?:a|au|aux) " + _PERSON,
    # "il y a une personne derrière ?": whether a person reads the messages behind the screen.
    r"(?:une personne|quelqu un|qqn|un humain|une humaine|un etre humain|des gens|des humains|une vraie personne) "
    r"derriere(?=$| ou | (?:l|cet|votre|ton|ce|le) (?:ecran|bot|robot|machine|programme|telephone|clavier))",
    # "on peut se parler au téléphone ?": talking together, by phone, is talking to a person.
    r"(?:se|s|nous) (?:parler|appeler|telephoner|voir) (?:au|par) telephone",
    r"(?:parler|discuter|echanger) (?:en direct|directement|en vrai|en personne)",
    # "je veux le signaler à un responsable": what was just said, taken higher up, to someone of the hotline's.
    r"(?:je veux|je voudrais|je souhaite|j aimerais|je vais) (?:le|la|l|ca|cela) (?:signaler|remonter|dire) "
    r"(?:a (?:un|une|votre|vos)|au) (?:responsable|responsables|superieur|superieure|chef|directeur|directrice)",
    r"passez moi quelqu un", r"je veux quelqu un", r"appelez moi", r"rappelez moi", r"quelqu un de l equipe",
    # "est-ce que quelqu'un de chez vous peut me rappeler": who is to call may be said with where they work.
    r"(?:quelqu un|l equipe|une personne)(?: de (?:chez vous|l equipe|votre equipe|vos services|votre service))? "
    r"(?:qui )?(?:peut|pourrait|pourra|va|voudrait) (?:me |m |nous )?(?:rappeler|appeler|telephoner|recontacter|contacter)",
    r"^(?:il )?y a (?:quelqu un|qqn|quelqu un de vivant|un humain)(?: (?:la|ici|en ligne))?$",
)
# "vous êtes un robot ?", "c'est un bot ou une personne qui répond ?": whether a machine answers asks for a person,
# unless the doubt is about the answers themselves (`_DOUBTS_ANSWERS`).
_IS_A_MACHINE = phrases(
    r"(?:vous etes|tu es|t es|c est|je parle a|je parle avec|je discute avec|on parle a|je suis avec)"
    r" (?:bien |vraiment |juste )?(?:un |une )?" + _MACHINE,
    _MACHINE + r" ou (?:un |une )?(?:vraie? )?(?:personne|humain|humaine|etre humain)",
    r"(?:personne|humain|humaine) ou (?:un |une )?" + _MACHINE,
)
# "vos réponses sont vérifiées par quelqu'un ou c'est une machine qui invente ?": whether the answers can be trusted
# (checked, reliable, made up, mistaken) is a question about the hotline, which an entry answers.
# "t'es un robot ? je peux croire ce que tu dis ?": whether to believe, or rely on, what is said is that doubt too.
_DOUBTS_ANSWERS = compiled(r"(?:^|\s)(?:verifiee?s?|verifie|fiables?|fiabilite|confiance|invente|inventent|invention|"
                           r"tromp\w*|relue?s?|controlee?s?|croire|crois|croit|fier|fie)(?=\s|$)")
# Asking *how* to reach someone, by which means ("comment je peux joindre quelqu'un de l'équipe par téléphone ?",
# "quel est le numéro pour parler à quelqu'un ?"), asks for the contact details: a question, not a request for a
# person ("je préfère avoir quelqu'un au téléphone" stays one).
_MEANS = r"(?:telephone|tel|numero|mail|email|e mail|courriel|adresse|portable)"
_HOW_TO_REACH = compiled(r"(?:^|\s)(?:comment|quel|quelle|quels|vous avez|avez vous|y a t il|il y a)\s(?:\w+\s){0,12}?"
                         + _MEANS + r"(?=\s|$)")
# Other offices and people than the hotline: "quelqu'un de la mairie", "un agent du bailleur". A person of theirs
# wanted asks whom to contact there (an entry may say it): no one of ours to put through.
OFFICES = (r"(?:mairie|ville|metropole|prefecture|prefet|sous prefecture|bailleur|bailleurs|caf|etat|departement|"
           r"region|police|commissariat|ecole|college|lycee|centre social|maison de quartier|syndic|agence|"
           r"elu|elus|elue|maire|adjoint|adjointe|delegue du prefet|france travail|pole emploi|cpam|hopital|"
           r"proprio|proprietaire|gardien|association|assos?|financeur|financeurs)")
_SOMEONE_ELSEWHERE = compiled(r"(?:^|\s)(?:quelqu un|qqn|une personne|un responsable|une responsable|un agent|"
                              r"une? conseill\w*|un interlocuteur|une interlocutrice) (?:de|du|des|d|a|au|aux) "
                              r"(?:la |le |l |les |ma |mon |notre |nos )?" + OFFICES + r"(?=\s|$)")

# "quelqu'un de l'équipe l'a vue ?", "une personne a lu ma demande ?": whether a person of the team has seen the
# member's question asks where it stands (`status`), not to be put through.
_HAS_SEEN = compiled(r"(?:^|\s)(?:quelqu un|qqn|une personne|l equipe)(?: de (?:l equipe|chez vous|votre equipe))? "
                     r"(?:l |les )?(?:a|ont|aurait) (?:bien |deja |enfin |pu )?(?:vue?s?|lue?s?|regardee?s?|recue?s?|"
                     r"traitee?s?|eue?s?|prise? en compte|ouverte?s?|voir|lire|regarder|traiter)(?=\s|$)")


def wants_a_person(key: str) -> bool:
    """Whether the folded message asks to be put through to a person of the team."""
    key = _HAS_SEEN.sub(" ", key)
    return bool((_HUMAN.search(key) or (_IS_A_MACHINE.search(key) and not _DOUBTS_ANSWERS.search(key)))
                and not _HOW_TO_REACH.search(key) and not _SOMEONE_ELSEWHERE.search(key))
