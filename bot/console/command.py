"""`/console` on Telegram: a staff member gets a one-time sign-in link, in private."""

from __future__ import annotations

from bot.console.access import ConsoleAccess, StaffUser
from bot.core.replies import Reply, Sender, esc
from bot.core.router import CommandHandler, Router

LINK = ("🖥️ Votre lien pour ouvrir la console de l'équipe :\n{url}\n\n"
        "Il marche <b>une seule fois</b>, pendant {minutes} minutes. Ne le transférez à personne.")
SENT_PRIVATELY = "🖥️ {name}, je vous ai envoyé le lien de la console en message privé."


def console_command(access: ConsoleAccess, minutes: int) -> CommandHandler:
    def handler(sender: Sender, args: str) -> list[Reply]:
        staff = StaffUser(id=sender.user_id, name=sender.display_name or "L'équipe")
        link = Reply(text=LINK.format(url=esc(access.issue_link(staff)), minutes=minutes))
        if not sender.in_group:
            return [link]
        # In the staff group, the link would be seen (and usable) by everyone: it goes in private.
        first = (sender.display_name.split() or ["Bonjour"])[0]
        return [Reply(text=link.text, to_chat=sender.user_id), Reply(text=SENT_PRIVATELY.format(name=esc(first)))]

    return handler


def register(router: Router, access: ConsoleAccess, minutes: int) -> None:
    router.command("console", "Ouvrir la console web de l'équipe", console_command(access, minutes), staff_only=True)
