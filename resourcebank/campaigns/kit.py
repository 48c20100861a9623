"""The elected members' kit of a campaign pack: drafts with placeholders, filled in and
written as ODT (odfpy) or DOCX (python-docx).

A draft is plain text. Paragraphs are separated by a blank line; a single line break
stays a line break. Placeholders are words in braces, the same in Bokmål and Nynorsk so
a translation keeps them: ``{kommune}``, ``{kommunestyre}``, ``{representant}``,
``{partigruppe}``.
"""

import io
import re
from collections.abc import Mapping

from docx import Document
from odf import teletype
from odf.dc import Language, Title
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    ParagraphProperties,
    Style,
    TextProperties,
)
from odf.text import H, P

# Placeholder -> the form field that fills it.
PLACEHOLDERS = {
    "kommune": "municipality",
    "kommunestyre": "council",
    "representant": "representative",
    "partigruppe": "party_group",
}
PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")

ODT_TYPE = "application/vnd.oasis.opendocument.text"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def unknown_placeholders(text: str) -> list[str]:
    """Placeholders in `text` that the kit's form cannot fill, in order, each once."""
    found = [name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS]
    return list(dict.fromkeys(found))


def kit_fill(*, text: str, values: Mapping[str, str]) -> str:
    """`text` with every placeholder replaced by the form's value for it."""

    def replace(match):
        field = PLACEHOLDERS.get(match.group(1))
        return values.get(field, "") if field else match.group(0)

    return PLACEHOLDER.sub(replace, text)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a draft: blocks separated by blank lines, trimmed."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return [block.strip() for block in blocks if block.strip()]


def _locale_parts(language_code: str) -> tuple[str, str]:
    language = (language_code or "nb").split("-")[0].lower()
    return language, "NO"


def odt_bytes(*, title: str, text: str, language_code: str) -> bytes:
    """An OpenDocument text with `title` as its heading and the draft's paragraphs."""
    language, country = _locale_parts(language_code)
    document = OpenDocumentText()
    document.meta.addElement(Title(text=title))
    document.meta.addElement(Language(text=f"{language}-{country}"))

    default = DefaultStyle(family="paragraph")
    default.addElement(
        TextProperties(
            fontfamily="Liberation Serif", fontsize="12pt", language=language, country=country
        )
    )
    document.styles.addElement(default)
    body_style = Style(name="Text body", family="paragraph")
    body_style.addElement(ParagraphProperties(marginbottom="0.25cm"))
    document.styles.addElement(body_style)
    heading_style = Style(name="Heading 1", family="paragraph", defaultoutlinelevel="1")
    heading_style.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    heading_style.addElement(ParagraphProperties(marginbottom="0.4cm"))
    document.styles.addElement(heading_style)

    heading = H(outlinelevel=1, stylename=heading_style)
    teletype.addTextToElement(heading, title)
    document.text.addElement(heading)
    for paragraph in paragraphs(text):
        element = P(stylename=body_style)
        teletype.addTextToElement(element, paragraph)  # a "\n" becomes a line break
        document.text.addElement(element)

    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def docx_bytes(*, title: str, text: str, language_code: str) -> bytes:
    """A Word document with `title` as its heading and the draft's paragraphs."""
    language, country = _locale_parts(language_code)
    document = Document()
    document.core_properties.title = title
    document.core_properties.language = f"{language}-{country}"
    document.add_heading(title, level=1)
    for paragraph in paragraphs(text):
        element = document.add_paragraph()
        lines = paragraph.split("\n")
        for i, line in enumerate(lines):
            run = element.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
