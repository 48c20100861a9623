"""The admin in Bokmål and Nynorsk, built from our checked catalogues.

Upstream apps (Wagtail, wagtail-localize, wagtailmedia, taggit, Django's admin) ship
an English template for every catalogue but only part of it in Bokmål, and no
Nynorsk. ``localization/admin_catalogues/`` holds, per upstream catalogue, our
complete Bokmål (``nb/<catalogue>.po``) and the checked Nynorsk for the entries
where Apertium gets it wrong (``nn-corrections/<catalogue>.po``). A catalogue is
named ``<app name>-<domain>``, e.g. ``wagtail.admin-django``; Django's own catalogue
(``django/conf/locale``) is ``django.conf-django``.

Django ships Bokmål and Nynorsk itself, each missing a few messages: for its catalogues
(``django.*``) our nb file holds only those gaps, Django's own translations serve the rest,
and the build writes only the gaps (Django's own Nynorsk where it has one, Apertium and
our corrections where it has none).

``build`` merges them into ``locale-admin/{nb,nn}/LC_MESSAGES/{django,djangojs}.po``;
``check`` lists what changed upstream since our files were written; ``sync`` brings
our nb files in step with the upstream templates (new messages pre-filled, fuzzy).
"""

import importlib.util
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings

import polib

from localization.catalogues import texts_to_nynorsk

SOURCE_DIR = Path(__file__).resolve().parent / "admin_catalogues"
DOMAINS = ("django", "djangojs")
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"

# Every upstream catalogue we translate. The build reads them in INSTALLED_APPS order;
# where two have the same msgctxt + msgid, the app listed first in INSTALLED_APPS wins, as
# in Django; then Django's own catalogue (django.conf), then the apps of NOT_INSTALLED.
ADMIN_CATALOGUES = (
    "wagtail.admin-django",
    "wagtail.admin-djangojs",
    "wagtail-django",
    "wagtail.images-django",
    "wagtail.documents-django",
    "wagtail.users-django",
    "wagtail.snippets-django",
    "wagtail.contrib.forms-django",
    "wagtail.contrib.redirects-django",
    "wagtail.contrib.search_promotions-django",
    "wagtail.contrib.settings-django",
    "wagtail.sites-django",
    "wagtail.embeds-django",
    "wagtail.search-django",
    "wagtail.locales-django",
    "wagtail.contrib.simple_translation-django",
    "wagtail.contrib.styleguide-django",
    "wagtail.contrib.table_block-django",
    "wagtail.contrib.typed_table_block-django",
    "wagtail_localize-django",
    "wagtail_localize-djangojs",
    "wagtail_localize.locales-django",
    "wagtailmedia-django",
    "taggit-django",
    "django.contrib.admin-django",
    "django.contrib.admin-djangojs",
    "django.contrib.auth-django",
    "django.conf-django",
)
# Apps Wagtail ships that are not in INSTALLED_APPS: translated all the same, so they are
# ready if they are installed (and wagtail_localize.locales shares wagtail.locales' words).
NOT_INSTALLED = (
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.styleguide",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
)
# Django's own catalogue, not an app's: django/conf/locale.
DJANGO_CONF = "django.conf"
# Installed catalogues left alone: Django ships them complete in Bokmål and Nynorsk.
LEFT_TO_DJANGO = (
    "django.contrib.contenttypes-django",
    "django.contrib.sessions-django",
    "django.contrib.humanize-django",
)

GENERATED_HEADER = (
    "Built by `manage.py build_admin_catalogues` (make admin-catalogues) from\n"
    "localization/admin_catalogues/. Do not edit: change the nb/ or nn-corrections/ file."
)
NB_COMMENT = "Bokmål: localization/admin_catalogues/nb/{name}.po"
UPSTREAM_NB_COMMENT = "Bokmål from {app}'s own catalogue (no nb/{name}.po entry yet)"
GAP_NB_COMMENT = "Bokmål: localization/admin_catalogues/nb/{name}.po (a message Django lacks)"
APERTIUM_COMMENT = "Nynorsk: Apertium, from the Bokmål"
UPSTREAM_NN_COMMENT = "Nynorsk: {app}'s own catalogue"
CORRECTED_COMMENT = (
    "Nynorsk: checked by hand, localization/admin_catalogues/nn-corrections/{name}.po"
)

# Python %-format (named or positional) and brace format: what code fills in.
PLACEHOLDER = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdifrxXeEgGcoa]|\{[^{}\s]*\}"
)
_NAMED = re.compile(r"%\(|\{[^}]")


class CatalogueError(ValueError):
    """A catalogue that must not be written: a placeholder lost or added, a bad file."""


def placeholder_problem(source: str, translation: str) -> str | None:
    """Why `translation` cannot stand for `source`, or None if their placeholders match.

    Named placeholders (``%(title)s``, ``{title}``) must be the same set; positional
    ones (``%s``, ``%d``, ``{}``) the same number of each, since their order matters.
    """
    found = PLACEHOLDER.findall(translation)
    wanted = PLACEHOLDER.findall(source)
    named_found = {p for p in found if _NAMED.match(p)}
    named_wanted = {p for p in wanted if _NAMED.match(p)}
    positional_found = Counter(p for p in found if not _NAMED.match(p))
    positional_wanted = Counter(p for p in wanted if not _NAMED.match(p))
    if named_found == named_wanted and positional_found == positional_wanted:
        return None
    lost = sorted((named_wanted - named_found) | set(positional_wanted - positional_found))
    added = sorted((named_found - named_wanted) | set(positional_found - positional_wanted))
    parts = [
        f"loses {', '.join(lost)}" if lost else "",
        f"adds {', '.join(added)}" if added else "",
    ]
    return " and ".join(part for part in parts if part)


def entry_problems(entry: polib.POEntry) -> list[str]:
    """Placeholder problems of an entry's msgstr (each plural form against its msgid)."""
    if entry.msgid_plural:
        pairs = [
            (entry.msgid if index == 0 else entry.msgid_plural, text)
            for index, text in sorted(entry.msgstr_plural.items())
        ]
    else:
        pairs = [(entry.msgid, entry.msgstr)]
    problems = []
    for source, text in pairs:
        problem = placeholder_problem(source, text)
        if problem:
            problems.append(f"{text!r} {problem} of {source!r}")
    return problems


def is_done(entry: polib.POEntry) -> bool:
    """Translated in full, not fuzzy, not obsolete."""
    if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
        return False
    if entry.msgid_plural:
        return len(entry.msgstr_plural) == 2 and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


@dataclass(frozen=True)
class Catalogue:
    """One upstream catalogue: an installed app and a gettext domain."""

    app: str
    domain: str
    app_path: Path
    order: int  # the app's place in INSTALLED_APPS: lower wins

    @property
    def name(self) -> str:
        return f"{self.app}-{self.domain}"

    @property
    def gaps_only(self) -> bool:
        """Django's catalogues: ours holds only what Django's own nb or nn lacks."""
        return self.app.split(".")[0] == "django"

    def upstream(self, language: str) -> Path:
        return self.app_path / "locale" / language / "LC_MESSAGES" / f"{self.domain}.po"

    def template(self) -> list[polib.POEntry]:
        """The upstream English template: every message, in upstream order."""
        return [e for e in polib.pofile(str(self.upstream("en"))) if e.msgid and not e.obsolete]

    def messages(self) -> list[polib.POEntry]:
        """The template messages our nb file must translate: all of them, or for Django's
        catalogues those its own Bokmål or Nynorsk lacks (in template order)."""
        template = self.template()
        if not self.gaps_only:
            return template
        nb, nn = self.upstream_translations("nb"), self.upstream_translations("nn")
        return [
            e
            for e in template
            if not _translates(nb.get(key(e)), e) or not _translates(nn.get(key(e)), e)
        ]

    def upstream_translations(self, language: str) -> dict:
        path = self.upstream(language)
        if not path.exists():
            return {}
        return {key(e): e for e in polib.pofile(str(path)) if is_done(e)}

    def nb_file(self, source_dir: Path = SOURCE_DIR) -> Path:
        return source_dir / "nb" / f"{self.name}.po"

    def corrections_file(self, source_dir: Path = SOURCE_DIR) -> Path:
        return source_dir / "nn-corrections" / f"{self.name}.po"

    def upstream_version(self) -> str:
        top = self.app.split(".")[0]
        names = metadata.packages_distributions().get(top, [top])
        try:
            return f"{names[0]} {metadata.version(names[0])}"
        except metadata.PackageNotFoundError:
            return top


def _translates(found: polib.POEntry | None, template: polib.POEntry) -> bool:
    return found is not None and found.msgid_plural == template.msgid_plural


def _project_app(config) -> bool:
    path = Path(config.path).resolve()
    return path.is_relative_to(Path(settings.BASE_DIR).resolve()) and ".venv" not in path.parts


def installed_catalogues() -> list[Catalogue]:
    """Every catalogue with an English template among the installed upstream apps."""
    found = []
    for order, config in enumerate(apps.get_app_configs()):
        if _project_app(config):
            continue
        for domain in DOMAINS:
            catalogue = Catalogue(config.name, domain, Path(config.path), order)
            if catalogue.upstream("en").exists():
                found.append(catalogue)
    return found


def _package_path(dotted: str) -> Path | None:
    top, *rest = dotted.split(".")
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*rest)
    return path if path.is_dir() else None


def known_catalogues() -> list[Catalogue]:
    """The installed catalogues, then Django's own (django/conf/locale), then those of
    NOT_INSTALLED: the order in which they win."""
    found = installed_catalogues()
    after = len(apps.get_app_configs())
    extra = [(DJANGO_CONF, Path(django.__file__).resolve().parent / "conf")]
    extra += [(app, _package_path(app)) for app in NOT_INSTALLED]
    for place, (app, path) in enumerate(extra, start=after):
        if path is None:
            continue
        for domain in DOMAINS:
            catalogue = Catalogue(app, domain, path, place)
            if catalogue.upstream("en").exists() and catalogue.name not in {c.name for c in found}:
                found.append(catalogue)
    return found


def admin_catalogues(names: Iterable[str] = ADMIN_CATALOGUES) -> list[Catalogue]:
    """The known catalogues among `names`, in the order in which they win."""
    wanted = set(names)
    return [c for c in known_catalogues() if c.name in wanted]


def read_po(path: Path) -> polib.POFile:
    try:
        return polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError) as error:
        raise CatalogueError(f"{path}: {error}") from error


@dataclass
class Source:
    """The Bokmål of one catalogue: ours where we have it, upstream's otherwise."""

    catalogue: Catalogue
    entries: list[tuple[polib.POEntry, polib.POEntry, bool]]  # template, nb, reviewed
    missing: list[polib.POEntry]  # in the template, translated by nobody

    @classmethod
    def load(cls, catalogue: Catalogue, source_dir: Path) -> "Source":
        ours = {}
        path = catalogue.nb_file(source_dir)
        if path.exists():
            ours = {key(e): e for e in read_po(path) if is_done(e)}
        upstream = catalogue.upstream_translations("nb")
        entries, missing = [], []
        for template in catalogue.messages():
            found = ours.get(key(template))
            reviewed = found is not None and found.msgid_plural == template.msgid_plural
            if not reviewed:
                found = upstream.get(key(template))
            if found is None or found.msgid_plural != template.msgid_plural:
                missing.append(template)
            else:
                entries.append((template, found, reviewed))
        return cls(catalogue, entries, missing)


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    corrected: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _metadata(language: str, domain: str) -> dict[str, str]:
    return {
        "Project-Id-Version": f"Ressursbanken admin ({language}, {domain})",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }


def _texts(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def _set_texts(entry: polib.POEntry, texts: list[str]) -> None:
    if entry.msgid_plural:
        entry.msgstr_plural = dict(enumerate(texts))
    else:
        (entry.msgstr,) = texts


def _new_entry(template: polib.POEntry, translated: polib.POEntry, name: str, comment: str):
    entry = polib.POEntry(
        msgid=template.msgid,
        msgid_plural=template.msgid_plural,
        msgctxt=template.msgctxt,
        flags=[flag for flag in template.flags if flag != "fuzzy"],
        occurrences=[(name, "")],
        tcomment=comment,
    )
    _set_texts(entry, _texts(translated))
    return entry


def _refuse(problems: list[str], what: str) -> None:
    if problems:
        shown = "\n  ".join(problems[:50])
        raise CatalogueError(
            f"{len(problems)} {what} would lose or add a placeholder; nothing was written:\n"
            f"  {shown}"
        )


def merged_bokmal(
    catalogues: list[Catalogue], domain: str, source_dir: Path, result: BuildResult
) -> tuple[polib.POFile, dict]:
    """The merged Bokmål of one domain and, per entry, the catalogue it came from.

    Our checked entries win over upstream's; among equals, INSTALLED_APPS order.
    """
    sources = [Source.load(c, source_dir) for c in catalogues if c.domain == domain]
    candidates: dict = {}
    for source in sources:
        name = source.catalogue.name
        reviewed = sum(1 for _t, _e, ok in source.entries if ok)
        result.counts[name] = {
            "messages": len(source.entries) + len(source.missing),
            "ours": reviewed,
            "upstream": len(source.entries) - reviewed,
            "missing": len(source.missing),
        }
        if not source.catalogue.nb_file(source_dir).exists():
            result.notes.append(
                f"{name}: no nb/{name}.po yet, upstream's Bokmål used "
                f"({len(source.entries)} of {len(source.entries) + len(source.missing)})"
            )
            source.missing = []
        for template, translated, ok in source.entries:
            rank = (0 if ok else 1, source.catalogue.order)
            current = candidates.get(key(template))
            if current is None or rank < current[0]:
                candidates[key(template)] = (rank, source.catalogue, template, translated)
        for template in source.missing:
            result.notes.append(f"{name}: no Bokmål for {template.msgid!r}")
    po = polib.POFile(wrapwidth=0)
    po.header = GENERATED_HEADER
    po.metadata = _metadata("nb", domain)
    winners = {}
    problems = []
    ordered = sorted(candidates.values(), key=lambda c: (c[1].order, c[1].name))
    for _rank, catalogue, template, translated in ordered:
        if _rank[0] != 0:
            comment = UPSTREAM_NB_COMMENT.format(app=catalogue.app, name=catalogue.name)
        elif catalogue.gaps_only:
            comment = GAP_NB_COMMENT.format(name=catalogue.name)
        else:
            comment = NB_COMMENT.format(name=catalogue.name)
        entry = _new_entry(template, translated, catalogue.name, comment)
        problems += [f"nb/{catalogue.name}.po: {p}" for p in entry_problems(entry)]
        po.append(entry)
        winners[key(entry)] = catalogue
    _refuse(problems, "Bokmål messages")
    return po, winners


def load_corrections(catalogues: list[Catalogue], source_dir: Path, result: BuildResult):
    """Every checked Nynorsk correction, by catalogue name and then msgctxt + msgid."""
    folder = source_dir / "nn-corrections"
    known = {c.name for c in catalogues}
    corrections: dict[str, dict] = {}
    for path in sorted(folder.glob("*.po")) if folder.is_dir() else []:
        if path.stem not in known:
            result.notes.append(f"nn-corrections/{path.name}: not an installed admin catalogue")
            continue
        corrections[path.stem] = {key(e): e for e in read_po(path) if e.msgid and not e.obsolete}
    return corrections


def nynorsk(
    bokmal: polib.POFile,
    domain: str,
    winners: dict,
    catalogues: list[Catalogue],
    corrections: dict[str, dict],
    *,
    translate: Callable[[list[str]], list[str]],
    used: set,
    result: BuildResult,
) -> polib.POFile:
    """Nynorsk for every entry of `bokmal`: the app's own Nynorsk if it ships one
    (Django's), else a checked correction, else Apertium's translation of the Bokmål.

    A correction applies wherever its msgctxt + msgid is: the winning catalogue's own
    first, then those of its domain, then the others, each in INSTALLED_APPS order.
    """
    po = polib.POFile(wrapwidth=0)
    po.header = GENERATED_HEADER
    po.metadata = _metadata("nn", domain)
    upstream_nn = {c.name: c.upstream_translations("nn") for c in catalogues}
    priority = sorted(admin_catalogues(), key=lambda c: (c.domain != domain, c.order))
    todo = []
    problems = []
    for source in bokmal:
        entry = polib.POEntry(
            msgid=source.msgid,
            msgid_plural=source.msgid_plural,
            msgctxt=source.msgctxt,
            flags=list(source.flags),
            occurrences=list(source.occurrences),
        )
        _set_texts(entry, _texts(source))
        winner = winners[key(source)]
        names = [winner.name] + [c.name for c in priority if c.name != winner.name]
        fixed_by = next((n for n in names if key(source) in corrections.get(n, {})), None)
        own = upstream_nn[winner.name].get(key(source))
        if own is not None and own.msgid_plural == source.msgid_plural:
            _set_texts(entry, _texts(own))
            entry.tcomment = UPSTREAM_NN_COMMENT.format(app=winner.app)
        elif fixed_by is not None:
            used.add((fixed_by, key(source)))
            texts = _texts(corrections[fixed_by][key(source)])
            if len(texts) != len(_texts(entry)) or not all(texts):
                problems.append(
                    f"nn-corrections/{fixed_by}.po: {source.msgid!r} needs every plural form"
                )
                continue
            _set_texts(entry, texts)
            entry.tcomment = CORRECTED_COMMENT.format(name=fixed_by)
            result.corrected[domain] = result.corrected.get(domain, 0) + 1
        else:
            entry.tcomment = APERTIUM_COMMENT
            todo.append(entry)
        po.append(entry)
    texts = [text for entry in todo for text in _texts(entry)]
    translated = iter(translate(texts))
    for entry in todo:
        _set_texts(entry, [next(translated) for _ in _texts(entry)])
    for entry in po:
        problems += [f"{entry.tcomment}: {p}" for p in entry_problems(entry)]
    _refuse(problems, "Nynorsk messages")
    return po


def build(
    output_dir: Path,
    *,
    source_dir: Path = SOURCE_DIR,
    names: Iterable[str] = ADMIN_CATALOGUES,
    translate: Callable[[list[str]], list[str]] = texts_to_nynorsk,
) -> BuildResult:
    """Write output_dir/{nb,nn}/LC_MESSAGES/{django,djangojs}.po. Nothing is written if
    any message would lose or add a placeholder (CatalogueError)."""
    result = BuildResult()
    names = list(names)
    everything = admin_catalogues()
    catalogues = [c for c in everything if c.name in set(names)]
    installed = {c.name for c in everything}
    result.notes += [f"{name}: not found, skipped" for name in names if name not in installed]
    # Corrections of every catalogue count, also when only some are built.
    corrections = load_corrections(everything, source_dir, result)
    for path in sorted((source_dir / "nb").glob("*.po")):
        if path.stem not in installed:
            result.notes.append(f"nb/{path.name}: not an installed admin catalogue, skipped")
    files = {}
    used: set = set()
    for domain in DOMAINS:
        bokmal, winners = merged_bokmal(catalogues, domain, source_dir, result)
        files[("nb", domain)] = bokmal
        files[("nn", domain)] = nynorsk(
            bokmal,
            domain,
            winners,
            catalogues,
            corrections,
            translate=translate,
            used=used,
            result=result,
        )
    all_keys = {key(e) for po in files.values() for e in po}
    for name, fixes in corrections.items():
        for fix_key, fix in fixes.items():
            if fix_key not in all_keys:
                result.notes.append(f"nn-corrections/{name}.po: {fix.msgid!r} is in no catalogue")
            elif (name, fix_key) not in used:
                result.notes.append(
                    f"nn-corrections/{name}.po: {fix.msgid!r} unused, another file's correction won"
                )
    for (language, domain), po in files.items():
        target = output_dir / language / "LC_MESSAGES" / f"{domain}.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(target))
        result.written.append(target)
    return result


def check(*, source_dir: Path = SOURCE_DIR, names: Iterable[str] = ADMIN_CATALOGUES) -> list[str]:
    """What differs between the installed upstream templates and our nb files.

    One line per finding: ``+`` a message upstream that our file lacks (new or changed
    upstream), ``-`` a message in our file that upstream no longer has, ``~`` a changed
    plural, ``?`` a message in our file that is empty or fuzzy.
    """
    names = list(names)
    lines = []
    catalogues = admin_catalogues(names)
    installed = {c.name for c in admin_catalogues()}
    lines += [f"{name}: in ADMIN_CATALOGUES, not found" for name in names if name not in installed]
    for path in sorted((source_dir / "nb").glob("*.po")):
        if path.stem not in installed:
            lines.append(f"nb/{path.name}: not an installed admin catalogue")
    for catalogue in catalogues:
        path = catalogue.nb_file(source_dir)
        if not path.exists():
            lines.append(f"{catalogue.name}: no nb/{catalogue.name}.po yet")
            continue
        ours = read_po(path)
        version = ours.metadata.get("X-Upstream-Version")
        if version and version != catalogue.upstream_version():
            lines.append(
                f"{catalogue.name}: written for {version}, installed {catalogue.upstream_version()}"
            )
        template = {key(e): e for e in catalogue.messages()}
        everything = {key(e) for e in catalogue.template()}
        mine = {key(e): e for e in ours if e.msgid and not e.obsolete}
        for entry_key, entry in template.items():
            if entry_key not in mine:
                lines.append(f"{catalogue.name}: + {_shown(entry)}")
            elif mine[entry_key].msgid_plural != entry.msgid_plural:
                lines.append(f"{catalogue.name}: ~ {_shown(entry)} (plural changed)")
            elif not is_done(mine[entry_key]):
                lines.append(f"{catalogue.name}: ? {_shown(entry)} (empty or fuzzy)")
        for entry_key, entry in mine.items():
            if entry_key not in everything:
                lines.append(f"{catalogue.name}: - {_shown(entry)}")
            elif entry_key not in template:
                lines.append(f"{catalogue.name}: - {_shown(entry)} (Django translates it now)")
    for catalogue in catalogues:
        path = catalogue.corrections_file(source_dir)
        if path.exists():
            template = {key(e) for e in catalogue.messages()}
            for entry in read_po(path):
                if entry.msgid and not entry.obsolete and key(entry) not in template:
                    lines.append(f"{catalogue.name}: - {_shown(entry)} (nn-corrections)")
    return lines


def _shown(entry: polib.POEntry) -> str:
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{context}{entry.msgid!r}"


def sync(catalogue: Catalogue, *, source_dir: Path = SOURCE_DIR) -> dict[str, int]:
    """Rewrite nb/<catalogue>.po in step with the upstream template.

    Our translations are kept. New upstream messages are added, pre-filled with
    upstream's Bokmål where it has one and marked fuzzy for a person to check (empty
    otherwise); messages gone upstream are dropped. References follow the template.
    For Django's catalogues, only the messages Django's own nb or nn lacks.
    """
    path = catalogue.nb_file(source_dir)
    ours = {key(e): e for e in read_po(path) if e.msgid and not e.obsolete} if path.exists() else {}
    upstream = catalogue.upstream_translations("nb")
    po = polib.POFile(wrapwidth=0)
    po.header = (
        f"Bokmål for {catalogue.name}, Ressursbanken's admin"
        + (": only the messages Django's own nb or nn lacks.\n" if catalogue.gaps_only else ".\n")
        + "Edit here; `manage.py build_admin_catalogues` writes locale-admin/ from it."
    )
    po.metadata = {
        "Project-Id-Version": catalogue.name,
        "X-Upstream-Version": catalogue.upstream_version(),
        "Language": "nb",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
    }
    counts = Counter()
    for template in catalogue.messages():
        entry = polib.POEntry(
            msgid=template.msgid,
            msgid_plural=template.msgid_plural,
            msgctxt=template.msgctxt,
            occurrences=list(template.occurrences),
            comment=template.comment,
            flags=[flag for flag in template.flags if flag != "fuzzy"],
        )
        mine = ours.get(key(template))
        theirs = upstream.get(key(template))
        if mine is not None and mine.msgid_plural == template.msgid_plural:
            _set_texts(entry, _texts(mine))
            entry.tcomment = mine.tcomment
            if "fuzzy" in mine.flags:
                entry.flags.append("fuzzy")
            counts["kept"] += 1
        elif theirs is not None and theirs.msgid_plural == template.msgid_plural:
            _set_texts(entry, _texts(theirs))
            entry.flags.append("fuzzy")
            counts["from upstream, fuzzy"] += 1
        else:
            _set_texts(entry, ["", ""] if template.msgid_plural else [""])
            counts["new, empty"] += 1
        po.append(entry)
    counts["dropped"] = len(set(ours) - {key(e) for e in po})
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return dict(counts)
