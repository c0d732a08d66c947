"""Dialogue acts: what a message *does* besides (or instead of) asking about the FAQ.

"merci beaucoup vous êtes gentil" closes a conversation, "c nul votre truc" vents, "je veux parler à
un humain" asks for a person, "je comprends pas" asks for a simpler answer, "où en est ma question ?"
asks about a forwarded question, "et pour les jeunes ?" continues the previous one. None of these
should be matched against the FAQ as if it were a question about it.

Detection is on folded text (no case, no accents, SMS spellings mapped); whether an act applies
(a "plus simple svp" needs a previous answer) is for the conversation to decide, not for this module.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from bot.answering.cleanup import clean
from bot.answering.normalize import words
from bot.cache import compiled


class Act(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    BYE = "bye"
    OK = "ok"
    HELP = "help"
    FRUSTRATION = "frustration"  # complaint or insult
    HUMAN = "human"  # wants a person
    SIMPLER = "simpler"  # did not understand the last answer
    STATUS = "status"  # where is my forwarded question
    FOLLOW_UP = "follow_up"  # "et pour les jeunes ?": a short question that leans on the previous answer


def _phrases(*items: str) -> re.Pattern[str]:
    return compiled(r"(?:^|\s)(?:" + "|".join(items) + r")(?=\s|$)")


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
_HUMAN = _phrases(
    r"(?:parler|discuter|causer|echanger|avoir|joindre|contacter|appeler|ecrire|voir) (?:a |avec |en )?" + _PERSON,
    r"(?:passez|passe|passer|donnez|donne) (?:moi|nous) " + _PERSON,
    r"(?:mettre|mettez|mets|me mettre|nous mettre) (?:moi |nous )?en (?:relation|contact) avec",
    r"(?:un |une )?(?:vrai |vraie |etre )?humain",
    # "pas à un robot", "pas de robot svp"; not what the member owns: "je n'ai pas d'ordinateur".
    r"une vraie personne", r"(?<!\bai )(?<!\ba )(?<!\bavons )(?<!\bavez )(?<!\bont )(?:pas|plus) (?:a |avec |d |de )?"
    r"(?:un |une )?" + _MACHINE,
    r"^(?:un|une) (?:conseiller|conseillere|agent|operateur|operatrice|salarie|salariee|responsable|animateur|"
    r"animatrice|personne)$",
    r"de vive voix", r"(?:faire )?rappeler par (?:quelqu un|une personne|l equipe|un |une )", r"contact humain",
    r"(?:un |une )?interlocuteur humain",
    # "je préfère qu'une personne me réponde": a person wished for, said with the subjunctive after "que".
    r"qu(?:e)? " + _PERSON + r" (?:de (?:l equipe|votre equipe|chez vous) )?(?:me |m |nous )?"
    r"(?:rappelle|appelle|contacte|telephone|reponde|repondent|ecrive|lise|regarde|voie|examine|etudie|traite|"
    r"s occupe)",
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
    r"(?:peut|pourrait|pourra|va|voudrait) (?:me |m |nous )?(?:rappeler|appeler|telephoner|recontacter|contacter)",
    r"^(?:il )?y a (?:quelqu un|qqn|quelqu un de vivant|un humain)(?: (?:la|ici|en ligne))?$",
)
# "vous êtes un robot ?", "c'est un bot ou une personne qui répond ?": whether a machine answers asks for a person,
# unless the doubt is about the answers themselves (`_DOUBTS_ANSWERS`).
_IS_A_MACHINE = _phrases(
    r"(?:vous etes|tu es|t es|c est|je parle a|je parle avec|je discute avec|on parle a|je suis avec)"
    r" (?:bien |vraiment |juste )?(?:un |une )?" + _MACHINE,
    _MACHINE + r" ou (?:un |une )?(?:vraie? )?(?:personne|humain|humaine|etre humain)",
    r"(?:personne|humain|humaine) ou (?:un |une )?" + _MACHINE,
)
# "vos réponses sont vérifiées par quelqu'un ou c'est une machine qui invente ?": whether the answers can be trusted
# (checked, reliable, made up, mistaken) is a question about the hotline, which an entry answers.
_DOUBTS_ANSWERS = compiled(r"(?:^|\s)(?:verifiee?s?|verifie|fiables?|fiabilite|confiance|invente|inventent|invention|"
                           r"tromp\w*|relue?s?|controlee?s?)(?=\s|$)")
# Asking *how* to reach someone, by which means ("comment je peux joindre quelqu'un de l'équipe par téléphone ?",
# "quel est le numéro pour parler à quelqu'un ?"), asks for the contact details: a question, not a request for a
# person ("je préfère avoir quelqu'un au téléphone" stays one).
_MEANS = r"(?:telephone|tel|numero|mail|email|e mail|courriel|adresse|portable)"
_HOW_TO_REACH = compiled(r"(?:^|\s)(?:comment|quel|quelle|quels|vous avez|avez vous|y a t il|il y a)\s(?:\w+\s){0,12}?"
                         + _MEANS + r"(?=\s|$)")
_OWN = r"(?:ma|mon|notre|mes|nos)"
_ASKED = r"(?:question|questions|demande|demandes|message|messages|ticket|tickets)"
# "on a fait une demande de subvention et pas de réponse depuis 2 mois": the request told was made to someone else
# (the town hall, a funder), so is the silence; it is no question forwarded to our team.
_ASKED_ELSEWHERE = compiled(r"(?:^|\s)(?:fait|envoye|depose|ecrit|adresse|redige|monte|transmis|pose) (?:une|un|la|le|"
                            r"notre|nos|des|mon|ma|mes) (?:demande|demandes|dossier|dossiers|courrier|courriers|lettre|"
                            r"lettres|mail|mails|email|candidature|question|questions|message|messages) "
                            r"(?:de|d|pour|a|au|aux|chez) (?!l equipe|vous|la hotline|votre|ton|bot|robot|reso|resovilles|ici)")
# Other offices and people than the hotline: "quelqu'un de la mairie", "un agent du bailleur". A person of theirs
# wanted asks whom to contact there (an entry may say it): no one of ours to put through.
_OFFICES = (r"(?:mairie|ville|metropole|prefecture|prefet|sous prefecture|bailleur|bailleurs|caf|etat|departement|"
            r"region|police|commissariat|ecole|college|lycee|centre social|maison de quartier|syndic|agence|"
            r"elu|elus|elue|maire|adjoint|adjointe|delegue du prefet|france travail|pole emploi|cpam|hopital|"
            r"proprio|proprietaire|gardien|association|assos?|financeur|financeurs)")
_SOMEONE_ELSEWHERE = compiled(r"(?:^|\s)(?:quelqu un|qqn|une personne|un responsable|une responsable|un agent|"
                              r"une? conseill\w*|un interlocuteur|une interlocutrice) (?:de|du|des|d|a|au|aux) "
                              r"(?:la |le |l |les |ma |mon |notre |nos )?" + _OFFICES + r"(?=\s|$)")
_STATUS = _phrases(
    r"ou en est (?:ma|mon|notre) (?:question|demande|message|ticket)",
    # "ma question transmise, elle en est où ?": the question named first, taken up again by a pronoun.
    r"(?:ma|mon|notre) (?:question|demande|message) (?:transmise?|envoyee?|posee?) (?:a l equipe )?(?:(?:ca|elle|il) )?"
    r"en est ou",
    r"(?:elle|il) en est ou " + _OWN + " " + _ASKED,
    # "j'ai posé une question lundi, vous avez la réponse ?": a question told as sent, then its answer asked after.
    # "…la semaine dernière, il y a du nouveau ?": what is new may also be said to exist ("il y a", "y a-t-il").
    r"(?:j ai|on a|nous avons|j avais|on avait) (?:pose|envoye|ecrit|transmis|laisse) (?:une|ma|mes|des|notre|nos) "
    + _ASKED + r"(?: \w+){0,8}? (?:(?:vous avez|avez vous|vous auriez|auriez vous|tu as|as tu|il y a|y a t il|y a) "
    r"(?:la|une|des|du|un) "
    r"(?:reponse|nouvelles?|nouveau|retour)|des nouvelles|du nouveau)",
    # "on m'avait dit que quelqu'un me répondrait, toujours rien ?": an answer promised, said in the future of the past,
    # and nothing come.
    r"(?:quelqu un|on|vous|l equipe|une personne) (?:me|m|nous) (?:repondrait|repondriez|rappellerait|rappelleriez|"
    r"recontacterait|recontacteriez|ecrirait|ecririez)(?: \w+){0,4}? (?:toujours|tjrs|tjs|mais|et) (?:rien|pas|personne)",
    r"(?:vous deviez|l equipe devait) (?:me |m |nous )?(?:repondre|rappeler|recontacter|ecrire)",
    r"(?:vous|on|personne|l equipe) (?:ne )?(?:m |nous )?(?:a|avez|a toujours|avez toujours) (?:pas|jamais|rien|"
    r"toujours pas) (?:encore )?repondu",
    r"(?:personne|l equipe) (?:ne )?(?:m|nous) a (?:pas )?(?:encore )?repondu",
    r"(?:toujours|tjrs|tjs) (?:pas|aucune|rien) (?:de )?(?:reponse|nouvelles?)",
    # "toujours rien depuis lundi pour ma question": nothing yet, about a question of theirs.
    r"(?:toujours|tjrs|tjs) rien (?:\w+ ){0,4}?(?:pour|sur|concernant|a|de) " + _OWN + " " + _ASKED,
    # "j'ai posé ma question à l'équipe et toujours rien": the question told first, then nothing since.
    r"(?:pose|envoye|ecrit|transmis|laisse) " + _OWN + " " + _ASKED + r"(?: \w+){0,5}? (?:et )?(?:toujours|tjrs|tjs|"
    r"encore) (?:rien|pas de reponse|aucune reponse)",
    r"(?:pas|aucune) (?:de )?(?:reponse|nouvelles?) (?:de l equipe|de vous|a ma question|depuis)",
    r"j attends (?:toujours |encore )?(?:une |la |votre |ma )?reponse", r"j attends (?:toujours|encore)",
    r"(?:toujours|encore) en attente",
    r"(?:quand|est ce que|quelqu un) (?:est ce qu )?(?:on |l equipe |quelqu un )?(?:va|vont|allez) (?:me |m )?"
    r"(?:repondre|rappeler)",
    r"(?:des |de |aucune |pas de |vous avez des )?nouvelles? (?:de|sur|concernant|pour) " + _OWN + " " + _ASKED,
    r"(?:a|avez|as|ont|avez vous) (?:bien |deja |enfin )?(?:recu|vu|lu|eu|pris en compte|traite|regarde|consulte|"
    r"ouvert|transmis) " + _OWN + " " + _ASKED,
    # "ma question sur l'assurance a été transmise ?": the question may be named by its subject first.
    _OWN + " " + _ASKED + r"(?: (?:sur|pour|concernant|a propos de|au sujet de|de)(?: \w+){1,3}?)?"
    r" (?:est|a ete|a bien ete|sont|ont ete) (?:bien )?(?:arrivee?s?|recue?s?|transmise?s?|"
    r"envoyee?s?|partie?s?|traitee?s?|lue?s?)",
    r"(?:vous|on|ca) en (?:est|etes|sommes) ou",
    r"(?:j|je n|n) ai (?:toujours )?(?:pas|jamais|rien) (?:encore )?(?:eu|recu) (?:de |d |aucune )?(?:reponse|nouvelles?|"
    r"retour)(?! (?:de la|du|des|de l (?!equipe)))",
    r"(?:vous allez|vous comptez|tu vas|l equipe va) (?:me |m )?repondre",  # "me rappeler" may be "remind me"
    r"(?:c est|est elle|est il) en cours " + _OWN + " " + _ASKED,
    _OWN + " " + _ASKED + r" (?:est |sont )?(?:toujours |encore |bien )?en cours",
    r"en cours de traitement",
    _OWN + " " + _ASKED + r" (?:est |reste |est restee |sont restees |est toujours )?(?:toujours )?sans reponse",
    r"ou (?:est|sont) passee?s? " + _OWN + " " + _ASKED, r"qu est devenue?s? " + _OWN + " " + _ASKED, r"ou (?:en etes vous|"
    r"en sommes nous|ca en est)",
    r"(?:toujours|tjrs|tjs|encore) rien (?:recu|eu|vu)", r"rien recu",
    r"(?:j aurai|j aurais|aurai je|je vais avoir|je vais recevoir|je recevrai|vais je avoir|vais je recevoir) "
    r"(?:ma|mes) reponses?",
    r"suivi de (?:ma|mes) (?:question|questions|demande|demandes)",
    # "j'ai envoyé une question la semaine dernière, toujours rien": a question told as sent, and nothing since.
    r"(?:j ai|on a|nous avons|j avais|on avait) (?:pose|envoye|ecrit|transmis|laisse) (?:une|des) " + _ASKED
    + r"(?: \w+){0,6}? (?:et |mais )?(?:toujours|tjrs|tjs|encore|et|mais) (?:rien|pas de reponse|aucune reponse|"
    r"pas de retour|aucun retour|pas de nouvelles|personne)",
    # "ça fait 3 jours que j'attends": a wait told with nothing named after it is the wait for our answer.
    r"(?:ca fait|cela fait|depuis) (?:\w+ ){1,4}?(?:que )?j attends(?: toujours| encore)?$",
    r"(?:toujours|tjrs|tjs|encore) rien (?:de|du cote de) (?:votre|l|la|vos|ton) (?:equipe|hotline|part|service)",
    r"(?:pas|aucun) (?:de )?retour (?:de l equipe|de votre equipe|de vous|de votre part|a ma question)",
    # "vous avez oublié ma question ?": the member's question feared lost.
    r"(?:vous avez|avez vous|l equipe a|on a|vous auriez|tu as) (?:\w+ )?oublie " + _OWN + " " + _ASKED,
    # "quand est-ce que j'aurai la réponse de la personne ?": the answer awaited from us (not from the town hall).
    r"(?:j aurai|j aurais|aurai je|je vais avoir|je vais recevoir|je recevrai|vais je avoir|on aura|nous aurons) "
    r"(?:une |la )?reponse (?:de l equipe|de la personne|de votre equipe|de votre part|de quelqu un)",
    r"(?:c est|ca prend|c) (?:\w+ )?long(?:ue)? (?:la|votre|pour (?:avoir )?(?:la|une)) reponse"
    r"(?! (?:de la|du|des|de l|de mon|de ma|de notre) (?!equipe|personne|hotline))",
    # "on m'a dit qu'on me recontacterait": a call back promised to the member is awaited.
    r"(?:dit|promis|assure|annonce|ecrit|indique) (?:qu|que) (?:on|vous|l equipe|quelqu un|une personne) (?:me|m|nous) "
    r"(?:recontacterait|rappellerait|repondrait|ecrirait|recontacteriez|rappelleriez|repondriez|ecririez)",
    # A question asked earlier, named by when it was asked ("ma question d'hier, vous avez une réponse ?").
    _OWN + " " + _ASKED + r" (?:d hier|d avant hier|de ce matin|de la semaine (?:derniere|passee)|de l autre jour|"
    r"de (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?: dernier)?)",
    r"(?:vous avez|avez vous|vous auriez|auriez vous|tu as|as tu) (?:une |la |des |du )?(?:reponse|nouvelles?|retour)"
    r" (?:a|pour|sur|concernant) " + _OWN + " " + _ASKED,
)
# "mes questions" alone asks after them, unless the message is about keeping them ("vous gardez mes questions
# combien de temps ?" is a question on personal data).
_MY_QUESTIONS = _phrases(r"mes questions")
# "ma petite-fille me dit de poser mes questions au bot": questions still to ask, none waiting for an answer.
_TO_ASK = _phrases(r"(?:poser|envoyer|ecrire|adresser|demander) (?:toutes |ici |vous |lui |leur )?mes questions")
_KEEPING = compiled(r"\b(?:gard|conserv|stock|effac|supprim|archiv|enregistr|lis|lit|lire|voi|voit|partag|donnee)")
# "vous pouvez me le redire…", "tu peux me réexpliquer…": the polite frame of asking it again, which asks nothing else.
_ASKING_AGAIN = _phrases(r"(?:vous pouvez|pouvez vous|vous pourriez|pourriez vous|tu peux|peux tu|tu pourrais|"
                         r"pourrais tu)(?: me| m| nous)?(?: le| la| l| ca| cela)? (?:redire|repeter|reexpliquer|"
                         r"expliquer|reformuler|dire|ecrire|reecrire)(?: ca| cela| le| la)?")
# "avec des mots de tous les jours", "en termes courants": the words of everyday speech, not the hotline's.
_EVERYDAY = r"(?:de tous les jours|du quotidien|de la vie (?:courante|quotidienne|de tous les jours)|courants?|ordinaires?)"
_SIMPLER = _phrases(
    # "j'ai pas saisi le passage sur l'association": a part of the answer just read, pointed at.
    r"(?:(?:j ai|g|ai|je n ai) )?(?:pas|rien) (?:compris|saisi|capte|pige|suivi) (?:a )?(?:le|la|ce|cette|l) "
    r"(?:passage|partie|phrase|paragraphe|bout|histoire) (?:sur|concernant|avec|de|du|des|d)(?: \w+){1,3}",
    r"(?:je |j )?(?:ne )?(?:comprends|comprend|capte|pige|saisis) (?:pas|rien|rien a) (?:a )?(?:ce que (?:vous dites|tu dis|"
    r"vous voulez dire|ca veut dire|vous ecrivez|vous m ecrivez)|votre reponse|la reponse|vos explications|"
    r"votre message|ce message)",
    r"(?:je |j )?(?:ne )?(?:comprends|comprend|compren|capte|pige|saisis) (?:pas|rien|plus|toujours pas|que dalle|"
    r"pas grand chose|pas tout|pas bien|pas vraiment)",
    r"(?:j ai|g|ai) (?:pas|rien|pas tout|pas bien|pas vraiment|pas trop) (?:compris|capte|pige|saisi)", r"pas compris",
    r"rien compris", r"plus simple(?:ment)?", r"en simple",
    r"trop (?:complique|compliquee|dur|difficile|long|longue|technique|de texte|a lire)",
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
    r"trop de (?:mots|termes|sigles) (?:compliques|techniques|difficiles)?", r"c est du chinois", r"charabia", r"jargon",
    r"incomprehensible\w*", r"pour les nuls",
    r"comme (?:a|pour|si j etais) (?:un|une) (?:enfant|gamin|gamine|debutant|debutante)",
    r"comme (?:si j avais|a un enfant de|pour un enfant de|a quelqu un de) \d+ ans", r"^(?:c est|c) quoi(?: ca)?$",
    r"je suis perdu", r"je suis perdue",
    r"ca veut dire quoi", r"sa veut dire quoi", r"quoi ca veut dire", r"^hein", r"pardon", r"comment ca",
    r"kesako", r"de quoi", r"c est quoi ca", r"je suis pas sur d avoir compris",
    r"(?:je )?(?:ne )?(?:suis )?(?:pas )?sure? de (?:bien )?(?:comprendre|avoir compris)",
)
# "je ne suis pas contente du tout": displeasure, at the hotline only if the message names it (see _WEARY).
_DISPLEASED = (r"(?:je ne suis|je suis|suis|j suis) (?:pas|vraiment pas|absolument pas|pas du tout) (?:du tout )?"
               r"(?:contente?s?|satisfaite?s?)")
_INSULT_NOUNS = (r"(?:idiot|idiote|idiots|cretin|cretins|cretine|abruti|abrutis|abrutie|bouffon|bouffons|imbecile|"
                 r"imbeciles|stupide|stupides|debile|debiles|incapable|incapables|incompetent|incompetents|"
                 r"incompetente|minable|minables|nullard|nullards|nullos|guignol|guignols|clown|clowns|con|cons|"
                 r"conne|connes|connard|connards|connasse|connasses|naze|nazes|ridicule|ridicules)")
# "vous lisez ce que j'écris ?": a reproach after a complaint ("c'est pas ma question ça, vous lisez ce que j'écris
# ?!"), a question of its own alone (who reads the messages: a matter of personal data).
_READ_ME = r"(?:vous|tu) (?:ne |n )?(?:me |m )?(?:lisez|lis|ecoutez|ecoutes)"
_WHAT_I_SAY = (r" (?:ce que (?:j ecris|je vous ecris|j ai ecrit|je dis|je vous dis|j ai dit|je demande|"
               r"je vous demande|j ai demande)|quand je (?:parle|vous parle|vous ecris|ecris))")
_REPROACH = _phrases(_READ_ME + r"(?: vraiment| donc| meme| pas| jamais| au moins)*" + _WHAT_I_SAY,
                     # "tu comprends rien à ce que je dis, …la même question": what the member said or asked, named
                     # in the reproach, is no subject of its own.
                     r"(?:a )?ce que (?:je|j) (?:dis|ecris|demande|veux dire|explique|raconte)",
                     r"(?:la meme|cette|ma|mes|les memes) questions?(?= |$)(?! (?:sur|de|du|des|concernant|pour)\b)")
# "t'es trop bête", "bête comme un robot": said of the hotline ("c'est bête, j'ai raté la réunion" is a pity).
_STUPID = (r"(?:vous etes|tu es|t es|il est|ce bot est|votre bot est)(?: vraiment| trop| completement| totalement|"
           r" un peu| tellement| si| super| tres| bien)* betes?|betes? comme (?:un |une |vos |ses |tes )?(?:robot|bot|"
           r"machine|pieds|ordinateur|programme)|d etre (?:aussi|si|tellement|autant) betes?")
# "ferme-la", "dégage": orders that insult only when given to the hotline, alone or with words of address after
# them ("ferme-la sale bot"); "à quelle heure ferme la mairie", "dégager du temps pour le conseil" ask questions.
_TO_THE_BOT = (r"(?:ferme|fermez|fermes) la(?= (?:donc|un peu|maintenant|stp|svp|sale|espece|toi|vous|tu|le bot|"
               r"bot|robot|machine|merde|putain)(?:\s|$)|$)|(?:degage|degagez|degages)(?! (?:du|des|un|une|le|les|la|l|"
               r"assez|plus|suffisamment)(?:\s|$))(?! de (?:la|l) \w)")
_FRUSTRATION = _phrases(
    r"nul", r"nulle", r"nuls", r"nulles", r"pourri", r"pourrie", r"pourris", r"inutile", r"inutiles",
    r"(?:sert|servez|sers|servent) (?:\w+ )?a rien",
    r"n importe quoi", r"j en ai marre", r"marre", r"ras le bol", r"y en a marre", r"ca m enerve",
    r"m enerve\w*", r"m agace\w*", r"m exaspere\w*", r"ca me saoule", r"saoule", r"saoulant", r"relou", r"honteux", r"scandale",
    r"(?<!ont )(?<!\ba )(?<!ai )(?<!avoir )honte",  # "c'est une honte", not "ils ont honte de demander"
    r"scandaleux", r"lamentable", r"pathetique", r"merdique", r"conneries?", _INSULT_NOUNS, _STUPID,
    r"(?:vous|tu|votre \w+|ton \w+|ce \w+|cette \w+) (?:ne )?(?:comprenez|comprends|comprend|captez|capte|pigez|"
    r"piges|pige) (?:vraiment |absolument |decidement |jamais |strictement |toujours )?rien",
    r"comprenez jamais rien", r"merde", r"putain", r"sale (?:bot|robot|machine|truc|con|ia|programme)",
    r"ca marche pas", r"marche pas votre", r"marche jamais",
    # "tu réponds jamais à ce que je demande": what was asked, said with the reproach, is part of it.
    r"(?:(?:repond|repondez) pas|(?:repond|reponds|repondez) jamais)(?: (?:a )?(?:ce que (?:je|j) (?:demande|dis|"
    r"ecris|veux)|ma question|mes questions|la question))?",
    # "toujours pas de vraie réponse": answers came, none said to be real; a reproach, not a wait.
    r"(?:toujours |encore )?(?:pas|jamais|aucune) (?:de |d )?(?:vraies? |bonnes? )reponses?",
    r"repond\w* (?:completement |totalement |encore |toujours |vraiment |tout le temps )?a cote",
    r"a cote de la plaque", r"hors sujet", r"tourn\w* en rond",
    # "je pose une question simple et…": the ease of what was asked, said against the answer given.
    r"(?:je|j) (?:pose|ai pose|demande|ai demande) (?:pourtant )?(?:une question|un truc|quelque chose|une chose) "
    r"(?:simple|precise|claire|facile|basique)",
    # "c'est pas possible d'avoir une vraie réponse": a real answer that cannot be had, so none was given ("combien
    # de temps pour avoir une vraie réponse" asks how long the team takes).
    r"(?:impossible|pas possible|pas moyen|jamais|toujours pas|meme pas|on peut pas|je peux pas) (?:d |de )?(?:avoir|"
    r"obtenir|recevoir) (?:une|de|d) (?:vraies?|bonnes?) reponses?",
    r"(?:donnez|donne|donnez moi|donne moi) (?:une|de) (?:vraies?|bonnes?) reponses?",
    r"pf+", r"gr+", r"rien a voir", r"fonctionne pas",
    r"(?:c est|c|ce n est|ca n est) pas (?:du tout |vraiment )?(?:ca|ma question|la question)",
    r"pas (?:du tout )?ma question",
    r"pas (?:du tout |vraiment |exactement |tout a fait )?ce que (?:j ai|je|j) (?:demande|cherche|cherchais|voulais|veux)",
    r"j ai (?:pas|jamais) demande ca",
    # "vous lisez même pas ce que j'écris", "tu m'écoutes jamais quand je parle": a reproach.
    _READ_ME + r"(?: vraiment| donc)?(?: meme| pas| jamais| au moins)+" + _WHAT_I_SAY,
    # The last answer missed the point: "je vous ai demandé autre chose", "relisez ma question", "répondez-moi
    # correctement", "vous m'écoutez pas".
    r"(?:je|j) (?:t |vous |te )?(?:ai|avais) (?:demande|pose|ecrit|dit) (?:autre chose|une autre question|"
    r"pas ca|pas cela)",
    r"(?:(?:relisez|relis|relire)(?: bien| donc| mieux)?|(?:lisez|lis)(?: bien| donc| mieux)) (?:ma question|"
    r"mon message|ce que j ai ecrit|ce que j ecris)",
    r"(?:repondez|reponds|repondre)(?: moi| nous)? (?:correctement|serieusement|a ma question|a la question)",
    r"(?:vous|tu) (?:ne |n )?(?:m |me )?(?:ecoutez|ecoutes) (?:pas|jamais|rien)",
    r"m (?:aide|aidez|aides|avance|avancez|avances) (?:pas|en rien|absolument pas|vraiment pas|a rien)",
    # "la 3e fois", "la 3ème fois": an ordinal written with its figure.
    r"(?:\d+(?:e|eme|em|ieme|er|ere)?|deux|trois|quatre|cinq|plusieurs|dix|cent|mille|\w+ieme) fois (?:que|qu) "
    r"(?:je|j|on) (?:vous )?"
    r"(?:pose|repose|demande|redemande|ecris|reecris|dis|redis|repete|essaie)",
    r"(?:toujours|encore|tjrs|tjs) (?:la meme|les memes) (?:reponse|reponses|chose|choses|truc)",
    r"(?:vous|tu) (?:repetez|repetes|me repetez|me repetes|radotez)",
    r"mal (?:fait|faite|foutu|foutue|concu|concue|pense|pensee|fichu)", r"perd\w* (?:mon|notre|du|son) temps",
    r"perte de temps", r"aucun interet",
    r"(?:aucune|aucun) (?:de vos |des |de ces )?(?:reponses?|propositions?|choix|suggestions?)",
    r"pas (?:tres |vraiment |du tout )?(?:pratique|intuitif|intuitive|terrible|top|au point)", r"decevant\w*", r"decu\w*",
    r"deception",
    r"(?:ne )?m a (?:pas|absolument pas|pas du tout|vraiment pas|en rien) (?:aide\w*|servi|avance\w*)",
    r"(?:reponse|reponses) (?:\w+ )?a cote", r"c est une blague", r"vous (?:plaisantez|rigolez|vous moquez)",
    r"nique\w*", r"ta mere", r"encul\w*", r"batard\w*", r"enfoire\w*", r"salaud\w*", r"a chier", r"tg", r"ftg", r"fdp", r"ntm",
    r"laiss\w* tomber", r"tant pis", r"j abandonne", r"oubliez", r"se moqu\w* de",
    r"vous etes nuls?", r"foutez", r"fous toi", r"vous vous foutez", r"se fout\w* de",
    r"va (?:te )?faire (?:voir|foutre|cuire)", r"allez vous faire \w+", r"va chier", r"casse toi", r"cassez vous",
    r"ta gueule", _TO_THE_BOT, r"arnaque de bot", r"bot de merde",
    # "la réponse que vous m'avez donnée était fausse": the hotline's answer said to be wrong.
    r"(?:(?:votre|vos|ta|tes) reponses?(?: \w+){0,3}?|(?:la|cette|les|ces) reponses? que? (?:vous|tu) (?:m |nous )?"
    r"(?:avez|as)(?: \w+){1,3}?) (?:etait|etaient|est|sont) (?:completement |totalement |"
    r"encore |bien )?(?:fausses?|faux|erronee?s?|incorrecte?s?|inexacte?s?)",
    # "je veux faire une réclamation": a complaint with nobody named is made to whom one is talking to;
    # "faire une réclamation auprès du bailleur" asks how.
    r"(?:je veux|je voudrais|je souhaite|je souhaiterais|j aimerais|je vais) (?:faire|deposer|formuler|adresser) "
    r"(?:une )?reclamation(?! (?:aupres|contre|a|au|aux|pour|chez|a propos|sur|concernant)(?:\s|$))",
    _DISPLEASED,
)
# Anger that is weariness, or aimed at someone else ("j'en ai marre, le bailleur se moque de nous", "bon ben tant
# pis"): not a complaint about the hotline, unless the message names it ("j'en ai marre de ce bot").
_WEARY = _phrases(
    r"j en ai marre", r"marre", r"ras le bol", r"y en a marre", r"ca m enerve", r"m enerve", r"ca me saoule", r"saoule",
    r"saoulant", r"honteux", r"scandale", r"(?<!ont )(?<!\ba )(?<!ai )(?<!avoir )honte", r"scandaleux", r"merde",
    r"putain", r"pf+", r"gr+", r"laiss\w* tomber", r"tant pis", r"j abandonne", r"se fout\w* de", r"se moqu\w* de",
    # "le conseil peut faire quelque chose ou on perd notre temps ?": doubt about the council, not about us.
    r"ou (?:bien )?(?:on|je|j|nous) (?:y )?perd\w* (?:mon|notre|son) temps",
    _DISPLEASED,
)
_HOTLINE_NAMED = _phrases(
    r"(?:ce|votre|ton|le|du|de ce|de votre) (?:bot|robot|chatbot|truc|machin|programme|service|appli|application|"
    r"systeme|site)", r"(?:bot|robot|chatbot|hotline|ia)", r"(?:vos|tes|votre|ta|cette|ces) reponses?",
    r"(?:vous|tu|t) (?:etes|es|ne|n|comprenez|comprends|repondez|reponds|servez|sers|m)",
)
# "la mairie est nulle", "les élus sont des incapables": someone else blamed, by name, with the words of anger.
_OTHERS_BLAMED = compiled(r"(?:^|\s)(?:le|la|les|l|mon|ma|mes|notre|nos|leur|leurs|son|sa|ses|ce|cette|ces) "
                          r"(?!bot\b|robot|chatbot|truc|machin|programme|site|appli|systeme|ia\b|service\b|reponse)"
                          r"\w+(?: \w+)? (?:est|sont|c est|ce sont) (?:vraiment |trop |completement |totalement |des |"
                          r"une |un )*(?:nul|nulle|nuls|nulles|pourri\w*|incompetent\w*|incapables?|lamentables?|"
                          r"minables?|honteux|honteuse|inutiles?|guignols?|clowns?)(?=\s|$)")
# "le bailleur ne répond pas", "la préfecture ne nous répond jamais": someone else's silence is the member's
# trouble, told as a story, not anger at the hotline ("ça répond pas", "le bot ne répond pas" stay anger).
_OTHERS_SILENT = compiled(r"(?:^|\s)(?:le|la|les|l|mon|ma|mes|notre|nos|leur|leurs|son|sa|ses) "
                          r"(?!bot\b|robot|chatbot|truc|machin|programme|site|appli|systeme|ia\b)\w+(?: \w+)? "
                          r"(?:ne |n )?(?:me |m |nous |leur |lui )?(?:repond|repondent|rappelle|rappellent)"
                          r"(?: toujours| jamais| plus| pas)* ?(?:pas|jamais|plus|rien)?(?=\s|$)")
# "je me sens inutile", "je suis nulle en réunion", "j'ai l'impression d'être bête": a feeling about oneself is
# the member's worry, not anger at the hotline ("vous êtes nuls", "c'est inutile votre truc" stay anger).
_ABOUT_ONESELF = compiled(r"(?:^|\s)(?:je me sens|je me sentais|je me suis senti\w*|je me trouve|je suis|j suis|jsuis|"
                          r"je me sens un peu|(?:j ai )?(?:l impression|peur|la sensation) d etre|de me sentir)"
                          r"(?: vraiment| tellement| un peu| trop| si| completement| totalement| encore)* "
                          r"(?:nul|nulle|nuls|nulles|inutile|inutiles|bete|betes)(?=\s|$)"
                          # "on sert à rien ou quoi", "à quoi on sert": the council doubting its own use.
                          r"|(?:^|\s)(?:je|j|on|nous) (?:ne |n )?(?:sers|sert|servons) (?:vraiment |plus |encore )?"
                          r"a (?:rien|quoi)(?=\s|$)|(?:^|\s)a quoi (?:je|on|nous) (?:sers|sert|servons)(?=\s|$)")
_SMILEY_ANGER = frozenset("😡🤬😠👎💩😤🙄")
_SMILEY_THANKS = frozenset("🙏👍👌❤💯🥰😍🤗✅")

# Whole messages that close a conversation (compared after removing repeated words and greetings).
_THANKS = _phrases(
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
                   r"grace a (?:vous|toi|votre aide|ton aide|votre reponse|vos reponses)")
# "bonne soiré", "bonne journé": the final "e" of "-ée" is often left out.
_BYE = _phrases(r"au revoir", r"a bientot", r"a plus", r"a \+", r"bye", r"ciao", r"tchao", r"bonne (?:journee?|soiree?|"
                r"nuit|fin de journee|semaine|continuation|fin de semaine|week end|fin d apres midi|apres midi|"
                r"fin de soiree|fete|fetes|annee|rentree)", r"bon (?:week end|weekend|apres midi|dimanche|courage|"
                r"dimanche|samedi)", r"a demain",
                # "à la prochaine réunion", "à mardi": see you at the next meeting, not a question about it (before
                # "à la prochaine", which would leave "réunion" behind).
                r"a la prochaine (?:fois|reunion|rencontre|seance|permanence)", r"a la semaine prochaine",
                r"a (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?: prochain)?",
                r"a la prochaine", r"a tout a l heure", r"a plus tard",
                r"salut (?:a )?(?:vous|tous)?$", r"bisous?", r"bises", r"je vous laisse", r"je te laisse",
                r"on se laisse", r"je m en vais", r"je file", r"je me sauve", r"j y vais", r"je dois y aller",
                r"on se reparle", r"je reviens vers vous", r"je reviendrai", r"on se tient au courant")
_OK = _phrases(r"oki ?doki", r"okidoki", r"ok+", r"okay", r"oki", r"okey", r"d accord", r"d acc?", r"dacc", r"dac+", r"daccord",
               r"ca marche", r"sa marche", r"entendu", r"compris", r"bien recu", r"recu", r"tres bien", r"bien",
               r"c est bon", r"ca va", r"oui", r"ouais", r"ah", r"ah d accord", r"je vois", r"vu", r"noted?", r"note",
               r"parfait", r"ca roule", r"pas de souci", r"pas de probleme", r"pas de soucis", r"c est note",
               r"je note", r"ok ok", r"bon ben", r"tres bien",
               r"c est (?:deja |beaucoup |bien |tout de suite |vachement |un peu )?plus clair", r"(?:je comprends|je vois) mieux")
# "madame ou monsieur", "mesdames et messieurs": the formal address, whose "ou" asks nothing (not "où").
_ADDRESS = r"(?:madame|monsieur|mesdames|messieurs) (?:ou|et) (?:madame|monsieur|mesdames|messieurs)"
_ADDRESSED = _phrases(_ADDRESS)
_GREETING = _phrases(_ADDRESS, r"bonjour\w*", r"bonsoir", r"salut", r"coucou", r"hello", r"hey", r"hi", r"yo", r"cc",
                     r"wesh", r"re", r"rebonjour", r"allo", r"madame", r"monsieur", r"ca va", r"comment (?:ca|allez) "
                     r"(?:va|vous)", r"vous allez bien", r"tout le monde", r"a tous")
_FILLER = frozenset({"vous", "tu", "a", "et", "beaucoup", "bcp", "encore", "mille", "fois", "grand", "infiniment",
                     "tres", "bien", "vraiment", "pour", "tout", "votre", "ton", "aide", "reponse", "la", "les", "l",
                     "de", "d", "c", "est", "ca", "sa", "le", "du", "temps", "madame", "monsieur", "alors", "ben",
                     "bah", "bon", "donc", "ah", "oh", "eh", "je", "j", "mais", "moi", "nous", "on", "toi",
                     "s", "il", "plait", "svp", "stp", "information", "informations", "explications", "rien",
                     "y", "en", "allez", "bref", "truc", "machin", "euh", "hein"})
# Words that say "that was useful, I will act on it" after a thanks or an ok ("merci pour votre réponse rapide",
# "d'accord je vais voir ça", "c'est exactement ce que je cherchais"): they change nothing to the closing.
_ACK = frozenset({
    "rapide", "rapides", "rapidement", "clair", "claire", "clairs", "claires", "clairement", "precis", "precise",
    "precises", "complet", "complete", "completes", "utile", "utiles", "interessant", "interessante", "sympa",
    "gentil", "gentille", "gentils", "efficace", "exactement", "pile", "parfaitement", "super", "top", "nickel",
    "ce", "que", "qu", "dont", "me", "m", "cherchais", "voulais", "fallait", "avais", "besoin", "aidee", "aides",
    "aidees", "aider", "retour", "explication", "precision", "precisions", "info", "infos", "lien", "liens",
    "patience", "disponibilite", "vais", "va", "allons", "voir", "regarder", "regarde", "lire", "essayer",
    "essaie", "noter", "note", "retenir", "appeler", "contacter", "transmettre", "partager", "faire", "fais",
    "reflechir", "penser", "occuper", "occupe", "avez", "as", "plus", "mieux", "maintenant", "compris",
    "comprends", "vois", "cela", "ceci", "tout", "suite", "tard", "demain", "ensuite", "apres", "aussi",
    "sujet", "ici", "ok", "chose", "equipe", "dis", "dit", "etait", "ete", "comprend", "toutes", "tous", "toute", "cette", "ces",
    "cet", "un", "une", "des", "vos",
    "ta", "tes", "ai", "avoir", "eu", "trouve", "trouver", "repondu",
    # "je reviendrai vers vous si besoin": coming back only when needed
    "vers", "si", "jamais", "cas", "necessaire",
})
_INTENT = compiled(r"(?:^|\s)(?:je|j|on|nous) (?:m en |en |le |la |les |y )?(?:vais|va|allons|vas|transmets|transmettrai|"
                  r"regarde|regarderai|verrai|note|reviens|reviendrai|passe|passerai|occupe|parle|parlerai|lis|"
                  r"lirai|essaie|essaierai|appelle|appellerai|contacte|contacterai|comprends|comprend|vois)"
                  r"(?: \w+){0,9}$")
# What still makes a message a question or a request after a thanks ("merci, et c'est quand ?").
_ASKING = compiled(r"(?:^|\s)(?:quand|comment|combien|pourquoi|qui|quel|quelle|quels|quelles|ou|est ce|"
                  r"mais|sinon|par contre|autre|voudrais|voudrait|veux|souhaite|souhaiterais|aimerais|pouvez|"
                  r"pourriez|peux|pourrais|dois|faut|savoir|de me|de m|de nous)(?=\s|$)")
_FOLLOW_UP_START = compiled(r"^(?:et|mais|et pour|et si|et les|et la|et le|et en|et dans|et avec|et sinon|sinon|"
                           r"et ca|et sa|et combien|et quand|et ou|et qui|et comment|aussi|pareil)\b")
_FOLLOW_UP_ALONE = compiled(r"^(?:c est|ca|sa|ca se|ils|elles|il|elle|on|y)? ?(?:ou|quand|combien|qui|comment)"
                           r"(?: ca| sa| c est| ca coute| ca se passe| on s inscrit| le trouver| les trouver)?$|"
                           r"^(?:ca|sa|c|ce|il|elle) (?:coute|coute combien|se passe ou|se passe quand|est ou|"
                           r"est quand|est combien|dure combien|dure)\b|^c est (?:ou|quand|combien|payant|gratuit)\b|"
                           r"^(?:combien|quand|ou|qui) (?:ca|sa|c est)\b|"
                           r"^(?:vous etes|vous vous trouvez|vous etes situes?|c est situe|ca se trouve) ou$|"
                           # "c'est obligatoire ?": a property of what was just answered ("…non ?" asks the same)
                           r"^(?:c est|ca reste|c est quand meme|est ce) (?:obligatoire|possible|payant|gratuit|"
                           r"long|loin|grave|normal|legal|interdit|autorise|permis|ouvert|complique|cher|"
                           r"necessaire|utile|valable|pareil|different|rembourse|accessible)"
                           r"(?: non| ou pas| ou non| quand meme)?$")
FOLLOW_UP_MAX_WORDS = 7
# A pronoun standing for a place or a thing just named: "qui peut y aller ?", "on peut en parler ?", "c'est loin
# là-bas ?". Not "il y a", "y a-t-il", "il y en a", "y compris" ("y" with "avoir" says that something exists), nor
# "en" as a preposition ("on se voit en ligne", "en mars"): "en" is a pronoun after its subject or a modal verb.
_MONTH = r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
_BACK_REFERENCE = compiled(
    r"(?:^|\s)(?:la bas|labas)(?=\s|$)"
    r"|(?:^|\s)y (?!(?:a|as|aura|aurait|avait|aurai|ait|compris|en a|en aura|en avait|est)(?:\s|$))\w"
    r"|(?:^|\s)(?:j|je|tu|il|elle|on|nous|vous|ils|elles|n|ne|peut|peux|pouvez|peuvent|dois|doit|devez|faut|veux|veut|"
    r"voulez) en (?!(?:ligne|plus|cas|ce|fait|effet|general|moyenne|tant|face|retard|avance|attendant|train|cours|"
    r"reunion|direct|personne|visio|" + _MONTH + r")(?:\s|$))[a-z]")
FOLLOW_UP_MAX_WORDS_WITH_ET = 10  # "et comment je sais si ma rue est dedans ?": "et" ties it to the last answer
# "a+", "allez a+", "merci, à+": "à plus", lost once "+" is dropped.
_SEE_YOU = compiled(r"^\s*(?:(?:allez|aller|bon|ben|bah|ok|oki|merci|bye|salut|ciao)\b[\s,.!]*)*(?:a|à)\s*\+\s*!*\s*$",
                    re.IGNORECASE)
_PLUS = compiled(r"\+(?=\s*[^\W\d_])")  # "+ simple", "a+": the SMS "plus" ("+" alone is dropped from the words)


@lru_cache(maxsize=4096)  # a message is read by several of the tests below (`detect`, `goes_on`, `leans_back`…)
def _key(text: str) -> str:
    return " ".join(words(_PLUS.sub(" plus ", clean(text))))


def folded(text: str) -> str:
    """The message as the acts read it: folded, elisions split, SMS spellings mapped."""
    return _key(text)


def _only(key: str, *patterns: re.Pattern[str], also: frozenset[str] = frozenset()) -> bool:
    """Whether the message is nothing but these phrases (and filler words, and the words in `also`)."""
    rest = key
    for pattern in patterns:
        rest = pattern.sub(" ", rest)
    leftover = [w for w in rest.split() if w not in _FILLER and w not in also]
    return not leftover and rest.strip() != key.strip()


# "ça m'aide beaucoup pour la réunion de ce soir": what the help is for, said at the end of a thanks, asks nothing.
_HELPS_FOR = compiled(r"(?:^|\s)(?:vous (?:m|nous) avez (?:bien |beaucoup |vraiment )?(?:aidee?s?|depannee?s?|sauvee?s?|"
                      r"rendu service)|(?:ca|cela|vous) (?:(?:m|nous) (?:aide|aidez|a aide|a bien aide|avez aide|aidera|"
                      r"aiderez|sera utile|sert|servira)|(?:va|allez) (?:m|nous) (?:aider|servir|etre utile))|"
                      # "c'est très utile pour notre prochaine réunion"
                      r"c est (?:tres |vraiment |super |bien |hyper |trop )?(?:utile|precieux|pratique|parfait))"
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


def _closing(text: str, key: str) -> bool:
    """Thanks, goodbye or ok, alone or with words of appreciation or of what the member will do next
    ("merci pour votre réponse rapide", "d'accord je vais voir ça"), as long as nothing is asked."""
    if _only(key, _THANKS, _BYE, _OK, _GREETING):
        return True
    key = _UNDERSTOOD_NOW.sub(" je vois", _ANSWER_ABOUT.sub(" reponse", _HELPS_FOR.sub(" ca m aide", key)))
    if "?" in text or _ASKING.search(_THANKS.sub(" ", _ADDRESSED.sub(" ", key))):
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
    if len(key.split()) > 14:
        return False
    closed = " ".join(_GREETING.sub(" ", _OK.sub(" ", _BYE.sub(" ", _THANKS.sub(" ", key)))).split())
    # After an ok or a thanks, what the member will do next closes too: "entendu, je vais en parler au conseil".
    rest = _INTENT.sub(" ", closed) if closed != key else closed
    return rest != key and all(w in _FILLER or w in _ACK for w in rest.split())


def opens_on_a_property(text: str) -> bool:
    """"c'est obligatoire non ? qu'est-ce qu'on peut faire ?": the first question has no subject of its own, it asks a
    property of what was just answered, and the next one goes on about the same thing."""
    first, _, rest = text.partition("?")
    return 0 < len(_key(rest).split()) <= FOLLOW_UP_MAX_WORDS_WITH_ET and bool(_FOLLOW_UP_ALONE.match(_key(first)))


def goes_on(text: str) -> bool:
    """Whether a short message is shaped as a sequel ("et pour les jeunes ?", "c'est où ?", "c'est obligatoire non ?
    et on fait quoi ?"): it has no subject of its own. "qui peut y aller ?" is a whole question whose "y" stands for
    what was just said (`leans_back`)."""
    key = _key(text)
    n_words = len(key.split())
    return (n_words <= FOLLOW_UP_MAX_WORDS and bool(_FOLLOW_UP_START.match(key) or _FOLLOW_UP_ALONE.match(key))) or (
        n_words <= FOLLOW_UP_MAX_WORDS_WITH_ET and bool(_FOLLOW_UP_START.match(key)) and key.startswith(("et ", "mais "))
    ) or opens_on_a_property(text)


def leans_back(text: str) -> bool:
    """Whether the message holds a pronoun standing for what was just said ("qui peut y aller ?"): its subject is in
    the previous answer, not in its own words."""
    return bool(_BACK_REFERENCE.search(_key(text)))


def detect(text: str) -> tuple[Act, ...]:
    """Every act the message performs, most telling first. An ordinary question has none."""
    key = _key(text)
    emoji = set(text)
    found: list[Act] = []
    if (_HUMAN.search(key) or (_IS_A_MACHINE.search(key) and not _DOUBTS_ANSWERS.search(key))) \
            and not _HOW_TO_REACH.search(key) and not _SOMEONE_ELSEWHERE.search(key):
        found.append(Act.HUMAN)
    if (_STATUS.search(key) and not _ASKED_ELSEWHERE.search(key)) or (
            _MY_QUESTIONS.search(key) and not _KEEPING.search(key) and not _TO_ASK.search(key)):
        found.append(Act.STATUS)
    if _FRUSTRATION.search(_ABOUT_ONESELF.sub(" ", _OTHERS_SILENT.sub(" ", key))) or (emoji & _SMILEY_ANGER and not key):
        found.append(Act.FRUSTRATION)
    # "je comprends pas" alone asks for a simpler answer; "je comprends pas le rôle du préfet" is a question.
    if _SIMPLER.search(key) and len([w for w in _ASKING_AGAIN.sub(" ", _SIMPLER.sub(" ", key)).split()
                                      if w not in _FILLER]) <= 2:
        found.append(Act.SIMPLER)
    if goes_on(text) or (len(key.split()) <= FOLLOW_UP_MAX_WORDS and leans_back(text) and not _closing(text, key)):
        found.append(Act.FOLLOW_UP)
    if not key and emoji & _SMILEY_THANKS:
        found.append(Act.THANKS)
    if _SEE_YOU.match(text):
        found.append(Act.BYE)
    if key and _closing(text, key):
        if _THANKS.search(key):
            found.append(Act.THANKS)
        if _BYE.search(key):
            found.append(Act.BYE)
        if not _THANKS.search(key) and not _BYE.search(key):
            found.append(Act.GREETING if _GREETING.search(key) and not _OK.search(_GREETING.sub(" ", key))
                         else Act.OK)
    return tuple(dict.fromkeys(found))


def aimed_at_hotline(text: str) -> bool:
    """Whether the anger in a message is at the hotline (an apology is owed) rather than weariness or anger at
    someone else: a complaint about answers or understanding, or the hotline named."""
    key = _ABOUT_ONESELF.sub(" ", _OTHERS_BLAMED.sub(" ", _OTHERS_SILENT.sub(" ", _key(text))))
    return bool(_HOTLINE_NAMED.search(key) or _FRUSTRATION.search(_WEARY.sub(" ", key)))


def without_complaint(text: str) -> str:
    """The message once its complaints and insults are taken out: what is left may still be a question."""
    return " ".join(_REPROACH.sub(" ", _FRUSTRATION.sub(" ", _key(text))).split())


CLOSING_ACTS = frozenset({Act.THANKS, Act.BYE, Act.OK})
SMALL_TALK_WORDS = _FILLER | _ACK  # words that add nothing to an act ("vraiment", "encore", "tout")
