"""The web pages' links, titles, paging and marked spans over small hand-written stores (TestClient)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import LOCAL, build_store, contract, doc_hash, sample_documents

H = {c["document"]["id"]: doc_hash(c) for c in sample_documents()}
HREF = re.compile(r'href="([^"]*)"')


def crawl(client: Any, start: str = "/", limit: int = 400) -> dict[str, int]:
    """Every same-site link reachable from `start` (pages, JSON twins, static files) with its status."""
    seen: dict[str, int] = {}
    todo = [start]
    while todo and len(seen) < limit:
        url = todo.pop()
        if url in seen:
            continue
        r = client.get(url)
        seen[url] = r.status_code
        if "text/html" not in r.headers.get("content-type", ""):
            continue
        for href in HREF.findall(r.text):
            target = urljoin(url, unescape(href))
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                continue  # a source URL elsewhere
            todo.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return seen


@pytest.mark.slow
def test_a_crawl_from_the_overview_finds_no_broken_link(client: Any) -> None:
    found = crawl(client)
    assert len(found) > 60
    broken = {u: s for u, s in found.items() if s != 200}
    assert broken == {}
    assert not [u for u in found if "//" in u]  # no empty document hash in any link
    # every kind of page was reached, the report links of event and relation pages included
    for page in (f"/events/{H['aleppo-2']}/e1", f"/relations/{H['aleppo-2']}/1", f"/api/relations/{H['aleppo-1']}/0",
                 f"/documents/{H['douma-4']}", "/actors/jabhat-al-nusra", "/graph", "/map"):  # fmt: skip
        assert page in found, page


def test_report_links_on_event_and_relation_pages_carry_the_document_hash(client: Any) -> None:
    d = client.get(f"/api/relations/{H['aleppo-2']}/1").json()
    assert [r["doc_hash"] for r in d["reports"]] == [H["aleppo-1"], H["aleppo-2"]]  # in date order
    assert d["relation"]["doc_hash"] == H["aleppo-2"]
    page = client.get(f"/relations/{H['aleppo-2']}/0").text
    assert f'href="/events/{H["aleppo-2"]}/e1"' in page  # "From event"
    assert f'href="/api/relations/{H["aleppo-2"]}/0"' in page  # the footer's JSON link
    event = client.get(f"/events/{H['aleppo-1']}/e1").text
    assert f'href="/relations/{H["aleppo-1"]}/1"' in event  # "Relations derived from it"
    assert f'href="/api/events/{H["aleppo-1"]}/e1"' in event


def test_documents_are_titled_by_title_else_url_else_file_name(tmp_path: Path, registry: Any) -> None:
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app
    from factiongraph.web.queries import display_title

    assert display_title("Rebels regroup", "https://example.org/a", "/srv/in/a.txt") == "Rebels regroup"
    assert display_title("  ", "https://example.org/a", "/srv/in/a.txt") == "https://example.org/a"
    assert display_title(None, None, "/srv/reports/2016/aleppo-clashes.html") == "aleppo-clashes.html"
    assert display_title(None, "", "C:\\reports\\idlib.txt") == "idlib.txt"
    text = "Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma on Sunday."
    by_url = contract("/srv/feeds/douma.txt", "2017-01-29", text)
    by_name = contract("/srv/feeds/harasta-report.txt", "2017-01-30", text.replace("Douma", "Harasta"))
    by_name["document"]["url"] = None
    db = build_store(tmp_path / "t.duckdb", [by_url, by_name])
    app = create_app(db, registry=registry)
    with TestClient(app, base_url=LOCAL) as c:
        overview = c.get("/").text
        assert ">https://example.org//srv/feeds/douma.txt</a>" in overview
        assert ">harasta-report.txt</a>" in overview and ">/srv/feeds/harasta-report.txt<" not in overview
        page = c.get(f"/documents/{doc_hash(by_name)}").text
        assert "<h1>harasta-report.txt</h1>" in page and "<title>harasta-report.txt · factiongraph</title>" in page
        assert c.get(f"/api/documents/{doc_hash(by_url)}").json()["document"]["display_title"] == (
            "https://example.org//srv/feeds/douma.txt")
    app.state.fg.store.close()


def test_the_source_url_is_a_link_only_when_it_is_a_web_address(tmp_path: Path, registry: Any) -> None:
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    text = "Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma on Sunday."
    web = contract("web", "2017-01-29", text, title="Douma clashes")
    script = contract("script", "2017-01-29", text.replace("Sunday", "Monday"), title="Douma again")
    script["document"]["url"] = "javascript:alert(1)"
    db = build_store(tmp_path / "u.duckdb", [web, script])
    app = create_app(db, registry=registry)
    with TestClient(app, base_url=LOCAL) as c:
        page = c.get(f"/documents/{doc_hash(web)}").text
        assert '<a class="url" href="https://example.org/web" rel="noopener noreferrer nofollow">' in page
        page = c.get(f"/documents/{doc_hash(script)}").text
        assert 'href="javascript:' not in page and '<span class="muted url">javascript:alert(1)</span>' in page
    app.state.fg.store.close()


def test_the_document_page_marks_every_extracted_span_with_a_link(client: Any) -> None:
    d = client.get(f"/api/documents/{H['aleppo-1']}").json()["document"]
    segs = [s for sec in d["section_texts"] for s in sec["segments"]]
    assert "".join(s["text"] for s in segs) == d["text"]  # nothing lost or doubled
    marked = [(s["text"], s["kinds"], s["href"]) for s in segs if s["kinds"]]
    assert marked[0] == ("Jabhat al-Nusra", ["mention", "evidence"], "/actors/jabhat-al-nusra")
    assert (" and ", ["evidence"], f"/relations/{H['aleppo-1']}/0") in marked
    assert ("attacked", ["trigger", "evidence"], f"/events/{H['aleppo-1']}/e1") in marked
    assert ("Syrian Army", ["mention", "evidence"], "/actors/syria") in marked
    # two evidence sentences, one trigger and four mention spans (each actor named once per sentence)
    assert d["marked_spans"] == 2 + 1 + 4
    page = client.get(f"/documents/{H['aleppo-1']}").text
    assert page.count('class="span span-mention span-evidence"') == 4
    assert f'<a class="span span-trigger span-evidence" href="/events/{H["aleppo-1"]}/e1"' in page


def test_spans_that_overlap_or_nest_are_cut_at_every_boundary() -> None:
    from factiongraph.web.queries import Span, highlight

    text = "Army units shelled rebel posts near Hama."
    spans = [Span(0, 30, "evidence", "/e", "event"), Span(0, 10, "mention", "/a", "actor"),
             Span(11, 18, "trigger", "/e", "event"), Span(19, 41, "evidence", "/r", "relation"),
             Span(50, 60, "mention", "/x", "out of the text")]  # fmt: skip
    segs = highlight(text, 0, len(text), spans)
    assert [(s["text"], s["kinds"], s["href"]) for s in segs] == [
        ("Army units", ["mention", "evidence"], "/a"),
        (" ", ["evidence"], "/e"),
        ("shelled", ["trigger", "evidence"], "/e"),
        (" ", ["evidence"], "/e"),
        ("rebel posts", ["evidence"], "/r"),  # inside both evidence spans: the narrower one links
        (" near Hama.", ["evidence"], "/r"),
    ]
    assert segs[4]["labels"] == ["relation", "event"]


@pytest.fixture(scope="module")
def long_history(tmp_path_factory: pytest.TempPathFactory, registry: Any) -> Iterator[Any]:
    """205 events of one actor in one report, and a tie reported once a year from 2008 to 2017."""
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    t = "Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma on Sunday."
    ev = {"plover": "ASSAULT", "a1": "ahrar-al-sham", "m1": "Ahrar al-Sham", "a2": "jaysh-al-islam",
          "m2": "Jaysh al-Islam", "place": "Douma", "date": "2017-01-29", "evidence": t,
          "trigger": "attacked"}  # fmt: skip
    docs = [contract("douma-many", "2017-01-29", t, title="Many clashes in Douma", events=[ev] * 205)]
    for year in range(2008, 2018):
        s = f"In {year} Ahrar al-Sham was again at war with Jaysh al-Islam."
        docs.append(contract(f"tie-{year}", f"{year}-03-01", s, title=f"The feud in {year}", relations=[
            {"type": "hostility", "source": "ahrar-al-sham", "target": "jaysh-al-islam", "ms": "Ahrar al-Sham",
             "mt": "Jaysh al-Islam", "evidence": s}]))  # fmt: skip
    app = create_app(build_store(tmp_path_factory.mktemp("long") / "l.duckdb", docs), registry=registry)
    with TestClient(app, base_url=LOCAL) as c:
        yield c
    app.state.fg.store.close()


def test_actor_pages_say_how_much_of_a_cut_list_they_show_and_page_on(long_history: Any) -> None:
    page = long_history.get("/actors/ahrar-al-sham").text
    assert "Showing 1–200 of 205 events" in page
    assert '<a rel="next" href="/actors/ahrar-al-sham?events_page=2">next page</a>' in page
    assert page.count("/events/") == 200
    second = long_history.get("/actors/ahrar-al-sham", params={"events_page": 2}).text
    assert "Showing 201–205 of 205 events" in second and second.count("/events/") == 5
    assert 'rel="prev" href="/actors/ahrar-al-sham?events_page=1"' in second and 'rel="next"' not in second
    d = long_history.get("/api/actors/ahrar-al-sham", params={"events_page": 2}).json()
    assert d["pages"]["events"] == {"page": 2, "pages": 2, "size": 200, "total": 205, "offset": 200, "first": 201,
                                    "last": 205, "prev": 1, "next": None}  # fmt: skip
    assert len(d["events"]) == 5 and d["event_count"] == 205
    assert long_history.get("/api/actors/ahrar-al-sham", params={"events_page": 0}).status_code == 422


def test_the_actor_timeline_spans_the_whole_tie(long_history: Any) -> None:
    d = long_history.get("/api/actors/ahrar-al-sham").json()
    dates = [t["date"] for t in d["timeline"]]
    assert dates[0] == "2008-03-01" and dates[-1] == "2017-03-01" and len(dates) == 10
    assert d["pages"]["relations"]["total"] == 10


def test_relation_reports_are_paged_newest_first(tmp_path: Path) -> None:
    from factiongraph.store import Store
    from factiongraph.web import queries

    docs = []
    for year in range(2010, 2015):
        s = f"In {year} Ahrar al-Sham clashed with Jaysh al-Islam."
        docs.append(contract(f"y{year}", f"{year}-06-01", s, relations=[
            {"type": "hostility", "source": "ahrar-al-sham", "target": "jaysh-al-islam", "ms": "Ahrar al-Sham",
             "mt": "Jaysh al-Islam", "evidence": s}]))  # fmt: skip
    with Store.open(build_store(tmp_path / "p.duckdb", docs)) as store:
        first = queries.actor_detail(store, "ahrar-al-sham", limit=2)
        last = queries.actor_detail(store, "ahrar-al-sham", limit=2, relations_page=3)
        beyond = queries.actor_detail(store, "ahrar-al-sham", limit=2, relations_page=9)
    assert first and last and beyond
    assert [str(t["date"]) for t in first["relations_over_time"]] == ["2013-06-01", "2014-06-01"]
    assert [str(t["date"]) for t in last["relations_over_time"]] == ["2010-06-01"]
    assert beyond["pages"]["relations"]["page"] == 3  # a page past the end shows the last one
    assert len(first["timeline"]) == 5


def test_the_actor_list_is_paged_with_its_count(client: Any) -> None:
    r = client.get("/api/actors")
    assert r.headers["x-total-count"] == "8" and len(r.json()) == 8
    assert "Showing" not in client.get("/actors").text  # nothing cut: no pager
    assert client.get("/api/actors", params={"q": "al-", "page": 1}).headers["x-total-count"] == "3"


def test_an_actor_of_a_registry_the_server_was_not_given_is_not_called_text_only(web_db: Path) -> None:
    from fastapi.testclient import TestClient

    from factiongraph.actors.registry import Registry
    from factiongraph.web.app import create_app

    app = create_app(web_db, registry=Registry.load(bundled=False))
    with TestClient(app, base_url=LOCAL) as c:
        known = c.get("/api/actors/ahrar-al-sham").json()
        assert known["registry"] is None and known["registry_note"] == "not-loaded"
        assert "serve --registry FILE.yaml" in c.get("/actors/ahrar-al-sham").text
        assert c.get("/api/actors/evil-brigade").json()["registry_note"] == "text-only"
        assert "Not in the actor registry" in c.get("/actors/evil-brigade").text
    app.state.fg.store.close()


def test_the_map_keeps_undated_events_whatever_the_date_range(tmp_path: Path, registry: Any) -> None:
    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    t = "Ahrar al-Sham fighters attacked Jaysh al-Islam positions in Douma."
    undated = contract("no-date", None, t, events=[
        {"plover": "ASSAULT", "a1": "ahrar-al-sham", "m1": "Ahrar al-Sham", "a2": "jaysh-al-islam",
         "m2": "Jaysh al-Islam", "place": "Douma", "evidence": t, "trigger": "attacked"}])  # fmt: skip
    app = create_app(build_store(tmp_path / "m.duckdb", [*sample_documents(), undated]), registry=registry)
    with TestClient(app, base_url=LOCAL) as c:
        for params in ({}, {"end": "2016-10-31"}, {"start": "2017-01-01", "end": "2017-12-31"}):
            d = c.get("/api/map", params=params).json()
            undated_rows = [(e["doc_hash"], e["dated"]) for e in d["events"] if not e["dated"]]
            assert undated_rows == [(doc_hash(undated), False)], params
            assert d["undated_shown"] == 1
        assert c.get("/api/map", params={"end": "2016-10-31"}).json()["total"] == 2  # one dated, one undated
        dated_only = c.get("/api/map", params={"end": "2016-10-31", "undated": "false"}).json()
        assert dated_only["total"] == 1 and all(e["dated"] for e in dated_only["events"])
    app.state.fg.store.close()


def test_the_overview_says_how_much_of_each_list_it_shows(tmp_path: Path, registry: Any) -> None:
    from itertools import combinations

    from fastapi.testclient import TestClient

    from factiongraph.web.app import create_app

    from .conftest import ACTORS

    pairs = list(combinations([a for a in ACTORS if a != "evil-brigade"], 2))[:16]
    allied = " ".join(f"{ACTORS[a][0]} fights beside {ACTORS[b][0]}." for a, b in pairs)
    parted = " ".join(f"{ACTORS[a][0]} was once allied with {ACTORS[b][0]}." for a, b in pairs)

    def ties(template: str, status: str) -> list[dict[str, Any]]:
        return [{"type": "alliance", "source": a, "target": b, "ms": ACTORS[a][0], "mt": ACTORS[b][0],
                 "status": status, "evidence": template.format(ACTORS[a][0], ACTORS[b][0])}
                for a, b in pairs]  # fmt: skip

    docs = [contract("allied", "2016-01-10", allied, relations=ties("{} fights beside {}.", "current")),
            contract("parted", "2016-09-10", parted, relations=ties("{} was once allied with {}.", "former"))]
    docs += [contract(f"note-{i}", f"2017-01-{i:02d}", f"Note {i}: nothing new near Idlib.") for i in range(1, 16)]
    app = create_app(build_store(tmp_path / "o.duckdb", docs), registry=registry)
    with TestClient(app, base_url=LOCAL) as c:
        d = c.get("/api/overview").json()
        assert (len(d["latest_changes"]), d["changes_total"]) == (15, 16)
        assert (len(d["recent_documents"]), d["documents_total"]) == (15, 17)
        page = c.get("/").text
        assert "The latest 15 of 16 changes" in page and "The last 15 of 17 documents." in page
        assert d["most_active_actors"] == [] and "most active of" not in page  # no events: nothing is cut
    app.state.fg.store.close()


def test_actor_ties_are_the_graphs_a_page_at_a_time_strongest_first(tmp_path: Path) -> None:
    from factiongraph.store import Store
    from factiongraph.web import queries

    def tie(doc: str, day: str, partner: str, name: str, **extra: Any) -> dict[str, Any]:
        s = f"Ahrar al-Sham fought {name} again."
        comment = extra.pop("comment", False)
        text = f"A report. Reader: {s}" if comment else s
        return contract(doc, day, text, comment_from="Reader:" if comment else None, relations=[
            {"type": "hostility", "source": "ahrar-al-sham", "target": partner, "ms": "Ahrar al-Sham", "mt": name,
             "evidence": s, **extra}])  # fmt: skip

    docs = [tie("j1", "2015-01-01", "jaysh-al-islam", "Jaysh al-Islam"),
            tie("j2", "2015-02-01", "jaysh-al-islam", "Jaysh al-Islam"),
            tie("j3", "2015-03-01", "jaysh-al-islam", "Jaysh al-Islam"),
            tie("f1", "2015-01-05", "free-syrian-army", "Free Syrian Army"),
            tie("f2", "2015-02-05", "free-syrian-army", "Free Syrian Army"),
            tie("n1", "2015-01-09", "jabhat-al-nusra", "Jabhat al-Nusra"),
            tie("t1", "2015-01-11", "turkey", "Turkey", comment=True),  # a reader's claim only
            tie("s1", "2015-01-12", "syria", "Syria", certainty="speculated")]  # fmt: skip
    with Store.open(build_store(tmp_path / "t.duckdb", docs)) as store:
        first = queries.actor_detail(store, "ahrar-al-sham", limit=2)
        second = queries.actor_detail(store, "ahrar-al-sham", limit=2, ties_page=2)
        beyond = queries.actor_detail(store, "ahrar-al-sham", limit=2, ties_page=7)
    assert first and second and beyond
    assert [(e["counterpart"], e["evidence_count"]) for e in first["edges"]] == [
        ("jaysh-al-islam", 3), ("free-syrian-army", 2)]  # fmt: skip
    assert [e["counterpart"] for e in second["edges"]] == ["jabhat-al-nusra"]
    assert first["pages"]["ties"]["total"] == 3 and first["pages"]["ties"]["next"] == 2  # no comment, no guess
    assert beyond["pages"]["ties"]["page"] == 2 and beyond["edges"] == second["edges"]
    assert {t["counterpart"] for t in first["timeline"]} >= {"turkey", "syria"}  # the reports keep every one


def test_actor_changes_are_paged_newest_page_first_in_date_order(tmp_path: Path) -> None:
    from factiongraph.store import Store
    from factiongraph.web import queries

    docs = []
    partners = [("jaysh-al-islam", "Jaysh al-Islam"), ("free-syrian-army", "Free Syrian Army"),
                ("jabhat-al-nusra", "Jabhat al-Nusra")]  # fmt: skip
    for n, (partner, name) in enumerate(partners):
        for year, kind in ((2011 + 2 * n, "alliance"), (2012 + 2 * n, "hostility")):
            s = f"In {year} Ahrar al-Sham and {name} had a new {kind}."
            docs.append(contract(f"c{year}", f"{year}-05-01", s, relations=[
                {"type": kind, "source": "ahrar-al-sham", "target": partner, "ms": "Ahrar al-Sham", "mt": name,
                 "evidence": s}]))  # fmt: skip
    with Store.open(build_store(tmp_path / "c.duckdb", docs)) as store:
        every = queries.actor_detail(store, "ahrar-al-sham", limit=100)
        newest = queries.actor_detail(store, "ahrar-al-sham", limit=2)
        older = queries.actor_detail(store, "ahrar-al-sham", limit=2, changes_page=2)
    assert every and newest and older
    dates = [str(c["date"]) for c in every["changes"]]
    assert dates == ["2012-05-01", "2014-05-01", "2016-05-01"]  # each pair's allies turned hostile
    assert [str(c["date"]) for c in newest["changes"]] == ["2014-05-01", "2016-05-01"]
    assert [str(c["date"]) for c in older["changes"]] == ["2012-05-01"]
    assert newest["pages"]["changes"]["total"] == len(dates)


def test_a_ties_reports_come_in_date_order_with_their_count_either_way_round(tmp_path: Path) -> None:
    from factiongraph.store import Store
    from factiongraph.web import queries

    docs = []
    for n, year in enumerate((2014, 2011, 2013, 2012)):
        a, b = (("Ahrar al-Sham", "ahrar-al-sham"), ("Jaysh al-Islam", "jaysh-al-islam"))[:: 1 if n % 2 else -1]
        s = f"In {year} {a[0]} clashed with {b[0]}."
        docs.append(contract(f"h{year}", f"{year}-03-01", s, relations=[
            {"type": "hostility", "source": a[1], "target": b[1], "ms": a[0], "mt": b[0], "evidence": s}]))  # fmt: skip
    with Store.open(build_store(tmp_path / "r.duckdb", docs)) as store:
        first = store.scalar("SELECT hash FROM documents WHERE id = 'h2013'")
        d = queries.relation_detail(store, first, 0)
        cut = [queries.relation_detail(store, first, 0, limit=3, page=p) for p in (1, 2, 3)]
    assert d and all(cut)
    assert str(d["relation"]["date"]) == "2013-03-01" and d["relation"]["document"]["id"] == "h2013"
    assert [str(r["date"]) for r in d["reports"]] == ["2011-03-01", "2012-03-01", "2013-03-01", "2014-03-01"]
    assert d["report_count"] == 4 and d["symmetric"]
    assert [[str(r["date"]) for r in c["reports"]] for c in cut if c] == [
        ["2011-03-01", "2012-03-01", "2013-03-01"], ["2014-03-01"], ["2014-03-01"]]  # past the end: the last page
    assert [c["pages"]["reports"]["total"] for c in cut if c] == [4, 4, 4]


def test_a_relation_with_civilians_lists_its_reports_from_the_relations(tmp_path: Path) -> None:
    from factiongraph.store import Store
    from factiongraph.web import queries

    docs = []
    for year in (2016, 2015):
        s = f"In {year} Ahrar al-Sham shelled civilians in Douma."
        c = contract(f"v{year}", f"{year}-07-01", s, relations=[
            {"type": "hostility", "source": "ahrar-al-sham", "target": "free-syrian-army", "ms": "Ahrar al-Sham",
             "mt": "civilians", "evidence": s}])  # fmt: skip
        c["relations"][0]["target"] = "civilians"
        c["actors"] = [a for a in c["actors"] if a["id"] != "free-syrian-army"] + [
            {"id": "civilians", "name": "Civilians", "kind": "civilians", "acled_inter": 7, "country": "SYR",
             "registry_id": None, "known": False, "mentions": [c["relations"][0]["target_mention"] | {"how": "name"}]}]
        docs.append(c)
    with Store.open(build_store(tmp_path / "v.duckdb", docs)) as store:
        assert store.scalar("SELECT COUNT(*) FROM evidence") == 0  # no graph evidence: civilians are no party
        d = queries.relation_detail(store, store.scalar("SELECT hash FROM documents WHERE id = 'v2016'"), 0)
    assert d and d["report_count"] == 2
    assert [str(r["date"]) for r in d["reports"]] == ["2015-07-01", "2016-07-01"]
