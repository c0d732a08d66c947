"""Complaints and insults: "c nul votre truc", "vous comprenez rien", "bot de merde". Weariness or anger at someone
else ("j'en ai marre, le bailleur se moque de nous") is told apart: no apology is owed for it."""

from __future__ import annotations

from bot.answering.acts.reading import folded, phrases
from bot.cache import compiled

# "je ne suis pas contente du tout": displeasure, at the hotline only if the message names it (see _WEARY).
_DISPLEASED = (r"(?:je ne suis|je suis|suis|j suis) (?:pas|vraiment pas|absolument pas|pas du tout) (?:du tout )?"
               r"(?:contente?s?|satisfaite?s?)")
_INSULT_NOUNS = (r"(?:idiot|idiote|idiots|cretin|cretins|cretine|abruti|abrutis|abrutie|bouffon|bouffons|imbecile|"
                 r"imbeciles|stupide|stupides|debile|debiles|incapable|incapables|incompetent|incompetents|"
                 r"incompetente|minable|minables|nullard|nullards|nullos|guignol|guignols|clown|clowns|con|cons|"
                 r"conne|connes|connard|connards|connasse|connasses|naze|nazes|ridicule|ridicules|bons? a rien|bonnes? a rien)")
# "vous lisez ce que j'écris ?": a reproach after a complaint ("c'est pas ma question ça, vous lisez ce que j'écris
# ?!"), a question of its own alone (who reads the messages: a matter of personal data).
_READ_ME = r"(?:vous|tu) (?:ne |n )?(?:me |m )?(?:lisez|lis|ecoutez|ecoutes)"
_WHAT_I_SAY = (r" (?:ce que (?:j ecris|je vous ecris|j ai ecrit|je dis|je vous dis|j ai dit|je demande|"
               r"je vous demande|j ai demande)|quand je (?:parle|vous parle|vous ecris|ecris))")
_REPROACH = phrases(_READ_ME + r"(?: vraiment| donc| meme| pas| jamais| au moins)*" + _WHAT_I_SAY,
                    # "tu comprends rien à ce que je dis, …la même question": what the member said or asked, named
                    # in the reproach, is no subject of its own.
                    r"(?:a )?ce que (?:je|j) (?:dis|ecris|demande|veux dire|explique|raconte)",
                    r"(?:la meme|cette|ma|mes|les memes) questions?(?= |$)(?! (?:sur|de|du|des|concernant|pour)\b)",
                    # "…ça fait trois fois !": how often the member had to ask.
                    r"ca fait (?:\d+|deux|trois|quatre|cinq|plusieurs|dix) fois(?= |$)",
                    # "j'ai passé ma soirée là-dessus": the time the member lost, told with the reproach.
                    r"(?:j ai |on a )?passe (?:toute |tout )?(?:ma|mon|notre|la|le|des|une) (?:soiree|journee|matinee|"
                    r"nuit|heures?|heure|apres midi|aprem|week end|weekend|temps) (?:la dessus|dessus|a ca|sur ca|"
                    r"sur ce truc|sur votre truc|a essayer)(?= |$)",
                    # "j'ai raconté toute mon histoire avec la mairie et vous me sortez un truc…": what the member
                    # told, and what the hotline gave back, are the reproach, not a subject.
                    r"(?:j ai|je vous ai|je t ai|je vous|je t) (?:tout |bien |pourtant )?(?:raconte|explique|dit|ecrit|"
                    r"detaille|decrit) (?:toute |tout )?(?:mon|ma|mes|notre|nos|le|la|les) (?:histoire|situation|"
                    r"probleme|problemes|cas|vie|souci|soucis)(?: (?:avec|sur|de) (?:la|le|les|l|mon|ma|notre) \w+)?",
                    r"(?:vous|tu) (?:me|m|nous) (?:sortez|sors|balancez|balances|donnez|donnes|envoyez|envoies|"
                    r"repondez|reponds|parlez|parles) (?:de )?(?:un|une|des|d) (?:truc|trucs|chose|choses|reponse|"
                    r"reponses|machin|machins)(?: qui)?")
# "t'es trop bête", "bête comme un robot": said of the hotline ("c'est bête, j'ai raté la réunion" is a pity).
_STUPID = (r"(?:vous etes|tu es|t es|il est|ce bot est|votre bot est)(?: vraiment| trop| completement| totalement|"
           r" un peu| tellement| si| super| tres| bien)* betes?|betes? comme (?:un |une |vos |ses |tes )?(?:robot|bot|"
           r"machine|pieds|ordinateur|programme)|d etre (?:aussi|si|tellement|autant) betes?")
# "ferme-la", "dégage": orders that insult only when given to the hotline, alone or with words of address after
# them ("ferme-la sale bot"); "à quelle heure ferme la mairie", "dégager du temps pour le conseil" ask questions.
_TO_THE_BOT = (r"(?:ferme|fermez|fermes) la(?= (?:donc|un peu|maintenant|stp|svp|sale|espece|toi|vous|tu|le bot|"
               r"bot|robot|machine|merde|putain)(?:\s|$)|$)|(?:degage|degagez|degages)(?! (?:du|des|un|une|le|les|la|l|"
               r"assez|plus|suffisamment)(?:\s|$))(?! de (?:la|l) \w)")
# "toujours pareil, personne ne m'aide", "je suis fatiguée de tout ça": weariness, said of whoever; at the hotline only
# if the message names it (see _WEARY). "c'est toujours pareil pour les jeunes ?" asks about a rule.
_WORN_OUT = (r"(?:toujours|encore|tjrs|tjs) pareil(?! (?:pour|que|qu|a|au|aux|en|si|quand|dans|avec|le|la|les|l|de|du|"
             r"des|d)(?:\s|$))",
             # "personne ne m'aide", not "une personne aide au secrétariat"
             r"(?<!une )(?<!la )(?<!cette )(?<!chaque )(?<!de )(?<!en )personne (?:ne |n )?(?:m |nous )?"
             r"(?:aide|aident)(?: moi| nous)?(?! (?:a|au|aux|pour)(?:\s|$))",
             r"(?:je suis|j suis|jsuis|suis|on est|nous sommes) (?:vraiment |tellement |trop |tres |un peu |si )?"
             r"(?:fatiguee?s?|epuisee?s?|lassee?s?|usee?s?) (?:de (?:ca|cela|tout ca|tout cela|cette situation|attendre|"
             r"repeter|redemander|demander|me battre|nous battre)|par (?:tout )?(?:ca|cela))(?=\s|$)")
_FRUSTRATION = phrases(
    *_WORN_OUT,
    r"nul", r"nulle", r"nuls", r"nulles", r"pourri", r"pourrie", r"pourris", r"inutile", r"inutiles",
    r"(?:sert|servez|sers|servent) (?:\w+ )?a rien",
    r"n importe quoi", r"j en peux plus", r"ras le bol", r"ca m enerve",
    # "j'en ai marre de ce robot": the hotline named in the anger is no subject of a question.
    r"(?:j en ai |y en a )?marre(?: de (?:ce|votre|ton|cette|vos|tes) (?:bot|robot|chatbot|truc|machin|programme|appli|"
    r"application|service|hotline))?",
    r"m enerve\w*", r"m agace\w*", r"(?:me|m) gonfl\w*",
    # "vous êtes même pas capables de répondre": the hotline said unable.
    r"(?:vous etes|tu es|t es|vous n etes|tu n es) (?:pas|meme pas|jamais|vraiment pas) (?:capables?|fichus?|foutus?) de",
    r"m exaspere\w*", r"ca me saoule", r"saoule", r"saoulant", r"relou", r"honteux", r"scandale",
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
    r"pas (?:du tout |vraiment )?ca que (?:j ai|je|j) (?:demande|demandais|voulais|veux|cherche|cherchais)",
    r"pas (?:du tout |vraiment |exactement |tout a fait )?ce que (?:j ai|je|j) (?:demande|demandais|cherche|cherchais|"
    r"voulais|veux)",
    r"j ai (?:pas|jamais) demande ca",
    # "c'est pas ce que je vous ai demandé": the hotline named between "je" and "ai".
    r"pas (?:du tout |vraiment |exactement )?ce que je (?:vous|t|te) (?:ai|avais) (?:demande|dit|ecrit)",
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
    r"(?:pose|repose|demande|redemande|ecris|reecris|dis|redis|repete|essaie)(?: (?:la|ma|cette|une|les|mes|ces) "
    r"(?:meme )?questions?)?",
    r"(?:toujours|encore|tjrs|tjs) (?:la meme|les memes) (?:reponse|reponses|chose|choses|truc)",
    r"(?:vous|tu) (?:repetez|repetes|me repetez|me repetes|radotez)",
    r"mal (?:fait|faite|foutu|foutue|concu|concue|pense|pensee|fichu)", r"perd\w* (?:mon|notre|du|son) temps",
    r"perte de temps", r"aucun interet",
    r"(?:aucune|aucun) (?:de vos |des |de ces )?(?:reponses?|propositions?|choix|suggestions?)",
    r"pas (?:tres |vraiment |du tout )?(?:pratique|intuitif|intuitive|terrible|top|au point)", r"decevant\w*", r"decu\w*",
    r"deception",
    r"(?:ne )?m a (?:pas|absolument pas|pas du tout|vraiment pas|en rien) (?:aide\w*|servi|avance\w*)",
    r"(?:reponse|reponses) (?:\w+ )?a cote", r"c est une blague", r"vous (?:plaisantez|rigolez|vous moquez)",
    r"(?<!pique )nique\w*", r"ta mere",  # "pique-nique" is read "pique nique"
    r"encul\w*", r"batard\w*", r"enfoire\w*", r"salaud\w*", r"a chier", r"tg", r"ftg", r"fdp", r"ntm",
    r"laiss\w* tomber", r"tant pis", r"j abandonne", r"oubliez", r"se moqu\w* de",
    r"vous etes nuls?", r"foutez", r"fous toi", r"vous vous foutez", r"se fout\w* de",
    r"va (?:te )?faire (?:voir|foutre|cuire)", r"allez vous faire \w+", r"va chier", r"casse toi", r"cassez vous",
    r"ta gueule", _TO_THE_BOT,
    # "personne ne nous écoute, même pas le robot": the hotline counted among those who do not listen.
    r"meme pas (?:le|ce|votre|ton) (?:robot|bot|chatbot)", r"arnaque de bot", r"bot de merde",
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
_WEARY = phrases(
    *_WORN_OUT,
    r"j en ai marre", r"j en peux plus", r"marre", r"ras le bol", r"y en a marre", r"ca m enerve", r"m enerve",
    r"ca me saoule", r"saoule",
    r"saoulant", r"honteux", r"scandale", r"(?<!ont )(?<!\ba )(?<!ai )(?<!avoir )honte", r"scandaleux", r"merde",
    r"putain", r"pf+", r"gr+", r"laiss\w* tomber", r"tant pis", r"j abandonne", r"se fout\w* de", r"se moqu\w* de",
    # "le conseil peut faire quelque chose ou on perd notre temps ?": doubt about the council, not about us.
    r"ou (?:bien )?(?:on|je|j|nous) (?:y )?perd\w* (?:mon|notre|son) temps",
    _DISPLEASED,
)
_HOTLINE_NAMED = phrases(
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
                          r"a (?:rien|quoi)(?=\s|$)|(?:^|\s)a quoi (?:je|on|nous) (?:sers|sert|servons)(?=\s|$)"
                          # "ça sert à rien de continuer", "ça sert plus à rien de se réunir": the council's own effort
                          # doubted ("ça sert à rien de vous écrire" stays anger at us).
                          r"|(?:^|\s)(?:ca|c|cela) (?:ne |n )?sert (?:plus |vraiment |strictement |absolument )?a rien "
                          r"(?:de|d) (?:continuer|venir|revenir|se reunir|nous reunir|participer|s investir|nous investir|"
                          r"s engager|insister|rester|se battre|nous battre|y aller|y retourner|proposer|"
                          r"donner (?:notre|son|un|des) avis)(?=\s|$)")
_SMILEY_ANGER = frozenset("😡🤬😠👎💩😤🙄")


# "et si j'en ai marre avant la fin ?": weariness supposed, in a condition, is a question about what then.
_SUPPOSED = compiled(r"(?:^|\s)(?:et si|meme si|si jamais|sauf si|^si) (?:j|on|nous|ils|elles|il|elle) "
                     r"(?:en ai|en a|en avons|en ont|en peux|en peut|en pouvons) (?:plus|marre)(?=\s|$)")


# "on a essayé de leur parler, ça marche pas": what the member tried failed; the story's trouble, not the hotline's.
_TRIED_IN_VAIN = compiled(r"(?:^|\s)(?:essaye|tente|teste)(?! (?:ce que (?:vous|tu)|votre|vos|ton|tes)(?:\s|$))"
                          r"(?: \w+){1,10}? (?:mais |et )?(?:ca|sa|cela) (?:ne |n )?(?:marche|fonctionne)(?: toujours|"
                          r" jamais| plus)* (?:pas|jamais|plus)(?=\s|$)")
# "je veux pas perdre mon temps", "pour ne pas perdre de temps": time the member means to spend well, none lost here.
_NO_TIME_LOST = compiled(r"(?:^|\s)(?:(?:veux|veut|voudrais|voulons|voudrait|aimerais|souhaite|tiens|tient) (?:pas|plus|"
                         r"surtout pas)(?: a)?|ne pas|sans) (?:y )?perdre (?:mon|notre|son|leur|du|de) temps(?=\s|$)")
# "c'était un peu la honte", "on avait honte": embarrassment told in a story, not "c'est une honte" said to us.
_ASHAMED = compiled(r"(?:^|\s)(?:(?:c etait|c etais|ca a ete|ca etait) (?:un peu |vraiment |trop |carrement |grave |"
                    r"tellement )?la honte|(?:j|on|nous|il|elle|ils|elles) (?:avais|avait|avions|avaient|ai eu|a eu|"
                    r"avons eu|ont eu) (?:un peu |tellement |trop |vraiment |super )?honte)(?=\s|$)")


def complains(text: str, key: str) -> bool:
    """Whether the message (`key`: folded) vents or insults, or is nothing but an angry smiley."""
    for told in (_SUPPOSED, _TRIED_IN_VAIN, _NO_TIME_LOST, _ASHAMED):
        key = told.sub(" ", key)
    return bool(_FRUSTRATION.search(_ABOUT_ONESELF.sub(" ", _OTHERS_SILENT.sub(" ", key)))) or bool(
        set(text) & _SMILEY_ANGER and not key)


def aimed_at_hotline(text: str) -> bool:
    """Whether the anger in a message is at the hotline (an apology is owed) rather than weariness or anger at
    someone else: a complaint about answers or understanding, or the hotline named."""
    key = _ABOUT_ONESELF.sub(" ", _OTHERS_BLAMED.sub(" ", _OTHERS_SILENT.sub(" ", folded(text))))
    return bool(_HOTLINE_NAMED.search(key) or _FRUSTRATION.search(_WEARY.sub(" ", key)))


def without_complaint(text: str) -> str:
    """The message once its complaints and insults are taken out: what is left may still be a question."""
    return " ".join(_REPROACH.sub(" ", _FRUSTRATION.sub(" ", folded(text))).split())
