"""Benchmarks: `python -m bench.run` builds (or reuses) a generated dataset and measures each area."""
