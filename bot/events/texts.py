"""What the events feature says, in plain French with « vous » (kept with the feature it belongs to)."""

from __future__ import annotations

from bot.core import labels

KIND_LABELS = {
    "interconseil": "Interconseil",
    "webinaire": "Webinaire",
    "journee": "Journée",
    "formation": "Formation",
    "cafe_citoyen": "Café citoyen",
    "copil": "Comité de pilotage",
    "autre": "Autre",
}
KIND_PLURALS = {
    "interconseil": "Interconseils",
    "webinaire": "Webinaires",
    "journee": "Journées",
    "formation": "Formations",
    "cafe_citoyen": "Cafés citoyens",
    "copil": "Comités de pilotage",
    "autre": "Autres rendez-vous",
}
ROLES = labels.ROLES

WHEN_UNDATED = "date à confirmer"
WHEN_UNDATED_IN = "date à confirmer ({period})"
WHEN_TIME_TO_CONFIRM = "{when}, horaire à confirmer"

AGENDA_TITLE = "📅 <b>Agenda de {centre}</b>{filter}"
AGENDA_FILTER = " — {label}"
AGENDA_LOCAL_FIRST = "<i>📍 Les événements de votre conseil et de votre territoire d'abord.</i>"
AGENDA_PAGE = "<i>Page {page} sur {pages}</i>"
AGENDA_EMPTY = "Aucun événement à venir{filter} pour le moment."
AGENDA_EMPTY_FILTER = " ({label})"
AGENDA_PAST = "Voici les derniers événements passés :"
# A question naming a month ("ya quoi en décembre ?"): that month only, said plainly when it is empty or past.
AGENDA_IN_PERIOD_APPROX = ("<i>Les événements sans date fixée sont gardés quand leur période annoncée tombe, "
                           "même en partie, {during}.</i>")
AGENDA_PERIOD_EMPTY = "Aucun événement{filter} n'est prévu {during} pour le moment."
AGENDA_PERIOD_PAST = "{label} est passé. Voici ce qui a déjà eu lieu{filter} :"
AGENDA_PERIOD_PAST_NONE = "{label} est passé : aucun événement{filter} n'était prévu {during}."
AGENDA_WHAT_NEXT = "Voici ce qui vient ensuite :"
AGENDA_LAPSED = "Annoncés sans date, et la période est passée (date non annoncée ici) :"
ANNOUNCED_FOR = "annoncé {during}"
AGENDA_PROGRAMME_NOT_PUBLISHED = ("Le programme {year} de {centre} n'est pas encore publié. "
                                  "Je peux vous prévenir quand il y aura du nouveau dans l'agenda.")
NOTIFY_PROGRAMME_BUTTON = "🔔 Me prévenir du prochain programme"
NOTIFY_PROGRAMME_DONE = ("C'est noté 🔔 : vous recevrez les nouvelles de l'agenda, et donc le prochain programme "
                         "quand {centre} le publiera. Pour arrêter : /abonnements.")
NOTIFY_PROGRAMME_ALREADY = ("C'est déjà noté : vous recevez les nouvelles de l'agenda. Pour arrêter : "
                            "/abonnements.")
FOR_PROFESSIONALS = "🏢 <i>Pour les professionnels (agents des collectivités et de l'État, partenaires)</i>"
FOR_ELECTED = "🏛 <i>Pour les élus</i>"
# Who each audience group is for, as the agenda's lines and cards say it (residents and everyone: nothing to add).
FOR_GROUP = {"professionals": FOR_PROFESSIONALS, "elected": FOR_ELECTED}
# Filtered by kind, none of what comes is for the members (all for professionals or elected officials).
AGENDA_NOTHING_FOR_MEMBERS = ("<b>Aucun des rendez-vous à venir ({label}) n'est prévu pour les conseillers "
                              "citoyens</b> : ils sont pour les professionnels ou les élus.")
AGENDA_FOR_MEMBERS_LEAD = "Pour vous, voyez la fiche ci-dessous, ou demandez à l'équipe."
AGENDA_ASK_TEAM_LEAD = "Pour savoir ce qui vous est ouvert, demandez à l'équipe."
AGENDA_TEAM_REACH = "Vous pouvez joindre l'équipe {how}, ou m'écrire votre question ici."
# The FAQ entry that tells members what exists for them, by event kind (checked against the knowledge in tests).
MEMBERS_ENTRY = {"formation": "crpv-formations-membres"}
AGENDA_NEXT = "Voici le prochain {label} :"
AGENDA_ALSO_ASKED = "Pour votre autre question :"
SERIES_OTHERS = "Les autres rendez-vous de la même série :"
REGISTER_PICK = "Ouvrez l'événement qui vous intéresse, puis appuyez sur « S'inscrire » :"
AGENDA_NEXT_UNDATED = "Le prochain {label} n'a pas encore de date fixée :"
AGENDA_USAGE_KIND = "Je ne connais pas ce type d'événement. Choisissez :"
PREVIOUS_BUTTON = "◀️ Précédents"
NEXT_BUTTON = "Suivants ▶️"
ALL_KINDS_BUTTON = "📅 Tout l'agenda"
SEE_ALL_BUTTON = "📅 Tous les {label}"

CARD_CANCELLED = "❌ <b>Cet événement est annulé.</b>"
CARD_WHEN = "🗓 {when}"
CARD_PLACE = "📍 {place}"
CARD_AUDIENCE = "👥 Pour qui : {audience}"
CARD_PRICE = "💶 {price}"
CARD_CAPACITY = "🎟 Places restantes : {left} sur {capacity}"
CARD_FULL = "🎟 Complet : inscription sur liste d'attente"
CARD_DEADLINE = "⏳ Inscription jusqu'au {when}"
CARD_REGISTERED = "✅ <b>Votre inscription est enregistrée.</b>"
CARD_WAITLISTED = "⏳ <b>Vous êtes sur la liste d'attente</b> (position {position})."
CARD_SOURCE = "<i>Source : {source}</i>"
CARD_PAST = "Cet événement est passé."
CARD_REPLAY = "▶️ Revoir : {url}"
CARD_LAPSED = "Cet événement était {announced}, mais aucune date n'a été annoncée ici. Il n'est plus à venir."
REGISTER_BUTTON = "✅ S'inscrire"
ICS_BUTTON = "📆 Ajouter à mon agenda"
UNREGISTER_BUTTON = "❌ Annuler mon inscription"
WATCH_BUTTON = "🔔 Me prévenir quand la date est fixée"
BACK_TO_AGENDA_BUTTON = "📅 Retour à l'agenda"

UNKNOWN_EVENT = "Je ne trouve pas cet événement. Tapez /agenda pour voir le programme."
NOT_DATED = "La date de « {title} » n'est pas encore fixée : l'inscription ouvrira à ce moment-là."
EVENT_CANCELLED = "« {title} » est annulé : il n'est plus possible de s'y inscrire."
EVENT_PAST = "« {title} » a déjà eu lieu."
DEADLINE_PASSED = "Les inscriptions pour « {title} » sont closes depuis le {when}. Vous pouvez contacter l'équipe."
ALREADY_REGISTERED = "Votre inscription à « {title} » est déjà enregistrée. 🙂"
ALREADY_WAITLISTED = "Vous êtes déjà sur la liste d'attente de « {title} » (position {position})."
REGISTERED = (
    "C'est noté ! ✅ Votre inscription à « {title} », {when}, est enregistrée.\n\n"
    "Je vous enverrai un rappel {offsets}."
)
REGISTERED_NO_REMINDER = "C'est noté ! ✅ Votre inscription à « {title} », {when}, est enregistrée."
WAITLISTED = (
    "« {title} » est complet : vous êtes sur la liste d'attente (position {position}).\n"
    "Si une place se libère, je vous inscris automatiquement et je vous préviens tout de suite."
)
UNREGISTERED = "Votre inscription à « {title} » est annulée. Vous ne recevrez plus de rappel pour cet événement."
NOT_REGISTERED = "Vous n'avez pas d'inscription à « {title} »."
REREGISTER_BUTTON = "✅ Me réinscrire"
WATCHING = "C'est noté 🔔 : je vous préviens dès que la date de « {title} » est fixée."
ALREADY_WATCHING = "C'est déjà noté : je vous préviendrai dès que la date de « {title} » sera fixée."

MY_REGISTRATIONS = "<b>Vos inscriptions</b>"
MY_REGISTRATIONS_EMPTY = "Vous n'avez aucune inscription à un événement à venir. Tapez /agenda pour voir le programme."
MY_LINE_CONFIRMED = "✅ {title} — {when}"
MY_LINE_WAITLIST = "⏳ {title} — {when} (liste d'attente, position {position})"
MY_WATCHES = "<b>Je vous préviendrai quand la date sera fixée :</b>"

PROFILE_INTRO = (
    "Pour vous inscrire, j'ai besoin de 3 informations, demandées une seule fois.\n\n"
    "1/3 — Quel <b>nom ou pseudonyme</b> voulez-vous donner à l'équipe ? (un prénom suffit)"
)
PROFILE_NAME_INVALID = "Écrivez un nom ou un pseudonyme de 2 à 40 caractères, par exemple « Awa » ou « Awa D. »."
PROFILE_COUNCIL = "2/3 — De quel <b>conseil citoyen</b> faites-vous partie ?"
PROFILE_COUNCIL_OTHER = "Autre / aucun"
PROFILE_ROLE = "3/3 — Quel est votre <b>rôle</b> ?"
PROFILE_CONSENT = (
    "<b>Vos données</b>\n\n"
    "Pour gérer les inscriptions, {centre} garde : votre nom ou pseudonyme ({name}), votre conseil citoyen "
    "({council}), votre rôle ({role}) et les événements auxquels vous vous inscrivez. L'équipe s'en sert "
    "seulement pour organiser les événements et vous envoyer les rappels ; rien n'est transmis à d'autres.\n"
    "Ces informations sont effacées après {days} sans contact avec la hotline. Pour les consulter, "
    "les corriger ou les faire effacer : {contact}.\n\n"
    "Êtes-vous d'accord ?"
)
CONSENT_YES = "👍 J'accepte"
CONSENT_NO = "Non merci"
CONSENT_REFUSED = (
    "Entendu : je n'ai rien gardé. Sans ces informations je ne peux pas vous inscrire ici, "
    "mais vous pouvez vous inscrire directement auprès de l'équipe : {contact}."
)
FORM_STOP_BUTTON = "✖️ Arrêter"
FORM_STOPPED = "D'accord, on s'arrête là. Rien n'a été enregistré."
FORM_RESUME = "▶️ Continuer l'inscription"
NEW_RESUME = "▶️ Continuer la création"

REMINDER = "⏰ <b>Rappel</b> : « {title} », c'est {relative} — {when}."
REMINDER_WAITLIST = (
    "⏰ « {title} », c'est {relative} — {when}.\n"
    "Vous êtes toujours sur la liste d'attente (position {position}) : je vous préviens si une place se libère."
)
REMINDER_PLACE = "📍 {place}"
REMINDER_LINK = "🔗 Le lien pour vous connecter : {url}"
REMIND_SAME_MORNING = "le matin même"
REMIND_DAY_BEFORE = "la veille"
REMIND_DAYS_BEFORE = "{days} jours avant"
PROMOTED = "🎉 Bonne nouvelle : une place s'est libérée ! Votre inscription à « {title} », {when}, est maintenant confirmée."
MOVED = "📅 <b>Changement de date</b> : « {title} » aura lieu {when} (au lieu de {old}). Votre inscription est gardée."
CANCELLED_NOTICE = "❌ <b>Annulation</b> : « {title} », prévu {when}, est annulé. Désolé pour ce changement."
DATED_NOTICE = "🔔 La date de « {title} » est fixée : {when}. Vous pouvez vous inscrire dès maintenant."
COPIL_PREPARATION = (
    "🏛 <b>Comité de pilotage {when}</b>\n\n"
    "« {title} » a lieu {relative}. Comme avant chaque comité de pilotage, {centre} propose aux conseillers "
    "citoyens une rencontre de préparation dans les dix jours qui précèdent : pour répondre à vos questions, "
    "décoder les termes et les documents, et préparer vos interventions.\n\n"
    "Voulez-vous y participer ?"
)
COPIL_YES_BUTTON = "🙋 Je veux participer à la préparation"
COPIL_HOWTO_BUTTON = "📖 Comment préparer un copil"
COPIL_NOTED = "C'est noté 🙋 : l'équipe vous recontacte pour la rencontre de préparation de « {title} »."

STAFF_USAGE_EVENT = "Précisez l'événement, par exemple : /{command} interconseil-2026-t1 (ou son numéro)."
STAFF_EVENTS_LIST = "<b>Événements à venir</b> (inscrits / places) :"
STAFF_REGISTRANTS = "<b>Inscrits à « {title} »</b> — {when}\ninscriptions : {confirmed}{capacity}, liste d'attente : {waitlist}"
STAFF_PER_COUNCIL = "<b>Par conseil citoyen</b>"
STAFF_NOBODY = "Personne n'est encore inscrit."
STAFF_PREP_INTEREST = "🙋 Personnes intéressées par la rencontre de préparation : {count}"
STAFF_WATCHERS = "🔔 Personnes qui attendent la date : {count}"
STAFF_EXPORT_CAPTION = "Inscrits à « {title} » (lignes : {count})"
STAFF_EXPORT_SENT = "L'export est envoyé dans le groupe de l'équipe."
STAFF_EXPORT_BUTTON = "📄 Export CSV"
STAFF_EXPORT_NO_CHAT = "Aucun groupe d'équipe n'est configuré (telegram.staff_chat_id) : voici l'export ici."
NEW_KIND = "Nouvel événement — 1/5 : quel <b>type</b> ?"
NEW_TITLE = "2/5 — Le <b>titre</b> de l'événement ?"
NEW_START = ("3/5 — La <b>date</b> (heure de Paris) ? Par exemple « 12/03/2026 18h30 », « 12/03/2026 » "
             "pour toute la journée, ou « à confirmer ».")
NEW_START_INVALID = "Je n'ai pas compris la date. Écrivez par exemple « 12/03/2026 18h30 », « 12/03/2026 » ou « à confirmer »."
NEW_PLACE = "4/5 — Le <b>lieu</b> (ou « En ligne ») ?"
NEW_CAPACITY = "5/5 — Le nombre de <b>places</b> ? (« 0 » : sans limite)"
NEW_CAPACITY_INVALID = "Écrivez un nombre, par exemple « 30 », ou « 0 » pour sans limite."
NEW_CREATED = "Événement créé ✅ (n° {id}, lien : <code>ev_{slug}</code>)."
EDIT_CHOOSE = "Que voulez-vous modifier dans « {title} » ?"
EDIT_FIELD_TITLE = "Titre"
EDIT_FIELD_START = "Date"
EDIT_FIELD_PLACE = "Lieu"
EDIT_FIELD_CAPACITY = "Places"
EDIT_ASK = "La nouvelle valeur pour « {field} » ?"
EDIT_DONE = "C'est modifié ✅. {notified}"
NOTIFIED = "Personnes prévenues : {count}."
CANCEL_CONFIRM = "Annuler « {title} » ? Toutes les personnes inscrites ({count}) recevront un message."
CANCEL_YES = "Oui, annuler l'événement"
CANCEL_NO = "Non"
CANCEL_DONE = "« {title} » est annulé. {notified}"
CANCEL_KEPT = "D'accord, rien n'est changé."
SYNCED = "Programme relu depuis knowledge/events.yaml : créés : {created}, mis à jour : {updated}, retirés : {removed}."

