"""What the desk says, to members and to the staff: plain French, « vous » for members."""

from __future__ import annotations

# --- to the member ------------------------------------------------------------------------

SENT = (
    "C'est transmis ✅ Votre question (n° {id}) est arrivée chez l'équipe de {centre}.\n\n"
    "{when}\nLa réponse arrivera ici même, dans cette conversation."
)
SENT_ALREADY = "Votre question (n° {id}) est déjà chez l'équipe. {status} La réponse arrivera ici même."
WHEN_OPEN = "Vous pouvez compter sur une réponse {when} ({queue})."
WHEN_CLOSED = ("L'équipe est absente en ce moment (elle répond {hours}). Vous pouvez compter sur une réponse "
               "{when} ({queue}).")
QUEUE_EMPTY = "aucune autre question en attente"
QUEUE_ONE = "1 autre question en attente"
QUEUE_MANY = "{n} autres questions en attente"
NO_STAFF_CHAT = (
    "Votre question est enregistrée (n° {id}), mais je ne peux pas encore la transmettre directement : "
    "le groupe de l'équipe n'est pas configuré. L'équipe la verra dans ses questions en attente. {contact}"
)
CONTACT = "Pour une réponse rapide, vous pouvez aussi joindre l'équipe {how}."
TAKEN = "🙋 {name}, de l'équipe, s'occupe de votre question n° {id} : « {question} »."
ANSWER = "💬 <b>Réponse de l'équipe</b> à votre question n° {id} :\n\n{text}"
ANSWER_HINT = "<i>Pour répondre, touchez « Répondre à l'équipe » ou répondez à ce message.</i>"
REPLY_TO_TEAM_BUTTON = "↩️ Répondre à l'équipe"
DONE_BUTTON = "✅ C'est réglé, merci"
WRITE_YOUR_QUESTION = ("✍️ Si ce n'est pas déjà fait, écrivez maintenant votre question ici, avec vos mots : "
                       "votre prochain message sera ajouté à votre question n° {id} pour l'équipe.")
WRITE_YOUR_ANSWER = "D'accord : écrivez votre message pour l'équipe (question n° {id}), ou touchez « Annuler »."
FOLLOW_UP_SENT = "C'est transmis à l'équipe ✅ (question n° {id})."
CANCELLED = "D'accord, c'est annulé."
NOTHING_TO_CANCEL = "Il n'y a rien à annuler."
MEMBER_CLOSED = "C'est noté : votre question n° {id} est close. Merci, et n'hésitez pas si vous avez une autre question !"
CLOSED_BY_STAFF = "✅ L'équipe a clos votre question n° {id}. N'hésitez pas si vous avez une autre question."
ALREADY_CLOSED = "Cette question (n° {id}) est déjà close. Posez une nouvelle question si besoin : je vous réponds."
NOT_YOURS = "Ce bouton concerne une question qui n'est pas la vôtre."
SHARED = (
    "💡 Vous aviez demandé : « {question} »\n\n"
    "L'équipe vient de répondre à une question proche :\n\n{text}\n\n"
    "<i>Si ce n'est pas tout à fait votre question, reposez-la : je la transmettrai.</i>"
)

# --- to the staff -------------------------------------------------------------------------

STAFF_ONLY_BUTTON = "Ce bouton est réservé à l'équipe du centre de ressources."
POST = (
    "🆕 <b>Question n° {id}</b> de {name} — {council}\n"
    "« {question} »\n\n"
    "{guesses}\n"
    "{origin}"
)
NO_COUNCIL = "conseil non renseigné"
GUESSES = "Pistes du bot :\n{lines}"
GUESS_LINE = "• {question} ({score:g})"
NO_GUESS = "Le bot n'a aucune piste."
ORIGIN = {
    "button": "Le membre a demandé à parler à l'équipe.",
    "feedback": "Le membre a trouvé la réponse du bot inutile (👎).",
    "auto": "Le bot ne savait pas répondre.",
}
POST_HINT = "<i>Répondez à ce message pour écrire au membre, ou /repondre {id} votre texte.</i>"
TAKE_BUTTON = "🙋 Je m'en occupe"
REPLY_BUTTON = "✍️ Répondre"
CLOSE_BUTTON = "✅ Clore"
ATTACH_BUTTON = "📎 Rattacher à une fiche"
FOLLOW_UP_POST = "💬 <b>{name}</b> répond (question n° {id}) :\n« {text} »"
REPLY_PROMPT = ("✍️ Question n° {id} de {name} : « {question} »\n"
                "Répondez à <b>ce message</b> pour écrire au membre (ou /repondre {id} votre texte).")
WRITE_STAFF_ANSWER = ("✍️ Question n° {id} : « {question} »\n"
                      "Écrivez votre réponse dans votre prochain message : elle partira telle quelle au membre.")
TOOK = "🙋 {staff} s'occupe de la question n° {id}."
ALREADY_TAKEN = "La question n° {id} est déjà prise par {staff}."
RELAYED = "📨 Réponse envoyée à {name} (question n° {id})."
RELAY_NO_CHANNEL = "⚠️ Le membre de la question n° {id} n'est plus joignable (profil effacé) : rien n'a été envoyé."
STAFF_CLOSED = "✅ Question n° {id} close par {staff}."
UNKNOWN_TICKET = "Je ne trouve pas de question n° {id}."
REPLY_USAGE = "Écrivez le numéro puis la réponse, par exemple : /repondre 12 Bonjour, voici la réponse…"
CLOSE_USAGE = "Écrivez le numéro de la question, par exemple : /clore 12"
LEARN_BUTTON = "📚 En faire une fiche"
SIMILAR_BUTTON = "📣 Envoyer aux questions semblables"
NO_ANSWER_YET = "La question n° {id} n'a pas encore de réponse de l'équipe : répondez d'abord."
ATTACH_CHOOSE = ("📎 Question n° {id} : « {question} »\nÀ quelle fiche rattacher cette formulation ? "
                 "(ou /rattacher {id} identifiant-de-la-fiche)")
ATTACH_NOTHING = ("Le bot ne voit aucune fiche proche. Écrivez /rattacher {id} identifiant-de-la-fiche, "
                  "ou répondez puis « En faire une fiche ».")
ATTACH_USAGE = "Écrivez le numéro puis l'identifiant de la fiche, par exemple : /rattacher 12 cc-definition"
ATTACHED = ("📎 C'est appris : « {question} » mène maintenant à la fiche « {entry} ». "
            "(<code>hotline knowledge export</code> l'écrit dans les fichiers.)")
ATTACHED_ALREADY = "Cette formulation mène déjà à la fiche « {entry} »."
UNKNOWN_ENTRY = "Je ne trouve pas de fiche « {entry} »."
LEARNED = ("📚 Brouillon de fiche « {entry} » : « {question} ». Il attend une relecture dans la console "
           "(/console, « Connaissances » → « À relire ») ; la hotline l'utilisera une fois publié.")
LEARNED_ALREADY = "Cette question a déjà son brouillon de fiche « {entry} » (mis à jour avec la dernière réponse)."
SIMILAR_NONE = "Aucune autre question sans réponse ne ressemble à la question n° {id}."
SIMILAR_LIST = ("📣 Questions sans réponse qui ressemblent à la question n° {id} : {n}\n{lines}\n\n"
                "Envoyer la réponse de l'équipe à ces personnes ?")
SIMILAR_LINE = "• « {question} » ({count})"
SIMILAR_CONFIRM = "📣 Oui, envoyer (destinataires : {n})"
SIMILAR_CANCEL = "Non"
SIMILAR_SENT = "📣 Réponse envoyée aux personnes qui avaient posé une question semblable : {n}."
SIMILAR_CANCELLED = "D'accord, rien n'est envoyé."
DIGEST = "☀️ <b>Questions ouvertes ({n})</b>\n{lines}"
DIGEST_LINE = "• n° {id} — {status} — depuis {age} — « {question} »"
ALERT = ("⏰ <b>Toujours sans réponse</b> : question n° {id} de {name}, en attente depuis {hours} h ouvrées.\n"
         "« {question} »")
STATUS = {"new": "nouvelle", "taken": "prise par {staff}", "answered": "répondue", "closed": "close"}
MEMBER_STATUS = {"new": "Elle attend qu'une personne de l'équipe la prenne.",
                 "taken": "{staff} s'en occupe.",
                 "answered": "L'équipe vous a répondu plus haut.",
                 "closed": ""}
TICKETS_NONE = "Aucune question ouverte. 🎉"
TICKETS = "<b>Questions ouvertes ({n})</b>\n{lines}"
ERASED = "(texte effacé)"
STATS = (
    "📊 <b>Statistiques</b>\n"
    "Questions aujourd'hui : {today} · 7 derniers jours : {week}\n"
    "Par jour : {per_day}\n"
    "Par semaine : {per_week}\n"
    "Répondues directement : {answered} · suggestions : {suggested} · inconnues : {unknown}\n"
    "Transmises à l'équipe : {escalated}\n"
    "Autres messages (demande d'une personne, mécontentement, relance) : {acts}\n"
    "👍 {up} · 👎 {down} · autre fiche choisie sous la réponse : {corrected}\n"
    "Délai médian avant une réponse humaine : {median}\n"
    "Questions ouvertes : {open}\n"
    "<b>Questions sans réponse les plus fréquentes</b>\n{top}"
)
STATS_NO_TOP = "aucune"

# The member's own forwarded questions (« où en est ma question ? », /mesquestions).
MINE_NONE = ("Vous n'avez pas encore transmis de question à l'équipe. Si je ne sais pas répondre, "
             "je vous propose de la transmettre : une personne vous répond ici même.")
MINE_TITLE = "<b>Vos questions transmises à l'équipe</b>"
MINE_LINE = "\n<b>N° {id}</b> — envoyée le {day} — {status}\n« {question} »"
MINE_ANSWER = "Réponse de l'équipe : {answer}"
MINE_STATUS = {"new": "en attente : personne ne l'a encore prise", "taken": "{staff} s'en occupe",
               "answered": "l'équipe a répondu", "closed": "close"}
MINE_CLOSE_BUTTON = "✅ Clore la question n° {id}"
