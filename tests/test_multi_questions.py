"""A member asks two things in one message ("…suis-je obligée d'accepter ? Et si j'accepte, ça dure combien de
temps ?"): both are answered, or offered as buttons; a single question with "et" or a short "il faut voter ?"
inside stays one question. The same story in the terminal chat and through PTB's real Application."""

from __future__ import annotations

import re

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.questions import asks_its_use, split_questions
from bot.app import App
from bot.channels.terminal import TerminalChat
from tests.conftest import TelegramHarness

AWA = 1001
DRAWN = ("Bonjour, j'ai été tirée au sort et je voudrais savoir si je suis obligée d'accepter. "
         "Et si j'accepte, ça dure combien de temps ?")


@pytest.mark.parametrize(("text", "asked"), [
    ("Deux questions svp : 1) les conseillers sont payés ? 2) on peut avoir un local",
     ["les conseillers sont payés ?", "on peut avoir un local"]),
    ("c quoi le FPH et comment on demande des sous", ["c quoi le FPH", "comment on demande des sous"]),
    ("le contrat de ville c quoi et il dure jusqua quand", ["le contrat de ville c quoi", "il dure jusqua quand"]),
    ("c quoi le FPH et on le demande comment alors", ["c quoi le FPH", "on le demande comment alors"]),
    ("Trois questions : c'est quoi l'interconseil, on y parle de quoi, et qui peut venir ?",
     ["c'est quoi l'interconseil", "on y parle de quoi", "qui peut venir ?"]),
    ("On a un jardin partagé. Comment le financer ?", ["Comment le financer ?"]),
    ("Comment gérer l'argent et rendre des comptes aux financeurs ?",
     ["Comment gérer l'argent et rendre des comptes aux financeurs ?"]),
    ("qui paie les frais de transport et de garde d enfants quand on va en reunion",
     ["qui paie les frais de transport et de garde d enfants quand on va en reunion"]),
])
def test_a_message_is_cut_into_its_questions_on_strong_cues_only(text: str, asked: list[str]) -> None:
    assert [a.text for a in split_questions(text)] == asked


@pytest.mark.parametrize(("text", "asked"), [
    # Two clauses that each open as a question, with no "et" between them.
    ("comment on devient membre, je dois payer quelque chose pour être membre",
     ["comment on devient membre", "je dois payer quelque chose pour être membre"]),
    ("est ce que le conseil a un budget, qui le gère", ["est ce que le conseil a un budget", "qui le gère"]),
    ("c'est quoi l'évaluation de 2027 comment notre conseil peut participer",
     ["c'est quoi l'évaluation de 2027", "comment notre conseil peut participer"]),
    # No question mark anywhere: a full stop ends a question too.
    ("combien de membres minimum. faut il forcément des tirés au sort",
     ["combien de membres minimum.", "faut il forcément des tirés au sort"]),
    # A wish, a relative "qui", a condition or "je sais pas comment" opens no second question.
    ("je veux m'inscrire au webinaire mais je sais pas comment faire, je suis pas douée",
     ["je veux m'inscrire au webinaire mais je sais pas comment faire, je suis pas douée"]),
    ("il y a des jeunes en service civique qui pourraient venir nous aider ?",
     ["il y a des jeunes en service civique qui pourraient venir nous aider ?"]),
    ("quand on est tiré au sort, est-ce qu'on peut refuser", ["quand on est tiré au sort, est-ce qu'on peut refuser"]),
])
def test_two_questions_without_et_are_cut_when_each_opens_as_a_question(text: str, asked: list[str]) -> None:
    assert [a.text for a in split_questions(text)] == asked


@pytest.mark.parametrize(("text", "asked"), [
    # After a comma, a clause with its own subject that asks again is a second question.
    ("le bot garde mon nom combien de temps, la préfecture peut le voir ?",
     ["le bot garde mon nom combien de temps", "la préfecture peut le voir ?"]),
    ("on peut changer de président en cours d'année, on vote comment ?",
     ["on peut changer de président en cours d'année", "on vote comment ?"]),
    # An opinion tagged "non ?", an alternative, a subordinate "quand", a mere modal: one question.
    ("pourquoi tirer au sort les membres, on pourrait prendre des volontaires non ?",
     ["pourquoi tirer au sort les membres, on pourrait prendre des volontaires non ?"]),
    ("qui doit animer nos réunions, nous ou la mairie ?", ["qui doit animer nos réunions, nous ou la mairie ?"]),
    ("le bailleur m'a répondu quand je l'ai relancé, je fais quoi maintenant",
     ["le bailleur m'a répondu quand je l'ai relancé, je fais quoi maintenant"]),
    ("je dois écrire à la mairie, vous avez un modèle de lettre ?",
     ["je dois écrire à la mairie, vous avez un modèle de lettre ?"]),
    ("je dois organiser la réunion toute seule, je m'y prends comment ?",
     ["je dois organiser la réunion toute seule, je m'y prends comment ?"]),
])
def test_a_comma_before_a_clause_that_asks_again_with_its_own_subject_cuts_two_questions(text: str,
                                                                                         asked: list[str]) -> None:
    assert [a.text for a in split_questions(text)] == asked


def test_the_price_of_membership_is_heard_beside_how_to_join(answerer: Answerer) -> None:
    decision = answerer.decide("comment on devient membre du conseil citoyen, je dois payer quelque chose ?")
    assert decision.kind == Kind.MULTI
    assert [p.segments[0] for p in decision.parts] == ["comment on devient membre du conseil citoyen",
                                                        "je dois payer quelque chose ?"]


def test_a_self_introduction_opening_the_sentence_is_no_part_of_its_first_question() -> None:
    asked = split_questions("bonsoir jsuis nouveau au conseil de la Halvêque, on se réunit combien de fois par an "
                            "et qui fixe l'ordre du jour ?")
    assert [a.text for a in asked] == ["on se réunit combien de fois par an", "qui fixe l'ordre du jour ?"]


def test_the_story_before_a_question_stays_with_it() -> None:
    [question] = split_questions("Bonjour, on a un jardin partagé. Comment le financer ? Merci")
    assert question.context == "on a un jardin partagé."


def test_two_questions_are_both_found(answerer: Answerer) -> None:
    decision = answerer.decide(DRAWN)
    assert decision.kind == Kind.MULTI
    found = [p.entry.id if p.entry else p.candidates[0].entry.id for p in decision.parts]
    assert found == ["cc-tire-au-sort-refuser", "cc-mandat-duree"]


def test_two_things_named_after_one_what_is_are_each_defined(answerer: Answerer) -> None:
    assert [a.text for a in split_questions("qu'est-ce que la GUSP et le FPH ?")] == [
        "qu'est-ce que la GUSP", "qu'est-ce que le FPH ?"]
    decision = answerer.decide("c'est quoi le PRE et la GUSP")
    assert decision.kind == Kind.MULTI
    assert [p.entry.id if p.entry else p.candidates[0].entry.id for p in decision.parts] == ["theme-pre", "theme-gusp"]


def test_a_difference_between_two_things_is_one_question() -> None:
    text = "c'est quoi la différence entre un conseil citoyen et un conseil de quartier"
    assert [a.text for a in split_questions(text)] == [text]


def test_a_question_and_its_yes_or_no_detail_stay_one_question(answerer: Answerer) -> None:
    decision = answerer.decide("Comment on prend une décision quand on n'est pas d'accord entre nous ? Il faut voter ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "fonct-decisions"


def test_a_short_second_question_borrows_the_verb_of_the_first(answerer: Answerer) -> None:
    decision = answerer.decide("bonjour, le délégué du préfet c'est qui ? et le chef de projet ?")
    assert decision.kind == Kind.MULTI
    found = [p.entry.id if p.entry else p.candidates[0].entry.id for p in decision.parts]
    assert found == ["cdv-delegue-prefet", "cdv-chef-de-projet"]


def test_a_question_about_ca_is_read_with_the_one_before_and_only_offered(answerer: Answerer) -> None:
    decision = answerer.decide("Comment effacer mes données ? Et si j'ai un problème avec ça, je contacte qui ?")
    assert decision.kind == Kind.MULTI
    first, second = decision.parts
    assert first.kind == Kind.ANSWER and first.entry is not None and first.entry.id == "rgpd-supprimer"
    assert second.kind == Kind.SUGGEST and second.entry is None


def test_a_question_that_names_nothing_is_offered_not_answered(answerer: Answerer) -> None:
    decision = answerer.decide("Combien coûte l'adhésion à RésO Villes et comment vous contacter ?")
    assert decision.kind == Kind.MULTI
    vague = next(p for p in decision.parts if p.segments == ("comment vous contacter ?",))
    assert vague.kind == Kind.SUGGEST and vague.entry is None


# --- in the terminal chat ------------------------------------------------------------------

def test_in_the_terminal_both_questions_are_found(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(DRAWN))
    assert "Vous posez deux questions" in shown
    assert "J'ai été tiré au sort : suis-je obligé d'accepter ?" in shown
    assert "Combien de temps dure le mandat d'un conseiller citoyen ?" in shown


def test_in_the_terminal_joining_and_its_price_without_et_are_two_questions(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("comment on devient membre du conseil citoyen, je dois payer quelque chose ?"))
    assert "Vous posez deux questions" in shown and "Qui peut devenir membre d'un conseil citoyen ?" in shown


def test_in_the_terminal_an_unsure_second_question_is_a_button_to_press(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("c quoi le FPH et comment on demande des sous"))
    assert "Vous posez deux questions" in shown and "Qu'est-ce que le fonds de participation" in shown
    assert "Pour votre autre question, est-ce bien celle-ci ?" in shown
    answer = chat.render(chat.handle("1"))
    assert "Comment obtenir un financement du FPH" in answer and "Source" in answer


def test_in_the_terminal_an_unsure_question_the_rankers_disagree_on_offers_a_second_choice(shipped_app: App) -> None:
    # "partir": ours leans to the end of RésO Villes' support, the character n-grams to resigning; both are offered.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("le mandat dure combien de temps et on peut partir quand on veut ?"))
    assert "Combien de temps dure le mandat" in shown and "Source" in shown
    assert "Pour votre autre question, est-ce l'une de celles-ci ?" in shown
    [number] = re.findall(r"\[(\d+)\] Comment quitter le conseil citoyen \(démissionner\) \?", shown)
    answer = chat.render(chat.handle(number))
    assert "Vous pouvez partir quand vous voulez" in answer and "Source" in answer


# --- through PTB's real Application --------------------------------------------------------

async def test_on_telegram_two_questions_understood_get_an_announcement_and_two_answers(
        shipped: TelegramHarness) -> None:
    await shipped.members.says(AWA, DRAWN)
    announce, first, second = shipped.api.take()
    assert "Vous posez deux questions" in announce.text
    assert "obligé d'accepter" in first.text and "Source" in first.text
    assert "Combien de temps dure le mandat" in second.text and "Source" in second.text
    # Each answer is shown once: the first answer's related links leave the second out.
    assert not any("Combien de temps dure le mandat" in b for b in first.button_labels)


async def test_on_telegram_the_unsure_question_is_a_button_that_answers(shipped: TelegramHarness) -> None:
    await shipped.members.says(AWA, "c quoi le FPH et comment on demande des sous")
    *_, choice = shipped.api.take()
    assert "est-ce bien celle-ci" in choice.text
    await shipped.members.presses(AWA, choice.button_data("Comment obtenir un financement du FPH"))
    [answer] = shipped.api.take()
    assert "Comment obtenir un financement du FPH" in answer.text and "Source" in answer.text


def test_the_second_question_s_entry_is_not_also_a_link_under_the_first_answer(shipped_app: App) -> None:
    """"combien de temps dure le mandat et on peut démissionner ?": the mandate is answered; "Comment quitter
    le conseil citoyen ?" is shown once, as the second question's answer or choice, not again as a related link."""
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("combien de temps dure le mandat et on peut demissioner ?"))

    assert "Combien de temps dure le mandat" in shown
    assert sum("Comment quitter le conseil citoyen" in line for line in shown.splitlines()) == 1


@pytest.mark.parametrize(("text", "question"), [
    ("Au conseil on nous parle sans arrêt de TFPB. C'est quoi et ça sert à quoi pour nous ?",
     "Qu'est-ce que l'abattement de TFPB"),
    ("On nous parle de la GUSP en réunion. C'est quoi au juste et ça peut nous aider ?", "Qu'est-ce que la GUSP"),
    ("c'est quoi le contrat de ville et ça nous sert à quoi ?", "Qu'est-ce qu'un contrat de ville ?"),
    ("La mairie parle de la maison du projet. C'est quoi et ça peut nous servir ?",
     "Qu'est-ce qu'une maison du projet ?"),
])
def test_what_a_thing_is_and_what_it_is_for_is_one_question(shipped_app: App, text: str, question: str) -> None:
    # Odile asks what a word means and what it is for: the definition says both; no unrelated second choice.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(text))
    assert question in shown.splitlines()[0] and "Vous posez deux questions" not in shown


@pytest.mark.parametrize(("text", "its_use"), [
    ("et ça sert à quoi pour nous ?", True), ("ça peut nous aider ?", True), ("c'est utile ?", True),
    ("et ça coûte combien ?", False), ("comment on s'inscrit ?", False),
])
def test_asking_what_the_thing_named_before_is_for(text: str, its_use: bool) -> None:
    assert asks_its_use(text) == its_use
