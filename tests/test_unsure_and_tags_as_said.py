"""How members say they do not know or ask whether something is true, without punctuation: "on sait pas ce qu'on doit
dire" (unsure, said with "on"), "… ou pas je comprends jamais" (lost, after the question), "… c'est vrai ça" (a tag
with its "ça"), "…, c'est qui qui paie" (a cleft question after the story)."""

from __future__ import annotations

from bot.answering.segment import Role, role_of, split_message


def parts(text: str) -> list[tuple[Role, str]]:
    return [(s.role, s.text) for s in split_message(text)]


def test_not_knowing_what_to_say_is_asked_whole_after_the_story() -> None:
    # Cut before "on doit", "ce qu'" was left to the story and the question began in the middle of its clause.
    assert parts("demain on a le copil et on nous a choisies pour y aller on sait pas ce qu'on doit dire") == [
        (Role.CONTEXT, "demain on a le copil et on nous a choisies pour y aller"),
        (Role.QUESTION, "on sait pas ce qu'on doit dire")]


def test_not_knowing_with_on_asks_as_with_je() -> None:
    assert role_of("on ne sait plus quoi faire avec ce bailleur") == Role.QUESTION


def test_never_understanding_after_an_either_or_is_how_the_member_feels() -> None:
    assert parts("la GUSP c'est la mairie ou pas je comprends jamais") == [
        (Role.QUESTION, "la GUSP c'est la mairie ou pas"), (Role.INTRO, "je comprends jamais")]


def test_a_tag_with_its_ca_asks_whether_what_was_said_is_true() -> None:
    assert role_of("ils disent qu'on doit devenir une association c'est vrai ça") == Role.QUESTION
    assert role_of("la mairie garde nos comptes rendus c normal ça") == Role.QUESTION


def test_a_cleft_question_after_the_story_is_cut_from_it() -> None:
    assert parts("on a plus un sou pour nos affiches, c'est qui qui paie le fonctionnement") == [
        (Role.CONTEXT, "on a plus un sou pour nos affiches"), (Role.QUESTION, "c'est qui qui paie le fonctionnement")]


def test_who_it_is_asked_after_two_people_is_asked_of_them() -> None:
    assert len(split_message("le médiateur et la cheffe de projet c'est qui chacun")) == 1
