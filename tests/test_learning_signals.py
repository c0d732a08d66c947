"""Answers members turn down reach the staff's "to learn" queue.

Awa asks what an adulte-relais can do for her council; the hotline answers what an adulte-relais is. She presses
"Ce n'est pas votre question ?" (or 👎): her question waits in the console's "À apprendre", with the entry she
chose shown to the staff, who teach it in one click. The next member who asks is answered right, and the question
leaves the queue. A 👎 on an answer that was right is set aside by the staff; a suggestion picked for an unsure
question shows which entry it meant. Erased or purged questions never reach the queue."""

from __future__ import annotations

import re

from markupsafe import escape
from sqlmodel import select

from bot.app import App
from bot.clock import ManualClock
from bot.core.replies import Reply
from bot.desk.stats import compute
from bot.storage.models import QuestionLog, Ticket
from tests.support.console import signed_in
from tests.test_desk_tickets import AWA, CLAIRE, MALIK, button

ASKED = "qu'est-ce qu'un adulte-relais peut faire pour notre conseil ?"
WRONG = "theme-adultes-relais"  # what the hotline answers
WRONG_QUESTION = "Qu'est-ce qu'un adulte-relais ?"
RIGHT = "theme-adultes-relais-conseil"  # offered right under it
RIGHT_QUESTION = "Un adulte-relais ou un médiateur peut-il aider notre conseil citoyen à mobiliser les habitants ?"
RUNNER_UP = "Ce n'est pas votre question ?"


def title(replies: list[Reply]) -> str:
    return replies[0].text.split("\n")[0]


def questions_of(page: str) -> str:
    """The logged questions a card of the queue stands for (what its forms post)."""
    found = re.search(r'name="questions" value="([0-9,]+)"', page)
    assert found, "no group in the page"
    return found.group(1)


def test_the_runner_up_pressed_puts_the_question_in_the_queue_with_the_members_pick(shipped_app: App) -> None:
    answer = shipped_app.hotline.on_text(AWA, ASKED)
    assert title(answer) == f"<b>{WRONG_QUESTION}</b>"
    assert title(shipped_app.hotline.on_button(AWA, button(answer, RUNNER_UP))) == f"<b>{RIGHT_QUESTION}</b>"

    browser, csrf = signed_in(shipped_app)
    page = browser.get("/apprentissage").text
    assert page.count('class="card learn"') == 1 and f"« {escape(ASKED)} »" in page
    assert f"Le membre a choisi : « {escape(RIGHT_QUESTION)} »" in page
    assert f"La hotline a répondu : « {escape(WRONG_QUESTION)} »" in page
    assert f'value="{RIGHT}" checked' in page  # her pick comes first, ready: one click teaches it

    done = browser.post("/apprentissage/formulation", data={
        "csrf_token": csrf, "texte": ASKED, "fiche": RIGHT, "questions": questions_of(page)})

    assert done.status_code == 303
    assert title(shipped_app.hotline.on_text(MALIK, ASKED)) == f"<b>{RIGHT_QUESTION}</b>"
    assert "Rien à apprendre pour l'instant" in browser.get("/apprentissage").text


def test_a_thumbs_down_keeps_the_question_in_the_queue_until_the_hotline_answers_it_otherwise(
        shipped_app: App) -> None:
    answer = shipped_app.hotline.on_text(AWA, ASKED)
    down = shipped_app.hotline.on_button(AWA, button(answer, "👎"))

    [group] = shipped_app.desk.learning.to_learn()
    assert (group.text, group.rejected, group.chosen) == (ASKED, (WRONG,), ())

    # She hands it to the team; a staff member attaches her question to the right entry from the ticket.
    shipped_app.hotline.on_button(AWA, button(down, "Poser la question"))
    with shipped_app.db.session() as session:
        ticket = session.exec(select(Ticket)).one()
    shipped_app.hotline.on_button(CLAIRE, f"tk:link:{ticket.id}:{RIGHT}")

    assert title(shipped_app.hotline.on_text(MALIK, ASKED)) == f"<b>{RIGHT_QUESTION}</b>"
    assert shipped_app.desk.learning.to_learn() == []  # answered otherwise now: off the queue


def test_a_thumbs_down_on_a_right_answer_is_set_aside_by_the_staff(app: App) -> None:
    answer = app.hotline.on_text(MALIK, "preparer le copil")
    app.hotline.on_button(MALIK, button(answer, "👎"))
    browser, csrf = signed_in(app)
    page = browser.get("/apprentissage").text
    assert "« preparer le copil »" in page and "La hotline a répondu : « " in page

    done = browser.post("/apprentissage/ecarter", data={"csrf_token": csrf, "questions": questions_of(page)})

    assert done.status_code == 303
    assert "Rien à apprendre pour l'instant" in browser.get("/apprentissage").text
    assert "learning.aside" in browser.get("/journal").text
    assert app.faq.answerer.decide("preparer le copil").entry.id == "copil-preparer"  # type: ignore[union-attr]


def test_a_suggestion_picked_shows_the_staff_which_entry_an_unsure_question_meant(app: App) -> None:
    offered = app.hotline.on_text(AWA, "rejoindre ou quitter le conseil citoyen")
    app.hotline.on_button(AWA, button(offered, "Comment démissionner"))

    [group] = app.desk.learning.to_learn()
    assert (group.chosen, group.rejected) == (("demission",), ())
    browser, _ = signed_in(app)
    page = browser.get("/apprentissage").text
    assert "Le membre a choisi : « Comment démissionner du conseil citoyen ? »" in page
    assert 'value="demission" checked' in page


def test_a_question_whose_text_is_erased_leaves_the_queue(shipped_app: App) -> None:
    answer = shipped_app.hotline.on_text(AWA, ASKED)
    shipped_app.hotline.on_button(AWA, button(answer, RUNNER_UP))
    [ask] = shipped_app.hotline.on_command(AWA, "supprimer_mes_donnees")

    shipped_app.hotline.on_button(AWA, ask.buttons[0][0].data)

    assert shipped_app.desk.learning.to_learn() == []
    with shipped_app.db.session() as session:
        row = session.exec(select(QuestionLog)).one()
    assert (row.text, row.member_id, row.chosen_id) == (None, None, RIGHT)  # no one behind the entry chosen


def test_the_statistics_count_the_answers_members_corrected(shipped_app: App, clock: ManualClock) -> None:
    answer = shipped_app.hotline.on_text(AWA, ASKED)
    shipped_app.hotline.on_button(AWA, button(answer, RUNNER_UP))
    shipped_app.hotline.on_text(MALIK, ASKED)  # Malik keeps the answer

    stats = compute(shipped_app.db, shipped_app.desk.learning, now=clock.now(),
                    timezone=shipped_app.settings.timezone)

    assert (stats.questions, stats.answered, stats.corrected) == (2, 2, 1)
    assert "autre fiche choisie sous la réponse : 1" in shipped_app.hotline.on_command(CLAIRE, "stats")[0].text


def test_a_follow_up_after_the_runner_up_leans_on_the_entry_the_member_chose(shipped_app: App) -> None:
    answer = shipped_app.hotline.on_text(AWA, ASKED)
    shipped_app.hotline.on_button(AWA, button(answer, RUNNER_UP))

    simpler = shipped_app.hotline.on_text(AWA, "plus simple svp")

    assert "En plus simple" in simpler[0].text and RIGHT_QUESTION in simpler[0].text
