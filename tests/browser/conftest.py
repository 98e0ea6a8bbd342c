"""Playwright journeys against pytest-django's live server, in the system Chromium.

Playwright's sync API runs an event loop in the test thread, so Django refuses ORM calls from
that thread unless told otherwise; the tests only touch the ORM to build data before the browser
acts, so allowing it here (and only here) is safe.
"""

import datetime
import os
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def base_url(live_server):
    """Lets pages go to relative addresses; replaces pytest-playwright's own base_url fallback."""
    return live_server.url


@pytest.fixture(scope="session")
def browser(live_server, browser):
    """The browser, started after the live server so that it is closed first.

    Otherwise Chromium's kept-alive connections end after the server has stopped sharing the
    in-memory SQLite connection, and the request threads raise DatabaseError as they close it.
    """
    return browser


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "vi-VN",
        "timezone_id": "Asia/Ho_Chi_Minh",
        "viewport": {"width": 1366, "height": 900},
    }


@pytest.fixture
def cast(transactional_db, live_server):
    """The canonical cast, committed so the live server's thread sees it.

    transactional_db empties every table after each test, the unit kinds and built-in forms seeded by data
    migrations included, so they are put back here (idempotently) rather than through serialized rollback,
    which a page still polling the live server between two tests can interrupt.
    """
    from danvan.testing.cast import build_cast

    return build_cast()  # puts back the unit kinds, built-in forms and fields a previous test flushed


@pytest.fixture
def page(page):
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def screenshot(page, output_path):
    """screenshot(name) -> the path of a full-page screenshot saved in the test's output folder."""

    def _screenshot(name: str = "end") -> Path:
        path = Path(output_path) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
        assert path.is_file() and path.stat().st_size > 0, path
        return path

    return _screenshot


def log_in(page, live_server, username: str, password: str | None = None) -> None:
    """Fill the login form as `username` (the cast's password unless told otherwise) and submit."""
    from danvan.testing.cast import PASSWORD

    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD if password is None else password)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng nhập").click()


def assert_styled(page) -> None:
    """Bootstrap's stylesheet was served and applied (not just linked)."""
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    assert page.evaluate("getComputedStyle(document.querySelector('main')).paddingTop") != "0px"


@pytest.fixture
def accessible(output_path):
    """accessible(page, name): axe-core finds no serious or critical violation (report kept under a11y/)."""
    from .a11y import assert_accessible

    def _accessible(page, name: str, **kwargs):
        return assert_accessible(page, name, out=output_path, **kwargs)

    return _accessible


# The issuer of seed 003, a unit dissolved by the 2025 reform: journey 1 imports the plan under it.
ISSUER_2023 = "Ban Dân vận Tỉnh ủy Thử Nghiệm (khóa 2020-2025)"


@pytest.fixture
def units_of_2023(cast):
    """The province's party committee and its Ban Dân vận as they were until the 2025 reform (the seed's
    issuer), and the provincial Front, which sits under the province, not under the party committee."""
    from danvan.testing.factories import UnitFactory, kind

    ended = datetime.date(2025, 6, 30)
    party = UnitFactory(
        name="Tỉnh ủy Thử Nghiệm (khóa 2020-2025)",
        kind=kind("party_committee"),
        parent=cast.province,
        abbreviation="TU",
        valid_to=ended,
    )
    issuer = UnitFactory(
        name=ISSUER_2023,
        short_name="Ban Dân vận Tỉnh ủy",
        kind=kind("mobilization_committee"),
        parent=party,
        abbreviation="BDVTU",
        valid_to=ended,
    )
    front = UnitFactory(
        name="Ủy ban MTTQ tỉnh Thử Nghiệm", kind=kind("fatherland_front"), parent=cast.province
    )
    return issuer, front
