"""End to end in headless Chromium: every page renders, the graph's time slider and filters work,
the map draws its offline basemap, and document text never runs as script.

Skipped when chromium, chromedriver or selenium are missing. Screenshots go to a temporary
folder (FG_WEB_SCREENSHOTS names one to keep them).
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import LiveServer, build_store, doc_hash, sample_documents

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else shutil.which("chromedriver")
webdriver = pytest.importorskip("selenium.webdriver")
if not CHROMIUM or not CHROMEDRIVER:
    pytest.skip("chromium and chromedriver are not installed", allow_module_level=True)

from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

TOKEN = "browser-test-token"
H = {c["document"]["id"]: doc_hash(c) for c in sample_documents()}
PAGE_TITLE_MARK = "factiongraph"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, registry: Any, pipeline: Any) -> Iterator[LiveServer]:
    from factiongraph.web.app import create_app

    db = build_store(tmp_path_factory.mktemp("browser") / "b.duckdb")
    app = create_app(db, token=TOKEN, registry=registry, pipeline=pipeline)
    with LiveServer(app) as live:
        yield live
    app.state.fg.store.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keep = os.environ.get("FG_WEB_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        return Path(keep)
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    opts = Options()
    opts.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--window-size=1400,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}"):  # fmt: skip
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    except Exception as e:  # pragma: no cover - a broken browser install
        pytest.skip(f"headless chromium does not start: {e}")
    driver.set_page_load_timeout(20)
    yield driver
    driver.quit()


def wait(driver: Any, cond: Any, timeout: float = 10) -> Any:
    return WebDriverWait(driver, timeout).until(cond)


def console_problems(driver: Any) -> list[str]:
    """Console errors, CSP violations included ('Refused to ...')."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE" or "Refused" in e["message"]]


def assert_clean(driver: Any) -> None:
    assert driver.execute_script("return window.__xss === undefined")
    assert driver.title.endswith("factiongraph")  # a script setting document.title would replace it
    assert console_problems(driver) == []


def test_overview_page(browser: Any, server: LiveServer, shots: Path) -> None:
    browser.get(server.url + "/")
    assert PAGE_TITLE_MARK in browser.title
    assert browser.find_element(By.ID, "count-documents").text == "4"
    # first reports are no changes: the one change in the sample store is Nusra breaking with Fastaqim
    rows = browser.find_elements(By.CSS_SELECTOR, "#changes tbody tr")
    assert len(rows) >= 1
    assert any("Fastaqim" in r.text and "Nusra" in r.text for r in rows)
    browser.save_screenshot(str(shots / "overview.png"))
    assert_clean(browser)


def test_graph_time_slider_and_filters(browser: Any, server: LiveServer, shots: Path) -> None:
    browser.get(server.url + "/graph")
    cy = browser.find_element(By.ID, "cy")
    wait(browser, lambda d: cy.get_attribute("data-at") == "2017-01-29")
    latest_edges = int(cy.get_attribute("data-edges"))
    assert latest_edges >= 3
    assert browser.execute_script("return document.querySelectorAll('#cy canvas').length") > 0
    browser.save_screenshot(str(shots / "graph-latest.png"))
    # drag the time slider back to the first day: only the first report's ties remain
    slider = browser.find_element(By.ID, "date-slider")
    slider.send_keys(Keys.HOME)
    wait(browser, lambda d: cy.get_attribute("data-at") == "2016-10-02")
    assert browser.find_element(By.ID, "date-label").text == "2016-10-02"
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "#edge-table tbody tr")]
    assert any(r.startswith("alliance") and "Fastaqim" in r for r in rows)
    assert int(cy.get_attribute("data-edges")) == 2
    browser.save_screenshot(str(shots / "graph-first-day.png"))
    slider.send_keys(Keys.END)
    wait(browser, lambda d: cy.get_attribute("data-at") == "2017-01-29")
    # the reader-comment filter brings in the support tie said only in a comment
    assert "support" not in browser.find_element(By.ID, "edge-table").text
    browser.find_element(By.CSS_SELECTOR, "input[name=source_kind][value=comment]").click()
    wait(browser, lambda d: "support" in d.find_element(By.ID, "edge-table").text)
    # the country filter
    Select(browser.find_element(By.ID, "country")).select_by_value("TUR")
    wait(browser, lambda d: cy.get_attribute("data-edges") == "1")
    browser.save_screenshot(str(shots / "graph-filtered.png"))
    assert_clean(browser)


def test_map_offline_basemap_and_filters(browser: Any, server: LiveServer, shots: Path) -> None:
    browser.get(server.url + "/map")
    svg = browser.find_element(By.ID, "map")
    wait(browser, lambda d: svg.get_attribute("data-events") == "4")
    assert int(svg.get_attribute("data-countries")) > 150
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map path.country")) > 150
    fills = {c.get_attribute("fill") for c in browser.find_elements(By.CSS_SELECTOR, "#map circle.event")}
    assert len(fills) >= 2  # coloured by type
    browser.save_screenshot(str(shots / "map.png"))
    slider = browser.find_element(By.ID, "map-slider")
    slider.send_keys(Keys.HOME)
    wait(browser, lambda d: svg.get_attribute("data-events") == "1")
    slider.send_keys(Keys.END)
    wait(browser, lambda d: svg.get_attribute("data-events") == "4")
    Select(browser.find_element(By.ID, "map-actor")).select_by_value("ahrar-al-sham")
    wait(browser, lambda d: svg.get_attribute("data-events") == "1")
    assert "Ahrar al-Sham" in browser.find_element(By.ID, "map-status").text
    assert_clean(browser)


def test_actor_page(browser: Any, server: LiveServer, shots: Path) -> None:
    browser.get(server.url + "/actors/jabhat-al-nusra")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Jabhat al-Nusra"
    box = browser.find_element(By.ID, "timeline")
    wait(browser, lambda d: (box.get_attribute("data-marks") or "0") != "0")
    assert int(box.get_attribute("data-marks")) == 4
    browser.save_screenshot(str(shots / "actor.png"))
    assert_clean(browser)


def test_event_and_relation_pages_highlight_evidence(browser: Any, server: LiveServer, shots: Path) -> None:
    browser.get(f"{server.url}/events/{H['aleppo-2']}/e1")
    marks = browser.find_elements(By.CSS_SELECTOR, "blockquote.context mark")
    assert "".join(m.text for m in marks) == "Nusra attacked Fastaqim positions in Aleppo on Sunday, killing five."
    browser.save_screenshot(str(shots / "event.png"))
    assert_clean(browser)
    browser.get(f"{server.url}/relations/{H['aleppo-2']}/1")
    assert len(browser.find_elements(By.CSS_SELECTOR, "article.report")) == 2
    browser.save_screenshot(str(shots / "relation.png"))
    assert_clean(browser)


def test_document_text_never_runs(browser: Any, server: LiveServer, shots: Path) -> None:
    evil = (
        "Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma on Sunday. "
        "<script>window.__xss = 'script'; document.title = 'pwned';</script> "
        "<img src=x onerror=\"window.__xss='img'; document.title='pwned'\"> "
        "<svg onload=\"window.__xss='svg'\"></svg> "
        "Jaysh al-Islam <b onmouseover=\"window.__xss='b'\">fighters</b> shelled Ahrar al-Sham in Harasta."
    )
    body = json.dumps({"id": "evil-<script>", "title": "<script>window.__xss='title'</script>", "text": evil,
                       "published": "2017-02-01", "url": "javascript:window.__xss='url'"}).encode()  # fmt: skip
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    req = urllib.request.Request(server.url + "/api/documents", data=body, method="POST", headers=headers)
    with urllib.request.urlopen(req, timeout=60) as r:
        assert r.status == 201
        out = json.loads(r.read())
    assert out["ingested"] == 1
    h = out["hash"]
    doc = json.loads(urllib.request.urlopen(f"{server.url}/api/documents/{h}", timeout=10).read())
    pages = [f"/documents/{h}", f"/documents/{H['idlib-3']}", f"/events/{H['idlib-3']}/e1",
             f"/events/{H['idlib-3']}/e2", f"/relations/{H['idlib-3']}/0", "/actors/evil-brigade", "/", "/map",
             "/graph"]  # fmt: skip
    pages += [f"/events/{h}/{e['event_id']}" for e in doc["events"]]
    pages += [f"/relations/{h}/{r['idx']}" for r in doc["relations"]]
    for url in pages:
        browser.get(server.url + url)
        wait(browser, lambda d: d.execute_script("return document.readyState") == "complete")
        assert browser.execute_script("return window.__xss === undefined"), url
        assert browser.title.endswith("factiongraph"), url
        assert browser.find_elements(By.CSS_SELECTOR, "main script, main img, main svg[onload]") == [], url
    browser.get(f"{server.url}/documents/{h}")
    assert "<script>window.__xss = 'script'" in browser.find_element(By.CSS_SELECTOR, ".doctext").text
    browser.save_screenshot(str(shots / "xss-document.png"))
    assert console_problems(browser) == []
