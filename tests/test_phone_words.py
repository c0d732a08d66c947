"""Members write on a phone: SMS abbreviations, no accents, no apostrophes, words spelt as heard, the homophones a
phone's dictation writes, doubled, missing or neighbouring letters. The hotline reads each of the domain's words and
phrases so typed (bench/phone_writing.py) as it reads the plain French they mean."""

from __future__ import annotations

import pytest

from bench.phone_writing import PHONE_QUESTIONS, PHONE_WORDS
from bot.answering.answerer import Answerer, build_normalizer
from bot.answering.cleanup import clean
from bot.answering.decision import Decision
from bot.answering.normalize import Normalizer, sound_key, words
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE


@pytest.fixture(scope="module")
def shipped_normalizer() -> Normalizer:
    return build_normalizer(load_knowledge(SHIPPED_KNOWLEDGE))


@pytest.mark.parametrize(("typed", "meant"), PHONE_WORDS)
def test_a_phrase_typed_on_a_phone_is_read_as_the_french_it_means(shipped_normalizer: Normalizer, typed: str,
                                                                   meant: str) -> None:
    assert shipped_normalizer.analyze(clean(typed)).tokens == shipped_normalizer.analyze(clean(meant)).tokens


def _first(decision: Decision) -> str | None:
    if decision.entry is not None:
        return decision.entry.id
    return decision.candidates[0].entry.id if decision.candidates else None


@pytest.mark.parametrize(("typed", "meant"), PHONE_QUESTIONS)
def test_a_question_typed_on_a_phone_reaches_the_entry_its_plain_french_reaches(answerer: Answerer, typed: str,
                                                                                meant: str) -> None:
    plain = _first(answerer.decide(meant))
    assert plain is not None
    assert plain in [c.entry.id for c in answerer.decide(typed).candidates[:3]]


def test_of_two_spellings_one_typo_away_the_one_that_sounds_like_the_word_is_meant() -> None:
    # "demision" is one letter from "décision" and from "démission"; it sounds like the second.
    assert Normalizer({}, {"decision", "demission"}).correct("demision") == "demission"
    assert Normalizer({}, {"copie", "copil"}).correct("copile") == "copil"


@pytest.mark.parametrize(("typed", "known"), [
    ("sitoyen", "citoyen"),  # a soft "c" sounds "s"
    ("bayeur", "bailleur"),  # "ill" after a vowel sounds "y"
    ("abitants", "habitants"),  # a mute "h"
    ("tiraj", "tirage"),  # a soft "g" sounds "j"
    ("mendat", "mandat"),  # "en" and "an" before a consonant
])
def test_a_word_spelt_as_heard_sounds_like_the_word_meant(typed: str, known: str) -> None:
    assert sound_key(typed) == sound_key(known)


def test_a_term_with_one_word_a_letter_off_is_still_the_term() -> None:
    normalizer = Normalizer({"contrat_de_ville": [], "tirage_au_sort": ["tirage au hasard"]},
                            {"contrat", "ville", "tirage", "sort", "hasard"})
    assert normalizer.analyze("le contrat de vile").tokens == ("contrat_de_ville",)
    assert normalizer.analyze("le tirage au sprt").tokens == ("tirage_au_sort",)
    # The other words of the term must all be there; a word far from the term's stays as typed.
    assert normalizer.analyze("la vile").tokens != ("contrat_de_ville",)
    assert "tirage_au_sort" not in normalizer.analyze("le tirage au loto").tokens


def test_an_acronym_typed_with_two_letters_swapped_is_the_acronym() -> None:
    normalizer = Normalizer({}, {"qpv", "fph", "gusp", "ars"})
    assert [normalizer.read(w) for w in ("qvp", "fhp", "gsup")] == [("qpv",), ("fph",), ("gusp",)]
    assert normalizer.read("ras") == ("ras",)  # three letters with a vowel: "ras le bol" is no ARS


def test_a_word_whose_silent_last_letter_was_left_out_is_the_word_of_the_base() -> None:
    normalizer = Normalizer({}, {"mandat", "contrat", "droit", "point", "mais", "court", "internet"})
    assert normalizer.read("manda") == ("mandat",)
    assert normalizer.read("droi") == ("droit",)
    assert normalizer.read("poin") == ("point",)
    assert normalizer.read("mai") == ("mai",)  # never into a stopword, nor in short words
    assert normalizer.read("cour") == ("cour",)  # a French word: the courtyard, not "court"
    assert normalizer.read("interne") == ("interne",)


def test_a_short_word_whose_double_consonant_was_typed_once_is_the_word_of_the_base() -> None:
    normalizer = Normalizer({}, {"aller", "appel", "annee", "terre", "tete"})
    assert [normalizer.read(w) for w in ("aler", "apel", "anee")] == [("aller",), ("appel",), ("annee",)]
    assert normalizer.read("tete") == ("tete",)


def test_a_typo_of_an_sms_spelling_is_read_as_that_spelling() -> None:
    # "inscription" is read "inscrire": "incription", one letter away, too.
    normalizer = Normalizer({}, {"inscrire"})
    assert normalizer.read("incription") == ("inscrire",)
    assert normalizer.read("linscripsion") == ("l", "inscrire")


def test_a_misspelt_word_that_looks_like_an_elision_is_the_word_it_sounds_like() -> None:
    # "dosier" could be "d'osier", typed without its apostrophe; it sounds like "dossier", one letter away.
    normalizer = Normalizer({}, {"dossier", "centre", "entre"})
    assert normalizer.analyze("le dosier").words == ("le", "dossier")
    assert normalizer.analyze("le sentre social").words == ("le", "centre", "social")
    assert normalizer.analyze("un panier d'osier").words == ("un", "panier", "d", "osier")  # the apostrophe typed


def test_a_word_the_base_writes_without_its_apostrophe_is_split_but_not_a_month() -> None:
    normalizer = Normalizer({}, {"linterconseil", "interconseil", "mars", "ars"})
    assert normalizer.read("linterconseil") == ("l", "interconseil")
    assert normalizer.read("mars") == ("mars",)


@pytest.mark.parametrize(("said", "meant"), [
    ("je veux parlé a kelkun", "je veux parler a kelkun"),  # an infinitive after a modal verb, heard "-é"
    ("je peux vous parlé", "je peux vous parler"),
    ("je vais a la pref", "je vais a la préfecture"),
    ("le pref a dit non", "le préfet a dit non"),
    ("le cr de la reu", "le compte rendu de la reu"),
    ("la semaine pro", "la semaine prochaine"),
    ("qu est ce qu ils fond", "qu est ce qu ils font"),
    ("c'est qui rés au ville", "c'est qui RésO Villes"),
    ("bon ben temps pis", "bon ben tant pis"),
    ("je peux comme même venir", "je peux quand même venir"),
    ("en faite je sais pas", "en fait je sais pas"),
    ("par ce que jai pas le temps", "parce que jai pas le temps"),
    ("je suis entrain de remplir", "je suis en train de remplir"),
    ("on se voit ver 18h", "on se voit vers 18h"),
])
def test_dictated_and_shortened_words_are_read_as_meant(said: str, meant: str) -> None:
    assert clean(said) == meant


@pytest.mark.parametrize("text", ["je veux le café", "je veux été élue", "il a été élu", "la préfecture",
                                  "un pro du bâtiment", "le CRPV", "ils fondent une association",
                                  "le temps passe", "une demande faite en ligne", "un ver de terre"])
def test_right_spellings_are_left_as_they_are(text: str) -> None:
    assert clean(text) == text


def test_a_first_name_typed_after_an_sms_greeting_is_still_no_typo(shipped_normalizer: Normalizer) -> None:
    assert "francoise" in shipped_normalizer.analyze("bjr moi c est francoise jpeux entrer ds le conseil").words


@pytest.mark.parametrize(("typed", "meant"), [
    ("koman on fé", "comment on fait"),
    ("ojourdui", "aujourd hui"),
    ("jmen vais", "je m en vais"),
    ("sil vous plait", "s il vous plait"),
    ("une subv", "une subvention"),
])
def test_common_sms_spellings_are_spelled_out(typed: str, meant: str) -> None:
    assert " ".join(words(typed)) == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("ya un conseil dan mon quartier", "il y a un conseil dans mon quartier"),
    ("vous pouvez vnir dmain", "vous pouvez venir demain"),
    ("fodra ke je dmande", "faudra que je demande"),
    ("cke je comprend pa", "ce que je comprend pas"),
    ("bi1 sur", "bien sur"),
])
def test_sounds_typed_as_heard_with_a_silent_letter_dropped_are_spelled_out(typed: str, meant: str) -> None:
    # Yannick types as he speaks, on a small screen: the mute "e" and the silent "s" go first.
    assert " ".join(words(typed)) == meant


def test_a_council_asked_for_in_a_phone_spelling_is_found(answerer: Answerer) -> None:
    decision = answerer.decide("coment savoir si ya un conseil citoyen dan mon quartié")
    shown = [decision.entry] if decision.entry else [c.entry for c in decision.candidates]
    assert "cc-trouver-son-conseil" in [e.id for e in shown]
