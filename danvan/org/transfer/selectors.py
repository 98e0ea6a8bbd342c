"""The preview of a prepared batch: its rows as cells beside their problems."""

from .columns import COLUMNS

PREVIEW_ROWS = 1000


def preview(batch) -> dict:
    columns = COLUMNS[batch.kind]
    errors_by_line: dict[int, list[str]] = {}
    for problem in batch.errors:
        errors_by_line.setdefault(problem["line"], []).append(problem["message"])
    rows = [
        {"row": r, "cells": [r.get(c.key, "") for c in columns], "errors": errors_by_line.get(r["line"], [])}
        for r in batch.rows[:PREVIEW_ROWS]
    ]
    lines = {r["line"] for r in batch.rows}
    return {
        "batch": batch,
        "columns": columns,
        "rows": rows,
        "row_total": len(batch.rows),
        "orphan_errors": [p for p in batch.errors if p["line"] not in lines],
    }
