"""Responsive pictures: the widths worth making for an image, and the <picture> a listing gets."""

import re
from types import SimpleNamespace

from django.template import Context, Template

import pytest
import wagtail_factories

from resourcebank.core import pictures
from tests import factories


def widths(image, preset):
    specs = pictures.specs_for(image, preset)
    assert len(specs) % len(pictures.FORMATS) == 0
    return [int(re.match(r"\w+-(\d+)", spec).group(1)) for spec in specs[: len(specs) // 3]]


@pytest.mark.parametrize(
    ("size", "preset", "expected"),
    [
        ((2000, 1500), "card", [360, 540, 720, 960]),
        # Wide and low: a 16:9 crop of it is 533 px wide, so 720 and 960 would repeat 540.
        ((1000, 300), "card", [360, 540]),
        # Posters are never enlarged: 300 px wide gives a 240 and a 300 px rendition.
        ((300, 400), "poster", [240, 360]),
        ((1240, 1754), "poster", [240, 360, 480, 720]),
        ((100, 100), "card", [360]),
        ((1600, 900), "figure", [480, 720, 960, 1280]),
    ],
)
def test_only_widths_the_image_can_fill_are_made(size, preset, expected):
    image = SimpleNamespace(width=size[0], height=size[1])
    assert widths(image, preset) == expected


def test_every_spec_a_picture_asks_for_is_among_the_prefetched_ones():
    image = SimpleNamespace(width=1000, height=300)
    for preset in pictures.PRESETS:
        assert set(pictures.specs_for(image, preset)) <= set(pictures.rendition_specs(preset))


@pytest.mark.django_db
def test_a_single_width_picture_has_no_sizes():
    image = wagtail_factories.ImageFactory(file__width=100, file__height=100)
    html = Template(
        '{% load picture_tags %}{% responsive_picture image "card" alt="Et bilde" %}'
    ).render(Context({"image": image}))

    assert html.startswith("<picture><source ") and html.endswith("</picture>")
    assert "sizes=" not in html and " 100w" not in html
    assert 'alt="Et bilde"' in html and 'loading="lazy"' in html


@pytest.mark.django_db
def test_story_cards_show_their_photo_as_a_responsive_picture(client, home_page):
    index = factories.StoryIndexPageFactory(parent=home_page)
    for _ in range(3):
        factories.SuccessStoryPageFactory(
            parent=index, image=wagtail_factories.ImageFactory(file__width=1200, file__height=800)
        )

    html = client.get(index.url).content.decode()

    found = re.findall(r"<picture>.*?</picture>", html, flags=re.S)
    assert len(found) == 3
    assert all("image/avif" in p and "image/webp" in p and " 960w" in p for p in found)
    assert 'loading="lazy"' not in found[0]
    assert all('loading="lazy"' in p for p in found[1:])


@pytest.mark.django_db
def test_a_listing_reads_each_filter_spec_once_per_process(client, home_page, monkeypatch):
    """Reading a spec's operations takes Python's ``inspect`` (about 0.1 ms); a page of
    cards asks for a dozen specs a card, so a warm page reads none again."""
    from django.utils.functional import cached_property

    from wagtail.images.models import Filter

    index = factories.StoryIndexPageFactory(parent=home_page)
    for _ in range(3):
        factories.SuccessStoryPageFactory(
            parent=index, image=wagtail_factories.ImageFactory(file__width=1200, file__height=800)
        )
    client.get(index.url)  # warm: renditions made, specs read

    read = []
    operations = Filter.__dict__["operations"].func

    def counted(self):
        read.append(self.spec)
        return operations(self)

    patched = cached_property(counted)
    patched.__set_name__(Filter, "operations")
    monkeypatch.setattr(Filter, "operations", patched)
    html = client.get(index.url).content.decode()
    assert html.count("<picture>") == 3
    assert read == []
