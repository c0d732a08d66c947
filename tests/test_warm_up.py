"""The first member's question after a start or a learning action paid what a first question makes once (the
n-gram ranker's arrays made on first use, patterns compiled on first use, the common words' caches): ~3 ms at
10,000 entries. An answerer now decides questions of its own before it is put in service; they must leave no
trace on what it answers."""

from __future__ import annotations

from bot.answering.answerer import Answerer
from bot.app import App
from bot.core.answers import CurrentAnswerer

# Messages of several shapes, none of them the warm-up's own.
ASKED = ("c'est quoi le FPH ?",
         "bonjour, on est trois voisins et on voudrait monter un projet. Qui peut nous aider et c'est payé comment ?",
         "merci", "kan ya une reunion", "Je suis Awa. Le président ne répond jamais, on fait comment ?")


def _made_on_first_use(answerer: Answerer) -> bool:
    return "_owner" in answerer.chars.__dict__


def test_the_answerer_put_in_service_at_a_start_has_already_decided_once(app: App) -> None:
    fresh = Answerer(app.answerer.kb, app.settings.answering)
    assert not _made_on_first_use(fresh)
    served = CurrentAnswerer(fresh).get()
    assert _made_on_first_use(served)


def test_a_learning_action_warms_up_the_new_answerer_before_it_answers(app: App) -> None:
    answers = CurrentAnswerer(Answerer(app.answerer.kb, app.settings.answering))
    learned = Answerer(app.answerer.kb, app.settings.answering)
    answers.swap(learned)
    assert answers.get() is learned
    assert _made_on_first_use(learned)


def test_one_question_asked_from_the_command_line_is_not_preceded_by_a_warm_up(app: App) -> None:
    fresh = Answerer(app.answerer.kb, app.settings.answering)
    CurrentAnswerer(fresh, warm_up=False)
    assert not _made_on_first_use(fresh)


def test_a_warmed_up_answerer_decides_as_a_cold_one(app: App) -> None:
    cold = Answerer(app.answerer.kb, app.settings.answering)
    warm = Answerer(app.answerer.kb, app.settings.answering)
    warm.warm_up()
    for text in ASKED:
        assert repr(warm.decide(text)) == repr(cold.decide(text)), text
