#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # Without DJANGO_SETTINGS_MODULE this is production (which needs its secrets from the
    # environment and stops without them), never the development tier: `make` sets
    # resourcebank.settings.dev for local work.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resourcebank.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
