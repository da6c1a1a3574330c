"""Tests for the PolNeAR scorer (corridor.eval.polnear): the reader, the matching, and a run on data."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from corridor.eval import EvalArgs, run_suite
from corridor.eval.base import EvalDataError, corpora_dir
from corridor.eval.polnear import (
    bootstrap_f1,
    bootstrap_f1_change,
    calibration,
    gold_kind,
    load_docs,
    match,
    overlap,
    ranking_auc,
    read_ann,
    significant,
)

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "“The bridge will open in May,” the mayor said.\n\n"
    "The council said that the budget was balanced.\n\n"
    "The storm lasted three days and closed the harbor.\n"
)


def _span(text: str, piece: str) -> tuple[int, int]:
    s = text.index(piece)
    return s, s + len(piece)


def _write_corpus(root: Path) -> Path:
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "pub_2020-01-01_bridge.txt").write_text(TEXT, encoding="utf-8")
    q1 = _span(TEXT, "“The bridge will open in May,”")
    src1 = _span(TEXT, "the mayor")
    cue1 = _span(TEXT, "said")
    q2 = _span(TEXT, "that the budget was balanced")
    src2 = _span(TEXT, "The council")
    cue2 = _span(TEXT, "said that")
    cue2 = (cue2[0], cue2[0] + 4)
    lines = [
        f"T1\tContent {q1[0]} {q1[1]}\t{TEXT[q1[0] : q1[1]]}",
        f"T2\tSource {src1[0]} {src1[1]}\tthe mayor",
        f"T3\tCue {cue1[0]} {cue1[1]}\tsaid",
        f"T4\tAttribution {cue1[0]} {cue1[1]}\tsaid",
        "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3",
        # a discontinuous content: the two halves of the second statement
        f"T5\tContent {q2[0]} {q2[0] + 15};{q2[0] + 16} {q2[1]}\tthat the budget\nwas balanced",
        f"T6\tSource {src2[0]} {src2[1]}\tThe council",
        f"T7\tCue {cue2[0]} {cue2[1]}\tsaid",
        "E2\tAttribution:T7 Source:T6 Cue:T7 Content:T5",
    ]
    # the span text of T5 holds a newline, as in real files: the reader must not trust span texts
    (split / "attributions" / "pub_2020-01-01_bridge_a1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (split / "attributions" / "pub_2020-01-01_bridge_b2.ann").write_text("", encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ndev\tpub_2020-01-01_bridge\t2020-01-01\n", encoding="utf-8"
    )
    return split


def test_read_ann_discontinuous_and_multiline(tmp_path: Path) -> None:
    split = _write_corpus(tmp_path)
    attrs = read_ann(split / "attributions" / "pub_2020-01-01_bridge_a1.ann")
    assert len(attrs) == 2
    q2 = _span(TEXT, "that the budget was balanced")
    assert attrs[1].content == [(q2[0], q2[0] + 15), (q2[0] + 16, q2[1])]
    assert [TEXT[s:e] for s, e in attrs[0].source] == ["the mayor"]


def test_load_docs_picks_one_annotation_and_the_date(tmp_path: Path) -> None:
    split = _write_corpus(tmp_path)
    docs = load_docs(split)
    assert len(docs) == 1
    assert docs[0].date == "2020-01-01"
    assert [a.kind for a in docs[0].attributions] == ["direct", "indirect"]


def test_gold_kind() -> None:
    text = "“All of it,” he said; she called it “a start” today; they said it was fine."
    assert gold_kind(text, [_span(text, "“All of it,”")]) == "direct"
    assert gold_kind(text, [_span(text, "it “a start” today")]) == "mixed"
    assert gold_kind(text, [_span(text, "it was fine")]) == "indirect"


def test_overlap_and_one_to_one_matching() -> None:
    text = "abcdefghij klmnopqrst"
    a = significant(text, [(0, 10)])
    b = significant(text, [(0, 5)])
    c = significant(text, [(0, 4)])
    assert overlap(a, b) == pytest.approx(0.5)
    assert overlap(a, c) == pytest.approx(0.4)
    assert significant(text, [(8, 13)]) == frozenset({8, 9, 11, 12})  # the space does not count
    # one gold, two candidates: only the better one matches
    assert match([b, a], [a], 0.5) == [(1, 0)]
    assert match([c], [a], 0.5) == []


def test_suite_on_written_corpus(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    report = run_suite("polnear", EvalArgs(data=tmp_path))  # PolNeAR's root: the dev split is picked
    assert report.suite == "polnear" and report.n == 1
    assert report.extra["gold"] == 2
    assert report.overall["content_f1"] == pytest.approx(1.0)
    assert report.extra["content_f1_ci95"] == [1.0, 1.0]  # one article: nothing to resample
    assert report.overall["content_f1_exact"] == pytest.approx(1.0)
    assert report.overall["speaker_accuracy"] == pytest.approx(1.0)
    assert report.per_label["direct"]["tp"] == 1 and report.per_label["indirect"]["tp"] == 1


def test_stage_options_pass_through_to_the_scored_pipeline(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    keep_all = run_suite("polnear", EvalArgs(data=tmp_path, options={"quote_min_confidence": "0"}))
    drop_all = run_suite("polnear", EvalArgs(data=tmp_path, options={"quote_min_confidence": "1.01"}))
    assert keep_all.extra["predicted"] >= 2 and drop_all.extra["predicted"] == 0
    with pytest.raises(EvalDataError, match="quote_min_confidence must be a number"):
        run_suite("polnear", EvalArgs(data=tmp_path, options={"quote_min_confidence": "high"}))


def test_suite_on_shared_dev() -> None:
    root = corpora_dir() / "polnear" / "dev"
    if not root.is_dir():
        pytest.skip(f"PolNeAR not found at {root}")
    report = run_suite("polnear", EvalArgs(limit=12))
    d = report.to_dict()
    assert d["suite"] == "polnear" and d["n"] == 12
    assert set(d["overall"]) == {
        "content_p_exact",
        "content_r_exact",
        "content_f1_exact",
        "content_p",
        "content_r",
        "content_f1",
        "speaker_accuracy",
        "confidence_auc",
    }
    assert set(d["per_label"]) == {
        "direct",
        "indirect",
        "mixed",
        "confidence >=0.5",
        "confidence >=0.7",
        "confidence >=0.85",
    }
    # the confidence model ranks: fewer quotes are kept at a higher confidence, and more of them are right
    kept = [d["per_label"][f"confidence >={t}"] for t in ("0.5", "0.7", "0.85")]
    assert kept[0]["tp"] + kept[0]["fp"] >= kept[1]["tp"] + kept[1]["fp"] >= kept[2]["tp"] + kept[2]["fp"] > 0
    assert kept[2]["precision"] > d["overall"]["content_p"]
    assert 0.5 < d["overall"]["confidence_auc"] <= 1.0
    assert d["extra"]["gold"] > 20
    ov = d["overall"]
    assert ov["content_f1_exact"] <= ov["content_f1"]
    assert 0.4 < ov["content_f1"] <= 1.0
    lo, hi = d["extra"]["content_f1_ci95"]
    assert lo < ov["content_f1"] < hi and hi - lo < 0.3  # twelve articles: a wide interval around the figure
    assert 0.6 < ov["speaker_accuracy"] <= 1.0
    assert d["per_label"]["direct"]["f1"] > 0.6


def test_agreement_between_annotators_and_with_corridor(tmp_path: Path) -> None:
    split = _write_corpus(tmp_path)
    # a third annotator who marked only the first attribution (a1 has both, b2 none)
    lines = (split / "attributions" / "pub_2020-01-01_bridge_a1.ann").read_text(encoding="utf-8").splitlines()
    (split / "attributions" / "pub_2020-01-01_bridge_c3.ann").write_text("\n".join(lines[:5]) + "\n", "utf-8")
    report = run_suite("polnear-agreement", EvalArgs(data=split))
    assert report.n == 1 and report.extra["annotations"] == 3
    # ordered annotator pairs: a1/c3 1 match, 1 extra; a1/b2 2 extra; c3/b2 1 extra (and the reverses)
    assert report.overall["annotators_f1"] == pytest.approx(1 / 3, abs=1e-4)
    # corridor finds both: all of a1, one extra against c3, two against b2
    assert report.overall["corridor_r"] == pytest.approx(1.0)
    assert report.overall["corridor_p"] == pytest.approx(0.5)


def test_agreement_needs_several_annotators(tmp_path: Path) -> None:
    split = _write_corpus(tmp_path)
    (split / "attributions" / "pub_2020-01-01_bridge_b2.ann").unlink()
    with pytest.raises(EvalDataError, match="two or more annotation files"):
        run_suite("polnear-agreement", EvalArgs(data=split))


def test_agreement_on_shared_dev() -> None:
    root = corpora_dir() / "polnear" / "dev"
    if not root.is_dir():
        pytest.skip(f"PolNeAR not found at {root}")
    report = run_suite("polnear-agreement", EvalArgs(options={"split": "dev"}))
    assert report.n == 2 and report.extra["annotations"] == 12  # two dev articles, six annotators each
    assert 0.5 < report.overall["annotators_f1"] < 1.0
    assert report.overall["annotators_f1_exact"] < report.overall["annotators_f1"]
    assert 0.4 < report.overall["corridor_f1"] < 1.0


def test_ranking_auc_and_calibration() -> None:
    assert ranking_auc([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0]) == pytest.approx(1.0)
    assert ranking_auc([0.1, 0.3, 0.8, 0.9], [1, 1, 0, 0]) == pytest.approx(0.0)
    assert ranking_auc([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0]) == pytest.approx(0.5)  # ties count half
    assert ranking_auc([0.9, 0.2, 0.6], [1, 0, 0]) == pytest.approx(1.0)
    assert ranking_auc([0.9, 0.7, 0.6], [0, 1, 0]) == pytest.approx(0.5)
    cal = calibration([0.95, 0.9, 0.6, 0.2], [1, 0, 1, 0], n_gold=5)
    assert cal["at"][">=0.85"] == {"tp": 1, "kept": 2, "share": 0.5, "precision": 0.5, "recall": 0.2}
    assert cal["at"][">=0.5"]["tp"] == 2 and cal["at"][">=0.5"]["kept"] == 3
    top = next(b for b in cal["bins"] if b["bin"] == "0.85-1.00")
    assert top["n"] == 2 and top["observed"] == 0.5
    assert cal["brier"] == pytest.approx((0.05**2 + 0.9**2 + 0.4**2 + 0.2**2) / 4, abs=1e-4)


def test_bootstrap_interval_of_content_f1() -> None:
    """Articles that all score alike give an interval of one point; unlike ones give an interval around the
    pooled F1, narrower with more articles."""
    assert bootstrap_f1([]) is None
    assert bootstrap_f1([(3, 1, 1)] * 10) == [0.75, 0.75]
    mixed = [(9, 1, 0), (1, 3, 6), (5, 2, 2), (0, 2, 4), (8, 0, 1)] * 4
    tp, fp, fn = (sum(c[k] for c in mixed) for k in range(3))
    pooled = 2 * tp / (2 * tp + fp + fn)
    lo, hi = bootstrap_f1(mixed) or (0.0, 0.0)
    assert lo < pooled < hi
    lo4, hi4 = bootstrap_f1(mixed * 4) or (0.0, 0.0)
    assert hi4 - lo4 < hi - lo
    assert bootstrap_f1(mixed) == [lo, hi]  # the fixed seed makes it repeat


def test_bootstrap_change_between_two_runs() -> None:
    """A paired comparison: the same run gives no change; a run better on every article gives a change whose
    whole interval is above 0; articles only one run scored are left out."""
    before = {f"a{i}": [5 + i % 3, 2, 3] for i in range(30)}
    same = bootstrap_f1_change(before, before)
    assert same["change"] == 0 and same["change_ci95"] == [0.0, 0.0] and same["articles"] == 30
    after = {slug: [tp + 1, fp, fn - 1] for slug, (tp, fp, fn) in before.items()} | {"extra": [0, 9, 9]}
    better = bootstrap_f1_change(before, after)
    assert better["articles"] == 30 and better["after"] > better["before"]
    lo, hi = better["change_ci95"]
    assert 0 < lo <= better["change"] <= hi
    with pytest.raises(EvalDataError, match="share no article"):
        bootstrap_f1_change(before, {"other": [1, 0, 0]})


def _load_benchmark(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    sys.modules[name] = script  # dataclasses look their module up
    spec.loader.exec_module(script)
    return script


def test_compare_script_reads_two_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script: Any = _load_benchmark("compare_polnear")
    counts = {f"a{i}": [4, 1, 2 + i % 2] for i in range(20)}
    (tmp_path / "a.json").write_text(json.dumps({"extra": {"per_article": counts}}), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"extra": {"per_article": counts}}), encoding="utf-8")
    assert script.main([str(tmp_path / "a.json"), str(tmp_path / "b.json")]) == 0
    assert "20 articles" in capsys.readouterr().out
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    assert script.main([str(tmp_path / "a.json"), str(tmp_path / "c.json")]) == 2
    assert "c.json: not a polnear report" in capsys.readouterr().err


def test_boundary_ranker_candidates_oracle_and_fit(tmp_path: Path) -> None:
    """The end ranker's candidates hold the current end once, the oracle is never below the rules, and the
    conditional logit learns which candidate a feature marks."""
    script: Any = _load_benchmark("boundary_ranker")
    _write_corpus(tmp_path)
    runs = script.collect(tmp_path, "dev", None)
    groups = [g for run in runs for g in run.groups]
    assert len(groups) == 2
    for g in groups:
        assert len(g.sets) == len(g.feats) == len(g.labels) > 1
        assert sum("current" in fs for fs in g.feats) == 1 and "current" in g.feats[g.current]
        assert g.labels[g.current] == 1  # both predicted contents already end where the gold does
    assert script.f1(runs, script.oracle(runs))[0] >= script.f1(runs, {})[0] == pytest.approx(1.0)
    starts = [(run, g) for run in runs for g in run.start_groups]
    assert len(starts) == 2
    assert all(len(g.sets) > 1 and g.sets[g.current] == run.preds[g.quote] for run, g in starts)
    assert script.f1(runs, script.oracle(runs, starts=True), starts=True)[0] == pytest.approx(1.0)
    # a feature that marks the right candidate, in a different place in each group
    made = []
    for k in range(40):
        feats = [["step=x"] for _ in range(4)]
        feats[k % 4].append("right")
        made.append(
            script.Group(
                quote=0,
                sets=[frozenset({i}) for i in range(4)],
                feats=feats,
                labels=[int(i == k % 4) for i in range(4)],
            )
        )
    ranker = script.Ranker.fit(made, min_count=1)
    assert int(ranker.probabilities(made[1]).argmax()) == 1 and ranker.probabilities(made[2])[2] > 0.5
