"""Members write about their own lives (the CAF, the rent, the canteen, a noisy neighbour, papers, a doctor, the
bus) and, as councillors, about the same things for the neighbourhood ("on veut parler du bruit au copil"). The
first are never answered with an entry as if the base covered them: the hotline says kindly that it is not its
field and who usually deals with it; an entry is answered only when it truly helps the member (whom to tell about
overflowing bins). The second are the council's business: never told "your personal situation", never answered
with an unrelated entry.

Both lists were written for this test in the members' own ways (stories, SMS, emotion), not taken from any
evaluation set; bench/RESULTS.md ("Daily life and the same words asked as a councillor") gives their figures."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind
from bot.app import App
from bot.core.replies import Sender
from tests.conftest import first_line, reply_in_chat

# An entry that truly helps the member with this matter of their own may answer it.
TRULY_HELPS = {
    "les poubelles de mon immeuble débordent depuis une semaine, on appelle qui ?": "theme-cadre-de-vie-signaler",
    "comment avoir la complémentaire santé solidaire ?": "theme-acces-droits-sante",
}

DAILY_LIFE = [
    "bonjour la caf m'a envoyé un courrier comme quoi je dois rembourser 800 euros, je comprends pas pourquoi",
    'mes apl ont baissé ce mois ci sans raison, qui je dois appeler ?',
    'jai pas recu mon rsa ce mois ci cest normal ?',
    'comment on declare un changement de situation a la caf',
    "Bonjour, je suis maman solo de 3 enfants et je n'arrive plus à payer mon loyer, le bailleur menace de "
    "m'expulser. Aidez moi svp",
    'le propriétaire veut pas me rendre ma caution ça fait 3 mois',
    "j'ai fait ma demande hlm il y a 4 ans et toujours rien, c'est normal d'attendre autant ?",
    'comment faire une demande de logement social à Nantes ?',
    "on est 5 dans un T2, je voudrais un logement plus grand, vous pouvez m'aider ?",
    "il y a de l'humidité et de la moisissure partout dans la chambre des enfants, le bailleur répond pas",
    "l'ascenseur de mon immeuble est en panne depuis 2 semaines et j'habite au 9e avec ma mère handicapée",
    "le chauffage marche pas chez moi depuis octobre, j'ai froid, je fais comment",
    "y a une fuite d'eau chez moi qui vient du voisin du dessus",
    "des punaises de lit dans mon appart, c'est au proprio de payer ?",
    "mon voisin met la musique à fond jusqu'à 3h du matin, j'en peux plus",
    'les voisins du dessous font du bruit toute la nuit, on peut porter plainte ?',
    'ma voisine crie tout le temps et tape sur les murs, je fais quoi',
    "le chien du voisin aboie toute la journée, c'est insupportable",
    'comment inscrire mon fils à la cantine ?',
    'les tarifs de la cantine ont augmenté, on peut contester ?',
    "ma fille est harcelée à l'école et la directrice fait rien",
    "c'est quand les inscriptions à l'école maternelle pour la rentrée ?",
    "je cherche une place en crèche pour mon bébé, ya une liste d'attente ?",
    'mon fils a été exclu du lycée, je peux faire un recours ?',
    'comment on trouve une nounou agréée dans le quartier',
    "le centre de loisirs c'est combien pour les vacances ?",
    "j'ai reçu ma taxe foncière, le montant a doublé, c'est possible ?",
    "je comprends rien à ma déclaration d'impôts, quelqu'un peut m'aider à la remplir ?",
    "les impots me reclament de l'argent alors que j'ai rien gagné",
    'comment avoir un délai pour payer mes impôts',
    "je suis au chômage depuis 6 mois, France Travail m'a radié, je fais quoi ?",
    'mon conseiller france travail repond jamais',
    'je cherche du travail dans le quartier, vous avez des offres ?',
    "mon patron me paie pas mes heures sup, c'est légal ?",
    "j'ai été licencié sans raison, je peux aller aux prud'hommes ?",
    'comment trouver un médecin traitant, plus aucun ne prend de nouveaux patients',
    'ma carte vitale est perdue, comment en refaire une ?',
    'la mutuelle rembourse pas mes lunettes, je fais comment',
    "je dois aller à l'hôpital mais j'ai pas de mutuelle",
    "j'ai besoin d'un dentiste en urgence ce weekend",
    "ma carte d'identité est périmée, il faut prendre rdv où ?",
    'comment renouveler un passeport pour mon fils, on part en juillet',
    'mon titre de séjour expire le mois prochain et la préfecture donne pas de rendez-vous',
    "je veux demander la nationalité française, c'est quoi les papiers ?",
    "j'ai eu une amende dans le tram alors que j'avais mon ticket, je conteste comment ?",
    'ma voiture a été mise à la fourrière, comment la récupérer ?',
    "j'ai pris un PV de stationnement devant chez moi, c'est injuste",
    'la ligne de bus 23 passe plus le dimanche, pourquoi ?',
    'le tram est toujours en retard le matin, à qui on se plaint ?',
    "EDF va me couper l'électricité, j'ai une facture de 600 euros",
    "ma facture d'eau est énorme, je pense qu'il y a une erreur",
    'comment on fait pour avoir le chèque énergie',
    "j'ai des dettes partout, je sais plus quoi faire, le surendettement c'est comment ?",
    "un huissier est venu chez moi ce matin, j'ai peur",
    "je veux divorcer mais j'ai pas d'argent pour un avocat",
    'comment on porte plainte pour une agression ?',
    'mon ex paie pas la pension alimentaire',
    'ma mère est âgée et seule, comment avoir une aide à domicile ?',
    "ma grand mère a besoin d'une place en ehpad, c'est où qu'on demande ?",
    "on m'a volé mon vélo en bas de chez moi, je fais quoi",
    'mon colis a jamais été livré',
    'ma banque a bloqué mon compte sans prévenir',
    'je veux ouvrir un compte en banque mais on me le refuse',
    "la pharmacie de garde c'est laquelle ce soir ?",
    'jai besoin dun certificat medical pour le sport de ma fille',
    'comment avoir la complémentaire santé solidaire ?',
    'jsui en galere pr payer le loyer ce mois ci',
    'c koi le numero de la caf',
    "vous pouvez m'aider pour mon dossier de retraite ? j'ai 62 ans",
    'je voudrais savoir combien je vais toucher pour ma retraite',
    'mon fils de 17 ans cherche un stage de 3e, vous connaissez des entreprises ?',
    'ma fille veut une bourse pour le lycée, comment on demande',
    "la prime d'activité a été supprimée, pourquoi ?",
    "le bailleur augmente les charges chaque année, c'est normal ?",
    "on veut déménager dans un autre quartier, comment on fait l'échange de logement ?",
    "Bonsoir, je m'appelle Samira. J'ai un souci avec mon proprio qui ne fait pas les réparations. Qui peut m'aider ?",
    "bonjour excusez moi de vous déranger, ma fille a perdu son emploi et elle va perdre son appartement, on peut "
    "faire quelque chose ?",
    "Je suis désespérée, on va être expulsés à la fin de la trêve hivernale, qu'est-ce que je peux faire ?",
    "mon voisin de palier fume dans la cage d'escalier et ça rentre chez moi",
    "il y a des rats dans la cour de mon immeuble, le gardien dit que c'est pas son problème",
    'les poubelles de mon immeuble débordent depuis une semaine, on appelle qui ?',
    'ma boite aux lettres a été cassée, qui doit la réparer ?',
    "on a pas d'eau chaude depuis 3 jours dans tout l'immeuble",
    "je veux faire une demande d'aide sociale, je vais où ?",
    "c'est où l'assistante sociale du quartier ?",
    'comment obtenir une aide pour payer la cantine',
    'mon fils est handicapé, comment on fait le dossier MDPH ?',
    'mon allocation adulte handicapé a été suspendue',
    "on m'a refusé le RSA, je peux contester ?",
    'je veux passer le permis de conduire, il y a des aides ?',
    'mon permis a été suspendu, comment le récupérer ?',
    'je cherche une formation pour devenir aide soignante',
    "mon fils a 16 ans et il a arrêté l'école, il fait rien de ses journées, aidez moi",
    'la piscine du quartier est fermée, elle rouvre quand ?',
    'la bibliothèque ouvre à quelle heure le samedi ?',
    'je veux faire une procuration pour voter, comment faire',
    'le marché du dimanche est annulé ?',
    'on peut avoir un rdv à la mairie pour un acte de naissance ?',
    'comment faire une carte de transport gratuite pour les chômeurs',
    'mon abonnement tan est trop cher, y a un tarif réduit ?',
    'ya des cours de français pour adultes dans le quartier ? pour ma mère',
    'je veux apprendre à utiliser un ordinateur pour mes démarches en ligne',
    'jarrive pas a faire ma declaration en ligne sur le site des impots',
    'la connexion à mon compte ameli marche pas',
    "pouvez vous m'aider à remplir le formulaire de la caf, j'y comprends rien",
    "mon fils se fait racketter au collège, j'ai peur pour lui",
    "y a des dealers en bas de chez moi, j'ai peur de rentrer le soir, j'appelle qui ?",
    'mon mari me frappe, je sais pas à qui parler',
    "j'ai reçu un courrier de la préfecture en anglais je comprends pas",
    "mon loyer a augmenté de 50 euros d'un coup, ils ont le droit ?",
    "on m'a coupé le gaz sans prévenir",
    "l'école de mon fils ferme la classe de CM1, on peut s'y opposer en tant que parents ?",
    'la maîtresse de ma fille est absente depuis 3 semaines et pas remplacée',
    'mes voisins ont des travaux tous les weekends à 8h',
    'le bar en bas fait trop de bruit la nuit, je dors plus',
    'help ma caf a bloqué mes droits',
    'je dois 2000 euros au trésor public, je peux payer en plusieurs fois ?',
    "urgent!!! on me coupe l'électricité demain",
    'svp comment je fais pr ma carte vitale jlai perdu',
    'ma fille a eu son bac, comment elle fait pour parcoursup ?',
    'je voudrais un jardin familial, il y a une liste ?',
    "je veux adopter un chat, il y a un refuge près d'ici ?",
    "combien de voix il faut à l'assemblée générale de la copropriété pour changer de syndic",
    "la copropriété de mon immeuble vote les travaux en assemblée générale, c'est quoi la majorité ?",
]

# The same words asked as a councillor, each with the entries that answer it.
AS_A_COUNCILLOR = [
    ('on veut parler du bruit au copil, comment on fait ?',
     'cdv-copil-quoi-dire cdv-copil-preparer theme-securite-tranquillite'),
    ("au conseil on voudrait faire remonter les problèmes de logement du quartier, à qui on s'adresse ?",
     'cdv-bon-interlocuteur theme-logement-social-attributions'),
    ("c'est quoi le rôle du bailleur social dans le contrat de ville ?",
     'theme-bailleur-social theme-tfpb'),
    ('le conseil citoyen peut-il donner son avis sur les attributions de logements sociaux ?',
     'theme-logement-social-attributions'),
    ("les habitants se plaignent de l'état des immeubles du bailleur, le conseil citoyen peut faire quoi ?",
     'theme-tfpb theme-bailleur-social cdv-bon-interlocuteur theme-cadre-de-vie-signaler'),
    ('comment le conseil peut participer au projet de rénovation du quartier ?',
     'theme-renouvellement-participer cdv-renouvellement-urbain'),
    ('les poubelles débordent partout dans le quartier, le conseil citoyen peut signaler ça à qui ?',
     'theme-cadre-de-vie-signaler'),
    ("on a un projet avec les écoles du quartier, c'est quoi une cité éducative ?",
     'theme-cites-educatives'),
    ("c'est quoi le programme de réussite éducative ?",
     'theme-pre'),
    ("le conseil veut organiser une action sur l'accès aux soins, il y a des ressources ?",
     'theme-acces-droits-sante theme-sante-non-recours theme-asv-cls'),
    ("beaucoup d'habitants ne demandent pas leurs droits caf, c'est quoi le non-recours ?",
     'theme-sante-non-recours'),
    ('il y a du trafic et des incivilités dans le quartier, que peut faire le conseil citoyen ?',
     'theme-securite-tranquillite'),
    ('le conseil veut faire quelque chose pour les personnes âgées isolées du quartier',
     'theme-vieillissement'),
    ("pendant la canicule on veut aider les voisins âgés, qu'est-ce qu'on peut faire ?",
     'theme-canicule-conseils theme-adapt-canicules'),
    ("on veut alerter le préfet sur l'insalubrité des logements du quartier, c'est possible ?",
     'fonct-droit-interpellation'),
    ("on peut monter un projet FPH pour le jardin de l'école ?",
     'moyens-fph-demander moyens-fph-definition'),
    ('je suis salarié, mon patron doit me laisser aller au comité de pilotage ?',
     'moyens-conge-salarie'),
    ('en tant que conseiller citoyen je suis remboursé de mes frais de transport ?',
     'moyens-remboursement-frais'),
    ('le conseil citoyen peut-il avoir un local dans un immeuble du bailleur ?',
     'fonct-locaux'),
    ('où le conseil peut se réunir, on a pas de salle',
     'fonct-salle-reunion'),
    ("c'est quoi la maison du projet ?",
     'theme-maison-du-projet'),
    ("c'est quoi l'abattement TFPB des bailleurs ?",
     'theme-tfpb'),
    ('le contrat de ville parle du logement ?',
     'cdv-definition theme-logement-social-attributions'),
    ('comment faire venir les jeunes au conseil citoyen ?',
     'fonct-mobiliser-jeunes'),
    ("on voudrait que des parents d'élèves rejoignent le conseil, comment les mobiliser ?",
     'fonct-mobiliser-habitants'),
    ("un habitant est venu en réunion se plaindre de son voisin bruyant, on peut l'aider en tant que conseil ?",
     'crpv-limites cdv-bon-interlocuteur theme-securite-tranquillite'),
    ('un membre du conseil fait du bruit et coupe la parole tout le temps en réunion, on fait quoi ?',
     'fonct-conflit fonct-respect-membres'),
    ('comment organiser une réunion publique sur la tranquillité du quartier ?',
     'fonct-organiser-reunion theme-securite-tranquillite'),
    ("on veut faire une fête de quartier devant l'école, faut une autorisation ?",
     'fonct-fete-espace-public'),
    ('est-ce que la caf finance le conseil citoyen ?',
     'moyens-etat-concours moyens-budget moyens-financer-action'),
    ('qui paie le fonctionnement du conseil citoyen ?',
     'moyens-etat-concours'),
    ('le conseil citoyen a un budget pour imprimer des affiches ?',
     'moyens-budget fonct-photocopies'),
    ('comment faire connaître le conseil dans les immeubles du quartier ?',
     'fonct-communication'),
    ('comment savoir si une adresse est en quartier prioritaire ?',
     'cdv-qpv-verifier-adresse'),
    ('on est un conseil citoyen, on doit avoir une assurance pour la fête de quartier ?',
     'moyens-assurance'),
    ('le conseil peut faire appel à un expert pour étudier les charges locatives ?',
     'fonct-experts-exterieurs'),
    ('les adultes relais du quartier peuvent aider le conseil ?',
     'theme-adultes-relais-conseil'),
    ('les élus ignorent nos avis sur le logement, que faire ?',
     'cdv-avis-ignore'),
    ('pour le renouvellement urbain du quartier, les habitants seront relogés, le conseil a son mot à dire ?',
     'theme-renouvellement-participer cdv-renouvellement-urbain'),
    ("c'est quoi le NPNRU ?",
     'theme-npnru'),
    ('qui est le délégué du préfet ?',
     'cdv-delegue-prefet'),
    ('le conseil citoyen peut organiser une enquête auprès des habitants sur le bruit la nuit ?',
     'crpv-aide-projet theme-ville-la-nuit'),
    ('RésO Villes peut régler le problème de chauffage de notre immeuble ?',
     'crpv-limites'),
    ("RésO Villes peut nous aider à monter un projet sur l'école ?",
     'crpv-aide-projet'),
    ('en conseil on parle souvent de discriminations au logement, il y a des ressources ?',
     'theme-discrimination-ressources'),
    ("je suis témoin d'une discrimination à l'embauche dans le quartier, que faire ?",
     'theme-discrimination-recours'),
    ('un jeune en service civique peut nous aider pour la communication ?',
     'crpv-service-civique'),
    ('on a reçu les documents du copil sur le logement, on comprend rien',
     'cdv-copil-documents'),
    ('comment préparer le copil quand on veut parler des écoles ?',
     'cdv-copil-preparer cdv-copil-quoi-dire'),
    ("qu'est-ce qu'on dit au comité de pilotage sur les transports du quartier ?",
     'cdv-copil-quoi-dire'),
    ('est-ce que la mairie peut animer nos réunions ?',
     'fonct-animation'),
    ('on veut rencontrer les nouveaux élus après les municipales pour parler du quartier',
     'fonct-nouveaux-elus'),
    ('il y a une formation pour les conseillers citoyens ?',
     'crpv-formations-membres'),
    ("le conseil citoyen peut-il prendre des photos des habitants à la fête de l'école ?",
     'fonct-droit-image-donnees'),
    ('on voudrait une étude sur la vie du quartier la nuit, ça existe ?',
     'theme-ville-la-nuit'),
    ('quel est le rôle du conseil citoyen dans le contrat de ville ?',
     'cdv-role-cc'),
    ("comment le conseil peut participer à l'évaluation du contrat de ville ?",
     'cdv-evaluation-participer'),
    ('le conseil peut il exclure un membre qui insulte les voisins ?',
     'fonct-exclusion'),
    ('dans notre quartier les gens ont des soucis avec la caf, le conseil peut en parler au copil ?',
     'cdv-copil-quoi-dire cdv-copil-preparer cdv-instances-pilotage'),
]


def _answered(decision: Decision) -> list[str]:
    if decision.kind == Kind.MULTI:
        return [p.entry.id for p in decision.parts if p.kind == Kind.ANSWER and p.entry is not None]
    return [decision.entry.id] if decision.kind == Kind.ANSWER and decision.entry is not None else []


@pytest.mark.parametrize("text", DAILY_LIFE)
def test_a_matter_of_daily_life_is_never_answered_by_an_entry_that_does_not_help(answerer: Answerer,
                                                                               text: str) -> None:
    answered = _answered(answerer.decide(text))
    assert answered in ([], [TRULY_HELPS.get(text)])


@pytest.mark.parametrize(("text", "entries"), AS_A_COUNCILLOR)
def test_the_same_words_asked_as_a_councillor_are_the_councils_business(answerer: Answerer, text: str,
                                                                        entries: str) -> None:
    decision = answerer.decide(text)
    assert not decision.personal
    assert set(_answered(decision)) <= set(entries.split())



def test_a_neighbours_loud_music_at_night_is_told_who_deals_with_it(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "mon voisin met la musique à fond jusqu'à 3h du matin, j'en peux plus")
    # Kindly, not its field: what the hotline is for, then who deals with noise.
    assert "Ce n'est pas mon domaine" in shown and "conseils citoyens" in shown
    assert "situation personnelle" in shown and "votre bailleur ou à votre syndic" in shown
    assert "Poser la question à l'équipe" in shown


def test_an_assault_is_told_where_to_get_legal_advice_not_the_entry_on_discrimination(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "comment on porte plainte pour une agression ?")
    assert "situation personnelle" in shown and "point-justice" in shown
    assert "discrimination" not in first_line(shown)


def test_a_co_owners_general_meeting_is_not_the_centres_own(shipped_app: App) -> None:
    # The centre's general meeting shares two words with hers; a building's co-owners are their own affair.
    sender = Sender(channel="cli", user_id="copro", chat_id="copro")
    decision = shipped_app.faq.decide(sender, "le quorum pour une assemblee generale de copropriete")
    assert decision.kind != Kind.ANSWER


def test_a_family_wanting_a_bigger_flat_is_told_about_the_housing_service(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "on est 5 dans un T2, je voudrais un logement plus grand, vous pouvez m'aider ?")
    assert "situation personnelle" in shown and "service logement de votre mairie" in shown


def test_a_closed_swimming_pool_is_not_answered_with_a_survey_of_the_city_at_night(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "la piscine du quartier est fermée, elle rouvre quand ?")
    assert "la nuit" not in first_line(shown) and "France services" in shown


def test_an_employee_asking_about_the_steering_committee_gets_the_entry_on_leave(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je suis salarié, mon patron doit me laisser aller au comité de pilotage ?")
    assert first_line(shown).startswith("Je suis salarié : puis-je m'absenter du travail")
    assert "situation personnelle" not in shown


def test_a_councillor_asking_about_a_residents_noisy_neighbour_is_not_told_it_is_personal(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "un habitant est venu en réunion se plaindre de son voisin bruyant, on peut "
                                       "l'aider en tant que conseil ?")
    assert "situation personnelle" not in shown


def test_a_request_the_hotline_cannot_place_still_names_where_a_personal_matter_is_handled(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je voudrais un jardin familial, il y a une liste ?")
    assert "Je ne connais pas la réponse" in shown and "Poser la question à l'équipe" in shown
    assert "démarche personnelle" in shown and "France services" in shown


@pytest.mark.parametrize("text", ["le tram ne passe plus depuis les travaux, vous avez les nouveaux horaires du bus ?",
                                  "le bus 23 ne s'arrête plus devant chez nous, c'est quoi les nouveaux horaires",
                                  "comment je déclare mes impôts en ligne ?"])
def test_a_word_one_members_phrasing_uses_in_passing_makes_no_council_topic(answerer: Answerer, text: str) -> None:
    # Gisèle asks for the bus timetable: one alternate about a bus ticket for a training made "bus" council
    # business, and the timetable was answered with the project's house.
    assert _answered(answerer.decide(text)) == []


def test_only_words_several_entries_or_an_answer_use_are_council_topics(answerer: Answerer) -> None:
    topics = answerer.topics
    assert "bus" not in topics and "impots" not in topics  # one member's alternate each, about something else
    assert {"logement", "mairie", "conseil"} <= topics


@pytest.mark.parametrize("text", [
    "Mon neveu prépare un exposé pour le lycée. Quelle loi a créé les conseils citoyens ?",
    "Ma fille a un devoir pour l'école sur la ville. C'est quelle loi qui a créé les conseils citoyens ?",
])
def test_a_family_matter_told_before_a_question_on_the_council_does_not_keep_its_answer(
        answerer: Answerer, text: str) -> None:
    # The school is the story; the question asks council business and names no matter of the family's.
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-loi"
    assert not decision.personal


def test_a_councillor_saying_so_asks_as_the_council_even_with_a_pension_told(answerer: Answerer) -> None:
    # "conseiller citoyen" names the council as "conseil" does: the pension is the story, the trips the council's.
    decision = answerer.decide("Je suis conseiller citoyen et retraité. Je viens aux réunions en tram et avec ma "
                               "petite pension ça finit par coûter. Est-ce qu'on me rembourse mes trajets ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "moyens-remboursement-frais" and not decision.personal
