"""Retention and erasure: what the site keeps about people, and for how long (docs/data-map.md)."""
