"""Members introduce themselves the way people do ("Yasmina, 19 ans, étudiante", "j'ai déménagé à Bellevue"),
drop the letters they do not hear ("jm inscri") and end a statement with "c normal" instead of a question mark.
The hotline reads who they are apart from what they ask, and reads what they ask."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.cleanup import clean
from bot.answering.decision import Kind
from bot.answering.normalize import words
from bot.answering.questions import split_questions
from bot.answering.segment import Role, role_of, split_message
from bot.app import App
from tests.support.events import member

AWA = member(1001)


def _introduction(message: str) -> list[str]:
    return [p.text for p in split_message(message) if p.role == Role.INTRO]


def test_an_age_and_a_move_introduce_the_member() -> None:
    assert _introduction("Bonjour, je m'appelle Karim, j'ai 34 ans, j'habite à Bellevue. On a droit à un local ?") == [
        "je m'appelle Karim", "j'ai 34 ans", "j'habite à Bellevue"]
    assert _introduction("Bonjour je suis Hawa, j'ai emménagé à Malakoff cet été. Il y a un conseil citoyen ?") == [
        "je suis Hawa", "j'ai emménagé à Malakoff cet été"]


def test_a_member_who_moved_in_is_answered_on_finding_the_conseil_of_the_neighbourhood(answerer: Answerer) -> None:
    # Read as the story, "j'ai déménagé" (moving out) pulled towards leaving the conseil.
    decision = answerer.decide("Bonjour je suis Hawa, je suis nouvelle ici, j'ai déménagé aux Dervallières. Comment "
                               "je trouve le conseil citoyen de mon quartier ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "cc-trouver-son-conseil"


def test_a_name_opening_the_sentence_with_an_age_after_it_is_an_introduction() -> None:
    assert _introduction("Bonsoir, Inès, 19 ans, étudiante, j'habite au Breil. On peut entrer au conseil à 19 ans ?") == [
        "Inès", "19 ans", "étudiante", "j'habite au Breil"]


def test_a_place_opening_a_question_is_no_introduction() -> None:
    assert [p.role for p in split_message("Bellevue, c'est un quartier prioritaire ?")] == [Role.QUESTION]


def test_a_few_words_without_a_verb_go_on_describing_the_member() -> None:
    assert _introduction("Bonjour, moi c'est Gérard, 67 ans, ancien cheminot, habitant du Breil. Le mandat dure "
                         "combien ?") == ["moi c'est Gérard", "67 ans", "ancien cheminot", "habitant du Breil"]
    assert _introduction("Bonjour je suis retraitée, veuve, j'habite seule. Il existe quoi pour les anciens ?") == [
        "je suis retraitée", "veuve", "j'habite seule"]


def test_an_aide_soignante_is_a_trade_not_a_call_for_help() -> None:
    assert role_of("aide-soignante") == Role.CONTEXT
    assert role_of("aide moi") == Role.QUESTION


def test_a_name_and_where_the_member_comes_from_after_c_est_is_an_introduction() -> None:
    assert _introduction("Salut, c'est Ahmed du conseil de Port-Boyer, je suis le trésorier. On rend les comptes à "
                         "qui ?") == ["c'est Ahmed du conseil de Port-Boyer", "je suis le trésorier"]


def test_the_clause_announced_by_savoir_si_is_not_cut_from_it() -> None:
    parts = split_message("Bonjour je voulais savoir si on peut faire appel à un expert extérieur")
    assert [p.text for p in parts if p.role == Role.QUESTION] == [
        "je voulais savoir si on peut faire appel à un expert extérieur"]


@pytest.mark.parametrize("statement", [
    "jai pa eu de rappel pr l atelier de demain c normal",
    "on est remboursés des frais de bus ou pas",
    "un voisin dit qu'on a droit à un congé pour les réunions, c'est vrai",
    "g pa compri le copil de jeudi on di koi la bas",  # a question word at the end
    "ça veut dire quoi date à confirmer sur l'interconseil",
])
def test_a_statement_ended_by_c_normal_or_ou_pas_asks(statement: str) -> None:
    assert role_of(statement) == Role.QUESTION


@pytest.mark.parametrize("statement", ["c'est n'importe quoi", "t'es con ou quoi"])
def test_n_importe_quoi_asks_nothing(statement: str) -> None:
    assert role_of(statement) == Role.CONTEXT


def test_the_final_letter_of_a_participle_left_out_is_read_back() -> None:
    assert " ".join(words("cmt jm inscri au webinaire")) == "comment je m inscris au webinaire"
    assert " ".join(words("on fai comment")) == "on fais comment"
    assert " ".join(words("mon mari a tout compris")) == "mon mari a tout compris"  # French words left alone


def test_a_registration_typed_without_its_letters_is_answered(answerer: Answerer) -> None:
    decision = answerer.decide("cmt jm inscri au webinaire")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "event-inscription-webinaire"


def test_a_relative_qui_after_a_pronoun_tells_the_story_it_does_not_ask() -> None:
    parts = split_message("On a l'impression d'être la marionnette de la mairie, c'est elle qui décide de tout. "
                          "On est censés être libres ou pas ?")
    assert [p.role for p in parts] == [Role.CONTEXT, Role.QUESTION]


def test_a_wish_going_on_with_et_savoir_asks_a_second_question() -> None:
    asked = split_questions("je voudrais m'inscrire au webinaire et savoir si c'est payant")
    assert [a.text for a in asked] == ["je voudrais m'inscrire au webinaire", "savoir si c'est payant"]


def test_freeing_one_s_place_is_giving_up_a_registration_not_a_full_event(answerer: Answerer) -> None:
    decision = answerer.decide("je suis inscrite à la journée de juin mais je serai malade, comment je libère ma place ?")
    assert decision.entry is None or decision.entry.id != "event-complet"
    assert decision.candidates and decision.candidates[0].entry.id == "event-annuler"


@pytest.mark.parametrize("question", [
    "ma fille peut venir à la prochaine réunion du conseil ?",
    "au prochain copil, qui représente le conseil ?",
    "le prochain copil on doit dire quoi",
    "pour la prochaine réunion on peut avoir une salle ?",
])
def test_the_next_meeting_named_in_another_question_is_no_request_for_the_agenda(shipped_app: App,
                                                                                 question: str) -> None:
    assert shipped_app.faq.decide(AWA, question).kind != Kind.AGENDA


@pytest.mark.parametrize("question", ["c'est quoi le prochain webinaire", "le prochain interconseil ?",
                                      "vous pouvez me dire la date du prochain interconseil"])
def test_asking_for_the_next_event_itself_still_opens_the_agenda(shipped_app: App, question: str) -> None:
    assert shipped_app.faq.decide(AWA, question).kind == Kind.AGENDA


@pytest.mark.parametrize(("message", "term"), [
    ("c koi le droit commun dont parle tout le temps le délégué du préfet", "droit commun"),
    ("c'est quoi le CLAS que l'animatrice du centre social propose pour les devoirs", "CLAS"),
])
def test_a_term_asked_about_with_where_it_was_heard_after_it_is_defined(answerer: Answerer, message: str,
                                                                          term: str) -> None:
    decision = answerer.decide(message)
    assert decision.kind == Kind.GLOSSARY and decision.term is not None and decision.term.term == term


def test_a_term_with_an_entry_of_its_own_asked_with_where_it_was_heard_gets_that_entry(answerer: Answerer) -> None:
    # Asked alone, "c'est quoi la GUSP" gets the entry written about it; where it was heard changes nothing.
    decision = answerer.decide("c'est quoi la GUSP que le bailleur a évoquée au copil")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "theme-gusp"


def test_a_que_after_est_ce_opens_a_question_not_a_relative_clause() -> None:
    asked = split_questions("C'est quoi et est-ce qu'on va être invités ?")
    assert [a.text for a in asked] == ["C'est quoi", "est-ce qu'on va être invités ?"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("comen on sinscri", "comment on s inscrire"),  # an elision without its apostrophe, before a French word
    ("jhabite a bellevue", "j habite a bellevue"),
    ("minscrire au webinaire", "m inscrire au webinaire"),
    ("tlm peut venir", "tout le monde peut venir"),
    ("qq1 peut m aider", "quelqu un peut m aider"),
    ("jvx savoir", "je veux savoir"),
    ("le nom dont on parle", "le nom dont on parle"),  # "dont" is no "d'ont"
    ("commant on fait", "comment on fait"),  # question words misspelt
    ("combient de membres", "combien de membres"),
    ("pourquoit le bot", "pourquoi le bot"),
    ("un cartier prioritaire", "un quartier prioritaire"),
    ("jai ete tire o sor", "j ai ete tire au sort"),  # a silent final "t" left out
    ("jdoi prevenir ki", "je dois prevenir qui"),
    ("des formations pr nou", "des formations pour nous"),
    ("on fait 1 tract", "on fait un tract"),  # "1" typed for the article
    ("un mandat de 1 an", "un mandat de un an"),
])
def test_phone_shorthands_and_missing_apostrophes_are_read_as_meant(typed: str, meant: str) -> None:
    assert " ".join(words(typed)) == meant


def test_cé_and_sé_are_always_c_est() -> None:
    assert " ".join(words(clean("kan cé le copil"))) == "quand c est le copil"
    assert " ".join(words(clean("sé koi le fph"))) == "c est quoi le fph"


@pytest.mark.parametrize(("typed", "meant"), [
    ("c es quoi le fph", "c'est quoi le fph"), ("fau t il etre francais", "faut-il etre francais"),
    ("il faux etre inscrit", "il faut etre inscrit"), ("c'est faux", "c'est faux"),
])
def test_a_t_lost_or_written_x_is_read_back_where_only_one_reading_is_french(typed: str, meant: str) -> None:
    assert clean(typed) == meant


def test_an_acronym_glued_to_its_article_is_still_defined(answerer: Answerer) -> None:
    decision = answerer.decide("cest koi lanru")
    # The entry "Qu'est-ce que l'ANRU ?", as for the question typed with its apostrophe, or the glossary's ANRU.
    assert (decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "theme-anru") or (
        decision.kind == Kind.GLOSSARY and decision.term is not None and decision.term.term == "ANRU")
    written = answerer.decide("c'est quoi l'ANRU")
    assert (decision.kind, decision.entry, decision.term) == (written.kind, written.entry, written.term)


def test_the_agenda_of_a_meeting_glued_to_its_article_is_no_request_for_dates(shipped_app: App) -> None:
    # "lordre du jour" is "l'ordre du jour", a label, not "le jour" of an event.
    assert shipped_app.faq.decide(AWA, "jai pa compri lordre du jour du copil").kind != Kind.AGENDA


@pytest.mark.parametrize("message", ["vous gardez mes messages combien de temps ?", "le contrat de ville il se termine quand",
                                     "pour les photocopies on fait comment ?"])
def test_a_question_word_ending_the_sentence_asks_about_all_of_it(message: str) -> None:
    assert [(p.role, p.text) for p in split_message(message)] == [(Role.QUESTION, message)]


def test_a_question_word_after_et_still_opens_a_second_question() -> None:
    parts = split_message("Quelles données vous gardez sur moi et comment les effacer ?")
    assert [p.text for p in parts if p.role == Role.QUESTION] == ["Quelles données vous gardez sur moi",
                                                                   "comment les effacer ?"]


def test_a_daily_life_worry_ending_on_je_fais_comment_is_offered_no_entry(answerer: Answerer) -> None:
    decision = answerer.decide("la CAF m'a supprimé la prime d'activité, je fais comment")
    assert decision.kind not in (Kind.ANSWER, Kind.SUGGEST)


@pytest.mark.parametrize(("typed", "meant"), [
    ("on cherche une sale pour se réunir", "on cherche une salle pour se réunir"),
    ("une sale histoire", "une sale histoire"),  # an adjective before its noun stays
    ("la rue est sale", "la rue est sale"),
    ("qui paye les photos copies", "qui paye les photocopies"),
])
def test_a_room_written_sale_is_read_as_a_room_only_where_it_names_one(typed: str, meant: str) -> None:
    assert clean(typed) == meant


def test_a_member_asking_for_a_sale_to_meet_in_is_answered_on_rooms(answerer: Answerer) -> None:
    decision = answerer.decide("la mairie peut nous prêter une sale ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "fonct-salle-reunion"


def test_a_sentence_that_only_introduces_the_member_is_no_story_for_the_question() -> None:
    asked = split_questions("Bonsoir. Je me présente, Monsieur Traoré, 65 ans, retraité, habitant de la Halvêque depuis "
                            "1985. Je souhaiterais connaître le rôle du délégué du préfet.")
    assert [(a.text, a.context) for a in asked] == [("Je souhaiterais connaître le rôle du délégué du préfet.", "")]


def test_a_widow_introducing_herself_is_an_introduction() -> None:
    assert _introduction("Bonjour, je m'appelle Josiane, je suis veuve et j'habite à Bellevue. Le conseil peut "
                         "m'aider ?") == ["je m'appelle Josiane", "je suis veuve", "et j'habite à Bellevue"]


def test_a_letter_s_address_formula_and_signature_are_no_story() -> None:
    parts = split_message("Madame, Monsieur,\nJe me permets de vous écrire au sujet du fonds de participation des "
                          "habitants. Comment faire une demande ?\nJe vous prie d'agréer mes salutations distinguées.\n"
                          "Fatou Diallo\nPrésidente du conseil citoyen de Bellevue")
    assert [(p.role, p.text) for p in parts if p.role in (Role.CONTEXT, Role.QUESTION, Role.INTRO)] == [
        (Role.CONTEXT, "Je me permets de vous écrire au sujet du fonds de participation des habitants."),
        (Role.QUESTION, "Comment faire une demande ?")]


def test_what_a_phone_adds_under_a_message_is_no_story() -> None:
    parts = split_message("Bonjour, comment on rejoint le conseil citoyen ? Envoyé de mon iPhone")
    assert [p.role for p in parts if p.text] == [Role.QUESTION, Role.CLOSING]


def test_ça_va_is_politeness_not_a_second_question(answerer: Answerer) -> None:
    assert [a.text for a in split_questions("salut !! ca va ? dis moi c quoi le fph stp")] == ["dis moi c quoi le fph stp"]
    decision = answerer.decide("salut !! ca va ? dis moi c quoi le fph stp")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "moyens-fph-definition"


def test_what_the_conseil_does_asked_after_a_complaint_is_its_role_not_its_definition(answerer: Answerer) -> None:
    # "qu'est-ce qu'il fait": a pronoun and its verb follow, so what it does is asked; read as "c'est quoi", the
    # conseil named in the complaint before was sent to the glossary.
    decision = answerer.decide("Franchement je ne comprends pas à quoi sert ce conseil citoyen. On se réunit, on parle, "
                               "et rien ne change. Qu'est-ce qu'il fait concrètement ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-role"


def test_a_title_and_a_name_open_an_introduction() -> None:
    assert _introduction("Bonjour, Mme Diallo, assistante maternelle, je suis au conseil citoyen de la Bottière depuis "
                         "4 ans. Je peux rester membre ?") == [
        "Mme Diallo", "assistante maternelle", "je suis au conseil citoyen de la Bottière depuis 4 ans"]


def test_a_job_closing_the_introduction_s_sentence_still_describes_the_member() -> None:
    # A full stop closes the sentence and the question follows: "auxiliaire de vie" asks nothing.
    assert _introduction("Bonjour, je suis Mireille, 58 ans, auxiliaire de vie. Mon conseil n'a plus de local, on a "
                         "droit à quelque chose ?") == ["je suis Mireille", "58 ans", "auxiliaire de vie"]
    # The words ending the last sentence may still be what is asked.
    assert _introduction("Bonjour, je suis Mireille, 58 ans, le local") == ["je suis Mireille", "58 ans"]


def test_how_to_do_what_a_modal_clause_says_is_one_question() -> None:
    # "on doit aller au copil…" says what is coming; "comment on se prépare" asks how to do it.
    asked = split_questions("On doit aller au comité de pilotage le mois prochain, comment on se prépare ?")
    assert [a.text for a in asked] == ["On doit aller au comité de pilotage le mois prochain, comment on se prépare ?"]
    # Two clauses that each open on a question word still ask two things.
    assert len(split_questions("comment on devient membre, comment on quitte le conseil")) == 2


def test_what_follows_the_question_says_why_the_member_asks_not_what() -> None:
    parts = split_message("Notre conseil a-t-il droit à un local ? Je pose la question car on se réunit dans un café.")
    # (The reason after "car" is a part of its own: why the member asks, like the rest of the sentence.)
    assert parts[0].role == Role.QUESTION and len(parts) > 1 and all(p.role == Role.INTRO for p in parts[1:])


@pytest.mark.parametrize(("message", "entry"), [
    ("Est-ce qu'il existe des formations pour les conseillers ? Je pose la question car je débute et je me sens un "
     "peu perdu.", "crpv-formations-membres"),
    ("Notre conseil a-t-il droit à un local ? Je pose la question car on se réunit dans un café.", "fonct-locaux"),
])
def test_a_clear_question_is_answered_whatever_reason_follows_it(answerer: Answerer, message: str, entry: str) -> None:
    decision = answerer.decide(message)
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == entry


def test_a_story_told_before_the_question_stays_its_context() -> None:
    parts = split_message("On se réunit dans un café depuis un an. Notre conseil a-t-il droit à un local ?")
    assert [p.role for p in parts] == [Role.CONTEXT, Role.QUESTION]


def test_how_the_member_feels_tells_who_asks_not_what_is_asked() -> None:
    parts = split_message("Je suis découragée. Plus personne ne vient aux réunions. Comment attirer de nouveaux membres ?")
    assert [p.role for p in parts] == [Role.INTRO, Role.CONTEXT, Role.QUESTION]
    assert _introduction("Franchement ça m'inquiète, le bailleur parle d'abattement, c'est quoi la TFPB ?") == [
        "Franchement ça m'inquiète"]
    assert [a.text for a in split_questions("J'en ai assez, notre trésorier ne rend jamais les comptes, qui gère l'argent ?")
            ] == ["notre trésorier ne rend jamais les comptes, qui gère l'argent ?"]


def test_a_fear_that_names_what_is_feared_stays_part_of_the_message() -> None:
    assert role_of("J'ai peur que la mairie lise mes messages") != Role.INTRO
    assert role_of("Je suis inquiète pour le local du conseil") != Role.INTRO


def test_a_member_at_a_loss_is_answered_on_what_they_ask(answerer: Answerer) -> None:
    decision = answerer.decide("Je suis perdue. Notre conseil peut-il avoir un local ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "fonct-locaux"
    ashamed = answerer.decide("J'ai honte, je ne sais pas ce qu'est le FPH.")
    assert ashamed.kind == Kind.GLOSSARY and ashamed.term is not None and ashamed.term.term == "FPH"


def test_saying_one_is_lost_after_the_question_is_not_part_of_what_is_asked() -> None:
    parts = split_message("c'est quoi la gestion urbaine de proximité je comprends rien")
    assert [(p.text, p.role) for p in parts] == [("c'est quoi la gestion urbaine de proximité", Role.QUESTION),
                                                 ("je comprends rien", Role.INTRO)]
    # What is not understood, when it is named, stays what the member tells: the documents of the copil.
    assert [p.role for p in split_message("je comprends rien aux documents du copil")] != [Role.INTRO]


def test_a_member_lost_about_what_the_council_is_for_is_told_its_role(answerer: Answerer) -> None:
    decision = answerer.decide("a quoi sert un conseil citoyen je comprends pas")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-role"


def test_a_pensioner_who_tells_how_he_was_drawn_is_answered_on_having_to_go(answerer: Answerer) -> None:
    # "retraité" says who asks, story or not: the pension's office is not what is asked.
    decision = answerer.decide("Bonjour, je suis Paul, retraité de la Poste, 66 ans. J'ai reçu un courrier de la "
                               "mairie, j'ai été tiré au sort pour le conseil citoyen. Je suis obligé d'y aller ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None
    assert decision.entry.id == "cc-tire-au-sort-refuser"


@pytest.mark.parametrize("question", ["Ma voisine n'est pas membre, elle peut venir à notre réunion de jeudi ?",
                                      "mon mari peut venir aux réunions du conseil avec moi ?"])
def test_someone_allowed_to_come_to_a_meeting_is_asked_about_attending_not_about_bringing_people_in(
        answerer: Answerer, question: str) -> None:
    # "elle peut venir" is whether she may attend; "faire venir des habitants" (mobilising them) is another entry.
    decision = answerer.decide(question)
    assert decision.entry is None or decision.entry.id == "fonct-reunions-ouvertes"
    assert [c.entry.id for c in decision.candidates][:1] == ["fonct-reunions-ouvertes"]
