"""Checks on uploaded files that the file extension alone cannot make."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEBVTT_SIGNATURE = b"WEBVTT"
_UTF8_BOM = b"\xef\xbb\xbf"


def is_webvtt(head: bytes) -> bool:
    """Whether the first bytes of a file are a WebVTT file's signature line.

    A WebVTT file starts with an optional byte order mark, then "WEBVTT", then a
    space, a tab or a line break (or nothing more).
    """
    if head.startswith(_UTF8_BOM):
        head = head[len(_UTF8_BOM) :]
    if not head.startswith(WEBVTT_SIGNATURE):
        return False
    rest = head[len(WEBVTT_SIGNATURE) :]
    return rest == b"" or rest[:1] in (b" ", b"\t", b"\n", b"\r")


def validate_webvtt_document(document) -> None:
    """Raise a ValidationError on `captions` unless the document is a WebVTT file."""
    error = ValidationError(
        {
            "captions": _(
                "The captions must be a WebVTT file (.vtt) that starts with the line “WEBVTT”."
            )
        }
    )
    if not document.filename.lower().endswith(".vtt"):
        raise error
    try:
        with document.open_file() as handle:
            handle.seek(0)
            head = handle.read(64)
            handle.seek(0)
    except OSError:
        raise error from None
    if not is_webvtt(head):
        raise error
