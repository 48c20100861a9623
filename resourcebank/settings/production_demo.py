"""The production settings with the demo content allowed, for loading the demo into a
local production tier (scripts/production-local.sh) and the security scan's site
(settings/scan.py). Never a real deployment's settings: the demo accounts have a known
password."""

from .production import *  # noqa: F403

DEMO_CONTENT_ALLOWED = True
