"""The staff: who is coming (per council), the CSV export, creating, moving and cancelling events."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.app import App
from bot.cli import main
from bot.core import texts as core_texts
from tests.conftest import STAFF_CHAT, STAFF_USER
from tests.support.events import button, event, event_id, member, outbox, register, reminders, text

STAFF = member(STAFF_USER, "Équipe")
AWA, BILAL, CHLOE = member(1001, "Awa"), member(1002, "Bilal"), member(1003, "Chloé")


def test_registrants_with_counts_per_council(app: App) -> None:
    register(app, AWA, "interconseil-printemps", name="Awa", council="quartier-nord")
    register(app, BILAL, "interconseil-printemps", name="Bilal", council="quartier-nord")
    register(app, CHLOE, "interconseil-printemps", name="Chloé", council="quartier-sud")
    summary = text(app.hotline.on_command(STAFF, "inscrits", "interconseil-printemps"))
    assert "inscriptions : 2 sur 2 places, liste d'attente : 1" in summary
    assert "• Conseil citoyen Quartier Nord : 2" in summary
    assert "Chloé" in summary.split("Liste d'attente")[1]
    overview = app.hotline.on_command(STAFF, "inscrits")
    assert "2/2 (+1 en attente)" in text(overview)


def test_members_cannot_use_staff_commands_or_buttons(app: App) -> None:
    assert text(app.hotline.on_command(AWA, "inscrits", "journee-mai")) == core_texts.STAFF_ONLY
    assert text(app.hotline.on_command(AWA, "export", "journee-mai")) == core_texts.STAFF_ONLY
    assert text(app.hotline.on_button(AWA, f"st:csv:{event_id(app, 'journee-mai')}")) == core_texts.STAFF_ONLY
    assert text(app.hotline.on_button(AWA, f"st:cancel:{event_id(app, 'journee-mai')}")) == core_texts.STAFF_ONLY
    assert event(app, "journee-mai").status == "planned"


def test_the_csv_export_goes_to_the_staff_chat(app: App) -> None:
    register(app, AWA, "journee-mai", name="=Awa", council="quartier-nord")
    replies = app.hotline.on_command(STAFF, "export", "journee-mai")
    document = next(r for r in replies if r.attachment is not None)
    assert document.to_chat == str(STAFF_CHAT) and document.attachment is not None
    assert document.attachment.filename == "inscrits-journee-mai-2026-05-19.csv"
    csv = document.attachment.content.decode("utf-8-sig").splitlines()
    assert csv[0] == "nom ou pseudonyme;conseil citoyen;rôle;statut;date d'inscription (heure de Paris)"
    assert csv[1] == "'=Awa;Conseil citoyen Quartier Nord;Membre d'un conseil citoyen;inscription confirmée;05/01/2026 09:00"


def test_hotline_export_prints_the_csv(app: App, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    register(app, AWA, "journee-mai", name="Awa")
    config = str(app.settings.config_path)
    assert main(["--config", config, "export", "journee-mai"]) == 0
    assert "Awa;Conseil citoyen Quartier Nord" in capsys.readouterr().out
    assert main(["--config", config, "export", "journee-mai", "-o", str(tmp_path / "x.csv")]) == 0
    assert (tmp_path / "x.csv").read_bytes().startswith("\ufeffnom".encode())
    assert main(["--config", config, "export", "nope"]) == 1


def test_guided_creation_of_an_event(app: App) -> None:
    kinds = app.hotline.on_command(STAFF, "nouvel_evenement")
    assert "☕" not in text(kinds) and "Café citoyen" in [b.label for r in kinds for row in r.buttons for b in row]
    app.hotline.on_button(STAFF, button(kinds, "Café citoyen"))
    app.hotline.on_text(STAFF, "Café citoyen du Breil")
    assert "Je n'ai pas compris" in text(app.hotline.on_text(STAFF, "bientôt"))
    app.hotline.on_text(STAFF, "12/03/2026 18h30")
    app.hotline.on_text(STAFF, "Centre social du Breil")
    created = app.hotline.on_text(STAFF, "20")
    assert "Événement créé" in text(created) and "ev_cafe-citoyen-2026-03-12" in text(created)
    cafe = event(app, "cafe-citoyen-2026-03-12")
    assert (cafe.kind, cafe.capacity, cafe.origin, cafe.status) == ("cafe_citoyen", 20, "staff", "planned")
    assert "Café citoyen du Breil" in text(app.hotline.on_command(AWA, "agenda", "cafés"))


def test_moving_an_event_tells_registrants_and_recomputes_reminders(app: App) -> None:
    register(app, AWA, "journee-mai")
    before = [r.due_at for r in reminders(app)]
    fields = app.hotline.on_command(STAFF, "modifier_evenement", "journee-mai")
    app.hotline.on_button(STAFF, button(fields, "Date"))
    done = app.hotline.on_text(STAFF, "26/05/2026")
    assert "Personnes prévenues : 1" in text(done)
    [notice] = outbox(app, purpose="event_moved")
    assert "mardi 26 mai 2026" in notice.text and "mardi 19 mai 2026" in notice.text
    assert [r.due_at for r in reminders(app)] != before and {r.status for r in reminders(app)} == {"pending"}


def test_more_places_promote_the_waitlist(app: App) -> None:
    for sender, name in ((AWA, "Awa"), (BILAL, "Bilal"), (CHLOE, "Chloé")):
        register(app, sender, "interconseil-printemps", name=name)
    app.hotline.on_button(STAFF, f"st:edit:{event_id(app, 'interconseil-printemps')}:capacity")
    app.hotline.on_text(STAFF, "3")
    [promotion] = outbox(app, purpose="event_promoted")
    assert promotion.chat_id == "1003"


def test_cancelling_an_event_asks_for_confirmation_then_tells_everyone(app: App) -> None:
    register(app, AWA, "journee-mai")
    confirm = app.hotline.on_command(STAFF, "annuler_evenement", "journee-mai")
    assert "Toutes les personnes inscrites (1) recevront un message" in text(confirm)
    assert "rien n'est changé" in text(app.hotline.on_button(STAFF, button(confirm, "Non")))
    assert event(app, "journee-mai").status == "planned"
    app.hotline.on_button(STAFF, button(confirm, "Oui"))
    assert event(app, "journee-mai").status == "cancelled"
    assert [n.chat_id for n in outbox(app, purpose="event_cancelled")] == ["1001"]
    assert "est annulé" in text(app.hotline.on_button(AWA, f"ev:reg:{event_id(app, 'journee-mai')}"))


def test_reloading_the_programme_is_a_staff_command(app: App) -> None:
    assert "créés : 0, mis à jour : 0, retirés : 0" in text(app.hotline.on_command(STAFF, "recharger_agenda"))


def test_the_terminal_chat_with_simulated_time_shows_reminders(app: App) -> None:
    from bot.channels.terminal import TerminalChat
    from bot.channels.terminal_setup import attach_terminal

    chat = TerminalChat(app.hotline)
    attach_terminal(app, chat)
    out = io.StringIO()
    script = ["/start ev_webinaire-janvier", "1", "Awa", "1", "1", "1", "/avancer 10j", "/avancer 1j", "/quitter"]
    chat.run(io.StringIO("\n".join(script) + "\n"), out)
    shown = out.getvalue()
    assert "Votre inscription à « Webinaire de janvier »" in shown
    assert "Nous sommes le jeudi 15 janvier 2026 à 9 h (temps simulé)" in shown
    assert shown.count("Rappel") == 1 and "dans 7 jours" in shown
