"""GraphML and GEXF of the relation graph, written with `xml.etree` (networkx reads both).

Nodes are actors; there is one edge per graph edge of the store (`graph.all_edges`: every
(relation, source, target) over all dates, certainties and source kinds), so a pair may have
several edges (e.g. alliance and hostility). Symmetric relations (alliance, hostility) are
written once, source < target, with `symmetric=true`. Edge attributes: relation, status, sign,
strength (at the latest evidence date), comment_strength, evidence_count, article/comment
counts, certainty_mix (JSON), first_seen, last_seen.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from typing import IO, Any

from factiongraph.graph import Edge, all_edges
from factiongraph.store.core import Store

NODE_ATTRS = (("name", "string"), ("kind", "string"), ("country", "string"), ("acled_inter", "int"))
EDGE_ATTRS = (
    ("relation", "string"), ("status", "string"), ("sign", "int"), ("symmetric", "boolean"),
    ("strength", "double"), ("comment_strength", "double"), ("evidence_count", "int"),
    ("article_evidence", "int"), ("comment_evidence", "int"), ("certainty_mix", "string"),
    ("first_seen", "string"), ("last_seen", "string"),
)  # fmt: skip


def _edge_values(e: Edge) -> dict[str, Any]:
    return {
        "relation": e.type, "status": e.status, "sign": e.sign, "symmetric": e.symmetric,
        "strength": round(e.strength, 6), "comment_strength": round(e.comment_strength, 6),
        "evidence_count": e.evidence_count, "article_evidence": e.source_kind_mix.get("article", 0),
        "comment_evidence": e.source_kind_mix.get("comment", 0),
        "certainty_mix": json.dumps(e.certainty_mix, sort_keys=True),
        "first_seen": e.first_seen.isoformat(), "last_seen": e.last_seen.isoformat(),
    }  # fmt: skip


def _nodes(store: Store, es: list[Edge]) -> list[tuple[str, dict[str, Any]]]:
    actors = store.actors()
    ids = sorted({x for e in es for x in (e.source, e.target)})
    out = []
    for i in ids:
        a = actors.get(i, {})
        out.append((i, {"name": a.get("name") or i, "kind": a.get("kind"), "country": a.get("country"),
                        "acled_inter": a.get("acled_inter")}))  # fmt: skip
    return out


def _text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _write(tree: ET.Element, out: IO[str]) -> None:
    ET.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(tree, encoding="unicode"))
    out.write("\n")


def write_graphml(store: Store, out: IO[str]) -> int:
    es = all_edges(store)
    root = ET.Element("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    for name, typ in NODE_ATTRS:
        ET.SubElement(root, "key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": typ})
    for name, typ in EDGE_ATTRS:
        ET.SubElement(root, "key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": typ})
    g = ET.SubElement(root, "graph", {"id": "factiongraph", "edgedefault": "directed"})
    for node_id, attrs in _nodes(store, es):
        n = ET.SubElement(g, "node", {"id": node_id})
        for k, v in attrs.items():
            if v is not None:
                ET.SubElement(n, "data", {"key": f"n_{k}"}).text = _text(v)
    for i, e in enumerate(es):
        el = ET.SubElement(g, "edge", {"id": f"e{i}", "source": e.source, "target": e.target})
        for k, v in _edge_values(e).items():
            ET.SubElement(el, "data", {"key": f"e_{k}"}).text = _text(v)
    _write(root, out)
    return len(es)


GEXF_TYPES = {"string": "string", "int": "integer", "double": "double", "boolean": "boolean"}


def write_gexf(store: Store, out: IO[str]) -> int:
    es = all_edges(store)
    root = ET.Element("gexf", {"xmlns": "http://www.gexf.net/1.2draft", "version": "1.2"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": dt.date.today().isoformat()})
    ET.SubElement(meta, "creator").text = "factiongraph"
    g = ET.SubElement(root, "graph", {"mode": "static", "defaultedgetype": "directed"})
    na = ET.SubElement(g, "attributes", {"class": "node"})
    for i, (name, typ) in enumerate(NODE_ATTRS):
        ET.SubElement(na, "attribute", {"id": str(i), "title": name, "type": GEXF_TYPES[typ]})
    ea = ET.SubElement(g, "attributes", {"class": "edge"})
    for i, (name, typ) in enumerate(EDGE_ATTRS):
        ET.SubElement(ea, "attribute", {"id": str(i), "title": name, "type": GEXF_TYPES[typ]})
    nodes = ET.SubElement(g, "nodes")
    for node_id, attrs in _nodes(store, es):
        n = ET.SubElement(nodes, "node", {"id": node_id, "label": str(attrs["name"])})
        vals = ET.SubElement(n, "attvalues")
        for i, (name, _) in enumerate(NODE_ATTRS):
            if attrs.get(name) is not None:
                ET.SubElement(vals, "attvalue", {"for": str(i), "value": _text(attrs[name])})
    edges_el = ET.SubElement(g, "edges")
    for j, e in enumerate(es):
        el = ET.SubElement(edges_el, "edge", {
            "id": f"e{j}", "source": e.source, "target": e.target, "label": e.type,
            "weight": f"{max(e.strength, 1e-6):.6f}",
        })  # fmt: skip
        vals = ET.SubElement(el, "attvalues")
        ev = _edge_values(e)
        for i, (name, _) in enumerate(EDGE_ATTRS):
            ET.SubElement(vals, "attvalue", {"for": str(i), "value": _text(ev[name])})
    _write(root, out)
    return len(es)
