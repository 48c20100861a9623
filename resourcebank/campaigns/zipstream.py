"""A ZIP archive written piece by piece, so memory stays flat whatever the pack's size.

``zipfile`` can write to a stream it cannot seek: it then puts each member's sizes and
CRC in a data descriptor after the data. The stream here keeps only what was written
since the last time the generator yielded.
"""

import io
import zipfile
from collections.abc import Iterable, Iterator

CHUNK_SIZE = 64 * 1024


class _Sink(io.RawIOBase):
    """A write-only, non-seekable stream that hands its bytes out when asked."""

    def __init__(self):
        super().__init__()
        self._buffer = bytearray()
        self._written = 0

    def writable(self):
        return True

    def write(self, data):
        self._buffer += data
        self._written += len(data)
        return len(data)

    def tell(self):
        # zipfile uses tell() for the central directory's offsets; it never seeks.
        return self._written

    def seekable(self):
        return False

    def take(self) -> bytes:
        data = bytes(self._buffer)
        self._buffer.clear()
        return data


def stream_zip(members: Iterable[tuple[str, object]]) -> Iterator[bytes]:
    """Yield a ZIP archive of ``(name, source)`` pairs.

    A source is ``bytes`` or a Django ``File`` (read in chunks, opened and closed here).
    Names keep their Norwegian letters: zipfile sets the UTF-8 flag for them.
    """
    sink = _Sink()
    # Posters and PDFs are compressed already; a light deflate keeps the CPU cost low.
    with zipfile.ZipFile(
        sink, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
    ) as archive:
        for name, source in members:
            with archive.open(name, mode="w", force_zip64=True) as target:
                if isinstance(source, bytes | bytearray):
                    target.write(source)
                else:
                    source.open("rb")
                    try:
                        while chunk := source.read(CHUNK_SIZE):
                            target.write(chunk)
                            if data := sink.take():
                                yield data
                    finally:
                        source.close()
            if data := sink.take():
                yield data
    if data := sink.take():
        yield data
