"""The console in real Chromium: what a staff member does with it, end to end."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from playwright.async_api import Browser, expect

from bot.clock import ManualClock
from bot.config import Settings
from tests.support.browser import ConsoleServer, serve, sign_in
from tests.support.desk import Bot

AWA = 1001
from tests.conftest import STAFF_CHAT, STAFF_USER  # noqa: E402


@pytest.fixture
async def bot(make_settings: Callable[..., Settings], clock: ManualClock) -> AsyncIterator[Bot]:
    running = await Bot(settings=make_settings(), clock=clock).start()
    yield running
    if running.app is not None:
        await running.stop()


@pytest.fixture
def console(bot: Bot) -> AsyncIterator[ConsoleServer]:
    assert bot.app is not None
    server = serve(bot.app)
    yield server
    server.stop()


async def test_a_staff_member_signs_in_and_answers_a_member_who_gets_the_reply_on_telegram(
        bot: Bot, console: ConsoleServer, chromium: Browser) -> None:
    # Given Awa asked something the hotline cannot answer, and sent it to the team
    await bot.who.says(AWA, "quel temps fera-t-il demain", first_name="Awa")
    [unknown] = bot.api.take()
    await bot.who.presses(AWA, unknown.button_data("Poser la question"), first_name="Awa")
    bot.api.take()

    # When Claire opens her one-time link, the inbox shows the question
    page = await sign_in(chromium, console)
    await expect(page.locator(".flash")).to_contain_text("Bonjour Claire")
    await expect(page.locator(".tickets")).to_contain_text("quel temps fera-t-il demain")

    # And she answers it from the ticket's page
    await page.get_by_role("link", name="quel temps fera-t-il demain").click()
    await page.get_by_label("Votre réponse").fill("Nous ne donnons pas la météo : voyez le site de Météo-France.")
    await page.get_by_role("button", name="Envoyer la réponse").click()
    await expect(page.locator(".flash")).to_contain_text("Réponse envoyée")
    await expect(page.locator(".msg-staff")).to_contain_text("Météo-France")

    # Then Awa receives it on Telegram, through the outbox and PTB's real Application
    await bot.deliver()
    [answer] = [c for c in bot.api.take() if c.params["chat_id"] == AWA]
    assert "Météo-France" in answer.text and "↩️ Répondre à l'équipe" in answer.button_labels


async def test_a_used_link_does_not_sign_in_a_second_browser(console: ConsoleServer, chromium: Browser) -> None:
    link = console.link()
    first = await chromium.new_page()
    await first.goto(link)
    await first.get_by_role("button", name="Se connecter").click()
    await first.wait_for_url(f"{console.url}/questions")
    other = await (await chromium.new_context()).new_page()
    await other.goto(link)
    await expect(other.locator(".error")).to_contain_text("déjà servi")
    await other.goto(f"{console.url}/questions")
    await expect(other).to_have_url(f"{console.url}/connexion")


async def test_an_edited_entry_is_what_the_test_pane_answers_with(bot: Bot, console: ConsoleServer,
                                                                  chromium: Browser) -> None:
    assert bot.app is not None
    entry = bot.app.faq.answerer.kb.faq[0]
    page = await sign_in(chromium, console)
    await page.get_by_role("link", name="Connaissances").click()
    await page.get_by_role("searchbox", name="Chercher").fill(entry.id)
    await page.get_by_role("button", name="Chercher").click()
    await page.get_by_role("link", name=entry.question).click()
    await page.locator("#answer").fill("Un groupe d'habitants du quartier, tirés au sort "
                                       "ou volontaires : version relue dans la console.")
    if await page.locator("#short").count():  # what the member reads first, once the knowledge has it
        await page.locator("#short").fill("Un groupe d'habitants : version relue dans la console.")
    await page.get_by_role("button", name="Enregistrer et publier").click()
    await expect(page.locator(".flash")).to_contain_text("Enregistré")

    await page.get_by_label("Question à tester").fill(entry.question)
    await page.get_by_role("button", name="Demander à la hotline").click()
    result = page.locator("#pane-result")
    await expect(result).to_contain_text("Réponse directe")
    await expect(result).to_contain_text("version relue dans la console")
    assert "<html" not in await result.inner_html()  # htmx swapped a fragment in, the page stayed

    # and a member on Telegram gets the same new answer
    await bot.who.says(AWA, entry.question)
    [reply] = bot.api.take()
    assert "version relue dans la console" in reply.text


async def test_a_broken_edit_is_refused_next_to_its_field_while_the_bot_keeps_answering(
        bot: Bot, console: ConsoleServer, chromium: Browser) -> None:
    assert bot.app is not None
    entry = bot.app.faq.answerer.kb.faq[0]
    page = await sign_in(chromium, console)
    await page.goto(f"{console.url}/connaissances/faq/{entry.id}")
    await page.locator("#source").fill("")
    await page.locator("#related").fill("fiche-inconnue")
    await page.get_by_role("button", name="Enregistrer et publier").click()
    await expect(page.locator("#problem-source")).to_have_text("champ « source » manquant")
    await expect(page.locator("#field-source")).to_have_class("field field-error")
    await expect(page.get_by_role("alert")).to_contain_text("La hotline continue de répondre")
    await bot.who.says(AWA, entry.question)
    [reply] = bot.api.take()
    assert (entry.short or entry.answer)[:60] in reply.text  # the version in service, short answer first


async def test_a_draft_from_a_staff_answer_is_published_from_the_review_queue(
        bot: Bot, console: ConsoleServer, chromium: Browser) -> None:
    assert bot.app is not None
    await bot.who.says(AWA, "peut on se faire rembourser les trajets")
    [unknown] = bot.api.take()
    await bot.who.presses(AWA, unknown.button_data("Poser la question"))
    await bot.who.says(STAFF_USER, "/repondre 1 Oui : demandez le formulaire de remboursement à la structure porteuse.",
                       chat_id=STAFF_CHAT, chat_type="supergroup", first_name="Claire")
    await bot.who.says(STAFF_USER, "/fiche 1", chat_id=STAFF_CHAT, chat_type="supergroup", first_name="Claire")
    bot.api.take()

    page = await sign_in(chromium, console)
    await page.goto(f"{console.url}/connaissances/brouillons")
    await page.get_by_role("link", name="appris-1").click()
    await page.locator("#alternates").fill("rembourser les trajets\nfrais de déplacement\nremboursement transport")
    await page.get_by_label("À faire relire").uncheck()
    if await page.locator("#short").count():  # the plain short answer, once the knowledge has them
        await page.locator("#short").fill("Oui. Demandez le formulaire de remboursement.")
    await page.get_by_role("button", name="Publier").click()
    await expect(page.locator(".flash")).to_contain_text("Publié")

    await bot.who.says(1002, "peut on se faire rembourser les trajets", first_name="Malik")
    [reply] = bot.api.take()
    assert "formulaire de remboursement" in reply.text


async def test_an_announcement_shows_its_progress_live_until_100_percent(
        bot: Bot, console: ConsoleServer, chromium: Browser) -> None:
    from tests.support.announce import subscribe

    assert bot.members is not None
    for user_id in (1001, 1002, 1003):
        await subscribe(bot.members, bot.api, user_id)
    page = await sign_in(chromium, console)
    await page.get_by_role("link", name="Annonces").click()
    await page.get_by_label("Sujet").select_option("agenda")
    await page.get_by_label("Texte").fill("Inter-conseil le 12 mars : inscrivez-vous avec /agenda.")
    await page.get_by_role("button", name="Voir l'aperçu").click()
    await expect(page.locator("blockquote.telegram")).to_contain_text("Inter-conseil le 12 mars")
    await expect(page.get_by_text("3 destinataires")).to_be_visible()
    await page.get_by_role("button", name="Envoyer à 3 personnes").click()
    await expect(page.locator(".flash")).to_contain_text("en cours d'envoi")
    await expect(page.locator(".percent")).to_have_text("0 %")

    # The dispatcher sends; the page, polling with htmx, follows without a reload
    await bot.deliver()
    await expect(page.locator(".percent")).to_have_text("100 %", timeout=10_000)
    await expect(page.locator(".progress-line")).to_contain_text("terminé")
    assert sorted(c.params["chat_id"] for c in bot.api.take() if "Inter-conseil" in c.text) == [1001, 1002, 1003]


async def test_an_event_created_in_the_console_takes_a_members_registration(
        bot: Bot, console: ConsoleServer, chromium: Browser) -> None:
    page = await sign_in(chromium, console)
    await page.get_by_role("link", name="Événements").click()
    await page.get_by_role("link", name="Nouvel événement").click()
    await page.get_by_label("Type").select_option("cafe_citoyen")
    await page.get_by_label("Titre").fill("Café citoyen de janvier")
    await page.get_by_label("Début (heure de Paris)").fill("2026-01-20 18:30")
    await page.get_by_label("Lieu").fill("Maison de quartier")
    await page.get_by_label("Places").fill("12")
    await page.get_by_role("button", name="Créer l'événement").click()
    await expect(page.locator(".flash")).to_contain_text("Événement créé")
    event_url = page.url

    # Awa registers on Telegram, through PTB's real Application
    assert bot.app is not None
    from tests.support.events import event_id

    number = int(event_url.rsplit("/", 1)[1])
    with bot.app.db.session() as session:
        from bot.storage.models import Event

        slug = session.get(Event, number).slug  # type: ignore[union-attr]
    await bot.who.presses(AWA, f"ev:reg:{event_id(bot.app, slug)}")
    await bot.who.says(AWA, "Awa D.")
    await bot.who.presses(AWA, "pf:c:quartier-nord")
    await bot.who.presses(AWA, "pf:r:cc")
    await bot.who.presses(AWA, "pf:ok")
    bot.api.take()
    with bot.app.db.session() as session:
        from sqlmodel import select

        from bot.storage.models import Registration

        [registration] = session.exec(select(Registration).where(Registration.event_id == number)).all()
    assert registration.status == "confirmed"

    await page.reload()
    await expect(page.locator(".side")).to_contain_text("Awa D.")
    await expect(page.locator(".side")).to_contain_text("Conseil citoyen Quartier Nord")
    await expect(page.locator(".side")).to_contain_text("1 sur 12 places")
