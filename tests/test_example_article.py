"""The bars of common sense on the shared example article (a real news text, skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor.io.readers import Reader
from corridor.model import Article, CodedArticle
from corridor.pipeline import Pipeline


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline, example_path: Path) -> CodedArticle:
    [art] = list(Reader().read([str(example_path)]))
    assert isinstance(art, Article)
    return pipeline(art)


def _by_text(coded: CodedArticle, needle: str) -> list[str]:
    return [a.code for a in coded.actors if needle in a.text]


def test_actors_are_coded(coded: CodedArticle) -> None:
    assert set(_by_text(coded, "Xi Jinping")) == {"CHNGOV"}
    assert set(_by_text(coded, "Imran Khan")) == {"PAKGOV"}
    # the misspelled spokesman, coded through "spokesman for China's foreign ministry"
    zhao = [a for a in coded.actors if "Zhao Lijiang" in a.text]
    assert zhao and all(a.code == "CHNGOV" for a in zhao)
    groups = [a for a in coded.actors if a.text.lower() in {"the two countries", "both countries", "the two sides"}]
    assert groups
    for g in groups:
        assert {m.country for m in g.members} == {"CHN", "PAK"}


def test_phone_call_dated_wednesday(coded: CodedArticle) -> None:
    calls = [e for e in coded.events if e.cameo == "041"]
    assert calls, "the telephone conversation is coded"
    call = calls[0]
    assert call.plover == "CONSULT" and call.plover_mode == "phone"
    assert call.source is not None and call.target is not None
    assert {call.source.code, call.target.code} == {"CHNGOV", "PAKGOV"}
    assert call.date == "2021-10-27" and call.date_precision == "day"


def test_intent_and_endorsement(coded: CodedArticle) -> None:
    def dyad(e: object) -> tuple[str, str]:
        return (e.source.country or "", e.target.country or "")  # type: ignore[attr-defined]

    with_target = [e for e in coded.events if e.source and e.target]
    assert any(e.cameo.startswith("03") and dyad(e) == ("CHN", "PAK") for e in with_target)
    assert any(e.cameo.startswith("05") and dyad(e) == ("PAK", "CHN") for e in with_target)
    # "Pakistan staunchly pursues the one-China policy, firmly supports China's stance ...": the endorsement
    endorse = [e for e in with_target if e.trigger.text == "supports" and dyad(e) == ("PAK", "CHN")]
    assert endorse and endorse[0].cameo == "051"
    assert endorse[0].reported_by is not None and endorse[0].reported_by.code == "PAKGOV"


def test_no_disease_corridor_or_initiative_actor(coded: CodedArticle) -> None:
    banned = ("covid", "corridor", "initiative", "cpec", "pandemic")
    for e in coded.events:
        for a in (e.source, e.target):
            if a is not None:
                assert not any(b in a.text.lower() for b in banned), (a.text, e.cameo)


def test_seventy_years_ago(coded: CodedArticle) -> None:
    t = [t for t in coded.times if t.text == "70 years ago"]
    assert t and t[0].value == "1951" and t[0].precision == "year"
