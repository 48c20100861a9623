"""Benchmark: streaming a campaign pack's ZIP keeps memory flat, whatever the pack's size.

Run with `make bench`. Builds a 20 MB and a 200 MB pack of real files on disk, streams
each through the site's download view, and records the Python heap peak (tracemalloc)
and the process's resident memory (VmRSS) while streaming.
"""

import os
import tracemalloc
import zipfile
from pathlib import Path

from django.core.files.base import File

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from resourcebank.campaigns.models import CampaignPackMaterial
from resourcebank.core.models import MaterialKind
from tests import factories
from tests.editorial_support import publish

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

MB = 1024 * 1024
FILE_SIZE = 20 * MB


def _rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def _big_file(path: Path, size: int) -> None:
    with path.open("wb") as f:
        f.write(b"%PDF-1.7\n")
        written = 9
        while written < size:
            chunk = os.urandom(min(MB, size - written))
            f.write(chunk)
            written += len(chunk)


def _pack(parent, tmp_path, title: str, files: int):
    page = factories.CampaignPackPageFactory(parent=parent, title=title)
    Document = get_document_model()
    root = Collection.get_first_root_node()
    for i in range(files):
        source = tmp_path / f"{title}-{i}.pdf"
        _big_file(source, FILE_SIZE)
        document = Document(title=f"Plakat {i}", collection=root)
        with source.open("rb") as f:
            document.file.save(f"plakat-{title}-{i}.pdf", File(f), save=False)
        document.save()
        source.unlink()
        CampaignPackMaterial.objects.create(
            page=page, title=f"Plakat {i} – særtrykk", kind=MaterialKind.POSTER, document=document
        )
    publish(page)
    return page


def _stream(client, page) -> dict:
    tracemalloc.start()
    tracemalloc.reset_peak()
    rss_before = _rss()
    rss_peak = rss_before
    total = 0
    response = client.get(page.url + "last-ned/")
    assert response.status_code == 200
    sink = Path(os.devnull).open("wb")
    for n, chunk in enumerate(response.streaming_content):
        total += len(chunk)
        sink.write(chunk)
        if n % 64 == 0:
            rss_peak = max(rss_peak, _rss())
    sink.close()
    _current, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "archive_bytes": total,
        "heap_peak": heap_peak,
        "rss_growth": max(0, rss_peak - rss_before),
    }


def test_zip_memory_stays_flat_from_20_to_200_mb(client, campaign_index, tmp_path):
    small = _pack(campaign_index, tmp_path, "liten", 1)
    large = _pack(campaign_index, tmp_path, "stor", 10)

    _stream(client, small)  # warm-up: imports, fonts and templates load once per process
    figures = {"20 MB pack": _stream(client, small), "200 MB pack": _stream(client, large)}
    for name, f in figures.items():
        print(
            f"\n{name}: archive {f['archive_bytes'] / MB:.1f} MB, "
            f"Python heap peak {f['heap_peak'] / MB:.2f} MB, "
            f"RSS growth while streaming {f['rss_growth'] / MB:.2f} MB"
        )

    small_f, large_f = figures["20 MB pack"], figures["200 MB pack"]
    assert large_f["archive_bytes"] > 200 * MB
    # Flat: ten times the data, not ten times the memory; and far below the archive size.
    assert large_f["heap_peak"] < small_f["heap_peak"] * 1.5 + 2 * MB
    assert large_f["heap_peak"] < 16 * MB
    assert large_f["rss_growth"] < 64 * MB

    # The archive is valid and complete.
    response = client.get(large.url + "last-ned/")
    archive_path = tmp_path / "stor.zip"
    with archive_path.open("wb") as f:
        for chunk in response.streaming_content:
            f.write(chunk)
    with zipfile.ZipFile(archive_path) as archive:
        assert len(archive.namelist()) == 11
        assert archive.testzip() is None
