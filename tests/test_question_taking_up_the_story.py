"""A short question that takes up the story told before it: "on est obligés d'accepter ?", "on peut refuser ?",
"comment on fait" at the end of a text message without punctuation, and, beside another question, "c'est quoi la
différence entre A et B". The story says what must be accepted, what is done, which two things are compared; the
bare clause alone names another subject (being drawn by lot, renewing members, another pair compared)."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind
from bot.answering.questions import asks_what_the_council_can_do
from bot.answering.segment import Role, split_message
from bot.app import App
from tests.conftest import reply_in_chat

ELECTED_AT_MEETINGS = "cc-elus-reunions"
DRAWN_BY_LOT = "cc-tire-au-sort-refuser"
VIDEO_MEETINGS = "fonct-reunions-visio"
OTHER_PAIR = "cc-conseil-de-quartier"  # the council against the neighbourhood council


def _answered(decision: Decision) -> set[str]:
    if decision.kind == Kind.ANSWER and decision.entry is not None:
        return {decision.entry.id}
    return {p.entry.id for p in decision.parts if p.kind == Kind.ANSWER and p.entry is not None}


def _offered(decision: Decision) -> set[str]:
    return {c.entry.id for c in decision.candidates} if decision.kind != Kind.MULTI else {
        c.entry.id for p in decision.parts for c in p.candidates}


# --- "on est obligés d'accepter ?": what must be accepted is what the story told -------------------------------

@pytest.mark.parametrize("text", [
    "on est obligés d'accepter ?", "On est obligé de dire oui ?", "on peut refuser ?", "est-ce qu'on peut les refuser ?",
    "on est obligés de les laisser venir ?", "on a le droit ?", "c'est normal ?", "ils ont le droit ?",
    "je suis obligée d'accepter ou pas ?", "on doit accepter ?", "faut-il accepter ?", "on peut leur dire non ?",
    "on est obligés ?", "c'est obligatoire ?"])
def test_a_clause_that_only_accepts_or_refuses_names_no_subject_of_its_own(text: str) -> None:
    assert asks_what_the_council_can_do(text)


@pytest.mark.parametrize("text", [
    "on est obligés d'accepter le tirage au sort ?",  # what is accepted is named
    "on peut refuser le budget de la mairie ?",
    "on a le droit de filmer les réunions ?", "c'est obligatoire de venir à toutes les réunions ?"])
def test_accepting_or_refusing_a_thing_named_has_a_subject(text: str) -> None:
    assert not asks_what_the_council_can_do(text)


@pytest.mark.parametrize("text", [
    "Bonjour, je m'appelle Nadia, je suis nouvelle au conseil citoyen depuis septembre. La mairie nous a dit qu'elle "
    "voulait venir à toutes nos réunions, moi ça me gêne un peu, on est obligés d'accepter ?",
    "la mairie veut venir a toutes nos reunions on est obliges d accepter",
    "Je m'appelle Karim. La mairie veut que ce soit un agent municipal qui anime nos réunions. "
    "On est obligés d'accepter ?"])
def test_whether_to_accept_what_the_town_hall_wants_is_not_about_being_drawn_by_lot(
        answerer: Answerer, text: str) -> None:
    decision = answerer.decide(text)
    assert DRAWN_BY_LOT not in _answered(decision)
    assert decision.candidates[0].entry.id != DRAWN_BY_LOT


def test_the_town_hall_at_every_meeting_is_answered_with_the_entry_on_elected_members_at_meetings(
        shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Bonjour, je suis Paulette, au conseil citoyen depuis un an. Le maire nous a "
                                       "écrit qu'il voulait assister à toutes nos réunions. On est obligés d'accepter ?")
    assert "tiré au sort" not in shown.splitlines()[0]


@pytest.mark.parametrize("text", [
    "Le bailleur veut installer des caméras dans notre local. On peut refuser ?",
    "Le centre social veut qu'on tienne un stand à sa fête chaque année. On peut refuser ?"])
def test_refusing_what_a_partner_wants_is_not_first_offered_the_refusal_of_the_draw(
        answerer: Answerer, text: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind not in (Kind.ANSWER, Kind.SUGGEST) or decision.candidates[0].entry.id != DRAWN_BY_LOT


def test_being_drawn_by_lot_then_may_i_refuse_still_asks_about_the_draw(answerer: Answerer) -> None:
    decision = answerer.decide("J'ai été tirée au sort pour le conseil citoyen mais je travaille de nuit. "
                               "Je suis obligée d'accepter ?")
    assert _answered(decision) == {DRAWN_BY_LOT}


# --- "…comment on fait" at the end of a text message without punctuation -------------------------------------

@pytest.mark.parametrize("text", [
    "slt on veut faire nos reunions en visio parce que plusieurs membres travaillent tard mais 2 personnes ont pas "
    "d ordi comment on fait",
    "on aimerait se reunir en visio cet hiver mais la moitie des membres ont pas internet comment on fait",
    "on veut faire nos reunions en visio comment on fait"])
def test_how_do_we_do_it_after_a_story_without_punctuation_asks_about_the_story(answerer: Answerer, text: str) -> None:
    segments = split_message(text)
    assert (segments[-1].text, segments[-1].role) == ("comment on fait", Role.QUESTION)
    assert VIDEO_MEETINGS in _offered(answerer.decide(text))


@pytest.mark.parametrize("text", ["vous gardez mes messages combien de temps", "on s'inscrit comment"])
def test_a_question_word_ending_its_clause_still_asks_about_that_clause(text: str) -> None:
    assert len(split_message(text)) == 1


# --- a comparison asked beside another question ------------------------------------------------------------

@pytest.mark.parametrize(("text", "defined"), [
    ("Bonjour, ça fait presque six ans que je suis conseiller citoyen et on m'a dit que mon mandat allait finir. "
     "Est-ce que je peux continuer ? et c'est quoi la différence entre le contrat de ville et le conseil citoyen, "
     "je mélange tout", {"cdv-definition", "cc-definition"}),
    ("Le mandat dure combien de temps ? Et c'est quoi la différence entre le conseil citoyen et le contrat de ville ?",
     {"cdv-definition", "cc-definition"}),
    ("On peut avoir un local ? et la différence entre la GUSP et la TFPB c'est quoi ?", {"theme-gusp", "theme-tfpb"})])
def test_a_comparison_beside_another_question_is_answered_by_what_each_thing_is(
        answerer: Answerer, text: str, defined: set[str]) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.MULTI
    assert defined <= _answered(decision)
    assert OTHER_PAIR not in _offered(decision)


def test_a_member_asking_two_questions_is_told_two_though_the_comparison_gets_an_answer_a_side(
        shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Le mandat dure combien de temps ? Et c'est quoi la différence entre le "
                                       "conseil citoyen et le contrat de ville ?")
    assert "Vous posez deux questions" in shown and "trois" not in shown


def test_the_same_as_what_was_just_named_compares_nothing_new(answerer: Answerer) -> None:
    decision = answerer.decide("Qui est le chef de projet politique de la ville ? "
                               "C'est pas pareil que le délégué du préfet ?")
    assert "cc-definition" not in _offered(decision)
