"""Production settings (config/settings.py, config/security.py): the key check, HTTPS switches, the deploy
checks, the CSP header, the client address lockout counts behind a proxy, static files without DEBUG."""

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client, RequestFactory, override_settings

from config.security import client_ip

ROOT = Path(settings.BASE_DIR)
STRONG_KEY = "k3Y-for-the-tests-only_" + "x7Qp2Lm9Zr4Tv8Wn1Bc6" * 3
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "danvan.example.vn",
    "CSRF_TRUSTED_ORIGINS": "https://danvan.example.vn",
    "HTTPS": "1",
    "TRUSTED_PROXY_COUNT": "1",
}


def run_python(code: str, env: dict, *args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run Python in the repository with only the given variables (plus PATH and a throwaway database)."""
    base = {
        "PATH": os.environ.get("PATH", ""),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    return subprocess.run(
        [sys.executable, *(["-c", code] if code else []), *args],
        env={**base, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )


SETUP = "import django; django.setup(); print('started')"


def test_without_debug_the_process_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_python(SETUP, {"DJANGO_SETTINGS_MODULE": "config.settings"}, tmp_path=tmp_path)
    assert result.returncode != 0 and "started" not in result.stdout
    assert "ImproperlyConfigured: Chưa đặt SECRET_KEY" in result.stderr
    assert "secrets.token_urlsafe" in result.stderr


@pytest.mark.parametrize(
    "key", ["dev-only-insecure-key-change-me", "django-insecure-" + "a1b2c3" * 9, "short"]
)
def test_without_debug_a_known_or_weak_key_is_refused(tmp_path, key):
    env = {"DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": key}
    result = run_python(SETUP, env, tmp_path=tmp_path)
    assert result.returncode != 0 and "SECRET_KEY quá yếu" in result.stderr


def test_with_debug_or_a_strong_key_the_process_starts(tmp_path):
    debug = run_python(SETUP, {"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1"}, tmp_path=tmp_path)
    assert debug.returncode == 0, debug.stderr
    production = run_python(SETUP, PRODUCTION_ENV, tmp_path=tmp_path)
    assert production.returncode == 0 and "started" in production.stdout, production.stderr


def test_the_test_settings_keep_their_own_key():
    assert settings.SECRET_KEY == "test-only" and not settings.DEBUG


def test_the_deploy_checks_are_clean_with_the_production_variables(tmp_path):
    result = run_python(
        "", PRODUCTION_ENV, "manage.py", "check", "--deploy", "--fail-level", "DEBUG", tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_the_https_switch_turns_on_redirect_cookies_hsts_and_the_proxy_header(tmp_path):
    code = SETUP.replace(
        "print('started')",
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.ALLOWED_HOSTS)",
    )
    result = run_python(code, PRODUCTION_ENV, tmp_path=tmp_path)
    assert result.stdout.strip() == (
        "True True True 31536000 ('HTTP_X_FORWARDED_PROTO', 'https') ['danvan.example.vn']"
    ), result.stderr
    plain = run_python(code, {**PRODUCTION_ENV, "HTTPS": "", "TRUSTED_PROXY_COUNT": ""}, tmp_path=tmp_path)
    # Without a proxy X-Forwarded-Proto is not believed (SECURE_PROXY_SSL_HEADER stays None).
    assert plain.stdout.strip() == "False False False 0 None ['danvan.example.vn']", plain.stderr


# --- Content-Security-Policy --------------------------------------------------------------------------


def test_every_page_carries_a_csp_allowing_scripts_only_from_the_site(db):
    response = Client().get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|javascript:|hx-on", re.IGNORECASE)


def test_no_template_has_an_inline_script_or_event_handler():
    """script-src 'self' would block them: keep scripts in static/js."""
    templates = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("danvan/**/templates/**/*.html")]
    assert len(templates) > 50
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in templates
        for match in INLINE_SCRIPT.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# --- the client address lockout counts ----------------------------------------------------------------


def meta_request(remote: str, forwarded: str | None = None):
    extra: dict[str, Any] = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no trusted proxy: the header is the client's own words
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client wrote 6.6.6.6 itself
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, None, "127.0.0.1"),
        (3, "203.0.113.9", "203.0.113.9"),
    ],
)
def test_the_client_address_is_read_through_the_trusted_proxies(proxies, forwarded, expected):
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(meta_request("127.0.0.1", forwarded)) == expected


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_a_lockout_does_not_lock_the_same_login_from_other_addresses(db):
    from danvan.accounts.models import User

    User.objects.create_user(username="canbo", password="mat-khau-dung-1")
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post("/accounts/login/", {"username": "canbo", "password": "sai"})
    locked = attacker.post("/accounts/login/", {"username": "canbo", "password": "mat-khau-dung-1"})
    assert locked.status_code == 429
    owner = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    response = owner.post("/accounts/login/", {"username": "canbo", "password": "mat-khau-dung-1"})
    assert response.status_code == 302


# --- static files without DEBUG --------------------------------------------------------------------------

SERVE_PAGE = """
import django, re
django.setup()
from django.test import Client
client = Client(HTTP_HOST="danvan.example.vn", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="127.0.0.1")
page = client.get("/accounts/login/")
css = re.findall(r'href="(/static/[^"]+[.]css)"', page.content.decode())
print(page.status_code, len(css))
for url in css:
    plain = client.get(url)
    gzip = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    fields = [url, plain.status_code, plain["Content-Type"], plain["Cache-Control"], gzip["Content-Encoding"]]
    print("|".join(map(str, fields)))
"""


def test_without_debug_the_application_serves_hashed_compressed_css(tmp_path):
    collected = run_python(
        "", PRODUCTION_ENV, "manage.py", "collectstatic", "--noinput", "-v0", tmp_path=tmp_path
    )
    assert collected.returncode == 0, collected.stderr
    assert (tmp_path / "static" / "staticfiles.json").is_file()
    result = run_python(SERVE_PAGE, PRODUCTION_ENV, tmp_path=tmp_path)
    lines = result.stdout.split("\n")
    assert lines[0] == "200 2", result.stdout + result.stderr
    for line in lines[1:3]:
        url, status, content_type, cache, encoding = line.split("|")
        assert re.search(r"\.[0-9a-f]{12}\.css$", url), url  # hashed name
        assert (status, content_type, encoding) == ("200", 'text/css; charset="utf-8"', "gzip"), line
        assert "max-age=315360000" in cache and "immutable" in cache


# --- the 400 page ---------------------------------------------------------------------------------------


def test_the_400_page_is_in_vietnamese_and_needs_no_database():
    html = render_to_string("errors/400.html")
    assert "Yêu cầu không hợp lệ" in html and 'lang="vi"' in html
