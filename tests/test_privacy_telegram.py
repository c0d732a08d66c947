"""A member's data through PTB's real Application: /mesdonnees shows everything (and a JSON file),
/supprimer_mes_donnees erases it after confirmation, and the staff's exports no longer have the person."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlmodel import col, select

from bot.app import App
from bot.storage.models import (
    ErasedRegistration,
    Member,
    Outbound,
    QuestionLog,
    Registration,
    Reminder,
    Subscription,
    Ticket,
    TicketMessage,
)
from tests.conftest import STAFF_CHAT, STAFF_USER, TelegramHarness
from tests.support.announce import subscribe
from tests.support.events import event_id, member, register

AWA, MALIK = 1001, 1002
QUESTION = "quel temps fera-t-il demain"


def rows(app: App, model: type) -> list:  # type: ignore[type-arg]
    with app.db.session() as session:
        return list(session.exec(select(model)))


async def awa_uses_the_hotline(telegram: TelegramHarness) -> None:
    """Awa registers (profile and consent), subscribes, and sends a question to the staff with a follow-up."""
    app, api, members = telegram.app, telegram.api, telegram.members
    register(app, member(AWA), "webinaire-janvier", name="Awa Diallo", council="quartier-nord")
    await subscribe(members, api, AWA, "agenda")
    await members.says(AWA, QUESTION)
    [unknown] = api.take()
    await members.presses(AWA, unknown.button_data("Poser la question"))
    api.take()
    [ticket] = rows(app, Ticket)
    app.desk.tickets.follow_up(member(AWA), ticket.id, "c'est pour la sortie du conseil", None)


async def test_my_data_shows_everything_readable_with_a_json_file(telegram: TelegramHarness) -> None:
    await awa_uses_the_hotline(telegram)
    await telegram.members.says(AWA, "/mesdonnees")
    readable, document = telegram.api.take()
    assert readable.params["chat_id"] == AWA and document.method == "sendDocument"
    for shown in ("Awa Diallo", "Conseil citoyen Quartier Nord", "Membre d'un conseil citoyen", "Webinaire de janvier",
                  "• Agenda", f"« {QUESTION} »", "rappels prévus : 3"):
        assert shown in readable.text, shown

    [_, file] = telegram.app.hotline.on_command(member(AWA), "mesdonnees")
    assert file.attachment is not None and file.attachment.filename.endswith(".json")
    data = json.loads(file.attachment.content)
    assert data["profile"]["pseudonym"] == "Awa Diallo"
    assert [r["event_id"] for r in data["registrations"]] == ["webinaire-janvier"]
    assert [q["text"] for q in data["questions"]] == [QUESTION]
    assert [m["text"] for m in data["tickets"][0]["messages"]] == [QUESTION, "c'est pour la sortie du conseil"]
    assert [s["topic"] for s in data["subscriptions"]] == ["agenda"]


async def test_erasing_leaves_nothing_and_the_staff_exports_no_longer_have_the_person(
        telegram: TelegramHarness) -> None:
    app, api, members = telegram.app, telegram.api, telegram.members
    await awa_uses_the_hotline(telegram)
    await members.says(STAFF_USER, "/export webinaire-janvier")
    [csv_before] = [c for c in api.take() if c.method == "sendDocument"]
    assert "(lignes : 1)" in csv_before.text
    await members.says(STAFF_USER, "/questions")
    [open_before] = api.take()
    assert "Awa" in open_before.text and QUESTION in open_before.text

    await members.says(AWA, "/supprimer_mes_donnees")
    [ask] = api.take()
    assert "Tout effacer ?" in ask.text and "Cela ne se défait pas" in ask.text
    await members.presses(AWA, ask.button_data("Oui, tout effacer"))
    [done] = api.take()
    assert "C'est fait" in done.text and "1 inscription," in done.text

    await members.says(AWA, "/mesdonnees")
    [nothing] = api.take()
    assert "aucune donnée" in nothing.text
    await members.says(STAFF_USER, "/export webinaire-janvier")
    [csv_after] = [c for c in api.take() if c.method == "sendDocument"]
    assert "(lignes : 0)" in csv_after.text
    await members.says(STAFF_USER, "/questions")
    [open_after] = api.take()
    assert "Awa" not in open_after.text and QUESTION not in open_after.text

    assert str(AWA) not in [m.external_id for m in rows(app, Member)]
    assert rows(app, Registration) == rows(app, Reminder) == rows(app, Subscription) == []
    assert [(e.event_id, e.status, e.count) for e in rows(app, ErasedRegistration)] == [
        (event_id(app, "webinaire-janvier"), "confirmed", 1)]  # the anonymous count stays
    assert [(q.text, q.member_id, q.decision) for q in rows(app, QuestionLog)] == [(None, None, "unknown")]
    [ticket] = rows(app, Ticket)
    assert (ticket.question, ticket.member_id, ticket.chat_id, ticket.status) == (None, None, "", "closed")
    assert {m.text for m in rows(app, TicketMessage) if m.author == "member"} == {None}
    with app.db.session() as session:
        to_awa = list(session.exec(select(Outbound).where(Outbound.chat_id == str(AWA))))
        staff_posts = list(session.exec(select(Outbound).where(col(Outbound.ref) == f"ticket:{ticket.id}",
                                                               Outbound.chat_id == str(STAFF_CHAT))))
    assert to_awa == [] and staff_posts and all("Awa" not in p.text and QUESTION not in p.text for p in staff_posts)


async def test_erasing_frees_the_place_for_the_waitlist(app: App) -> None:
    for user, name in ((AWA, "Awa"), (MALIK, "Malik"), (1003, "Chloé")):
        register(app, member(user, name), "interconseil-printemps", name=name)  # capacity 2: Chloé waits
    erase = app.hotline.on_command(member(AWA), "supprimer_mes_donnees")
    app.hotline.on_button(member(AWA), erase[0].buttons[0][0].data)
    with app.db.session() as session:
        statuses = {m.display_name: r.status for r, m in session.exec(
            select(Registration, Member).join(Member, col(Member.id) == Registration.member_id))}
        told = session.exec(select(Outbound).where(Outbound.chat_id == "1003")).all()
    assert statuses == {"Malik": "confirmed", "Chloé": "confirmed"}
    assert any("place" in o.text.lower() for o in told)


def test_the_erase_button_expires_and_no_keeps_everything(app: App) -> None:
    register(app, member(AWA), "webinaire-janvier", name="Awa")
    [ask] = app.hotline.on_command(member(AWA), "supprimer_mes_donnees")
    assert "rien n'est effacé" in app.hotline.on_button(member(AWA), "pv:keep")[0].text
    app.clock.advance(timedelta(hours=2))  # type: ignore[attr-defined]
    assert "expiré" in app.hotline.on_button(member(AWA), ask.buttons[0][0].data)[0].text
    assert "expiré" in app.hotline.on_button(member(AWA), "pv:erase:abc")[0].text
    assert len(rows(app, Registration)) == 1


def test_personal_data_is_never_shown_in_a_group(app: App) -> None:
    from bot.core.replies import Sender

    in_group = Sender(channel="telegram", user_id=str(AWA), chat_id=str(STAFF_CHAT), display_name="Awa", in_group=True)
    register(app, member(AWA), "webinaire-janvier", name="Awa Diallo")
    for command in ("mesdonnees", "supprimer_mes_donnees"):
        [reply] = app.hotline.on_command(in_group, command)
        assert "message privé" in reply.text and "Awa Diallo" not in reply.text


def test_the_privacy_notice_says_what_why_how_long_and_whom_to_contact(make_settings, clock) -> None:  # type: ignore[no-untyped-def]
    from bot.app import build_app

    app = build_app(make_settings(extra='[privacy]\nquestion_retention_days = 90\nprofile_inactivity_days = 400\n'
                                        'contact = "donnees@example.org"'), clock=clock)
    [notice] = app.hotline.on_command(member(AWA), "confidentialite")
    for part in ("Ce que je garde", "pourquoi", "Combien de temps", "trois mois", "400 jours", "donnees@example.org",
                 "/mesdonnees", "/supprimer_mes_donnees"):
        assert part in notice.text, part
    assert rows(app, Member) == []  # reading the notice stores nothing


def test_a_long_question_in_my_data_is_cut_between_two_words_and_says_so(app: App) -> None:
    """Mme Diallo's long message is shortened in /mesdonnees: the cut is marked and never halves a word."""
    long_question = ("Bonsoir, excusez moi de vous déranger si tard. Je suis Mme Diallo du conseil citoyen de la "
                     "Bottière. Le maire ne nous invite jamais aux réunions du contrat de ville alors que c'est "
                     "obligatoire non ? Qu'est-ce qu'on peut faire concrètement ?")
    app.hotline.on_text(member(AWA), long_question)
    [readable, _] = app.hotline.on_command(member(AWA), "mesdonnees")
    [line] = [line for line in readable.text.splitlines() if "Mme Diallo" in line]
    kept = line.split("« ", 1)[1].removesuffix(" »")
    assert kept.endswith("…") and long_question.startswith(kept.removesuffix("…"))
    assert long_question[len(kept.removesuffix("…"))] in " ,?"
