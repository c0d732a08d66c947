"""Active learning: unanswered questions grouped, one click to add a wording or start an entry."""

from __future__ import annotations

from sqlmodel import select

from bot.app import App
from bot.core.replies import Sender
from bot.storage.models import AuditEntry, LearnedPhrasing
from tests.support.console import signed_in

PEOPLE = [Sender(channel="telegram", user_id=str(n), chat_id=str(n), display_name="X") for n in (1001, 1002, 1003)]


def test_unanswered_questions_are_grouped_and_become_a_wording_in_one_click(app: App) -> None:
    for sender, text in zip(PEOPLE, ("on fait comment pour signer la feuille d emargement",
                                     "on fait comment pour signer la feuille d emargement svp",
                                     "quel temps fera-t-il demain"), strict=True):
        app.hotline.on_text(sender, text)
    browser, csrf = signed_in(app)
    page = browser.get("/apprentissage").text
    assert page.count('class="card learn"') == 2 and "× 2" in page
    assert "Créer une fiche" in page and "question=quel+temps" in page
    entry = app.faq.answerer.decide("on fait comment pour signer la feuille d emargement").candidates[0].entry
    done = browser.post("/apprentissage/formulation", data={
        "csrf_token": csrf, "texte": "on fait comment pour signer la feuille d emargement", "fiche": entry.id})
    assert done.status_code == 303
    with app.db.session() as session:
        assert session.exec(select(LearnedPhrasing)).one().entry_id == entry.id
        assert session.exec(select(AuditEntry).where(AuditEntry.action == "learning.wording")).one()
    assert app.faq.answerer.decide("on fait comment pour signer la feuille d emargement").kind == "answer"
    assert browser.get("/apprentissage").text.count('class="card learn"') == 1  # learned: off the list
    assert "learning.wording" in browser.get("/journal").text
    prefilled = browser.get("/connaissances/nouveau/faq?question=quel+temps+fera-t-il+demain").text
    assert 'value="quel temps fera-t-il demain"' in prefilled
