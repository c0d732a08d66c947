"""Documents to download: every template becomes a Word file that opens, reached by /modeles or by a question."""

from __future__ import annotations

import io
import logging
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.text.paragraph import Paragraph
from sqlmodel import select

from bot.app import App, build_app
from bot.channels.terminal import TerminalChat
from bot.cli import main
from bot.clock import ManualClock
from bot.config import Settings
from bot.core.replies import Reply, Sender
from bot.documents.service import MIME_TYPE, DocumentService
from bot.documents.templates import Template, read_templates
from bot.documents.word import SOURCES_HEADING, render_docx
from bot.storage.models import QuestionLog
from tests.conftest import FIXTURE_KNOWLEDGE, SHIPPED_KNOWLEDGE, TelegramHarness

SHIPPED_TEMPLATES = SHIPPED_KNOWLEDGE / "templates"
AWA = 1001
SENDER = Sender(channel="terminal", user_id="awa", chat_id="awa", display_name="Awa")
NEEDED = ("courrier-prefet-interpellation", "charte-conseil-citoyen", "ordre-du-jour-reunion", "compte-rendu-reunion",
          "fiche-preparation-copil", "courrier-bailleur-probleme-immeuble")
BROKEN = """---
id: casse
title: Un modèle cassé
summary: Il oublie de fermer un crochet.
keywords: [cassé]
sources: [Personne]
---
Bonjour [nom du conseil
"""
MODELS_ENTRY = """- id: crpv-modeles-documents
  question: Avez-vous des modèles de documents ?
  alternates:
    - des documents types
    - des exemples de courriers a telecharger
    - je cherche des trames
  answer: |
    Oui : des courriers, une charte, des fiches de réunion. Tapez /modeles pour les voir.
  short: Oui. Tapez /modeles pour voir les modèles de documents.
  tags: [documents]
  source: RésO Villes
  reviewed: 2026-11-26
"""


# --- the files ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped() -> dict[str, Template]:
    templates, problems = read_templates(SHIPPED_TEMPLATES)
    assert [str(p) for p in problems] == []
    return {t.id: t for t in templates}


def paragraphs(document: docx.document.Document) -> list[Paragraph]:
    cells = [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return [*document.paragraphs, *cells]


def text_of(content: bytes) -> str:
    return "\n".join(p.text for p in paragraphs(docx.Document(io.BytesIO(content))))


def test_the_shipped_templates_cover_what_councils_need(shipped: dict[str, Template]) -> None:
    assert set(NEEDED) <= set(shipped)
    assert next(iter(shipped)) == "courrier-prefet-interpellation"  # the list follows each template's order


@pytest.mark.parametrize("template_id", NEEDED)
def test_each_template_becomes_a_word_file_with_its_title_sources_and_highlighted_blanks(
        template_id: str, shipped: dict[str, Template]) -> None:
    template = shipped[template_id]
    document = docx.Document(io.BytesIO(render_docx(template)))
    texts = [p.text for p in paragraphs(document)]
    assert texts[0] == template.title and document.core_properties.title == template.title
    sources_at = texts.index(SOURCES_HEADING)
    assert texts[sources_at + 1 : sources_at + 1 + len(template.sources)] == list(template.sources)
    assert len(template.blanks) >= 5
    highlighted = {run.text for p in paragraphs(document) for run in p.runs
                   if run.font.highlight_color == WD_COLOR_INDEX.YELLOW}
    assert {f"[{blank}]" for blank in template.blanks} == highlighted


LAW_DATE = re.compile(r"(loi|décret|circulaire)[^.]{0,20}$", re.IGNORECASE)
DATE = re.compile(r"\b\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
                  r"décembre) \d{4}\b")
PHONE, EMAIL, STREET = (re.compile(r"\b0\d([ .]?\d{2}){4}\b"), re.compile(r"\S+@\S+"),
                        re.compile(r"\b\d+,? (rue|avenue|boulevard|place|allée|impasse|chemin)\b", re.IGNORECASE))


@pytest.mark.parametrize("template_id", NEEDED)
def test_a_template_speaks_to_vous_and_invents_no_phone_address_or_date(template_id: str,
                                                                        shipped: dict[str, Template]) -> None:
    body = text_of(render_docx(shipped[template_id])).split(SOURCES_HEADING)[0]
    assert re.search(r"\bvous\b", body, re.IGNORECASE) and not re.search(r"\b(tu|ton|ta|tes)\b", body)
    assert not PHONE.search(body) and not EMAIL.search(body) and not STREET.search(body)
    dates = [m for m in DATE.finditer(body) if not LAW_DATE.search(body[: m.start()])]
    assert dates == [], "only the dates of official texts; the rest are blanks to fill in"


def test_no_template_states_the_rules_changed_in_2024_as_current(shipped: dict[str, Template]) -> None:
    """Decree n° 2024-1036: no compulsory tirage au sort, no recognition of councils by the préfet's arrêté."""
    for template in shipped.values():
        sentences = re.split(r"(?<=[.!?:])\s", text_of(render_docx(template)))
        for sentence in sentences:
            old_rule = (("tirage au sort" in sentence and "obligatoire" in sentence) or "arrêté" in sentence
                        or bool(re.search(r"\breconn(aît|aissent|u|ue|us)\b", sentence)))
            assert not old_rule or re.search(r"\bn(e |')[^.]*\bplus\b", sentence), f"{template.id}: {sentence}"


def test_a_broken_template_is_reported_with_its_file_and_line_and_the_others_stay(tmp_path: Path) -> None:
    directory = tmp_path / "knowledge" / "templates"
    shutil.copytree(SHIPPED_TEMPLATES, directory)
    (directory / "casse.md").write_text(BROKEN, encoding="utf-8")
    (directory / "colonnes.md").write_text(BROKEN.replace("casse", "colonnes").replace(
        "Bonjour [nom du conseil", "| a | b |\n|---|---|\n| [c] |"), encoding="utf-8")
    (directory / "deux-points.md").write_text(BROKEN.replace("summary: Il", "summary: Attention : il"),
                                              encoding="utf-8")
    (directory / "sans-sources.md").write_text(BROKEN.replace("sources: [Personne]\n", "").replace(
        "conseil\n", "conseil]\n"), encoding="utf-8")
    templates, problems = read_templates(directory)
    assert [t.id for t in templates if t.id not in NEEDED] == []
    assert sorted(f"{p.location}: {p.message.split(' ')[0]}" for p in problems) == [
        "knowledge/templates/casse.md:8: crochet",
        "knowledge/templates/colonnes.md:10: 1",
        "knowledge/templates/deux-points.md:4: en-tête",
        "knowledge/templates/sans-sources.md:1: «",
    ]


# --- in the bot ----------------------------------------------------------------------------------

@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """The test knowledge, the shipped templates, one broken template and the models' FAQ entry."""
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    shutil.copytree(SHIPPED_TEMPLATES, root / "templates")
    (root / "templates" / "casse.md").write_text(BROKEN, encoding="utf-8")
    (root / "faq" / "modeles.yaml").write_text(MODELS_ENTRY, encoding="utf-8")
    return root


@pytest.fixture
def app(make_settings: Callable[..., Settings], clock: ManualClock, knowledge: Path) -> App:
    return build_app(make_settings(knowledge=knowledge), clock=clock)


def data(reply: Reply) -> list[str]:
    return [button.data for row in reply.buttons for button in row]


def test_a_broken_template_does_not_stop_the_bot_it_is_logged_and_left_out(
        make_settings: Callable[..., Settings], clock: ManualClock, knowledge: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.documents.service"):
        app = build_app(make_settings(knowledge=knowledge), clock=clock)
    assert "knowledge/templates/casse.md:8" in caplog.text
    [listing] = app.hotline.on_command(SENDER, "modeles")
    assert data(listing) == [f"doc:{i}" for i in NEEDED]


def test_templates_read_back_from_the_cache_follow_a_fixed_template(knowledge: Path, clock: ManualClock,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.documents.service"):
        DocumentService.from_knowledge(knowledge, clock=clock)  # read, and kept in the cache folder
        again = DocumentService.from_knowledge(knowledge, clock=clock)  # read back: the same, warning included
    assert caplog.text.count("knowledge/templates/casse.md:8") == 2 and again.get("casse") is None
    fixed = re.sub(r"^id: .*$", "id: reparee", (SHIPPED_TEMPLATES / f"{NEEDED[0]}.md").read_text(encoding="utf-8"),
                   flags=re.MULTILINE)
    (knowledge / "templates" / "casse.md").write_text(fixed, encoding="utf-8")
    assert DocumentService.from_knowledge(knowledge, clock=clock).get("reparee") is not None


def test_modeles_in_the_terminal_saves_the_chosen_file_and_prints_where(app: App, tmp_path: Path) -> None:
    chat = TerminalChat(app.hotline, files_dir=tmp_path / "fichiers")
    listing = chat.render(chat.handle("/modeles"))
    assert "[1] 📄 Courrier au préfet (interpellation)" in listing and "cassé" not in listing
    shown = chat.render(chat.handle("1"))
    saved = tmp_path / "fichiers" / "courrier-prefet-interpellation.docx"
    assert f"📎 Fichier joint : courrier-prefet-interpellation.docx\n            enregistré ici : {saved}" in shown
    assert "[Madame la Préfète / Monsieur le Préfet]" in text_of(saved.read_bytes())


async def test_modeles_on_telegram_sends_the_word_file_with_its_name_and_type(telegram: TelegramHarness) -> None:
    api, members = telegram.api, telegram.members
    await members.says(AWA, "/modeles")
    [listing] = api.take()
    assert listing.button_labels[:2] == ["📄 Courrier au préfet (interpellation)", "📄 Charte / règlement intérieur"]
    await members.presses(AWA, listing.button_data("Charte"))
    [sent] = api.take()
    assert sent.method == "sendDocument" and sent.params["chat_id"] == AWA
    assert "Charte du conseil citoyen" in sent.text
    document = sent.files["document"]
    assert (document.filename, document.mime_type) == ("charte-conseil-citoyen.docx", MIME_TYPE)
    assert "Article 1 – Notre rôle" in text_of(document.content)


@pytest.mark.parametrize(("question", "document_id"), [
    ("vous avez un modèle de courrier pour le préfet ?", "courrier-prefet-interpellation"),
    ("un exemple de charte pour notre conseil", "charte-conseil-citoyen"),
    ("modèle de règlement intérieur", "charte-conseil-citoyen"),
    ("modèle d'ordre du jour pour la prochaine réunion", "ordre-du-jour-reunion"),
    ("vous auriez une trame de compte rendu ?", "compte-rendu-reunion"),
    ("une fiche à télécharger pour préparer le comité de pilotage", "fiche-preparation-copil"),
    ("une lettre type pour le bailleur, l'ascenseur est en panne", "courrier-bailleur-probleme-immeuble"),
])
def test_a_question_asking_for_a_model_offers_the_right_document(app: App, question: str, document_id: str) -> None:
    [offer] = app.hotline.on_text(SENDER, question)
    assert data(offer) == [f"doc:{document_id}", "doc"]
    [sent] = app.hotline.on_button(SENDER, f"doc:{document_id}")
    assert sent.attachment is not None and sent.attachment.filename == f"{document_id}.docx"
    with app.db.session() as session:
        logged = session.exec(select(QuestionLog)).one()
    assert (logged.decision, logged.entry_id) == ("answer", "crpv-modeles-documents")


def test_a_letter_for_ones_own_insurance_is_no_council_document_and_gets_its_orientation(app: App) -> None:
    [reply] = app.hotline.on_text(SENDER, "vous avez un modèle de lettre de résiliation pour mon assurance ?")
    assert not any(d.startswith("doc") for d in data(reply))
    assert "situation personnelle" in reply.text


@pytest.mark.parametrize("question", [
    "une lettre type pour faire opposition à une amende, vous avez ça ?",
    "vous auriez un modèle pour contester un avis d'impôt ?",
])
def test_a_letter_about_a_fine_or_taxes_is_always_the_members_own_and_gets_its_orientation(app: App,
                                                                                          question: str) -> None:
    # No possessive said: a fine or a tax notice is still a person's own, the council writes no letter about it.
    [reply] = app.hotline.on_text(SENDER, question)
    assert not any(d.startswith("doc") for d in data(reply))


def test_a_question_asking_for_two_models_is_offered_both_and_not_the_others(app: App) -> None:
    [offer] = app.hotline.on_text(SENDER, "vous avez un modèle de lettre pour le préfet ? et un modèle de compte rendu ?")
    assert sorted(data(offer)) == ["doc", "doc:compte-rendu-reunion", "doc:courrier-prefet-interpellation"]


def test_a_question_that_names_no_document_gets_the_models_entry_with_every_button(app: App) -> None:
    [reply] = app.hotline.on_text(SENDER, "vous avez des modèles de documents ?")
    assert "Tapez /modeles" in reply.text
    assert data(reply)[: len(NEEDED)] == [f"doc:{i}" for i in NEEDED]
    [chosen] = app.hotline.on_button(SENDER, "faq:crpv-modeles-documents")
    assert data(chosen)[: len(NEEDED)] == [f"doc:{i}" for i in NEEDED]


def test_an_example_asked_with_a_question_the_faq_answers_gets_the_answer_and_the_document(app: App) -> None:
    [reply] = app.hotline.on_text(SENDER, "un exemple pour préparer un comité de pilotage ?")
    assert reply.text.startswith("<b>Comment préparer un comité de pilotage ?</b>")
    assert data(reply)[0] == "doc:fiche-preparation-copil"
    with app.db.session() as session:
        assert session.exec(select(QuestionLog)).one().entry_id == "copil-preparer"  # the FAQ keeps the credit


def test_the_shipped_faq_answers_offer_their_documents(make_settings: Callable[..., Settings],
                                                       clock: ManualClock) -> None:
    app = build_app(make_settings(knowledge=SHIPPED_KNOWLEDGE), clock=clock)
    linked = {entry_id: t.id for t in app.documents.service.templates for entry_id in t.faq}
    assert "fonct-droit-interpellation" in linked and all(app.knowledge.entry(e) for e in linked)
    for entry_id, document_id in linked.items():
        [answer] = app.hotline.on_button(SENDER, f"faq:{entry_id}")
        assert f"doc:{document_id}" in data(answer)


def test_questions_that_are_not_about_models_are_left_to_the_faq_and_the_agenda(app: App) -> None:
    [example] = app.hotline.on_text(SENDER, "des exemples d'actions d'autres conseils")
    [agenda] = app.hotline.on_text(SENDER, "c'est quand le prochain webinaire ?")
    [copil] = app.hotline.on_text(SENDER, "comment préparer un comité de pilotage ?")
    [tram] = app.hotline.on_text(SENDER, "mes tickets de tram pour aller à la formation sont remboursés ?")
    for reply in (example, agenda, copil, tram):
        assert not any(d.startswith("doc") for d in data(reply))


def test_a_button_for_a_document_no_longer_offered_shows_the_current_list(app: App) -> None:
    [reply] = app.hotline.on_button(SENDER, "doc:ancien-modele")
    assert "n'est plus proposé" in reply.text and data(reply) == [f"doc:{i}" for i in NEEDED]


def test_knowledge_check_names_a_broken_template_with_its_file_and_line(
        make_settings: Callable[..., Settings], knowledge: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(make_settings(knowledge=knowledge).config_path), "knowledge", "check"]) == 1
    out = capsys.readouterr().out
    assert "knowledge/templates/casse.md:8: erreur : crochet « [ » jamais fermé" in out
    assert "6 modèle(s) de documents à télécharger ; 1 erreur(s) dans les modèles" in out
