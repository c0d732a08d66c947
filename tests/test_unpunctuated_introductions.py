"""Members who say who they are before they ask, the way they type it: without commas, in SMS. The introduction
says who asks and weighs nothing; the question after it is read alone. The messages were written for these tests,
never taken from an evaluation set.
"""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.segment import Role, split_message


def _roles(text: str) -> list[tuple[Role, str]]:
    return [(s.role, s.text) for s in split_message(text) if s.text]


def _introduced(text: str) -> list[str]:
    return [said for role, said in _roles(text) if role == Role.INTRO]


def test_an_introduction_typed_without_commas_is_cut_where_each_part_starts() -> None:
    text = "slt moi c Noah jai 17 ans jhabite a Ranzay depuis toujours mes cousins veulent venir au conseil avec moi"
    assert _introduced(text) == ["moi c Noah", "jai 17 ans", "jhabite a Ranzay depuis toujours"]
    assert _roles(text)[-1][1] == "mes cousins veulent venir au conseil avec moi"


def test_how_long_ends_an_introduction() -> None:
    parts = _roles("bjr c Malika jhabite la Croix Bonneau jsuis au conseil depuis 3 ans et jveux partir jfais comment")
    assert (Role.INTRO, "jsuis au conseil depuis 3 ans") in parts
    assert parts[-1] == (Role.QUESTION, "jveux partir jfais comment")


def test_a_new_subject_after_an_introduction_starts_what_is_told_or_asked() -> None:
    parts = _roles("bonjour je suis Odile je suis au conseil de la Boissière on voudrait savoir qui paie les affiches")
    assert [role for role, _ in parts] == [Role.INTRO, Role.INTRO, Role.QUESTION]
    assert parts[-1][1] == "on voudrait savoir qui paie les affiches"


def test_being_obliged_is_no_introduction() -> None:
    assert _introduced("je suis obligée de venir à chaque réunion du conseil on est le soir") == []


def test_depuis_peu_is_no_verb() -> None:
    parts = _roles("salut c Anis jhabite Chantenay jsuis au conseil depuis peu on a le droit a un local ou pas")
    assert (Role.INTRO, "jsuis au conseil depuis peu") in parts
    assert parts[-1][1] == "on a le droit a un local ou pas"


def test_the_question_after_an_unpunctuated_introduction_is_answered(answerer: Answerer) -> None:
    decision = answerer.decide("bjr moi c Jordan jhabite la cite des Olivettes jai 24 ans jsui au chomage est ce que"
                               " c payant detre membre du conseil citoyen")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-cout-membre"


def test_where_the_member_is_and_since_when_after_a_name_say_who_asks() -> None:
    parts = _roles("Bonjour, je suis Idriss, médiateur à Chantenay depuis 2019. Qui paie les affiches du conseil ?")
    assert (Role.INTRO, "médiateur à Chantenay depuis 2019") in parts
    parts = _roles("Bonjour, je suis Mme Gomis, au conseil citoyen de la Boissière. Qui paie les affiches du conseil ?")
    assert (Role.INTRO, "au conseil citoyen de la Boissière") in parts
    # Told with a subject, the same words are the story.
    parts = _roles("Bonjour, je suis Mme Gomis, on est au conseil citoyen de la Boissière. Qui paie les affiches ?")
    assert (Role.INTRO, "on est au conseil citoyen de la Boissière") not in parts


def test_a_wish_or_a_question_word_ends_an_unpunctuated_introduction() -> None:
    parts = _roles("slt jsuis Yanis jhabite Chantenay jsuis en apprentissage a la mairie jvoudrai savoir c koi un QPV")
    assert (Role.INTRO, "jsuis en apprentissage a la mairie") in parts
    assert parts[-1] == (Role.QUESTION, "jvoudrai savoir c koi un QPV")


def test_any_trade_said_after_je_suis_says_who_asks_but_an_age_is_asked_about() -> None:
    parts = _roles("Bonjour, je m'appelle Lucien, je suis charpentier et j'habite à Chantenay. Qui paie les affiches ?")
    assert (Role.INTRO, "je suis charpentier") in parts
    assert (Role.INTRO, "je suis fleuriste") in _roles("je suis fleuriste, qui paie les affiches ?")
    assert Role.INTRO not in [role for role, _ in _roles("je suis mineure, je peux entrer au conseil ?")]


@pytest.mark.parametrize(("text", "name"), [
    ("Bonsoir, c'est Mme Tessier du bâtiment F à Chantenay. Qui paie les affiches du conseil ?",
     "c'est Mme Tessier du bâtiment F à Chantenay"),
    ("Bonjour, c'est Mr Lucas, 50 ans. Qui paie les affiches du conseil ?", "c'est Mr Lucas"),
    ("bonjour cest Mme Gomis jhabite Chantenay depuis 12 ans qui paie les affiches du conseil", "cest Mme Gomis"),
    ("bonjour je suis mr Sarr jhabite Chantenay depuis longtemps qui paie les affiches du conseil", "je suis mr Sarr"),
])
def test_a_name_said_with_cest_or_a_title_says_who_asks(text: str, name: str) -> None:
    assert (Role.INTRO, name) in _roles(text)


def test_hello_to_the_whole_team_is_a_greeting() -> None:
    assert _roles("Bonjour à toute l'équipe, qui paie les affiches du conseil ?") == [
        (Role.QUESTION, "qui paie les affiches du conseil ?")]


def test_who_the_member_lives_with_and_when_she_came_go_on_introducing() -> None:
    parts = _roles("je m'appelle Awa j'habite à Chantenay depuis 9 ans avec mes deux filles on voudrait un local")
    assert (Role.INTRO, "j'habite à Chantenay depuis 9 ans avec mes deux filles") in parts
    parts = _roles("je suis Piotr je suis arrivé de Pologne il y a six ans et j'habite Chantenay qui paie les affiches")
    assert (Role.INTRO, "je suis arrivé de Pologne il y a six ans") in parts
    parts = _roles("je suis Sarah j'habite Chantenay depuis septembre je ne sais pas quoi dire au copil")
    assert (Role.INTRO, "j'habite Chantenay depuis septembre") in parts


def test_what_happens_to_the_member_after_et_is_the_story_not_who_she_is() -> None:
    parts = _roles("Je travaille à l'hôpital de nuit et mon chef refuse que je parte aux réunions. J'ai le droit ?")
    assert (Role.INTRO, "Je travaille à l'hôpital de nuit") in parts
    assert (Role.CONTEXT, "mon chef refuse que je parte aux réunions.") in parts
