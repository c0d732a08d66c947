"""Every sentence the hotline says, in one place: plain French, friendly, with « vous »."""

from __future__ import annotations

WELCOME = (
    "Bonjour et bienvenue sur la hotline des conseils citoyens de {centre} ! 👋\n\n"
    "Posez-moi votre question avec vos mots, comme dans un SMS. Par exemple :\n"
    "• « C'est quoi un conseil citoyen ? »\n"
    "• « Comment préparer un comité de pilotage ? »\n"
    "• « C'est quand le prochain interconseil ? »\n\n"
    "Si je ne sais pas, je vous le dis, et votre question peut être transmise à l'équipe."
)
HELP = (
    "<b>Comment m'utiliser</b>\n\n"
    "Écrivez simplement votre question. Je réponds tout de suite à partir des fiches de {centre}.\n"
    "Si je ne suis pas sûr, je vous propose des questions proches. Si je ne sais pas, je peux transmettre "
    "votre question à l'équipe.\n\n"
    "<b>Les commandes</b>\n{commands}"
)
GREETING = "Bonjour ! 😊 Quelle est votre question ? Écrivez-la avec vos mots."
THANKS = "Avec plaisir ! N'hésitez pas si vous avez une autre question."
BYE = "Au revoir, et bonne continuation au conseil citoyen ! 👋"
EMPTY = (
    "Je n'ai pas trouvé de mots dans votre message. 🙂 Écrivez votre question en quelques mots, "
    "par exemple : « c'est quoi un QPV ? »"
)
# A number typed alone ("1") where no numbered choice waits: a pick from choices gone, or a miss of the keyboard.
NO_CHOICE_WAITING = (
    "Je n'ai pas de choix en attente pour ce numéro. Écrivez votre question avec vos mots, "
    "par exemple : « c'est quand le prochain interconseil ? »"
)
TOO_LONG = "Votre message est très long : j'ai lu le début. Pour une réponse précise, posez une question à la fois."
UNSUPPORTED = {
    "photo": "Merci pour la photo ! Je ne sais lire que du texte : pouvez-vous écrire votre question ?",
    "voice": "Je ne peux pas écouter les messages vocaux. Pouvez-vous écrire votre question en quelques mots ?",
    "sticker": "😊 Joli ! Pour que je vous aide, écrivez votre question en quelques mots.",
    "location": "Merci. Je ne sais pas utiliser une position : écrivez plutôt le nom de votre quartier ou de votre ville.",
    "document": "Je ne peux pas lire les fichiers. Écrivez votre question en quelques mots, je vous réponds.",
    "other": "Je ne sais lire que du texte. Écrivez votre question en quelques mots, je vous réponds.",
}
UNKNOWN_COMMAND = "Je ne connais pas la commande « /{name} ». Tapez /aide pour voir ce que je sais faire."
STAFF_ONLY = "Cette commande est réservée à l'équipe du centre de ressources."
EXPIRED_BUTTON = "Ce bouton n'est plus valable. Posez à nouveau votre question, je vous réponds."
FLOOD_NOTICE = (
    "Vous m'envoyez beaucoup de messages d'un coup : je fais une petite pause. 🙂 Attendez une minute, "
    "puis posez votre question en un seul message."
)

ANSWER_SOURCE = "<i>Source : {source}</i>"
MORE_BUTTON = "📖 En savoir plus"
USEFUL_BUTTON = "👍 Utile"
NOT_USEFUL_BUTTON = "👎 Pas utile"
SUGGEST = "Je ne suis pas sûr d'avoir bien compris. Vouliez-vous dire :"
NONE_OF_THESE = "Aucune de ces questions"
RUNNER_UP_BUTTON = "Ce n'est pas votre question ? → {question}"
UNKNOWN = (
    "Je ne connais pas la réponse à cette question, et je préfère vous le dire plutôt que de me tromper. 🙏\n\n"
    "Voulez-vous que je la transmette à l'équipe ? Une personne vous répondra ici même.\n\n"
    "S'il s'agit d'une démarche personnelle (CAF, logement, impôts, papiers…), votre mairie, le centre social "
    "de votre quartier ou une maison France services peuvent aussi vous aider."
)
ASK_TEAM_BUTTON = "✉️ Poser la question à l'équipe"
REPHRASE_BUTTON = "✏️ Reformuler"
REPHRASE = "D'accord : écrivez votre question autrement, avec d'autres mots. Un ou deux mots-clés suffisent parfois."
PASSAGE = "Je n'ai pas de réponse toute prête, mais cet extrait de la fiche « {title} » devrait vous aider :"
GLOSSARY = "<b>{term}</b> : {meaning}\n\n{definition}\n\n<i>Source : {source}</i>"
GLOSSARY_USAGE = "Écrivez un sigle après la commande, par exemple : /glossaire QPV"
GLOSSARY_UNKNOWN = "Je ne connais pas le sigle « {term} ». {suggestion}Vous pouvez aussi me poser la question avec vos mots."
GLOSSARY_SUGGEST = "Vouliez-vous dire {terms} ? "
FEEDBACK_THANKS_UP = "Merci pour votre retour ! 👍"
FEEDBACK_THANKS_DOWN = "Merci de me le dire. Voulez-vous que l'équipe vous réponde directement ?"
QUESTION_NOTED = (
    "Votre question est notée pour l'équipe de {centre}. {contact}"
)
# A form waiting for a button while the member asked something else (the answer comes first).
FORM_WAITING = "⏸ Votre démarche en cours attend encore votre choix. Choisissez : reprendre là où vous en étiez, ou abandonner."
FORM_RESUME = "▶️ Continuer"
FORM_ABANDON_BUTTON = "✖️ Abandonner"
FORM_ABANDONED = "D'accord, c'est abandonné. Ce que vous aviez déjà confirmé reste enregistré."

# Dialogue acts and messages with several questions (bot/core/dialogue.py).
OK = "Très bien ! 😊 Je reste là si vous avez une autre question."
HUMAN_OFFER = (
    "Bien sûr. Je suis un robot, mais une personne de l'équipe peut vous répondre ici même : "
    "appuyez sur le bouton ci-dessous et écrivez votre question si ce n'est pas déjà fait.{reach}"
)
HUMAN_REACH = "\n\nVous pouvez aussi joindre l'équipe {how}."
# After the answer to a question asked beside the wish to reach a person ("c'est quoi le FPH ? je peux parler à
# quelqu'un ?"): the answer came first, the person is offered all the same.
HUMAN_BESIDE = (
    "Vous voulez aussi parler à une personne de l'équipe ? Appuyez sur le bouton ci-dessous : "
    "elle recevra votre message et vous répondra ici même.{reach}"
)
# A message the hotline failed on (a fault in its code, never the member's doing): nothing else is lost.
TECHNICAL_PROBLEM = ("Désolé, un souci technique m'empêche de répondre. L'équipe est prévenue ; réessayez "
                     "dans quelques minutes.")
TECHNICAL_PROBLEM_HERE = ("Désolé, un souci technique m'empêche de répondre à ce message. Le détail est dans le "
                          "journal. Vous pouvez écrire autre chose.")
FRUSTRATION = (
    "Je suis désolé, je n'ai pas su vous aider. 🙏 Une personne de l'équipe peut vous répondre : "
    "voulez-vous que je lui transmette votre question ?"
)
VENTING = (
    "Je vous comprends, ce n'est pas facile. Une personne de l'équipe peut vous aider à voir quoi faire et à qui vous adresser : "
    "voulez-vous lui écrire ?"
)
SIMPLER = "<b>En plus simple</b> ({question})\n\n{text}"
SIMPLER_WORDS = "\n<b>Les mots à connaître</b>"
SIMPLER_FULL_BUTTON = "📄 Revoir la réponse complète"
SIMPLER_NOTHING = (
    "Pas de souci ! Dites-moi avec vos mots ce que vous cherchez, en une phrase courte. "
    "Je vous répondrai le plus simplement possible."
)
COUNT = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq"}
SEVERAL_ANSWERED = "Vous posez {n} questions : voici une réponse pour chacune."
SEVERAL_CHOOSE = "Vous posez {n} questions. Choisissez celle qui vous intéresse d'abord :"
SEVERAL_FOUND = "Vous posez {n} questions. Voici d'abord ce que j'ai trouvé."
SEVERAL_SOME = "Pour vos autres questions, est-ce l'une de celles-ci ?"
SEVERAL_SOME_ONE = "Pour votre autre question, est-ce bien celle-ci ?"
SEVERAL_ONE_CHOICES = "Pour votre autre question, est-ce l'une de celles-ci ?"
PERSONAL = (
    "Votre question porte sur votre situation personnelle. Ce n'est pas mon domaine : je réponds aux questions "
    "sur les conseils citoyens et la politique de la ville, et je préfère vous le dire plutôt que de me tromper. 🙏\n\n"
    "{where}\n\n"
    "Si vous ne savez pas à qui vous adresser, l'équipe peut vous orienter. "
    "Voulez-vous que je lui transmette votre question ?"
)
PERSONAL_WITH_ENTRIES = (
    "Votre question porte sur votre situation personnelle. Ce n'est pas mon domaine : je réponds aux questions "
    "sur les conseils citoyens et la politique de la ville, et je préfère vous le dire plutôt que de me tromper. 🙏\n\n"
    "{where}\n\n"
    "Ces fiches peuvent peut-être vous aider. Sinon, l'équipe peut vous orienter :"
)
# Who usually deals with a daily-life matter, in general terms: never a name, an address or a number.
ORIENT = {
    "discrimination": "Pour une discrimination (un refus ou un traitement à cause de votre origine, de votre "
                      "religion…), le Défenseur des droits peut vous aider gratuitement : c'est une autorité "
                      "indépendante, avec des délégués près de chez vous. Gardez les preuves (messages, courriers, "
                      "noms de témoins).",
    "benefits": "Pour une allocation ou une aide (APL, RSA, prime…), le bon interlocuteur est votre CAF : "
                "votre espace en ligne, ou son accueil.",
    "neighbours": "Pour un problème de voisinage (bruit…), parlez-en d'abord à votre bailleur ou à votre syndic. "
                  "Si cela continue, la mairie peut vous aider, et un conciliateur de justice peut aider gratuitement "
                  "à trouver un accord.",
    "housing": "Pour votre logement, adressez-vous à votre bailleur ou à votre propriétaire. En copropriété, "
               "c'est le syndic, et si le syndic ne répond pas, le conseil syndical peut le relancer. "
               "Pour une demande de logement social, c'est le service logement de votre mairie. L'ADIL de votre "
               "département (agence d'information sur le logement) conseille gratuitement.",
    "school": "Pour l'école, la cantine, la crèche ou les loisirs des enfants, c'est le service éducation "
              "ou petite enfance de votre mairie.",
    "health": "Pour votre santé ou votre carte Vitale, adressez-vous à votre caisse d'assurance maladie (CPAM) "
              "ou à votre médecin.",
    "taxes": "Pour les impôts, c'est votre centre des finances publiques.",
    "voting": "Pour vous inscrire sur les listes électorales, adressez-vous à votre mairie.",
    "papers": "Pour vos papiers (carte d'identité, titre de séjour…), c'est votre mairie ou la préfecture.",
    "work": "Pour chercher un emploi, c'est France Travail. Pour un problème avec un employeur, "
            "l'inspection du travail peut vous renseigner.",
    "law": "Pour une question de droit (plainte, amende, dettes…), un point-justice ou une maison de justice "
           "et du droit peut vous conseiller gratuitement.",
    "other": "Pour ce type de démarche, votre mairie, le centre social de votre quartier ou une maison "
             "France services peuvent vous aider.",
}
STATUS_NONE = "Vous n'avez pas de question transmise à l'équipe en ce moment. Posez-moi votre question, je vous réponds."
