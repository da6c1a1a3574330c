"""Shared fixtures: one spaCy pipeline per test session, the paths of the shared data, and a stage that
never finishes (for the time-limit tests)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from corridor.api import get_pipeline
from corridor.pipeline import Pipeline, register_stage

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


@register_stage("test_stuck")
class StuckStage:
    """A stage caught in a loop on any article whose text says "stuck", as a bug could make one; the
    pipeline's stage time limit must stop it."""

    name: ClassVar[str] = "test_stuck"

    def __init__(self, config: object) -> None:
        pass

    def __call__(self, analysis: object) -> None:
        if "stuck" in analysis.article.text:  # type: ignore[attr-defined]
            while True:
                pass
