"""`hotline knowledge export`: the desk's part of the command line."""

from __future__ import annotations

import sys

from bot.config import Settings


def knowledge_export(settings: Settings) -> int:
    from bot.clock import SystemClock
    from bot.desk.export import LEARNED_FILE, export_learned
    from bot.storage.db import Database, make_engine
    from bot.storage.migrate import upgrade

    engine = make_engine(settings.database_url)
    upgrade(engine)
    report = export_learned(Database(engine), settings.knowledge_dir, now=SystemClock().now())
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.entries:
        print(f"{report.entries} fiche(s) apprise(s) écrite(s) dans {settings.knowledge_dir / LEARNED_FILE} "
              "(marquées « review: true » : à relire).")
    if report.phrasings:
        print(f"{report.phrasings} formulation(s) ajoutée(s) aux fiches existantes.")
    if not (report.entries or report.phrasings or report.problems):
        print("Rien de nouveau à écrire : l'équipe n'a encore rien appris à la hotline.")
    print("Vérifiez avec :  hotline knowledge check")
    return 1 if report.problems and not (report.entries or report.phrasings) else 0
