"""Shared fixtures: one spaCy pipeline per test session, and the paths of the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor.api import get_pipeline
from corridor.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "xi-khan-call-2021-10-28.txt"
CORPORA = SHARED / "corpora"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return get_pipeline()


@pytest.fixture(scope="session")
def example_path() -> Path:
    if not EXAMPLE.exists():
        pytest.skip(f"shared example not found at {EXAMPLE} (a user's clone without ../shared)")
    return EXAMPLE


@pytest.fixture(scope="session")
def corpora() -> Path:
    if not CORPORA.exists():
        pytest.skip(f"shared corpora not found at {CORPORA} (a user's clone without ../shared)")
    return CORPORA
