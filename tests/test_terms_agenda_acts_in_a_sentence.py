"""A member asks a word's meaning, the agenda, or vents inside a sentence of their own ("c quoi l'EPCI ils le disent
à chaque fois", "vous pouvez m'envoyer le programme des prochaines semaines ?", "vous lisez même pas ce que je vous
écris"): the hotline hears what is asked, in the terminal chat."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from tests.conftest import reply_in_chat

NOVEMBER_27 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
AGENDA = "Agenda de RésO Villes"
PERSON_OFFERED = "Poser la question à l'équipe"


# --- a word asked inside a sentence -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["c quoi l'EPCI ils le disent à chaque fois au comité",
                                  "c'est quoi un EPCI on le voit dans tous les projets de la ville"])
def test_c_est_quoi_and_a_term_then_where_it_is_heard_asks_the_term(shipped_app: App, text: str) -> None:
    # Many entries name the EPCI; none is about it: the glossary says what it is.
    assert "Établissement public de coopération intercommunale" in reply_in_chat(shipped_app, text)


def test_an_entry_written_about_the_term_asked_first_still_answers_it(shipped_app: App) -> None:
    # Its entry is answered or offered first, not the glossary's line.
    shown = reply_in_chat(shipped_app, "c'est quoi le délégué du préfet il passe à toutes nos réunions")
    assert "Qui est le délégué du préfet" in shown


def test_a_thing_said_to_be_the_same_as_another_is_the_one_asked(shipped_app: App) -> None:
    # The copil's entry mentions technical committees, but the member asks what the cotech is.
    shown = reply_in_chat(shipped_app, "on m'a proposé d'aller au cotech, c'est pareil que le copil ?")
    assert "cotech" in shown and "techniciens" in shown


def test_a_family_story_does_not_hide_a_word_plainly_asked(shipped_app: App) -> None:
    # "mon fils cherche un stage" is the family's matter; "c'est quoi le PIJ ?" asks only what the PIJ is.
    shown = reply_in_chat(shipped_app, "mon fils cherche un stage et on lui a conseillé le PIJ, c'est quoi le PIJ ?")
    assert "Point information jeunesse" in shown
    assert "situation personnelle" not in shown


def test_of_two_terms_the_one_opening_the_sentence_acts_and_the_other_is_asked(shipped_app: App) -> None:
    # The CCAS is who sends; what the PLIE is, is asked.
    shown = reply_in_chat(shipped_app, "Le CCAS m'envoie vers le PLIE, ça consiste en quoi ?")
    assert "Plan local pour l'insertion et l'emploi" in shown


def test_what_a_term_was_asked_in_the_past_tense_offers_its_definition_first(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je n'ai jamais compris ce qu'était le FPH")
    assert shown.index("Qu'est-ce que le fonds de participation") < shown.index("Comment obtenir un financement")


@pytest.mark.parametrize(("text", "meaning"), [("à quoi sert le PIJ ?", "Point information jeunesse"),
                                              ("le CCAS ça sert à quoi", "Centre communal d'action sociale"),
                                              ("expliquez-moi le droit commun", "Les moyens ordinaires")])
def test_what_a_term_is_for_or_explain_it_gives_its_meaning(shipped_app: App, text: str, meaning: str) -> None:
    # No entry is written about these terms: the glossary line says what they are, and so what they are for.
    assert meaning in reply_in_chat(shipped_app, text)


def test_what_a_thing_with_its_own_entry_is_for_stays_that_entry(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "le conseil citoyen ça sert à quoi")
    assert "conseil citoyen : " not in shown.splitlines()[0]


def test_c_est_quoi_mon_role_after_a_term_asks_ones_part_not_the_term(shipped_app: App) -> None:
    # "C'est quoi mon rôle ?" right after the cotech is named asks what the member is to do there.
    shown = reply_in_chat(shipped_app, "On m'a inscrite pour représenter les habitants au cotech. C'est quoi mon rôle ?")
    assert "cotech : " not in shown


def test_the_council_where_a_word_was_read_is_where_not_what(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "j'ai vu TFPB dans le compte rendu du conseil, c'est quoi")
    assert "Abattement de taxe foncière" in shown


def test_a_term_named_as_a_word_is_the_one_asked(shipped_app: App) -> None:
    # "ce sigle EPCI": the entry on how to read acronyms names "sigle", but the member asks this one.
    assert "Établissement public de coopération intercommunale" in reply_in_chat(
        shipped_app, "je comprends rien à ce sigle EPCI")


def test_kezako_spelt_with_a_z_asks_what_it_is(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "on m'a parlé d'ANRU, kézako ?")
    assert shown.splitlines()[0].removeprefix("hotline> ").startswith("Qu'est-ce que l'ANRU")


# --- the agenda asked of the months ahead -------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["vous pouvez m'envoyer le programme des prochaines semaines ?",
                                  "je voudrais consulter l'agenda des prochains mois"])
def test_the_programme_of_the_coming_weeks_is_the_agenda(shipped_app: App, clock: ManualClock, text: str) -> None:
    clock.set(NOVEMBER_27)
    assert AGENDA in reply_in_chat(shipped_app, text)


@pytest.mark.parametrize("text", ["il y a des trucs en avril ?", "ya des choses en avril ?"])
def test_things_happening_in_a_month_is_the_agenda(shipped_app: App, clock: ManualClock, text: str) -> None:
    clock.set(NOVEMBER_27)
    assert AGENDA in reply_in_chat(shipped_app, text)


@pytest.mark.parametrize("text", ["les prochaines dates svp", "vous organisez des trucs pendant les vacances ?",
                                  "est-ce qu'il y a des activités en décembre ?",
                                  "c'est quand le prochain truc pour les conseillers ?"])
def test_events_asked_in_everyday_words_show_the_agenda(shipped_app: App, clock: ManualClock, text: str) -> None:
    clock.set(NOVEMBER_27)
    assert AGENDA in reply_in_chat(shipped_app, text)


@pytest.mark.parametrize(("text", "shown"), [
    ("la soirée pour le livre, c'est à quelle date ?", "Soirée de lancement du livre"),  # its card
    ("le cycle pour les nouveaux élus, c'est pour quand ?", AGENDA),
    ("y a un truc sur la laïcité bientôt ?", "autour de la laïcité"),  # its card: no date was ever announced
])
def test_an_evening_a_cycle_or_something_soon_is_asked_of_the_agenda(shipped_app: App, clock: ManualClock,
                                                                     text: str, shown: str) -> None:
    clock.set(NOVEMBER_27)
    assert shown in reply_in_chat(shipped_app, text)


def test_see_you_at_the_next_meeting_closes_the_conversation(shipped_app: App, clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    shown = reply_in_chat(shipped_app, "merci et bonne soirée, à la prochaine réunion")
    assert AGENDA not in shown and "[1]" not in shown


def test_what_to_do_about_an_appointment_next_week_is_no_agenda_question(shipped_app: App,
                                                                         clock: ManualClock) -> None:
    clock.set(NOVEMBER_27)
    shown = reply_in_chat(shipped_app, "mon rendez-vous à la préfecture est la semaine prochaine et j'ai perdu mon "
                                       "passeport, je fais quoi ?")
    assert AGENDA not in shown and "situation personnelle" in shown


# --- acts said in a sentence --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["vous lisez même pas ce que je vous écris",
                                  "non c'est pas ma question, vous lisez ce que je dis ?"])
def test_you_do_not_read_what_i_write_gets_a_calm_reply_offering_a_person(shipped_app: App, text: str) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("c'est quoi un conseil citoyen ?"))
    shown = chat.render(chat.handle(text))
    assert "désolé" in shown and PERSON_OFFERED in shown


@pytest.mark.parametrize("text", ["je vous ai posé une autre question", "relisez ma question svp",
                                  "répondez-moi correctement", "vous m'écoutez pas du tout"])
def test_saying_the_answer_missed_the_point_gets_a_calm_reply_offering_a_person(shipped_app: App, text: str) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("c'est quoi un conseil citoyen ?"))
    shown = chat.render(chat.handle(text))
    assert "désolé" in shown and PERSON_OFFERED in shown


def test_asking_whether_messages_are_read_is_no_complaint(shipped_app: App) -> None:
    # Without a reproach ("même pas", a complaint before it), it may be a question about personal data.
    assert "désolé" not in reply_in_chat(shipped_app, "vous lisez ce que j'écris ?")


@pytest.mark.parametrize("text", ["vous êtes vraiment bêtes", "c'est pas possible d'être aussi bête"])
def test_calling_the_hotline_stupid_gets_a_calm_reply_offering_a_person(shipped_app: App, text: str) -> None:
    shown = reply_in_chat(shipped_app, text)
    assert "désolé" in shown and PERSON_OFFERED in shown


def test_asking_to_have_it_said_again_in_simple_words_gives_the_simpler_version(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    chat.render(chat.handle("c'est quoi un conseil citoyen ?"))
    shown = chat.render(chat.handle("tu peux me le redire avec des mots simples ?"))
    assert "En plus simple" in shown


# --- a daily-life matter the member cannot find ------------------------------------------------------------------

def test_not_finding_a_doctor_is_the_members_own_matter(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je trouve plus de médecin traitant près de chez moi")
    assert "situation personnelle" in shown
    assert not shown.splitlines()[0].removeprefix("hotline> ").startswith("Où se faire aider")
