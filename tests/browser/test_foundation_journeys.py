"""The foundation journeys in a real browser: log in as the ward officer, browse the tree, search
without diacritics, open a person, see the change history, each ending in a screenshot."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_styled, log_in

pytestmark = pytest.mark.browser


def nav_link(page, name):
    return page.locator("nav.navbar").get_by_role("link", name=name, exact=True)


def test_ward_officer_logs_in_and_sees_their_unit_on_the_home_page(page, live_server, cast, screenshot):
    log_in(page, live_server, cast.ward_officer.username)

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Xin chào")
    expect(page.get_by_role("link", name="Phường An Bình").first).to_be_visible()
    expect(page.get_by_text("Phường Bắc Hà")).to_have_count(0)
    assert_styled(page)
    screenshot()


def test_ward_officer_browses_the_tree(page, live_server, cast, screenshot):
    log_in(page, live_server, cast.ward_officer.username)
    other_ward = page.get_by_text("Phường Bắc Hà")

    nav_link(page, "Đơn vị").click()
    expect(page.get_by_role("heading", name="Cây tổ chức")).to_be_visible()
    expect(other_ward).to_have_count(0)

    page.get_by_test_id("unit-table").get_by_role("link", name="Phường An Bình").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Phường An Bình")
    expect(other_ward).to_have_count(0)

    page.get_by_test_id("unit-table").get_by_role("link", name="Khu phố Đông").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Khu phố Đông")
    expect(page.get_by_test_id("unit-table")).to_contain_text("Tổ Dân vận khu phố Đông")
    breadcrumb = page.get_by_role("navigation", name="Vị trí")
    expect(breadcrumb.get_by_role("link", name="Phường An Bình")).to_be_visible()
    expect(other_ward).to_have_count(0)
    screenshot()


def test_search_without_diacritics_finds_a_person(page, live_server, cast, screenshot):
    log_in(page, live_server, cast.ward_officer.username)

    page.keyboard.press("/")
    expect(page.locator("#global-search")).to_be_focused()
    page.keyboard.type("tran thi lan")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=tran\+thi\+lan$"))
    results = page.get_by_test_id("person-results")
    expect(results).to_contain_text("Trần Thị Lan")
    expect(results).not_to_contain_text("Phạm Minh Khôi")
    screenshot("results")

    results.get_by_role("link", name="Trần Thị Lan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trần Thị Lan")
    expect(page.locator("main dl")).to_contain_text("Trưởng Khối Dân vận")
    screenshot()


def test_editing_a_person_shows_in_the_change_history(page, live_server, cast, screenshot):
    log_in(page, live_server, cast.ward_officer.username)
    page.goto(f"{live_server.url}{cast.ward_person.get_absolute_url()}")

    page.get_by_role("link", name="Sửa", exact=True).click()
    title = page.get_by_label("Chức vụ")
    expect(title).to_have_value("Trưởng Khối Dân vận")
    title.fill("Phó Khối Dân vận")
    screenshot("form")
    page.get_by_role("button", name="Lưu", exact=True).click()

    expect(page.get_by_role("alert")).to_contain_text("Đã lưu thay đổi")
    expect(page.locator("main dl")).to_contain_text("Phó Khối Dân vận")

    page.get_by_role("link", name="Lịch sử thay đổi").click()
    history = page.get_by_test_id("history")
    expect(history.locator(".history-old")).to_contain_text(["Trưởng Khối Dân vận"])
    expect(history.locator(".history-new")).to_contain_text(["Phó Khối Dân vận"])
    screenshot()


def test_person_list_filters_as_you_type(page, live_server, cast, screenshot):
    log_in(page, live_server, cast.ward_officer.username)
    nav_link(page, "Cán bộ").click()
    table = page.get_by_test_id("person-table")
    expect(table).to_contain_text("Trần Thị Lan")
    expect(table).to_contain_text("Lê Văn Đức")

    page.evaluate("window.__sameDocument = true")
    with page.expect_response(lambda r: "/org/people/" in r.url and r.request.headers.get("hx-request")):
        page.locator("#person-q").press_sequentially("le van", delay=20)

    expect(table).to_contain_text("Lê Văn Đức")
    expect(table).not_to_contain_text("Trần Thị Lan")
    expect(page).to_have_url(re.compile(r"/org/people/\?q=le(\+|%20)van$"))
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded instead of swapped"
    screenshot()


def test_a_wrong_password_shows_a_vietnamese_message(page, live_server, cast, screenshot):
    log_in(page, live_server, cast.ward_officer.username, password="sai-mat-khau")

    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("alert")).to_contain_text("không đúng")
    expect(page.locator("nav.navbar")).to_have_count(0)
    assert_styled(page)
    screenshot()
