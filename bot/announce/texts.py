"""What the announcements say, in plain French with « vous »."""

from __future__ import annotations

SUBSCRIPTIONS = (
    "<b>Vos abonnements</b>\n\n"
    "Choisissez les annonces de {centre} que vous voulez recevoir ici. Touchez un sujet pour l'activer "
    "(✅) ou l'arrêter (⬜). Vous pouvez changer d'avis à tout moment.{place}"
)
PLACE_LINE = "\n\n📍 Votre conseil : {council} — territoire : {territory}. Ses annonces passent en premier."
ON, OFF = "✅", "⬜"
SUBSCRIBED = "C'est noté ✅ : vous recevrez « {topic} »."
UNSUBSCRIBED = "C'est noté : vous ne recevrez plus « {topic} »."
CHOOSE_COUNCIL = (
    "Pour vous envoyer les nouvelles de votre territoire, j'ai besoin de savoir de quel <b>conseil citoyen</b> "
    "vous faites partie. Je ne garde que ce choix, pour ces annonces (vous pouvez l'effacer avec "
    "/supprimer_mes_donnees)."
)
NO_COUNCIL_BUTTON = "Je préfère ne pas le dire"
NO_COUNCIL = "Entendu. Sans votre conseil, je ne peux pas vous envoyer les nouvelles de votre territoire."
RECENT_BUTTON = "📰 Les dernières annonces"
RECENT = "<b>Les dernières annonces</b> (celles de votre conseil et de votre territoire d'abord)\n"
RECENT_NONE = "Aucune annonce n'a encore été envoyée."
RECENT_LINE = "{marker}<b>{date} — {topic}</b>{target}\n{text}"
LOCAL_MARKER = "📍 "

MESSAGE = "📣 <b>{centre} — {topic}</b>{target}\n\n{text}\n\n<i>Pour choisir vos annonces : /abonnements</i>"
FOR_YOUR_COUNCIL = "\n📍 Pour votre conseil citoyen ({name})"
FOR_YOUR_TERRITORY = "\n📍 Pour votre territoire : {name}"
FOR_COUNCIL = "\n📍 Pour le conseil citoyen : {name}"
FOR_TERRITORY = "\n📍 Pour le territoire : {name}"

# --- staff
START = "<b>Nouvelle annonce</b> — 1/3 : quel <b>sujet</b> ? Seules les personnes abonnées à ce sujet la recevront."
TARGET = "2/3 — <b>À qui</b> ? (sujet : {topic})"
TARGET_ALL = "👥 Tous les abonnés"
TARGET_TERRITORY = "🗺 Un territoire"
TARGET_COUNCIL = "🏘 Un conseil citoyen"
TERRITORY_NEEDS_TARGET = "Pour le sujet « Mon territoire », choisissez un territoire ou un conseil."
CHOOSE_TERRITORY = "Quel territoire ?"
CHOOSE_TARGET_COUNCIL = "Quel conseil citoyen ?"
WRITE = "3/3 — Écrivez le <b>texte de l'annonce</b> en un message (pour : {audience})."
TOO_LONG = "Le texte est trop long ({length} caractères) : {limit} au plus. Raccourcissez-le, puis renvoyez-le."
EMPTY = "Le texte est vide : écrivez l'annonce en un message."
PREVIEW = "<b>Aperçu</b> — voici ce que recevront les abonnés :\n\n{message}"
PREVIEW_COUNT = "Destinataires : <b>{n}</b> ({audience}). Rien n'est envoyé avant votre confirmation."
PREVIEW_NOBODY = "Personne n'est abonné à ce sujet pour ce public pour l'instant : l'annonce ne peut partir à personne."
SEND_BUTTON = "✅ Envoyer (destinataires : {n})"
EDIT_BUTTON = "✏️ Modifier le texte"
STOP_BUTTON = "❌ Annuler"
STOPPED = "Annonce abandonnée : rien n'a été envoyé."
EXPECTS_BUTTON = "Choisissez avec les boutons ci-dessus (ou « Annuler »)."
RESUME = "▶️ Continuer l'annonce"
LAUNCHED = (
    "📣 Annonce n° {id} lancée. Destinataires : {n}. Les messages partent au rythme permis par Telegram ; "
    "je vous envoie le bilan ici à la fin. Suivi : /annonces {id}"
)
AUDIENCE_ALL = "tous les abonnés"
AUDIENCE_TERRITORY = "territoire {name}"
AUDIENCE_COUNCIL = "{name}"

REPORT = (
    "<b>Annonce n° {id}</b> — {topic} ({audience})\n"
    "Lancée le {date} par {author} — {state}\n"
    "Destinataires : {recipients} · en file : {enqueued}{skipped}\n"
    "✅ envoyées : {sent} · 🚫 bloquées : {blocked} · ⚠️ échecs : {failed}{uncertain}{pending}{cancelled}"
)
STATE = {"queued": "mise en file en cours", "enqueued": "envoi en cours", "done": "terminée"}
# The report's counts that are left out when zero.
REPORT_EXTRAS = {
    "skipped": " · déjà bloqués (non envoyés) : {n}",
    "uncertain": " · ❓ incertaines : {n}",
    "pending": " · ⏳ à envoyer : {n}",
    "cancelled": " · annulées : {n}",
}
FINAL = "📣 Bilan de l'annonce n° {id} : tout est parti.\n\n{report}"
REPORTS_NONE = "Aucune annonce n'a encore été envoyée. Pour en écrire une : /annonce"
REPORTS_TITLE = "<b>Les dernières annonces</b> (détail : /annonces N)"
UNKNOWN_ANNOUNCEMENT = "Je ne trouve pas l'annonce n° {id}. Tapez /annonces pour la liste."
SUBSCRIBERS = "<b>Abonnés par sujet</b> (hors personnes qui ont bloqué la hotline)\n{lines}"
SUBSCRIBERS_LINE = "• {topic} : {n}"
SUBSCRIBERS_PLACE = "   – {name} : {n}"
SUBSCRIBERS_PLACE_UNKNOWN = "   – conseil inconnu : {n}"
