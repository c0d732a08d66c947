"""Statistics with charts (server-rendered SVG) and the numbers beside them."""

from __future__ import annotations

from starlette.responses import Response

from bot.console.charts import bars, shares
from bot.console.web import Ctx, Page
from bot.desk.stats import duration


def statistics(ctx: Ctx) -> Response:
    stats = ctx.services.stats()
    split = [("Réponse directe", stats.answered, "answered"), ("Choix proposé", stats.suggested, "suggested"),
             ("Sans réponse", stats.unknown, "unknown")]
    return ctx.render("stats.html", stats=stats, split=split, councils=ctx.services.per_council(),
                      weeks_chart=bars(list(stats.per_week), title="Questions par semaine"),
                      days_chart=bars(list(stats.per_day), title="Questions par jour (7 derniers jours)"),
                      split_chart=shares(split, title="Réponses de la hotline (28 jours)"),
                      median=duration(stats.median_to_human))


PAGES = [Page("/statistiques", statistics)]
