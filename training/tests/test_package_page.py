"""The package page: its facts, its upcoming events and related handbook chapters."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_package_page_links_live_related_chapters_and_lists_upcoming_events(
    catalogue_data, handbook_index, client
):
    handbook = factories.HandbookPageFactory(parent=handbook_index, title="Lokallagshåndboka")
    meetings = factories.HandbookChapterPageFactory(parent=handbook, title="Styremøter")
    draft = factories.HandbookChapterPageFactory(
        parent=handbook, title="Upublisert kapittel", live=False
    )
    board = catalogue_data.board
    board.related_chapters.set([meetings, draft])
    board.save_revision().publish()

    html = client.get("/nb/skolering/styrekurs/").content.decode()
    assert f'href="{meetings.url}"' in html
    assert "Upublisert kapittel" not in html
    assert "Folkets hus, Oslo" in html and "Bergen bibliotek" in html
    assert 'href="/nb/skolering/styrekurs/kalender/"' in html
    assert "Tillitsvalgte" in html
