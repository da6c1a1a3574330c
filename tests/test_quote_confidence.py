"""Tests for quote confidence (corridor.quoting.confidence) and the linear model it rests on
(corridor.linear_model), on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from corridor.attribution.model import CueModel
from corridor.model import Article, Quote
from corridor.pipeline import Pipeline, PipelineConfig, load_nlp
from corridor.quoting.confidence import ConfidenceModel, load_confidence_model, packaged_dir, quote_features

CLEAR = "“We will open the border crossing next month,” Prime Minister Imran Khan said on Tuesday."
DOUBTFUL = "They support Smith."


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(PipelineConfig(stages=("actors", "quotes")), nlp=load_nlp())


@pytest.fixture(scope="module")
def rules(pipe: Pipeline) -> Pipeline:
    return Pipeline(PipelineConfig(stages=("actors", "quotes"), options={"quote_confidence": "rules"}), nlp=pipe.nlp)


def one(pipe: Pipeline, text: str) -> Quote:
    quotes = pipe(Article(text=text, doc_id="t")).quotes
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def test_packaged_model_is_small_and_beat_the_fixed_confidences() -> None:
    folder = packaged_dir()
    assert sum(p.stat().st_size for p in folder.iterdir()) < 500 * 1024
    assert (folder / "MODEL_CARD.md").is_file()
    model = load_confidence_model()
    assert len(model.vocab) > 100
    dev = json.loads((folder / "meta.json").read_text())["dev"]
    assert dev["auc"] > dev["rules_confidence"]["auc"] and dev["brier"] < dev["rules_confidence"]["brier"]


def test_features_read_kind_cue_content_and_speaker(pipe: Pipeline) -> None:
    art = pipe.analyse(Article(text=CLEAR, doc_id="t"))
    feats = quote_features(art.doc, art.quotes[0])
    for f in ("kind=direct", "cue=say", "cue_first=False", "marks=True", "verb=True", "speaker=coded"):
        assert f in feats, feats
    assert "speaker_ent=PERSON" in feats


def test_a_clear_quote_scores_above_a_doubtful_one(pipe: Pipeline) -> None:
    clear, doubtful = one(pipe, CLEAR), one(pipe, DOUBTFUL)
    assert doubtful.text == "Smith"  # a one-word object after "support", a pronoun speaker
    # on PolNeAR train about six in ten of the one- or two-word objects of "support" are right (34 of 57 with
    # the rules of 2026-12-01's seventh session, 37 of 59 with those of the second 2026-12-02 session)
    assert clear.confidence > 0.85 > 0.8 > doubtful.confidence
    assert clear.confidence - doubtful.confidence > 0.1


def test_rules_option_keeps_the_fixed_confidences(pipe: Pipeline, rules: Pipeline) -> None:
    fixed, learned = one(rules, DOUBTFUL), one(pipe, DOUBTFUL)
    assert fixed.text == learned.text and fixed.confidence == pytest.approx(0.8)
    assert learned.confidence != pytest.approx(fixed.confidence)


def test_model_roundtrip_and_feature_version_check(tmp_path: Path) -> None:
    model = ConfidenceModel(
        vocab={"bias": 0, "kind=direct": 1}, coef=np.array([0.5, 2.0], dtype=np.float32), intercept=-1.0
    )
    model.meta = {"note": "written by a test"}
    model.save(tmp_path)
    back = ConfidenceModel.load(tmp_path)
    assert back.meta == {"note": "written by a test"}
    assert back.score(["bias", "kind=direct", "unseen"]) == pytest.approx(model.score(["bias", "kind=direct"]))
    assert back.score(["kind=direct"]) > back.score(["kind=indirect"])
    with pytest.raises(ValueError, match="features of a quote"):
        CueModel.load(tmp_path)  # weights for other features are refused


def test_scores_repeat_bit_for_bit_across_processes() -> None:
    # Python hashes strings with a per-process seed; the sum over a set of features must not follow it
    import os
    import subprocess
    import sys

    code = (
        "from corridor.quoting.confidence import load_confidence_model\n"
        "m = load_confidence_model()\n"
        "print(repr(m.score(sorted(m.vocab)[:200])))\n"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in (1, 2, 3, 5)
    }  # fmt: skip
    assert len(outs) == 1, outs


def test_quotations_below_the_packaged_threshold_are_dropped_unless_asked_for(pipe: Pipeline) -> None:
    threshold = load_confidence_model().meta["min_confidence"]
    assert 0.0 < threshold < 0.6  # chosen by cross-validation on PolNeAR train (the model card's table)
    text = "They may vote for them."
    keep_all = Pipeline(PipelineConfig(stages=("actors", "quotes"), options={"quote_min_confidence": 0}), nlp=pipe.nlp)
    low = one(keep_all, text)
    assert low.cue is not None and low.cue.text == "vote for" and low.confidence < threshold
    assert pipe(Article(text=text, doc_id="t")).quotes == []
    assert one(pipe, CLEAR).confidence >= threshold


@pytest.mark.parametrize(
    ("text", "index", "wanted"),
    [
        # a quotation alone in its sentence, reported by a plain "said"
        (
            "Officials said that the talks had failed.\n\nWould the minister say that prices will fall?",
            0,
            ("in_sent=1", "cue_modal=False", "cue_question=False", "holds=False", "cue_gap=1"),
        ),
        # a hedged cue in a question
        (
            "Officials said that the talks had failed.\n\nWould the minister say that prices will fall?",
            1,
            ("cue_modal=True", "cue_question=True", "ends_sent=True", "cue_head_dep=ROOT"),
        ),
        # two reported clauses in one sentence
        ("The mayor said the plan was fair, and the governor said it was not.", 1, ("in_sent=2", "inside=False")),
    ],
)
def test_features_read_the_sentence_the_cue_clause_and_the_neighbours(
    pipe: Pipeline, text: str, index: int, wanted: tuple[str, ...]
) -> None:
    keep_all = Pipeline(PipelineConfig(stages=("actors", "quotes"), options={"quote_min_confidence": 0}), nlp=pipe.nlp)
    art = keep_all.analyse(Article(text=text, doc_id="t"))
    feats = quote_features(art.doc, art.quotes[index], art.quotes)
    for f in wanted:
        assert f in feats, feats
