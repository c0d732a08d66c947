"""Members who tell how they feel, or what happened, around their question, and who join two questions as they speak:
each story below is told in the terminal chat, and the member gets the question they asked."""

from __future__ import annotations

from bot.app import App
from tests.conftest import first_line, reply_in_chat


def test_a_subject_named_then_taken_up_by_il_after_et_is_a_second_question(shipped_app: App) -> None:
    # Spoken French names the subject, then takes it up with a pronoun: "et le trésorier, il est…".
    shown = reply_in_chat(shipped_app, "Faut-il une charte pour notre conseil, et le trésorier il est obligatoire ?")
    assert "Vous posez deux questions" in shown
    assert "règlement intérieur ou une charte" in shown


def test_asking_whether_what_happened_is_normal_then_asking_is_one_question(shipped_app: App) -> None:
    # "C'est normal ?" names nothing: it asks about the story, and the real question follows.
    shown = reply_in_chat(shipped_app, "Je n'ai pas reçu de convocation pour la réunion de jeudi. C'est normal ? "
                                       "Comment on est prévenu des réunions ?")
    assert "Vous posez deux questions" not in shown


def test_a_member_who_feels_useless_is_heard_as_a_new_member_not_as_a_complaint(shipped_app: App) -> None:
    shown = reply_in_chat(shipped_app, "Je me sens inutile. Ça fait trois mois que je suis au conseil et je ne sais "
                                       "pas quoi faire. Je commence par quoi ?")
    assert "je n'ai pas su vous aider" not in shown
    assert "Je suis nouveau membre du conseil citoyen" in shown


def test_mes_donner_heard_for_mes_donnees(shipped_app: App) -> None:
    # After a possessive, "donner" can only be the noun "données" typed as heard.
    shown = reply_in_chat(shipped_app, "comment je vois mes donner")
    assert first_line(shown) == "Comment voir toutes les données que le bot a sur moi ?"


def test_what_the_member_is_asked_by_others_is_what_they_ask(shipped_app: App) -> None:
    # "on me demande ce qu'est le FPH": the member passes the question on; "demande" asks for no grant.
    shown = reply_in_chat(shipped_app, "Je suis nouvelle et on me demande ce qu'est le FPH, vous pouvez m'expliquer ?")
    assert first_line(shown) == "Qu'est-ce que le fonds de participation des habitants (FPH) ?" or (
        "[1] Qu'est-ce que le fonds de participation des habitants" in shown)


def test_what_is_our_mission_asks_for_the_members_part_not_for_a_definition(shipped_app: App) -> None:
    # The story names a term; "c'est quoi notre mission" asks about the council's own part in it.
    shown = reply_in_chat(shipped_app, "Je ne comprends pas ce que la mairie attend de nous pour le contrat de ville. "
                                       "C'est quoi notre mission ?")
    assert not first_line(shown).startswith("contrat de ville :")


def test_a_story_does_not_hide_a_question_sure_on_its_own(shipped_app: App) -> None:
    # Told alone, the question is surely about mobilising residents, and so it is first with the story too.
    shown = reply_in_chat(shipped_app, "La dernière fois on a fait une porte ouverte et personne n'est passé. "
                                       "Comment on ramène du monde ?")
    assert first_line(shown) == "Comment mobiliser les habitants et faire venir de nouveaux membres ?"


def test_called_names_by_another_member_is_an_insult_to_report(shipped_app: App) -> None:
    # "il m'a traité d'incapable": called names, insulted; "humiliée" and "rabaissée" are one feeling.
    shown = reply_in_chat(shipped_app, "Il m'a traité d'incapable devant les autres membres. Qui peut m'aider ?")
    assert first_line(shown).startswith("Quelqu'un du conseil me manque de respect")
