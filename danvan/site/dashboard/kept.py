"""The dashboard's figures of a node, kept between requests until the data they come from changes.

The figures of a node (its reporting grid, indicators, overdue tasks, upcoming events, and the charts and
grid drawn from them) are the same for every user who may open that node: everything in its subtree is in
their scope (see selectors). Computing them for the whole country reads every report of the year, so they
are kept in the cache under the "dashboard" data stamp (``danvan.core.stamps``), which every committed
write to the rows they read moves on: a figure is never served after a change to what it counts. The key
also holds the day (a report not sent becomes missing at midnight) and the language.

What depends on the user is read per request (the regimes they may filter by) or kept under their id (the
programmes they see).
``DASHBOARD_KEEP_SECONDS`` bounds how long figures are kept at all (0: computed on every request, as in the
test settings, where a test's rolled-back writes never move the stamp).
"""

from __future__ import annotations

import hashlib
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from danvan.accounts.models import RoleAssignment
from danvan.core import stamps
from danvan.events.models import Event
from danvan.lib.periods import PeriodKind
from danvan.org.models import Unit
from danvan.plans.models import Plan, Task
from danvan.recognition.models import AppraisalRound
from danvan.reporting.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from danvan.reporting.models import Call, CallTarget, Submission
from danvan.reporting.regimes.models import Regime

from . import selectors
from . import year as year_figures
from .selectors import Node

STAMP = "dashboard"
# Every model whose rows a node's figures read: units for the tiles' names and the tree; appraisal rounds,
# which carry out programme items; role assignments, which decide the programmes a user sees.
READS = (
    *(Unit, Call, CallTarget, Submission, Regime, Plan, Task, Event, AppraisalRound, RoleAssignment),
    *(Indicator, IndicatorValue, IndicatorTarget),
)
DEFAULT_KEEP_SECONDS = 600


def track() -> None:
    """From the site app's ``ready``: every write to what the figures read moves the stamp on."""
    stamps.track(STAMP, *READS)


def node_figures(
    node: Node, children: list[Unit], year: int, kind: PeriodKind, regime_id: int | None, *, today: date
) -> dict:
    """What the page and its export show of a node, computed now."""
    return {
        "grid": selectors.reporting_grid(node, children, year, kind, today=today, regime_id=regime_id),
        "indicators": year_figures.indicator_rows(node, year, today=today),
        "overdue": selectors.overdue_tasks(node, children, year, today=today),
        "events": selectors.upcoming_events(node, today=today),
    }


def kept(node: Node, year: int, kind: PeriodKind, regime_id: int | None, *, today: date, make, user_id=None):
    """``make()`` (what the page draws of a node's figures: text, cheap to keep and to read back), computed
    once per data version and kept for the next requests; ``user_id`` for what differs by user."""
    keep = getattr(settings, "DASHBOARD_KEEP_SECONDS", DEFAULT_KEEP_SECONDS)
    if not keep:
        return make()
    key = _key(node, year, kind, regime_id, today, user_id)
    found = cache.get(key)
    if found is None:
        found = make()
        cache.set(key, found, keep)
    return found


def _key(node: Node, year: int, kind: PeriodKind, regime_id: int | None, today: date, user_id) -> str:
    where = "*" if node.everything else ",".join(node.paths)
    parts = (where, year, kind.value, regime_id or "", today, translation.get_language(), user_id or "")
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]
    return f"dashboard:{stamps.version(STAMP)}:{digest}"
