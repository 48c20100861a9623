"""Personalised posters: a template image with the visitor's text fitted into its boxes.

The PNG for social media is drawn with Pillow. The print PDF is made by WeasyPrint from
the full-resolution image with the text laid over it as real text, so it stays sharp in
print and can be searched and copied. Nothing the visitor typed is stored.
"""

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from resourcebank.campaigns.models.posters import POSTER_FIELDS
from resourcebank.core.pdf import pdf_from_html

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)
FONT_FAMILY = "DejaVu Sans"
SOCIAL_WIDTH = 1080
PRINT_WIDTH_MM = 210  # A4 width; the height follows the poster's proportions
LINE_SPACING = 1.15
MIN_FONT_PX = 6


def font_path() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    raise RuntimeError("No DejaVu Sans Bold font; install the Debian package fonts-dejavu-core")


@dataclass(frozen=True)
class FittedText:
    lines: list[str]
    font_size: int  # pixels at the scale it was fitted for
    box: tuple[int, int, int, int]  # left, top, width, height in pixels


def _wrap(text: str, font, width: int) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if font.getlength(trial) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def fit_text(text: str, box: tuple[int, int, int, int]) -> FittedText:
    """The largest font size at which ``text`` fits the box, wrapped on words if needed."""
    _left, _top, width, height = box
    path = font_path()
    size = max(MIN_FONT_PX, int(height / LINE_SPACING))
    while size > MIN_FONT_PX:
        font = ImageFont.truetype(path, size)
        lines = _wrap(text, font, width)
        fits_width = all(font.getlength(line) <= width for line in lines)
        fits_height = len(lines) * size * LINE_SPACING <= height
        if fits_width and fits_height:
            return FittedText(lines=lines, font_size=size, box=box)
        size -= max(1, size // 20)
    font = ImageFont.truetype(path, MIN_FONT_PX)
    return FittedText(lines=_wrap(text, font, width), font_size=MIN_FONT_PX, box=box)


def _pixel_box(percent_box, image_size) -> tuple[int, int, int, int]:
    x, y, w, h = percent_box
    width, height = image_size
    return (
        round(width * x / 100),
        round(height * y / 100),
        round(width * w / 100),
        round(height * h / 100),
    )


def _fields_with_boxes(template, values: dict[str, str]):
    for name in POSTER_FIELDS:
        box = template.box(name)
        text = (values.get(name) or "").strip()
        if box and text:
            yield name, box, text


def _load_image(template) -> tuple[PILImage.Image, bytes, str]:
    with template.image.file.open("rb") as f:
        data = f.read()
    image = PILImage.open(io.BytesIO(data))
    mime = PILImage.MIME.get(image.format, "image/png")
    return image, data, mime


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def render_png(*, template, values: dict[str, str]) -> bytes:
    """A PNG for social media, at most SOCIAL_WIDTH pixels wide."""
    image, _data, _mime = _load_image(template)
    image = image.convert("RGB")
    if image.width > SOCIAL_WIDTH:
        ratio = SOCIAL_WIDTH / image.width
        image = image.resize((SOCIAL_WIDTH, round(image.height * ratio)), PILImage.LANCZOS)
    draw = ImageDraw.Draw(image)
    colour = _hex_to_rgb(template.text_colour)
    for _name, percent_box, text in _fields_with_boxes(template, values):
        fitted = fit_text(text, _pixel_box(percent_box, image.size))
        font = ImageFont.truetype(font_path(), fitted.font_size)
        left, top, width, _height = fitted.box
        for i, line in enumerate(fitted.lines):
            line_width = font.getlength(line)
            x = left + (width - line_width) / 2
            y = top + i * fitted.font_size * LINE_SPACING
            draw.text((x, y), line, font=font, fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def render_pdf(*, template, values: dict[str, str], title: str) -> bytes:
    """A print-ready PDF: the full-resolution poster with the text as real, searchable text."""
    image, data, mime = _load_image(template)
    width_px, height_px = image.size
    mm_per_px = PRINT_WIDTH_MM / width_px
    page_height_mm = height_px * mm_per_px
    boxes = []
    for name, percent_box, text in _fields_with_boxes(template, values):
        fitted = fit_text(text, _pixel_box(percent_box, image.size))
        left, top, width, height = fitted.box
        lines = "<br>".join(html.escape(line) for line in fitted.lines)
        boxes.append(
            f'<div class="box box--{name}" style="left:{left * mm_per_px:.2f}mm;'
            f"top:{top * mm_per_px:.2f}mm;width:{width * mm_per_px:.2f}mm;"
            f'height:{height * mm_per_px:.2f}mm;font-size:{fitted.font_size * mm_per_px:.2f}mm">'
            f"{lines}</div>"
        )
    encoded = base64.b64encode(data).decode("ascii")
    document = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title><style>
@page {{ size: {PRINT_WIDTH_MM}mm {page_height_mm:.2f}mm; margin: 0; }}
html, body {{ margin: 0; padding: 0; }}
.poster {{ position: relative; width: {PRINT_WIDTH_MM}mm; height: {page_height_mm:.2f}mm; }}
.poster img {{ position: absolute; inset: 0; width: 100%; height: 100%; }}
.box {{ position: absolute; text-align: center; font-family: "{FONT_FAMILY}"; font-weight: bold;
  line-height: {LINE_SPACING}; color: {template.text_colour}; overflow: hidden; }}
</style></head><body><div class="poster">
<img src="data:{mime};base64,{encoded}" alt="">
{"".join(boxes)}
</div></body></html>"""
    return pdf_from_html(document)
