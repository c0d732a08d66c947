"""What a member met in the chat trial: "et qui peut y aller ?" after the interconseil, the town hall's opening
hours taken for an insult, "des conseils citoyens" taken for a request for advice, a number typed with no
choice waiting, who picks the members. The same stories in the terminal chat and through PTB's real Application;
and, for the staff, the members who corrected an answer are among those who asked alike."""

from __future__ import annotations

import pytest

from bot.answering.acts import leans_back
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.core import texts
from bot.core.replies import Reply
from tests.conftest import TelegramHarness
from tests.test_desk_tickets import AWA, CLAIRE, MALIK

MEMBER = 1001
WHO_MAY_COME = "Qui peut venir à l'interconseil"


def terminal(app: App) -> TerminalChat:
    return TerminalChat(app.hotline)


def data(replies: list[Reply], prefix: str) -> str:
    return next(b.data for reply in replies for row in reply.buttons for b in row if b.data.startswith(prefix))


# --- "y", "en", "là-bas" stand for what was just answered ----------------------------------------------

@pytest.mark.parametrize("text", ["et qui peut y aller ?", "qui peut y aller ?", "on peut en parler ?",
                                  "c'est loin là-bas ?", "je peux y participer ?"])
def test_a_pronoun_for_what_was_just_said_leans_on_the_previous_answer(text: str) -> None:
    assert leans_back(text)


@pytest.mark.parametrize("text", ["il y a des réunions ce mois-ci ?", "y a-t-il un copil bientôt ?",
                                  "il y en a combien ?", "tout le monde y compris les jeunes ?",
                                  "on se voit en ligne ?", "c'est en mars ?"])
def test_y_and_en_that_stand_for_nothing_do_not(text: str) -> None:
    assert not leans_back(text)


def test_who_may_go_there_after_the_interconseil_is_who_may_come_to_it(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    chat.render(chat.handle("c'est quoi l'interconseil ?"))
    shown = chat.render(chat.handle("et qui peut y aller ?"))
    assert WHO_MAY_COME in shown and "comité de pilotage" not in shown


def test_who_may_go_there_after_the_agenda_reads_the_question_the_agenda_answered(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    assert "interconseil" in chat.render(chat.handle("c'est quand le prochain interconseil ?"))
    shown = chat.render(chat.handle("qui peut y aller ?"))
    assert WHO_MAY_COME in shown and "comité de pilotage" not in shown


def test_a_whole_question_with_y_is_not_answered_by_the_previous_entry_s_links_alone(shipped_app: App) -> None:
    # "comment on s'y inscrit ?" after the café citoyen: read with it, a linked entry on the agenda came first.
    chat = terminal(shipped_app)
    chat.render(chat.handle("Qu'est-ce qu'un café citoyen ?"))
    shown = chat.render(chat.handle("comment on s'y inscrit ?"))
    assert "Comment voir seulement un type d'événement" not in shown.split("\n")[0]
    assert "Comment m'inscrire à un événement" in shown


def test_a_price_asked_after_the_agenda_is_not_answered_by_the_entry_its_question_copies(shipped_app: App) -> None:
    # "c'est quand le prochain interconseil" is a phrasing of who may come: the price is asked, not that.
    chat = terminal(shipped_app)
    chat.render(chat.handle("c'est quand le prochain interconseil ?"))
    shown = chat.render(chat.handle("c'est payant d'y aller ?"))
    assert "Vouliez-vous dire" in shown and "Dois-je payer pour participer" in shown


def test_another_month_right_after_the_agenda_asks_the_agenda_again(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    chat.render(chat.handle("c'est quand le prochain interconseil ?"))
    shown = chat.render(chat.handle("et en avril ?"))
    assert "Agenda" in shown and "Interconseils, avril 2026" in shown


def test_another_month_with_no_agenda_before_is_not_the_agenda(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    chat.render(chat.handle("c'est quoi un conseil citoyen ?"))
    assert "Interconseils, avril" not in chat.render(chat.handle("et en avril ?"))


# --- an order is an insult only when given to the hotline ----------------------------------------------

@pytest.mark.parametrize("text", ["à quelle heure ferme la mairie", "la mairie ferme la semaine prochaine ?",
                                  "comment dégager du temps pour le conseil ?"])
def test_a_question_with_ferme_or_degager_is_no_insult(app: App, text: str) -> None:
    shown = terminal(app).render(terminal(app).handle(text))
    assert "désolé" not in shown


@pytest.mark.parametrize("text", ["ferme-la", "ferme la sale bot", "dégage"])
def test_the_same_orders_given_to_the_hotline_still_get_the_calm_reply(app: App, text: str) -> None:
    shown = terminal(app).render(terminal(app).handle(text))
    assert "désolé" in shown and "Poser la question à l'équipe" in shown


# --- "des conseils citoyens" names councils ------------------------------------------------------------

def test_meetings_of_the_citizen_councils_this_month_reach_the_agenda(shipped_app: App) -> None:
    shown = terminal(shipped_app).render(terminal(shipped_app).handle(
        "il y a des réunions des conseils citoyens ce mois-ci ?"))
    assert "Agenda" in shown


def test_asking_for_advice_about_this_month_s_meeting_stays_a_question(shipped_app: App) -> None:
    shown = terminal(shipped_app).render(terminal(shipped_app).handle(
        "je voudrais des conseils pour la réunion de ce mois-ci"))
    assert "Agenda" not in shown


# --- a number with no choice waiting -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["1", "2", " 3. "])
def test_a_number_with_no_choice_waiting_says_so_and_how_to_ask(app: App, text: str) -> None:
    shown = terminal(app).render(terminal(app).handle(text))
    assert "pas de choix en attente" in shown and "pas trouvé de mots" not in shown


def test_a_number_beyond_the_choices_shown_names_the_numbers_to_type(app: App) -> None:
    chat = terminal(app)
    shown = chat.render(chat.handle("c'est quoi un conseil citoyen ?"))
    assert "[1]" in shown
    assert "Tapez un numéro entre 1 et" in chat.render(chat.handle("42"))


# --- who picks the members -----------------------------------------------------------------------------

def test_who_picks_the_members_is_answered_by_how_one_joins(shipped_app: App) -> None:
    shown = terminal(shipped_app).render(terminal(shipped_app).handle(
        "c'est qui qui choisit les membres, c'est le maire ?"))
    assert "Comment rejoindre le conseil citoyen" in shown and "Vouliez-vous dire" not in shown


# --- for the staff: a corrected answer is a question still without its answer --------------------------

def test_a_member_who_picked_another_entry_under_the_answer_is_among_those_who_asked_alike(app: App) -> None:
    question = "comment rejoindre un conseil citoyen ?"
    corrected = app.hotline.on_text(MALIK, "comment on rejoint un conseil citoyen ?")
    log_id = data(corrected, "fb:").split(":")[1]
    app.hotline.on_button(MALIK, f"faq:demission:{log_id}")  # « Ce n'est pas votre question ? »: another entry
    turned_down = app.hotline.on_text(AWA, question)
    app.hotline.on_button(AWA, data(turned_down, "fb:").replace(":1", ":0"))  # 👎
    app.hotline.on_button(AWA, data(turned_down, "fb:").split(":")[1].join(("team:", ":fb")))
    app.hotline.on_command(CLAIRE, "repondre", "1 Contactez la mairie de votre quartier.")
    offer = app.hotline.on_button(CLAIRE, "tk:similar:1")
    assert "comment on rejoint un conseil citoyen" in offer[0].text


def test_a_pick_the_member_then_approved_is_answered(app: App) -> None:
    picked = app.hotline.on_text(MALIK, "comment on rejoint un conseil citoyen ?")
    log_id = data(picked, "fb:").split(":")[1]
    app.hotline.on_button(MALIK, f"faq:demission:{log_id}")
    app.hotline.on_button(MALIK, f"fb:{log_id}:1")  # 👍 under the entry picked
    turned_down = app.hotline.on_text(AWA, "comment rejoindre un conseil citoyen ?")
    app.hotline.on_button(AWA, data(turned_down, "fb:").split(":")[1].join(("team:", ":fb")))
    app.hotline.on_command(CLAIRE, "repondre", "1 Contactez la mairie de votre quartier.")
    assert "Aucune autre question" in app.hotline.on_button(CLAIRE, "tk:similar:1")[0].text


# --- through PTB's real Application --------------------------------------------------------------------

async def test_on_telegram_who_may_go_there_follows_the_interconseil(shipped: TelegramHarness) -> None:
    await shipped.members.says(MEMBER, "c'est quoi l'interconseil ?")
    shipped.api.take()
    await shipped.members.says(MEMBER, "et qui peut y aller ?")
    [answer] = shipped.api.take()
    assert WHO_MAY_COME in answer.text


async def test_on_telegram_another_month_follows_the_agenda(shipped: TelegramHarness) -> None:
    await shipped.members.says(MEMBER, "c'est quand le prochain webinaire ?")
    shipped.api.take()
    await shipped.members.says(MEMBER, "et en avril ?")
    [agenda] = shipped.api.take()
    assert "Webinaires, avril 2026" in agenda.text


async def test_on_telegram_the_town_hall_s_hours_are_no_insult(telegram: TelegramHarness) -> None:
    await telegram.members.says(MEMBER, "à quelle heure ferme la mairie")
    [reply] = telegram.api.take()
    assert "désolé" not in reply.text


async def test_on_telegram_the_councils_meetings_this_month_reach_the_agenda(shipped: TelegramHarness) -> None:
    await shipped.members.says(MEMBER, "il y a des réunions des conseils citoyens ce mois-ci ?")
    [reply] = shipped.api.take()
    assert "Agenda" in reply.text


async def test_on_telegram_a_lone_number_says_no_choice_is_waiting(telegram: TelegramHarness) -> None:
    await telegram.members.says(MEMBER, "1")
    [reply] = telegram.api.take()
    assert reply.text == texts.NO_CHOICE_WAITING and reply.button_labels == []
