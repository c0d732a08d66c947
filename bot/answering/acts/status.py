"""Asking after a question forwarded to the team: "où en est ma question ?", "toujours pas de réponse",
"vous avez bien reçu ma demande ?". Not a request made elsewhere ("on a fait une demande de subvention et pas de
réponse"), nor keeping or asking questions ("vous gardez mes questions combien de temps ?")."""

from __future__ import annotations

from bot.answering.acts.person import OFFICES
from bot.answering.acts.reading import phrases
from bot.cache import compiled

_OWN = r"(?:ma|mon|notre|mes|nos)"
_ASKED = r"(?:question|questions|demande|demandes|message|messages|ticket|tickets)"
# "on a fait une demande de subvention et pas de réponse depuis 2 mois": the request told was made to someone else
# (the town hall, a funder), so is the silence; it is no question forwarded to our team.
_ASKED_ELSEWHERE = compiled(r"(?:^|\s)(?:fait|envoye|depose|ecrit|adresse|redige|monte|transmis|pose) (?:une|un|la|le|"
                            r"notre|nos|des|mon|ma|mes) (?:demande|demandes|dossier|dossiers|courrier|courriers|lettre|"
                            r"lettres|mail|mails|email|candidature|question|questions|message|messages) "
                            r"(?:de|d|pour|a|au|aux|chez) (?!l equipe|vous|la hotline|votre|ton|bot|robot|reso|resovilles|ici)")
_STATUS = phrases(
    r"ou en est (?:ma|mon|notre) (?:question|demande|message|ticket)",
    # "ma question transmise, elle en est où ?": the question named first, taken up again by a pronoun.
    r"(?:ma|mon|notre) (?:question|demande|message) (?:transmise?|envoyee?|posee?) (?:a l equipe )?(?:(?:ca|elle|il) )?"
    r"en est ou",
    r"(?:elle|il) en est ou " + _OWN + " " + _ASKED,
    # "où en est la question que j'ai transmise à l'équipe hier ?": the question named by what was done with it.
    r"ou en (?:est|sont) (?:la|le|les) " + _ASKED + r" (?:que|qu) (?:j ai|on a|nous avons|je vous ai|on vous a) "
    r"(?:transmise?s?|envoyee?s?|posee?s?|laissee?s?|ecrite?s?)",
    # "j'ai posé une question à l'équipe y a une semaine, toujours rien, elle en est où ?": told as sent, then
    # taken up by a pronoun.
    r"(?:j ai|on a|nous avons|j avais|on avait) (?:pose|envoye|ecrit|transmis|laisse) (?:une|ma|la|notre) " + _ASKED
    + r"(?: \w+){0,16}? (?:elle|il|ca) en est ou",
    # "j'ai posé une question lundi, vous avez la réponse ?": a question told as sent, then its answer asked after.
    # "…la semaine dernière, il y a du nouveau ?": what is new may also be said to exist ("il y a", "y a-t-il").
    # What the question was about and where it went may come between ("…sur le local, elle a été transmise à
    # l'équipe. Vous avez du nouveau ?").
    r"(?:j ai|on a|nous avons|j avais|on avait) (?:pose|envoye|ecrit|transmis|laisse) (?:une|ma|mes|des|notre|nos) "
    + _ASKED + r"(?: \w+){0,14}? (?:(?:vous avez|avez vous|vous auriez|auriez vous|tu as|as tu|il y a|y a t il|y a) "
    r"(?:eu |recu |deja )?(?:la|une|des|du|un) "
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
    # "vous avez pu avancer sur ma demande ?": the team asked whether it could work on it.
    r"(?:vous avez|avez vous|l equipe a|vous auriez|tu as) pu (?:avancer sur|regarder|traiter|voir|lire|etudier|"
    r"transmettre) " + _OWN + " " + _ASKED,
    # "c'est bon, vous avez ma question ?": whether it reached the team, said with "avoir".
    r"(?:vous avez|avez vous|l equipe a|vous l avez) (?:bien )?(?:eu |recu )?" + _OWN + " " + _ASKED + "$",
    # "j'ai demandé hier pour la salle, vous avez du nouveau ?": something asked of the team, and news of it.
    r"(?:j ai|on a|nous avons|j avais|on avait) demande (?:\w+ ){0,8}?(?:vous avez|avez vous|vous auriez|auriez vous) "
    r"(?:du nouveau|des nouvelles|une reponse|la reponse|un retour)",
    r"(?:a|avez|as|ont|avez vous) (?:bien |deja |enfin )?(?:recu|vu|lu|eu|pris en compte|traite|regarde|consulte|"
    r"ouvert|transmis) " + _OWN + " " + _ASKED,
    # "ma question sur l'assurance a été transmise ?": the question may be named by its subject first, and taken up
    # again by a pronoun, as spoken French does ("ma question, elle a été transmise ?").
    _OWN + " " + _ASKED + r"(?: (?:sur|pour|concernant|a propos de|au sujet de|de)(?: \w+){1,3}?)?(?: (?:elle|il|elles|ils))?"
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
    # "j'attends depuis lundi": the same wait, said the other way round, with nothing named as awaited.
    r"j attends (?:toujours |encore )?depuis (?:\w+ ){0,2}?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"hier|ce matin|longtemps|jours|semaines|une semaine|un mois|derniere|dernier)$",
    # "ma question d'avant, vous l'avez transmise ?": the question named first, taken up by "l'".
    _OWN + " " + _ASKED + r"(?: \w+){0,4}? (?:vous|tu|on|l equipe) (?:l|les) (?:avez|as|a) (?:bien |deja |enfin )?"
    r"(?:transmise?s?|recue?s?|lue?s?|vue?s?|envoyee?s?|traitee?s?|oubliee?s?|perdue?s?|eue?s?)",
    # "vous m'oubliez ?": the member feared forgotten.
    r"(?:vous|tu|l equipe) (?:m|nous) (?:avez |a |as )?oublie\w*",
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
_MY_QUESTIONS = phrases(r"mes questions")
# "ma petite-fille me dit de poser mes questions au bot": questions still to ask, none waiting for an answer.
_TO_ASK = phrases(r"(?:poser|envoyer|ecrire|adresser|demander) (?:toutes |ici |vous |lui |leur )?mes questions")
_KEEPING = compiled(r"\b(?:gard|conserv|stock|effac|supprim|archiv|enregistr|lis|lit|lire|voi|voit|partag|donnee)")


# "la mairie a fait l'inverse de notre avis et personne ne nous a répondu": who did not answer is left unnamed, and
# another office is told acting in the message; the silence is theirs ("personne ne m'a répondu" alone is ours).
_NOBODY_ANSWERED = phrases(r"(?:on|personne) (?:ne |n )?(?:m |nous )?(?:a|avait) (?:toujours |jamais |pas |rien |encore |"
                           r"plus )*repondu")
_OTHERS_ACTED = compiled(r"(?:^|\s)(?:la|le|les|l|notre|nos|leur|leurs|ce|cette|ces) " + OFFICES + r" (?:ne |n )?"
                         r"(?:nous |m |leur |y )?(?:a|ont|avait|avaient|est|sont|vient|viennent|va|vont|fait|font|"
                         r"decide|refuse|dit)(?=\s|$)")


# "quand tu ne connais pas la réponse, ma question est transmise à quelqu'un ?": what happens to a question the bot
# cannot answer, asked in general (an entry), not after a question of the member's own.
_WHEN_UNKNOWN = compiled(r"(?:^|\s)(?:quand|si|lorsque|lorsqu) (?:tu|vous|le bot|le robot|il|on) (?:ne |n )?"
                         r"(?:connais|connait|connaissez|sais|sait|savez|trouve|trouves|trouvez|peux|peut|pouvez) "
                         r"(?:pas|plus|rien)\b")


def asks_after_its_question(key: str) -> bool:
    """Whether the folded message asks where a question sent to the team stands."""
    if _WHEN_UNKNOWN.search(key):
        return False
    if _OTHERS_ACTED.search(key):
        key = _NOBODY_ANSWERED.sub(" ", key)
    return bool((_STATUS.search(key) and not _ASKED_ELSEWHERE.search(key)) or (
        _MY_QUESTIONS.search(key) and not _KEEPING.search(key) and not _TO_ASK.search(key)))
