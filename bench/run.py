"""Run the benchmarks: `python -m bench.run [--scale nation|province] [--area NAME] [--repeat N] [--rebuild]`.

An area is a module of this package with a `measure(context) -> list[dict]` function (and optionally
`verdict(row) -> "PASS" | "MISS" | ""`); every module here except the runner's own is one. Each area's rows
go to bench/results/<area>.json, anything it leaves in `context.details[area]` to
bench/results/<area>.details.json. A missed target is reported, never an error: this is a measurement.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import secrets
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
DATA_DIR = BENCH_DIR / "data"
NOT_AREAS = {"run", "datagen", "measure", "nation"}
POSTGRES_SCHEMES = ("postgres://", "postgresql://", "pgsql://")


def available_areas() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(BENCH_DIR)]) if m.name not in NOT_AREAS)


def configure(scale: str) -> None:
    """Settings before Django starts: config.settings, DEBUG off, the benchmark database."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DEBUG"] = "0"
    # DEBUG off needs a strong key (config/security.py); a fresh one per run signs nothing that outlives it.
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    if not os.environ.get("DATABASE_URL", "").startswith(POSTGRES_SCHEMES):
        # Never the development database: a SQLite file of its own per scale (bench/data is git-ignored).
        os.environ["DATABASE_URL"] = f"sqlite:///{DATA_DIR / f'bench-{scale}.sqlite3'}"

    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["nation", "province"], default="nation")
    parser.add_argument(
        "--area", action="append", choices=available_areas(), help="an area to run (repeatable; default: all)"
    )
    parser.add_argument(
        "--repeat", type=int, default=30, help="timed repetitions per measurement (default 30)"
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the dataset even if it is complete")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def format_table(area: str, rows: list[dict], verdict) -> str:
    header = ("metric", "value", "unit", "floor", "ratio", "target")
    lines = [
        (r["metric"], f"{r['value']:.2f}", r["unit"], f"{r['floor']:.2f}", f"{r['ratio']:.2f}", verdict(r))
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    right = {1, 3, 4}

    def fmt(cells) -> str:
        return "  ".join(
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    rule = "  ".join("-" * w for w in widths)
    out = [f"== {area} ==", fmt(header), rule, *(fmt(line).rstrip() for line in lines)]
    verdicts = [line[5] for line in lines if line[5]]
    if verdicts:
        out.append(f"{verdicts.count('PASS')} PASS, {verdicts.count('MISS')} MISS")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    configure(args.scale)

    from django.db import connection

    from bench import datagen
    from bench.measure import Context

    where = connection.settings_dict["NAME"]
    print(f"Benchmarks at {args.scale} scale on {connection.vendor} ({where}), {args.repeat} repetitions")
    modules = {area: importlib.import_module(f"bench.{area}") for area in args.area or available_areas()}
    # An area with NEEDS_DATASET = False makes its own data; when no chosen area needs it, no build.
    dataset: dict = {}
    if any(getattr(module, "NEEDS_DATASET", True) for module in modules.values()):
        dataset = datagen.ensure_dataset(args.scale, rebuild=args.rebuild)
        counts = ", ".join(f"{k} {v:,}" for k, v in dataset["counts"].items())
        print(f"Dataset built {dataset['built_at']} in {dataset['build_seconds']:.1f} s: {counts}")

    context = Context(scale=args.scale, repeat=args.repeat, dataset=dataset, vendor=connection.vendor)
    RESULTS_DIR.mkdir(exist_ok=True)
    for area, module in modules.items():
        area_started = time.perf_counter()
        rows = module.measure(context)
        elapsed = time.perf_counter() - area_started
        print()
        print(format_table(area, rows, getattr(module, "verdict", lambda _row: "")))
        print(f"({area}: {elapsed:.1f} s)")
        (RESULTS_DIR / f"{area}.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        if area in context.details:
            details = {
                "scale": args.scale,
                "vendor": connection.vendor,
                "repeat": args.repeat,
                "dataset": {k: dataset[k] for k in ("built_at", "counts", "build_seconds") if k in dataset},
                "details": context.details[area],
            }
            (RESULTS_DIR / f"{area}.details.json").write_text(
                json.dumps(details, indent=2, ensure_ascii=False) + "\n"
            )
    print(f"\nTotal run time: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
