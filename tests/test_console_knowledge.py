"""The knowledge editor: checked saves with the error next to the field, served at once, history and revert,
the test pane, and the review queue."""

from __future__ import annotations

import logging

import pytest
from sqlmodel import select

from bot.app import App
from bot.clock import ManualClock
from bot.core.replies import Sender
from bot.knowledge.edits import HAS_SHORT
from bot.storage.models import KnowledgeEdit
from tests.support.console import signed_in

PLAIN_SHORT = {"short": "Oui. Demandez le formulaire de remboursement."} if HAS_SHORT else {}
MALIK = Sender(channel="telegram", user_id="1002", chat_id="1002", display_name="Malik")


def entry_form(app: App, entry_id: str, **changes: str) -> dict[str, str]:
    form = app.desk.editor.form("faq", entry_id)
    assert form is not None
    return {**form, **changes}


def test_an_edit_is_served_at_once_and_can_be_reverted(app: App) -> None:
    browser, csrf = signed_in(app)
    entry = app.faq.answerer.kb.faq[0]
    page = browser.get(f"/connaissances/faq/{entry.id}")
    assert page.status_code == 200 and entry.question.replace("'", "&#39;") in page.text
    new_answer = "Nouvelle réponse relue par l'équipe, avec sa source."
    saved = browser.post(f"/connaissances/faq/{entry.id}", data={"csrf_token": csrf, **entry_form(
        app, entry.id, answer=new_answer, short="Nouvelle réponse relue par l'équipe.")})
    assert saved.status_code == 303
    assert app.faq.answerer.kb.entry(entry.id).answer == new_answer  # type: ignore[union-attr]
    assert app.hotline.on_text(MALIK, entry.question)[0].text.count("Nouvelle réponse relue") == 1
    with app.db.session() as session:
        [first] = session.exec(select(KnowledgeEdit)).all()
    # a second version, then back to the first
    browser.post(f"/connaissances/faq/{entry.id}", data={"csrf_token": csrf, **entry_form(
        app, entry.id, answer="Une autre version encore, toujours sourcée.")})
    assert "Une autre version" in app.faq.answerer.kb.entry(entry.id).answer  # type: ignore[union-attr]
    history = browser.get(f"/connaissances/faq/{entry.id}").text
    assert "Rétablir" in history and "en service" in history
    browser.post(f"/connaissances/versions/{first.id}/retablir", data={"csrf_token": csrf})
    assert app.faq.answerer.kb.entry(entry.id).answer == new_answer  # type: ignore[union-attr]


def test_a_broken_edit_is_refused_with_the_error_next_to_the_field_and_the_bot_keeps_answering(app: App) -> None:
    browser, csrf = signed_in(app)
    entry = app.faq.answerer.kb.faq[0]
    before = app.hotline.on_text(MALIK, entry.question)[0].text
    refused = browser.post(f"/connaissances/faq/{entry.id}", data={"csrf_token": csrf, **entry_form(
        app, entry.id, source="", related="fiche-qui-n-existe-pas")})
    assert refused.status_code == 422
    assert 'id="problem-source"' in refused.text and "champ « source » manquant" in refused.text
    assert "Rien n'a été enregistré" in refused.text
    refused = browser.post(f"/connaissances/faq/{entry.id}", data={"csrf_token": csrf, **entry_form(
        app, entry.id, related="fiche-qui-n-existe-pas")})
    assert 'id="problem-related"' in refused.text and "n&#39;existe pas" in refused.text
    with app.db.session() as session:
        assert session.exec(select(KnowledgeEdit)).all() == []
    assert app.hotline.on_text(MALIK, entry.question)[0].text == before


def test_an_entry_indistinguishable_from_another_is_refused_on_its_question(app: App) -> None:
    browser, csrf = signed_in(app)
    first, second = app.faq.answerer.kb.faq[:2]
    refused = browser.post(f"/connaissances/faq/{second.id}", data={"csrf_token": csrf, **entry_form(
        app, second.id, question=first.question, alternates="\n".join(first.alternates))})
    assert refused.status_code == 422 and 'id="problem-question"' in refused.text
    assert "impossible à distinguer" in refused.text


def test_the_test_pane_asks_the_live_matcher(app: App) -> None:
    browser, csrf = signed_in(app)
    entry = app.faq.answerer.kb.faq[0]
    pane = browser.post("/connaissances/tester", data={"csrf_token": csrf, "question": entry.question},
                        headers={"HX-Request": "true"})
    assert "Réponse directe" in pane.text and entry.id in pane.text and "<html" not in pane.text
    unknown = browser.post("/connaissances/tester", data={"csrf_token": csrf, "question": "quel temps demain"})
    assert "Ne sait pas" in unknown.text and "<html" in unknown.text  # without htmx: a whole page


def test_new_glossary_terms_and_contacts_are_created_and_checked(app: App) -> None:
    browser, csrf = signed_in(app)
    missing = browser.post("/connaissances/nouveau/glossary", data={"csrf_token": csrf, "term": "ANRU",
                                                                     "meaning": "", "source": "Loi 2003"})
    assert missing.status_code == 422 and 'id="problem-meaning"' in missing.text
    created = browser.post("/connaissances/nouveau/glossary", data={
        "csrf_token": csrf, "term": "ANRU", "meaning": "Agence nationale pour la rénovation urbaine",
        "source": "Loi n° 2003-710 du 1er août 2003"})
    assert created.status_code == 303
    assert app.faq.answerer.kb.term("anru") is not None
    bad_id = browser.post("/connaissances/nouveau/contact", data={"csrf_token": csrf, "id": "Mairie Annexe",
                                                                   "role": "Mairie annexe", "source": "site"})
    assert 'id="problem-id"' in bad_id.text and "minuscules" in bad_id.text


def test_a_draft_from_a_staff_answer_waits_in_the_review_queue_until_published(app: App, clock: ManualClock) -> None:
    from tests.test_desk_tickets import CLAIRE, ask_team

    ask_team(app, MALIK, "peut on se faire rembourser les trajets")
    app.hotline.on_command(CLAIRE, "repondre", "1 Oui, avec le formulaire de remboursement.")
    browser, csrf = signed_in(app)
    assert "En faire une fiche" in browser.get("/questions/1").text
    made = browser.post("/questions/1/fiche", data={"csrf_token": csrf})
    assert made.headers["location"] == "/connaissances/brouillons"
    queue = browser.get("/connaissances/brouillons").text
    assert "Brouillon de fiche « appris-1 »" in queue  # the desk's own words, as a notice
    assert "appris-1" in queue
    [draft] = app.desk.editor.drafts()
    page = browser.get(f"/connaissances/brouillons/{draft.id}").text
    assert "Publier" in page and "formulaire de remboursement" in page
    assert app.faq.answerer.kb.entry("appris-1") is None
    form = {**app.desk.editor.as_form(draft), "review": "", "alternates": "rembourser trajets\nfrais de transport\n"
            "remboursement des déplacements", **PLAIN_SHORT}
    published = browser.post(f"/connaissances/brouillons/{draft.id}", data={"csrf_token": csrf, "action": "publier",
                                                                            **form})
    assert published.status_code == 303
    assert app.faq.answerer.kb.entry("appris-1") is not None
    assert app.desk.editor.drafts() == []
    assert "formulaire de remboursement" in app.hotline.on_text(MALIK, "peut on se faire rembourser les trajets")[0].text


def test_the_list_searches_every_kind(app: App) -> None:
    browser, _ = signed_in(app)
    entry = app.faq.answerer.kb.faq[0]
    found = browser.get(f"/connaissances?type=faq&q={entry.id}").text
    assert f"/connaissances/faq/{entry.id}" in found and "1 élément" in found
    assert browser.get("/connaissances?type=glossary").status_code == 200
    assert browser.get("/connaissances?type=contact").status_code == 200


def test_a_stored_version_the_loader_now_refuses_is_skipped_and_the_bot_keeps_answering(
        app: App, clock: ManualClock, caplog: pytest.LogCaptureFixture) -> None:
    """E.g. a version saved before the files changed under it: it is logged and left out, never served."""
    entry = app.faq.answerer.kb.faq[0]
    before = app.hotline.on_text(MALIK, entry.question)[0].text
    with app.db.session() as session:
        session.add(KnowledgeEdit(kind="faq", key=entry.id, data='{"id": "Pas Valide", "question": ""}',
                                  status="published", created_at=clock.now()))
        session.add(KnowledgeEdit(kind="faq", key="autre", data="{pas du json", status="published",
                                  created_at=clock.now()))
        session.commit()
    with caplog.at_level(logging.ERROR):
        assert app.desk.learning.refresh() is True
    assert "refused by the loader" in caplog.text and "not valid JSON" in caplog.text
    assert app.hotline.on_text(MALIK, entry.question)[0].text == before
