"""What a member says about herself, her plans or her age is the story around a question, not what she asks:
feeling useless is not anger at the hotline, a holiday next week is no question about the centre's agenda.

The messages were written for these tests, in the members' own ways; none comes from an evaluation set."""

from __future__ import annotations

from bot.app import App
from tests.conftest import first_line, reply_in_chat


def test_feeling_useless_oneself_is_no_complaint_about_the_hotline(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "je me sens nulle en réunion, je sais jamais quoi dire")
    assert "désolé" not in shown and "pas su vous aider" not in shown


def test_the_usual_time_of_the_councils_meetings_is_its_practice_not_the_agenda(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "en principe les réunions sont censées commencer à quelle heure ?")
    assert "Agenda" not in shown and "à quelle heure, le conseil citoyen se réunit" in shown


def test_a_holiday_next_week_in_the_members_story_does_not_open_the_agenda(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "on part en famille la semaine prochaine donc je vais rater la réunion, "
                                       "est-ce que c'est un problème ?")
    assert "Agenda" not in shown


def test_asking_for_the_next_meetings_still_opens_the_agenda(shipped_app: App) -> None:
    assert "Agenda" in reply_in_chat(shipped_app, "c'est quand les prochaines réunions ?")


def test_registering_on_the_electoral_rolls_is_oriented_to_the_town_hall(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "on a déménagé cet été, je dois me réinscrire sur les listes électorales, "
                                       "je fais comment ?")
    assert "Ce n'est pas mon domaine" in shown and "listes électorales, adressez-vous à votre mairie" in shown


def test_whether_the_rolls_are_needed_to_sit_on_the_council_is_still_answered(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "faut être inscrit sur les listes électorales pour être au conseil citoyen ?")
    assert shown.splitlines()[0].endswith("Faut-il être français ou inscrit sur les listes électorales pour être "
                                          "conseiller citoyen ?")


def test_an_adults_age_in_her_introduction_does_not_bring_the_young_peoples_entry(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Moi c'est Nadia, 29 ans, je peux être membre ?")
    assert "jeune ou mineur" not in first_line(shown)


def test_a_minors_age_still_asks_whether_the_young_may_sit(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "slt jai 15 ans, je peux etre membre du conseil citoyen ?")
    assert "jeune ou mineur" in first_line(shown)
