"""Schema round trip: JSONL -> records -> JSONL is unchanged, on real coded output."""

from __future__ import annotations

import json

from corridor.model import SCHEMA, CodedArticle
from corridor.pipeline import Pipeline

TEXT = (
    "Chinese President Xi Jinping held a telephone conversation with Pakistani Prime Minister Imran Khan on "
    "Wednesday. \u201cWe will always stand together,\u201d Khan said. Rebels fired rockets at the army in Kabul."
)


def test_round_trip_is_lossless(pipeline: Pipeline) -> None:
    from corridor.model import Article

    coded = pipeline(Article(text=TEXT, doc_id="rt", date="2021-10-28"))
    assert coded.events, "the text codes at least one event"
    line = json.dumps(coded.to_dict(include_text=True), ensure_ascii=False, sort_keys=True)
    again = CodedArticle.from_dict(json.loads(line))
    assert json.dumps(again.to_dict(include_text=True), ensure_ascii=False, sort_keys=True) == line


def test_required_fields_present(pipeline: Pipeline) -> None:
    from corridor.model import Article

    d = pipeline(Article(text=TEXT, doc_id="rt", date="2021-10-28")).to_dict()
    assert d["schema"] == SCHEMA
    for key in ("doc_id", "date", "title", "actors", "events", "quotes", "places", "times"):
        assert key in d
    actor_keys = {"text", "start", "end", "code", "country", "agent", "name", "resolved_by"}
    assert actor_keys <= set(d["actors"][0])
    ev = d["events"][0]
    for key in ("event_id", "trigger", "source", "target", "cameo", "cameo_root", "plover", "plover_mode",
                "goldstein", "quad_class", "modality", "reported_by", "date", "date_precision", "location",
                "confidence", "evidence"):  # fmt: skip
        assert key in ev, key
    assert {"text", "start", "end"} <= set(ev["trigger"])
