"""Three things members say that read like something else: a council meeting held "en visio" (not one of the
centre's webinars), the phone number of an office the base does not hold (not a theme's answer), and a refusal
"parce que je suis noire" (a discrimination, for which the Défenseur des droits is named)."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.contact_asked import office_asked
from bot.answering.decision import Kind
from bot.answering.normalize import names_discrimination
from bot.app import App
from bot.channels.terminal import TerminalChat


def _shown(answerer: Answerer, text: str) -> list[str]:
    decision = answerer.decide(text)
    return [decision.entry.id] if decision.kind == Kind.ANSWER and decision.entry is not None else [
        c.entry.id for c in decision.candidates] if decision.kind == Kind.SUGGEST else []


@pytest.mark.parametrize("text", [
    "on peut faire nos réunions du conseil en visio ?",
    "est-ce qu'on a le droit de faire le conseil en visio",
    "nos reunions en visioconférence c possible ?",
])
def test_a_council_meeting_by_video_is_no_webinar(answerer: Answerer, text: str) -> None:
    # Karima's council wants to meet from home in winter: the centre's webinars are not what she asks about, the
    # entry on the council's own meetings by video is (answered, or offered first).
    shown = _shown(answerer, text)
    assert shown[:1] == ["fonct-reunions-visio"]


@pytest.mark.parametrize(("text", "entry"), [
    ("je peux revoir la visio ?", "event-replay"),
    ("comment je m'inscris à la visio", "event-inscription-webinaire"),
])
def test_the_centres_video_sessions_are_still_found(answerer: Answerer, text: str, entry: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == entry


@pytest.mark.parametrize(("text", "office"), [
    ("le numéro de la police municipale", ("police", "municipale")),
    ("vous avez le tel du commissariat svp", ("commissariat",)),
    ("l'adresse mail de la mission locale", ("mission", "locale")),
    ("numéro de reso villes", ("reso", "villes")),
])
def test_the_office_whose_details_are_asked_is_found(text: str, office: tuple[str, ...]) -> None:
    assert office_asked(text) == office


@pytest.mark.parametrize("text", ["a qui je m'adresse pour les poubelles", "mon adresse est en QPV ?",
                                  "le numéro de mon dossier FPH",
                                  "le mail de la mairie dit qu'on doit rendre le bilan, comment on fait ?"])
def test_ones_own_address_a_file_number_or_a_mail_received_asks_no_office(text: str) -> None:
    assert office_asked(text) is None


@pytest.mark.parametrize("text", ["le numéro de la police municipale", "C'est quoi le numero de la police municipale",
                                  "vous auriez le téléphone de la police municipale svp"])
def test_a_number_the_base_does_not_hold_gets_no_sure_answer_about_a_theme(answerer: Answerer, text: str) -> None:
    # Luc wants to call the municipal police: what the council can do about insecurity is not that number.
    assert answerer.decide(text).kind != Kind.ANSWER


@pytest.mark.parametrize(("text", "entry"), [
    ("le numéro de reso villes svp", "crpv-contact"),
    ("le numero du defenseur des droits", "theme-discrimination-recours"),
])
def test_an_entry_that_gives_the_details_still_answers(answerer: Answerer, text: str, entry: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == entry


@pytest.mark.parametrize("text", ["le bailleur refuse de me loger parce que je suis noire",
                                  "on m'a pas pris pour le stage à cause de mes origines",
                                  "il veut pas me louer son appart car je suis voilée"])
def test_who_one_is_given_as_a_cause_reads_as_a_discrimination(text: str) -> None:
    assert names_discrimination(text)


@pytest.mark.parametrize("text", ["je suis musulmane, je peux être au conseil ?",
                                  "je viens pas parce que je suis malade",
                                  "à cause de mon travail je rate les réunions",
                                  "je ne peux pas venir le soir parce que je suis une femme seule avec trois enfants",
                                  "je viens pas aux réunions du vendredi car je suis musulmane"])
def test_a_trait_without_a_cause_or_nothing_done_to_the_person_is_none(text: str) -> None:
    assert not names_discrimination(text)


def test_a_landlord_refusing_a_black_woman_is_offered_the_discrimination_fiche(shipped_app: App) -> None:
    # Awa is refused a flat: "je ne sais pas" left her alone; the fiche names the Défenseur des droits.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("le bailleur refuse de me loger parce que je suis noire"))
    assert "victime ou témoin d'une discrimination" in shown


def test_a_private_landlord_refusing_a_veiled_woman_is_not_sent_back_to_the_landlord(shipped_app: App) -> None:
    # Samia's would-be landlord is who refused her: the Défenseur des droits helps, not the landlord.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("le proprio veut pas me louer car je suis voilée"))
    assert "Défenseur des droits" in shown and "adressez-vous à votre bailleur" not in shown
