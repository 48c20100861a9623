"""A bare Django page for `make bench-web`: the ceiling a Wagtail page is compared with.

Its own settings and URLconf (no database, no middleware but the common one), a template
that lists 30 items; served by gunicorn like the site.
"""
