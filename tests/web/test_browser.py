"""End to end in headless Chromium: every page renders, the graph's time slider and filters work,
the map draws its offline basemap, and document text never runs as script; at a desktop
(1400x900) and a phone (390x844) viewport no page is wider than the screen, the graph is laid out
again and fitted at every date, undated events stay on the map, and no link leads to a 404.

Slow (a browser and a live server); skipped when chromium, chromedriver or selenium are missing.
Screenshots go to a temporary folder (FG_WEB_SCREENSHOTS names one to keep them).
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.error
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

pytestmark = pytest.mark.slow

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
    # the axis runs from the first report of a tie to the last
    assert (box.get_attribute("data-first"), box.get_attribute("data-last")) == ("2016-10-02", "2016-11-20")
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


# -- layout, links and the time controls -------------------------------------------------------------

DESKTOP, PHONE = (1400, 900), (390, 844)
UNDATED_TEXT = "Ahrar al-Sham fighters stormed Jaysh al-Islam posts in Douma."


@pytest.fixture(scope="module")
def layout_server(tmp_path_factory: pytest.TempPathFactory, registry: Any) -> Iterator[LiveServer]:
    """The sample store plus an undated report whose event is placed on the map, read-only."""
    from factiongraph.web.app import create_app

    from .conftest import contract

    undated = contract("undated-douma", None, UNDATED_TEXT, title="An undated clash in Douma", events=[
        {"plover": "ASSAULT", "a1": "ahrar-al-sham", "m1": "Ahrar al-Sham", "a2": "jaysh-al-islam",
         "m2": "Jaysh al-Islam", "place": "Douma", "evidence": UNDATED_TEXT, "trigger": "stormed"}])  # fmt: skip
    db = build_store(tmp_path_factory.mktemp("layout") / "l.duckdb", [*sample_documents(), undated])
    app = create_app(db, registry=registry)
    with LiveServer(app) as live:
        yield live
    app.state.fg.store.close()


def viewport(driver: Any, size: tuple[int, int]) -> None:
    """Emulates a screen of `size` CSS pixels (a touch phone below 600 px wide)."""
    w, h = size
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": w, "height": h, "deviceScaleFactor": 1 if w >= 600 else 3, "mobile": w < 600})


def open_page(driver: Any, url: str) -> None:
    """Loads `url` and waits for the page's scripts to have drawn what they fetch."""
    driver.get(url)
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")
    path = url.split("/", 3)[-1]
    if path.startswith("graph"):
        wait(driver, lambda d: d.find_element(By.ID, "cy").get_attribute("data-at"))
    elif path.startswith("map"):
        wait(driver, lambda d: d.find_element(By.ID, "map").get_attribute("data-events") is not None)
    elif path.startswith("actors/"):
        wait(driver, lambda d: d.find_element(By.ID, "timeline").get_attribute("data-marks") or
             d.find_elements(By.CSS_SELECTOR, "#timeline p"))  # fmt: skip


def overflow(driver: Any, width: int) -> int:
    """How many CSS pixels the page is wider than a screen `width` wide (0: it fits). A phone widens
    its layout viewport to content that does not fit, so the page's width is compared, not the window's."""
    return int(driver.execute_script(
        "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth)")) - width


WIDEST = """var w = document.documentElement.clientWidth, out = [];
document.querySelectorAll('body *').forEach(function (e) {
  var r = e.getBoundingClientRect();
  if (r.right > w + 1 && !e.closest('.scroll, .timeline'))
    out.push(e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(r.right));
});
return out.slice(0, 5);"""


def layout_pages() -> list[str]:
    h = {c["document"]["id"]: doc_hash(c) for c in sample_documents()}
    return ["/", "/graph", "/map", "/actors", "/actors/jabhat-al-nusra", "/actors/evil-brigade",
            f"/events/{h['aleppo-2']}/e1", f"/relations/{h['aleppo-2']}/1", f"/documents/{h['idlib-3']}",
            f"/documents/{h['aleppo-1']}", "/no-such-page"]  # fmt: skip


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1400x900", "390x844"])
def test_no_page_is_wider_than_the_screen(browser: Any, layout_server: LiveServer, shots: Path,
                                          size: tuple[int, int]) -> None:  # fmt: skip
    viewport(browser, size)
    try:
        wide = {}
        for page in layout_pages():
            open_page(browser, layout_server.url + page)
            if overflow(browser, size[0]) > 0:
                wide[page] = (overflow(browser, size[0]), browser.execute_script(WIDEST))
            name = page.strip("/").replace("/", "_")[:40] or "overview"
            browser.save_screenshot(str(shots / f"{size[0]}-{name}.png"))
        browser.get_log("browser")  # the 404 page's console line is expected
        assert wide == {}
        # the canvases take the width of the screen, less the page margins
        open_page(browser, layout_server.url + "/graph")
        cy_width = browser.find_element(By.ID, "cy").size["width"]
        open_page(browser, layout_server.url + "/map")
        map_width = browser.find_element(By.ID, "map").size["width"]
        assert min(cy_width, map_width) >= (size[0] - 40 if size == PHONE else 1000), (cy_width, map_width)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_no_link_on_the_pages_or_drawn_by_their_scripts_is_a_404(browser: Any, layout_server: LiveServer) -> None:
    base = layout_server.url
    links: set[str] = set()
    for page in layout_pages()[:-1]:
        open_page(browser, base + page)
        hrefs = browser.execute_script(
            "return Array.from(document.querySelectorAll('a[href], svg a')).map(function (a) {"
            " return a.href.baseVal !== undefined ? new URL(a.href.baseVal, location.href).href : a.href; })")
        links.update(h.split("#")[0] for h in hrefs if h.startswith(base))
    assert any("/relations/" in u for u in links) and any("/events/" in u for u in links)
    broken = {}
    for url in sorted(links):
        try:
            urllib.request.urlopen(url, timeout=20).close()
        except urllib.error.HTTPError as e:
            broken[url[len(base):]] = e.code
    assert broken == {}
    assert not [u for u in links if "//" in u[len(base):]]


def node_boxes(driver: Any) -> dict[str, tuple[float, float]]:
    return {k: tuple(v) for k, v in driver.execute_script(
        "var o = {}; FG.graph.nodes().forEach(function (n) { var p = n.renderedPosition(); o[n.id()] = [p.x, p.y]; });"
        " return o;").items()}  # fmt: skip


def assert_in_view(driver: Any) -> None:
    w, h = driver.execute_script("return [FG.graph.width(), FG.graph.height()]")
    bb = driver.execute_script("var b = FG.graph.elements().renderedBoundingBox(); return [b.x1, b.y1, b.x2, b.y2];")
    assert bb[0] >= -1 and bb[1] >= -1 and bb[2] <= w + 1 and bb[3] <= h + 1, (bb, w, h)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1400x900", "390x844"])
def test_moving_the_slider_lays_the_graph_out_again_and_fits_it(browser: Any, layout_server: LiveServer,
                                                                size: tuple[int, int]) -> None:  # fmt: skip
    viewport(browser, size)
    try:
        open_page(browser, layout_server.url + "/graph")
        cy = browser.find_element(By.ID, "cy")
        wait(browser, lambda d: cy.get_attribute("data-at") == "2017-01-29")
        latest = node_boxes(browser)
        assert_in_view(browser)
        browser.find_element(By.ID, "date-slider").send_keys(Keys.HOME)
        wait(browser, lambda d: cy.get_attribute("data-at") == "2016-10-02")
        early = node_boxes(browser)
        assert set(early) == {"jabhat-al-nusra", "fastaqim-kama-umirt", "syria"}
        assert any(early[n] != latest[n] for n in early)  # laid out and fitted again, not left in place
        assert_in_view(browser)
        xs, ys = [p[0] for p in early.values()], [p[1] for p in early.values()]
        width = browser.execute_script("return FG.graph.width()")
        assert max(xs) - min(xs) > width / 4 or max(ys) - min(ys) > 150  # spread over the canvas, not in a corner
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_typed_date_search_and_play(browser: Any, layout_server: LiveServer) -> None:
    open_page(browser, layout_server.url + "/graph")
    cy = browser.find_element(By.ID, "cy")
    wait(browser, lambda d: cy.get_attribute("data-at") == "2017-01-29")
    day = browser.find_element(By.ID, "graph-date")
    assert day.get_attribute("value") == "2017-01-29"
    browser.execute_script("arguments[0].value = '2016-11-25'; arguments[0].dispatchEvent(new Event('change',"
                           " {bubbles: true}));", day)  # fmt: skip
    wait(browser, lambda d: cy.get_attribute("data-at") == "2016-11-25")
    assert browser.find_element(By.ID, "date-label").text == "2016-11-25"
    search = browser.find_element(By.ID, "graph-search")
    search.send_keys("fastaq")
    wait(browser, lambda d: cy.get_attribute("data-matches") == "1")
    classes = browser.execute_script("return [FG.graph.$id('fastaqim-kama-umirt').hasClass('match'),"
                                     " FG.graph.nodes('.faded').length, FG.graph.nodes().length]")  # fmt: skip
    assert classes[0] is True and classes[1] < classes[2]
    assert "1 actor match" in browser.find_element(By.ID, "graph-status").text
    search.send_keys(Keys.ENTER)  # zooms onto the match and its ties
    w, h = browser.execute_script("return [FG.graph.width(), FG.graph.height()]")
    x, y = browser.execute_script("var p = FG.graph.$id('fastaqim-kama-umirt').renderedPosition(); return [p.x, p.y];")
    assert 0 <= x <= w and 0 <= y <= h
    search.clear()
    search.send_keys("x")  # no actor has an x in its name
    wait(browser, lambda d: cy.get_attribute("data-matches") == "0")
    assert "no actor here matches" in browser.find_element(By.ID, "graph-status").text
    # unticking a tie type redraws the graph without it, laid out and fitted again
    search.clear()
    browser.find_element(By.CSS_SELECTOR, "input[name=type][value=hostility]").click()
    wait(browser, lambda d: cy.get_attribute("data-edges") == "0")  # on 2016-11-25 both ties are hostile
    assert browser.execute_script("return FG.graph.elements().length") == 0
    browser.find_element(By.CSS_SELECTOR, "input[name=type][value=hostility]").click()
    wait(browser, lambda d: cy.get_attribute("data-edges") == "2")
    assert browser.execute_script("return FG.graph.edges().map(function (e) { return e.data('sign'); })") == [-1, -1]
    assert_in_view(browser)
    # play starts from the first day when at the end, steps forward, and pauses
    browser.find_element(By.ID, "date-slider").send_keys(Keys.END)
    wait(browser, lambda d: cy.get_attribute("data-at") == "2017-01-29")
    play = browser.find_element(By.ID, "graph-play")
    play.click()
    wait(browser, lambda d: play.get_attribute("aria-pressed") == "true")
    wait(browser, lambda d: "2016-10-02" < cy.get_attribute("data-at") < "2017-01-29", timeout=20)
    play.click()
    assert play.get_attribute("aria-pressed") == "false" and "Play" in play.text
    assert_clean(browser)


def test_undated_events_stay_on_the_map_in_their_own_layer(browser: Any, layout_server: LiveServer,
                                                           shots: Path) -> None:  # fmt: skip
    open_page(browser, layout_server.url + "/map")
    svg = browser.find_element(By.ID, "map")
    wait(browser, lambda d: svg.get_attribute("data-events") == "5")
    assert svg.get_attribute("data-undated") == "1"
    legend = browser.find_element(By.ID, "map-legend").text
    assert "Undated (1)" in legend and "(0)" not in legend  # only categories with events
    assert "Protests" not in legend and "Battles (3)" in legend
    browser.find_element(By.ID, "map-slider").send_keys(Keys.HOME)
    wait(browser, lambda d: svg.get_attribute("data-events") == "2")
    assert svg.get_attribute("data-undated") == "1"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map circle.event.undated")) == 1
    assert "Undated (1)" in browser.find_element(By.ID, "map-legend").text
    browser.save_screenshot(str(shots / "map-first-day-undated.png"))
    browser.find_element(By.ID, "map-undated").click()  # the layer can be hidden
    assert not browser.find_element(By.CSS_SELECTOR, "#map circle.event.undated").is_displayed()
    assert_clean(browser)


def test_no_country_shape_draws_a_line_across_the_map(browser: Any, layout_server: LiveServer) -> None:
    open_page(browser, layout_server.url + "/map")
    wait(browser, lambda d: int(d.find_element(By.ID, "map").get_attribute("data-countries") or 0) > 150)
    longest = browser.execute_script("""
        var worst = 0;
        document.querySelectorAll('#map path.country').forEach(function (p) {
          p.getAttribute('d').split('M').slice(1).forEach(function (ring) {
            var xs = ring.replace('Z', '').split('L').map(function (pt) { return +pt.split(',')[0]; });
            for (var i = 1; i < xs.length; i++) worst = Math.max(worst, Math.abs(xs[i] - xs[i - 1]));
          });
        });
        return worst;""")
    assert longest < 180  # an edge across the antimeridian would span about 360 degrees
    # Russia's and Fiji's shapes still reach the 180th meridian from both sides
    ends = browser.execute_script("""
        var out = {};
        document.querySelectorAll('#map path.country').forEach(function (p) {
          var name = p.querySelector('title').textContent;
          if (name !== 'Russia' && name !== 'Fiji') return;
          var xs = p.getAttribute('d').match(/-?\\d+\\.\\d+(?=,)/g).map(Number);
          out[name] = [Math.min.apply(null, xs), Math.max.apply(null, xs)];
        });
        return out;""")
    assert ends["Russia"][1] >= 179.9 and ends["Fiji"][0] <= -179.5 and ends["Fiji"][1] >= 179.5
