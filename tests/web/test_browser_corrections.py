"""In headless Chromium: the reject form of a relation page works under the CSP and marks the page,
and the corrections, contradictions and correctable pages fit a phone's width."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

By = pytest.importorskip("selenium.webdriver.common.by").By
if not (shutil.which("chromium") or shutil.which("chromium-browser")) or not (
    os.path.exists("/usr/bin/chromedriver") or shutil.which("chromedriver")
):
    # checked before importing the browser module, which skips itself: a half-imported module otherwise
    pytest.skip("chromium and chromedriver are not installed", allow_module_level=True)

from .conftest import LiveServer, build_store  # noqa: E402
from .test_browser import assert_clean, browser, wait  # noqa: E402, F401 - the module's headless Chromium fixture
from .test_web_corrections import DOCS, TOKEN, H  # noqa: E402

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
    # the form posts and the server redirects back: wait for the new page, not the old one (a loaded CI
    # machine may not have it yet when the click returns)
    note = wait(browser, lambda d: next(iter(d.find_elements(By.ID, "rejected")), None))
    assert browser.current_url == server.url + path
    assert "Rejected by the analyst" in note.text and "a different group" in note.text
    assert browser.find_elements(By.CSS_SELECTOR, "form.correct-form:not(.undo-form)") == []
    assert len(browser.find_elements(By.CSS_SELECTOR, "form.undo-form")) == 1  # the rejection can be undone
    assert_clean(browser)


def test_graph_marks_the_tie_sources_disagree_about(browser: Any, server: LiveServer) -> None:  # noqa: F811
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server.url + "/graph")
    cy = browser.find_element(By.ID, "cy")
    WebDriverWait(browser, 10).until(lambda d: cy.get_attribute("data-at"))
    browser.execute_script(
        "const i = document.getElementById('graph-date'); i.value = '2016-10-03';"
        " i.dispatchEvent(new Event('change', {bubbles: true}));"
    )
    WebDriverWait(browser, 10).until(lambda d: cy.get_attribute("data-at") == "2016-10-03")
    contested = browser.execute_script(
        "return FG.graph.edges('[contested = 1]').map(e => [e.data('id').split('|')[0], e.data('source'),"
        " e.data('target')])"
    )
    # one source has the two allied, another at war: both ties between them are marked, no other
    assert sorted((t, *sorted([a, b])) for t, a, b in contested) == [
        ("alliance", "jabhat-al-nusra", "syria"), ("hostility", "jabhat-al-nusra", "syria")]  # fmt: skip
    legend = browser.find_element(By.CSS_SELECTOR, '#graph-legend [data-sign="contested"]')
    assert legend.is_displayed() and "(2)" in legend.text
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#edge-table tbody tr")]
    flagged = [r for r in rows if "sources disagree" in r]
    assert len(flagged) == 2 and all("Nusra" in r and "Syria" in r for r in flagged)
    assert_clean(browser)
