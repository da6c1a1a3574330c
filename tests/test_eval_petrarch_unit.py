"""The ``petrarch-unit`` scorer: reading validation files, finding dictionaries, and the figures reached.

The small validation file and dictionaries are invented here; the shared PETRARCH data is read at test
time and the tests that need it are skipped when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor.eval import EvalArgs, run_suite
from corridor.eval.base import EvalDataError
from corridor.eval.petrarch_unit import read_records, resolve_dictionaries

VALIDATION = """\
<Validation>
<Environment>
    <Verbfile>Mini.verbs.txt</Verbfile>
    <Actorfile>Mini.actors.txt</Actorfile>
    <Agentfile>Mini.agents.txt</Agentfile>
    <Discardfile>Mini.discards.txt</Discardfile>
    <Include>valid BASIC PAIRS</Include>
</Environment>
<Sentences>
<Sentence date="19330101" id="B-1" category="BASIC" sentence="true">
<EventCoding sourcecode="FRE" targetcode="SYL" eventcode="112"></EventCoding>
<Text>
Freedonia accused
Sylvania on Monday.
</Text>
<Parse>(ROOT (S (NP (NNP Freedonia)) (VP (VBD accused) (NP (NNP Sylvania)))))</Parse>
</Sentence>
<Sentence date="19330101" id="B-2" category="BASIC" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Freedonia accused the weather.</Text>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19330101" id="B-3" category="BASIC" sentence="true">
<EventCoding sourcecode="FREGOV" targetcode="---" eventcode="112"></EventCoding>
<Text>The Freedonian minister accused the weather.</Text>
</Sentence>
<Config option="require_dyad" value="true"></Config>
<Sentence date="19330101" id="P-1" category="PAIRS" sentence="true">
<EventCoding sourcecode="FRE" targetcode="SYL" eventcode="036"></EventCoding>
<EventCoding sourcecode="SYL" targetcode="FRE" eventcode="036"></EventCoding>
<EventCoding sourcecode="FRE" targetcode="SYL" eventcode="999"></EventCoding>
<Text>Freedonia met Sylvania.</Text>
</Sentence>
<Sentence date="19330101" id="X-1" category="OTHER" sentence="true">
<EventCoding sourcecode="FRE" targetcode="SYL" eventcode="112"></EventCoding>
<Text>Freedonia accused Sylvania.</Text>
</Sentence>
<Sentence date="19330101" id="D-1" category="BASIC" sentence="false">
<EventCoding sourcecode="FRE" targetcode="SYL" eventcode="112"></EventCoding>
<Text>Freedonia accused Sylvania.</Text>
</Sentence>
<Sentence date="19330101" id="E-1" category="BASIC" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Freedonia accused Sylvania at the chess tournament.</Text>
</Sentence>
</Sentences>
</Validation>
"""

FILES = {
    "Mini.actors.txt": "FREEDONIA [FRE]\n+FREEDONIAN\nSYLVANIA [SYL]\n",
    "Mini.agents.txt": "MINISTER [~GOV]\n",
    "Mini.verbs.txt": "--- ACCUSE [112] ---\nACCUSE\n\n--- MEET [036:036] ---\nMEET {MET}\n",
    "Mini.discards.txt": "CHESS TOURNAMENT\n",
}


@pytest.fixture()
def mini(tmp_path: Path) -> Path:
    data = tmp_path / "mini.xml"
    data.write_text(VALIDATION, encoding="utf-8")
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return data


def test_read_records_tracks_options_and_expectations(mini: Path) -> None:
    env, records = read_records(mini)
    assert env.files["Verbfile"] == "Mini.verbs.txt"
    assert env.include == ["valid", "BASIC", "PAIRS"]
    by_id = {r.id: r for r in records}
    assert by_id["B-1"].text == "Freedonia accused Sylvania on Monday."
    assert by_id["B-1"].expected == [("FRE", "SYL", "112")]
    assert by_id["B-2"].noevents and by_id["B-2"].expects_none
    assert by_id["B-3"].options["require_dyad"] == "false"
    assert by_id["P-1"].options["require_dyad"] == "true"
    assert not by_id["D-1"].sentence
    assert by_id["E-1"].error == "sentencediscard" and by_id["E-1"].expects_none


def test_resolve_dictionaries_by_environment_prefix_and_options(mini: Path, tmp_path: Path) -> None:
    env, _ = read_records(mini)
    files = resolve_dictionaries(tmp_path, env, {})
    assert files["verbs"] == [tmp_path / "Mini.verbs.txt"]
    other = tmp_path / "other"
    other.mkdir()
    for name, text in FILES.items():
        (other / f"petrarch2__data__dictionaries__{name}").write_text(text, encoding="utf-8")
    assert resolve_dictionaries(other, env, {})["actors"] == [other / "petrarch2__data__dictionaries__Mini.actors.txt"]
    explicit = resolve_dictionaries(other, env, {"verbs": "Mini.verbs.txt", "actors": "Mini.actors.txt"})
    assert explicit["agents"] == [] and explicit["verbs"][0].name.endswith("Mini.verbs.txt")
    with pytest.raises(EvalDataError):
        resolve_dictionaries(tmp_path / "nowhere", env, {})


def test_suite_scores_a_small_file(mini: Path) -> None:
    report = run_suite("petrarch-unit", EvalArgs(data=mini))
    # X-1 (category not included) and D-1 (sentence="false") are left out
    assert set(report.extra["excluded"]) == {"X-1", "D-1"}
    assert report.n == 5
    ov = report.overall
    # expected: B-1 (1), B-3 (1), P-1 (3, of which 999 cannot be produced)
    assert (ov["tp"], ov["fn"], ov["fp"]) == (4, 1, 0)
    assert ov["exact_recall"] == 0.8
    assert ov["no_event_records"] == 2 and ov["spurious"] == 0.0
    assert report.extra["missed"] == {"P-1": ["FRE SYL 999"]}
    assert set(report.per_label) == {"BASIC", "PAIRS"}


def test_suite_on_petrarch_unit_records(corpora: Path) -> None:
    """The figures reached on PETRARCH's own unit-test records with its validation dictionaries."""
    if not (corpora / "petrarch2" / "petrarch2__data__text__PETR.UnitTest.records.xml").exists():
        pytest.skip("PETRARCH unit-test records not in the shared corpora")
    report = run_suite(
        "petrarch-unit", EvalArgs(data=corpora / "petrarch2" / "petrarch2__data__text__PETR.UnitTest.records.xml")
    )
    ov = report.overall
    assert report.n >= 270
    assert ov["exact_recall"] >= 0.93  # bar: 0.90
    assert ov["precision"] >= 0.93
    assert ov["spurious"] <= 0.04  # bar: 0.05
    assert report.per_label["SYNSET"]["recall"] >= 0.98
    assert report.per_label["DATE"]["recall"] >= 0.98
    assert "missed" in report.extra and "spurious" in report.extra


def test_suite_runs_with_production_dictionaries(corpora: Path, tmp_path: Path) -> None:
    """``--dictionaries`` at a folder of Phoenix-style files, found by their names."""
    src = corpora / "petrarch2"
    names = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
        "Phoenix.discards.txt",
        "CAMEO.2.0.txt",
    ]
    if not all((src / f"petrarch2__data__dictionaries__{n}").exists() for n in names):
        pytest.skip("Phoenix dictionaries not in the shared corpora")
    folder = tmp_path / "phoenix"
    folder.mkdir()
    for n in names:
        (folder / f"petrarch2__data__dictionaries__{n}").symlink_to(src / f"petrarch2__data__dictionaries__{n}")
    data = src / "petrarch2__data__text__PETR.UnitTest.records.xml"
    report = run_suite("petrarch-unit", EvalArgs(data=data, dictionaries=folder, limit=15))
    assert report.n == 15
    assert len(report.extra["dictionaries"]["actors"]) == 3
    assert report.extra["dictionaries"]["verbs"][0].endswith("CAMEO.2.0.txt")
    # the invented Middle-earth actors of the unit tests are not in the production dictionaries
    assert report.overall["exact_recall"] < 0.5


REAL_ACTORS = """\
<Validation>
<Environment><Include>valid REAL</Include></Environment>
<Sentences>
<Sentence date="20210311" id="R-1" category="REAL" sentence="true">
<EventCoding sourcecode="FRA" targetcode="DEU" eventcode="040"></EventCoding>
<Text>France held talks with Germany on Tuesday.</Text>
</Sentence>
<Sentence date="20210311" id="R-2" category="REAL" sentence="true">
<EventCoding sourcecode="CHNGOV" targetcode="JPN" eventcode="111"></EventCoding>
<Text>The Chinese government criticized Japan over the fishing dispute.</Text>
</Sentence>
<Sentence date="20210311" id="R-3" category="REAL" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>The weather in Paris was mild on Tuesday.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_builtin_coder_scores_real_actor_records(tmp_path: Path) -> None:
    data = tmp_path / "real.xml"
    data.write_text(REAL_ACTORS, encoding="utf-8")
    report = run_suite("petrarch-unit", EvalArgs(data=data, options={"coder": "builtin"}))
    assert report.extra["coder"] == "builtin" and report.n == 3
    ov = report.overall
    assert ov["exact_recall"] == 1.0 and ov["relaxed_recall"] == 1.0
    assert ov["no_event_records"] == 1 and ov["spurious"] == 0.0


def test_unknown_coder_is_a_clear_error(mini: Path) -> None:
    with pytest.raises(EvalDataError, match="unknown coder"):
        run_suite("petrarch-unit", EvalArgs(data=mini, options={"coder": "magic"}))
