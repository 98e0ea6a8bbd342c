"""The top app: what reads across every app (home, search, history, audit log), the error pages, the
navigation context and load_demo. Nothing imports it; it may import any app below it."""
