"""Members write long, worried, multi-part messages: the hotline finds the question inside."""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, detect
from bot.answering.answerer import Answerer
from bot.answering.cleanup import _plain_char, _PlainChars, clean
from bot.answering.decision import Kind
from bot.answering.segment import Role, split_message


@pytest.mark.parametrize(("typed", "plain"), [
    ("k\u200coi un qpv", "koi un qpv"),  # zero-width non-joiner inside a word
    ("c\u2019est quoi\u200b le\u2060 FPH", "c’est quoi le FPH"),
    ("<p>c'est <b>quoi</b> un QPV</p>", "c'est quoi un QPV"),
    ("**Bonjour** c quoi le [FPH](https://example.org)", "Bonjour c quoi le FPH"),
    ("merciiiii 🙏🙏", "merci"),
    ("c'est quoi un QPV ???", "c'est quoi un QPV ?"),
    ("&lt;3 les conseils citoyens &amp; vous", "3 les conseils citoyens & vous"),
])
def test_pasted_or_decorated_text_is_made_plain(typed: str, plain: str) -> None:
    assert clean(typed) == plain


@pytest.mark.parametrize(("dictated", "meant"), [
    ("ses quoi la GUSP", "c'est quoi la GUSP"),
    ("quand ces complet l'événement on fait comment", "quand c'est complet l'événement on fait comment"),
    ("es que le conseil peu alerter le préfet", "est-ce que le conseil peut alerter le préfet"),
    ("qui et le chef de projet", "qui est le chef de projet"),
    ("se que font les autres conseils", "ce que font les autres conseils"),
])
def test_dictation_homophones_are_read_as_meant(dictated: str, meant: str) -> None:
    assert clean(dictated) == meant


@pytest.mark.parametrize("text", ["ces documents sont longs", "et que faire pour elle", "tu es que membre ?",
                                  "on sait quand ça commence", "je sais pas"])
def test_homophones_are_left_alone_where_they_are_right(text: str) -> None:
    assert clean(text) == text


def test_asking_how_long_questions_are_kept_is_no_request_for_their_status() -> None:
    assert Act.STATUS not in detect("mes questions vous les gardez combien de temps")
    assert Act.STATUS in detect("et mes questions ?")


def test_being_told_to_ask_my_questions_here_is_no_request_for_their_status(answerer: Answerer) -> None:
    # Josiane's granddaughter told her to ask the bot; she has not asked anything yet.
    text = "Ma petite-fille m'a dit de poser mes questions ici, mais qu'est-ce que je peux demander au juste ?"
    assert Act.STATUS not in detect(text)
    assert answerer.decide(text).kind != Kind.ACT
    assert Act.STATUS in detect("j'ai envoyé mes questions lundi, toujours rien")


def test_still_nothing_about_my_question_asks_for_its_status() -> None:
    # Malik forwarded a question on Monday and nothing came back.
    assert Act.STATUS in detect("toujours rien depuis mardi concernant ma demande")
    assert Act.STATUS not in detect("toujours rien de prévu pour mon quartier, on fait quoi ?")


def test_french_double_letters_are_kept() -> None:
    assert clean("la commission se réunit en hiver, c'est bizarre") == "la commission se réunit en hiver, c'est bizarre"


def test_the_plain_characters_table_makes_every_character_what_it_made_one_at_a_time() -> None:
    text = "".join(chr(code) for code in range(0x30000) if not 0xD800 <= code < 0xE000)  # surrogates: no text
    assert text.translate(_PlainChars()) == "".join(_plain_char(ch) for ch in text)


def test_a_story_is_cut_into_greeting_introduction_context_and_question() -> None:
    parts = split_message("Bonjour, je suis Fatou, j'habite aux Dervallières depuis 20 ans. On a un copil dans "
                          "2 semaines et personne sait quoi dire, comment on se prépare ? Merci d'avance")
    roles = [p.role for p in parts]
    assert roles[0] == Role.GREETING
    assert [p.text for p in parts if p.role == Role.INTRO] == ["je suis Fatou", "j'habite aux Dervallières depuis 20 ans"]
    assert [p.text for p in parts if p.role == Role.QUESTION] == ["comment on se prépare ?"]
    assert Role.CLOSING in roles


def test_what_follows_a_name_goes_on_introducing_the_member() -> None:
    parts = split_message("Bonsoir, je suis Odile, 58 ans, retraitée, locataire aux Olivettes. Comment on vote au conseil ?")
    assert [p.text for p in parts if p.role == Role.INTRO] == ["je suis Odile", "58 ans", "retraitée",
                                                               "locataire aux Olivettes"]
    assert [p.role for p in parts if p.text] == [Role.INTRO] * 4 + [Role.QUESTION]


def test_the_same_words_without_an_introduction_before_them_are_the_story() -> None:
    parts = split_message("Le bailleur, locataire ou pas, il s'en fiche. On fait quoi ?")
    assert [p.role for p in parts] == [Role.CONTEXT, Role.QUESTION]


def test_a_message_without_punctuation_is_cut_before_each_question() -> None:
    parts = split_message("bonjour madame je voudrais savoir combien de temps dure le mandat "
                          "et est-ce qu'on peut démissionner merci")
    assert [p.text for p in parts if p.role == Role.QUESTION] == [
        "je voudrais savoir combien de temps dure le mandat", "est-ce qu'on peut démissionner"]


def test_a_short_question_after_a_richer_story_is_read_with_the_story(answerer: Answerer) -> None:
    # "On doit accepter ?" alone is the entry on refusing the draw; here the story says what is to be accepted.
    decision = answerer.decide("La mairie nous a proposé de signer une convention pour avoir une salle tous les mois. "
                               "On doit accepter ? Et ça nous engage à quoi ?")
    assert decision.kind == Kind.MULTI
    assert not any(p.kind == Kind.ANSWER and p.entry is not None and p.entry.id == "cc-tire-au-sort-refuser"
                   for p in decision.parts)


@pytest.mark.parametrize(("text", "act"), [
    ("merci beaucoup vous etes gentil", Act.THANKS),
    ("merciiii 🙏", Act.THANKS),
    ("👍", Act.THANKS),
    ("ok", Act.OK),
    ("d'accord", Act.OK),
    ("au revoir", Act.BYE),
    ("a+", Act.BYE),
    ("c nul votre truc", Act.FRUSTRATION),
    ("vous servez à rien", Act.FRUSTRATION),
    ("je veux parler a un humain pas a un robot", Act.HUMAN),
    ("je voudrais parler à quelqu'un de l'équipe", Act.HUMAN),
    ("une vraie personne svp", Act.HUMAN),
    ("je comprends pas", Act.SIMPLER),
    ("plus simple svp", Act.SIMPLER),
    ("c'est-à-dire ?", Act.SIMPLER),
    ("où en est ma question ?", Act.STATUS),
    ("vous m'avez pas répondu", Act.STATUS),
    ("et pour les jeunes ?", Act.FOLLOW_UP),
    ("et ça coûte combien ?", Act.FOLLOW_UP),
    ("c'est où ?", Act.FOLLOW_UP),
    ("merci pour toutes ces précisions", Act.THANKS),
    ("ok je note, merci", Act.THANKS),
    ("entendu, je vais en parler au conseil", Act.OK),
    ("bonne fin de soirée", Act.BYE),
    ("bande de guignols", Act.FRUSTRATION),
    ("ça m'avance à rien votre réponse", Act.FRUSTRATION),
    ("vous êtes un chatbot ?", Act.HUMAN),
    ("mettez moi en relation avec l'équipe", Act.HUMAN),
    ("vous avez bien reçu ma demande ?", Act.STATUS),
    ("des nouvelles de mon message ?", Act.STATUS),
    ("vous pouvez simplifier ?", Act.SIMPLER),
    ("g rien pigé", Act.SIMPLER),
    ("ah ok c'est beaucoup plus clair", Act.OK),
    ("plutôt décevant", Act.FRUSTRATION),
    ("pouvez-vous me faire rappeler par une personne ?", Act.HUMAN),
    ("je n'ai toujours pas eu de retour", Act.STATUS),
    ("vous pouvez faire plus court ?", Act.SIMPLER),
    ("alors ma question de lundi, c'est bon ?", Act.STATUS),  # a question named by when it was asked
    ("vous avez une réponse pour ma demande ?", Act.STATUS),
])
def test_dialogue_acts_are_recognised(text: str, act: Act) -> None:
    assert act in detect(text)


@pytest.mark.parametrize("text", [
    "c'est quoi un QPV", "comment devenir conseiller citoyen", "je comprends pas le rôle du délégué du préfet",
    "qui peut venir à l'interconseil ?", "merci de me dire qui anime les réunions",
    "ok mais c'est quand le prochain interconseil", "je voudrais parler à un conseiller citoyen de mon quartier",
    "vous allez me rappeler la date du copil ?", "je n'ai pas eu de réponse de la mairie pour la salle",
])
def test_an_ordinary_question_performs_no_act(text: str) -> None:
    assert detect(text) == ()


def test_the_right_entry_hidden_by_the_story_is_answered(answerer: Answerer) -> None:
    text = ("bjr on a un copil dans 2 semaines et personne sait quoi dire, c'est la première fois qu'on y va, "
            "comment on se prépare ?")
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER
    assert decision.entry is not None and decision.entry.id == "cdv-copil-preparer"


def test_invisible_characters_no_longer_defeat_the_matcher(answerer: Answerer) -> None:
    decision = answerer.decide("c'est k\u200coi un conseil\u200b citoyen")
    assert decision.entry is not None and decision.entry.id == "cc-definition"


@pytest.mark.parametrize("text", [
    "ma CAF a coupé mes APL, qui je dois appeler ?",
    "mon voisin fait du bruit toute la nuit, je peux faire quoi",
    "la cantine de mon fils est trop chère, comment payer moins ?",
    "j'attends un appartement plus grand depuis trois ans, vous pouvez m'aider ?",
    "la CAF m'a retiré mes allocations, je fais quoi",
])
def test_a_daily_life_request_is_never_answered_with_confidence(answerer: Answerer, text: str) -> None:
    assert answerer.decide(text).kind not in (Kind.ANSWER, Kind.MULTI, Kind.GLOSSARY)


def test_two_questions_in_one_message_are_both_taken(answerer: Answerer) -> None:
    decision = answerer.decide("c koi le FPH et comment on fait un dossier ?")
    assert decision.kind == Kind.MULTI
    assert len(decision.parts) == 2


@pytest.mark.parametrize(("text", "act"), [
    ("je veux parler a un humain pas a un robot", Act.HUMAN),
    ("où en est ma question ?", Act.STATUS),
    ("c nul votre truc", Act.FRUSTRATION),
])
def test_acts_that_are_not_questions_are_not_matched_against_the_faq(answerer: Answerer, text: str,
                                                                     act: Act) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.ACT
    assert decision.act == act


def test_the_parts_used_are_reported(answerer: Answerer) -> None:
    decision = answerer.decide("Bonjour, je suis Fatou. C'est quoi le FPH ? Merci")
    assert "C'est quoi le FPH ?" in decision.segments
    assert not any("Bonjour" in part or "Merci" in part for part in decision.segments)


def test_a_question_at_the_end_of_a_very_long_message_is_found(answerer: Answerer) -> None:
    story = "Hier soir on s'est retrouvés dans la salle du centre social et on a parlé de la fête de l'été. " * 40
    decision = answerer.decide(story + "Au fait, c'est quoi le FPH ?")
    assert len(story) > 3000
    assert decision.segments[-1] == "Au fait, c'est quoi le FPH ?"
    assert decision.kind in (Kind.ANSWER, Kind.GLOSSARY)


@pytest.mark.parametrize(("text", "term"), [
    ("j'ai lu DREETS dans un courrier, ça veut dire quoi", "DREETS"),
    ("CLAS c'est encore un nouveau dispositif ?", "CLAS"),
    ("VVV ?", "VVV"),
    ("PLIE insertion emploi ça veut dire quoi", "PLIE"),
    ("on nous a parlé de l'ANCT hier soir en réunion. c'est quoi ?", "ANCT"),
])
def test_a_term_asked_with_words_about_the_word_itself_gets_the_glossary(answerer: Answerer, text: str,
                                                                         term: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.GLOSSARY and decision.term is not None and decision.term.term == term


@pytest.mark.parametrize(("text", "term"), [
    # The word asked for among other words: right before "ça veut dire quoi", or a word few entries use.
    ("la CTG ça veut dire quoi, c'est pour les crèches ?", "CTG"),
    ("ma voisine m'a parlé d'une réunion sur l'éducation prioritaire à l'école, c'est quoi au juste ?",
     "éducation prioritaire"),
    ("je comprends pas le sigle CTG dans le compte rendu de la réunion", "CTG"),
])
def test_a_term_asked_for_among_other_words_gets_its_definition(answerer: Answerer, text: str, term: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.GLOSSARY and decision.term is not None and decision.term.term == term


@pytest.mark.parametrize("text", [
    "Qu'est-ce que le conseil citoyen peut faire contre le trafic dans le hall ?",
    "est-ce que le conseil citoyen a son mot à dire sur les logements ?",
])
def test_a_question_about_what_a_common_term_does_is_no_definition(answerer: Answerer, text: str) -> None:
    assert answerer.decide(text).kind != Kind.GLOSSARY


@pytest.mark.parametrize(("text", "term"), [
    ("le contrat de ville parle sans arrêt de la DSU, ça veut dire quoi DSU ?", "DSU"),
    ("au copil la mairie a parlé de cotech et de droit commun, je comprends pas ce mot", "droit commun"),
])
def test_of_several_terms_the_one_the_question_points_at_is_defined(answerer: Answerer, text: str, term: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.GLOSSARY and decision.term is not None and decision.term.term == term


@pytest.mark.parametrize(("text", "term"), [
    ("notre bailleur social a reçu de l'argent de l'Anah pour isoler les tours, c'est qui ?", "Anah"),
    ("au centre social ils proposent le CLAS pour mon fils, c'est quoi ?", "CLAS"),
])
def test_beside_a_term_most_entries_use_the_rare_one_is_what_is_asked(answerer: Answerer, text: str, term: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.GLOSSARY and decision.term is not None and decision.term.term == term


@pytest.mark.parametrize(("text", "entry"), [
    ("Bonjour, je m'appelle Marc, animateur du conseil citoyen de Bellevue depuis un an, je voudrais savoir comment "
     "faire venir plus de monde à nos réunions", "fonct-mobiliser-habitants"),
    ("Bonsoir, je suis Nadia, membre du collège acteurs locaux depuis 2021. Quel est le rôle du conseil dans le contrat "
     "de ville ?", "cdv-role-cc"),
])
def test_a_question_after_a_self_introduction_is_answered_as_if_asked_alone(answerer: Answerer, text: str,
                                                                            entry: str) -> None:
    # Who asks ("animateur du conseil citoyen") pulls the other rankers elsewhere; the question alone does not.
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == entry


@pytest.mark.parametrize(("text", "entry"), [
    ("Bonsoir, je suis Gérard, retraité, douze ans aux Dervallières. Comment on prépare un comité de pilotage ?",
     "cdv-copil-preparer"),
    ("Bonjour, je suis Gérard, retraité de la RATP et membre du conseil citoyen des Dervallières. Notre conseil "
     "doit-il être reconnu par le préfet ?", "cc-reconnaissance-prefet"),
])
def test_who_introduces_themselves_is_no_daily_life_matter(answerer: Answerer, text: str, entry: str) -> None:
    # "retraité" reads as "retraite" (the pension) once accents are set aside: who asks, not what is asked.
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == entry
    assert not decision.personal


def test_a_daily_life_matter_told_in_the_introduction_stays_the_members(answerer: Answerer) -> None:
    decision = answerer.decide("Bonjour, je suis Fatou, maman de deux enfants, la CAF me demande de rembourser "
                               "500 euros, vous pouvez m'aider ?")
    assert decision.personal and decision.kind != Kind.ANSWER


def test_after_an_introduction_our_first_choice_is_answered_when_the_question_alone_answers_it(
        answerer: Answerer) -> None:
    # Who asks ("je représente notre association") pulls the other rankers' agreement away; the question alone
    # is answered with the entry we put first anyway.
    decision = answerer.decide("Bonjour je suis Sonia, je travaille au centre socioculturel et je représente notre "
                               "association au conseil citoyen. Est-ce que notre conseil a droit à un budget ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "moyens-budget"


@pytest.mark.parametrize(("text", "entry"), [
    ("est-ce que mes infos sont envoyées à la mairie ?", "rgpd-partage"),  # envoyer ~ transmettre
    ("comment ramener du monde à nos réunions ?", "fonct-mobiliser-habitants"),  # ramener du monde ~ mobiliser
])
def test_everyday_words_for_the_bases_own_are_understood(answerer: Answerer, text: str, entry: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == entry


def test_two_terms_asked_together_are_not_cut_down_to_one(answerer: Answerer) -> None:
    assert answerer.decide("le QPV et la GUSP c'est quoi ?").kind != Kind.GLOSSARY


@pytest.mark.parametrize(("text", "entry"), [
    ("Je dois préparer la prochaine réunion toute seule, je commence par quoi ?", "fonct-organiser-reunion"),
    ("je voudrais passer vous voir, vos bureaux sont où ?", "crpv-contact"),
])
def test_when_unsure_the_entry_two_rankers_agree_on_is_among_the_choices(answerer: Answerer, text: str,
                                                                          entry: str) -> None:
    decision = answerer.decide(text)
    assert decision.kind == Kind.SUGGEST
    assert entry in [c.entry.id for c in decision.candidates]


def test_a_follow_up_that_names_its_own_subject_is_not_pulled_to_an_entry_linked_to_the_previous_one(
        answerer: Answerer) -> None:
    # Sami has just read about the council's budget, then asks about getting his costs paid back.
    budget = next(e for e in answerer.kb.faq if e.id == "moyens-budget")
    decision = answerer.decide_after("et pour le remboursement des frais ?", budget)
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "moyens-remboursement-frais"
