"""A member thanks, gets angry, asks for a human, does not understand, asks where their question is,
or goes on from the last answer: the same story in the terminal chat and through PTB's real Application."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.app import App
from bot.channels.terminal import TerminalChat
from bot.clock import ManualClock
from tests.conftest import STAFF_USER, TelegramHarness

AWA = 1001
CLOSE_WORDS = ("plaisir", "revoir", "Très bien")


def terminal(app: App) -> TerminalChat:
    return TerminalChat(app.hotline)


# --- in the terminal chat ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["merci beaucoup vous etes gentil", "merciiii 🙏", "ok", "d'accord merci, bonne journée",
                                  "a+", "merci pour cette réponse très claire", "d'accord je vais regarder ça",
                                  "oki doki", "allez je vous laisse, bon courage"])
def test_thanks_goodbye_and_ok_get_a_short_close_without_a_ticket_offer(app: App, text: str) -> None:
    chat = terminal(app)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    shown = chat.render(chat.handle(text))
    assert any(word in shown for word in CLOSE_WORDS)
    assert "équipe" not in shown and "[1]" not in shown


@pytest.mark.parametrize("text", ["Merci pour l'info sur le fonds de participation, c'est très clair",
                                  "merci pour la réponse sur le copil ça m'aide beaucoup",
                                  "super merci pour le lien vers la gazette"])
def test_thanks_naming_what_the_answer_was_about_close_without_an_entry(shipped_app: App, text: str) -> None:
    chat = terminal(shipped_app)
    shown = chat.render(chat.handle(text))
    assert any(word in shown for word in CLOSE_WORDS)
    assert "équipe" not in shown and "[1]" not in shown


def test_thanks_then_a_question_on_the_same_subject_is_still_a_question(shipped_app: App) -> None:
    decision = shipped_app.faq.answerer.decide("merci pour l'info sur le copil, mais c'est quand le prochain ?")
    assert decision.kind.value != "smalltalk"


@pytest.mark.parametrize("text", ["c nul votre truc", "vous servez à rien, pfff", "ça répond pas du tout à ma question",
                                  "allez vous faire voir", "ce robot comprend absolument rien",
                                  "c'est pas ce que je cherchais"])
def test_anger_gets_a_calm_reply_that_offers_a_person(app: App, text: str) -> None:
    chat = terminal(app)
    shown = chat.render(chat.handle(text))
    assert "désolé" in shown and "Poser la question à l'équipe" in shown
    assert "Je ne connais pas la réponse" not in shown


def test_asking_for_a_human_gets_the_ticket_offer_with_its_button_at_once(app: App) -> None:
    chat = terminal(app)
    shown = chat.render(chat.handle("je veux parler a un humain pas a un robot"))
    assert "une personne de l'équipe" in shown
    assert "[1] ✉️ Poser la question à l'équipe" in shown
    sent = chat.render(chat.handle("1"))
    assert "n° 1" in sent  # the ticket is open


@pytest.mark.parametrize("text", ["vous êtes une IA ?", "mettez-moi en contact avec quelqu'un de chez vous",
                                  "passez-moi une conseillère svp"])
def test_asking_whether_a_person_answers_gets_the_offer_of_one(app: App, text: str) -> None:
    chat = terminal(app)
    shown = chat.render(chat.handle(text))
    assert "une personne de l'équipe" in shown and "Poser la question à l'équipe" in shown


def test_someone_else_not_answering_is_the_story_not_anger_at_the_hotline(shipped_app: App) -> None:
    shown = terminal(shipped_app).render(terminal(shipped_app).handle(
        "Plus d'eau chaude depuis dix jours dans la tour, le bailleur ne répond pas et la mairie non plus. Est-ce qu'on "
        "peut prévenir le préfet ?"))
    assert "Le conseil citoyen peut-il aler" in shown and "désolé" not in shown


@pytest.mark.parametrize("text", ["comment je peux joindre quelqu'un de l'équipe par téléphone ?",
                                  "vous avez un numéro pour joindre quelqu'un ?"])
def test_asking_by_which_means_to_reach_the_team_gets_the_contact_entries(shipped_app: App, text: str) -> None:
    # A question on the means (phone, e-mail), not a request for a person: the entries that give them are offered.
    shown = terminal(shipped_app).render(terminal(shipped_app).handle(text))
    assert "Comment contacter RésO Villes" in shown
    assert "une personne de l'équipe" not in shown or "Comment parler à une vraie personne" in shown


@pytest.mark.parametrize("text", ["je préférerais qu'une personne me réponde", "j'aimerais qu'un conseiller me réponde",
                                  "je voudrais que quelqu'un de l'équipe m'écrive"])
def test_wishing_that_a_person_answers_gets_the_offer_of_one(shipped_app: App, text: str) -> None:
    chat = terminal(shipped_app)
    shown = chat.render(chat.handle(text))
    assert "une personne de l'équipe" in shown and "Poser la question à l'équipe" in shown


@pytest.mark.parametrize("text", ["vous pouvez reformuler ?", "jcomprend r1", "avec des mots plus simples svp"])
def test_other_ways_of_not_understanding_give_the_simpler_version(app: App, text: str) -> None:
    chat = terminal(app)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    assert "En plus simple" in chat.render(chat.handle(text))


def test_plus_simple_after_an_answer_gives_a_simpler_version(app: App) -> None:
    chat = terminal(app)
    chat.render(chat.handle("c'est koi un conseil citoyen"))
    shown = chat.render(chat.handle("plus simple svp"))
    assert "En plus simple" in shown and "Qu'est-ce qu'un conseil citoyen ?" in shown
    assert "Revoir la réponse complète" in shown


def test_plus_simple_does_not_repeat_the_short_answer_just_shown(shipped_app: App) -> None:
    # The answer shows its short version first: "plus simple" gives its first sentences, not the same text again.
    chat = terminal(shipped_app)
    chat.render(chat.handle("c'est quoi un conseil citoyen ?"))
    shown = chat.render(chat.handle("plus simple svp"))
    assert "Un conseil citoyen réunit des habitants et des acteurs d'un quartier prioritaire." in shown
    assert "Il est indépendant de la mairie" not in shown
    assert "Les mots à connaître" in shown and "Revoir la réponse complète" in shown


def test_plus_simple_never_shrinks_an_answer_to_a_bare_yes(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    chat.render(chat.handle("Ai-je le droit de prendre la parole pendant les réunions ?"))
    shown = chat.render(chat.handle("plus simple svp"))
    assert "Oui. Chaque membre peut donner son avis en réunion." in shown


def test_je_comprends_pas_without_a_previous_answer_asks_for_the_question_again(app: App) -> None:
    chat = terminal(app)
    shown = chat.render(chat.handle("je comprends pas"))
    assert "avec vos mots" in shown


def test_where_is_my_question_lists_the_forwarded_questions_and_closes_one(app: App) -> None:
    chat = terminal(app)
    chat.render(chat.handle("quel temps fera-t-il demain"))  # unknown: offered to the team
    shown = chat.render(chat.handle("où en est ma question ?"))
    assert "pas encore transmis" in shown
    chat.render(chat.handle("je veux parler à une vraie personne"))
    chat.render(chat.handle("1"))  # the ticket button
    shown = chat.render(chat.handle("où en est ma question ?"))
    assert "N° 1" in shown and "en attente" in shown and "« je veux parler à une vraie personne »" in shown
    assert "Clore la question n° 1" in shown
    assert "N° 1" in chat.render(chat.handle("/mesquestions"))
    assert "close" in chat.render(chat.handle("1")).lower()


def test_a_follow_up_is_read_with_the_previous_answer(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    chat.render(chat.handle("Existe-t-il des formations pour les membres des conseils citoyens ?"))
    shown = chat.render(chat.handle("et ça coûte combien ?"))
    assert "Une formation coûte-t-elle quelque chose" in shown


def test_a_follow_up_on_the_data_just_described_asks_to_see_them(shipped_app: App) -> None:
    # "consulter" is what is asked, about the personal data the previous answer described (not deleting them).
    chat = terminal(shipped_app)
    assert "Le bot garde votre profil" in chat.render(chat.handle("Quelles données personnelles gardez-vous sur moi ?"))
    shown = chat.render(chat.handle("et on peut les consulter ?"))
    assert shown.startswith("hotline> Comment voir toutes les données que le bot a sur moi ?")
    assert "Tapez /mesdonnees" in shown and "Vouliez-vous dire" not in shown


def test_a_follow_up_naming_a_new_subject_is_not_answered_by_the_link_alone(shipped_app: App) -> None:
    # Financing leads to the FPH; "les jeunes" leads elsewhere on its own: both are offered, nothing is asserted.
    chat = terminal(shipped_app)
    chat.render(chat.handle("comment financer une action"))
    shown = chat.render(chat.handle("et pour les jeunes ?"))
    assert "Vouliez-vous dire" in shown
    assert "Comment obtenir un financement du FPH" in shown and "Comment faire participer les jeunes" in shown


def test_a_property_asked_with_a_tag_is_read_with_the_previous_answer(shipped_app: App) -> None:
    # "non ?" only asks for agreement: "c'est obligatoire non ?" asks what "c'est obligatoire ?" asks.
    chat = terminal(shipped_app)
    chat.render(chat.handle("comment se passe le tirage au sort"))
    shown = chat.render(chat.handle("c'est obligatoire non ?"))
    assert "Le tirage au sort est-il encore obligatoire" in shown and "Vouliez-vous dire" not in shown


def test_a_message_opening_on_a_property_of_the_previous_answer_is_one_follow_up(shipped_app: App) -> None:
    # "c'est obligatoire non ?" names nothing: both sentences go on about the draw just explained.
    chat = terminal(shipped_app)
    chat.render(chat.handle("comment se passe le tirage au sort"))
    shown = chat.render(chat.handle("c'est obligatoire non ? Qu'est-ce qu'on peut faire concrètement ?"))
    assert "Le tirage au sort est-il encore obligatoire" in shown and "Vous posez deux questions" not in shown


def test_when_unsure_the_entry_two_rankers_agree_on_is_offered_rather_than_nothing(shipped_app: App) -> None:
    # Our ranking alone explains too little of this message to offer anything; BM25 and the letters both name it.
    chat = terminal(shipped_app)
    shown = chat.render(chat.handle("le copil de la semaine dernière j'ai pas tout capté, on y a dit quoi ?"))
    assert "Vouliez-vous dire" in shown and "Comment préparer un comité de pilotage" in shown


@pytest.mark.parametrize("text", ["les horaires de la piscine svp", "le marché de samedi est maintenu ?"])
def test_an_out_of_scope_question_is_offered_no_entry_that_shares_a_word(shipped_app: App, text: str) -> None:
    shown = terminal(shipped_app).render(terminal(shipped_app).handle(text))
    # An honest reply (the pool, a public service one uses, is named as not the hotline's field), no entry offered.
    assert ("Je ne connais pas la réponse" in shown or "Ce n'est pas mon domaine" in shown)
    assert "Vouliez-vous dire" not in shown and "Ces fiches peuvent" not in shown


def test_a_vague_question_after_its_story_offers_the_entry_the_story_names_first(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    shown = chat.render(chat.handle("Le président veut qu'on signe un papier pour devenir une association. Je comprends "
                                    "pas pourquoi, on est obligés ? et ça change quoi pour nous ?"))
    assert "[1] Le conseil citoyen doit-il être une association ?" in shown


def test_where_it_is_after_who_they_are_gives_the_contact_entry(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    assert "Qui est RésO Villes" in chat.render(chat.handle("RésO Villes c'est qui ?"))
    assert "Comment contacter RésO Villes" in chat.render(chat.handle("et l'adresse ?"))


def test_a_question_understood_alone_is_made_precise_by_the_previous_answer(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    chat.render(chat.handle("Existe-t-il des formations pour les membres des conseils citoyens ?"))
    assert "Une formation coûte-t-elle quelque chose" in chat.render(chat.handle("c'est gratuit ?"))


def test_two_questions_in_one_message_get_two_answers(shipped_app: App) -> None:
    chat = terminal(shipped_app)
    shown = chat.render(chat.handle("Bonjour, c koi le FPH et comment on démissionne du conseil citoyen ? merci"))
    assert "deux questions" in shown
    assert "fonds de participation des habitants" in shown
    assert "démissionner" in shown


# --- through PTB's real Application --------------------------------------------------------

async def test_on_telegram_thanks_close_the_conversation_without_buttons(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "merci beaucoup vous etes gentil")
    [reply] = telegram.api.take()
    assert "plaisir" in reply.text and reply.button_labels == []


async def test_on_telegram_an_insult_gets_a_calm_offer_of_a_person(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "c nul votre truc")
    [reply] = telegram.api.take()
    assert "désolé" in reply.text and "✉️ Poser la question à l'équipe" in reply.button_labels


async def test_on_telegram_asking_for_a_human_carries_the_button_that_opens_a_ticket(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "je veux parler a un humain pas a un robot")
    [offer] = telegram.api.take()
    assert "✉️ Poser la question à l'équipe" in offer.button_labels
    await telegram.members.presses(AWA, offer.button_data("Poser la question"))
    sent = [c for c in telegram.api.take() if c.params.get("chat_id") == AWA]
    assert any("n° 1" in c.text for c in sent)


async def test_on_telegram_thanks_with_a_compliment_close_the_conversation(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "merci pour votre réponse rapide, bonne soirée")
    [reply] = telegram.api.take()
    assert reply.button_labels == [] and any(word in reply.text for word in CLOSE_WORDS)


async def test_on_telegram_asking_if_it_is_a_robot_offers_a_person(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "c'est un robot ou une vraie personne ?")
    [offer] = telegram.api.take()
    assert "une personne de l'équipe" in offer.text and "✉️ Poser la question à l'équipe" in offer.button_labels


async def test_on_telegram_an_insult_alone_is_never_matched_against_the_faq(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "va te faire voir")
    [reply] = telegram.api.take()
    assert "désolé" in reply.text and "Source" not in reply.text


async def test_on_telegram_plus_simple_after_an_answer(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "c'est koi un conseil citoyen")
    telegram.api.take()
    await telegram.members.says(AWA, "c'est-à-dire ?")
    [simpler] = telegram.api.take()
    assert "En plus simple" in simpler.text and "📄 Revoir la réponse complète" in simpler.button_labels


async def test_on_telegram_mesquestions_shows_the_status_and_who_took_it(telegram: TelegramHarness) -> None:
    await telegram.members.says(AWA, "une vraie personne svp")
    [offer] = telegram.api.take()
    await telegram.members.presses(AWA, offer.button_data("Poser la question"))
    telegram.api.take()
    await telegram.members.presses(STAFF_USER, "tk:take:1", first_name="Karim")
    telegram.api.take()
    await telegram.members.says(AWA, "vous m'avez pas répondu")
    [status] = telegram.api.take()
    assert "N° 1" in status.text and "Karim s'en occupe" in status.text
    await telegram.members.says(AWA, "/mesquestions")
    [again] = telegram.api.take()
    assert "✅ Clore la question n° 1" in again.button_labels


async def test_on_telegram_a_follow_up_is_read_with_the_previous_answer(shipped: TelegramHarness) -> None:
    await shipped.members.says(AWA, "comment on rejoint un conseil citoyen ?")
    shipped.api.take()
    await shipped.members.says(AWA, "et pour les jeunes ?")
    [answer] = shipped.api.take()
    assert "jeunes" in answer.text.lower() and "Source" in answer.text


async def test_on_telegram_a_follow_up_expires_with_the_conversation(shipped: TelegramHarness,
                                                                      clock: ManualClock) -> None:
    await shipped.members.says(AWA, "Existe-t-il des formations pour les membres des conseils citoyens ?")
    shipped.api.take()
    clock.advance(timedelta(hours=2))
    await shipped.members.says(AWA, "et ça coûte combien ?")
    [reply] = shipped.api.take()
    assert "Une formation coûte-t-elle quelque chose" not in reply.text


# --- on the shipped knowledge: the long messages of the issue ------------------------------

async def test_a_worried_message_about_the_copil_gets_the_preparation_entry(shipped: TelegramHarness) -> None:
    await shipped.members.says(AWA, "bjr on a un copil dans 2 semaines et personne sait quoi dire, c'est la première "
                                    "fois qu'on y va, comment on se prépare ?")
    [answer] = shipped.api.take()
    assert "comité de pilotage" in answer.text.lower() and "Source" in answer.text


async def test_on_telegram_the_address_follows_who_they_are(shipped: TelegramHarness) -> None:
    await shipped.members.says(AWA, "RésO Villes c'est qui ?")
    [who] = shipped.api.take()
    assert "Qui est RésO Villes" in who.text
    await shipped.members.says(AWA, "et l'adresse ?")
    [answer] = shipped.api.take()
    assert "Comment contacter RésO Villes" in answer.text


async def test_the_price_of_the_training_follows_the_training(shipped: TelegramHarness) -> None:
    await shipped.members.says(AWA, "Existe-t-il des formations pour les membres des conseils citoyens ?")
    shipped.api.take()
    await shipped.members.says(AWA, "et ça coûte combien ?")
    [answer] = shipped.api.take()
    assert "Une formation coûte-t-elle quelque chose" in answer.text
