"""Short words: "je dis", "il dit", "j'ai lu" are the verbs "dire" and "lire", as "vous dites" and "lisez" are; "le lit",
"la vis", "le bus" stay what they are. And "je dis quoi au copil ?" asks what to say there, not what a copil is."""

from __future__ import annotations

import pytest

from bot.answering.decision import Kind
from bot.answering.normalize import Normalizer, stem
from bot.app import App
from bot.core.replies import Sender


@pytest.mark.parametrize(("short", "longer"), [
    ("dis", "dites"), ("dit", "dire"),  # "je dis", "il dit"
    ("lu", "lire"),  # "j'ai lu le compte rendu"
    ("mit", "mettre"),
    ("bu", "boire"),
])
def test_a_verbs_short_forms_meet_its_longer_forms(short: str, longer: str) -> None:
    assert stem(short) == stem(longer)


@pytest.mark.parametrize("word", [
    "lit", "vis", "lis", "bus", "fin",  # a bed, a screw, a lily, the bus, the end: words of their own
    "va", "vas",  # "il va faire", "on va perdre": the near future says nothing of what is asked
])
def test_short_words_of_their_own_are_kept_as_typed(word: str) -> None:
    assert stem(word) == word


def test_what_i_say_and_what_you_say_are_read_alike() -> None:
    normalizer = Normalizer({}, [])
    assert normalizer.analyze("tout ce que je dis ici").tokens == normalizer.analyze("tout ce que vous dites ici").tokens


def ask(app: App, user: str, text: str) -> tuple[Kind, list[str]]:
    decision = app.faq.decide(Sender(channel="cli", user_id=user, chat_id=user), text)
    shown = [decision.entry.id] if decision.entry is not None else [c.entry.id for c in decision.candidates]
    return decision.kind, shown


@pytest.mark.parametrize("text", [
    "je dis quoi au copil",
    "je suis désignée pour parler au copil de mardi, je dis quoi ?",
    "nous disons quoi au copil ?",
])
def test_asking_what_to_say_at_the_steering_committee_is_not_asking_what_it_is(shipped_app: App, text: str) -> None:
    kind, shown = ask(shipped_app, "nadia", text)
    assert kind in (Kind.ANSWER, Kind.SUGGEST)
    assert "cdv-copil-quoi-dire" in shown and "cdv-copil-definition" not in shown[:1]


@pytest.mark.parametrize("text", [
    # A date names the meeting; what is asked is what to say or do there, which an entry answers.
    "la semaine prochaine je parle au comité de pilotage pour le conseil, je dis quoi devant les élus ?",
    "au copil de la semaine prochaine, on fait quoi nous ?",
])
def test_what_to_say_or_do_at_next_weeks_meeting_is_no_request_for_the_agenda(shipped_app: App, text: str) -> None:
    kind, shown = ask(shipped_app, "odile", text)
    assert kind in (Kind.ANSWER, Kind.SUGGEST)  # the entry, sure or first among choices: never the agenda
    assert shown[0].startswith("cdv-copil-")


@pytest.mark.parametrize(("as_verb", "plain"), [
    ("on mets quoi dans la charte", "on met quoi dans la charte"),  # "mets", a dish, typed for "met"
    ("tu lis le compte rendu", "tu liras le compte rendu"),  # not a lily
    ("je vis dans le quartier depuis dix ans", "je vivais dans le quartier depuis dix ans"),  # not a screw
    ("elle lit le compte rendu", "elle lira le compte rendu"),  # not a bed
])
def test_after_a_subject_pronoun_a_word_is_the_verb(as_verb: str, plain: str) -> None:
    normalizer = Normalizer({}, [])
    assert normalizer.analyze(as_verb).tokens == normalizer.analyze(plain).tokens


@pytest.mark.parametrize(("noun", "word"), [
    ("un lit au foyer", "lit"), ("les vis du panneau", "vis"), ("des mets du monde", "mets"),
])
def test_without_a_subject_pronoun_the_noun_stays(noun: str, word: str) -> None:
    assert word in Normalizer({}, []).analyze(noun).tokens


@pytest.mark.parametrize(("typed", "meant"), [
    ("c grav", "grave"), ("je peux pas rest", "reste"), ("qui anim la reunion", "anime"),
])
def test_a_word_typed_without_its_mute_last_e_is_the_word(typed: str, meant: str) -> None:
    normalizer = Normalizer({}, ["grave", "reste", "anime", "reunion"])
    assert meant in normalizer.analyze(typed).words


def test_a_word_the_base_knows_keeps_its_spelling_without_a_mute_e() -> None:
    # "caf" (the CAF) and "refus" are no "café" or "refuse" with their "e" left out.
    normalizer = Normalizer({}, ["refus", "refuse", "caf", "cafe"])
    assert normalizer.analyze("un refus de la caf").words == ("un", "refus", "de", "la", "caf")


@pytest.mark.parametrize("reported", [
    "le bailleur dit que les travaux commencent en mars",
    "on m'a dit qu'il fallait une association pour avoir une subvention",
    "mes voisins disent que le conseil va disparaître",
])
def test_reported_speech_is_about_what_is_said_not_about_saying(reported: str) -> None:
    normalizer = Normalizer({}, [])
    assert stem("dire") not in normalizer.analyze(reported).tokens
    assert stem("dire") in normalizer.analyze("que dire au comité de pilotage").tokens


@pytest.mark.parametrize(("form", "word"), [("disent", "dire"), ("disons", "dire"), ("lisent", "lire"),
                                            ("elus", "elu"), ("jeux", "jeu")])
def test_forms_of_a_short_word_meet_it(form: str, word: str) -> None:
    assert stem(form) == stem(word)
