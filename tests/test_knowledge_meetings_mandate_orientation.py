"""Questions members asked in trials that the knowledge did not answer: holding the council's own meetings by video
without leaving out members who have no computer, the mayor or the town hall sitting in on a meeting, standing again
once one's mandate ends, and a flat refused for the colour of one's skin (outside the council's role: the member is
pointed to the Défenseur des droits). Each answer says what the texts say, and no more."""

from __future__ import annotations

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE, first_line


def test_a_council_thinking_of_meeting_online_learns_its_own_rules_decide(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("est-ce qu'on peut faire les réunions de notre conseil citoyen en visio ?"))
    assert first_line(shown) == "Notre conseil citoyen peut-il tenir ses propres réunions en visio, à distance ?", shown


def test_the_online_meetings_answer_keeps_members_without_a_computer_in_and_rests_on_the_charter() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-reunions-visio")
    assert entry is not None and entry.short is not None
    assert "sans ordinateur" in entry.short
    assert "appel téléphonique" in entry.answer
    assert "charte ou son règlement intérieur" in entry.answer
    assert "Loi n° 2014-173 du 21 février 2014, article 7" in entry.source
    # No national text rules on remote meetings; the frame of reference leaves them to the charter, which it names.
    assert "« Règlement intérieur ou charte »" in entry.source


def test_the_centres_webinars_are_still_their_own_answer(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("un webinaire c'est quoi au juste ?"))
    assert "[1] Quels webinaires RésO Villes propose-t-il en 2026 ?" in shown, shown
    assert "tenir ses propres réunions en visio" not in shown


def test_a_council_whose_mayor_comes_to_meetings_learns_it_chooses_whom_it_invites(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("le maire a-t-il le droit de venir à nos réunions du conseil ?"))
    assert first_line(shown) == "Le maire ou un élu a-t-il sa place aux réunions du conseil citoyen ?", shown
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cc-elus-reunions")
    assert entry is not None
    assert "si le conseil les invite" in entry.answer
    assert "ne prennent pas part aux décisions" in entry.answer
    assert "Circulaire du 2 février 2017 relative aux conseils citoyens" in entry.source


def test_an_elected_official_wanting_to_join_is_still_the_membership_answer(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("un élu peut-il être membre du conseil citoyen ?"))
    assert first_line(shown) == "Un élu ou un agent de la mairie peut-il être membre du conseil citoyen ?", shown


def test_a_member_whose_mandate_ends_learns_local_rules_decide_on_a_new_one(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("mon mandat est fini, est-ce que je peux me représenter au conseil citoyen ?"))
    assert first_line(shown) == "Combien de temps dure le mandat d'un conseiller citoyen ?", shown
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cc-mandat-duree")
    assert entry is not None
    assert "La loi ne dit rien non plus d'un nouveau mandat" in entry.answer
    assert "le tirage au sort n'est plus obligatoire" in entry.answer
    assert "Décret n° 2024-1036 du 15 novembre 2024" in entry.source


def test_a_flat_refused_for_the_colour_of_ones_skin_is_pointed_to_the_rights_defender(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("on m'a refusé un appartement à cause de ma couleur de peau"))
    assert first_line(shown) == "Que faire si je suis victime ou témoin d'une discrimination ?", shown
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("theme-discrimination-recours")
    assert entry is not None
    assert "Le conseil citoyen ne traite pas les situations personnelles" in entry.answer
    assert "39 28" in entry.answer and "defenseurdesdroits.fr" in entry.answer
    assert "orientation" in entry.tags


def test_a_video_call_is_not_read_as_a_webinar(shipped_app: App) -> None:
    # A "visio" is any video meeting, a council's own included; a webinar is an online conference. Read as one word,
    # a council asking about its own "visio" was sent to the centre's webinars.
    normalizer = shipped_app.faq.answerer.normalizer
    assert normalizer.analyze("visio").tokens == normalizer.analyze("réunion en ligne").tokens
    assert normalizer.analyze("visio").tokens != normalizer.analyze("webinaire").tokens
    assert normalizer.analyze("zoom").tokens == normalizer.analyze("visio").tokens
