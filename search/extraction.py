"""The text of an uploaded document, for search: PDF, DOCX, ODT and plain text.

Run by the worker, once per file (``search.tasks.document_text_extract``). Only the
first ``MAX_CHARS`` characters are kept: enough to find a document by what it is
about, without letting one long file swell the index. A file that cannot be read
raises ``ExtractionError``; the caller logs it and the document is found by its
title alone.

DOCX and ODT are ZIP archives of XML: their parts are checked before they are
parsed, so a small upload that unpacks to gigabytes is refused instead of read.
"""

import io
import re
import zipfile

MAX_CHARS = 50_000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # all of a DOCX's or ODT's parts, unpacked
EXTENSIONS = ("pdf", "docx", "odt", "txt")

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class ExtractionError(Exception):
    """The file's text could not be read."""


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text.replace("\x00", ""))
    return _BLANK_LINES.sub("\n\n", text).strip()[:MAX_CHARS]


def _joined(parts) -> str:
    """Parts joined by newlines until MAX_CHARS is reached (the rest is not read)."""
    kept, size = [], 0
    for part in parts:
        kept.append(part)
        size += len(part) + 1
        if size >= MAX_CHARS:
            break
    return "\n".join(kept)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")  # many PDFs are "encrypted" with an empty password
    return _joined(page.extract_text() or "" for page in reader.pages)


def _check_archive(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ExtractionError("the archive unpacks to more than the limit")


def _docx(data: bytes) -> str:
    import docx

    _check_archive(data)
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return _joined(parts)


def _odt(data: bytes) -> str:
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P

    _check_archive(data)
    document = load(io.BytesIO(data))
    elements = [*document.getElementsByType(H), *document.getElementsByType(P)]
    # getElementsByType walks each type separately: put headings and paragraphs back in
    # document order, which their position in the XML gives.
    order = {id(node): index for index, node in enumerate(_walk(document.text))}
    elements.sort(key=lambda node: order.get(id(node), 0))
    return _joined(teletype.extractText(element) for element in elements)


def _walk(node):
    yield node
    for child in node.childNodes:
        yield from _walk(child)


def _plain(data: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data[: MAX_CHARS * 4].decode(encoding)
        except UnicodeDecodeError:
            continue
    return data[: MAX_CHARS * 4].decode("utf-8", errors="replace")


READERS = {"pdf": _pdf, "docx": _docx, "odt": _odt, "txt": _plain}


def extract_text(data: bytes, extension: str) -> str:
    """The text of a file with this extension (empty for a format with no reader).

    Raises ExtractionError when the file cannot be read, whatever the reader's own
    error was: a damaged upload must never stop the worker.
    """
    reader = READERS.get(extension.lower().lstrip("."))
    if reader is None:
        return ""
    try:
        return _tidy(reader(data))
    except ExtractionError:
        raise
    except Exception as error:  # noqa: BLE001 - any reader error means an unreadable file
        raise ExtractionError(f"{type(error).__name__}: {error}") from error
