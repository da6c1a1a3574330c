"""How long corridor takes to start: what a CLI call or a new batch worker pays before its first article.

Usage: ``.venv/bin/python benchmarks/bench_startup.py [--runs 5] [--model NAME]``. Each run is a fresh Python
process that times, in order: importing corridor, loading the spaCy pipeline, building each stage (its
``initialize``: lexicons compiled against the vocabulary, tables and models read), and coding one short
article. Bare spaCy's start (import and load alone, in its own process) is timed beside it. Prints a markdown
table of the median and the fastest run of each step, in seconds of wall clock.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys

from machine import describe, load_average

from corridor.pipeline import MODEL_CANDIDATES

CORRIDOR = r"""
import json, time
t = time.perf_counter()
out = {}
from corridor.model import Article
from corridor.pipeline import DEFAULT_STAGES, Analysis, PipelineConfig, load_nlp, registered_stages
out["import corridor"] = time.perf_counter() - t; t = time.perf_counter()
nlp = load_nlp(MODEL)
out["load spaCy pipeline"] = time.perf_counter() - t
factories, config, stages = registered_stages(), PipelineConfig(model=MODEL), []
for name in DEFAULT_STAGES:  # what Pipeline() does, one stage at a time
    t = time.perf_counter()
    stage = factories[name](config)
    if (init := getattr(stage, "initialize", None)) is not None:
        init(nlp)
    stages.append(stage)
    out[f"stage {name}"] = time.perf_counter() - t
t = time.perf_counter()
text = "China said on Wednesday it would support Pakistan."
analysis = Analysis(article=Article(text=text, doc_id="x", date="2021-10-28"), doc=nlp(text))
for stage in stages:
    stage(analysis)
out["first article"] = time.perf_counter() - t
print(json.dumps(out))
"""

BARE = r"""
import json, time
t = time.perf_counter()
import spacy
nlp = spacy.load(MODEL)
print(json.dumps({"bare spaCy: import and load": time.perf_counter() - t}))
"""


def run(script: str, model: str | None) -> dict[str, float]:
    code = f"MODEL = {model!r}\n" + script
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--model", default=None, help="spaCy pipeline name (default: corridor's choice)")
    args = ap.parse_args()
    # the pipeline corridor would load, named, so that bare spaCy loads the same one
    model = args.model or os.environ.get("CORRIDOR_MODEL")
    model = model or next(c for c in MODEL_CANDIDATES if importlib.util.find_spec(c) is not None)
    load = load_average()
    rows: dict[str, list[float]] = {}
    for _ in range(args.runs):  # alternate, so that a busy moment of the machine touches both
        for script in (CORRIDOR, BARE):
            for step, secs in run(script, model).items():
                rows.setdefault(step, []).append(secs)
    total = [sum(r) for r in zip(*(v for k, v in rows.items() if not k.startswith("bare")), strict=True)]
    rows["corridor total"] = total
    print(f"{describe()}; spaCy pipeline {model}; {args.runs} runs;", end=" ")
    print(f"load average {load} at the start, {load_average()} at the end\n")
    print("| step | median s | fastest s |\n|---|---:|---:|")
    for step, secs in rows.items():
        print(f"| {step} | {statistics.median(secs):.2f} | {min(secs):.2f} |")


if __name__ == "__main__":
    main()
