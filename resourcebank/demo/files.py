"""Generators for the demo's real files: Pillow posters and graphics, WeasyPrint PDFs.

Each generator returns the file's bytes. Fonts are loaded once per size and reused.
"""

import functools
import html
import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from resourcebank.core.pdf import pdf_from_html

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"

POSTER_SIZE = (1240, 1754)
SOCIAL_SIZE = (1080, 1080)


class MissingFontError(RuntimeError):
    pass


@functools.cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_BOLD if bold else FONT_REGULAR
    if not path.exists():
        raise MissingFontError(
            f"Font {path} is missing. Install Debian's fonts-dejavu-core "
            "(apt-get install -y fonts-dejavu-core)."
        )
    return ImageFont.truetype(str(path), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, max_width: int) -> list[str]:
    """Break `text` into lines no wider than `max_width` pixels."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if draw.textlength(candidate, font=font) <= max_width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _draw_block(draw, *, text, font, x, y, max_width, fill, spacing) -> int:
    """Draw wrapped text from (x, y); return the y below the last line."""
    line_height = font.size + spacing
    for line in _wrap(draw, text, font, max_width):
        draw.text((x, y), line, font=font, fill=fill)
        y += line_height
    return y


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


def poster_png(
    *, headline: str, subline: str, body: str, footer: str, background: str, accent: str
) -> bytes:
    """An A-series poster (portrait): headline, subline, body text and a footer band."""
    width, height = POSTER_SIZE
    image = Image.new("RGB", POSTER_SIZE, background)
    draw = ImageDraw.Draw(image)
    margin = 100
    draw.rectangle([0, 0, width, 40], fill=accent)
    y = _draw_block(
        draw,
        text=headline,
        font=_font(True, 120),
        x=margin,
        y=260,
        max_width=width - 2 * margin,
        fill="white",
        spacing=24,
    )
    draw.rectangle([margin, y + 40, margin + 260, y + 56], fill=accent)
    y = _draw_block(
        draw,
        text=subline,
        font=_font(False, 56),
        x=margin,
        y=y + 120,
        max_width=width - 2 * margin,
        fill="white",
        spacing=18,
    )
    _draw_block(
        draw,
        text=body,
        font=_font(False, 40),
        x=margin,
        y=max(y + 120, height - 760),
        max_width=width - 2 * margin,
        fill="white",
        spacing=16,
    )
    draw.rectangle([0, height - 220, width, height], fill=accent)
    draw.text((margin, height - 150), footer, font=_font(True, 64), fill=background)
    return _png(image)


def social_png(*, headline: str, subline: str, footer: str, background: str, accent: str) -> bytes:
    """A square social media graphic."""
    width, height = SOCIAL_SIZE
    image = Image.new("RGB", SOCIAL_SIZE, accent)
    draw = ImageDraw.Draw(image)
    margin = 80
    draw.rectangle([40, 40, width - 40, height - 40], fill=background)
    y = _draw_block(
        draw,
        text=headline,
        font=_font(True, 92),
        x=margin + 20,
        y=180,
        max_width=width - 2 * margin - 40,
        fill="white",
        spacing=18,
    )
    _draw_block(
        draw,
        text=subline,
        font=_font(False, 46),
        x=margin + 20,
        y=y + 60,
        max_width=width - 2 * margin - 40,
        fill="white",
        spacing=14,
    )
    draw.text((margin + 20, height - 170), footer, font=_font(True, 52), fill=accent)
    return _png(image)


PDF_CSS = """
@page { size: A4; margin: 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.45; }
h1 { font-size: 20pt; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
p.lead { font-size: 12.5pt; }
footer { margin-top: 10mm; font-size: 9pt; color: #555; }
"""


def pdf_bytes(
    *,
    title: str,
    lead: str,
    sections: list[tuple[str, list[str]]],
    footer: str,
) -> bytes:
    """A small A4 PDF with real, extractable text.

    `sections` is a list of (heading, items); a section with one item is a paragraph,
    one with more is a bulleted list.
    """
    esc = html.escape
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="lead">{esc(lead)}</p>']
    for heading, items in sections:
        parts.append(f"<h2>{esc(heading)}</h2>")
        if len(items) == 1:
            parts.append(f"<p>{esc(items[0])}</p>")
        else:
            parts.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>")
    parts.append(f"<footer>{esc(footer)}</footer>")
    document = textwrap.dedent(
        f"""<!doctype html><html lang="nb"><head><meta charset="utf-8">
        <title>{esc(title)}</title><style>{PDF_CSS}</style></head>
        <body>{"".join(parts)}</body></html>"""
    )
    return pdf_from_html(document)
