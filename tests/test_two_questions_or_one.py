"""Two questions in one message, or one question that only looks like two, in members' own ways of writing: "la
première fois" is no list, "comment et quand" asks one thing, "ah et…" adds a question, "il fait quoi" asks about
the thing named before, "je voulais vous demander" announces a question, and "et un agent de la mairie ?" after
an entry that already names it is the same question."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.questions import split_questions


def asked(text: str) -> list[str]:
    return [a.text for a in split_questions(text)]


def test_the_first_time_she_goes_is_no_list_of_questions() -> None:
    assert len(asked("demain c'est la première fois que je vais au comité de pilotage, j'ai le trac, "
                     "comment je me prépare")) == 1


@pytest.mark.parametrize("text", [
    "quand et comment on vote les décisions du conseil",
    "où et comment on demande une salle pour se réunir",
])
def test_two_question_words_joined_by_et_ask_one_thing(text: str) -> None:
    assert asked(text) == [text]


def test_how_to_go_about_it_then_whom_to_ask_is_one_question() -> None:
    text = "comment on fait et à qui on écrit pour quitter le conseil citoyen"
    assert asked(text) == [text]


def test_ah_et_after_a_question_adds_another() -> None:
    parts = asked("Comment je m'inscris à l'atelier ? oh et si je ne peux plus venir je fais quoi")
    assert len(parts) == 2
    assert "plus venir" in parts[1]


def test_what_it_does_asked_of_the_thing_named_before_is_a_question_of_its_own() -> None:
    assert len(asked("D'abord, c'est quoi la GUSP ? Ensuite, elle fait quoi concrètement ?")) == 2


def test_asking_to_ask_after_a_name_announces_the_question() -> None:
    parts = asked("bonsoir c'est monsieur Diallo du Breil je voulais vous demander qui paie les sorties du conseil")
    assert len(parts) == 1
    assert "qui paie" in parts[0]


def test_a_thing_named_inside_the_first_asked_again_alone_is_a_second_question(answerer: Answerer) -> None:
    # Its own words rank the policy first; the rest of the message would pull it back to the Fresque, taken before.
    decision = answerer.decide("C'est quoi la Fresque de la politique de la ville ? Et la politique de la ville tout "
                               "court c'est quoi ?")
    assert decision.kind == Kind.MULTI
    assert [p.entry.id if p.entry else p.candidates[0].entry.id for p in decision.parts] == [
        "crpv-fresque", "cdv-politique-de-la-ville"]


def test_and_for_something_the_chosen_entry_already_names_is_one_question(answerer: Answerer) -> None:
    decision = answerer.decide("Un agent de la mairie peut-il être membre du conseil citoyen ? et un élu ?")
    assert decision.kind == Kind.ANSWER
    assert decision.entry is not None and decision.entry.id == "cc-elu-membre"


def test_and_is_it_paid_after_an_entry_that_says_so_is_one_question(answerer: Answerer) -> None:
    decision = answerer.decide("Est-ce que RésO Villes peut aider notre conseil à monter un projet ? et c'est payant ?")
    assert decision.kind == Kind.ANSWER
    assert decision.entry is not None and decision.entry.id == "crpv-aide-projet"


def test_est_heard_for_et_before_a_question_word_opens_a_second_question() -> None:
    assert asked("notre conseil a une charte est qui doit la signer") == ["notre conseil a une charte",
                                                                          "qui doit la signer"]


def test_who_is_it_with_est_stays_one_question() -> None:
    assert len(asked("le chef de projet de la ville est qui")) <= 1


def test_est_ce_que_after_a_clause_asking_how_long_opens_a_second_question() -> None:
    assert asked("le mandat ça dure combien de temps est ce qu'on peut partir avant") == [
        "le mandat ça dure combien de temps", "est ce qu'on peut partir avant"]


def test_et_aussi_then_another_thing_named_at_length_asks_about_it_too() -> None:
    assert len(asked("vous avez des affiches pour le conseil et aussi des modèles de courrier pour la mairie")) == 2


def test_a_question_after_et_makes_a_sentence_without_question_mark_asked() -> None:
    assert asked("ya un local pour le conseil citoyen et qui a les clés de la salle") == [
        "ya un local pour le conseil citoyen", "qui a les clés de la salle"]


def test_who_can_help_us_after_what_to_do_is_one_question_about_the_story() -> None:
    parts = split_questions("on a reçu un gros dossier de la mairie et personne ne comprend, on fait quoi et qui "
                            "peut nous aider ?")
    assert len(parts) == 1
    assert "dossier" in parts[0].context


def test_autre_chose_between_two_questions_turns_to_the_next() -> None:
    assert asked("qui anime nos réunions autre chose on peut avoir une salle le soir") == [
        "qui anime nos réunions", "on peut avoir une salle le soir"]


def test_talking_of_something_else_is_no_turn_to_another_question() -> None:
    assert len(asked("au conseil on parle toujours d'autre chose que du quartier, comment on fixe l'ordre du jour")) == 1


def test_i_would_also_like_to_know_is_one_wish_not_a_question_of_its_own() -> None:
    assert asked("je voudrais savoir qui anime les réunions. je voudrais aussi savoir si on peut faire venir un "
                 "expert") == ["je voudrais savoir qui anime les réunions.",
                               "je voudrais aussi savoir si on peut faire venir un expert"]


def test_ou_bien_after_a_question_asks_its_other_side() -> None:
    assert len(asked("Les membres sont payés ? ou bien ils sont seulement remboursés ?")) == 1


def test_how_it_goes_after_a_question_asks_it_of_that_question() -> None:
    assert len(asked("Est-ce que notre conseil peut demander un local et comment ça se passe ?")) == 1


def test_e_typed_for_et_on_a_phone_joins_a_second_question() -> None:
    assert asked("jvoudrai savoir kan on se reuni é si on peut venir avec les enfants") == [
        "jvoudrai savoir kan on se reuni", "si on peut venir avec les enfants"]


def test_the_number_of_the_next_item_ends_no_sentence() -> None:
    parts = asked("Bonsoir, 1. qui anime les réunions du conseil 2. on peut avoir un local ?")
    assert len(parts) == 2
    assert "anime" in parts[0]


def test_what_is_then_a_thing_taken_up_by_a_pronoun_asks_something_else() -> None:
    assert asked("c'est quoi la GUSP et les habitants ils peuvent y participer") == [
        "c'est quoi la GUSP", "les habitants ils peuvent y participer"]


def test_which_question_it_is_is_no_part_of_it() -> None:
    assert asked("Ma dernière question, est-ce que le conseil peut faire appel à un expert") == [
        "est-ce que le conseil peut faire appel à un expert"]


def test_the_second_question_said_by_its_number_is_asked_even_with_a_full_stop() -> None:
    assert asked("Première question, qui anime nos réunions. Deuxième question, le conseil a-t-il un local.") == [
        "qui anime nos réunions.", "le conseil a-t-il un local."]


def test_et_sinon_opening_a_message_leaves_no_empty_question() -> None:
    assert [len(words_of.split()) > 1 for words_of in asked(
        "d'accord merci. et sinon comment on annule une inscription ? et comment on voit ses rappels ?")] == [True, True]


def test_a_question_numbered_by_the_member_is_answered_on_its_own_words(answerer: Answerer) -> None:
    decision = answerer.decide("deuxième question, est-ce que le conseil peut avoir un local")
    assert decision.kind == Kind.ANSWER
    assert decision.entry is not None and decision.entry.id == "fonct-locaux"


def test_a_meeting_told_with_a_full_stop_is_the_story_not_a_question() -> None:
    parts = split_questions("J'ai rendez-vous avec la déléguée du préfet jeudi. Elle peut nous aider pour le local ?")
    assert [p.text for p in parts] == ["Elle peut nous aider pour le local ?"]


def test_and_after_c_est_vrai_opens_the_next_question() -> None:
    assert asked("il faut habiter le quartier pour être membre c'est vrai et les retraités ils peuvent venir aussi") == [
        "il faut habiter le quartier pour être membre c'est vrai", "les retraités ils peuvent venir aussi"]


def test_a_sentence_ended_by_ou_pas_asks_even_after_a_question_mark() -> None:
    assert len(asked("Un agent de la mairie peut venir à nos réunions ? le conseil doit rester neutre ou pas")) == 2


def test_et_then_a_subject_asking_by_its_question_word_is_a_second_question() -> None:
    assert asked("on peut se réunir dans la maison de quartier et vous conseillez quoi comme horaire") == [
        "on peut se réunir dans la maison de quartier", "vous conseillez quoi comme horaire"]


def test_c_quelle_glued_after_a_first_question_opens_a_second() -> None:
    assert asked("c quoi une maison du projet c quelle adresse pour y aller") == [
        "c quoi une maison du projet", "c quelle adresse pour y aller"]
