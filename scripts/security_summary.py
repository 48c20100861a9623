"""Summaries of wapiti's and sqlmap's reports for `make security`; exits 1 on any finding.

python scripts/security_summary.py wapiti REPORT.json
python scripts/security_summary.py sqlmap SQLMAP.log TARGETS
"""

import json
import re
import sys

# sqlmap's verdicts. A line such as "parameter 'q' appears to be ... injectable" is a
# guess it goes on to check; it then either confirms it (the lines below) or drops it as
# "false positive or unexploitable", which is counted and shown but is no finding.
SQLMAP_FINDINGS = re.compile(
    r"identified the following injection point|parameter '[^']+' is vulnerable", re.IGNORECASE
)
SQLMAP_DROPPED = "false positive or unexploitable injection point detected"
SQLMAP_CLEAN = "all tested parameters do not appear to be injectable"


def wapiti(path: str) -> int:
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    info = report.get("infos", {})
    findings = 0
    print(f"  {info.get('version', 'wapiti')}: {info.get('target', '')}")
    for section in ("vulnerabilities", "anomalies"):
        for category, items in sorted(report.get(section, {}).items()):
            if items:
                findings += len(items)
                print(f"  {section[:-3]}y {category}: {len(items)}")
                for item in items[:5]:
                    print(f"    {item.get('method')} {item.get('path')} {item.get('info')}")
    additional = sum(len(items) for items in report.get("additionals", {}).values())
    categories = len(report.get("vulnerabilities", {})) + len(report.get("anomalies", {}))
    print(
        f"  vulnerabilities and anomalies: {findings} (in {categories} categories); "
        f"additional notes: {additional}"
    )
    return findings


def sqlmap(path: str, targets: int) -> int:
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    findings = [line for line in text.splitlines() if SQLMAP_FINDINGS.search(line)]
    clean = text.count(SQLMAP_CLEAN)
    tested = sorted(set(re.findall(r"testing if (?:GET|URI) parameter '([^']+)'", text)))
    print(f"sqlmap: {targets} targets, parameters tested: {', '.join(tested)}")
    print(f"  '{SQLMAP_CLEAN}': {clean} of {targets} targets")
    dropped = text.count(SQLMAP_DROPPED)
    if dropped:
        print(f"  guesses sqlmap checked and dropped as '{SQLMAP_DROPPED}': {dropped}")
    for line in findings:
        print(f"  FINDING: {line.strip()}")
    return len(findings) + (targets - clean)


def member_cookies(base: str, username: str, password: str, path: str) -> int:
    """Log in on the site's login form as a browser does (CSRF token, Referer) and write
    the session in wapiti's JSON cookie format."""
    import http.cookiejar
    import ssl
    import urllib.parse
    import urllib.request

    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the scan's own throwaway certificate on loopback
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar)
    )
    login = f"{base}/nb/logg-inn/"
    page = opener.open(login, timeout=30).read().decode()  # noqa: S310 - our loopback site
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/nb/"}
    ).encode()
    request = urllib.request.Request(login, data=data, headers={"Referer": login})  # noqa: S310
    opener.open(request, timeout=30)  # noqa: S310
    cookies = {c.name: c for c in jar}
    if "sessionid" not in cookies:
        print("the member could not log in", file=sys.stderr)
        return 1
    host = urllib.parse.urlsplit(base).hostname
    entries = {
        name: {
            "value": c.value,
            "expires": c.expires,
            "secure": c.secure,
            "port": None,
            "version": 0,
        }
        for name, c in cookies.items()
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({host: {"/": entries}}, handle)
    return 0


if __name__ == "__main__":
    tool = sys.argv[1]
    if tool == "login":
        sys.exit(member_cookies(*sys.argv[2:6]))
    count = wapiti(sys.argv[2]) if tool == "wapiti" else sqlmap(sys.argv[2], int(sys.argv[3]))
    sys.exit(1 if count else 0)
