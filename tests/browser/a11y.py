"""Accessibility in the browser journeys: axe-core (bundled with axe-playwright-python, so no network) runs
in the page as the user sees it; a serious or critical violation fails the journey.

`assert_accessible(page, name)` checks the page and writes what axe found (every impact) to
`<output folder>/a11y/<name>.json` when given `out`, so a failing run shows which nodes to fix.
"""

from __future__ import annotations

import json
from pathlib import Path

BLOCKING = ("serious", "critical")
# The WCAG 2.1 A and AA rules (axe's tags) are what the pages are held to.
RUN_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page, *, exclude: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now (every impact)."""
    from axe_playwright_python.sync_playwright import Axe

    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    results = Axe().run(page, context=context, options={**RUN_OPTIONS, "resultTypes": ["violations"]})
    return list(results.response.get("violations", []))


def describe(found: list[dict]) -> str:
    lines = []
    for violation in found:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(
                f"    {', '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}"
            )
    return "\n".join(lines)


def assert_accessible(page, name: str, *, out: str | Path | None = None, exclude: list[str] | None = None):
    """No serious or critical axe-core violation on the page; returns every violation (minor ones too)."""
    found = violations(page, exclude=exclude)
    if out is not None:
        folder = Path(out) / "a11y"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.json").write_text(
            json.dumps({"url": page.url, "violations": found}, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    blocking = [v for v in found if v.get("impact") in BLOCKING]
    assert not blocking, f"{name} ({page.url}) has accessibility violations:\n{describe(blocking)}"
    return found
