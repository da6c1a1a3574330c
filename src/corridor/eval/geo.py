"""``corridor eval geo``: toponym recognition and resolution against GeoWebNews and LGL-format gold.

Reads GeoWebNews XML (``<article><text/><toponyms><toponym><extractedName/><type/><start/><end/>
<geonamesID/><latitude/><longitude/>``) and LGL-format XML (``<article><text/><toponyms><toponym><start/>
<end/><phrase/><gaztag geonameid><lat/><lon/>...``), told apart by content. ``--data FILE`` takes one file
of either format; by default the suite reads ``geowebnews/GWN.xml`` and ``geowebnews/lgl.xml`` under the
corpora folder and reports each under ``per_label``/``extra`` (keyed by the file's stem), with ``overall``
the pooled figures. Writes nothing.

Scores: (a) resolution of the gold toponym spans by the gazetteer (each article's spans resolved together):
accuracy within 161 km, mean and median error, AUC of the log error (unresolved spans count as the largest
possible error); (b) end-to-end recognition with the ``places`` stage on the article text: precision,
recall and F1 with exact and with overlapping span match; (c) end-to-end resolution accuracy within
161 km on the overlap-matched spans that have gold coordinates.

Gold toponyms for recognition: in GeoWebNews every annotated type except the non-toponyms
(``Non_Toponym``, ``Literal_Expression``, ``Non_Lit_Expression``) and the types that name no place
(``Demonym``, ``Language``, ``Homonym``); metonymic toponyms count, and the stage's metonymic mentions
count as predictions, and so do toponyms inside organization names. In LGL every annotated toponym.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corridor.eval.base import EvalArgs, EvalDataError, Report, corpora_dir, prf, register_suite, share
from corridor.gazetteer import Gazetteer, get_gazetteer, haversine_km
from corridor.model import Article, Place
from corridor.stages.places import Toponym, local_region, resolve_toponyms, text_country_cues

DEFAULT_FILES = ("geowebnews/GWN.xml", "geowebnews/lgl.xml")
ACC_KM = 161.0
MAX_KM = 20039.0  # half the Earth's circumference: the error of an unresolved toponym
GWN_NOT_TOPONYMS = {"Non_Toponym", "Literal_Expression", "Non_Lit_Expression", "Demonym", "Language", "Homonym"}


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    type: str = ""


@dataclass
class GoldArticle:
    doc_id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def detect_format(path: Path) -> str:
    """``gwn`` or ``lgl``, from the first toponym record in the file."""
    head = path.read_text(encoding="utf-8", errors="replace")[:200_000]
    if "<extractedName" in head or "<geonamesID" in head:
        return "gwn"
    if "<gaztag" in head or "<phrase" in head:
        return "lgl"
    raise EvalDataError(f"{path}: neither GeoWebNews nor LGL format (no <extractedName> or <gaztag> found)")


def read_corpus(path: Path) -> list[GoldArticle]:
    """The articles of a GeoWebNews or LGL-format file."""
    fmt = detect_format(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalDataError(f"{path}: not well-formed XML: {exc}") from exc
    out: list[GoldArticle] = []
    for n, art in enumerate(root.iter("article")):
        doc_id = art.get("docid") or art.get("file") or str(n)
        text = art.findtext("text") or ""
        gold = GoldArticle(doc_id=doc_id, text=text)
        tops = art.find("toponyms")
        for t in tops if tops is not None else []:
            start, end = _int(t.findtext("start")), _int(t.findtext("end"))
            if start is None or end is None:
                continue
            if fmt == "gwn":
                ttype = t.findtext("type") or ""
                if ttype in GWN_NOT_TOPONYMS:
                    continue
                gold.toponyms.append(
                    GoldToponym(
                        start=start,
                        end=end,
                        text=t.findtext("extractedName") or text[start:end],
                        lat=_float(t.findtext("latitude")),
                        lon=_float(t.findtext("longitude")),
                        geonameid=_int(t.findtext("geonamesID")),
                        type=ttype,
                    )
                )
            else:
                gaz = t.find("gaztag")
                gold.toponyms.append(
                    GoldToponym(
                        start=start,
                        end=end,
                        text=t.findtext("phrase") or text[start:end],
                        lat=_float(gaz.findtext("lat")) if gaz is not None else None,
                        lon=_float(gaz.findtext("lon")) if gaz is not None else None,
                        geonameid=_int(gaz.get("geonameid")) if gaz is not None else None,
                        type=(gaz.findtext("fcode") or "") if gaz is not None else "",
                    )
                )
        gold.toponyms.sort(key=lambda g: (g.start, g.end))
        out.append(gold)
    return out


def error_summary(errors: list[float]) -> dict[str, float]:
    """Accuracy within 161 km, mean and median error (km) and the AUC of the log error (lower is better)."""
    if not errors:
        return {"n": 0, "acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    auc = sum(math.log(e + 1) for e in errors) / (len(errors) * math.log(MAX_KM + 1))
    return {
        "n": len(errors),
        "acc161": round(sum(e <= ACC_KM for e in errors) / len(errors), 4),
        "mean_km": round(statistics.fmean(errors), 1),
        "median_km": round(statistics.median(errors), 1),
        "auc": round(auc, 4),
    }


def resolve_gold_spans(gaz: Gazetteer, art: GoldArticle) -> list[tuple[GoldToponym, float, str]]:
    """Resolve the article's gold toponyms (with coordinates) together: (gold, error km, how), where how
    is ``gazetteer`` (the name resolved), ``inferred`` (the article focus's point) or ``none``."""
    gold = [g for g in art.toponyms if g.lat is not None and g.lon is not None]
    mentions = [
        Toponym(art.text[g.start : g.end] or g.text, g.start, g.end, local_region(gaz, art.text, g.end)) for g in gold
    ]
    resolved = resolve_toponyms(gaz, mentions, prior_countries=text_country_cues(art.text), demonyms=True)
    out = []
    for g, res in zip(gold, resolved, strict=True):
        entry = res.entry
        if entry is None or math.isnan(entry.lat):
            out.append((g, MAX_KM, "none"))
        else:
            assert g.lat is not None and g.lon is not None
            how = "inferred" if res.inferred else "gazetteer"
            out.append((g, haversine_km(g.lat, g.lon, entry.lat, entry.lon), how))
    return out


def match_spans(gold: list[GoldToponym], pred: list[Place]) -> tuple[int, int, list[tuple[GoldToponym, Place]]]:
    """Exact matches and one-to-one overlap matches (gold, predicted) between span lists."""
    exact = len({(g.start, g.end) for g in gold} & {(p.start, p.end) for p in pred})
    used: set[int] = set()
    pairs: list[tuple[GoldToponym, Place]] = []
    for g in gold:
        best = None
        for k, p in enumerate(pred):
            if k in used or p.end <= g.start or p.start >= g.end:
                continue
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if best is None or overlap > best[0]:
                best = (overlap, k)
        if best is not None:
            used.add(best[1])
            pairs.append((g, pred[best[1]]))
    return exact, len(pairs), pairs


@dataclass
class _Tally:
    errors: list[float] = field(default_factory=list)
    strict_errors: list[float] = field(default_factory=list)  # inferred points counted as unresolved
    resolved: int = 0
    inferred: int = 0
    n_gold: int = 0
    n_pred: int = 0
    exact_tp: int = 0
    overlap_tp: int = 0
    e2e_errors: list[float] = field(default_factory=list)
    articles: int = 0
    by_type: dict[str, list[float]] = field(default_factory=dict)

    def add(self, other: _Tally) -> None:
        self.errors += other.errors
        self.strict_errors += other.strict_errors
        self.resolved += other.resolved
        self.inferred += other.inferred
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred
        self.exact_tp += other.exact_tp
        self.overlap_tp += other.overlap_tp
        self.e2e_errors += other.e2e_errors
        self.articles += other.articles

    def figures(self) -> dict[str, float]:
        res = error_summary(self.errors)
        strict = error_summary(self.strict_errors)
        exact = prf(self.exact_tp, self.n_pred - self.exact_tp, self.n_gold - self.exact_tp)
        overlap = prf(self.overlap_tp, self.n_pred - self.overlap_tp, self.n_gold - self.overlap_tp)
        e2e = error_summary(self.e2e_errors)
        return {
            "resolution_acc161": res["acc161"],
            "resolution_mean_km": res["mean_km"],
            "resolution_median_km": res["median_km"],
            "resolution_auc": res["auc"],
            "resolution_n": res["n"],
            "resolution_gazetteer_share": share(self.resolved, len(self.errors)),
            "resolution_inferred_share": share(self.inferred, len(self.errors)),
            "resolution_strict_acc161": strict["acc161"],
            "recognition_exact_precision": exact["precision"],
            "recognition_exact_recall": exact["recall"],
            "recognition_exact_f1": exact["f1"],
            "recognition_overlap_precision": overlap["precision"],
            "recognition_overlap_recall": overlap["recall"],
            "recognition_overlap_f1": overlap["f1"],
            "e2e_acc161": e2e["acc161"],
            "e2e_n": e2e["n"],
        }


def _score_corpus(path: Path, args: EvalArgs, pipeline: Any) -> tuple[_Tally, dict[str, Any]]:
    gaz = get_gazetteer()
    articles = read_corpus(path)
    if args.limit is not None:
        articles = articles[: args.limit]
    tally = _Tally(articles=len(articles))
    for art in articles:
        for g, err, how in resolve_gold_spans(gaz, art):
            tally.errors.append(err)
            tally.strict_errors.append(err if how == "gazetteer" else MAX_KM)
            tally.resolved += how == "gazetteer"
            tally.inferred += how == "inferred"
            tally.by_type.setdefault(g.type or "?", []).append(err)
    docs = pipeline.nlp.pipe((a.text for a in articles), batch_size=16)
    for art, doc in zip(articles, docs, strict=True):
        analysis = pipeline.analyse_doc(Article(text=art.text, doc_id=art.doc_id), doc)
        pred = list(analysis.places)
        pred += analysis.notes.get("metonymic_places", []) + analysis.notes.get("embedded_places", [])
        pred.sort(key=lambda p: p.start)
        tally.n_gold += len(art.toponyms)
        tally.n_pred += len(pred)
        exact, overlap, pairs = match_spans(art.toponyms, pred)
        tally.exact_tp += exact
        tally.overlap_tp += overlap
        for g, p in pairs:
            if g.lat is None or g.lon is None:
                continue
            if p.lat is None or p.lon is None or math.isnan(p.lat):
                tally.e2e_errors.append(MAX_KM)
            else:
                tally.e2e_errors.append(haversine_km(g.lat, g.lon, p.lat, p.lon))
    by_type = {t: error_summary(e) for t, e in sorted(tally.by_type.items(), key=lambda kv: -len(kv[1]))}
    extra = {
        "file": str(path),
        "format": detect_format(path),
        "articles": tally.articles,
        "gold_toponyms": tally.n_gold,
        "gold_with_coordinates": len(tally.errors),
        "predicted_toponyms": tally.n_pred,
        "resolution_by_gold_type": by_type,
    }
    return tally, extra


@register_suite("geo")
def run(args: EvalArgs) -> Report:
    from corridor.pipeline import Pipeline, PipelineConfig

    if args.data is not None:
        paths = [Path(args.data)]
        if not paths[0].is_file():
            raise EvalDataError(f"data not found: {paths[0]} (give an XML file in GeoWebNews or LGL format)")
    else:
        base = corpora_dir()
        paths = [base / rel for rel in DEFAULT_FILES]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise EvalDataError(f"data not found: {', '.join(missing)} (give --data FILE or set CORRIDOR_CORPORA)")
    pipeline = Pipeline(PipelineConfig(model=args.model, stages=("places",)))
    total = _Tally()
    per_label: dict[str, dict[str, float]] = {}
    extra: dict[str, Any] = {"accuracy_km": ACC_KM}
    names: Counter[str] = Counter()
    for path in paths:
        tally, info = _score_corpus(path, args, pipeline)
        name = path.stem
        names[name] += 1
        if names[name] > 1:
            name = f"{name}-{names[name]}"
        per_label[name] = tally.figures()
        extra[name] = info
        total.add(tally)
    return Report(suite="geo", n=total.articles, overall=total.figures(), per_label=per_label, extra=extra)
