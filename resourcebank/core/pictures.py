"""Responsive pictures: the renditions each kind of picture is offered in.

A picture is a <picture> with AVIF and WebP sources and a JPEG fallback, each in several
widths, so a browser takes the smallest file that is sharp on its screen. Listings prefetch
`rendition_specs(preset)` (`Image.objects.prefetch_renditions(...)`) so a listing of 500 costs
the queries of a listing of 5; the `{% responsive_picture %}` tag (templatetags/picture_tags.py)
asks for the same specs, leaving out widths larger than the image itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found

# Source order of <picture>: the browser takes the first type it knows; JPEG is the fallback.
FORMATS = ("format-avif|avifquality-60", "format-webp|webpquality-75", "format-jpeg|jpegquality-80")


@dataclass(frozen=True)
class Preset:
    """One kind of picture: how it is cut (fill: cropped to `ratio`; max: fitted inside a box
    of `ratio`, uncropped; width: the width alone), its widths, and how wide it is shown
    (`sizes`, the attribute of the same name)."""

    operation: str
    widths: tuple[int, ...]
    sizes: str
    ratio: tuple[int, int] | None = None

    def resize_spec(self, width: int) -> str:
        if self.operation == "width":
            return f"width-{width}"
        across, down = self.ratio
        return f"{self.operation}-{width}x{round(width * down / across)}"

    def output_width(self, width: int, image) -> int:
        """How wide Wagtail makes the rendition of `width` for `image` (it never enlarges)."""
        if self.operation == "width":
            return min(width, image.width)
        across, down = self.ratio
        height = width * down / across
        if self.operation == "fill":
            return round(min(width, image.width, image.height * across / down))
        scale = min(width / image.width, height / image.height, 1)
        return round(image.width * scale)


PRESETS = {
    # A card's photo, cropped to 16:9 around the focal point: a column of cards on a phone,
    # two to four across on wider screens.
    "card": Preset(
        operation="fill",
        ratio=(16, 9),
        widths=(360, 540, 720, 960),
        sizes="(min-width: 76rem) 18rem, (min-width: 36rem) 45vw, 100vw",
    ),
    # A poster, whole: portrait, in a 3:4 box. Cards show it small; the home page larger.
    "poster": Preset(
        operation="max",
        ratio=(3, 4),
        widths=(240, 360, 480, 720),
        sizes="(min-width: 40rem) 18rem, 7rem",
    ),
    # A picture in the text column of a page (a story's photo, an image block).
    "figure": Preset(
        operation="width",
        widths=(480, 720, 960, 1280),
        sizes="(min-width: 46rem) 42rem, 100vw",
    ),
}


def rendition_specs(preset: str) -> list[str]:
    """Every filter spec of a preset, for `prefetch_renditions`."""
    kind = PRESETS[preset]
    return [f"{kind.resize_spec(width)}|{fmt}" for fmt in FORMATS for width in kind.widths]


@cache
def image_filter(spec: str) -> Filter:
    """Wagtail's filter for `spec`, made once per process. Wagtail makes a new one for
    each spec asked for, and each reads its operations out of the spec again (with
    ``inspect``): 144 times a request on the home page, an eighth of its time."""
    return Filter(spec=spec)


def renditions(image, preset: str) -> dict:
    """`image`'s renditions for `preset` (``specs_for``) by spec, made where missing. Made
    ones join the image's prefetched renditions, so an image kept in the cache after this
    carries them all."""
    specs = specs_for(image, preset)
    return get_renditions_or_not_found(image, [image_filter(spec) for spec in specs])


def specs_for(image, preset: str) -> list[str]:
    """The filter specs worth making for `image`: per format, the preset's widths up to the
    image's own (two widths that come out the same size would be one image twice)."""
    kind = PRESETS[preset]
    widths, last = [], 0
    for width in kind.widths:
        out = kind.output_width(width, image)
        if out > last:
            widths.append(width)
            last = out
    return [f"{kind.resize_spec(width)}|{fmt}" for fmt in FORMATS for width in widths]
