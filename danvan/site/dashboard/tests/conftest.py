"""The hand-computed year of test_dashboard.py, shared with the tests of the year's other pieces."""

from .test_dashboard import year  # noqa: F401
