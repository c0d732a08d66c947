"""A template turned into an editable Word file (.docx) with python-docx.

The blanks keep their brackets and are highlighted, so that whoever fills the document in finds every one;
notes for them are grey italics, to delete before sending; the sources close the document.
"""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from bot.documents.templates import Line, Span, Template

AUTHOR = "Hotline des conseils citoyens"
NOTE_COLOUR = RGBColor(0x59, 0x59, 0x59)
HOW_TO = ("Modèle à compléter : remplacez chaque passage surligné [entre crochets] par vos informations. "
          "Les notes en gris italique sont des conseils pour vous : supprimez-les, ainsi que ce paragraphe, "
          "avant d'imprimer ou d'envoyer.")
SOURCES_HEADING = "Sources de ce modèle"
PROPERTY_LIMIT = 255  # characters, for the file's properties (title, subject…)


def render_docx(template: Template, *, created: datetime | None = None) -> bytes:
    document = Document()
    _french_by_default(document)
    _properties(document, template, created)
    document.add_paragraph(template.title, style="Title")
    _write(document.add_paragraph(), (Span(text=HOW_TO),), note=True)
    for block in template.blocks:
        if block.kind == "heading":
            _write(document.add_heading("", level=block.level), block.spans)
        elif block.kind == "bullet":
            _write(document.add_paragraph(style="List Bullet"), block.spans)
        elif block.kind == "note":
            _write(document.add_paragraph(), block.spans, note=True)
        elif block.kind == "page_break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "table":
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    _write(table.cell(r, c).paragraphs[0], cell, bold=block.header and r == 0)
        else:
            _write(document.add_paragraph(), block.spans)
    document.add_heading(SOURCES_HEADING, level=2)
    for source in template.sources:
        document.add_paragraph(source, style="List Bullet")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _write(paragraph: Paragraph, spans: Line, *, bold: bool = False, note: bool = False) -> None:
    for span in spans:
        run = paragraph.add_run(f"[{span.text}]" if span.blank else span.text)
        run.bold = span.bold or bold or None
        if span.blank:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if note:
            run.italic = True
            run.font.color.rgb = NOTE_COLOUR
            run.font.size = Pt(10)




def _properties(document: WordDocument, template: Template, created: datetime | None) -> None:
    props = document.core_properties
    props.title = template.title[:PROPERTY_LIMIT]
    props.subject = template.summary[:PROPERTY_LIMIT]
    props.author = props.last_modified_by = AUTHOR
    props.keywords = ", ".join(template.keywords)[:PROPERTY_LIMIT]
    props.revision = 1
    if created is not None:
        props.created = props.modified = created.astimezone(UTC).replace(tzinfo=None)  # stored as UTC


def _french_by_default(document: WordDocument) -> None:
    """French spelling and hyphenation in Word, whatever the reader's own settings."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is None:
        return
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), "fr-FR")
