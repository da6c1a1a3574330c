"""Benchmark of the PLOVER relation classifier: classifications per second and peak memory.

Reads the packaged model (or ``--model-dir``) and either sentences we generate from our own templates
or, with ``--plv FILE``, the marked sentences of a PLV-format TSV; writes a Markdown table (command,
machine, items, batch size, rate, peak RSS) to stdout and, with ``--json``, the figures as JSON.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/bench_classify.py --cores 2``
"""

from __future__ import annotations

import argparse
import os
import sys

_ap = argparse.ArgumentParser(description="Benchmark the relation classifier.")
_ap.add_argument("--cores", type=int, default=2, help="pin the process to this many cores (default 2)")
_ap.add_argument("-n", type=int, default=2000, help="number of classifications (default 2000)")
_ap.add_argument("--batch-size", type=int, default=256)
_ap.add_argument("--plv", default=None, help="a PLV-format TSV with a marked_sentence column to use as input")
_ap.add_argument("--model-dir", default=None)
_ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
ARGS = _ap.parse_args()

# Thread pools must be sized before numpy / spaCy load.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, str(ARGS.cores))
if hasattr(os, "sched_setaffinity"):
    _avail = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, set(_avail[: ARGS.cores]))

import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from itertools import cycle, islice  # noqa: E402
from pathlib import Path  # noqa: E402

from machine import cpu_model  # noqa: E402

from corridor.classify import Item, load_classifier, make_item, parse_marked  # noqa: E402

_ACTORS = [
    "The government",
    "Rebel fighters",
    "The foreign minister",
    "Police",
    "The opposition party",
    "The United Nations",
    "Army units",
    "The trade union",
    "The president of the republic",
    "Local officials",
]
_FRAMES = [
    "{s} launched a mortar attack on {t} near the border on Monday, killing four people.",
    "{s} held talks with {t} in the capital about the disputed water rights.",
    "{s} sent tents, food and medicine to {t} after the floods destroyed hundreds of homes.",
    "{s} accused {t} of rigging the local elections and demanded a recount.",
    "{s} rejected a proposal from {t} to extend the ceasefire by another month.",
    "{s} signed an agreement with {t} to build a new railway line between the two regions.",
    "{s} warned {t} that it would cut off fuel supplies if the blockade continued.",
    "{s} arrested dozens of supporters of {t} during a night raid on their offices.",
    "{s} praised {t} for its swift response to the outbreak.",
    "Hundreds of supporters of {s} marched through the city to protest against {t} and its new tax law.",
]


def _own_items(n: int) -> list[Item]:
    items: list[Item] = []
    k = 0
    while len(items) < n:
        frame = _FRAMES[k % len(_FRAMES)]
        s = _ACTORS[k % len(_ACTORS)]
        t = _ACTORS[(k * 7 + 3) % len(_ACTORS)]
        if s == t:
            t = _ACTORS[(k * 7 + 4) % len(_ACTORS)]
        t_text = t[0].lower() + t[1:] if frame.startswith("{s}") else t
        items.append(make_item(frame.format(s=s, t=t_text), s, t_text))
        k += 1
    return items


def _plv_items(path: Path, n: int) -> list[Item]:
    import csv

    out: list[Item] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            try:
                out.append(parse_marked(row["marked_sentence"]))
            except ValueError:
                continue
    return list(islice(cycle(out), n))


def main() -> None:
    t0 = time.perf_counter()
    clf = load_classifier(ARGS.model_dir)
    items = _plv_items(Path(ARGS.plv), ARGS.n) if ARGS.plv else _own_items(ARGS.n)
    clf.predict_items(items[:32])  # warm-up: first parse, caches
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    c1 = time.process_time()
    for i in range(0, len(items), ARGS.batch_size):
        clf.predict_items(items[i : i + ARGS.batch_size])
    elapsed = time.perf_counter() - t1
    cpu = time.process_time() - c1
    rate = len(items) / elapsed
    cpu_rate = len(items) / cpu if cpu > 0 else float("nan")
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_mb = rss_kb / 1024 if sys.platform != "darwin" else rss_kb / 1024 / 1024
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    machine = f"{cpu_model()}, {cores} cores used of {os.cpu_count()}, Python {platform.python_version()}"
    load1 = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    shown: list[str] = []
    skip = False
    for arg in sys.argv[1:]:  # the command as run, less where the JSON copy went
        if skip:
            skip = False
        elif arg == "--json":
            skip = True
        elif not arg.startswith("--json="):
            shown.append(arg)
    command = "PYTHONPATH=src python " + " ".join(["benchmarks/bench_classify.py", *shown])
    header = [
        "command",
        "machine",
        "input",
        "items",
        "batch",
        "load + warm-up s",
        "classifications/s (wall)",
        "classifications per CPU-second",
        "peak RSS MB",
        "load avg (1 min)",
    ]
    row = [
        f"`{command}`",
        machine,
        "PLV file" if ARGS.plv else "own templates",
        str(len(items)),
        str(ARGS.batch_size),
        f"{load_s:.1f}",
        f"{rate:.0f}",
        f"{cpu_rate:.0f}",
        f"{rss_mb:.0f}",
        f"{load1:.1f}",
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    print("| " + " | ".join(row) + " |")
    if ARGS.json:
        Path(ARGS.json).write_text(
            json.dumps(
                {
                    "command": command,
                    "machine": machine,
                    "cores": cores,
                    "items": len(items),
                    "batch_size": ARGS.batch_size,
                    "rate": round(rate, 1),
                    "cpu_rate": round(cpu_rate, 1),
                    "rss_mb": round(rss_mb, 1),
                    "load_s": round(load_s, 2),
                    "load_avg": round(load1, 2),
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
