"""Two questions as members say them: without "?" or "et", with "c'est qui" or "de quoi" after "et", a term to
define beside a practical question, a wish then "Et …?". Each question is answered or offered as a button; one
question with a relative "qui" or a bare topic before its verb stays one question."""

from __future__ import annotations

import pytest

from bot.answering.acts import Act, detect
from bot.answering.answerer import Answerer
from bot.answering.decision import Decision, Kind
from bot.answering.questions import split_questions
from bot.app import App
from tests.conftest import reply_in_chat


def found(decision: Decision) -> list[tuple[str, str]]:
    """Each question's entry, with whether it is answered at once or offered as a button."""
    assert decision.kind == Kind.MULTI
    return [(p.kind.value, p.entry.id if p.entry else p.candidates[0].entry.id) for p in decision.parts]


@pytest.mark.parametrize(("text", "asked"), [
    # A clause ended by its question word is a whole question; what "et" adds is another.
    ("le délégué du préfet c'est qui au juste, et il peut venir à nos réunions ?",
     ["le délégué du préfet c'est qui au juste", "il peut venir à nos réunions ?"]),
    # "et" then "c'est qui" or a preposition and its question word.
    ("Comment se passe le tirage au sort et c'est qui qui l'organise ?",
     ["Comment se passe le tirage au sort", "c'est qui qui l'organise ?"]),
    ("Qu'est-ce que le copil et de quoi on y parle ?", ["Qu'est-ce que le copil", "de quoi on y parle ?"]),
    # "What is" asks for a thing: a clause with its own subject after "et" asks something else.
    ("c'est quoi la GUSP et elle peut nous aider pour les poubelles ?",
     ["c'est quoi la GUSP", "elle peut nous aider pour les poubelles ?"]),
    # Whether, after "et"; ", et" then a subject between two clauses that ask.
    ("je voudrais savoir comment on s inscrit et si c est payant", ["je voudrais savoir comment on s inscrit",
                                                                    "si c est payant"]),
    ("on peut venir a deux au webinaire, et il dure combien de temps ?",
     ["on peut venir a deux au webinaire", "il dure combien de temps ?"]),
    # "si oui" after a comma, "mais aussi" before a question word.
    ("est-ce que le conseil peut avoir un budget, si oui qui le gère",
     ["est-ce que le conseil peut avoir un budget", "si oui qui le gère"]),
    ("comment on devient membre du conseil citoyen mais aussi est-ce que c est payant",
     ["comment on devient membre du conseil citoyen", "est-ce que c est payant"]),
    # Asking what a word means closes a question: "veut dire quoi", then "et" and a clause of its own.
    ("le mot ANRU ça veut dire quoi et les travaux ils commencent quand",
     ["le mot ANRU ça veut dire quoi", "les travaux ils commencent quand"]),
    # "qui" after a noun is a relative pronoun ("est" heard as "et"): one question.
    ("est-ce qu'une personne qui et pas inscrite peut venir a la reunion",
     ["est-ce qu'une personne qui et pas inscrite peut venir a la reunion"]),
])
def test_et_joins_a_second_question_after_a_whole_one(text: str, asked: list[str]) -> None:
    assert [a.text for a in split_questions(text)] == asked


@pytest.mark.parametrize(("text", "asked"), [
    ("c'est quoi le copil on y va comment", ["c'est quoi le copil", "on y va comment"]),
    ("comment on organise une fête de quartier on a le droit de vendre des gâteaux",
     ["comment on organise une fête de quartier", "on a le droit de vendre des gâteaux"]),
    # The verb right after the question word, its subject after it: a whole clause too.
    ("comment marche le tirage au sort je peux refuser", ["comment marche le tirage au sort", "je peux refuser"]),
    # A topic before its verb, "combien de" and what is counted, a clause that tells instead of asking: one question.
    ("combien de membres minimum il faut pour creer un conseil",
     ["combien de membres minimum il faut pour creer un conseil"]),
    ("pourquoi dans notre quartier il y a pas de conseil citoyen",
     ["pourquoi dans notre quartier il y a pas de conseil citoyen"]),
    ("comment je fais pour m inscrire je trouve pas le bouton", ["comment je fais pour m inscrire je trouve pas le bouton"]),
])
def test_without_punctuation_a_new_subject_that_asks_starts_a_second_question(text: str, asked: list[str]) -> None:
    assert [a.text for a in split_questions(text)] == asked


def test_where_a_term_was_heard_is_no_part_of_the_question() -> None:
    assert [a.text for a in split_questions("c'est quoi la GUSP et le PRE dont parle le bailleur ?")] == [
        "c'est quoi la GUSP", "c'est quoi le PRE ?"]


def test_a_wish_followed_by_et_is_a_request_of_its_own() -> None:
    asked = split_questions("Je voudrais quitter le conseil. Et mes données, vous les gardez combien de temps ?")
    assert [a.text for a in asked] == ["Je voudrais quitter le conseil.",
                                       "Et mes données, vous les gardez combien de temps ?"]
    # Without "Et", the wish is the story of the question that follows.
    [question] = split_questions("Je voudrais m'inscrire à la formation. Comment on fait ?")
    assert question.context == "Je voudrais m'inscrire à la formation."


def test_doing_both_things_the_story_names_asks_two_questions(answerer: Answerer) -> None:
    text = "Je veux consulter mes infos enregistrées, et ensuite les effacer toutes. Vous me dites comment faire les deux ?"
    assert [a.text for a in split_questions(text)] == [
        "Vous me dites comment faire Je veux consulter mes infos enregistrées ?",
        "Vous me dites comment faire les effacer toutes ?"]
    assert {entry for _, entry in found(answerer.decide(text))} == {"rgpd-voir-mes-donnees", "rgpd-supprimer"}
    # Two people told of, then coming with both: one question.
    assert len(split_questions("J'ai deux enfants et un mari. Est-ce que je peux venir avec les deux ?")) == 1


def test_a_question_the_rankers_disagree_on_is_offered_beside_one_answered(answerer: Answerer) -> None:
    # Its own first entry scores at the answer threshold, the rankers name no common choice: it keeps its entry.
    decision = answerer.decide("Je vais déjà au conseil de quartier de la Bottière, c'est la même chose que le conseil "
                               "citoyen ? Et le préfet doit reconnaître notre conseil ?")
    assert found(decision) == [("suggest", "cc-conseil-de-quartier"), ("answer", "cc-reconnaissance-prefet")]


def test_a_term_to_define_beside_a_practical_question_offers_the_entry_on_that_term(answerer: Answerer) -> None:
    decision = answerer.decide("Qu'est-ce que le contrat de ville ? Et on peut le lire où ?")
    assert found(decision) == [("suggest", "cdv-definition"), ("suggest", "cdv-consulter-contrat")]


def test_what_to_put_inside_is_read_with_the_question_before(answerer: Answerer) -> None:
    # "mets" names nothing the base knows: without "dedans" read back, the second question was lost.
    decision = answerer.decide("faut il ecrire une charte et on mets quoi dedans")
    assert found(decision) == [("answer", "fonct-reglement-interieur"), ("suggest", "fonct-contenu-charte")]


def test_checking_whether_one_is_inside_is_no_second_question(answerer: Answerer) -> None:
    # Yes or no about the thing just defined: its answer's related questions say how to check an address.
    decision = answerer.decide("le QPV ça veut dire quoi ? on est dedans ou pas ?")
    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cdv-qpv-definition"


def test_a_question_its_own_words_answer_surely_is_not_pulled_to_the_one_before(answerer: Answerer) -> None:
    decision = answerer.decide("Comment créer une association pour notre conseil ? Faut-il aussi une structure porteuse ?")
    assert found(decision) == [("answer", "fonct-creer-association"), ("answer", "fonct-structure-porteuse")]


def test_the_whole_message_does_not_lend_its_answer_to_a_question_answered_otherwise(answerer: Answerer) -> None:
    decision = answerer.decide("Faut-il assurer notre fête ? Et qui gère l'argent de la buvette ?")
    assert found(decision) == [("answer", "moyens-assurance"), ("suggest", "moyens-gerer-argent")]


def test_a_wish_then_et_gets_both_entries(answerer: Answerer) -> None:
    decision = answerer.decide("Je souhaite supprimer mes données. Et vous gardez mes questions combien de temps ?")
    assert found(decision) == [("suggest", "rgpd-supprimer"), ("answer", "rgpd-duree-questions")]


def test_two_terms_after_i_want_to_know_what_is_are_both_asked() -> None:
    assert [a.text for a in split_questions("je voudrais savoir c'est quoi la GUSP et le FPH")] == [
        "je voudrais savoir c'est quoi la GUSP", "je voudrais savoir c'est quoi le FPH"]


def test_d_ailleurs_links_two_questions_and_names_nothing(answerer: Answerer) -> None:
    # "d'ailleurs" is "besides", not "elsewhere": the second question keeps its own subject.
    decision = answerer.decide("Qu'est-ce que la GUSP ? Et d'ailleurs le FPH ça sert à quoi ?")
    assert found(decision) == [("answer", "theme-gusp"), ("answer", "moyens-fph-definition")]


def test_one_how_after_two_problems_told_is_asked_of_each() -> None:
    asked = split_questions("Le bailleur refuse de nous prêter une salle. En plus la mairie ne répond pas à nos "
                            "courriers. On fait comment ?")
    assert [(a.text, a.context) for a in asked] == [
        ("On fait comment ?", "Le bailleur refuse de nous prêter une salle."),
        ("On fait comment ?", "En plus la mairie ne répond pas à nos courriers.")]
    # Without "en plus", the story is one problem.
    [one] = split_questions("Le bailleur refuse de nous prêter une salle. Il dit qu'elle est prise. On fait comment ?")
    assert one.context == "Le bailleur refuse de nous prêter une salle. Il dit qu'elle est prise."


def test_two_problems_and_one_how_get_an_entry_each(answerer: Answerer) -> None:
    decision = answerer.decide("Ma cheffe refuse que je m'absente pour le conseil. En plus personne ne me rembourse "
                               "le train. Je fais comment ?")
    assert found(decision) == [("suggest", "moyens-conge-salarie"), ("suggest", "moyens-remboursement-frais")]


def test_quand_meme_asks_the_question_before_again() -> None:
    [asked] = split_questions("On n'a pas de local, c'est un problème ? On peut se réunir quand même ?")
    assert asked.text == "On n'a pas de local, c'est un problème ? On peut se réunir quand même ?"


def test_a_question_about_ca_is_read_on_the_earlier_entry_s_next_questions(answerer: Answerer) -> None:
    # "ça" is the data: whom to write to about one's data, not whom to ask about the neighbourhood.
    decision = answerer.decide("comment j'efface mes données et qui contacter en cas de souci avec ça")
    assert found(decision) == [("answer", "rgpd-supprimer"), ("suggest", "rgpd-contact")]


def test_a_real_answer_asked_for_is_no_request_for_a_person() -> None:
    assert Act.HUMAN not in detect("ça met combien de temps pour avoir une vraie réponse de l'équipe ?")
    assert Act.HUMAN not in detect("comment on fait pour avoir un vrai local pour le conseil ?")
    assert Act.HUMAN in detect("je voudrais parler à une vraie, pas à une machine")
    assert Act.HUMAN in detect("je peux avoir un vrai conseiller au téléphone ?")


def test_the_whole_message_does_not_lend_its_answer_to_a_question_about_ca(answerer: Answerer) -> None:
    # Read as one, the message asks whom to turn to in general; its second question is about the data.
    decision = answerer.decide("comment je vois mes données et à qui je m'adresse si j'ai un problème avec ça")
    assert found(decision) == [("answer", "rgpd-voir-mes-donnees"), ("suggest", "rgpd-contact")]


def test_a_question_opened_by_ca_takes_the_next_question_of_the_term_before(answerer: Answerer) -> None:
    # "ça" is the adulte-relais: the whole message's entry (adultes-relais for the council) is the second question's.
    decision = answerer.decide("un adulte-relais c'est qui au juste, et ça peut servir à notre conseil pour mobiliser "
                               "les voisins ?")
    assert found(decision) == [("answer", "theme-adultes-relais"), ("answer", "theme-adultes-relais-conseil")]


def test_turning_to_someone_is_no_postal_address(answerer: Answerer) -> None:
    # "s'adresser à" is whom to contact: without it read so, "adresse" pulled the answer towards checking an address
    # or the general "who to ask".
    decision = answerer.decide("je dois m'adresser à qui pour mes données ?")
    assert decision.candidates[0].entry.id == "rgpd-contact"


# --- in the terminal chat ------------------------------------------------------------------

def test_in_the_terminal_two_questions_said_without_punctuation_are_both_heard(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "c'est quoi l'interconseil on y discute de quoi")
    assert "Vous posez deux questions" in shown
    assert "Qu'est-ce que l'interconseil ?" in shown and "Source" in shown
    assert "De quels sujets parle-t-on à l'interconseil ?" in shown


def test_in_the_terminal_a_term_and_where_to_read_it_are_two_buttons(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Qu'est-ce que le contrat de ville ? Et on peut le lire où ?")
    assert "Vous posez deux questions" in shown and "Qu'est-ce qu'un contrat de ville ?" in shown


def test_en_before_the_verb_stands_for_the_term_asked_just_before(answerer: Answerer) -> None:
    # "en demander" is asking for some FPH: read alone, "fête de quartier" pulled it to organising a street party.
    decision = answerer.decide("c'est quoi le FPH et comment on peut en demander pour notre fête de quartier ?")
    assert found(decision) == [("answer", "moyens-fph-definition"), ("suggest", "moyens-fph-demander")]


def test_how_to_reach_a_person_after_another_question_is_a_question(answerer: Answerer) -> None:
    decision = answerer.decide("Le bot sait faire quoi exactement ? et comment on fait pour parler à une vraie personne ?")
    assert ("answer", "hotline-parler-humain") in found(decision)
    # Asked for outright, after a question or not, a person is a request.
    for said in ("je veux parler à quelqu'un de l'équipe", "Votre truc marche pas ? Je veux parler à quelqu'un"):
        assert answerer.decide(said).act == Act.HUMAN


def test_what_is_asked_after_a_clause_that_tells_has_that_clause_as_its_story(answerer: Answerer) -> None:
    [what, how] = split_questions("on est invités au copil jeudi, c'est quoi un copil au juste et comment on s'y prépare")
    assert (what.text, what.context) == ("c'est quoi un copil au juste", "on est invités au copil jeudi")
    assert how.text == "comment on s'y prépare"
    # A topic alone before the comma is what is asked about, not a story.
    [asked] = split_questions("et la gazette, c'est quoi ?")
    assert asked.context == ""
    # Asked what it is, the term gets its definition, whatever the story says of it; the preparing is the next.
    decision = answerer.decide("on est invités au copil jeudi, c'est quoi un copil au juste et comment on s'y prépare")
    assert found(decision) == [("answer", "cdv-copil-definition"), ("suggest", "cdv-copil-preparer")]


def test_a_question_whose_first_entry_the_one_before_took_is_offered_its_next(answerer: Answerer) -> None:
    # Both questions name a full session first; the second asks about reminders, the entry BM25 names beside it.
    decision = answerer.decide("la formation est pleine, je fais comment ? et vous prévenez quand une place se libère "
                               "ou vous envoyez juste un rappel")
    assert found(decision) == [("answer", "event-complet"), ("suggest", "event-rappels")]
    # A short question that names little is the same question again in other words.
    decision = answerer.decide("Comment on tranche quand on n'est pas d'accord entre nous ? Il faut voter ?")
    assert decision.kind != Kind.MULTI


@pytest.mark.parametrize(("text", "asked"), [
    # SMS: "c" is "c'est", and what follows "et c ki" is a question of its own.
    ("c koi le fph et c ki qui decide", ["c koi le fph", "c ki qui decide"]),
    # Who someone is, then how to reach them: two things asked.
    ("C'est qui la déléguée du préfet, et comment je peux la contacter ?",
     ["C'est qui la déléguée du préfet", "comment je peux la contacter ?"]),
])
def test_who_or_what_it_is_then_another_question_asks_two_things(text: str, asked: list[str]) -> None:
    assert [a.text for a in split_questions(text)] == asked
