"""Command functions ``classify_cmd`` and ``train_cmd`` for ``corridor classify`` / ``corridor train-classifier``.

``classify`` reads JSONL (``sentence``, ``source``, ``target``; spans as text or ``[start, end]``
character offsets, or a ``marked_sentence``) or TSV with a ``marked_sentence`` column in the
``<s>..</s>`` / ``<t>..</t>`` form, and writes JSONL predictions (``label``, ``mode``, ``probs``) in
input order. Lines it cannot read go, with their line number and the reason, to a rejects JSONL file
and to standard error. ``train-classifier`` reads the corpora folder and writes a model folder.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from corridor.classify.features import Item, MarkupError, SpanSpec, make_item, parse_marked

__all__ = ["InputRecord", "Reject", "classify_cmd", "read_batch", "train_cmd"]

_SPAN_ARG_RE = re.compile(r"^\s*(\d+)\s*[:,]\s*(\d+)\s*$")
_ID_KEYS = ("id", "uid")


@dataclass(frozen=True, slots=True)
class InputRecord:
    line: int
    item: Item
    id: Any = None


@dataclass(frozen=True, slots=True)
class Reject:
    line: int
    error: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "error": self.error, "text": self.text}


def _span_value(value: Any, name: str) -> SpanSpec:
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple) and len(value) == 2:
        return (value[0], value[1])
    raise MarkupError(f"'{name}' must be a text or a [start, end] pair, not {json.dumps(value)}")


def _json_record(obj: Any) -> Item:
    if not isinstance(obj, dict):
        raise MarkupError("a line must be a JSON object")
    if "marked_sentence" in obj and "sentence" not in obj:
        marked = obj["marked_sentence"]
        if not isinstance(marked, str):
            raise MarkupError("'marked_sentence' must be a string")
        return parse_marked(marked)
    missing = [k for k in ("sentence", "source", "target") if k not in obj]
    if missing:
        raise MarkupError(f"missing field(s) {', '.join(repr(m) for m in missing)}")
    sentence = obj["sentence"]
    if not isinstance(sentence, str):
        raise MarkupError("'sentence' must be a string")
    return make_item(sentence, _span_value(obj["source"], "source"), _span_value(obj["target"], "target"))


def _sniff_format(path: Path, first: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        return "jsonl"
    if suffix in (".tsv", ".tab"):
        return "tsv"
    return "jsonl" if first.lstrip().startswith("{") else "tsv"


def read_batch(path: Path, fmt: str = "auto") -> Iterator[InputRecord | Reject]:
    """Records and rejects of a JSONL or marked-TSV input file, in file order, with 1-based line numbers."""
    with path.open(encoding="utf-8", newline="") as fh:
        yield from _read_stream(fh, path, fmt)


def _read_stream(fh: TextIO, path: Path, fmt: str) -> Iterator[InputRecord | Reject]:
    text = fh.read()
    if fmt == "auto":
        first = next((ln for ln in text.splitlines() if ln.strip()), "")
        fmt = _sniff_format(path, first)
    if fmt == "jsonl":
        yield from _read_jsonl(text)
    elif fmt == "tsv":
        yield from _read_tsv(text)
    else:
        raise ValueError(f"unknown input format {fmt!r} (use auto, jsonl or tsv)")


def _read_jsonl(text: str) -> Iterator[InputRecord | Reject]:
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield Reject(n, f"not valid JSON: {exc.msg} (column {exc.colno})", raw)
            continue
        try:
            item = _json_record(obj)
        except MarkupError as exc:
            yield Reject(n, str(exc), raw)
            continue
        ident = next((obj[k] for k in _ID_KEYS if k in obj), None)
        yield InputRecord(n, item, ident)


def _read_tsv(text: str) -> Iterator[InputRecord | Reject]:
    lines = text.splitlines(keepends=True)
    reader = csv.reader(lines, delimiter="\t")
    header: list[str] | None = None
    col = -1
    id_col = -1
    for row in reader:
        n = reader.line_num
        if header is None:
            if not any(c.strip() for c in row):
                continue
            header = [c.strip() for c in row]
            if "marked_sentence" not in header:
                yield Reject(n, "the TSV header has no 'marked_sentence' column", "\t".join(row))
                return
            col = header.index("marked_sentence")
            id_col = next((header.index(k) for k in _ID_KEYS if k in header), -1)
            continue
        raw = "\t".join(row)
        if not any(c.strip() for c in row):
            continue
        if col >= len(row):
            yield Reject(n, f"only {len(row)} column(s); 'marked_sentence' is column {col + 1}", raw)
            continue
        try:
            item = parse_marked(row[col])
        except MarkupError as exc:
            yield Reject(n, str(exc), raw)
            continue
        ident = row[id_col].strip() if 0 <= id_col < len(row) and id_col != col else None
        yield InputRecord(n, item, ident)


def _parse_span_arg(value: str) -> SpanSpec:
    m = _SPAN_ARG_RE.match(value)
    return (int(m.group(1)), int(m.group(2))) if m else value


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def classify_cmd(
    input: Annotated[
        Path | None,
        typer.Argument(help="JSONL (sentence, source, target) or TSV with a marked_sentence column; '-' = stdin."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSONL predictions here (default: stdout).")
    ] = None,
    rejects: Annotated[
        Path | None,
        typer.Option(help="Write unreadable lines here as JSONL (default: OUTPUT.rejects.jsonl, or stderr only)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="Input format: auto, jsonl or tsv.")] = "auto",
    sentence: Annotated[str | None, typer.Option(help="Classify one sentence (with --source and --target).")] = None,
    source: Annotated[str | None, typer.Option(help="Source span: its text, or START:END character offsets.")] = None,
    target: Annotated[str | None, typer.Option(help="Target span: its text, or START:END character offsets.")] = None,
    model_dir: Annotated[Path | None, typer.Option(help="A model folder written by train-classifier.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Items parsed and scored together.")] = 256,
) -> None:
    """Classify source-target relations into PLOVER labels with calibrated probabilities."""
    from corridor.classify import load_classifier

    if sentence is not None:
        if input is not None:
            raise _fail("give either an input file or --sentence, not both")
        if source is None or target is None:
            raise _fail("--sentence needs --source and --target")
        try:
            item = make_item(sentence, _parse_span_arg(source), _parse_span_arg(target))
        except MarkupError as exc:
            raise _fail(str(exc)) from None
        clf = _load(load_classifier, model_dir)
        pred = clf.predict_items([item])[0]
        typer.echo(json.dumps(pred.to_dict(), ensure_ascii=False))
        return
    if input is None:
        raise _fail("give an input file (JSONL or marked TSV), '-' for stdin, or --sentence/--source/--target")
    if fmt not in ("auto", "jsonl", "tsv"):
        raise _fail(f"unknown --format {fmt!r}; use auto, jsonl or tsv")
    try:
        if str(input) == "-":
            entries = list(_read_stream(sys.stdin, Path("stdin"), fmt))
        else:
            if not input.is_file():
                raise _fail(f"input file not found: {input}")
            entries = list(read_batch(input, fmt))
    except UnicodeDecodeError as exc:
        raise _fail(f"{input} is not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    records = [e for e in entries if isinstance(e, InputRecord)]
    bad = [e for e in entries if isinstance(e, Reject)]
    if not entries:  # nothing to read at all: no line could be read, so the exit code is not 0
        name = "standard input" if str(input) == "-" else str(input)
        raise _fail(f"{name}: no lines to classify (the input is empty, blank or only a header)", 1)
    for rej in bad:
        typer.echo(f"line {rej.line}: {rej.error}", err=True)
    reject_path = rejects or (output.with_name(output.name + ".rejects.jsonl") if output else None)
    if reject_path is not None and (bad or rejects is not None):
        with reject_path.open("w", encoding="utf-8") as fh:
            for rej in bad:
                fh.write(json.dumps(rej.to_dict(), ensure_ascii=False) + "\n")
    clf = _load(load_classifier, model_dir) if records else None
    out_fh: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for start in range(0, len(records), batch_size):
            chunk = records[start : start + batch_size]
            assert clf is not None
            preds = clf.predict_items([r.item for r in chunk])
            for rec, pred in zip(chunk, preds, strict=True):
                row: dict[str, Any] = {"line": rec.line}
                if rec.id not in (None, ""):
                    row["id"] = rec.id
                row.update(pred.to_dict())
                out_fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if output:
            out_fh.close()
    where = f" (see {reject_path})" if bad and reject_path else ""
    typer.echo(f"classified {len(records)}, rejected {len(bad)}{where}", err=True)
    if bad and not records:
        raise typer.Exit(1)


def _load(loader: Any, model_dir: Path | None) -> Any:
    try:
        return loader(model_dir)
    except (FileNotFoundError, ValueError) as exc:
        raise _fail(f"cannot load the classifier: {exc}") from None
    except RuntimeError as exc:  # e.g. no spaCy pipeline installed
        raise _fail(str(exc)) from None


def train_cmd(
    out: Annotated[
        Path, typer.Option("--out", help="Folder to write the model to (weights, meta.json, MODEL_CARD.md).")
    ],
    data: Annotated[
        Path | None,
        typer.Option(
            "--data", help="Corpora folder with zsp-plv/, plover/, ngec-synthetic/ (default: ../shared/corpora)."
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed (folds and solver).")] = 0,
    folds: Annotated[int, typer.Option(min=2, help="Cross-validation folds over the PLV split.")] = 5,
    c: Annotated[
        float, typer.Option("--c", min=1e-6, help="Inverse regularisation strength of the linear model.")
    ] = 1.0,
    extra: Annotated[
        str, typer.Option(help="Extra training sets for every training fold: comma list of plover, ngec, or 'none'.")
    ] = "plover,ngec",
    no_cv: Annotated[bool, typer.Option("--no-cv", help="Skip cross-validation (no scores, temperature 1).")] = False,
    limit: Annotated[int | None, typer.Option(help="Use only the first N PLV rows (quick checks).")] = None,
    embeddings: Annotated[
        Path | None, typer.Option(help="Static sub-word embeddings file (default: the packaged embeddings.npz).")
    ] = None,
) -> None:
    """Train the PLOVER relation classifier (seeded, reproducible) and write weights and a model card."""
    try:
        from corridor.classify.train import TrainConfig, train
    except ModuleNotFoundError as exc:
        raise _fail(f"training needs scikit-learn ({exc}); install it with: pip install 'corridor[train]'") from None
    from corridor.eval.base import corpora_dir
    from corridor.pipeline import load_nlp

    corpora = data or corpora_dir()
    if not corpora.is_dir():
        raise _fail(f"corpora folder not found: {corpora} (give --data DIR)")
    extras = tuple(x.strip() for x in extra.split(",") if x.strip() and x.strip() != "none")
    unknown = [x for x in extras if x not in ("plover", "ngec")]
    if unknown:
        raise _fail(f"unknown extra set(s) {unknown}; use plover, ngec or none")
    config = TrainConfig(seed=seed, folds=folds, c=c, extra=extras, limit=limit)
    try:
        import sklearn  # noqa: F401
    except ModuleNotFoundError:
        raise _fail("training needs scikit-learn; install it with: pip install 'corridor[train]'") from None
    try:
        nlp = load_nlp()
        result = train(corpora, out, nlp, embeddings_path=embeddings, config=config, run_cv=not no_cv)
    except (FileNotFoundError, ValueError) as exc:
        raise _fail(str(exc)) from None
    cv = result.cv
    if cv:
        typer.echo(
            f"{cv['folds']}-fold CV on {cv['n']} PLV rows: macro-F1 {cv['macro_f1']:.3f}, accuracy {cv['accuracy']:.3f}"
        )
        typer.echo(f"calibration: temperature {cv['temperature']:.3f}, ECE {cv['ece_calibrated']:.3f}")
    typer.echo(f"model written to {out}")
