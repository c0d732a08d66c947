"""Through the real stack: PTB's Application polls a local Bot API emulator over HTTP while N members ask
at once. Measures questions per second and the latency a member sees (message in → reply out)."""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from bench.common import load_eval, percentile, table
from bench.emulator import Emulator
from bot.app import build_app
from bot.channels.telegram.adapter import build_application
from bot.config import ROOT, load_settings

TOKEN = "123456789:AAFakeTokenForBenchmarksOnly_abcdefghijk"


async def run_stack(members: int, questions_each: int, *, rate_limit: bool) -> dict[str, float]:
    emulator = Emulator()
    base = await emulator.start()
    questions = [q.q for q in load_eval() if q.kind == "faq"]
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(ROOT / "config.toml", env={
            "TELEGRAM_BOT_TOKEN": TOKEN, "DATABASE_URL": f"sqlite:///{Path(folder) / 'stack.db'}",
            "TELEGRAM_API_BASE_URL": base})
        app = build_app(settings)
        application = build_application(app, rate_limit=rate_limit, start_jobs=False)
        await application.initialize()
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        latencies: list[float] = []

        async def member(user_id: int) -> None:
            for n in range(questions_each):
                start = time.perf_counter()
                reply = await asyncio.wait_for(
                    emulator.member_says(user_id, questions[(user_id * 7 + n) % len(questions)]), timeout=60)
                latencies.append((reply.at - start) * 1000)

        started = time.perf_counter()
        await asyncio.gather(*(member(10_000 + m) for m in range(members)))
        elapsed = time.perf_counter() - started
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
        app.db.engine.dispose()
    await emulator.stop()
    return {"members": members, "questions": members * questions_each, "qps": members * questions_each / elapsed,
            "p50_ms": percentile(latencies, 50), "p99_ms": percentile(latencies, 99)}


def run() -> tuple[str, list[dict[str, float]]]:
    results = []
    for members, rate_limit in ((1, True), (20, True), (50, True), (50, False)):
        result = asyncio.run(run_stack(members, 10, rate_limit=rate_limit))
        result["rate_limit"] = rate_limit
        results.append(result)
    rows: list[list[object]] = [[int(r["members"]), int(r["questions"]), "on (30 msg/s)" if r["rate_limit"] else "off",
             f"{r['qps']:.1f}", f"{r['p50_ms']:.1f}", f"{r['p99_ms']:.1f}"] for r in results]
    return table(["members at once", "questions", "PTB rate limiter", "questions/s", "p50 ms", "p99 ms"], rows), results


if __name__ == "__main__":
    print(run()[0])
