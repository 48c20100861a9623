"""A real calendar client for the feed tests: khal, with a throwaway configuration.

``khal(tmp_path, ...)`` runs khal on a calendar of its own in `tmp_path` (called
``feed``), in Oslo time on a machine whose own time zone is UTC, so the feed's VTIMEZONE
is what puts its events in the right hours. A machine without khal skips the test,
except in CI, where it fails (``service_missing``).
"""

import shutil
import subprocess

from tests.fixtures import service_missing

CALENDAR = "feed"


def khal(tmp_path, *args: str) -> str:
    """khal's output for `args`, with the configuration made on the first call."""
    command = shutil.which("khal")
    if not command:
        service_missing("khal is not installed", "apt-get install khal")
    config = tmp_path / "khal.conf"
    if not config.exists():
        (tmp_path / "calendar").mkdir()
        config.write_text(
            f"[calendars]\n[[{CALENDAR}]]\n"
            f"path = {tmp_path / 'calendar'}\ntype = calendar\n"
            "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n"
            "longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\n"
            "longdatetimeformat = %Y-%m-%d %H:%M\n"
            "local_timezone = Europe/Oslo\ndefault_timezone = Europe/Oslo\n"
            f"[sqlite]\npath = {tmp_path / 'khal.db'}\n"
        )
    env = {"PATH": "/usr/bin:/bin", "TZ": "UTC", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    return subprocess.run(
        [command, "-c", str(config), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout


def khal_import(tmp_path, feed: bytes) -> None:
    """Import `feed` (an iCalendar document) as a person would: ``khal import --batch``."""
    path = tmp_path / "feed.ics"
    path.write_bytes(feed)
    khal(tmp_path, "import", "--batch", "-a", CALENDAR, str(path))


def khal_list(tmp_path, start, end, *, template: str, once: bool = False) -> list[str]:
    """The lines ``khal list`` prints for the days from `start` to `end`, one per event."""
    options = ["--once"] if once else []
    out = khal(
        tmp_path,
        "list",
        *options,
        "--day-format",
        "",
        "--format",
        template,
        start.isoformat(),
        end.isoformat(),
    )
    return [line for line in out.split("\n") if line.strip()]
