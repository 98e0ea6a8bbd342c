"""Tests: SQLite in memory (DATABASE_URL switches to PostgreSQL), fast hashing, immediate tasks."""

import os

import dj_database_url

from .settings import *  # noqa: F403
from .settings import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_FAILURE_LIMIT = 5
# A test's writes are rolled back without moving the data stamps: figures are computed on every request
# (the tests of the kept figures turn this on and commit).
DASHBOARD_KEEP_SECONDS = 0
LOGGING = {"version": 1, "disable_existing_loggers": False}
