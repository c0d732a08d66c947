"""One learning action, end to end, through the services staff use, in real time (not simulated):

- a phrasing taught: a member's question, escalated and answered, attached to an entry (the « Rattacher »
  button of the staff chat: the phrasing is stored and the answerer rebuilt, then in service);
- a new entry published: the draft made from a staff answer, published from the console's review queue
  (checked like `hotline knowledge check`, stored, answerer rebuilt);
- a console edit: one more alternate saved on an existing entry (checked, stored, answerer rebuilt).

What is timed, for each action: **in service**, from the staff's click until the call returns, the new
answerer then answering members (what was taught is in the database before: a restart loses nothing);
real time, and the CPU time of the thread that handled the click (less bent by other processes). Then,
apart, **on disk**: how much longer until the new answerer is also written in the cache folder (done in
the background after it is in service, bot/answering/prepared.py; until then a restart builds it from the
database instead of reading it back). On the shipped base and on bases scaled up synthetically
(bench/synthetic.py), with a fresh build of the whole answerer measured in the same run as the yardstick
(real and CPU time). `--without-reuse` builds every answerer afresh (the previous behaviour).

    .venv/bin/python -m bench.learning --sizes 0 1000 10000
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from bench.common import shipped, table
from bench.synthetic import scaled
from bot.answering import answerer as answerer_module
from bot.answering import prepared
from bot.app import App, build_app
from bot.clock import ManualClock
from bot.config import load_settings
from bot.core.replies import Reply, Sender
from bot.knowledge.model import KnowledgeBase
from bot.storage.models import QuestionLog, Ticket

STAFF_CHAT, STAFF_USER = -1001234567890, 4242
STAFF = Sender(channel="telegram", user_id=str(STAFF_USER), chat_id=str(STAFF_CHAT), display_name="Claire")
REVIEWER = Sender(channel="console", user_id=str(STAFF_USER), chat_id=f"console:{STAFF_USER}", display_name="Claire")
MEMBER = Sender(channel="telegram", user_id="1001", chat_id="1001", display_name="Awa")
QUESTIONS = ("est ce que le bus de nuit s'arrete devant la salle du conseil apres les reunions",
             "peut on se faire rembourser les tickets de tram pour venir aux ateliers")


def _buttons(replies: list[Reply]) -> dict[str, str]:
    return {b.label: b.data for reply in replies for row in reply.buttons for b in row}


def _ticket(app: App, question: str, answer: str) -> int:
    """The member asks, hands the question to the team, and staff answer it."""
    app.hotline.on_text(MEMBER, question)
    with app.db.session() as session:
        log_id = session.exec(select(QuestionLog.id).order_by(col(QuestionLog.id).desc())).first()
    assert log_id is not None
    app.desk.open_ticket(MEMBER, log_id, "ask")
    with app.db.session() as session:
        ticket_id = session.exec(select(Ticket.id).where(Ticket.question_log_id == log_id)).one()
    assert ticket_id is not None
    app.hotline.on_command(STAFF, "repondre", f"{ticket_id} {answer}")
    return ticket_id


def _timed(call: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def _action(call: Any, name: str, found: dict[str, float]) -> Any:
    """The action timed in service (real and this thread's CPU time), then until its answerer is on disk."""
    cpu, start = time.thread_time(), time.perf_counter()
    result = call()
    found[f"{name}_s"], found[f"{name}_cpu"] = time.perf_counter() - start, time.thread_time() - cpu
    start = time.perf_counter()
    assert prepared.settled(600), "the answerer was not written"
    found[f"{name}_disk"] = time.perf_counter() - start
    return result


def measure(kb: KnowledgeBase, workdir: Path) -> dict[str, float]:
    settings, _ = shipped()
    config = workdir / "config.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{workdir / "hotline.db"}"\n'
                      f'[knowledge]\ndir = "{settings.knowledge_dir}"\n'
                      f"[telegram]\nstaff_chat_id = {STAFF_CHAT}\nstaff_ids = [{STAFF_USER}]\n", encoding="utf-8")
    settings = load_settings(config, env={"TELEGRAM_BOT_TOKEN": "123456789:AAFakeTokenForBenchOnly_abcdefghijk"})
    app = build_app(settings, clock=ManualClock(), knowledge=kb)
    cpu = time.process_time()
    full, _ = _timed(lambda: answerer_module.Answerer(kb, settings.answering))
    found = {"entries": len(kb.faq), "full_s": full, "full_cpu": time.process_time() - cpu}
    target = kb.faq[len(kb.faq) // 2]

    first = _ticket(app, QUESTIONS[0], "Oui, la ligne de nuit s'arrête devant la salle jusqu'à minuit.")
    replies = _action(lambda: app.hotline.on_button(STAFF, f"tk:link:{first}:{target.id}"), "teach", found)
    assert "C'est appris" in replies[0].text, replies[0].text
    assert QUESTIONS[0] in {c.phrasing for c in app.answerer.matcher.rank(
        app.answerer.analyze(QUESTIONS[0]), limit=3)}, "the phrasing taught is not in service"

    second = _ticket(app, QUESTIONS[1], "Oui : demandez le formulaire de remboursement à votre délégué du préfet.")
    app.hotline.on_button(STAFF, f"tk:learn:{second}")
    [draft] = app.desk.editor.drafts()
    assert draft.id is not None
    form = app.desk.editor.as_form(draft)
    form["short"] = "Oui. Demandez le formulaire de remboursement au délégué du préfet."
    form["alternates"] = "remboursement des trajets\nrembourser le tram\nfrais de transport rembourses"
    saved = _action(lambda: app.desk.editor.publish(REVIEWER, draft.id or 0, form), "publish", found)
    assert saved is not None and saved.edit is not None, saved
    assert app.answerer.kb.entry(f"appris-{second}") is not None

    edited = app.desk.editor.form("faq", target.id)
    assert edited is not None
    edited["alternates"] += "\nle bus de nuit passe t il apres le conseil"
    saved = _action(lambda: app.desk.editor.save(REVIEWER, "faq", target.id, edited), "edit", found)
    assert saved.edit is not None, saved.verdict
    served = app.answerer.kb.entry(target.id)
    assert served is not None and "le bus de nuit passe t il apres le conseil" in served.alternates
    return found


def _without_reuse() -> None:
    """Every answerer built afresh, as before the reuse (for the comparison)."""
    original = answerer_module.Answerer.__init__

    def fresh(self: Any, *args: Any, previous: Any = None, **kwargs: Any) -> None:
        original(self, *args, **kwargs)

    answerer_module.Answerer.__init__ = fresh  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10_000], help="0: the shipped base")
    parser.add_argument("--without-reuse", action="store_true")
    args = parser.parse_args(argv)
    if args.without_reuse:
        _without_reuse()
    _, kb = shipped()
    rows = []
    start = os.getloadavg()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["HOTLINE_CACHE_DIR"] = str(Path(tmp) / "cache")  # no prepared answerer from before
            found = measure(scaled(kb, size) if size else kb, Path(tmp))
        rows.append([f"{found['entries']:,}", *(f"{found[f'{name}_s']:.2f} ({found[f'{name}_cpu']:.2f}) "
                                                f"+{found[f'{name}_disk']:.2f}" for name in ("teach", "publish", "edit")),
                     f"{found['full_s']:.2f} ({found['full_cpu']:.2f})"])
        print(f"... {found}", file=sys.stderr, flush=True)
    load = os.getloadavg()
    print(f"learning actions end to end ({'every answerer built afresh' if args.without_reuse else 'reuse'}): "
          f"s in service real (CPU) +s more until on disk; load average (1 min) {start[0]:.2f} → {load[0]:.2f} "
          f"on {os.cpu_count()} cores")
    print(table(["entries", "phrasing taught", "new entry published", "console edit", "full build s (CPU)"], rows))


if __name__ == "__main__":
    main()
