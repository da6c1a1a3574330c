"""The one loader for corridor's data files (TSV and YAML under ``corridor/data``).

TSV files have a header row; lines starting with ``#`` and blank lines are skipped; missing trailing
columns read as empty strings. Users can pass their own file in the same format wherever a stage takes a
path, and it is read by the same functions.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def data_path(relative: str) -> Path:
    """Filesystem path of a packaged data file, e.g. ``data_path("actors/countries.tsv")``."""
    return Path(str(resources.files("corridor") / "data" / relative))


def _read_text(source: str | Path) -> str:
    """A ``Path`` is a user's file; a string is a path relative to the packaged data folder."""
    path = source if isinstance(source, Path) else data_path(source)
    return path.read_text(encoding="utf-8")


def read_tsv(source: str | Path) -> list[dict[str, str]]:
    """Rows of a TSV file as dicts (a packaged relative path as a string, or a user's file as a Path)."""
    text = _read_text(source)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return []
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [h.strip() for h in next(reader)]
    rows = []
    for rec in reader:
        rec = [c.strip() for c in rec] + [""] * (len(header) - len(rec))
        rows.append(dict(zip(header, rec, strict=False)))
    return rows


@lru_cache(maxsize=64)
def packaged_tsv(relative: str) -> tuple[dict[str, str], ...]:
    """Cached rows of a packaged TSV file."""
    return tuple(read_tsv(relative))


# libyaml's loader where PyYAML was built with it (the wheels are): the same documents, several times faster
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_text(text: str) -> Any:
    """Parse YAML text with the safe loader (libyaml's when available)."""
    return yaml.load(text, Loader=_SAFE_LOADER)


def read_yaml(source: str | Path) -> Any:
    return load_yaml_text(_read_text(source))


@lru_cache(maxsize=64)
def packaged_yaml(relative: str) -> Any:
    """Cached content of a packaged YAML file."""
    return read_yaml(relative)
