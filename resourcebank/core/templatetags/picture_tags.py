"""`{% responsive_picture %}`: a Wagtail image as a <picture> in AVIF, WebP and JPEG, several
widths each (the presets are in resourcebank/core/pictures.py)."""

from django import template

from wagtail.images.models import Picture

from resourcebank.core import pictures

register = template.Library()


@register.simple_tag
def responsive_picture(image, preset, *, sizes="", alt="", css_class="", eager=False):
    """`{% responsive_picture image "card" %}`: the picture, or nothing without an image.

    Its <img> has the width and height of the smallest rendition, so the page keeps its
    place while the picture loads. It loads lazily unless `eager` (the first picture of a
    page, which the reader sees at once: fetched early instead).
    """
    if not image:
        return ""
    renditions = pictures.renditions(image, preset)
    attrs = {"alt": alt, "decoding": "async"}
    if len(renditions) > len(pictures.FORMATS):  # several widths: say how wide it is shown
        attrs["sizes"] = sizes or pictures.PRESETS[preset].sizes
    if css_class:
        attrs["class"] = css_class
    if eager:
        attrs["fetchpriority"] = "high"
    else:
        attrs["loading"] = "lazy"
    return Picture(renditions, attrs)
