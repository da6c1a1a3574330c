"""PETRARCH-format dictionaries: parsers, syntax checks, the coder and the pipeline stage.

All dictionary entries and sentences here are invented for the tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

import corridor.petrarch.stage  # noqa: F401  (registers the "petrarch" stage)
from corridor.model import Article
from corridor.petrarch import check_dictionary, detect_kind, parse_actors, parse_agents, parse_discards, parse_verbs
from corridor.petrarch import dictionaries as dicts
from corridor.petrarch.coder import CoderOptions, PetrarchCoder, combine
from corridor.pipeline import Pipeline, PipelineConfig, load_nlp

ACTORS = """\
<!-- invented actors for the tests -->
# a comment line
FREEDONIA_ [FRE]  # trailing comment
+FREEDONIAN
+FREEDONIANS
SYLVANIA [SYL]
+SYLVANIAN
RUFUS_T._FIREFLY
+FIREFLY
\t[FREELI <19300101]
\t[FREGOV 19330101-19331231]
\t[FREREB >19340101]
\t[FRE]
AMBASSADOR_TRENTINO  ; old-style comment
\t[SYLGOV 330101-331231]
MARX_BROTHERS [FRE/SYL]
CARPATHIA TELEVISION [CRPTV]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
MINISTER [~GOV]
POLICE {} [~COP]
SPOKES!PERSON! [~GOV]
GOOSE {GEESE} [~GSE]
RELIEF_AGENCY [NGO~]
"""

VERBS = """\
&MONEY_
+DUCATS
+GOLD_COINS

--- ACCUSE [112] ---
ACCUSE
- * OF SPYING [1121]

--- MEET [036:036] ---
MEET {MET MEETING MEETS}
- % * [031]

--- GIVE [070] ---
GIVE {GAVE GIVEN}
- * &MONEY [071]

--- WITHDRAW [---] ---
WITHDRAW {WITHDREW WITHDRAWN}
- * TROOPS [0874]

--- FREE [084] ---
FREE
- + * FROM $ [0841]

--- BREAK [161] ---
+BREAK_OFF {+BROKE_OFF +BROKEN_OFF +BREAKS_OFF}
"""

DISCARDS = """\
+GRAND_PRIX_
CHESS TOURNAMENT
"""


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS), ("discards", DISCARDS)):
        p = tmp_path / f"test.{name}.txt"
        p.write_text(text, encoding="utf-8")
        out[name] = p
    return out


@pytest.fixture()
def coder(files: dict[str, Path]) -> PetrarchCoder:
    return PetrarchCoder([files["actors"]], files["agents"], files["verbs"], files["discards"])


def _codes(coder: PetrarchCoder, nlp: Language, text: str, date: dt.date | None = None) -> set[tuple[str, str, str]]:
    return {(e.source_code, e.target_code, e.event_code) for e in coder.code_doc(nlp(text), date)}


# ------------------------------------------------------------------------------------ dictionaries


def test_actor_dictionary_phrases_codes_and_synonyms() -> None:
    d, problems = parse_actors(ACTORS)
    assert problems == []
    fre = d.lookup("Freedonian")
    assert fre is not None and fre.default == ("FRE",)
    assert d.lookup("FREEDONIA") is fre
    assert d.lookup("Marx Brothers") is not None
    assert d.lookup("Marx Brothers").default == ("FRE", "SYL")  # type: ignore[union-attr]
    assert d.lookup("Groucho") is None
    # "T." keeps its period; underscores join words
    firefly = d.lookup("RUFUS T. FIREFLY")
    assert firefly is not None and d.lookup("FIREFLY") is firefly


def test_actor_date_restrictions() -> None:
    d, _ = parse_actors(ACTORS)
    firefly = d.lookup("FIREFLY")
    assert firefly is not None
    assert firefly.codes_on(dt.date(1929, 5, 1)) == ("FREELI",)
    assert firefly.codes_on(dt.date(1930, 1, 1)) == ("FREELI",)  # limits are inclusive
    assert firefly.codes_on(dt.date(1933, 1, 1)) == ("FREGOV",)
    assert firefly.codes_on(dt.date(1933, 12, 31)) == ("FREGOV",)
    assert firefly.codes_on(dt.date(1935, 6, 1)) == ("FREREB",)
    assert firefly.codes_on(dt.date(1932, 6, 1)) == ("FRE",)  # no restriction holds: the default
    assert firefly.codes_on(None) == ("FRE",)
    # six-digit dates; no default code at all gives no code outside the range
    trentino = d.lookup("AMBASSADOR TRENTINO")
    assert trentino is not None
    assert trentino.codes_on(dt.date(1933, 6, 1)) == ("SYLGOV",)
    assert trentino.codes_on(dt.date(1950, 6, 1)) == ()


def test_agent_dictionary_plurals_and_substitutions() -> None:
    d, problems = parse_agents(AGENTS)
    assert problems == []
    phrases = {" ".join(e.phrase.words): e for e in d.entries}
    assert phrases["MINISTERS"].code == "GOV"  # regular plural
    assert "POLICES" not in phrases  # {} : no plural
    assert phrases["GEESE"].code == "GSE" and "GOOSES" not in phrases
    assert {"SPOKESMAN", "SPOKESMEN", "SPOKESWOMAN", "SPOKESWOMEN"} <= set(phrases)
    assert phrases["RELIEF AGENCY"].prefix and not phrases["MINISTER"].prefix


def test_agent_codes_combine_with_actor_codes() -> None:
    d, _ = parse_agents(AGENTS)
    by = {" ".join(e.phrase.words): e for e in d.entries}
    assert combine("FRE", [by["MINISTER"]]) == "FREGOV"
    assert combine("FRE", [by["RELIEF AGENCY"]]) == "NGOFRE"
    assert combine("FREGOV", [by["MINISTER"]]) == "FREGOV"  # already there
    # agents are added in order; only whole three-letter parts count as already present
    assert combine("FRE", [by["GOOSE"], by["MINISTER"]]) == "FREGSEGOV"
    assert combine("FRGOVE", [by["MINISTER"]]) == "FRGOVEGOV"


def test_verb_dictionary_blocks_forms_and_patterns() -> None:
    v, problems = parse_verbs(VERBS)
    assert problems == []
    assert v.synsets["&MONEY"][0].words == ("DUCATS",)
    assert [p.words for p in v.synsets["&MONEY"]] == [("DUCATS",), ("GOLD", "COINS")]  # '_' label: no plurals
    accuse = v.entries_for("ACCUSED")
    assert accuse and accuse[0][0].code == "112"
    assert v.entries_for("ACCUSES") and v.entries_for("ACCUSING")
    assert v.entries_for("WITHDREW")[0][0].code == "---"
    brk = v.entries_for("BROKE")
    assert brk and brk[0][1] == ("BROKE", "OFF")
    meet = v.patterns_for(v.entries_for("MET")[0][0])
    assert [el.kind for el in meet[0].pre] == ["compound"] and meet[0].code == "031"
    free = v.patterns_for(v.entries_for("FREED")[0][0])[0]
    assert [el.kind for el in free.pre] == ["target"]
    assert [(el.kind, el.value) for el in free.post] == [("word", "FROM"), ("source", "$")]


def test_discard_list() -> None:
    d, problems = parse_discards(DISCARDS)
    assert problems == []
    assert d.story_hit("Freedonia won the Grand Prix yesterday.") == "GRAND PRIX"
    assert d.story_hit("Freedonia won the Grand Prixes") is None  # '_': whole word
    assert d.sentence_hit("The chess tournaments ended.") == "CHESS TOURNAMENT"  # a stem otherwise


def test_detect_kind() -> None:
    assert detect_kind(ACTORS) == "actors"
    assert detect_kind(AGENTS) == "agents"
    assert detect_kind(VERBS) == "verbs"
    assert detect_kind(DISCARDS) == "discards"


def test_check_dictionary_reports_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "bad.actors.txt"
    p.write_text(
        "FREEDONIA [FRE]\n"
        "+FREEDONIAN\n"
        "RUFUS_FIREFLY\n"
        "\t[FREGOV 1933011-19331231]\n"  # line 4: seven-digit date
        "SYLVANIA [SYL\n",  # line 5: unbalanced bracket
        encoding="utf-8",
    )
    problems = check_dictionary(p)
    assert [pr.line for pr in problems] == [4, 5]
    assert "1933011" in problems[0].message
    good = tmp_path / "good.actors.txt"
    good.write_text(ACTORS, encoding="utf-8")
    assert check_dictionary(good) == []
    verbs = tmp_path / "bad.verbs.txt"
    verbs.write_text("--- ACCUSE [112] ---\nACCUSE\n- * OF SPYING\n- * &NOSUCH [113]\n", encoding="utf-8")
    assert [pr.line for pr in check_dictionary(verbs)] == [3, 4]


def test_check_dictionary_reports_bad_codes_junk_and_unreadable_files(tmp_path: Path) -> None:
    verbs = tmp_path / "codes.verbs.txt"
    verbs.write_text(
        "--- FIGHT [190] ---\n"
        "FIGHT\n"
        "- $ * + [19X]\n"  # line 3: not a CAMEO code
        "- $ * WITH + [190]\n"
        "- $ * AGAINST + [042:043]\n"
        "- $ * FOR + [:190]\n"
        "- $ * OFF + [---]\n"
        "--- HELP [07A] ---\n"  # line 8: a block code with a letter
        "HELP\n",
        encoding="utf-8",
    )
    problems = check_dictionary(verbs)
    assert [(p.line, "not a CAMEO event code" in p.message) for p in problems] == [(3, True), (8, True)]
    assert "[19X]" in problems[0].message
    agents = tmp_path / "junk.agents.txt"
    agents.write_text(
        "POLICE_OFFICER {} [~COP] extra junk\nPOLICEMAN [~COP]\nSOLDIER [~MIL]\nGENERAL [~MIL]\n", encoding="utf-8"
    )
    assert [(p.line, p.message) for p in check_dictionary(agents)] == [
        (1, "unexpected text 'extra junk' after the code [~COP]")
    ]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert [(p.line, p.message) for p in check_dictionary(empty)] == [(0, "no entries: the file is empty")]
    comments = tmp_path / "comments.txt"
    comments.write_text("# nothing here\n\n", encoding="utf-8")
    assert [p.line for p in check_dictionary(comments)] == [0]
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"FREEDONIA [FRE]\n\x00\x01\x9f\xff\n")
    assert [(p.line, p.message.split(" (")[0]) for p in check_dictionary(binary)] == [(2, "binary data")]
    latin = tmp_path / "latin1.actors.txt"
    latin.write_bytes(b"FREEDONIA [FRE]\nSYLV\xe9NIA [SYL]\n")
    assert [(p.line, p.message.startswith("not UTF-8 text")) for p in check_dictionary(latin)] == [(2, True)]


def test_dict_check_command_on_a_folder_and_empty_file(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from corridor.cli import app

    res = CliRunner().invoke(app, ["dict", "check", str(tmp_path)])
    assert res.exit_code == 2, res.output
    assert res.stderr.strip().splitlines() == [f"error: {tmp_path}: is a directory; give one dictionary file"]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = CliRunner().invoke(app, ["dict", "check", str(empty)])
    assert res.exit_code == 1 and res.stderr.strip() == f"{empty}: no entries: the file is empty"
    assert "OK" not in res.stdout


def test_compiled_dictionaries_are_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, Path]
) -> None:
    monkeypatch.setenv("CORRIDOR_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(dicts, "SMALL_FILE", 0)
    monkeypatch.setattr(dicts, "_MEMO", {})
    first = dicts.load_actors([files["actors"]])
    cached = list((tmp_path / "cache" / "petrarch").glob("actors-*.pickle"))
    assert len(cached) == 1
    monkeypatch.setattr(dicts, "_MEMO", {})
    again = dicts.load_actors([files["actors"]])
    assert again is not first
    assert [e.phrases for e in again.entries] == [e.phrases for e in first.entries]
    assert again.lookup("FIREFLY").codes_on(dt.date(1933, 6, 1)) == ("FREGOV",)  # type: ignore[union-attr]


# ------------------------------------------------------------------------------------------- coder


def test_coder_codes_a_simple_sentence(coder: PetrarchCoder, nlp: Language) -> None:
    doc = nlp("Freedonia accused Sylvania on Monday.")
    events = coder.code_doc(doc)
    assert [(e.source_code, e.target_code, e.event_code) for e in events] == [("FRE", "SYL", "112")]
    ev = events[0]
    assert doc[ev.trigger_token_index].text == "accused"
    assert ev.source_tokens is not None and doc[ev.source_tokens[0] : ev.source_tokens[1]].text == "Freedonia"


def test_coder_patterns_agents_and_passive(coder: PetrarchCoder, nlp: Language) -> None:
    assert _codes(coder, nlp, "The Freedonian minister accused Sylvania of spying.") == {("FREGOV", "SYL", "1121")}
    assert _codes(coder, nlp, "Sylvania was accused by Freedonia.") == {("FRE", "SYL", "112")}
    assert _codes(coder, nlp, "Freedonia gave Sylvania two hundred ducats.") == {("FRE", "SYL", "071")}
    assert _codes(coder, nlp, "Freedonia gave Sylvania a warning.") == {("FRE", "SYL", "070")}
    # null default code: only the pattern codes
    assert _codes(coder, nlp, "Freedonia withdrew its ambassador from Sylvania.") == set()
    assert _codes(coder, nlp, "Freedonia withdrew troops from Sylvania.") == {("FRE", "SYL", "0874")}
    # a passive without an acting party codes nothing
    assert _codes(coder, nlp, "Sylvania was accused of spying.") == set()
    # an actor glued to a participle by a hyphen modifies, it does not act
    assert _codes(coder, nlp, "Freedonia-backed ministers accused Sylvania.") == {("---GOV", "SYL", "112")}


def test_coder_compounds_and_paired_codes(coder: PetrarchCoder, nlp: Language) -> None:
    assert _codes(coder, nlp, "Freedonia met Sylvania.") == {("FRE", "SYL", "036"), ("SYL", "FRE", "036")}
    # '%' before the verb: the compound subject meets itself, one event each way
    assert _codes(coder, nlp, "Freedonia and Sylvania met on Tuesday.") == {
        ("FRE", "SYL", "031"),
        ("SYL", "FRE", "031"),
    }
    got = _codes(coder, nlp, "Freedonia and Sylvania accused Carpathia television.")
    assert got == {("FRE", "CRPTV", "112"), ("SYL", "CRPTV", "112")}
    # a blank in an actor phrase lets modifiers come between its words
    assert _codes(coder, nlp, "Freedonia accused Carpathia state-run television.") == {("FRE", "CRPTV", "112")}
    # '+' before and '$' after the verb swap the roles
    assert _codes(coder, nlp, "Sylvanian police were freed from Freedonia.") == {("FRE", "SYLCOP", "0841")}


def test_coder_date_restrictions_and_multiword_verbs(coder: PetrarchCoder, nlp: Language) -> None:
    text = "Firefly broke off relations with Sylvania."
    assert _codes(coder, nlp, text, dt.date(1933, 3, 1)) == {("FREGOV", "SYL", "161")}
    assert _codes(coder, nlp, text, dt.date(1936, 3, 1)) == {("FREREB", "SYL", "161")}
    assert _codes(coder, nlp, text, None) == {("FRE", "SYL", "161")}


def test_coder_options_and_discards(coder: PetrarchCoder, nlp: Language) -> None:
    assert _codes(coder, nlp, "A Freedonian spokesman accused the weather.") == set()
    coder.options = CoderOptions(require_dyad=False)
    assert _codes(coder, nlp, "A Freedonian spokesman accused the weather.") == {("FREGOV", "---", "112")}
    coder.options = CoderOptions()
    assert _codes(coder, nlp, "Freedonia accused Sylvania at the chess tournament.") == set()
    assert _codes(coder, nlp, "Freedonia accused Sylvania. Sylvania hosts the Grand Prix.") == set()


# ------------------------------------------------------------------------------------------- stage


def test_stage_adds_dictionary_events_and_actors(files: dict[str, Path], nlp: Language) -> None:
    config = PipelineConfig(
        stages=("petrarch",),
        petrarch_verbs=str(files["verbs"]),
        petrarch_actors=(str(files["actors"]), str(files["agents"])),
        options={"petrarch_discards": str(files["discards"])},
    )
    pipe = Pipeline(config, nlp=nlp)
    coded = pipe(Article(text="The Freedonian minister accused Sylvania of spying.", doc_id="t1", date="1933-05-01"))
    assert len(coded.events) == 1
    ev = coded.events[0]
    assert (ev.cameo, ev.cameo_root, ev.coded_by) == ("1121", "11", "dictionary")
    assert ev.source is not None and ev.source.code == "FREGOV" and ev.source.country == "FRE"
    assert ev.target is not None and ev.target.text == "Sylvania"
    assert ev.plover is not None and ev.goldstein is not None and ev.quad_class is not None
    assert ev.trigger.text == "accused"
    assert {(a.text, a.code) for a in coded.actors} == {("The Freedonian minister", "FREGOV"), ("Sylvania", "SYL")}
    assert all(a.resolved_by == "dictionary" for a in coded.actors)


def test_stage_is_inactive_without_dictionaries(nlp: Language) -> None:
    pipe = Pipeline(PipelineConfig(stages=("petrarch",)), nlp=nlp)
    coded = pipe(Article(text="Freedonia accused Sylvania.", doc_id="t2"))
    assert coded.events == [] and coded.actors == []
