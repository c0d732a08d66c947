"""Questions from members' trials (knowledge side, sixth round): a member treated with disrespect by another,
a new member asked to sign the charter, a salaried member's leave, trainings meant for members or for professionals;
then a council without a president, a council's survey of residents, the town hall choosing members, a council
fearing it will be abolished. Each is answered from the shipped knowledge, with the real text it rests on."""

from __future__ import annotations

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE, first_line


def test_a_member_disrespected_for_her_veil_is_told_who_to_tell(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("on m'a manqué de respect au conseil à cause de mon voile"))
    assert first_line(shown) == "Quelqu'un du conseil me manque de respect ou tient des propos blessants : à qui le dire ?"
    assert "tiers neutre" in shown


def test_the_disrespect_answer_names_the_rights_defender_and_the_neutral_third_party() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-respect-membres")
    assert entry is not None
    assert "Défenseur des droits (39 28)" in entry.answer
    assert "structure porteuse" in entry.answer


def test_a_new_member_asked_to_sign_the_charter_learns_no_law_requires_it(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("est ce que je dois signer la charte quand je rentre au conseil"))
    assert first_line(shown) == "Le conseil citoyen doit-il avoir un règlement intérieur ou une charte ?"
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-reglement-interieur")
    assert entry is not None
    assert "Aucun texte n'oblige un nouveau membre à le signer" in entry.answer


def test_the_leave_for_salaried_members_rests_on_the_labour_code() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("moyens-conge-salarie")
    assert entry is not None
    assert "article L. 3142-54-1" in entry.answer
    assert "demi-journées" in entry.answer
    assert "n'est pas payé" in entry.answer
    assert entry.source.startswith("Code du travail, article L. 3142-54-1")
    # The article still cites the prefect's recognition, which no longer exists: the entry stays marked for review.
    assert entry.needs_review


def test_the_2026_trainings_entry_says_whom_it_is_for_and_the_members_one_is_separate() -> None:
    knowledge = load_knowledge(SHIPPED_KNOWLEDGE)
    professionals = knowledge.entry("event-formations-2026")
    members = knowledge.entry("crpv-formations-membres")
    assert professionals is not None and members is not None
    assert "aux professionnels et aux élus" in professionals.question
    assert "membres des conseils citoyens" in members.question
    assert "ne détaille pas de formation réservée aux conseillers citoyens" in members.answer


def test_a_council_fearing_dissolution_for_lack_of_members_is_offered_the_renewal_entry_first(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("on n'est plus que trois, le conseil va être dissous ?"))
    assert "Vouliez-vous dire" in shown
    assert "[1] Comment le conseil citoyen est-il renouvelé" in shown, shown


def test_a_council_without_a_president_learns_its_own_rules_set_the_roles_not_exclusion(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("on a plus de président depuis 6 mois personne veut le faire on fait comment"))
    assert first_line(shown) == "Notre conseil doit-il avoir un président ? Comment répartir les rôles ?"
    assert "exclure" not in shown


def test_the_president_answer_rests_on_the_frame_of_reference_and_the_1901_law() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-president-roles")
    assert entry is not None
    assert "Aucun texte national n'oblige un conseil citoyen à avoir un président" in entry.answer
    assert "ses statuts disent qui la dirige" in entry.answer
    assert "dans les trois mois" in entry.answer
    assert "article 5" in entry.source
    # The roles are set by each council's charter, as the frame of reference asks: the source names that passage.
    assert "« Règlement intérieur ou charte »" in entry.source


def test_karim_asking_for_help_with_a_survey_hears_it_is_accompanied_and_free(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle(
        "Bonjour, c'est Karim. On voudrait faire une enquête auprès des habitants sur la propreté, est-ce que le "
        "centre peut nous aider à faire le questionnaire ? Et est-ce que c'est payant ?"))
    assert "RésO Villes peut-il aider notre conseil à monter un projet" in shown
    assert "Je ne connais pas la réponse" not in shown


def test_the_project_support_answer_invents_no_service_and_no_price() -> None:
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("crpv-aide-projet")
    assert entry is not None
    assert "gratuit (grille tarifaire 2026)" in entry.answer
    assert "pas « à votre place »" in entry.answer
    assert "€" not in entry.answer and "euros" not in entry.answer
    # Only the written accompaniment is promised for a survey: a method and examples, not the survey done for them.
    assert "sans faire l'enquête à votre place" in entry.answer


def test_a_member_asking_whether_the_town_hall_picks_the_members_is_offered_joining_and_independence_first(
        shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("est ce que la mairie a le droit de choisir qui est dans le conseil citoyen"))
    # Who chooses the members (the joining entry) and whether the town hall steers the council (its independence):
    # both are offered at the top, in the order the classifier reads the question (the joining entry may be answered,
    # its independence then the close runner-up's button).
    top = shown.split("[3]")[0]
    assert "Comment rejoindre le conseil citoyen de mon quartier ?" in top, shown
    assert "Le conseil citoyen est-il indépendant" in top, shown
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cc-comment-rejoindre")
    assert entry is not None
    assert "le conseil agit en toute indépendance" in entry.answer


def test_a_council_fearing_it_will_be_abolished_hears_it_goes_on_existing(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("notre conseil va être supprimé ?"))
    assert first_line(shown) == "Qu'est-ce que les décrets de novembre 2024 changent pour notre conseil ?"
    assert "effacer mes données" not in shown


def test_a_member_asking_whether_she_may_speak_in_a_meeting_is_told_yes(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("est-ce que j'ai le droit de parler pendant la réunion"))
    assert first_line(shown) == "Ai-je le droit de prendre la parole pendant les réunions ?"
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("fonct-droit-parole")
    assert entry is not None and entry.short.startswith("Oui.")
    assert "Cadre de référence des conseils citoyens" in entry.source


def test_an_angry_tenant_whose_landlord_never_repairs_is_pointed_to_the_right_interlocutor(shipped_app: App) -> None:
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("le bailleur fait jamais les réparations j'en ai marre c'est scandaleux"))
    assert "[1] À qui s'adresser selon le problème rencontré dans le…" in shown


def test_a_member_who_left_school_early_learns_no_diploma_is_asked(shipped_app: App) -> None:
    # Aminata writes badly and fears she cannot join: the base answered who may join, not her worry.
    chat = TerminalChat(shipped_app.hotline)
    shown = chat.render(chat.handle("Bonjour, je suis pas allée longtemps à l'école et j'écris mal. Est-ce que je "
                                    "peux quand même entrer au conseil citoyen ?"))
    assert first_line(shown) == "Bonjour ! Faut-il un diplôme ou savoir bien lire et écrire pour être conseiller citoyen ?"
    entry = load_knowledge(SHIPPED_KNOWLEDGE).entry("cc-sans-diplome")
    assert entry is not None and "Loi n° 2014-173 du 21 février 2014, article 7" in entry.source
