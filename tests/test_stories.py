"""New members tell a story before they ask: who they are, where they live, how long, how they feel, an apology.

The messages below were written for this test (never taken from an evaluation set): a name of any origin, a
neighbourhood, a trade, a duration, a feeling, "désolée de vous déranger", then one question, at the end, in the
middle or only implied ("je ne sais même pas ce que c'est"). The hotline answers the question inside the story.
"""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, detect
from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.normalize import words
from bot.answering.segment import Role, split_message
from bot.events.intent import agenda_intent

STORIES = [
    ("Bonjour, je suis Mariam, j'habite les Dervallières. J'ai raté le webinaire de la semaine dernière "
     "parce que mon fils était malade, j'étais vraiment déçue. Est-ce qu'on peut le regarder après ?",
     ('event-replay',), None),
    ('Bonjour, Farid, 50 ans, chauffeur de bus, habitant du Breil. Je suis au conseil depuis 2 ans et on a'
     ' toujours les réunions le jeudi à 14h, impossible pour moi. À quelle heure les réunions sont censées'
     ' avoir lieu ?',
     ('fonct-frequence-reunions',), None),
    ("Bonjour, c'est Saïd, 60 ans, j'habite au Breil. On nous parle du NPNRU dans toutes les réunions, "
     'avec des plans et des maquettes. Je ne sais même pas ce que veulent dire ces lettres.',
     ('theme-npnru',), 'NPNRU'),
    ("Bonjour, c'est Jacques, 75 ans, retraité de la marine. Le conseil citoyen a un budget à lui ou il "
     'dépend de la mairie pour chaque dépense ? On ne sait jamais combien on a.',
     ('moyens-budget',), None),
    ("Bonjour, je suis Valérie, j'habite à la Halvêque. On parle de la politique de la ville à la télé et "
     "dans les réunions et j'ai honte mais je ne sais pas ce que c'est.",
     ('cdv-politique-de-la-ville',), 'politique de la ville'),
    ("Bonjour, je suis Romain, 36 ans, prof de sport, j'habite à Rezé. J'ai vu que RésO Villes faisait des"
     ' webinaires en 2026. Lesquels sont prévus ?',
     ('event-webinaires-2026',), None),
    ("Bonjour, je m'appelle Eric, je suis ouvrier dans une usine à Carquefou et j'habite Nantes Nord. Le "
     "webinaire que je voulais est complet, j'étais vraiment déçu. Qu'est-ce que je peux faire ?",
     ('event-complet',), None),
    ("Bonjour, c'est Roselyne, 63 ans, du Clos Toreau. Une voisine m'a donné un exemplaire de la gazette "
     "des conseils citoyens. Qu'est-ce que c'est exactement ?",
     ('crpv-gazette',), None),
    ("Bonjour, je m'appelle Agnès, 50 ans, j'habite Rezé. L'année prochaine il y a une évaluation à mi-"
     "parcours du contrat de ville d'après la mairie. Le conseil citoyen peut y participer comment ?",
     ('cdv-evaluation-participer', 'cdv-mi-parcours-2027'), None),
    ("Bonjour, je m'appelle Sakina, conseillère à Bellevue. On a appris qu'une maison du projet va ouvrir "
     "dans le quartier. C'est quoi une maison du projet ?",
     ('theme-maison-du-projet',), 'maison du projet'),
    ("Ça fait deux ans qu'on travaille sur le projet de parc, on a fait des enquêtes, des réunions, des "
     'dessins avec les enfants. Et les élus ont tout décidé sans nous. Je suis dégoûtée. À quoi ça sert de'
     " donner notre avis si personne ne l'écoute ?",
     ('cdv-avis-ignore',), None),
    ("Bonjour, je suis Fabrice, 48 ans, artisan à Nantes Nord. Au conseil il y a quelqu'un qui vient à "
     'chaque réunion pour faire de la propagande pour son parti. Le conseil doit bien être neutre, non ?',
     ('cc-neutralite',), None),
    ("On est une petite équipe de bénévoles très motivés aux Minguettes, enfin on vient d'arriver à "
     'Nantes. On voudrait créer une association pour le conseil citoyen, on ne sait pas par où commencer. '
     'Quelles sont les étapes ?',
     ('fonct-creer-association',), None),
    ("Bonjour, je suis Maryse, 65 ans, j'habite aux Dervallières. Je vais au copil demain pour la première"
     " fois et je représente le conseil citoyen. J'ai le trac, je ne sais pas quoi dire là-bas.",
     ('cdv-copil-quoi-dire', 'cdv-copil-preparer'), None),
    ("Bonjour, Annick, 73 ans, de Nantes Nord. Ma petite-fille m'a dit que le bot pouvait se tromper. Est-"
     "ce qu'on peut avoir confiance dans les réponses ?",
     ('hotline-fiabilite',), None),
    ("Bonjour à toute l'équipe, je suis Cédric, animateur au centre socioculturel de la Bottière. "
     "Plusieurs habitants me demandent ce qu'est le conseil citoyen et je n'arrive pas à l'expliquer "
     "simplement. C'est quoi exactement ?",
     ('cc-definition',), 'conseil citoyen'),
    ("Bonjour, je suis Amadou, j'habite à Nantes Nord. On est 8 au conseil et on voudrait savoir combien "
     "il faut être normalement. On a peur d'être trop peu.",
     ('cc-nombre-membres',), None),
    ("Excusez-moi si ma question est bête. Je suis au conseil depuis trois mois et je n'ai jamais osé "
     'demander. Le conseil citoyen, il sert à quoi concrètement dans le quartier ?',
     ('cc-role',), None),
    ("Bonjour, je m'appelle Awa, je suis conseillère citoyenne à Malakoff depuis 2 ans. Un membre du "
     "conseil ne vient jamais aux réunions et critique tout le monde sur le groupe WhatsApp. Est-ce qu'on "
     'peut le faire sortir du conseil ?',
     ('fonct-exclusion',), None),
    ("Bonjour, c'est Salif, 37 ans, j'habite à Bellevue. Quand le conseil a été créé il y avait deux "
     'groupes, les habitants et les associations. Pourquoi deux collèges ?',
     ('cc-colleges',), None),
    ('Bonjour, je suis Guy, 66 ans, trésorier du conseil de Rezé. On organise un vide-grenier sur le '
     "parking en mai. Est-ce qu'il faut prendre une assurance ?",
     ('moyens-assurance',), None),
    ('Pardon pour le dérangement. Ma mère a 85 ans, elle vit seule au 8e étage sans ascenseur qui marche, '
     "et avec la chaleur qui arrive j'ai très peur. Il existe quelque chose pour prévenir les personnes "
     'fragiles pendant les canicules ?',
     ('theme-adapt-canicules', 'theme-canicule-conseils'), None),
    ('Bonjour, je suis Hakim, président du club de foot du quartier et membre du conseil citoyen des '
     "Dervallières. On aimerait monter un tournoi pour les jeunes mais on n'a pas d'argent. Comment on "
     'demande le FPH pour ça ?',
     ('moyens-fph-demander',), None),
    ("Mon patron m'a dit que si je partais encore pour le conseil citoyen il me retirerait des heures. "
     "J'aime vraiment mon engagement et je ne veux pas perdre mon travail. Je fais comment ?",
     ('moyens-conge-salarie',), None),
    ("Bonjour, je suis Sébastien, 40 ans, papa de deux ados, j'habite au Sillon de Bretagne. Les jeunes du"
     ' quartier ne viennent jamais au conseil citoyen, ils trouvent ça ringard. Comment les faire '
     'participer ?',
     ('fonct-mobiliser-jeunes',), None),
    ('Bonjour, je me présente : Gérard, 70 ans, ancien artisan, conseiller citoyen à la Halvêque. Je suis '
     "un peu perdu avec tous ces sigles. C'est quoi la GUSP ?",
     ('theme-gusp',), 'GUSP'),
    ("Bonjour, je m'appelle Élodie, je suis maman solo de deux enfants et je travaille à mi-temps à la "
     "cantine. Je suis nouvelle au conseil citoyen de Bellevue. Je ne sais pas vraiment ce qu'on attend de"
     ' moi, concrètement je dois faire quoi ?',
     ('cc-nouveau-membre',), None),
    ("Bonjour, je suis Henri, 70 ans, j'habite Orvault. On a entendu dire que RésO Villes allait arrêter "
     "de nous accompagner. C'est vrai ? Ça m'inquiète beaucoup.",
     ('crpv-fin-accompagnement',), None),
    ("Bonjour, je suis Denise, j'habite la Halvêque. Mon fils m'a dit qu'on pouvait mettre les événements "
     'dans le calendrier du téléphone. Comment on fait ça ?',
     ('event-ajouter-agenda',), None),
    ("Bonjour, je suis Svetlana, je viens d'Ukraine et j'habite à Rezé depuis 2 ans. Je n'ai pas encore la"
     " nationalité française. Une amie veut que je rentre au conseil citoyen mais j'ai peur de ne pas "
     'avoir le droit. Je peux quand même ?',
     ('cc-nationalite',), None),
    ("Bonjour, je suis Jamel, j'habite à la Bottière. J'ai un rendez-vous avec le chef de projet politique"
     " de la ville, mais je ne sais pas qui c'est ni ce qu'il fait. Vous pouvez m'expliquer ?",
     ('cdv-chef-de-projet',), 'chef de projet politique de la ville'),
    ("Bonjour, je suis Francis, j'ai 59 ans et j'habite à Saint-Herblain. J'ai entendu parler d'adultes-"
     "relais dans le quartier voisin, ils aident les habitants. C'est quoi leur métier ?",
     ('theme-adultes-relais',), 'adulte-relais'),
    ("Bonjour, je m'appelle Ange, j'ai 52 ans et je suis médiatrice à la Bottière. Est-ce qu'un adulte-"
     'relais peut aider le conseil citoyen à aller chercher les habitants ?',
     ('theme-adultes-relais-conseil',), None),
    ("Bonjour, je m'appelle Ousseynou, j'ai 45 ans. Qui représente le conseil au comité de pilotage ? Chez"
     " nous aux Dervallières c'est toujours la même personne qui y va depuis cinq ans et elle ne nous "
     'raconte rien, ça crée des tensions.',
     ('cdv-copil-representants',), None),
    ("Bonjour, je suis Thierry, 55 ans, j'habite le Clos Toreau depuis 30 ans. Il y a des dépôts d'ordures"
     ' et de vieux matelas au pied de mon immeuble, ça sent mauvais et il y a des rats. Je suis à bout. À '
     'qui je dois signaler ça ?',
     ('theme-cadre-de-vie-signaler',), None),
    ("Salut c'est Kevin, 19 ans, je vis chez ma mère au Breil. Je voulais savoir si on peut rentrer au "
     'conseil citoyen à mon âge, tous les gens que je vois aux réunions ont 60 ans lol',
     ('cc-jeunes',), None),
    ('Bonjour, je suis Latifa, habitante de Bellevue depuis 20 ans et conseillère citoyenne. Notre conseil'
     " a besoin d'imprimer des affiches pour la fête et on n'a pas d'imprimante. Comment on fait ?",
     ('fonct-photocopies',), None),
    ('Bonjour, Ousmane ici, conseiller citoyen à Nantes Nord depuis 3 ans. Notre bailleur nous parle sans '
     "arrêt de l'abattement de TFPB pour justifier ses travaux, mais personne ne comprend. Ça veut dire "
     'quoi exactement ?',
     ('theme-tfpb',), 'TFPB'),
    ("Bonjour, je suis Monique, veuve, 74 ans, j'habite aux Dervallières depuis 1975. L'été dernier avec "
     "la chaleur plusieurs voisins âgés se sont retrouvés seuls chez eux et j'ai eu très peur pour eux. "
     "Qu'est-ce qu'on peut faire pendant une canicule ?",
     ('theme-canicule-conseils',), None),
    ("Bonjour madame, monsieur, je suis Mamadou Diallo, j'habite Saint-Herblain au Sillon de Bretagne. Je "
     'travaille comme agent de sécurité en horaires décalés. On a une réunion du conseil citoyen un mardi '
     "à 14h et mon chef ne veut pas me libérer. Est-ce qu'il a le droit de refuser ?",
     ('moyens-conge-salarie',), None),
]


@pytest.mark.parametrize(("text", "expect", "term"), STORIES)
def test_a_member_who_tells_her_story_first_is_answered_on_what_she_asks(
        answerer: Answerer, text: str, expect: tuple[str, ...], term: str | None) -> None:
    decision = answerer.decide(text)
    if decision.kind == Kind.GLOSSARY:
        assert term is not None and decision.term is not None and decision.term.term.casefold() == term.casefold()
    else:
        assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id in expect


def _roles(text: str) -> list[tuple[Role, str]]:
    return [(s.role, s.text) for s in split_message(text) if s.text]


def test_an_apology_and_a_doubt_about_asking_here_weigh_nothing() -> None:
    parts = _roles("Désolée de vous déranger, je sais pas si c'est le bon endroit pour demander. "
                   "Le copil, c'est quoi ?")
    assert parts[0][0] == Role.GREETING
    assert _roles("On se pose la question au conseil : faut-il devenir une association ?")[0][0] == Role.GREETING


def test_not_knowing_what_a_thing_is_after_a_story_asks_what_it_is() -> None:
    parts = _roles("On a un copil le mois prochain et on m'a demandé d'y aller mais je ne sais même pas ce que c'est.")
    assert parts[-1] == (Role.QUESTION, "je ne sais même pas ce que c'est.")
    assert parts[0][0] == Role.CONTEXT


def test_but_ends_an_introduction() -> None:
    parts = _roles("Je suis conseillère citoyenne mais je n'ai jamais compris d'où venaient les conseils citoyens. "
                   "Il y a une loi ?")
    assert parts[0] == (Role.INTRO, "Je suis conseillère citoyenne")
    assert parts[1][0] == Role.CONTEXT


def test_a_trade_and_a_name_said_with_cest_say_who_asks() -> None:
    assert _roles("je suis vendeuse et j'habite à la Halvêque, on a une question")[0][0] == Role.INTRO
    parts = _roles("Bonjour, c'est Jacques, 75 ans, retraité de la marine. Le conseil a un budget ?")
    assert [role for role, _ in parts[:3]] == [Role.INTRO, Role.INTRO, Role.INTRO]


def test_a_feeling_joined_to_what_is_told_says_who_asks() -> None:
    parts = _roles("On parle de la politique de la ville à la télé et j'ai honte mais je ne sais pas ce que c'est.")
    assert (Role.INTRO, "j'ai honte") in parts
    assert (Role.CONTEXT, "On parle de la politique de la ville à la télé") in parts


@pytest.mark.parametrize("text", [
    "J'ai raté le webinaire de la semaine dernière, on peut le regarder après ?",
    "L'été dernier une voisine a fait un malaise, il existe quelque chose pour les personnes âgées ?",
])
def test_a_time_gone_by_asks_for_no_agenda(text: str) -> None:
    assert agenda_intent(words(text)) is None


@pytest.mark.parametrize("text", ["c'est quand le prochain webinaire ?", "qu'est-ce qui est prévu l'été prochain ?"])
def test_a_time_ahead_still_asks_for_the_agenda(text: str) -> None:
    assert agenda_intent(words(text)) is not None


def test_not_knowing_what_to_answer_after_a_story_asks_about_the_story() -> None:
    parts = _roles("On me demande souvent la différence avec le conseil citoyen et je ne sais jamais quoi répondre.")
    assert parts == [(Role.QUESTION, parts[0][1])]
    parts = _roles("Je suis inscrite à une journée et je me demande si je vais devoir payer quelque chose.")
    assert parts[-1][0] == Role.QUESTION and "payer" in parts[-1][1]


def test_heard_of_and_degree_adverbs_name_nothing(answerer: Answerer) -> None:
    assert "parler" not in answerer.analyze("j'ai entendu parler de RésO Villes").words
    assert not set(answerer.analyze("je suis complètement perdue").tokens) & set(answerer.analyze("complet").tokens)


def test_why_the_member_asks_says_who_asks() -> None:
    parts = _roles("Je voudrais quitter le conseil parce que je déménage au Sénégal pour ma retraite. Je fais comment ?")
    assert (Role.INTRO, "parce que je déménage au Sénégal pour ma retraite.") in parts
    assert parts[0] == (Role.QUESTION, "Je voudrais quitter le conseil")
    # A reason that asks is the question itself.
    assert _roles("Je vous écris parce que je voudrais savoir si on peut venir")[0][0] == Role.QUESTION


def test_a_wish_after_an_introduction_is_what_is_asked(answerer: Answerer) -> None:
    text = "Je m'appelle Karim j'ai 23 ans j'habite Malakoff et je voudrais entrer au conseil citoyen comment je fais"
    assert [said for role, said in _roles(text) if role == Role.INTRO] == [
        "Je m'appelle Karim", "j'ai 23 ans", "j'habite Malakoff"]
    decision = answerer.decide(text)
    assert decision.entry is not None and decision.entry.id == "cc-comment-rejoindre"


def test_knowing_nobody_is_no_wish_to_make_the_council_known(answerer: Answerer) -> None:
    assert answerer.analyze("je ne connais personne au conseil").tokens == answerer.analyze("au conseil").tokens


def test_a_feeling_said_first_leaves_what_is_asked_to_the_rest() -> None:
    parts = _roles("J'ai honte mais je ne sais toujours pas ce qu'est la politique de la ville")
    assert (Role.INTRO, "J'ai honte") in parts
    assert _roles("Je suis triste et en colère.") == [(Role.CONTEXT, "Je suis triste et en colère.")]


def test_eagerness_is_a_feeling_and_a_letter_s_opening_is_politeness() -> None:
    parts = _roles("Une voisine m'a parlé du conseil citoyen et ça m'intéresse beaucoup.")
    assert (Role.INTRO, "ça m'intéresse beaucoup.") in parts
    assert _roles("Je suis super motivée.") == [(Role.INTRO, "Je suis super motivée.")]
    assert _roles("Je vous écris parce que je suis en colère.")[0] == (Role.GREETING, "Je vous écris")


def test_the_word_named_in_the_story_is_what_its_meaning_asks(answerer: Answerer) -> None:
    decision = answerer.decide("Bonjour, Albert, 82 ans, ancien instituteur. Je lis partout le mot QPV dans les papiers "
                               "du conseil. Qu'est-ce que ça veut dire ?")
    assert decision.kind == Kind.GLOSSARY and decision.term is not None and decision.term.term == "QPV"


def test_owning_no_computer_asks_for_no_person() -> None:
    # "pas d'ordinateur" after "je n'ai": what the member owns, not "pas à un ordinateur".
    assert Act.HUMAN not in detect("Je n'ai pas d'ordinateur et mon téléphone est vieux.")
    assert Act.HUMAN in detect("pas de robot svp")


def test_not_knowing_what_to_do_before_a_plain_question_is_its_story() -> None:
    # Asked plainly afterwards, the question is what the member asks; not knowing what to do says why.
    parts = _roles("Ça fait trois mois que je suis au conseil et je ne sais pas quoi faire. Je commence par quoi ?")
    assert [role for role, _ in parts] == [Role.CONTEXT, Role.QUESTION]
