"""Indicators across periods (issue 14 part 3): figures a form field carries, rolled up the unit tree,
compared with the same period last year and with the year's target.

Models live in `models.py` (app label "reporting", re-exported by `reporting.models`); the reads the
dashboard and the reports build on are in `selectors.py`; every write is in `services.py`.
"""
