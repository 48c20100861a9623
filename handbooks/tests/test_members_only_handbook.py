"""A members-only handbook: a member reads its chapters and downloads its PDF with every
chapter; an anonymous visitor is sent to log in and sees it in no listing."""

import io

from django.core.cache import cache

from wagtail.models import PageViewRestriction

import pytest
from pypdf import PdfReader

from resourcebank.editorial import roles
from tests import factories

pytestmark = pytest.mark.django_db

CHAPTERS = ["Budsjettprosessen", "Forslag og merknader"]


@pytest.fixture
def members_handbook(handbook_index, editorial_setup):
    cache.clear()
    handbook_index.save_revision().publish()
    book = factories.HandbookPageFactory(
        parent=handbook_index, title="Budsjetthåndboka", slug="budsjetthandboka"
    )
    book.save_revision().publish()
    for title in CHAPTERS:
        chapter = factories.HandbookChapterPageFactory(
            parent=book, title=title, body=[("paragraph", f"<p>Om {title.lower()}.</p>")]
        )
        chapter.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=book, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(roles.members_only_groups())
    book.refresh_from_db()
    return book


def test_a_member_sees_the_chapters_of_a_members_only_handbook(client, member, members_handbook):
    client.force_login(member)
    html = client.get(members_handbook.url).content.decode()
    for title in CHAPTERS:
        assert title in html
    chapter = members_handbook.get_children().first().specific
    chapter_html = client.get(chapter.url).content.decode()
    assert CHAPTERS[1] in chapter_html  # the chapter navigation lists the next chapter
    assert "Budsjetthåndboka" in client.get(members_handbook.get_parent().url).content.decode()


def test_a_member_downloads_the_pdf_with_its_chapters(client, member, members_handbook):
    client.force_login(member)
    response = client.get(members_handbook.url + "pdf/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for title in CHAPTERS:
        assert title in text


def test_an_anonymous_visitor_is_sent_to_log_in_and_sees_it_listed_nowhere(
    client, members_handbook
):
    for url in (members_handbook.url, members_handbook.url + "pdf/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/logg-inn/" in response["Location"]
    listing = client.get(members_handbook.get_parent().url).content.decode()
    assert "Budsjetthåndboka" not in listing


def test_the_menu_of_a_member_is_not_shown_to_a_visitor(client, member, home_page, editorial_setup):
    section = factories.InfoPageFactory(parent=home_page, title="Medlemssider", show_in_menus=True)
    section.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )
    assert restriction.pk
    client.force_login(member)
    assert "Medlemssider" in client.get(home_page.url).content.decode()
    client.logout()
    assert "Medlemssider" not in client.get(home_page.url).content.decode()
