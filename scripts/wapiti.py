"""Debian's wapiti 3.0.4, with two fixes; nothing else of the scanner is touched.

1. Its ``wildcard_translate`` puts the regular expression's flags at the end of the
   pattern (``...\\Z(?ms)``), which Python 3.11 refuses, so any ``-x`` stops wapiti before
   it scans: the same function with the flags at the start.
2. Its CSRF module knows the token field names of other frameworks but not Django's
   ``csrfmiddlewaretoken``, so it reports every Django form as lacking a token without
   testing it. With the name added, the module does its real test: it sends each form
   with the token changed and reports the form unless the answer differs.

Run with Debian's python3 (where wapitiCore is installed).
"""

import re
import sys

from wapitiCore.attack import mod_csrf
from wapitiCore.main import wapiti as wapiti_main_module
from wapitiCore.net import crawler


def wildcard_translate(pattern):
    body = "".join(".*" if char == "*" else re.escape(char) for char in pattern)
    return re.compile(r"(?ms)" + body + r"\Z")


crawler.wildcard_translate = wildcard_translate
if "csrfmiddlewaretoken" not in mod_csrf.mod_csrf.TOKEN_FORM_STRINGS:
    mod_csrf.mod_csrf.TOKEN_FORM_STRINGS.append("csrfmiddlewaretoken")

if __name__ == "__main__":
    sys.exit(wapiti_main_module.wapiti_main())
