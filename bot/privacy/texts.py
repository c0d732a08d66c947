"""What the privacy feature says, in plain French with « vous »."""

from __future__ import annotations

NOTICE = (
    "<b>Vos données personnelles</b>\n\n"
    "<b>Qui ?</b> {centre}, centre de ressources politique de la ville, fait fonctionner cette hotline.\n\n"
    "<b>Ce que je garde, et pourquoi</b>\n"
    "• Votre identifiant Telegram et le nom affiché par Telegram : pour vous répondre et vous envoyer "
    "ce que vous demandez (réponses de l'équipe, rappels, annonces).\n"
    "• Vos questions : pour améliorer les réponses et compter les questions (statistiques). "
    "Le texte est effacé après <b>{question_days}</b> ; seuls des comptes restent.\n"
    "• Les questions transmises à l'équipe et vos échanges avec elle : pour vous répondre.\n"
    "• Si vous vous inscrivez à un événement, avec votre accord : nom ou pseudonyme, conseil citoyen, rôle, "
    "et vos inscriptions. L'équipe s'en sert pour organiser les événements et vous envoyer les rappels.\n"
    "• Vos abonnements aux annonces (/abonnements), et le conseil que vous indiquez pour les nouvelles "
    "de votre territoire.\n\n"
    "<b>Combien de temps ?</b> Après <b>{profile_days}</b> sans contact avec la hotline, tout ce qui "
    "vous concerne est effacé (y compris vos abonnements). Vous pouvez tout effacer avant, à tout moment.\n\n"
    "<b>Qui les voit ?</b> Seulement l'équipe de {centre}. Rien n'est vendu ni transmis à d'autres. "
    "Les messages passent par Telegram, qui a ses propres règles.\n\n"
    "<b>Vos droits</b>\n"
    "• /mesdonnees : tout ce que je garde sur vous, lisible, avec un fichier.\n"
    "• /supprimer_mes_donnees : tout effacer.\n"
    "• Pour corriger, vous opposer ou toute question : <b>{contact}</b>. "
    "Vous pouvez aussi saisir la CNIL (cnil.fr)."
)

MY_DATA_TITLE = "<b>Tout ce que la hotline garde sur vous</b>"
NOTHING = (
    "Je ne garde <b>aucune donnée</b> sur vous : ni profil, ni inscription, ni abonnement, ni question. "
    "Si vous m'écrivez une question, elle sera gardée comme l'explique /confidentialite."
)
ACCOUNT = (
    "<b>Votre compte</b>\n• {channel} n° {user_id}, nom affiché : {name}\n"
    "• premier contact : {created} — dernier : {seen}{blocked}"
)
BLOCKED = "\n• vous aviez bloqué la hotline le {when}"
PROFILE = "<b>Votre profil</b> (donné pour vous inscrire)\n• {pseudonym} — {council} — {role}\n• accord donné le {consent}"
NO_PROFILE = "<b>Votre profil</b> : aucun."
REGISTRATIONS = "<b>Vos inscriptions</b>\n{lines}"
NO_REGISTRATIONS = "<b>Vos inscriptions</b> : aucune."
REGISTRATION_LINE = "• {title} — {status}{reminders}"
REMINDERS = " (rappels prévus : {n})"
REG_STATUS = {"confirmed": "inscription confirmée", "waitlist": "liste d'attente", "cancelled": "annulée"}
WISHES = "<b>Vous avez demandé un message d'alerte pour</b>\n{lines}"
SUBSCRIPTIONS = "<b>Vos abonnements</b>\n{lines}"
NO_SUBSCRIPTIONS = "<b>Vos abonnements</b> : aucun."
QUESTIONS = "<b>Vos questions enregistrées</b> : {n}{shown}\n{lines}"
QUESTIONS_SHOWN = ", voici les {n} dernières"
NO_QUESTIONS = "<b>Vos questions</b> : aucune."
QUESTION_LINE = "• {date} — « {text} »"
QUESTION_ERASED = "• {date} — (texte effacé)"
TICKETS = "<b>Vos questions transmises à l'équipe</b>\n{lines}"
TICKET_LINE = "• n° {id} ({status}) — « {text} » — messages : {messages}"
TICKET_STATUS = {"new": "nouvelle", "taken": "prise en charge", "answered": "répondue", "closed": "close"}
PENDING = "<b>Messages en attente d'envoi vers vous</b> : {n}"
FILE_HINT = "Le fichier joint contient tout, y compris le texte de chaque question et de chaque message."
FILE_CAPTION = "📎 Vos données (fichier JSON, lisible avec un éditeur de texte)."

ERASE_ASK = (
    "<b>Tout effacer ?</b>\n\n"
    "Si vous confirmez, j'efface tout de suite et pour de bon :\n"
    "• votre profil (nom ou pseudonyme, conseil, rôle) ;\n"
    "• vos inscriptions aux événements (seuls des comptes anonymes restent) et leurs rappels ; "
    "vos places aux événements à venir sont libérées ;\n"
    "• vos abonnements aux annonces ;\n"
    "• le texte de vos questions et de vos messages à l'équipe ; vos questions en cours sont closes ;\n"
    "• les messages en attente d'envoi vers vous.\n\n"
    "Cela ne se défait pas."
)
ERASE_YES = "🗑 Oui, tout effacer"
ERASE_NO = "Non, garder"
ERASED = (
    "C'est fait : tout ce que la hotline gardait sur vous est effacé ({summary}). "
    "Si vous m'écrivez à nouveau, je repartirai de zéro. Merci d'avoir utilisé la hotline !"
)
ERASED_NOTHING = "Il n'y avait rien à effacer : je ne garde aucune donnée sur vous."
ERASE_KEPT = "D'accord, rien n'est effacé."
ERASE_EXPIRED = "Cette demande a expiré. Pour tout effacer, tapez à nouveau /supprimer_mes_donnees."
PRIVATE_ONLY = "Vos données sont personnelles : écrivez-moi cette commande en message privé, pas dans un groupe."
