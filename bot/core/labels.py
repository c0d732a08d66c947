"""The labels of codes stored in members' rows: profile roles and subscription topics. The features that
store them and /mesdonnees (which shows a member everything stored) read them here."""

from __future__ import annotations

ROLES = {  # profile role code → label
    "cc": "Membre d'un conseil citoyen",
    "habitant": "Habitant du quartier",
    "pro": "Professionnel",
    "elu": "Élu",
    "autre": "Autre",
}
PROFESSIONAL_ROLES = ("pro", "elu")  # members who see the agenda in plain date order (not residents first)

TERRITORY = "territoire"
AGENDA_TOPIC = "agenda"  # the events feature subscribes a member to it ("me prévenir du prochain programme")
TOPICS = {  # code → label; the codes are stored and travel in button data
    AGENDA_TOPIC: "📅 L'agenda du centre (rencontres, formations, webinaires)",
    "cdv": "🏙 Les nouvelles du contrat de ville",
    "publications": "📚 Les publications (guides, fiches, RésO Flash)",
    TERRITORY: "📍 Les nouvelles de mon territoire",
}
TOPIC_SHORT = {"agenda": "Agenda", "cdv": "Contrat de ville", "publications": "Publications", TERRITORY: "Mon territoire"}
