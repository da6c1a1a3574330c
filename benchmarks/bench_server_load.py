"""Load test of the HTTP API: concurrent clients posting articles to ``POST /v1/code``.

Reads the bundled example article and two short articles written here; starts ``corridor serve`` (uvicorn)
on a free port of 127.0.0.1 in a subprocess, runs ``--clients`` async clients (httpx.AsyncClient) for
``--duration`` seconds, stops the server, and prints a markdown table with the command, the machine
(nproc, RAM, CPU), the number of requests and errors, the throughput and the latency percentiles. Every
request goes to the loopback address; the run stops by itself after the duration (plus the requests still
in flight, each bounded by the client's timeout).

    python benchmarks/bench_server_load.py --clients 50 --duration 30
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from machine import cores, cpu_model, load_average, memory

from corridor.resources import data_path

SHORT = [
    "The foreign minister of Norway met his Swedish counterpart in Oslo on Monday to discuss fishing rights.",
    "Kenyan President William Ruto accused rebels of attacking a police post near the border on Sunday.",
]


def machine() -> dict[str, str]:
    return {"nproc": str(cores()), "ram": memory(), "cpu": cpu_model(), "python": platform.python_version(),
            "load": load_average()}  # fmt: skip


def articles() -> list[dict[str, str]]:
    demo = data_path("examples/demo-article.txt").read_text(encoding="utf-8")
    first, _, body = demo.partition("\n")
    date = first.split()[-1] if first.lower().startswith("date") else "2024-03-14"
    out = [{"text": body.strip(), "date": date}]
    out += [{"text": t, "date": "2024-05-06"} for t in SHORT]
    return out


def posted(kind: str) -> list[dict[str, str]]:
    """The articles the clients post in turn: all three, the example only, or the short ones."""
    every = articles()
    return {"mixed": every, "example": every[:1], "short": every[1:]}[kind]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(port: int, args: argparse.Namespace, log: Any) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "from corridor.cli import main; main()", "serve", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--threads", str(args.threads), "--timeout", str(args.timeout)]
    cmd += ["--max-batch", "64", "--log-level", "warning"]
    if args.store:
        cmd += ["--db", str(Path(tempfile.mkdtemp(prefix="corridor-bench-")) / "store.duckdb")]
    env = {k: v for k, v in os.environ.items() if k != "CORRIDOR_API_KEY"}
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)


def wait_ready(base: str, proc: subprocess.Popen[bytes], limit: float = 180.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"server not ready after {limit:.0f} s")


async def client(
    n: int, http: httpx.AsyncClient, url: str, bodies: list[dict[str, str]], end: float, out: dict[str, Any]
) -> None:
    i = n
    while time.monotonic() < end:
        body = bodies[i % len(bodies)]
        i += 1
        t0 = time.perf_counter()
        try:
            r = await http.post(url, json=body)
            status = str(r.status_code)
            if r.status_code == 200:
                out["events"] += len(r.json()["events"])
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        out["latency"].append(time.perf_counter() - t0)
        out["status"][status] += 1
        out["chars"] += len(body["text"])


async def run_load(base: str, args: argparse.Namespace) -> dict[str, Any]:
    url = base + "/v1/code" + ("?store=true" if args.store else "")
    bodies = posted(args.article)
    out: dict[str, Any] = {"latency": [], "status": Counter(), "chars": 0, "events": 0}
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    async with httpx.AsyncClient(limits=limits, timeout=args.timeout + 30) as http:
        t0 = time.monotonic()
        end = t0 + args.duration
        await asyncio.gather(*(client(n, http, url, bodies, end, out) for n in range(args.clients)))
        out["wall"] = time.monotonic() - t0
    return out


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of load")
    ap.add_argument("--threads", type=int, default=2, help="server coding threads (--threads of corridor serve)")
    ap.add_argument("--timeout", type=float, default=30.0, help="server request time limit (s)")
    ap.add_argument("--article", choices=("mixed", "example", "short"), default="mixed", help="what to post")
    ap.add_argument("--store", action="store_true", help="post with store=true into a temporary store")
    args = ap.parse_args()
    if not (1 <= args.clients <= 500 and 0 < args.duration <= 600):
        raise SystemExit("--clients must be 1-500 and --duration at most 600 s")

    info = machine()  # load average before the server starts
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        proc = start_server(port, args, log)
        try:
            t_ready = time.monotonic()
            wait_ready(base, proc)
            startup = time.monotonic() - t_ready
            result = asyncio.run(run_load(base, args))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    lat = result["latency"]
    total = sum(result["status"].values())
    ok = result["status"].get("200", 0)
    errors = total - ok
    command = "python " + " ".join(shlex.quote(a) for a in [os.path.relpath(__file__), *sys.argv[1:]])
    sizes = [len(a["text"]) for a in posted(args.article)]
    print(f"Command: `{command}`  ")
    print(
        f"Machine: {info['nproc']} CPUs ({info['cpu']}), {info['ram']} RAM, Python {info['python']}, "
        f"load average {info['load']} (1/5/15 min, at start)  "
    )
    print(
        f"Server: `corridor serve --threads {args.threads} --timeout {args.timeout:g}` on 127.0.0.1, "
        f"ready in {startup:.1f} s (model loaded); articles posted: {args.article} "
        f"({', '.join(str(s) for s in sizes)} characters){'; store=true' if args.store else ''}\n"
    )
    print(
        "| clients | duration (s) | requests | errors | requests/s | characters/s | events "
        "| p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {args.clients} | {result['wall']:.1f} | {total} | {errors} | {total / result['wall']:.2f} | "
        f"{result['chars'] / result['wall']:.0f} | {result['events']} | {pct(lat, 0.5) * 1000:.0f} | "
        f"{pct(lat, 0.95) * 1000:.0f} | {pct(lat, 0.99) * 1000:.0f} | {max(lat) * 1000 if lat else float('nan'):.0f} |"
    )
    if errors:
        detail = ", ".join(f"{k}: {v}" for k, v in sorted(result["status"].items()) if k != "200")
        print(f"\nErrors by status: {detail}")
    if lat:
        print(f"\nMean latency {statistics.fmean(lat) * 1000:.0f} ms over {len(lat)} requests.")


if __name__ == "__main__":
    main()
