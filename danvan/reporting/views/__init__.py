"""Reporting pages: calls, the board, submissions, form templates."""
