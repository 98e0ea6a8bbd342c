"""The dashboard's reads that come from the year's other pieces: the work programme's progress
(plans.programme), the indicators against last year and the target (reporting.indicators), and the regimes
reporting in the subtree (reporting.regimes).

Indicators: the dashboard shows every active indicator with figures in the subtree, read by the indicators'
own `compare_year` (two queries whatever their number), so the roll-up rules live in one place: only the
topmost report counts, units combine by sum or by max, a year is its yearly report or its months, and a year
still under way is compared over its months so far with the same months of last year.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from danvan.core import access
from danvan.plans.programme.selectors import programme_progress
from danvan.reporting.indicators.selectors import Comparison, compare_year
from danvan.reporting.regimes.models import Regime

from .selectors import Node

SHOWN_INDICATORS = 8

# A dashboard row is the indicators' comparison: indicator, value, last_year, target, months, change_pct,
# target_pct.
IndicatorRow = Comparison

__all__ = ["IndicatorRow", "indicator_rows", "programme_progress", "regimes_in"]


def indicator_rows(node: Node, year: int, *, today: date) -> list[IndicatorRow]:
    """Active indicators with figures in the subtree for `year` or the year before (the first few, by the
    catalogue's order): the figure, last year's over the same months, and the year's target."""
    roots = None if node.everything else ([node.unit] if node.unit else node.roots)
    return compare_year(year, today=today, roots=roots)[:SHOWN_INDICATORS]


def regimes_in(node: Node, user) -> list[Regime]:
    """The active regimes whose reporting units lie in the subtree (their root inside it, or the node inside
    their root), for the filter of the reporting grid; one query."""
    regimes = Regime.objects.visible_to(user).filter(is_active=True)
    if not node.everything:
        inside = access.subtree_q("root__path", node.paths)
        above = Q(pk__in=[])
        for path in node.paths:
            width = access.SEGMENT_WIDTH
            above |= Q(root__path__in=[path[:end] for end in range(width, len(path) + 1, width)])
        regimes = regimes.filter(inside | above)
    # The owners in a second query, not a join: SQLite, without statistics on a small table, would scan
    # every unit to join them (100 ms on the nation's 113,000 units).
    return list(regimes.prefetch_related("owner").order_by("name", "id"))
