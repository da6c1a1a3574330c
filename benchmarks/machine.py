"""What machine a benchmark ran on: CPU model, cores, memory and load, read once for every script here."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _proc_field(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def cpu_model() -> str:
    return _proc_field("/proc/cpuinfo", "model name") or platform.processor() or platform.machine()


def memory() -> str:
    total = _proc_field("/proc/meminfo", "MemTotal")  # "24596824 kB"
    return f"{int(total.split()[0]) / 1024 / 1024:.1f} GiB" if total else "unknown"


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"


def describe() -> str:
    """One line: CPU, cores, memory, Python."""
    return f"{cpu_model()}, {cores()} cores, {memory()} RAM, Python {platform.python_version()}"
