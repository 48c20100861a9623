"""Writes for search: a document's text, extracted once per file."""

import hashlib
import logging

from wagtail.documents import get_document_model

from search.extraction import ExtractionError, extract_text
from search.models import DocumentText

logger = logging.getLogger(__name__)

MAX_READ_BYTES = 64 * 1024 * 1024  # a larger file is found by its title alone


def document_text_is_current(*, document) -> bool:
    """Whether the stored text is from the document's present file (so reading it again
    would give the same). A document whose hash Wagtail has not set yet counts as not."""
    return (
        bool(document.file_hash)
        and DocumentText.objects.filter(document=document, file_hash=document.file_hash).exists()
    )


def _read(document) -> bytes | None:
    with document.open_file() as handle:
        data = handle.read(MAX_READ_BYTES + 1)
    return data if len(data) <= MAX_READ_BYTES else None


def document_text_extract(*, document) -> bool:
    """Read the text of `document`'s file and keep it, unless it was read already.

    True when new text was stored (the document should be indexed again). A file that
    cannot be read is logged and stored as failed, with no text, so it is not tried
    again until it is replaced.
    """
    if document_text_is_current(document=document):
        return False
    try:
        data = _read(document)
    except OSError:
        logger.warning("Document %s: its file could not be opened", document.pk, exc_info=True)
        return False  # perhaps a storage hiccup: tried again on the next save or update_index
    # The same hash Wagtail keeps in file_hash (SHA-1 of the bytes), when it has one.
    file_hash = document.file_hash or (hashlib.sha1(data).hexdigest() if data else "")  # noqa: S324
    stored = DocumentText.objects.filter(document=document).first()
    if stored is not None and stored.file_hash == file_hash:
        return False
    text, failed = "", False
    if data is None:
        failed = True
        logger.warning("Document %s: too large to read its text; indexed by title", document.pk)
    else:
        try:
            text = extract_text(data, document.file_extension)
        except ExtractionError as error:
            failed = True
            logger.warning(
                "Document %s (%s): its text could not be read (%s); indexed by title",
                document.pk,
                document.filename,
                error,
            )
    DocumentText.objects.update_or_create(
        document=document, defaults={"file_hash": file_hash, "text": text, "failed": failed}
    )
    return True


def document_texts_backfill() -> int:
    """Extract the text of every document that has none for its present file."""
    done = 0
    for document in get_document_model().objects.order_by("pk").iterator():
        if document_text_extract(document=document):
            done += 1
    return done
