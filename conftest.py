"""pytest's root configuration: the fixtures every app's tests share (tests/fixtures.py)."""

pytest_plugins = ["tests.fixtures"]
