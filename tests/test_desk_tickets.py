"""Tickets in the core: created when the bot cannot answer, stored with their staff post, honest about the wait."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from bot.app import App, build_app
from bot.channels.memory_transport import MemoryTransport
from bot.clock import ManualClock
from bot.config import Settings
from bot.core.replies import Reply, Sender
from bot.delivery.dispatcher import Dispatcher
from bot.storage.models import Outbound, Ticket
from tests.conftest import STAFF_CHAT, STAFF_USER
from tests.support.desk import NO_LIMITS

AWA = Sender(channel="telegram", user_id="1001", chat_id="1001", display_name="Awa")
MALIK = Sender(channel="telegram", user_id="1002", chat_id="1002", display_name="Malik")
CLAIRE = Sender(channel="telegram", user_id=str(STAFF_USER), chat_id=str(STAFF_CHAT), display_name="Claire",
                in_group=True)
UNKNOWN_QUESTION = "quel temps fera-t-il demain"


def button(replies: list[Reply], label_part: str) -> str:
    for reply in replies:
        for row in reply.buttons:
            for b in row:
                if label_part in b.label:
                    return b.data
    raise AssertionError(f"no {label_part!r} button")


def ask_team(app: App, sender: Sender, question: str = UNKNOWN_QUESTION) -> list[Reply]:
    """The member hands the question to the team: "ask the team", or "none of these" under suggestions."""
    replies = app.hotline.on_text(sender, question)
    labels = [b.label for reply in replies for row in reply.buttons for b in row]
    return app.hotline.on_button(sender, button(replies, "Poser la question" if any(
        "Poser la question" in label for label in labels) else "Aucune de ces questions"))


async def deliver(app: App, clock: ManualClock) -> MemoryTransport:
    transport = MemoryTransport()
    await Dispatcher(db=app.db, transport=transport, clock=clock, limits=NO_LIMITS).drain()
    return transport


def tickets(app: App) -> list[Ticket]:
    with app.db.session() as session:
        return list(session.exec(select(Ticket)))


async def test_tapping_the_button_twice_opens_one_ticket(app: App, clock: ManualClock) -> None:
    replies = app.hotline.on_text(AWA, UNKNOWN_QUESTION)
    data = button(replies, "Poser la question")
    first = app.hotline.on_button(AWA, data)
    again = app.hotline.on_button(AWA, data)
    assert "transmis" in first[0].text
    assert "déjà chez l'équipe" in again[0].text and "attend qu'une personne" in again[0].text
    assert len(tickets(app)) == 1
    assert len((await deliver(app, clock)).take(str(STAFF_CHAT))) == 1


async def test_a_thumbs_down_then_the_team_button_opens_a_ticket_marked_as_feedback(app: App,
                                                                                   clock: ManualClock) -> None:
    answer = app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    down = app.hotline.on_button(AWA, button(answer, "👎"))
    sent = app.hotline.on_button(AWA, button(down, "Poser la question"))
    assert "transmis" in sent[0].text
    [ticket] = tickets(app)
    assert ticket.origin == "feedback"
    [post] = (await deliver(app, clock)).take(str(STAFF_CHAT))
    assert "inutile (👎)" in post.text and "Qu'est-ce qu'un conseil citoyen ?" in post.text  # the bot's guess


async def test_none_of_these_suggestions_opens_a_ticket_with_the_guesses(app: App, clock: ManualClock) -> None:
    suggest = app.hotline.on_text(AWA, "rejoindre ou quitter le conseil citoyen")
    app.hotline.on_button(AWA, button(suggest, "Aucune de ces questions"))
    [post] = (await deliver(app, clock)).take(str(STAFF_CHAT))
    assert "Pistes du bot" in post.text and "Comment rejoindre un conseil citoyen ?" in post.text


async def test_the_ticket_is_not_stored_when_its_staff_post_cannot_be_queued(app: App,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.delivery import outbox

    def broken(*args: object, **kwargs: object) -> Outbound:
        raise RuntimeError("disk full")

    replies = app.hotline.on_text(AWA, UNKNOWN_QUESTION)
    monkeypatch.setattr(outbox, "enqueue", broken)
    with pytest.raises(RuntimeError):
        app.hotline.on_button(AWA, button(replies, "Poser la question"))
    assert tickets(app) == []  # and the member was never told "transmis"


async def test_the_waiting_time_counts_the_queue(app: App, clock: ManualClock) -> None:
    clock.set(datetime(2026, 1, 5, 15, 0, tzinfo=UTC))  # Monday 16:00 in Paris
    ask_team(app, MALIK)
    sent = ask_team(app, AWA)
    # 1 h for the first reply + 30 min for Malik's question: 1 h today (16–17), 30 min on Tuesday
    assert "demain avant 10 h" in sent[0].text and "1 autre question en attente" in sent[0].text


async def test_out_of_hours_the_member_is_told_when_the_team_is_back(app: App, clock: ManualClock) -> None:
    clock.set(datetime(2026, 1, 9, 19, 0, tzinfo=UTC))  # Friday 20:00 in Paris
    sent = ask_team(app, AWA)
    assert "absente en ce moment (elle répond du lundi au vendredi, de 9 h à 17 h)" in sent[0].text
    assert "lundi 12 janvier avant 10 h" in sent[0].text


async def test_without_a_staff_chat_the_member_is_told_honestly_and_nothing_is_lost(
        make_settings: Callable[..., Settings], clock: ManualClock, caplog: pytest.LogCaptureFixture) -> None:
    settings = make_settings()
    settings = type(settings)(**{**vars(settings), "telegram": type(settings.telegram)(
        **{**vars(settings.telegram), "staff_chat_id": None})})
    app = build_app(settings, clock=clock)
    with caplog.at_level(logging.WARNING):
        sent = ask_team(app, AWA)
    assert "groupe de l'équipe n'est pas configuré" in sent[0].text and "transmis" not in sent[0].text
    assert "no staff chat is configured" in caplog.text
    [ticket] = tickets(app)
    assert ticket.status == "new"
    with app.db.session() as session:
        assert list(session.exec(select(Outbound))) == []
    assert "n° 1" in app.hotline.on_command(Sender(channel="telegram", user_id=str(STAFF_USER),
                                                   chat_id=str(STAFF_USER)), "questions")[0].text


async def test_with_auto_ticket_an_unknown_question_goes_to_the_staff_at_once(
        make_settings: Callable[..., Settings], clock: ManualClock) -> None:
    app = build_app(make_settings(extra="[desk]\nauto_ticket = true\n"), clock=clock)
    replies = app.hotline.on_text(AWA, UNKNOWN_QUESTION)
    assert "transmis" in replies[0].text
    [ticket] = tickets(app)
    assert ticket.origin == "auto"
    known = app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    assert "Qu'est-ce qu'un conseil citoyen" in known[0].text and len(tickets(app)) == 1


async def test_the_reply_button_in_the_staff_group_posts_a_message_to_reply_to(app: App, clock: ManualClock) -> None:
    ask_team(app, AWA)
    [ticket] = tickets(app)
    transport = await deliver(app, clock)
    assert len(transport.take(str(STAFF_CHAT))) == 1  # the post
    assert app.hotline.on_button(CLAIRE, f"tk:reply:{ticket.id}") == []
    await Dispatcher(db=app.db, transport=transport, clock=clock, limits=NO_LIMITS).drain()
    [prompt] = transport.take(str(STAFF_CHAT))
    assert "Répondez à <b>ce message</b>" in prompt.text
    with app.db.session() as session:
        prompt_row = session.get(Outbound, prompt.id)
    assert prompt_row is not None and prompt_row.external_id is not None
    relayed = app.hotline.on_text(CLAIRE, "Voici la réponse.", reply_to=prompt_row.external_id)
    assert "Réponse envoyée à Membre n° 1" in relayed[0].text
    assert tickets(app)[0].answer == "Voici la réponse."


async def test_a_staff_member_in_private_answers_with_the_reply_button_then_a_message(app: App) -> None:
    ask_team(app, AWA)
    [ticket] = tickets(app)
    claire_private = Sender(channel="telegram", user_id=str(STAFF_USER), chat_id=str(STAFF_USER),
                            display_name="Claire")
    prompt = app.hotline.on_button(claire_private, f"tk:reply:{ticket.id}")
    assert "prochain message" in prompt[0].text
    relayed = app.hotline.on_text(claire_private, "Voici la réponse.")
    assert "Réponse envoyée" in relayed[0].text
    # the flow is over: the next message is a question again
    assert "Je ne connais pas" in app.hotline.on_text(claire_private, UNKNOWN_QUESTION)[0].text


async def test_a_ticket_taken_by_someone_is_not_taken_from_them(app: App) -> None:
    ask_team(app, AWA)
    [ticket] = tickets(app)
    app.hotline.on_button(CLAIRE, f"tk:take:{ticket.id}")
    other = Sender(channel="telegram", user_id="4343", chat_id=str(STAFF_CHAT), display_name="Paul", in_group=True)
    refused = app.hotline.on_button(other, f"tk:take:{ticket.id}")
    assert "déjà prise par Claire" in refused[0].text
    assert tickets(app)[0].taken_by == "Claire"


async def test_staff_commands_take_answer_list_and_close(app: App, clock: ManualClock) -> None:
    ask_team(app, AWA)
    [ticket] = tickets(app)
    assert "n° 1 — nouvelle — Membre n° 1" in app.hotline.on_command(CLAIRE, "questions")[0].text
    assert "s'occupe" in app.hotline.on_command(CLAIRE, "prendre", f"{ticket.id}")[0].text
    assert "/repondre 12" in app.hotline.on_command(CLAIRE, "repondre", f"{ticket.id}")[0].text  # usage
    assert "Réponse envoyée" in app.hotline.on_command(CLAIRE, "repondre", f"{ticket.id} C'est ici.")[0].text
    assert "close" in app.hotline.on_command(CLAIRE, "clore", f"{ticket.id}")[0].text
    assert "Aucune question ouverte" in app.hotline.on_command(CLAIRE, "questions")[0].text
    sent = (await deliver(app, clock)).take(AWA.chat_id)
    assert ["s'occupe" in m.text for m in sent] == [True, False, False]
    assert "C'est ici." in sent[1].text and "clos votre question" in sent[2].text


async def test_the_staff_post_names_the_member_as_they_introduced_themselves(app: App, clock: ManualClock) -> None:
    """Pseudonym and council from the profile, escaped; never the Telegram display name."""
    from bot.core.members import touch_member
    from bot.storage.models import Profile

    tricky = Sender(channel="telegram", user_id="1009", chat_id="1009", display_name="Zoé Telegram-Name")
    with app.db.session() as session:
        member = touch_member(session, tricky, clock)
        assert member.id is not None
        session.add(Profile(member_id=member.id, pseudonym="Zoé <i>&</i>", council_id="quartier-nord", role="membre",
                            consent_at=clock.now(), updated_at=clock.now()))
        session.commit()
    ask_team(app, tricky, "<b>quel</b> temps fera-t-il demain")
    [post] = (await deliver(app, clock)).take(str(STAFF_CHAT))
    assert "Zoé &lt;i&gt;&amp;&lt;/i&gt; — Conseil citoyen Quartier Nord" in post.text
    assert "« &lt;b&gt;quel&lt;/b&gt; temps" in post.text
    assert "Telegram-Name" not in post.text


async def test_asking_only_for_a_person_then_writing_the_question_puts_it_in_the_same_ticket(
        app: App, clock: ManualClock) -> None:
    """Awa wants "quelqu'un de vrai", taps the button as told, then writes her question: it must reach the
    team with her ticket, not be answered by the bot while the team only reads "je veux parler à quelqu'un"."""
    offer = app.hotline.on_text(AWA, "je veux parler a quelqu un de vrai pas a un robot")
    sent = app.hotline.on_button(AWA, button(offer, "Poser la question"))
    assert "transmis" in sent[0].text and "écrivez maintenant votre question" in sent[-1].text

    [added] = app.hotline.on_text(AWA, "on peut avoir une salle pour nos réunions ?")

    assert added.text == "C'est transmis à l'équipe ✅ (question n° 1)."
    assert len(tickets(app)) == 1
    posts = (await deliver(app, clock)).take(str(STAFF_CHAT))
    assert "on peut avoir une salle pour nos réunions ?" in posts[-1].text


def test_a_real_question_handed_to_the_team_leaves_the_next_message_to_the_bot(app: App) -> None:
    sent = ask_team(app, AWA)
    assert not any("écrivez maintenant" in reply.text for reply in sent)
    [answer] = app.hotline.on_text(AWA, "c'est koi un conseil citoyen")
    assert "transmis" not in answer.text


def test_thanks_after_asking_for_a_person_is_not_sent_to_the_team_as_her_question(app: App) -> None:
    offer = app.hotline.on_text(AWA, "je veux parler a quelqu un de vrai pas a un robot")
    app.hotline.on_button(AWA, button(offer, "Poser la question"))
    [close] = app.hotline.on_text(AWA, "ok merci")
    assert "transmis" not in close.text
    assert "N° 1" in app.hotline.on_text(AWA, "où en est ma question ?")[0].text
