"""`hotline` command line: run, chat, ask, db, knowledge."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.core.decider import Decider
    from bot.leader import Leadership

RUN_WITHOUT_TOKEN = (
    "Aucun jeton Telegram : la variable TELEGRAM_BOT_TOKEN n'est pas définie.\n"
    "Pour essayer la hotline sans Telegram, lancez le chat local :  hotline chat\n"
    "Pour la mettre sur Telegram, créez un bot avec @BotFather puis :  TELEGRAM_BOT_TOKEN=… hotline run"
)

INVALID_TOKEN = ("Telegram refuse le jeton TELEGRAM_BOT_TOKEN (révoqué ou mal copié ?). "
                 "Demandez-en un à @BotFather (/token) puis relancez.")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hotline", description="La hotline des conseils citoyens.")
    parser.add_argument("--config", type=Path, help="fichier de configuration (défaut : config.toml)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="lancer le bot Telegram (long polling)")
    chat = commands.add_parser("chat", help="discuter avec la hotline dans le terminal")
    chat.add_argument("--now", help="temps simulé à partir de cette date (AAAA-MM-JJTHH:MM, heure de Paris) ; "
                                    "/avancer 2h fait avancer le temps")
    chat.add_argument("--staff", action="store_true",
                      help="jouer aussi l'équipe : les questions transmises et les commandes de l'équipe ici même")
    console = commands.add_parser("console", help="ouvrir la console web de l'équipe (http://127.0.0.1:8080)")
    console_commands = console.add_subparsers(dest="console_command")
    invite = console_commands.add_parser("invite", help="afficher un lien de connexion à usage unique")
    invite.add_argument("--nom", default="Admin", help="le nom de la personne (défaut : Admin)")
    commands.add_parser("stats", help="les statistiques de la hotline (questions, taux, délais, questions sans réponse)")
    export = commands.add_parser("export", help="les inscrits d'un événement en CSV")
    export.add_argument("event", help="identifiant de l'événement (ex. : interconseil-2026-t1) ou son numéro")
    export.add_argument("-o", "--output", type=Path, help="fichier à écrire (défaut : la sortie standard)")
    ask = commands.add_parser("ask", help="poser une question (sans argument : une par ligne sur l'entrée)")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true", help="sortie JSON")
    db = commands.add_parser("db", help="base de données")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="appliquer les migrations")
    down = db_commands.add_parser("downgrade", help="revenir à une révision")
    down.add_argument("revision")
    knowledge = commands.add_parser("knowledge", help="base de connaissances")
    knowledge_commands = knowledge.add_subparsers(dest="knowledge_command", required=True)
    knowledge_commands.add_parser("check", help="vérifier les fichiers de knowledge/")
    knowledge_commands.add_parser("export", help="écrire dans knowledge/ ce que l'équipe a appris à la hotline")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command != "ask":
        return _main(args)
    # numpy's BLAS starts a thread per core when imported (~70 ms here); `ask` multiplies no matrices.
    # Set before anything imports numpy; a value given by the person running it wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # Starting makes objects, not garbage: reading the prepared answerer alone makes a hundred thousand, which
    # Python's cyclic collector would go through again and again (a tenth of a cold `ask`). Paused until the
    # decider is built (`_ask`).
    gc.disable()
    try:
        return _main(args)
    finally:
        gc.enable()


def _main(args: argparse.Namespace) -> int:
    # Imported here, not with this module: in `ask`, after the collector is paused (`main`).
    from bot.config import ConfigError, load_settings
    from bot.knowledge.loader import KnowledgeError

    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    from bot.app import configure_logging

    # The terminal chat and `ask` print to the same screen as the conversation: only real errors show there.
    configure_logging("ERROR" if args.command in ("chat", "ask") else settings.log_level,
                      secrets=(settings.telegram.token,))
    try:
        return _dispatch(args, settings)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    except KnowledgeError as exc:
        print("La base de connaissances contient des erreurs :", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "knowledge" and args.knowledge_command == "export":
        from bot.cli.exports import knowledge_export

        return knowledge_export(settings)
    if args.command == "knowledge":
        return _knowledge_check(settings)
    if args.command == "db":
        from bot.storage.db import make_engine, safe_url
        from bot.storage.migrate import downgrade, upgrade

        engine = make_engine(settings.database_url)
        if args.db_command == "upgrade":
            upgrade(engine)
            print(f"Base à jour : {safe_url(settings.database_url)}")
        else:
            downgrade(engine, args.revision)
            print(f"Base ramenée à la révision {args.revision}")
        return 0
    if args.command == "run" and settings.telegram.token is None:
        print(RUN_WITHOUT_TOKEN, file=sys.stderr)
        return 1

    if args.command == "ask":
        from bot.app import deciding

        return _ask(deciding(settings), args)

    from bot.app import build_app

    if args.command == "console":
        from bot.app import console_services
        from bot.console.server import invite, serve

        if args.console_command == "invite":
            minutes = settings.console.link_minutes
            print(f"Lien de connexion pour {args.nom} (une seule fois, {minutes} minutes) :")
            print(invite(build_app(settings).console, args.nom))
            return 0
        serve(console_services(build_app(settings)), ready=lambda: print(
            f"Console de l'équipe : {settings.console.public_url}  (Ctrl+C pour arrêter)", flush=True))
        return 0
    if args.command == "stats":
        from bot.channels.render import plain

        print(plain(build_app(settings).desk.stats_text()))
        return 0
    if args.command == "chat":
        from bot.channels.terminal import TerminalChat
        from bot.channels.terminal_setup import STAFF_TARGET, attach_staff_terminal, attach_terminal, simulated_clock

        app = build_app(settings, clock=simulated_clock(args.now, settings.timezone) if args.now else None,
                        staff_chat=STAFF_TARGET if args.staff else None)
        chat = TerminalChat(app.hotline)
        transport = attach_terminal(app, chat)
        if args.staff:
            attach_staff_terminal(app, chat, transport)
        chat.run()
        return 0
    if args.command == "export":
        from bot.cli.exports import export_registrants

        return export_registrants(build_app(settings), args.event, args.output)
    if args.command == "run":
        from telegram.error import InvalidToken

        from bot.channels.telegram.adapter import build_application

        app = build_app(settings)  # built before leading: a takeover only has to start polling
        leadership = _lead(app)
        application = build_application(app)
        if settings.console.with_bot:
            from bot.app import console_services
            from bot.console.server import serve_beside

            serve_beside(console_services(app))
        try:
            application.run_polling(drop_pending_updates=settings.telegram.drop_pending_updates)
        except InvalidToken:  # PTB's message quotes the token: say it our way
            print(INVALID_TOKEN, file=sys.stderr)
            return 2
        finally:
            leadership.release()
        return 0
    return 2


STANDBY = ("Une autre instance de la hotline est active sur cette base : celle-ci attend, prête, "
           "et prendra le relais si l'autre s'arrête.")


def _lead(app: object) -> Leadership:
    """Wait to be the one instance that polls Telegram and runs the scheduler (bot/leader.py)."""
    import logging
    import os
    import signal

    from bot.app import App
    from bot.leader import Leadership

    assert isinstance(app, App)
    leadership = Leadership(app.db.engine)
    leadership.wait(announce=lambda: print(STANDBY, file=sys.stderr, flush=True))
    logging.getLogger("bot.leader").warning("this instance leads: it polls Telegram and runs the scheduler")
    app.delivery.sole_sender = True  # what the last leader left "sending" died with it
    leadership.watch(on_lost=lambda: os.kill(os.getpid(), signal.SIGTERM))
    return leadership


def _ask(decider: Decider, args: argparse.Namespace) -> int:
    from bot.core.replies import Sender

    # What the start made lives as long as the process: set aside for good, and the collector resumes. Neither
    # its collections nor the last one, when the process ends, go through it again (~70 ms at the end).
    gc.freeze()
    gc.enable()
    sender = Sender(channel="cli", user_id="cli", chat_id="cli")

    def one(question: str) -> dict[str, object]:
        decision = decider.decide(sender, question)
        entry = decision.entry
        return {
            "decision": decision.kind.value,
            "entry_id": entry.id if entry else None,
            "question": entry.question if entry else None,
            "answer": entry.answer if entry else (decision.term.definition if decision.term else (
                decision.passage.passage.text if decision.passage else None)),
            "score": decision.score,
            "candidates": [{"entry_id": c.entry.id, "question": c.entry.question, "score": c.score}
                           for c in decision.candidates],
            # Why it answered: the dialogue acts found, and the parts of the message it used.
            "acts": list(dict.fromkeys([*(a.value for a in decision.acts), *([decision.act.value] if decision.act else []),
                                        *([decision.smalltalk.value] if decision.smalltalk else [])])),
            "segments": list(decision.segments),
            **({"parts": [{"decision": p.kind.value, "entry_id": p.entry.id if p.entry else None,
                           "candidates": [c.entry.id for c in p.candidates], "segments": list(p.segments)}
                          for p in decision.parts]} if decision.parts else {}),
            **({"runner_up": decision.runner_up.entry.id}
               if decision.kind.value == "answer" and decision.runner_up is not None else {}),
            **({"term": decision.term.term} if decision.term else {}),
            **({"passage_id": decision.passage.passage.id} if decision.passage else {}),
            **decision.extras,
        }

    questions = [args.question] if args.question is not None else (line.rstrip("\n") for line in sys.stdin)
    for question in questions:
        if args.question is None and not question.strip():
            continue
        result = one(question)
        if args.json:
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            print(f"{result['decision']} ({result['score']}) {result['entry_id'] or ''}")
            if result["answer"]:
                print(result["answer"])
    return 0


def _knowledge_check(settings: Settings) -> int:
    from bot.answering.knowledge_check import check_knowledge
    from bot.clock import SystemClock
    from bot.documents.service import check_templates

    today = SystemClock().now().astimezone(settings.timezone).date()  # the day in Paris, from the one clock
    problems, summary = check_knowledge(settings, today=today)
    template_problems, templates_summary = check_templates(settings.knowledge_dir)
    problems += template_problems
    for problem in problems:
        print(problem)
    print(summary, templates_summary)
    return 1 if any(p.severity == "error" for p in problems) else 0
