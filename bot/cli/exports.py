"""What the command line writes out: an event's registrants (`hotline export`) and what the team taught
the hotline (`hotline knowledge export`)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.app import App
from bot.config import Settings
from bot.events.export import registrants_csv
from bot.events.store import find_event


def export_registrants(app: App, ref: str, output: Path | None) -> int:
    """`hotline export EVENT`: the same CSV as in the staff chat, on standard output or in a file."""
    with app.db.session() as session:
        event = find_event(session, ref)
        if event is None:
            print(f"Événement « {ref} » introuvable.", file=sys.stderr)
            return 1
        content, count = registrants_csv(session, app.ctx, event)
    if output is None:
        sys.stdout.write(content.decode("utf-8-sig"))
    else:
        output.write_bytes(content)
        print(f"Inscriptions écrites dans {output} : {count}", file=sys.stderr)
    return 0


def knowledge_export(settings: Settings) -> int:
    from bot.clock import SystemClock
    from bot.desk.export import LEARNED_FILE, export_learned
    from bot.storage.db import Database, make_engine
    from bot.storage.migrate import upgrade

    engine = make_engine(settings.database_url)
    upgrade(engine)
    from bot.desk.export_edits import export_edits

    edited = export_edits(Database(engine), settings.knowledge_dir, now=SystemClock().now())
    for problem in edited.problems:
        print(problem, file=sys.stderr)
    if edited.written:
        print(f"{edited.written} fiche(s), terme(s) ou contact(s) modifié(s) dans la console écrit(s) dans "
              f"{settings.knowledge_dir}.")
    report = export_learned(Database(engine), settings.knowledge_dir, now=SystemClock().now())
    for problem in report.problems:
        print(problem, file=sys.stderr)
    if report.entries:
        print(f"{report.entries} fiche(s) apprise(s) écrite(s) dans {settings.knowledge_dir / LEARNED_FILE} "
              "(marquées « review: true » : à relire).")
    if report.phrasings:
        print(f"{report.phrasings} formulation(s) ajoutée(s) aux fiches existantes.")
    if not (report.entries or report.phrasings or report.problems or edited.written or edited.problems):
        print("Rien de nouveau à écrire : l'équipe n'a encore rien appris à la hotline.")
    print("Vérifiez avec :  hotline knowledge check")
    return 1 if report.problems and not (report.entries or report.phrasings) else 0
