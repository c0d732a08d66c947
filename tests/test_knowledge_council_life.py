"""Questions a member asks about the council's own life (found in a trial of the terminal chat, issue 11):
when it meets, a council that empties, who may sit in on a meeting, an elected official as a member.
Each is answered from the shipped knowledge, with what the real texts say."""

from __future__ import annotations

from bot.app import App
from bot.channels.terminal import TerminalChat
from tests.conftest import first_line


def test_asking_whether_meetings_are_in_the_evening_she_learns_the_council_sets_the_time(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("les reunions c le soir ou en journée"))
    # The council's rhythm and time, not the survey on the city at night: answered at once (BM25 puts it second,
    # within a tenth of its first, and the two other rankers name it first).
    assert first_line(shown) == "À quel rythme, et à quelle heure, le conseil citoyen se réunit-il ?", shown
    assert "ni l'heure" in shown


def test_a_council_down_to_four_members_learns_the_prefect_no_longer_recognises_councils(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("on n'est plus que quatre au conseil citoyen, le préfet va nous dissoudre ?"))
    assert first_line(shown) == "Comment le conseil citoyen est-il renouvelé quand des membres partent ?"


def test_the_renewal_answer_cites_the_2024_decree_and_no_minimum_number() -> None:
    from bot.knowledge.loader import load_knowledge
    from tests.conftest import SHIPPED_KNOWLEDGE

    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cc-renouvellement")
    assert entry is not None
    assert "décret n° 2024-1036" in entry.answer
    assert "Aucun texte ne fixe de nombre minimum" in entry.answer


def test_a_resident_who_is_not_a_member_asks_to_sit_in_and_hears_it_depends_on_the_charter(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("je suis pas membre, je peux venir assister à une réunion du conseil citoyen ?"))
    assert first_line(shown) == "Un habitant qui n'est pas membre peut-il assister aux réunions du conseil citoyen ?"
    assert "charte" in shown


def test_a_municipal_councillor_asking_to_join_gets_the_rule_on_elected_officials(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("je suis élu municipal, je peux être membre du conseil citoyen ?"))
    assert first_line(shown) == "Un élu ou un agent de la mairie peut-il être membre du conseil citoyen ?"

