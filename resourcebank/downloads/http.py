"""HTTP helpers for downloads."""

import unicodedata
from urllib.parse import quote


def set_attachment(response, filename: str):
    """Mark a response as a download with its Norwegian name (RFC 6266 ``filename*``)
    and a plain ASCII fallback for old clients."""
    fallback = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
    fallback = fallback.replace('"', "").replace("\\", "") or "download"
    response["Content-Disposition"] = (
        f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"
    )
    return response
