"""Tests for the PLOVER relation classifier: markup, features, packaged model, CLI and training."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import typer
from spacy.language import Language
from typer.testing import CliRunner

from corridor.classify import LABELS, MarkupError, RelationClassifier, load_classifier, make_item, parse_marked
from corridor.classify.cli import InputRecord, Reject, classify_cmd, read_batch, train_cmd
from corridor.classify.features import extract
from corridor.classify.model import ModelWeights, StaticEmbeddings
from corridor.classify.modes import MODES_FILE, ModeRules
from corridor.classify.train import packaged_model_dir
from corridor.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def clf(nlp: Language) -> RelationClassifier:
    return load_classifier(nlp=nlp)


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("classify")(classify_cmd)
    app.command("train-classifier")(train_cmd)
    return app


# -- markup -----------------------------------------------------------------------------------------


def test_parse_marked_spans_and_order() -> None:
    item = parse_marked("Yesterday <t>the village</t> was shelled by <s>the army</s>.")
    assert item.sentence == "Yesterday the village was shelled by the army."
    assert item.target is not None and item.source is not None
    assert item.sentence[item.target[0] : item.target[1]] == "the village"
    assert item.sentence[item.source[0] : item.source[1]] == "the army"


def test_parse_marked_repeated_and_missing_spans() -> None:
    item = parse_marked("<s>Oslo</s> sent money to <t>Lima</t> and praised <t>Lima</t>.")
    assert item.target is not None and item.sentence[item.target[0] : item.target[1]] == "Lima"
    assert item.target[0] == item.sentence.index("Lima")
    only_src = parse_marked("<s>The council</s> lifted the curfew.")
    assert only_src.target is None
    for bad in ("no marks at all", "<s>open but never closed", "<s>a</s> and </t>b", "<s>x<s>y</s></s>"):
        with pytest.raises(MarkupError):
            parse_marked(bad)


def test_make_item_text_and_offsets() -> None:
    s = "The mayor met the mayor of the next town."
    item = make_item(s, "The mayor", "the mayor of the next town")
    assert item.source == (0, 9)
    assert item.target == (14, 40)
    # The same text twice: the target avoids the source's occurrence.
    twice = make_item("Paris thanked Paris.", "Paris", "Paris")
    assert twice.source == (0, 5) and twice.target == (14, 19)
    assert make_item(s, (0, 9), [14, 40]) == item
    with pytest.raises(MarkupError):
        make_item(s, "The governor", "the mayor")
    with pytest.raises(MarkupError):
        make_item(s, (5, 500), "the mayor")


def test_features_use_placeholders_and_parse(nlp: Language) -> None:
    item = make_item("The militia did not attack the convoy.", "The militia", "the convoy")
    feats = extract(item, nlp(item.sentence))
    assert "w=SRC" in feats and "w=TGT" in feats
    assert "w=militia" not in feats  # span words are separate features
    assert "sw=militia" in feats and "tw=convoy" in feats
    assert "b=attack" in feats and "bneg" in feats
    assert "pv=attack" in feats and "pnegv=attack" in feats


def test_wordpiece_offsets_cover_words() -> None:
    emb = StaticEmbeddings.load(packaged_model_dir() / "embeddings.npz")
    text = "Peacekeepers withdrew from Ñuñoa's outskirts."
    toks = emb.wordpiece.tokenize(text)
    pieces = [emb.vocab[t[0]] for t in toks]
    assert pieces[:2] == ["peace", "##keepers"]
    assert "withdrew" in pieces
    assert [text[a:b] for _, a, b in toks][-2:] == ["outskirts", "."]
    assert all(0 <= a < b <= len(text) for _, a, b in toks)


# -- the packaged model -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source", "target", "label"),
    [
        (
            "Rebels fired rockets at the army barracks overnight, killing six soldiers.",
            "Rebels",
            "the army barracks",
            "ASSAULT",
        ),
        (
            "The prime minister met the visiting Chilean president in the capital on Tuesday.",
            "The prime minister",
            "the visiting Chilean president",
            "CONSULT",
        ),
        (
            "Japan sent a shipment of rice, blankets and medical supplies to flood victims in Bangladesh.",
            "Japan",
            "flood victims in Bangladesh",
            "AID",
        ),
        (
            "The opposition leader accused the interior minister of covering up the police killings.",
            "The opposition leader",
            "the interior minister",
            "ACCUSE",
        ),
    ],
)
def test_predict_clear_cases(clf: RelationClassifier, sentence: str, source: str, target: str, label: str) -> None:
    pred = clf.predict(sentence, source, target)
    assert pred.label == label
    assert set(pred.probs) == set(LABELS)
    assert math.isclose(sum(pred.probs.values()), 1.0, abs_tol=1e-4)
    assert max(pred.probs, key=pred.probs.__getitem__) == label


def test_predict_batch_order_and_span_forms(clf: RelationClassifier) -> None:
    s1 = "Rebels fired rockets at the army barracks overnight, killing six soldiers."
    s2 = "The prime minister met the visiting Chilean president in the capital on Tuesday."
    by_text = clf.predict(s1, "Rebels", "the army barracks")
    by_offsets = clf.predict(s1, (0, 6), (24, 41))
    assert by_text.probs == by_offsets.probs
    batch = clf.predict_batch(
        [
            (s2, "The prime minister", "the visiting Chilean president"),
            {"sentence": s1, "source": [0, 6], "target": [24, 41]},
        ]
    )
    assert [p.label for p in batch] == ["CONSULT", "ASSAULT"]
    with pytest.raises(MarkupError, match="item 1"):
        clf.predict_batch([(s1, "Rebels", "the army barracks"), (s1, "Nobody", "the army barracks")])


def test_modes_from_cues(clf: RelationClassifier) -> None:
    pred = clf.predict("Rebels fired rockets at the army barracks overnight.", "Rebels", "the army barracks")
    assert (pred.label, pred.mode) == ("ASSAULT", "heavy-weapons")
    rules = ModeRules.load(packaged_model_dir() / MODES_FILE)
    assert rules.mode("PROTEST", "Nurses began a hunger strike outside the ministry.") == "hunger"
    assert rules.mode("PROTEST", "Nurses went on strike over unpaid wages.") == "strike"
    assert rules.mode("CONSULT", "The two leaders spoke by telephone on Monday.") == "phone"
    assert rules.mode("ASSAULT", "The village was attacked.") is None
    assert rules.mode("AGREE", "They agreed to hold a vote.") is None


def test_load_classifier_is_cached() -> None:
    assert load_classifier() is load_classifier()


def test_packaged_model_files_are_small() -> None:
    folder = packaged_model_dir()
    total = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    assert total < 50 * 1024 * 1024
    card = (folder / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "macro-F1" in card and "calibration error" in card


# -- CLI batch reader ---------------------------------------------------------------------------------


def test_read_batch_jsonl_and_rejects(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "sentence": "Rebels shelled the town.", "source": "Rebels", "target": "the town"}),
        "",
        "{not json",
        json.dumps({"sentence": "Rebels shelled the town.", "source": [0, 6], "target": [15, 23]}),
        json.dumps({"sentence": "Rebels shelled the town.", "source": "Rebels"}),
        json.dumps({"sentence": "Rebels shelled the town.", "source": "Rebels", "target": "the city"}),
        json.dumps({"marked_sentence": "<s>Rebels</s> shelled <t>the town</t>."}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(read_batch(path))
    assert [(type(g).__name__, g.line) for g in got] == [
        ("InputRecord", 1),
        ("Reject", 3),
        ("InputRecord", 4),
        ("Reject", 5),
        ("Reject", 6),
        ("InputRecord", 7),
    ]
    first = got[0]
    assert isinstance(first, InputRecord) and first.id == "a"
    assert isinstance(got[2], InputRecord) and got[2].item == first.item
    assert isinstance(got[3], Reject) and "'target'" in got[3].error
    assert isinstance(got[4], Reject) and "not found" in got[4].error


def test_read_batch_marked_tsv(tmp_path: Path) -> None:
    path = tmp_path / "in.tsv"
    path.write_text(
        "uid\tmarked_sentence\tgold\n"
        "7\t<s>Rebels</s> shelled <t>the town</t>.\tASSAULT\n"
        "8\tno marks here\tAID\n"
        "9\t<t>The town</t> was shelled by <s>rebels</s>.\tASSAULT\n",
        encoding="utf-8",
    )
    got = list(read_batch(path))
    assert [(type(g).__name__, g.line) for g in got] == [("InputRecord", 2), ("Reject", 3), ("InputRecord", 4)]
    assert isinstance(got[0], InputRecord) and got[0].id == "7"
    no_col = tmp_path / "bad.tsv"
    no_col.write_text("uid\tsentence\n1\tRebels shelled the town.\n", encoding="utf-8")
    (only,) = list(read_batch(no_col))
    assert isinstance(only, Reject) and only.line == 1 and "marked_sentence" in only.error


def test_cli_classify_batch_and_single(tmp_path: Path, clf: RelationClassifier) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps(
            {
                "sentence": "The prime minister met the visiting Chilean president in the capital on Tuesday.",
                "source": "The prime minister",
                "target": "the visiting Chilean president",
            }
        )
        + "\n[1, 2]\n"
        + json.dumps(
            {
                "sentence": "Rebels fired rockets at the army barracks overnight, killing six soldiers.",
                "source": [0, 6],
                "target": [24, 41],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(_app(), ["classify", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "line 2:" in res.output and "Traceback" not in res.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["line"], r["label"]) for r in rows] == [(1, "CONSULT"), (3, "ASSAULT")]
    assert math.isclose(sum(rows[0]["probs"].values()), 1.0, abs_tol=1e-4)
    rejects = [json.loads(x) for x in (tmp_path / "out.jsonl.rejects.jsonl").read_text().splitlines()]
    assert [r["line"] for r in rejects] == [2]
    one = CliRunner().invoke(
        _app(),
        [
            "classify",
            "--sentence",
            "Rebels fired rockets at the army barracks overnight.",
            "--source",
            "0:6",
            "--target",
            "the army barracks",
        ],
    )
    assert one.exit_code == 0, one.output
    assert json.loads(one.output.strip().splitlines()[-1])["label"] == "ASSAULT"
    missing = CliRunner().invoke(_app(), ["classify", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "not found" in missing.output and "Traceback" not in missing.output


@pytest.mark.parametrize("content", ["", "\n  \n", "marked_sentence\tid\n"])
def test_classify_input_without_lines_is_an_error(tmp_path: Path, content: str) -> None:
    res = CliRunner().invoke(_app(), ["classify", "-"], input=content)
    assert res.exit_code == 1, res.output
    assert (
        res.stderr.strip() == "error: standard input: no lines to classify (the input is empty, blank or only a header)"
    )
    assert res.stdout == ""
    empty = tmp_path / "empty.txt"  # the format is sniffed, as for standard input
    empty.write_text(content, encoding="utf-8")
    res = CliRunner().invoke(_app(), ["classify", str(empty)])
    assert res.exit_code == 1 and f"error: {empty}: no lines to classify" in res.stderr


# -- training -----------------------------------------------------------------------------------------

_TRAIN_FRAMES = {
    "ASSAULT": ["{s} bombed {t} on Sunday.", "{s} shot at {t} near the river.", "{s} shelled {t} for hours."],
    "CONSULT": ["{s} met {t} in Geneva.", "{s} held talks with {t} on Friday.", "{s} hosted {t} for a dinner."],
    "AID": ["{s} sent food aid to {t}.", "{s} donated medicine to {t}.", "{s} delivered relief supplies to {t}."],
}
_TRAIN_ACTORS = ["Norway", "the rebels", "the army", "Kenya", "the union", "the mayor", "Peru", "the police"]


def _tiny_corpora(root: Path) -> Path:
    rows = ["\tsentence_id\tmarked_sentence\tgold_root"]
    n = 0
    for label, frames in _TRAIN_FRAMES.items():
        for frame in frames:
            for k in range(6):
                s_act = _TRAIN_ACTORS[k % len(_TRAIN_ACTORS)]
                t_act = _TRAIN_ACTORS[(k + 3) % len(_TRAIN_ACTORS)]
                marked = frame.format(s=f"<s>{s_act}</s>", t=f"<t>{t_act}</t>")
                marked = marked[0].upper() + marked[1:] if marked[0] != "<" else marked
                rows.append(f"{n}\t{n}\t{marked}\t{label}")
                n += 1
    folder = root / "zsp-plv"
    folder.mkdir(parents=True)
    (folder / "datasets__PLV_train.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_training_is_seeded_and_reproducible(tmp_path: Path, nlp: Language) -> None:
    pytest.importorskip("sklearn", reason="training needs scikit-learn (the 'train' extra)")
    from corridor.classify.train import TrainConfig, train

    corpora = _tiny_corpora(tmp_path / "corpora")
    cfg = TrainConfig(seed=0, folds=3, extra=())
    a = train(corpora, tmp_path / "a", nlp, config=cfg)
    b = train(corpora, tmp_path / "b", nlp, config=cfg)
    assert a.cv["macro_f1"] == b.cv["macro_f1"]
    assert (tmp_path / "a" / "MODEL_CARD.md").read_text().count("macro-F1") >= 1
    wa = ModelWeights.load(tmp_path / "a")
    wb = ModelWeights.load(tmp_path / "b")
    assert wa.vocab == wb.vocab
    assert np.array_equal(wa.head.coef_sparse, wb.head.coef_sparse)
    ca = load_classifier(tmp_path / "a", nlp=nlp)
    cb = load_classifier(tmp_path / "b", nlp=nlp)
    probe = [
        ("Chile bombed the harbour on Sunday.", "Chile", "the harbour"),
        ("The governor held talks with the farmers in Lima.", "The governor", "the farmers"),
        ("Spain sent food aid to the refugees.", "Spain", "the refugees"),
    ]
    pa, pb = ca.predict_batch(probe), cb.predict_batch(probe)
    assert [p.probs for p in pa] == [p.probs for p in pb]
    assert [p.label for p in pa] == ["ASSAULT", "CONSULT", "AID"]


def test_train_cli_reports_missing_data(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        _app(), ["train-classifier", "--data", str(tmp_path / "none"), "--out", str(tmp_path / "m")]
    )
    assert res.exit_code == 2 and "not found" in res.output and "Traceback" not in res.output


def test_classify_stage_takes_a_model_folder(tmp_path: Path) -> None:
    from corridor.pipeline import Pipeline, PipelineConfig

    missing = str(tmp_path / "missing")
    config = PipelineConfig(stages=("actors", "events", "classify"), options={"classifier_model": missing})
    with pytest.raises(FileNotFoundError, match=missing):
        Pipeline(config)
