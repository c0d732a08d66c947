"""A member talks to the hotline on Telegram: through PTB's real Application, with the Bot API recorded."""

from __future__ import annotations

import asyncio
import threading

from sqlmodel import select

from bot.answering.decision import Decision
from bot.storage.models import QuestionLog
from tests.conftest import TelegramHarness

AWA = 1001


async def test_start_welcomes_the_member_and_sets_the_command_menu(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "/start")
    [welcome] = telegram.api.take()
    assert welcome.params["chat_id"] == AWA
    assert "bienvenue" in welcome.text


async def test_the_command_menu_is_registered_at_start_up(app: object) -> None:
    from bot.channels.telegram.adapter import build_application
    from tests.support.telegram import RecordingRequest

    api = RecordingRequest()
    application = build_application(app, request=api, rate_limit=False, start_jobs=False)  # type: ignore[arg-type]
    await application.initialize()
    await application.post_init(application)  # type: ignore[misc]
    await application.shutdown()
    menus = [c for c in api.calls if c.method == "setMyCommands"]
    commands = {c["command"] for c in menus[0].params["commands"]}
    assert {"aide", "glossaire"} <= commands


async def test_a_question_gets_the_answer_with_its_source_related_questions_and_feedback(
        telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "c'est koi un conseil citoyen")
    [answer] = telegram.api.take()
    assert answer.params["parse_mode"] == "HTML"
    assert "<b>Qu'est-ce qu'un conseil citoyen ?</b>" in answer.text
    assert "Source : Loi n° 2014-173" in answer.text
    assert "📖 En savoir plus" in answer.button_labels
    assert any("Comment rejoindre" in label for label in answer.button_labels)
    assert {"👍 Utile", "👎 Pas utile"} <= set(answer.button_labels)


async def test_pressing_a_related_question_shows_it(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "c'est koi un conseil citoyen")
    [answer] = telegram.api.take()
    await telegram.members.presses(AWA, answer.button_data("Comment rejoindre"))
    calls = telegram.api.calls
    assert any(c.method == "answerCallbackQuery" for c in calls)
    [shown] = telegram.api.take()
    assert "Comment rejoindre un conseil citoyen ?" in shown.text


async def test_feedback_is_recorded_on_the_logged_question(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "c'est koi un conseil citoyen")
    [answer] = telegram.api.take()
    await telegram.members.presses(AWA, answer.button_data("👍"))
    [thanks] = telegram.api.take()
    assert "Merci" in thanks.text
    with telegram.app.db.session() as session:
        row = session.exec(select(QuestionLog)).one()
    assert row.feedback == 1 and row.entry_id == "cc-definition" and row.decision == "answer"


async def test_an_unknown_question_is_logged_and_offers_the_team(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "quel temps fera-t-il demain")
    [reply] = telegram.api.take()
    assert "Je ne connais pas la réponse" in reply.text
    assert "✉️ Poser la question à l'équipe" in reply.button_labels
    with telegram.app.db.session() as session:
        row = session.exec(select(QuestionLog)).one()
    assert row.decision == "unknown" and row.text == "quel temps fera-t-il demain"


async def test_suggestions_are_buttons_and_choosing_one_answers(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "rejoindre ou quitter le conseil citoyen")
    [suggest] = telegram.api.take()
    assert "Vouliez-vous dire" in suggest.text
    assert "Aucune de ces questions" in suggest.button_labels
    await telegram.members.presses(AWA, suggest.buttons[0][0]["callback_data"])
    [answer] = telegram.api.take()
    assert "Source :" in answer.text


async def test_someone_elses_feedback_button_is_refused(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "c'est koi un conseil citoyen")
    [answer] = telegram.api.take()
    await telegram.members.presses(2002, answer.button_data("👍"), first_name="Intrus")
    [refused] = telegram.api.take()
    assert "plus valable" in refused.text


async def test_forged_button_data_gets_a_clear_reply(telegram: TelegramHarness) -> None:
    for data in ("nope", "faq:does-not-exist", "fb:abc:1", "fb:1", "team:999999", "more:", ":::"):
        await telegram.members.presses(AWA, data)
        [reply] = telegram.api.take()
        assert "plus valable" in reply.text, data


async def test_photos_voice_notes_and_stickers_get_a_polite_reply(telegram: TelegramHarness) -> None:
    await telegram.members.sends(AWA, photo=[{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}])
    await telegram.members.sends(AWA, voice={"file_id": "v", "file_unique_id": "v", "duration": 3})
    await telegram.members.sends(AWA, sticker={"file_id": "s", "file_unique_id": "s", "width": 1, "height": 1,
                                               "is_animated": False, "is_video": False, "type": "regular"})
    photo, voice, sticker = telegram.api.take()
    assert "photo" in photo.text
    assert "vocaux" in voice.text
    assert "écrivez votre question" in sticker.text


async def test_unknown_commands_are_explained(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "/nimportequoi")
    [reply] = telegram.api.take()
    assert "Je ne connais pas la commande « /nimportequoi »" in reply.text


async def test_help_lists_the_commands(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "/aide")
    [reply] = telegram.api.take()
    assert "/glossaire" in reply.text


async def test_glossary_command(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "/glossaire tfpb")
    [reply] = telegram.api.take()
    assert "<b>TFPB</b> : Taxe foncière" in reply.text
    await telegram.members.says(AWA, "/glossaire QPVV")
    [unknown] = telegram.api.take()
    assert "Vouliez-vous dire QPV" in unknown.text


async def test_names_with_html_are_escaped_and_messages_never_break(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "<b>c'est koi</b> un conseil citoyen & <script>", first_name="<i>Bob</i>")
    [reply] = telegram.api.take()
    assert "<script>" not in reply.text


async def test_edited_messages_and_group_chatter_are_ignored(telegram: TelegramHarness) -> None:
    members = telegram.members
    await members.send({"edited_message": {**members.message(AWA, text="c'est koi un CC"), "edit_date": 1}})
    await members.says(AWA, "c'est koi un CC", chat_id=-100555, chat_type="supergroup")
    assert telegram.api.take() == []


async def test_a_slow_reading_leaves_the_bot_free_for_everyone_else(telegram: TelegramHarness) -> None:
    # A reading may take a second (e5 on a long message): the event loop (sends, reminders) must go on meanwhile.
    loop = asyncio.get_running_loop()
    loop_went_on = threading.Event()
    seen: list[bool] = []

    def slow_reading(_sender: object, _text: str, decision: Decision) -> Decision:
        loop.call_soon_threadsafe(loop_went_on.set)  # runs only if the loop is not the one reading
        seen.append(loop_went_on.wait(timeout=5))
        return decision

    telegram.app.faq.decider.add_hook(slow_reading)
    await telegram.members.says(AWA, "c'est koi un conseil citoyen")
    [answer] = telegram.api.take()
    assert seen == [True] and "Qu'est-ce qu'un conseil citoyen ?" in answer.text
