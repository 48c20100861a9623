"""The whole handbook as a PDF: cover, contents with page numbers, every chapter in order."""

import io
import re

from django.core.cache import cache

import pytest
from pypdf import PdfReader

from handbooks.pdf import handbook_pdf_cache_key
from tests import factories

pytestmark = pytest.mark.django_db

CHAPTERS = ["Styret og årsmøtet", "Økonomi og regnskap", "Medlemsverving", "Å drive valgkamp"]


@pytest.fixture
def handbook(handbook_index):
    cache.clear()
    book = factories.HandbookPageFactory(
        parent=handbook_index, title="Lokallagshåndboka", slug="lokallagshandboka"
    )
    book.save_revision().publish()
    for title in CHAPTERS:
        chapter = factories.HandbookChapterPageFactory(
            parent=book,
            title=title,
            body=[("paragraph", f"<p>Om {title.lower()} i lokallaget.</p>" * 40)],
        )
        chapter.save_revision().publish()
    book.refresh_from_db()
    return book


def _pages(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]


def test_pdf_has_cover_contents_with_page_numbers_and_every_chapter_in_order(client, handbook):
    pages = _pages(client.get(handbook.url + "pdf/"))
    assert "Lokallagshåndboka" in pages[0]

    toc = pages[1]
    positions = [toc.index(title) for title in CHAPTERS]
    assert positions == sorted(positions)
    # Each contents line ends with the page its chapter starts on.
    for n, title in enumerate(CHAPTERS, start=1):
        match = re.search(rf"{n}\. {re.escape(title)}[ .]*?(\d+)\s*$", toc, re.MULTILINE)
        assert match, toc
        start_page = int(match.group(1))
        assert pages[start_page - 1].lstrip().startswith(f"{n}. {title}") or (
            f"{n}. {title}" in pages[start_page - 1]
        )

    body = "\n".join(pages[2:])
    body_positions = [body.index(f"{n}. {t}") for n, t in enumerate(CHAPTERS, start=1)]
    assert body_positions == sorted(body_positions)


def test_pdf_is_cached_until_a_chapter_changes(client, handbook):
    first = client.get(handbook.url + "pdf/")
    key = handbook_pdf_cache_key(handbook, request=None)
    assert cache.get(key) == first.content
    assert client.get(handbook.url + "pdf/").content == first.content

    chapter = handbook.get_children().last().specific
    chapter.title = "Å drive valgkamp i nabolaget"
    chapter.save_revision().publish()

    assert handbook_pdf_cache_key(handbook, request=None) != key
    text = "\n".join(_pages(client.get(handbook.url + "pdf/")))
    assert "Å drive valgkamp i nabolaget" in text


def test_chapter_page_links_to_previous_and_next_chapter(client, handbook):
    chapters = [c.specific for c in handbook.get_children()]
    response = client.get(chapters[1].url)
    previous_chapter, next_chapter = response.context["neighbours"]
    assert previous_chapter.pk == chapters[0].pk and next_chapter.pk == chapters[2].pk
    assert response.context["last_updated"] == chapters[1].live_revision.created_at
    first = client.get(chapters[0].url).context
    assert first["neighbours"][0] is None


def test_handbook_and_chapter_pages_offer_the_pdf_and_chapter_navigation(client, handbook):
    html = client.get(handbook.url).content.decode()
    assert f'href="{handbook.url}pdf/"' in html
    chapters = [c.specific for c in handbook.get_children()]
    html = client.get(chapters[1].url).content.decode()
    assert f'href="{chapters[0].url}" rel="prev"' in html
    assert f'href="{chapters[2].url}" rel="next"' in html
    assert f'href="{handbook.url}pdf/"' in html
    assert "css/handbook.css" in html


@pytest.fixture
def renders(monkeypatch):
    """Each WeasyPrint render of a handbook PDF, recorded (and still made)."""
    from handbooks import pdf

    made = []
    real = pdf.pdf_from_template
    monkeypatch.setattr(pdf, "pdf_from_template", lambda *a, **k: made.append(1) or real(*a, **k))
    return made


def test_the_worker_makes_the_pdf_when_a_chapter_is_published(
    client, handbook, editor, worker, renders
):
    from django_tasks_db.models import DBTaskResult

    from handbooks.tasks import handbook_pdf_prerender

    cache.clear()
    chapter = handbook.get_children().last().specific
    chapter.title = "Å drive valgkamp i nabolaget"
    chapter.save_revision(user=editor).publish(user=editor)
    queued = DBTaskResult.objects.filter(task_path=handbook_pdf_prerender.module_path)
    assert [task.args_kwargs["args"] for task in queued] == [[handbook.pk]]
    assert renders == [], "the publish waited for the PDF"

    worker()
    assert queued.get().status == "SUCCESSFUL"
    assert len(renders) == 1
    # The first reader's download comes from the cache, with the change in it.
    text = "\n".join(_pages(client.get(handbook.url + "pdf/")))
    assert "Å drive valgkamp i nabolaget" in text
    assert len(renders) == 1, "the reader waited for a PDF the worker had made"


def test_the_worker_leaves_a_members_only_handbook_to_its_first_member(
    client, handbook, editor, role_users, worker, renders
):
    from resourcebank.editorial import roles
    from tests.reach_support import restrict

    restrict(handbook)
    cache.clear()
    chapter = handbook.get_children().first().specific
    chapter.save_revision(user=editor).publish(user=editor)
    worker()
    assert renders == [], "a members-only handbook was made for the public"
    assert client.get(handbook.url + "pdf/").status_code in (302, 403, 404)

    client.force_login(role_users[roles.MEMBERS])
    assert "Styret og årsmøtet" in "\n".join(_pages(client.get(handbook.url + "pdf/")))
    assert len(renders) == 1


def test_without_a_worker_publishing_makes_no_pdf(handbook, editor, renders):
    cache.clear()
    handbook.save_revision(user=editor).publish(user=editor)
    assert renders == [], "the publish made the PDF itself"
