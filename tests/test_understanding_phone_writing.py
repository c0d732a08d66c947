"""Members type on a phone or dictate: "jsui tiré o sort", "compliké", "fotocopie", "ses quoi", "pour quoi le bot…".
The hotline reads what they meant before it looks for the answer."""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, detect
from bot.answering.answerer import Answerer
from bot.answering.cleanup import clean
from bot.answering.decision import Kind
from bot.answering.normalize import Normalizer, stem, words
from bot.answering.segment import split_message
from bot.app import App
from tests.support.events import member

AMINATA = member(1002)


@pytest.mark.parametrize(("typed", "meant"), [
    ("c trop compliké", "c trop complique"),  # "k" for "qu"
    ("un jeune en service civik", "un jeune en service civique"),
    ("jcherche le kartier", "je cherche le quartier"),  # "je" glued to its verb
    ("jfé cmt", "je fais comment"),
    ("jle fé pdt les vacances", "je le fait pendant les vacances"),
    ("jsui tiré o sort", "je suis tire au sort"),
    ("on é combien", "on est combien"),
    ("vot reponse", "votre reponse"),
    ("les fotocopies", "les photocopies"),  # "f" for "ph"
    ("une otorisation", "une autorisation"),  # "o" for "au"
    ("jcp si jdoi payer kelkechose", "je ne sais pas si je dois payer quelque chose"),  # "j'capte pas": I don't know
    ("ou jdoi mle noter", "ou je dois me le noter"),
    ("ki vient jamé", "qui vient jamais"),
])
def test_phone_spellings_are_read_as_the_words_meant(typed: str, meant: str) -> None:
    assert " ".join(words(typed)) == meant


@pytest.mark.parametrize("text", ["ok a la semaine", "un kebab le week end", "envoyez un jpeg", "le fph et les fonds",
                                  "on ouvre"])
def test_words_that_merely_hold_a_k_or_start_with_j_are_left_alone(text: str) -> None:
    assert " ".join(words(text)) == text


@pytest.mark.parametrize(("dictated", "meant"), [
    ("ou et le local du conseil", "ou est le local du conseil"),
    ("qu'es ce que le FPH", "qu'est ce que le FPH"),
    ("sait quoi un copil", "c'est quoi un copil"),
    ("Qu'elle est la date du copil", "quelle est la date du copil"),
    ("pour quoi le bot me demande mon nom", "pourquoi le bot me demande mon nom"),
    ("le conte rendu de la réunion", "le compte rendu de la réunion"),
    ("je voudrais joindre réseau ville", "je voudrais joindre RésO Villes"),
    ("sais quoi la G U S P", "c'est quoi la GUSP"),  # an acronym dictated letter by letter
    ("le Q.P.V de Bellevue", "le QPV de Bellevue"),
    ("membre du cc", "membre du conseil citoyen"),  # after a determiner "cc" is the council, not "coucou"
    ("notre cc se réunit quand", "notre conseil citoyen se réunit quand"),
])
def test_dictation_is_read_as_meant(dictated: str, meant: str) -> None:
    assert clean(dictated) == meant


@pytest.mark.parametrize("text", ["cc ca va", "membre du CC",
                                  "on sait quoi faire maintenant", "je sais qu'elle est partie", "pour quoi faire ?",
                                  "Y A T IL UN BUDGET"])
def test_dictation_rules_leave_the_right_spelling_alone(text: str) -> None:
    assert clean(text) == text


def test_singular_and_plural_meet_even_when_the_lemma_is_a_short_verb() -> None:
    # "donnée" lemmatises to "donner" (stem "don", too short to keep): it must still meet "données".
    assert stem("donnee") == stem("donnees")
    assert stem("idee") == stem("idees")


@pytest.mark.parametrize(("text", "entry"), [
    # A member drawn by lot, in a hurry, on the bus.
    ("jsui tiré o sort pr le conseil mé jai pa le tps, jsui obligé ?", "cc-tire-au-sort-refuser"),
    ("on pe avoir un service civik pr nous aidé ds le quartier", "crpv-service-civique"),
    # She types "donnée" without its s.
    ("comment effacer ma donnée", "rgpd-supprimer"),
    ("on dit quoi au copil nous ?", "cdv-copil-quoi-dire"),  # what to say, not what a copil is
])
def test_a_member_writing_on_a_phone_gets_the_answer(answerer: Answerer, text: str, entry: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER
    assert decision.entry is not None and decision.entry.id == entry


def test_not_knowing_what_a_term_is_asks_for_it(answerer: Answerer) -> None:
    decision = answerer.decide("au conseil on parle du CLS mais moi je sais pas ce que c'est")
    assert decision.kind in (Kind.ANSWER, Kind.GLOSSARY)
    assert (decision.entry is not None and decision.entry.id == "theme-asv-cls") or (
        decision.term is not None and decision.term.term == "CLS")


def test_i_dont_get_your_answer_in_sms_asks_for_a_simpler_one() -> None:
    assert Act.SIMPLER in detect("jcomprend pa vot reponse c trop compliké")


def test_people_feeling_ashamed_is_no_complaint_about_the_hotline() -> None:
    assert Act.FRUSTRATION not in detect("les gens n'osent pas demander les aides, ils ont honte")
    assert Act.FRUSTRATION in detect("c'est une honte ce service")


@pytest.mark.parametrize("question", [
    "ça veut dire quoi date à confirmer sur le webinaire",  # a label, not a date asked for
    "j'ai reçu les documents du copil de la semaine prochaine, je n'y comprends rien",
    # "quand" inside the sentence, before its subject: whenever, not when.
    "est-ce qu'on peut être remboursé de l'essence quand on va aux réunions à la métropole",
    "qui garde les enfants quand on est en réunion le soir ?",
    # A full event: the FAQ on full events, not the dates.
    "ya plus de place pour la formation du mois prochain, je peux être sur une liste d'attente",
    # What the hotline does around an event: a reminder, a replay.
    "est-ce que je vais recevoir un rappel pour le prochain webinaire ?",
    "le webinaire de la semaine prochaine, on pourra le revoir après ?",
])
def test_a_question_that_merely_mentions_a_meeting_is_not_sent_to_the_agenda(shipped_app: App, question: str) -> None:
    assert shipped_app.faq.decide(AMINATA, question).kind != Kind.AGENDA


@pytest.mark.parametrize("question", ["quand on a le prochain webinaire ?", "c'est quand qu'on a la prochaine réunion"])
def test_quand_opening_the_question_still_asks_for_dates(shipped_app: App, question: str) -> None:
    assert shipped_app.faq.decide(AMINATA, question).kind == Kind.AGENDA


@pytest.mark.parametrize(("text", "question"), [
    ("je suis algérien et je vis ici est-ce que je peux quand même entrer au conseil",
     "est-ce que je peux quand même entrer au conseil"),
    ("le président fait tout seul c'est lui qui décide des dates", "le président fait tout seul c'est lui qui décide des dates"),
])
def test_quand_meme_and_a_relative_qui_open_no_question_of_their_own(text: str, question: str) -> None:
    assert split_message(text)[-1].text == question


def test_laughter_typed_in_passing_leaves_the_question_as_it_is(answerer: Answerer) -> None:
    assert words("c quoi le fph mdr") == words("c quoi le fph")
    decision = answerer.decide("c quoi le fph mdr")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "moyens-fph-definition"


def test_a_word_spelt_as_heard_is_read_as_the_knowledge_base_word_that_sounds_the_same(answerer: Answerer) -> None:
    # Moussa types "nouvo" for "nouveau": too far from it for a typo, but it sounds the same.
    assert answerer.normalizer.correct("nouvo") == "nouveau"
    decision = answerer.decide("jsui nouvo o conseil citoyen jdoi fr koi")
    assert decision.candidates and decision.candidates[0].entry.id == "cc-nouveau-membre"


def test_a_word_that_sounds_like_two_different_words_of_the_base_is_left_as_typed() -> None:
    assert Normalizer({}, {"bateau"}).correct("battaux") == "bateau"
    assert Normalizer({}, {"bateau", "batos"}).correct("battaux") == "battaux"  # which one was meant is unknown


@pytest.mark.parametrize(("text", "entry"), [
    # Kevin types on the tram: "kitter" for "quitter", "cmt jfai" for "comment je fais".
    ("cmt jfai pr kitter le conseil citoyen", "cc-demissionner"),
    # Inès cannot come on Saturday any more: "jpeu m desinscrir de l evenemen".
    ("jpeu m desinscrir de l evenemen", "event-annuler"),
    ("jsui nouvel ds le conseil jdoi fair koi", "cc-nouveau-membre"),
])
def test_the_second_opinion_reads_phone_spellings_as_the_matcher_does_and_the_answer_comes_at_once(
        answerer: Answerer, text: str, entry: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER
    assert decision.entry is not None and decision.entry.id == entry


def test_the_second_opinion_keeps_the_words_it_knows_as_typed(answerer: Answerer) -> None:
    # "inscription" is a word of the base: BM25 reads it, not the matcher's "inscrire".
    assert answerer._as_read("kan jannule mon inscription") == "quand j annule mon inscription"
    assert answerer._as_read("la réunion") == "la réunion"  # accents as typed


@pytest.mark.parametrize(("typed", "meant"), [
    ("mrc bcp bonne journé", "merci beaucoup bonne journee"),  # the "-ée" of a noun typed "-é"
    ("une bonne soiré", "une bonne soiree"),
    ("jpeu pa venir a l evenemen", "je peux pas venir a l evenement"),  # "-ment" heard "-men"
    ("tu pe le dire + simplement", "tu peut le dire plus simplement"),  # "+" for "plus"
    ("ca prend + de temps", "ca prendre plus de temps"),
])
def test_dropped_endings_and_a_plus_sign_are_read_as_meant(typed: str, meant: str) -> None:
    assert " ".join(words(typed)) == meant


@pytest.mark.parametrize(("typed", "meant"), [
    ("jannule", "j annule"),  # a French word: no ending added
    ("il sen va", "il sen va"),  # a short word: "s'en", never "sent"
    ("je suis Anne", "je suis anne"),  # a short word: a first name as often as "année"
    ("on parle du REP+ au conseil", "on parle du rep au conseil"),  # glued to a word
    ("appelez le +33 2 40", "appelez le 33 2 40"),  # before a number
])
def test_french_words_and_a_plus_glued_to_a_word_or_a_number_are_left_as_typed(typed: str, meant: str) -> None:
    assert " ".join(words(typed)) == meant


def test_thanks_and_asking_for_simpler_typed_on_a_phone_are_understood() -> None:
    assert Act.THANKS in detect("mrc bcp bonne journé")
    assert Act.SIMPLER in detect("g rien compri tu pe le dire + simplement")


def test_a_first_name_is_no_typo_of_a_french_word(answerer: Answerer) -> None:
    # Françoise introduces herself: her name is one letter from "française", and the hotline answered her about
    # the nationality members need.
    text = "Bonjour, je m'appelle Françoise, je peux entrer au conseil citoyen ?"
    assert "francoise" in answerer.analyze(text).words
    decision = answerer.decide(text)
    assert not (decision.entry is not None and decision.entry.id == "cc-nationalite")
    assert "francoise" in answerer.analyze("bjr moi c est francoise je peux entrer au conseil citoyen").words
    assert "agnes" in answerer.analyze("Bonjour c'est Agnès, on peut venir aux réunions ?").words  # not "âgées"


def test_a_term_of_the_base_typed_with_a_capital_is_still_corrected(answerer: Answerer) -> None:
    assert "copil" in answerer.analyze("ya un Copill jeudi c koi").words
