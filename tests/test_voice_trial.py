"""A member dictates to her phone, asks for a simpler answer and vents about her landlord, in the terminal chat
on the shipped knowledge (the findings of a trial, issue 11)."""

from __future__ import annotations

from bot.app import App
from bot.channels.terminal import TerminalChat


def test_dictated_punctuation_words_are_read_as_punctuation_and_the_question_is_answered(shipped_app: App) -> None:
    plain = TerminalChat(shipped_app.hotline).render(TerminalChat(shipped_app.hotline).handle(
        "bonjour, je voudrais savoir comment interpeller le préfet ?"))
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(
        "bonjour virgule je voudrais savoir comment interpeller le préfet point d'interrogation"))
    assert shown == plain
    assert "virgule" not in shown


def test_a_point_that_is_a_word_stays_a_word() -> None:
    from bot.answering.cleanup import clean
    assert clean("faire le point sur un point important de mon point de vue") == (
        "faire le point sur un point important de mon point de vue")
    assert clean("c quoi le FPH point d'interrogation") == "c quoi le FPH ?"
    assert clean("bonjour virgule je voudrais un local point") == "bonjour, je voudrais un local."


def test_plus_simple_after_the_fph_still_says_it_is_a_small_sum_of_money(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.handle("c quoi le FPH")
    shown = chat.render(chat.handle("plus simple svp"))
    assert "En plus simple" in shown
    assert "petite somme d'argent" in shown and "petits projets" in shown


def test_anger_at_the_landlord_is_heard_calmly_without_the_bot_apologising(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("j'en ai marre le bailleur se moque de nous"))
    assert "je n'ai pas su vous aider" not in shown.lower()
    assert "désolé" not in shown.lower()
    assert "Poser la question à l'équipe" in shown or "équipe" in shown


def test_anger_at_the_bot_still_gets_its_apology(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("votre truc est nul, ça marche pas"))
    assert "je n'ai pas su vous aider" in shown.lower()


def test_blaming_the_town_hall_by_name_is_not_a_complaint_about_the_hotline(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("la mairie est vraiment nulle"))
    assert "je n'ai pas su vous aider" not in shown.lower()
    assert "Poser la question à l'équipe" in shown
