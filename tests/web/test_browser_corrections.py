"""In headless Chromium: the reject form of a relation page works under the CSP and marks the page,
and the corrections, contradictions and correctable pages fit a phone's width."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import LiveServer, build_store
from .test_browser import assert_clean, browser  # noqa: F401 - the module's headless Chromium fixture
from .test_web_corrections import DOCS, TOKEN, H

By = pytest.importorskip("selenium.webdriver.common.by").By
pytestmark = pytest.mark.slow  # a real browser against a live server, like the other browser tests


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, registry: Any) -> Iterator[LiveServer]:
    from factiongraph.web.app import create_app

    db = build_store(tmp_path_factory.mktemp("browser-corr") / "c.duckdb", DOCS)
    app = create_app(db, token=TOKEN, registry=registry)
    with LiveServer(app) as live:
        yield live
    app.state.fg.store.close()


def overflow(driver: Any) -> int:
    return int(driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth"))


def test_pages_fit_a_phone(browser: Any, server: LiveServer) -> None:  # noqa: F811
    browser.set_window_size(390, 844)
    try:
        for path in ("/contradictions", "/corrections", f"/relations/{H['truce-5']}/0", f"/events/{H['douma-4']}/e1"):
            browser.get(server.url + path)
            assert overflow(browser) <= 0, path
            assert_clean(browser)
        # the actor page's own tables are another matter; its corrections sections fit
        browser.get(server.url + "/actors/syria")
        right = "return Math.max(...[...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect().right))"
        for sel in ("#contradictions", "#contradictions li", "#correct", "#correct form"):
            assert browser.find_elements(By.CSS_SELECTOR, sel), sel
            assert browser.execute_script(f"const sel = {sel!r}; {right}") <= 390, sel
    finally:
        browser.set_window_size(1400, 1000)


def test_reject_button_marks_the_relation_rejected(browser: Any, server: LiveServer) -> None:  # noqa: F811
    path = f"/relations/{H['douma-4']}/0"
    browser.get(server.url + path)
    form = browser.find_elements(By.CSS_SELECTOR, "form.correct-form")[1]  # confirm, reject, edit
    assert form.find_element(By.NAME, "action").get_attribute("value") == "reject"
    form.find_element(By.NAME, "token").send_keys(TOKEN)
    form.find_element(By.NAME, "why").send_keys("a different group")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    note = browser.find_element(By.ID, "rejected")
    assert browser.current_url == server.url + path
    assert "Rejected by the analyst" in note.text and "a different group" in note.text
    assert browser.find_elements(By.CSS_SELECTOR, "form.correct-form:not(.undo-form)") == []
    assert len(browser.find_elements(By.CSS_SELECTOR, "form.undo-form")) == 1  # the rejection can be undone
    assert_clean(browser)
