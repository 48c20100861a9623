"""Check the Bokmål catalogues in nb/ and the Nynorsk corrections in nn-corrections/.

Plain script: ``.venv/bin/python localization/admin_catalogues/b_check.py``; exits 1 on
any error. For every ``nb/<package>-<domain>.po`` it finds the upstream English
template (``<package dir>/locale/en/LC_MESSAGES/<domain>.po`` in site-packages) and
checks that

- every upstream msgid (msgctxt + msgid, with its msgid_plural) is in the file, and
  no entry is there that upstream does not have;
- no msgstr (or plural form) is empty, and no entry is fuzzy;
- each msgstr keeps the format placeholders (``%(name)s``, ``%s``, ``{name}``, ``{}``)
  and the HTML tags of its msgid (of msgid_plural for the plural form), and the
  msgid's leading and trailing whitespace;
- the header names the language and the plural forms, and msgfmt --check-format
  accepts the file.

Catalogues of Django itself (``django.*``) hold only the messages Django's own nb or
nn catalogue lacks, so for them completeness is not required. Every entry in
``nn-corrections/<catalogue>.po`` must match an entry of ``nb/<catalogue>.po`` (by
msgctxt + msgid), give every plural form, and keep the same placeholders and tags.
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
FORMAT = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdifrxXeEgGcoa%]|\{[^{}\s]*\}"
)
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?>")
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


def package_dir(package: str) -> Path:
    top, *rest = package.split(".")
    spec = importlib.util.find_spec(top)
    if spec is None or not spec.submodule_search_locations:
        raise LookupError(f"package {top!r} is not installed")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*rest)


def template_path(catalogue: str) -> Path:
    package, domain = catalogue.rsplit("-", 1)
    return package_dir(package) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"


def placeholders(text: str) -> list[str]:
    return sorted(match for match in FORMAT.findall(text) if match != "%%")


def tags(text: str) -> list[str]:
    return sorted(
        ("/" if match.group(0).startswith("</") else "") + match.group(1).lower()
        for match in TAG.finditer(text)
    )


def edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def forms(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(English source, translation) pairs: one, or one per plural form."""
    if entry.msgid_plural:
        return [
            (entry.msgid if index == 0 else entry.msgid_plural, entry.msgstr_plural.get(index, ""))
            for index in range(2)
        ]
    return [(entry.msgid, entry.msgstr)]


def check_texts(where: str, entry: polib.POEntry, errors: list[str]) -> None:
    if entry.msgid_plural and sorted(entry.msgstr_plural) != [0, 1]:
        errors.append(f"{where}: needs msgstr[0] and msgstr[1]")
    if "fuzzy" in entry.flags:
        errors.append(f"{where}: fuzzy")
    for source, text in forms(entry):
        if not text.strip():
            errors.append(f"{where}: empty msgstr")
            continue
        if placeholders(source) != placeholders(text):
            errors.append(
                f"{where}: placeholders {placeholders(text)} != {placeholders(source)} in {text!r}"
            )
        if tags(source) != tags(text):
            errors.append(f"{where}: HTML tags {tags(text)} != {tags(source)} in {text!r}")
        if edges(source) != edges(text):
            errors.append(f"{where}: leading/trailing whitespace differs from msgid in {text!r}")


def check_header(path: Path, po: polib.POFile, language: str, errors: list[str]) -> None:
    meta = po.metadata
    if meta.get("Language") != language:
        errors.append(f"{path.name}: Language is {meta.get('Language')!r}, not {language!r}")
    if "charset=UTF-8" not in meta.get("Content-Type", ""):
        errors.append(f"{path.name}: Content-Type must be text/plain; charset=UTF-8")
    if meta.get("Plural-Forms") != PLURAL_FORMS:
        errors.append(f"{path.name}: Plural-Forms must be {PLURAL_FORMS!r}")


def msgfmt(path: Path, errors: list[str]) -> None:
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        errors.append(f"{path.name}: msgfmt: {result.stderr.strip()}")


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def check_nb(path: Path, errors: list[str]) -> dict:
    catalogue = path.stem
    po = polib.pofile(str(path))
    check_header(path, po, "nb", errors)
    msgfmt(path, errors)
    template = polib.pofile(str(template_path(catalogue)))
    upstream = {key(entry): entry for entry in template if not entry.obsolete}
    ours = {}
    for entry in po:
        where = f"nb/{path.name}: {entry.msgid[:60]!r}"
        if entry.obsolete:
            errors.append(f"{where}: obsolete entry")
            continue
        if key(entry) in ours:
            errors.append(f"{where}: duplicate")
        ours[key(entry)] = entry
        source = upstream.get(key(entry))
        if source is None:
            errors.append(f"{where}: not in the upstream template {template_path(catalogue)}")
        elif (source.msgid_plural or "") != (entry.msgid_plural or ""):
            errors.append(f"{where}: msgid_plural differs from upstream")
        check_texts(where, entry, errors)
    if not catalogue.startswith("django."):
        for missing in set(upstream) - set(ours):
            errors.append(f"nb/{path.name}: upstream msgid missing: {missing!r}")
    return ours


def check_corrections(path: Path, nb_entries: dict | None, errors: list[str]) -> int:
    po = polib.pofile(str(path))
    check_header(path, po, "nn", errors)
    msgfmt(path, errors)
    if nb_entries is None:
        errors.append(f"nn-corrections/{path.name}: no nb/{path.name} to correct")
        return 0
    seen = set()
    for entry in po:
        where = f"nn-corrections/{path.name}: {entry.msgid[:60]!r}"
        if key(entry) in seen:
            errors.append(f"{where}: duplicate")
        seen.add(key(entry))
        nb = nb_entries.get(key(entry))
        if nb is None:
            errors.append(f"{where}: not in nb/{path.name}")
        elif (nb.msgid_plural or "") != (entry.msgid_plural or ""):
            errors.append(f"{where}: msgid_plural differs from nb/{path.name}")
        check_texts(where, entry, errors)
    return len(po)


def main() -> int:
    errors: list[str] = []
    nb_files = sorted((HERE / "nb").glob("*.po"))
    catalogues = {}
    for path in nb_files:
        try:
            catalogues[path.stem] = check_nb(path, errors)
        except (LookupError, OSError) as error:
            errors.append(f"nb/{path.name}: {error}")
    corrections = 0
    for path in sorted((HERE / "nn-corrections").glob("*.po")):
        corrections += check_corrections(path, catalogues.get(path.stem), errors)
    for error in errors:
        print(error)
    messages = sum(len(entries) for entries in catalogues.values())
    print(
        f"{len(nb_files)} nb catalogues ({messages} messages), {corrections} nn corrections: "
        + (f"{len(errors)} errors" if errors else "OK")
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
