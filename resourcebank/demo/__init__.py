"""Demo content for Ressursbanken: Bokmål texts as data, file generators, idempotent loaders.

Used by ``manage.py load_demo``. Everything here is demo data, built from the facts of the
work plans and written for the demo.
"""
