"""The index.html that the screenshot tests write beside their pictures."""

from html import escape
from pathlib import Path


def write_gallery(directory: Path, shots: list[tuple[str, str]], *, title: str, min_width: int):
    """A page of `shots` (caption, file name in `directory`), in columns at least
    `min_width` pixels wide, each picture a link to itself at full size."""
    figures = "\n".join(
        f'<figure><a href="{name}"><img src="{name}" alt="" loading="lazy"></a>'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
        for caption, name in shots
    )
    (directory / "index.html").write_text(
        f"<!DOCTYPE html><html lang=en><meta charset=utf-8><title>{title}</title>"
        "<style>body{font:14px system-ui;margin:1rem}main{display:grid;gap:1rem;"
        f"grid-template-columns:repeat(auto-fill,minmax({min_width}px,1fr))}}img{{width:100%;"
        "max-height:480px;object-fit:cover;object-position:top;border:1px solid #999}"
        f"figure{{margin:0}}</style><main>{figures}</main>",
        encoding="utf-8",
    )
