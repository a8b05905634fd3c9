"""Drawings of the signed graph: SVG written by hand, PNG with matplotlib (optional extra `draw`).

Actors sit on a circle. Alliance, support and affiliation are green solid lines (support and
affiliation with an arrow toward the patron / parent), hostility red dashed, ties that ended
(`former`) grey dotted; the line width grows with the edge strength.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

from factiongraph.graph import Edge

SIZE = 900
GREEN, RED, GREY = "#1a7f37", "#cf222e", "#8c959f"


class DrawingUnavailable(RuntimeError):
    pass


def layout(es: list[Edge], size: int = SIZE) -> dict[str, tuple[float, float]]:
    nodes = sorted({x for e in es for x in (e.source, e.target)})
    r = size / 2 - 140
    c = size / 2
    n = max(len(nodes), 1)
    return {
        a: (c + r * math.cos(2 * math.pi * i / n - math.pi / 2), c + r * math.sin(2 * math.pi * i / n - math.pi / 2))
        for i, a in enumerate(nodes)
    }


def style(e: Edge) -> tuple[str, str]:
    """(colour, SVG dash array) for an edge."""
    if e.status == "former":
        return GREY, "2,4"
    if e.type == "hostility":
        return RED, "8,5"
    return GREEN, ""


def width(e: Edge) -> float:
    return round(1.0 + 2.5 * math.log1p(max(e.strength, 0.0)), 2)


def svg(es: list[Edge], names: dict[str, str] | None = None, title: str = "", size: int = SIZE) -> str:
    names = names or {}
    pos = layout(es, size)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}"'
        ' font-family="sans-serif">',
        "<defs>",
        *(f'<marker id="arrow-{k}" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="6" markerHeight="6"'
          f' orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{col}"/></marker>'
          for k, col in (("g", GREEN), ("r", RED), ("x", GREY))),
        "</defs>",
        f'<rect width="{size}" height="{size}" fill="white"/>',
    ]  # fmt: skip
    if title:
        out.append(f'<text x="20" y="30" font-size="18">{escape(title)}</text>')
    legend = (
        ("alliance / support / affiliation", GREEN, ""), ("hostility", RED, "8,5"), ("ended (former)", GREY, "2,4")
    )
    for i, (label, col, dash) in enumerate(legend):
        ly = size - 70 + 20 * i
        out.append(f'<line x1="20" y1="{ly}" x2="60" y2="{ly}" stroke="{col}" stroke-width="3"'
                   + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")  # fmt: skip
        out.append(f'<text x="70" y="{ly + 5}" font-size="13">{escape(label)}</text>')
    for e in sorted(es, key=lambda x: x.strength):
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        col, dash = style(e)
        marker = "" if e.symmetric else f' marker-end="url(#arrow-{ {GREEN: "g", RED: "r"}.get(col, "x") })"'
        tip = f"{names.get(e.source, e.source)} - {e.label} - {names.get(e.target, e.target)}: strength " \
              f"{e.strength:.2f}, {e.evidence_count} evidence"
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{col}" stroke-width="{width(e)}"'
            + (f' stroke-dasharray="{dash}"' if dash else "") + f' stroke-opacity="0.85"{marker}>'
            + f"<title>{escape(tip)}</title></line>"
        )  # fmt: skip
    mid = size / 2
    for a, (x, y) in pos.items():
        anchor = "start" if x > mid + 1 else ("end" if x < mid - 1 else "middle")
        dx = 10 if anchor == "start" else (-10 if anchor == "end" else 0)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="#24292f"><title>{escape(a)}</title></circle>')
        out.append(f'<text x="{x + dx:.1f}" y="{y - 10:.1f}" font-size="13" text-anchor="{anchor}">'
                   f"{escape(names.get(a, a))}</text>")  # fmt: skip
    out.append("</svg>")
    return "\n".join(out) + "\n"


def png(es: list[Edge], path: str | Path, names: dict[str, str] | None = None, title: str = "") -> None:
    """Draws the graph to a PNG file with matplotlib; `DrawingUnavailable` when it is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        msg = "PNG drawing needs matplotlib: pip install 'factiongraph[draw]' (or use --format svg)"
        raise DrawingUnavailable(msg) from None
    names = names or {}
    pos = layout(es)
    fig, ax = plt.subplots(figsize=(9, 9), dpi=100)
    ax.set_xlim(0, SIZE)
    ax.set_ylim(SIZE, 0)
    ax.axis("off")
    if title:
        ax.set_title(title)
    for e in sorted(es, key=lambda x: x.strength):
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        col, dash = style(e)
        ls = ":" if e.status == "former" else ("--" if e.type == "hostility" else "-")
        if e.symmetric:
            ax.plot([x1, x2], [y1, y2], color=col, linestyle=ls, linewidth=width(e), alpha=0.85)
        else:
            ax.annotate("", xy=(x2, y2), xytext=(x1, y1),
                        arrowprops={"arrowstyle": "-|>", "color": col, "linestyle": ls, "linewidth": width(e)})
    for a, (x, y) in pos.items():
        ax.plot([x], [y], "o", color="#24292f")
        ax.text(x, y - 12, names.get(a, a), ha="center", fontsize=9)
    fig.savefig(str(path), format="png", bbox_inches="tight")
    plt.close(fig)
