"""Long documents: extraction time and peak memory against document length.

    python bench/long_documents.py                 # one 400 KB document vs four 100 KB documents
    python bench/long_documents.py --big 5000000   # also one 5 MB document

Targets (issue 18): one 400 KB document takes at most 1.5x the time of four 100 KB documents of
the same text and peaks at 1 GB at most; a 5 MB document completes with a peak of 1.5 GB at most.

The text is the project's example reports (examples/*.txt) repeated to the length asked for.
Each measurement runs in a fresh process (model loaded and warmed up first, not timed), so its
peak resident memory is its own; the peak includes the loaded model. Wall and CPU seconds are
both reported: on a shared machine the CPU ratio is the steadier one.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int) -> str:
    """`n` characters of the example reports, repeated, cut at a line end."""
    base = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt")))
    text = (base + "\n\n") * (n // len(base) + 1)
    cut = text.rfind("\n", 0, n)
    return text[: cut if cut > n // 2 else n]


def measure(sizes: list[int]) -> dict[str, float]:
    """In this process: extracts one document of each size in `sizes` (consecutive parts of one text)."""
    from factiongraph.document import Document
    from factiongraph.parallel import warm_up
    from factiongraph.pipeline import Pipeline

    pipe = Pipeline.load()
    warm_up(pipe)
    text = corpus(sum(sizes))
    docs, pos = [], 0
    for k, n in enumerate(sizes):
        docs.append(Document(id=f"d{k}", text=text[pos:pos + n]))
        pos += n
    t0, c0 = time.perf_counter(), time.process_time()
    out = list(pipe.run(docs))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "chars": sum(len(d.text) for d in docs),
        "events": sum(len(d.events) for d in out),
        "errors": sum(d.error is not None for d in out),
    }


def run(sizes: list[int]) -> dict[str, float]:
    """`measure` in a fresh process."""
    res = subprocess.run([sys.executable, __file__, "--measure", ",".join(map(str, sizes))],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=400_000, help="the long document's length (characters)")
    ap.add_argument("--parts", type=int, default=4, help="compared with this many documents of size/parts")
    ap.add_argument("--big", type=int, default=0, help="also one document of this many characters")
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure([int(x) for x in args.measure.split(",")])))
        return
    part = args.size // args.parts
    small = run([part] * args.parts)
    long = run([part * args.parts])
    report: dict[str, object] = {
        f"{args.parts}x{part}": small,
        f"1x{part * args.parts}": long,
        "time_ratio": round(long["seconds"] / small["seconds"], 3),
        # CPU time: the fairer ratio on a machine other processes share
        "cpu_ratio": round(long["cpu_seconds"] / small["cpu_seconds"], 3),
    }
    if args.big:
        report[f"1x{args.big}"] = run([args.big])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
