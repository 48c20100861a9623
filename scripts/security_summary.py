"""Summaries of wapiti's and sqlmap's reports for `make security`; exits 1 on any finding.

python scripts/security_summary.py wapiti REPORT.json
python scripts/security_summary.py sqlmap SQLMAP.log TARGETS
"""

import json
import re
import sys

SQLMAP_FINDINGS = re.compile(
    r"identified the following injection point|is vulnerable|appears to be .*injectable"
    r"|might be injectable|might be vulnerable",
    re.IGNORECASE,
)
SQLMAP_CLEAN = "all tested parameters do not appear to be injectable"


def wapiti(path: str) -> int:
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    info = report.get("infos", {})
    findings = 0
    print(
        f"wapiti {info.get('version', '')}: {info.get('target', '')}, "
        f"{info.get('crawled_pages_nbr', '?')} pages crawled"
    )
    for section in ("vulnerabilities", "anomalies"):
        for category, items in sorted(report.get(section, {}).items()):
            if items:
                findings += len(items)
                print(f"  {section[:-3]}y {category}: {len(items)}")
                for item in items[:5]:
                    print(f"    {item.get('method')} {item.get('path')} {item.get('info')}")
    additional = sum(len(items) for items in report.get("additionals", {}).values())
    print(f"  vulnerabilities and anomalies: {findings}; additional notes: {additional}")
    return findings


def sqlmap(path: str, targets: int) -> int:
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    findings = [line for line in text.splitlines() if SQLMAP_FINDINGS.search(line)]
    clean = text.count(SQLMAP_CLEAN)
    tested = sorted(set(re.findall(r"testing if (?:GET|URI) parameter '([^']+)'", text)))
    print(f"sqlmap: {targets} targets, parameters tested: {', '.join(tested)}")
    print(f"  '{SQLMAP_CLEAN}': {clean} of {targets} targets")
    for line in findings:
        print(f"  FINDING: {line.strip()}")
    return len(findings) + (targets - clean)


if __name__ == "__main__":
    tool, report = sys.argv[1], sys.argv[2]
    count = wapiti(report) if tool == "wapiti" else sqlmap(report, int(sys.argv[3]))
    sys.exit(1 if count else 0)
