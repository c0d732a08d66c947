"""Knowledge side, seventh round: what the 2024 decrees left in the law, and gaps from members' trials.

The Conseil constitutionnel (decision n° 2024-306 L) let the Government change by decree only the words
« tirés au sort » and the last four paragraphs of article 7, I, of the law of 21 February 2014: parity among the
residents and the council's place in every steering body stayed in the law. Members also asked what a bailleur
social is (it was answered with the tax relief of the TFPB) and whether an opposition councillor may be a member.
"""

from __future__ import annotations

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE, first_line


def test_parity_is_told_as_still_in_the_law_and_rests_on_the_constitutional_decision() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cc-parite")
    assert entry is not None
    assert entry.short is not None and entry.short.startswith("Oui.")
    assert "La parité reste donc dans la loi" in entry.answer
    assert "Décision n° 2024-306 L" in entry.source
    # the decision's own text (only « tirés au sort » in that paragraph) was read: the flag is lifted
    assert not entry.needs_review


def test_the_place_in_every_steering_body_is_unchanged_by_the_decrees() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cdv-instances-pilotage")
    assert entry is not None
    assert "ne pouvaient pas changer cette phrase" in entry.answer and "Elle reste dans la loi" in entry.answer
    assert "Décision n° 2024-306 L" in entry.source
    assert not entry.needs_review  # the 4th paragraph is outside what the decision let a decree change


def test_rules_taken_out_of_article_7_are_told_as_the_2014_text_and_stay_for_review() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    for entry_id in ("fonct-formation", "fonct-experts-exterieurs"):
        entry = kb.entry(entry_id)
        assert entry is not None
        assert "La loi de 2014 (article 7) prévoyait" in entry.answer
        assert entry.needs_review


def test_the_decrees_entry_gives_their_exact_titles() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cc-decrets-2024")
    assert entry is not None and entry.more is not None
    assert "portant sur les contrats de ville et la participation des habitants à la politique de la ville" in entry.more
    assert "relatives aux contrats de ville et à la participation des habitants à l'élaboration" in entry.more


def test_a_member_asking_what_a_bailleur_social_is_gets_its_definition_not_the_tax_relief(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("c'est quoi un bailleur social"))
    assert first_line(shown) == "Qu'est-ce qu'un bailleur social ?"
    assert "taxe foncière" not in shown


def test_an_opposition_councillor_gets_the_elected_officials_entry_first(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("je suis conseillère municipale d'opposition, est-ce que je peux rester au conseil citoyen"))
    entry = "Un élu ou un agent de la mairie"
    assert first_line(shown).startswith(entry) or f"[1] {entry}" in shown, shown


def test_the_elected_officials_answer_says_an_opposition_councillor_is_one_too() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cc-elu-membre")
    assert entry is not None and entry.short is not None
    assert "même d'opposition" in entry.short
    assert "Un conseiller municipal d'opposition est aussi un élu." in entry.answer
