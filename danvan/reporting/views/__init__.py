"""Reporting pages: calls, the board, submissions, form templates."""

from danvan.core.forms import act

__all__ = ["act"]
