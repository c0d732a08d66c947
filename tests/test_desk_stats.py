"""Statistics: /stats for the staff, `hotline stats` in the terminal, and `hotline chat --staff`."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from bot.app import App, build_app
from bot.channels.terminal import TerminalChat
from bot.channels.terminal_setup import STAFF_TARGET, attach_staff_terminal, attach_terminal
from bot.clock import ManualClock
from bot.config import Settings
from bot.desk.stats import compute
from bot.storage.models import Ticket
from tests.conftest import SHIPPED_KNOWLEDGE
from tests.test_desk_tickets import AWA, CLAIRE, MALIK, ask_team, button


def seed(app: App, clock: ManualClock) -> None:
    """Yesterday: 2 answered (one 👍, one 👎), 1 suggestion; today: 3 unknown (2 alike), 1 escalated and
    answered by a person after 30 minutes, plus a greeting that is not a question."""
    clock.advance(timedelta(days=-1))
    up = app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    app.hotline.on_button(AWA, button(up, "👍"))
    down = app.hotline.on_text(MALIK, "preparer le copil")
    app.hotline.on_button(MALIK, button(down, "👎"))
    app.hotline.on_text(AWA, "rejoindre ou quitter le conseil citoyen")
    clock.advance(timedelta(days=1))
    app.hotline.on_text(MALIK, "quel temps fera-t-il demain")
    app.hotline.on_text(AWA, "bonjour")
    app.hotline.on_text(MALIK, "qui organise le carnaval du quartier")
    ask_team(app, AWA, "quel temps fera t il demain ?")
    with app.db.session() as session:
        ticket = session.exec(select(Ticket)).one()
    clock.advance(timedelta(minutes=30))
    app.hotline.on_command(CLAIRE, "repondre", f"{ticket.id} Voici.")


def test_the_statistics_count_questions_rates_feedback_and_the_time_to_a_human(app: App,
                                                                              clock: ManualClock) -> None:
    seed(app, clock)
    stats = compute(app.db, app.desk.learning, now=clock.now(), timezone=app.settings.timezone)
    assert stats.per_day[-1][1] == 3 and stats.per_day[-2][1] == 3 and sum(n for _, n in stats.per_day) == 6
    assert sum(n for _, n in stats.per_week) == 6
    assert (stats.questions, stats.answered, stats.suggested, stats.unknown, stats.escalated) == (6, 2, 1, 3, 1)
    assert (stats.thumbs_up, stats.thumbs_down) == (1, 1)
    assert stats.median_to_human == timedelta(minutes=30)
    assert stats.top_unanswered[0] == ("quel temps fera-t-il demain", 2)
    assert stats.open_tickets == 1


def test_the_stats_command_shows_them_to_the_staff(app: App, clock: ManualClock) -> None:
    seed(app, clock)
    [reply] = app.hotline.on_command(CLAIRE, "stats")
    assert "Questions aujourd'hui : 3 · 7 derniers jours : 6" in reply.text
    assert "Transmises à l'équipe : 17 %" in reply.text and "👍 1 · 👎 1" in reply.text
    assert "Délai médian avant une réponse humaine : 30 min" in reply.text
    assert "« quel temps fera-t-il demain » × 2" in reply.text


def test_hotline_stats_prints_them_in_the_terminal(make_settings: Callable[..., Settings], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.cli import main

    settings = make_settings()
    app = build_app(settings)
    app.hotline.on_text(AWA, "quel temps fera-t-il demain")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    assert main(["--config", str(settings.config_path), "stats"]) == 0
    out = capsys.readouterr().out
    assert "Statistiques" in out and "« quel temps fera-t-il demain » × 1" in out and "<b>" not in out


def test_hotline_knowledge_export_says_when_there_is_nothing_to_write(
        make_settings: Callable[..., Settings], capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    settings = make_settings()
    assert main(["--config", str(settings.config_path), "knowledge", "export"]) == 0
    assert "Rien de nouveau à écrire" in capsys.readouterr().out


def test_the_terminal_staff_mode_lets_one_person_play_both_sides(settings: Settings, clock: ManualClock) -> None:
    app = build_app(settings, clock=clock, staff_chat=STAFF_TARGET)
    chat = TerminalChat(app.hotline)
    transport = attach_terminal(app, chat)
    attach_staff_terminal(app, chat, transport)
    script = "\n".join([
        "quel temps fera-t-il demain",
        "1",  # ✉️ Poser la question à l'équipe
        "/repondre 1 Regardez le site de Météo-France.",
        "",
        "/stats",
    ]) + "\n"
    out = io.StringIO()
    chat.run(stdin=io.StringIO(script), stdout=out)
    text = out.getvalue()
    assert "Mode équipe" in text
    assert "[équipe] 🆕 Question n° 1 de Membre n° 1" in text and "[1] 🙋 Je m'en occupe" in text
    assert "Réponse envoyée à Membre n° 1 (question n° 1)" in text
    assert "Réponse de l'équipe à votre question n° 1" in text and "Météo-France" in text
    assert "Statistiques" in text


def test_without_staff_mode_the_terminal_user_is_not_staff(app: App) -> None:
    chat = TerminalChat(app.hotline)
    attach_terminal(app, chat)
    assert "réservée à l'équipe" in chat.handle("/stats")[0].text


def test_several_questions_count_once_and_dialogue_acts_are_not_questions(
        make_settings: Callable[..., Settings], clock: ManualClock) -> None:
    app = build_app(make_settings(knowledge=SHIPPED_KNOWLEDGE), clock=clock)
    app.hotline.on_text(AWA, "Bonjour, c koi le FPH et comment on démissionne du conseil citoyen ? merci")
    app.hotline.on_text(MALIK, "je veux parler à un humain")
    app.hotline.on_text(MALIK, "c nul votre truc")
    app.hotline.on_text(MALIK, "où en est ma question ?")
    stats = compute(app.db, app.desk.learning, now=clock.now(), timezone=app.settings.timezone)
    assert (stats.questions, stats.answered, stats.suggested, stats.unknown, stats.acts) == (1, 1, 0, 0, 3)
    [reply] = app.hotline.on_command(CLAIRE, "stats")
    assert "Répondues directement : 100 %" in reply.text
    assert "Autres messages (demande d'une personne, mécontentement, relance) : 3" in reply.text
