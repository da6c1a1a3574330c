"""Tests for the ``case2021`` suite: the sub-type mapping on sentences of our own, bad input, and the figure on
the shared CASE 2021 task 2 test set."""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor.eval import EvalArgs, run_suite
from corridor.eval.base import EvalDataError, corpora_dir
from corridor.eval.case2021 import DATA_PATH, load_type_map
from corridor.model import Article
from corridor.pipeline import Pipeline

# Snippets of our own, one per line: the sub-type the mapping must give.
OWN = [
    ("Government warplanes bombed rebel positions near Idlib on Monday.", "AIR_STRIKE"),
    ("Police arrested twelve opposition activists in Minsk on Sunday.", "ARREST"),
    ("A suicide bomber blew himself up at a checkpoint in Kabul, killing four soldiers.", "SUIC_BOMB"),
    ("Thousands of students demonstrated in Dhaka to demand lower fees.", "PEACE_PROTEST"),
    ("Heavy floods swept away hundreds of homes in Assam.", "NATURAL_DISASTER"),
    ("Al-Shabaab claimed responsibility for the attack on a hotel in Mogadishu.", "ATTRIB"),
    ("Russia expelled two American diplomats on Friday.", "DIPLO"),
    ("The Taliban claimed responsibility for a suicide bombing in Kabul that killed nine.", "ATTRIB"),
    ("Gunmen opened fire on a bus in Peshawar.", "ATTACK"),
    ("Protests erupted in Minsk after the election.", "PEACE_PROTEST"),
    ("Dozens of shops were looted in Pretoria.", "PROPERTY_DISTRUCT"),
]


def test_the_mapping_on_own_sentences(pipeline: Pipeline) -> None:
    tmap = load_type_map()
    for text, label in OWN:
        coded = pipeline(Article(text=text, doc_id="t", date=None))
        assert tmap.subtype(coded) == tmap.gold(label), text


def test_out_of_scope_types_expect_no_event() -> None:
    tmap = load_type_map()
    assert tmap.gold("NATURAL_DISASTER") == "NONE" and tmap.gold("AIR_STRIKE") == "AIR_STRIKE"
    # every sub-type the rules give has an ACLED event type
    assert all(rule.type in tmap.coarse for rule in tmap.rules)


def test_run_on_own_file_and_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "own.tsv"
    rows = ["id\tEventSnippet\tSubType", *(f"{i}\t{t}\t{lab}" for i, (t, lab) in enumerate(OWN, start=1))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = run_suite("case2021", EvalArgs(data=path))
    assert report.n == len(OWN) and report.overall["accuracy"] == 1.0
    assert report.extra["out_of_scope_snippets"] == 1 and report.overall["false_alarm"] == 0.0
    path.write_text("id\tEventSnippet\tSubType\n1\tTroops clashed with rebels.\t\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="line 2: field 'SubType'"):
        run_suite("case2021", EvalArgs(data=path))


CASE = corpora_dir() / DATA_PATH


def test_case2021_test_set() -> None:
    if not CASE.exists():
        pytest.skip(f"CASE 2021 task 2 data not found at {CASE}")
    report = run_suite("case2021", EvalArgs())
    assert report.n == 1019
    overall = report.overall
    # measured 2026-11-29 (docs/evaluation.md); a floor a little under the figures, so a real regression fails
    assert overall["coarse_accuracy"] >= COARSE_FLOOR and overall["accuracy"] >= ACCURACY_FLOOR
    assert overall["false_alarm"] <= FALSE_ALARM_CEILING


COARSE_FLOOR = 0.62  # measured 0.656
ACCURACY_FLOOR = 0.58  # measured 0.608
FALSE_ALARM_CEILING = 0.10  # measured 0.076
