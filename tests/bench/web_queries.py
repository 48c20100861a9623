"""SQL queries per page, for `make bench-web` (run by tests/bench/web.py in a subprocess
with the tier's environment): Django's test client and CaptureQueriesContext, after one
warming request. Reads the paths as JSON on stdin, prints {path: [status, queries]}."""

import json
import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

paths = json.load(sys.stdin)
client = Client()
counts = {}
for path in paths:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    counts[path] = [response.status_code, len(queries)]
print(json.dumps(counts))
