"""Salima types her questions as into a search box. Whatever reading settles an answer, the entry she gets is the
first of the decision's choices (what `hotline ask --json` shows staff, and what the statistics count); a few ways
she writes no longer lose her question."""

from __future__ import annotations

import dataclasses

from bot.answering.decision import Decision, Kind, answer_first
from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.core.replies import Sender

SALIMA = Sender(channel="cli", user_id="24", chat_id="24")


def _first(decision: Decision) -> str | None:
    return decision.candidates[0].entry.id if decision.candidates else None


def test_an_answer_settled_after_the_ranking_still_comes_first_among_the_choices(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(SALIMA, "c'est quoi le FPH ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    # Another reading answered the second of the ranking's choices: it moves to the front, the others keep their order.
    second = decision.candidates[1]
    settled = dataclasses.replace(decision, entry=second.entry)
    led = answer_first(settled)
    assert [c.entry.id for c in led.candidates] == [second.entry.id, decision.candidates[0].entry.id,
                                                    *(c.entry.id for c in decision.candidates[2:])]
    # An entry the choices did not hold leads them too; choices and a question offered stay as they are.
    missing = shipped_app.knowledge.entry("rgpd-supprimer")
    assert missing is not None
    assert _first(answer_first(dataclasses.replace(decision, entry=missing))) == "rgpd-supprimer"
    offered = dataclasses.replace(decision, kind=Kind.SUGGEST, entry=None)
    assert answer_first(offered) is offered


def test_asking_for_a_person_names_the_entry_its_reply_stands_for(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(SALIMA, "contacter un humain svp")
    assert decision.kind == Kind.ACT and _first(decision) == "hotline-parler-humain"
    shown = TerminalChat(shipped_app.hotline).render(TerminalChat(shipped_app.hotline).handle("contacter un humain svp"))
    assert "une personne de l'équipe peut vous répondre" in shown


def test_models_of_documents_name_their_entry_first(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(SALIMA, "modele de doc svp")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert _first(decision) == decision.entry.id == "crpv-modeles-documents"


def test_help_with_a_subject_is_a_question_not_an_ok(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("aide pour le dossier fph"))
    assert "Très bien" not in shown
    assert "FPH" in shown


def test_what_happens_to_a_question_the_bot_cannot_answer_is_asked_in_general(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(
        SALIMA, "Quand tu ne connais pas la réponse, ma question est transmise à quelqu'un ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "hotline-bot-ne-sait-pas"


def test_her_personal_infos_are_her_personal_data(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(SALIMA, "j'ai un souci avec l'utilisation de mes infos perso, à qui écrire ?")
    assert _first(decision) == "rgpd-contact"


def test_drawn_by_lot_she_asks_two_things_in_one_breath_and_neither_is_lost(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(
        SALIMA, "je suis tiree au sort, est ce que je suis obligee et mon patron doit me laisser partir pour les "
                "reunions")
    assert decision.kind == Kind.MULTI
    named = [{c.entry.id for c in part.candidates} | ({part.entry.id} if part.entry else set())
             for part in decision.parts]
    assert "cc-tire-au-sort-refuser" in named[0] and "moyens-conge-salarie" in named[1]


def test_a_question_after_the_relative_clause_is_still_asked(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(
        SALIMA, "C'est qui au juste le « bailleur » dont tout le monde parle, c'est le propriétaire des HLM ?")
    assert _first(decision) == "theme-bailleur-social"


def test_what_a_word_designates_is_what_it_is(shipped_app: App) -> None:
    decision = shipped_app.faq.decide(SALIMA, "inter-conseil ça désigne quoi ?")
    assert _first(decision) == "event-interconseil"
