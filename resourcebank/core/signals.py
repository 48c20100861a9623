"""Signals one section sends and another acts on, so neither imports the other."""

from django.dispatch import Signal

# A reader downloaded something: `user`, and `document` (a Wagtail document) or
# `page` (a page downloaded whole, such as a campaign pack as a ZIP).
downloaded = Signal()
