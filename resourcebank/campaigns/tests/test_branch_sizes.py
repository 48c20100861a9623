"""Sized for every branch: a reader picks the branch's size and sees the events for it;
the summary PDF in the pack's ZIP groups the events by size."""

import io
import re
import zipfile

from django.http import QueryDict

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from resourcebank.campaigns.blocks import SuggestedEventBlock
from tests import factories
from tests.editorial_support import publish

pytestmark = pytest.mark.django_db


def _event(title, sizes, **needs):
    return (
        "event",
        {
            "title": title,
            "description": f"Slik gjør dere {title.lower()}.",
            "timing": "",
            "branch_sizes": sizes,
            **needs,
        },
    )


@pytest.fixture
def pack(kvinnedagen_pack):
    return kvinnedagen_pack(
        suggested_events=[
            _event(
                "Stand på torget",
                ["few", "board"],
                people_needed=3,
                preparation_hours=4,
                cost="low",
                lead_time_weeks=2,
            ),
            _event("Frokost før toget", ["board"]),
            _event("Folkemøte i kulturhuset", ["large"], people_needed=15, cost="high"),
            _event("Plakatmaling", []),
        ],
    )


def _event_titles(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [article.h3.get_text(strip=True) for article in soup.select("#events [data-event]")]


def test_without_a_size_every_event_is_shown_with_what_it_takes(client, pack):
    response = client.get(pack.url)
    assert _event_titles(response) == [
        "Stand på torget",
        "Frokost før toget",
        "Folkemøte i kulturhuset",
        "Plakatmaling",
    ]
    soup = BeautifulSoup(response.content, "html.parser")
    stand = soup.select("#events [data-event]")[0].get_text(" ", strip=True)
    assert "Folk som trengs 3" in stand
    assert "4 timer" in stand
    assert "Under 1 000 kroner" in stand
    assert "2 uker før" in stand
    assert "Noen få aktive medlemmer, Et styre" in stand


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ("few", ["Stand på torget"]),
        ("board", ["Stand på torget", "Frokost før toget"]),
        ("large", ["Folkemøte i kulturhuset"]),
    ],
)
def test_the_size_filter_shows_exactly_the_events_marked_for_that_size(
    client, pack, size, expected
):
    response = client.get(pack.url, {"lagsstorrelse": size})
    assert _event_titles(response) == expected
    soup = BeautifulSoup(response.content, "html.parser")
    chosen = soup.select_one("#events form input[type=radio]:checked")
    assert chosen["value"] == size
    assert f"{len(expected)} av 4" in soup.select_one(".size-filter__result").get_text()


def test_the_size_form_is_a_plain_get_form(client, pack):
    soup = BeautifulSoup(client.get(pack.url).content, "html.parser")
    form = soup.select_one("#events form")
    assert form["method"] == "get"
    assert form.select_one("button[type=submit]")
    values = [radio["value"] for radio in form.select("input[name=lagsstorrelse]")]
    assert values == ["", "few", "board", "large"]
    labels = [label.get_text(strip=True) for label in form.select("label")]
    assert labels == [
        "Vis alle forslag",
        "Noen få aktive medlemmer",
        "Et styre",
        "Et stort lokallag",
    ]


def test_an_unknown_size_shows_every_event(client, pack):
    assert len(_event_titles(client.get(pack.url, {"lagsstorrelse": "huge"}))) == 4


def test_a_size_no_event_is_marked_for_says_so(client, campaign_index):
    page = publish(
        factories.CampaignPackPageFactory(
            parent=campaign_index, slug="liten", suggested_events=[_event("Folkemøte", ["large"])]
        )
    )
    response = client.get(page.url, {"lagsstorrelse": "few"})
    assert _event_titles(response) == []
    assert "Ingen forslag i denne pakken er merket" in response.content.decode()


def test_nynorsk_labels_for_the_sizes(client, pack):
    from django.utils import translation

    with translation.override("nn"):
        from resourcebank.campaigns.blocks import BranchSize

        assert [str(label) for label in BranchSize.labels] == [
            "Nokre få aktive medlemmer",
            "Eit styre",
            "Eit stort lokallag",
        ]


def _summary_text(client, page) -> str:
    response = client.get(page.url + "last-ned/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    reader = PdfReader(io.BytesIO(archive.read(archive.namelist()[0])))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return re.sub(r"[ \t]+", " ", text)


def test_the_summary_pdf_groups_the_events_by_branch_size(client, pack):
    text = _summary_text(client, pack)
    headings = [
        "For lag med: Noen få aktive medlemmer",
        "For lag med: Et styre",
        "For lag med: Et stort lokallag",
        "Forslag som ikke er merket for en lagsstørrelse",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    sections = dict(
        zip(headings, re.split("|".join(map(re.escape, headings)), text)[1:], strict=True)
    )
    assert "Stand på torget" in sections[headings[0]]
    assert "Frokost" not in sections[headings[0]]
    assert "Stand på torget" in sections[headings[1]]
    assert "Frokost før toget" in sections[headings[1]]
    assert "Folkemøte i kulturhuset" in sections[headings[2]]
    assert "Stand på torget" not in sections[headings[2]]
    assert "Plakatmaling" in sections[headings[3]]


def test_an_event_posted_again_with_its_numbers_empty_is_no_change():
    """An editor's Approve saves the pack's form: an event whose optional numbers are empty
    must read as unchanged, or Wagtail sends the pack back to the workflow's first step."""
    block = SuggestedEventBlock()
    # As the admin stored it: the optional numbers empty (None), the texts empty ("").
    stored = block.to_python(
        {
            "title": "Stand",
            "description": "Del ut.",
            "timing": "",
            "people_needed": None,
            "preparation_hours": None,
            "cost": "",
            "lead_time_weeks": None,
            "branch_sizes": [],
        }
    )
    posted = block.value_from_datadict(
        QueryDict(
            "e-title=Stand&e-description=Del+ut.&e-timing=&e-people_needed="
            "&e-preparation_hours=&e-cost=&e-lead_time_weeks="
        ),
        {},
        "e",
    )
    assert block.get_prep_value(posted) == block.get_prep_value(stored)
