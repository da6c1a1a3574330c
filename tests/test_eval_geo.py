"""The ``geo`` suite: format detection and scoring on small files written here, and the shared corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from corridor.eval import EvalArgs, run_suite
from corridor.eval.base import EvalDataError, corpora_dir
from corridor.eval.geo import GoldToponym, detect_format, error_summary, match_spans, read_corpus
from corridor.model import Place

TEXT = "Flooding closed roads in Peshawar and Lahore. Pakistani officials said Pakistan needs aid."

GWN_SAMPLE = f"""<?xml version="1.0" ?>
<articles>
  <article file="0">
    <title>t</title><link>l</link>
    <text>{TEXT}</text>
    <toponyms>
      <toponym><extractedName>Peshawar</extractedName><normalisedName>Peshawar</normalisedName>
        <type>Literal</type><modifierType/><nonLocational>No</nonLocational><start>25</start><end>33</end>
        <geonamesID>1168197</geonamesID><latitude>34.008</latitude><longitude>71.578</longitude></toponym>
      <toponym><extractedName>Lahore</extractedName><normalisedName>Lahore</normalisedName>
        <type>Literal</type><modifierType/><nonLocational>No</nonLocational><start>38</start><end>44</end>
        <geonamesID>1172451</geonamesID><latitude>31.558</latitude><longitude>74.351</longitude></toponym>
      <toponym><extractedName>Pakistani</extractedName><type>Demonym</type><start>46</start><end>55</end>
      </toponym>
      <toponym><extractedName>officials</extractedName><type>Non_Lit_Expression</type><start>56</start>
        <end>65</end></toponym>
    </toponyms>
  </article>
</articles>
"""

LGL_SAMPLE = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>t</title><domain>d</domain><url>u</url><dltime>2021-10-28</dltime>
    <text><![CDATA[{TEXT}]]></text>
    <toponyms>
      <toponym><start>25</start><end>33</end><phrase>Peshawar</phrase>
        <gaztag geonameid="1168197"><name>Peshawar</name><fclass>P</fclass><fcode>PPLA</fcode>
        <lat>34.008</lat><lon>71.578</lon></gaztag></toponym>
      <toponym><start>71</start><end>79</end><phrase>Pakistan</phrase>
        <gaztag geonameid="1168579"><name>Pakistan</name><fclass>A</fclass><fcode>PCLI</fcode>
        <lat>30.0</lat><lon>70.0</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture()
def samples(tmp_path: Path) -> tuple[Path, Path]:
    gwn = tmp_path / "sample_gwn.xml"
    gwn.write_text(GWN_SAMPLE, encoding="utf-8")
    lgl = tmp_path / "sample_lgl.xml"
    lgl.write_text(LGL_SAMPLE, encoding="utf-8")
    return gwn, lgl


def test_detect_and_read_both_formats(samples: tuple[Path, Path], tmp_path: Path) -> None:
    gwn, lgl = samples
    assert detect_format(gwn) == "gwn"
    assert detect_format(lgl) == "lgl"
    g = read_corpus(gwn)[0]
    assert [t.text for t in g.toponyms] == ["Peshawar", "Lahore"]  # demonym and expression left out
    assert g.text[g.toponyms[0].start : g.toponyms[0].end] == "Peshawar"
    lg = read_corpus(lgl)[0]
    assert [(t.text, t.geonameid) for t in lg.toponyms] == [("Peshawar", 1168197), ("Pakistan", 1168579)]
    other = tmp_path / "other.xml"
    other.write_text("<articles><article><text>x</text></article></articles>", encoding="utf-8")
    with pytest.raises(EvalDataError):
        detect_format(other)


def test_metric_helpers() -> None:
    s = error_summary([0.0, 100.0, 500.0, 20039.0])
    assert s["acc161"] == 0.5 and s["median_km"] == 300.0 and 0 < s["auc"] < 1
    gold = [GoldToponym(25, 33, "Peshawar"), GoldToponym(38, 44, "Lahore")]
    pred = [Place(text="Peshawar", start=25, end=33), Place(text="Lahore.", start=38, end=45)]
    exact, overlap, pairs = match_spans(gold, pred)
    assert exact == 1 and overlap == 2 and len(pairs) == 2


def test_suite_on_written_samples(samples: tuple[Path, Path]) -> None:
    gwn, lgl = samples
    for path, n_gold in ((gwn, 2), (lgl, 2)):
        report = run_suite("geo", EvalArgs(data=path))
        assert report.suite == "geo" and report.n == 1
        name = path.stem
        assert set(report.per_label) == {name}
        fig = report.per_label[name]
        assert fig["resolution_n"] == n_gold
        assert fig["resolution_acc161"] == 1.0
        assert fig["recognition_overlap_recall"] == 1.0
        assert report.extra[name]["format"] in {"gwn", "lgl"}


GEO_DIR = corpora_dir() / "geowebnews"


@pytest.mark.skipif(not (GEO_DIR / "GWN.xml").is_file(), reason="shared geowebnews corpora not present")
def test_suite_on_shared_corpora() -> None:
    report = run_suite("geo", EvalArgs(limit=LIMIT))
    assert set(report.per_label) == {"GWN", "lgl"}
    for name in ("GWN", "lgl"):
        fig = report.per_label[name]
        for key in (
            "resolution_acc161",
            "resolution_median_km",
            "resolution_auc",
            "recognition_exact_f1",
            "recognition_overlap_f1",
            "e2e_acc161",
        ):
            assert key in fig
        assert report.extra[name]["articles"] == LIMIT
        assert fig["recognition_overlap_f1"] > 0.5
    assert report.per_label["lgl"]["resolution_acc161"] >= LGL_FLOOR
    assert report.per_label["GWN"]["resolution_acc161"] >= GWN_FLOOR
    assert report.overall["resolution_n"] == sum(report.per_label[n]["resolution_n"] for n in ("GWN", "lgl"))


# On the first 50 articles of each corpus the gold-span accuracy within 161 km measures 0.90 (GWN) and
# 0.95 (LGL); the floors sit a little below. docs/places.md has the full figures.
LIMIT = 50
GWN_FLOOR = 0.87
LGL_FLOOR = 0.91
