"""Analytics over an event store: dyad timelines, actor and dyad rankings, actor networks, quotes.

Reads the ``events`` table (de-duplicated events; ``level="mentions"`` reads ``mentions`` instead) and the
``quotes`` table of a store; returns :class:`pyarrow.Table` results (``polars.from_arrow`` turns them into
polars frames) and writes actor networks as GraphML or GEXF files.

Every function takes the same filters: ``start`` / ``end`` (inclusive ISO dates or ``datetime.date``),
``country`` (events with the source or the target actor of that country; for quotes, the speaker's
country) and ``quad_class`` (one class 1-4 or several). Quad classes: 1 verbal cooperation, 2 material
cooperation, 3 verbal conflict, 4 material conflict; "cooperation" is 1+2 and "conflict" 3+4. Actor,
country and speaker codes are matched in upper case, as they are stored (``chn`` asks for ``CHN``).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.compute as pc

from corridor.model import QUOTE_ACTS
from corridor.store import open_store
from corridor.store.base import Store
from corridor.store.dedup import mode_sql

StoreLike = Store | str | Path
DateLike = str | dt.date | None
Level = Literal["events", "mentions"]
By = Literal["code", "country"]
Freq = Literal["day", "week", "month", "year"]

QUAD_COLUMNS: tuple[str, ...] = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")

_QUADS_SQL = ", ".join(
    f"count(*) FILTER (WHERE quad_class = {i}) AS {name}" for i, name in enumerate(QUAD_COLUMNS, start=1)
)
_SPLIT_SQL = (
    "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, "
    "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict"
)


def _store(store: StoreLike) -> Store:
    return store if isinstance(store, Store) else open_store(store, read_only=True)


def _table(level: Level) -> str:
    if level not in ("events", "mentions"):
        raise ValueError(f"level must be 'events' or 'mentions', not {level!r}")
    return level


def _cols(by: By) -> tuple[str, str]:
    if by == "code":
        return "source_code", "target_code"
    if by == "country":
        return "source_country", "target_country"
    raise ValueError(f"by must be 'code' or 'country', not {by!r}")


def _speaker_col(by: By) -> str:
    """The quotes table's speaker column for ``by`` (checked as :func:`_cols` checks it)."""
    _cols(by)
    return "speaker_code" if by == "code" else "speaker_country"


def _code(value: str) -> str:
    """An actor or country code as stored: codes are upper case, so ``chn`` asks for ``CHN``."""
    return value.strip().upper()


def _date(value: DateLike) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _filters(
    start: DateLike,
    end: DateLike,
    country: str | None,
    quad_class: int | Sequence[int] | None,
    country_cols: tuple[str, ...] = ("source_country", "target_country"),
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if start is not None:
        where.append("date >= ?")
        params.append(_date(start))
    if end is not None:
        where.append("date <= ?")
        params.append(_date(end))
    if country:
        where.append("(" + " OR ".join(f"{c} = ?" for c in country_cols) + ")")
        params.extend([_code(country)] * len(country_cols))
    if quad_class is not None:
        classes = [quad_class] if isinstance(quad_class, int) else list(quad_class)
        if not classes or any(q not in (1, 2, 3, 4) for q in classes):
            raise ValueError(f"quad_class must be 1-4, got {quad_class!r}")
        where.append(f"quad_class IN ({', '.join(str(int(q)) for q in classes)})")
    return where, params


def _sql_where(parts: list[str]) -> str:
    return ("WHERE " + " AND ".join(parts)) if parts else ""


# -- dyad timeline -----------------------------------------------------------------------------------


def _next_period(d: dt.date, freq: Freq) -> dt.date:
    if freq == "day":
        return d + dt.timedelta(days=1)
    if freq == "week":
        return d + dt.timedelta(days=7)
    if freq == "month":
        return dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return dt.date(d.year + 1, 1, 1)


def _period_start(d: dt.date, freq: Freq) -> dt.date:
    if freq == "day":
        return d
    if freq == "week":
        return d - dt.timedelta(days=d.weekday())
    if freq == "month":
        return d.replace(day=1)
    return dt.date(d.year, 1, 1)


def dyad_timeline(
    store: StoreLike,
    a: str,
    b: str,
    freq: Freq = "day",
    *,
    directed: bool = True,
    by: By = "code",
    start: DateLike = None,
    end: DateLike = None,
    country: str | None = None,
    quad_class: int | Sequence[int] | None = None,
    level: Level = "events",
    fill: bool = True,
) -> pa.Table:
    """Events of the dyad ``a`` -> ``b`` per period (``day``, ``week`` starting Monday, ``month``, ``year``).

    ``directed=False`` counts both directions. ``by="country"`` matches ``a`` and ``b`` against the actors'
    countries instead of their codes (both in upper case: ``chn`` is ``CHN``). Columns: ``period`` (first
    day), ``events``, ``mentions`` (sum of the events' mention counts), the four quad-class counts,
    ``cooperation``, ``conflict``, ``goldstein_sum``, ``goldstein_mean``. With ``fill`` the periods without
    events between the first and the last (or ``start`` and ``end`` when given) are rows of zeros.
    """
    if freq not in ("day", "week", "month", "year"):
        raise ValueError(f"freq must be day, week, month or year, not {freq!r}")
    table = _table(level)
    scol, tcol = _cols(by)
    a, b = _code(a), _code(b)
    where, params = _filters(start, end, country, quad_class)
    if directed:
        where.insert(0, f"{scol} = ? AND {tcol} = ?")
        params[0:0] = [a, b]
    else:
        where.insert(0, f"(({scol} = ? AND {tcol} = ?) OR ({scol} = ? AND {tcol} = ?))")
        params[0:0] = [a, b, b, a]
    where.append("date IS NOT NULL")
    mentions = "sum(mention_count)" if level == "events" else "count(*)"
    sql = f"""
        SELECT CAST(date_trunc('{freq}', date) AS DATE) AS period,
               count(*) AS events, CAST({mentions} AS BIGINT) AS mentions,
               {_QUADS_SQL}, {_SPLIT_SQL},
               coalesce(sum(goldstein), 0.0) AS goldstein_sum, avg(goldstein) AS goldstein_mean
        FROM {table} {_sql_where(where)}
        GROUP BY 1 ORDER BY 1"""
    result = _store(store).query(sql, params)
    if not fill:
        return result
    return _fill_periods(result, freq, _date(start), _date(end))


def _fill_periods(result: pa.Table, freq: Freq, start: dt.date | None, end: dt.date | None) -> pa.Table:
    rows = {r["period"]: r for r in result.to_pylist()}
    if not rows and (start is None or end is None):
        return result
    first = _period_start(start, freq) if start else min(rows)
    last = _period_start(end, freq) if end else max(rows)
    out: list[dict[str, Any]] = []
    p = first
    while p <= last:
        row = rows.get(p)
        if row is None:
            row = {name: 0 for name in result.column_names}
            row.update(period=p, goldstein_sum=0.0, goldstein_mean=None)
        out.append(row)
        p = _next_period(p, freq)
    return pa.Table.from_pylist(out, schema=result.schema)


# -- rankings ----------------------------------------------------------------------------------------


def actor_ranking(
    store: StoreLike,
    top: int | None = 10,
    *,
    by: By = "code",
    start: DateLike = None,
    end: DateLike = None,
    country: str | None = None,
    quad_class: int | Sequence[int] | None = None,
    level: Level = "events",
) -> pa.Table:
    """Actors ranked by the events they take part in (as source or target; an event of an actor with
    itself counts once). Columns: ``actor``, ``events``, ``as_source``, ``as_target``, ``cooperation``,
    ``conflict``, the four quad-class counts, ``goldstein_mean``; ties are ordered by actor."""
    table = _table(level)
    scol, tcol = _cols(by)
    where, params = _filters(start, end, country, quad_class)
    limit = f"LIMIT {int(top)}" if top else ""
    quads = ", ".join(
        f"count(*) FILTER (WHERE quad_class = {i} AND n = 1) AS {name}" for i, name in enumerate(QUAD_COLUMNS, start=1)
    )
    sql = f"""
        WITH f AS (SELECT {scol} AS s, {tcol} AS t, quad_class, goldstein FROM {table} {_sql_where(where)}),
        sides AS (
            SELECT s AS actor, 1 AS src, 0 AS tgt, 1 AS n, quad_class, goldstein FROM f WHERE s IS NOT NULL
            UNION ALL
            SELECT t, 0, 1, CASE WHEN s IS NOT DISTINCT FROM t THEN 0 ELSE 1 END, quad_class, goldstein
            FROM f WHERE t IS NOT NULL
        )
        SELECT actor, CAST(sum(n) AS BIGINT) AS events, CAST(sum(src) AS BIGINT) AS as_source,
               CAST(sum(tgt) AS BIGINT) AS as_target,
               count(*) FILTER (WHERE quad_class IN (1, 2) AND n = 1) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4) AND n = 1) AS conflict,
               {quads},
               avg(goldstein) FILTER (WHERE n = 1) AS goldstein_mean
        FROM sides GROUP BY actor ORDER BY events DESC, actor {limit}"""
    return _store(store).query(sql, params)


def dyad_ranking(
    store: StoreLike,
    top: int | None = 10,
    *,
    directed: bool = True,
    by: By = "code",
    start: DateLike = None,
    end: DateLike = None,
    country: str | None = None,
    quad_class: int | Sequence[int] | None = None,
    level: Level = "events",
) -> pa.Table:
    """Dyads ranked by events. Columns: ``source``, ``target``, ``events``, ``cooperation``, ``conflict``,
    the four quad-class counts, ``goldstein_sum``, ``goldstein_mean``. Undirected (``directed=False``)
    dyads put the smaller code in ``source``. Events missing either actor are left out."""
    table = _table(level)
    scol, tcol = _cols(by)
    where, params = _filters(start, end, country, quad_class)
    where.append(f"{scol} IS NOT NULL AND {tcol} IS NOT NULL")
    if directed:
        pair = f"{scol} AS source, {tcol} AS target"
    else:
        pair = f"least({scol}, {tcol}) AS source, greatest({scol}, {tcol}) AS target"
    limit = f"LIMIT {int(top)}" if top else ""
    sql = f"""
        SELECT {pair}, count(*) AS events, {_SPLIT_SQL}, {_QUADS_SQL},
               coalesce(sum(goldstein), 0.0) AS goldstein_sum, avg(goldstein) AS goldstein_mean
        FROM {table} {_sql_where(where)}
        GROUP BY 1, 2 ORDER BY events DESC, source, target {limit}"""
    return _store(store).query(sql, params)


# -- networks ----------------------------------------------------------------------------------------


def actor_network(
    store: StoreLike,
    *,
    by: By = "code",
    min_events: int = 1,
    start: DateLike = None,
    end: DateLike = None,
    country: str | None = None,
    quad_class: int | Sequence[int] | None = None,
    level: Level = "events",
) -> pa.Table:
    """The directed actor network as an edge table (one row per source -> target pair with at least
    ``min_events`` events): ``source``, ``target``, ``events``, ``cooperation``, ``conflict``, the four
    quad-class counts, ``goldstein_sum``, ``goldstein_mean``. Write it with :func:`write_graphml` or
    :func:`write_gexf`."""
    edges = dyad_ranking(
        store,
        None,
        directed=True,
        by=by,
        start=start,
        end=end,
        country=country,
        quad_class=quad_class,
        level=level,
    )
    if min_events > 1:
        edges = edges.filter(pc.greater_equal(edges.column("events"), min_events))
    return edges.sort_by([("source", "ascending"), ("target", "ascending")])


_EDGE_ATTRS: tuple[tuple[str, str], ...] = (
    ("events", "int"),
    ("cooperation", "int"),
    ("conflict", "int"),
    ("verbal_coop", "int"),
    ("material_coop", "int"),
    ("verbal_conflict", "int"),
    ("material_conflict", "int"),
    ("goldstein_sum", "double"),
    ("goldstein_mean", "double"),
)
_NODE_ATTRS: tuple[tuple[str, str], ...] = (("events", "int"), ("cooperation", "int"), ("conflict", "int"))


def network_nodes(edges: pa.Table) -> list[dict[str, Any]]:
    """Nodes of an edge table: ``id`` and the events, cooperation and conflict of their edges (a self-loop
    counts once), sorted by id."""
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges.to_pylist():
        ends = {e["source"], e["target"]}
        for n in ends:
            node = nodes.setdefault(n, {"id": n, "events": 0, "cooperation": 0, "conflict": 0})
            for k in ("events", "cooperation", "conflict"):
                node[k] += int(e[k])
    return [nodes[k] for k in sorted(nodes)]


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return repr(round(value, 6))
    return str(value)


def write_graphml(edges: pa.Table, path: str | Path) -> Path:
    """Write an edge table (from :func:`actor_network`) as a directed GraphML graph; edge weight = events."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    for name, typ in _NODE_ATTRS:
        ET.SubElement(root, f"{{{ns}}}key", id=f"n_{name}", attrib={"for": "node", "attr.name": name, "attr.type": typ})
    ET.SubElement(
        root, f"{{{ns}}}key", id="e_weight", attrib={"for": "edge", "attr.name": "weight", "attr.type": "double"}
    )
    for name, typ in _EDGE_ATTRS:
        ET.SubElement(root, f"{{{ns}}}key", id=f"e_{name}", attrib={"for": "edge", "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, f"{{{ns}}}graph", id="actors", edgedefault="directed")
    for node in network_nodes(edges):
        el = ET.SubElement(graph, f"{{{ns}}}node", id=node["id"])
        for name, _ in _NODE_ATTRS:
            ET.SubElement(el, f"{{{ns}}}data", key=f"n_{name}").text = _fmt(node[name])
    for i, e in enumerate(edges.to_pylist()):
        el = ET.SubElement(graph, f"{{{ns}}}edge", id=f"e{i}", source=e["source"], target=e["target"])
        ET.SubElement(el, f"{{{ns}}}data", key="e_weight").text = _fmt(float(e["events"]))
        for name, _ in _EDGE_ATTRS:
            if e.get(name) is not None:
                ET.SubElement(el, f"{{{ns}}}data", key=f"e_{name}").text = _fmt(e[name])
    out = Path(path)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return out


def write_gexf(edges: pa.Table, path: str | Path) -> Path:
    """Write an edge table (from :func:`actor_network`) as a directed GEXF 1.3 graph; edge weight = events."""
    ns = "http://gexf.net/1.3"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}gexf", version="1.3")
    graph = ET.SubElement(root, f"{{{ns}}}graph", defaultedgetype="directed", mode="static")
    nattrs = ET.SubElement(graph, f"{{{ns}}}attributes", attrib={"class": "node"})
    for i, (name, typ) in enumerate(_NODE_ATTRS):
        ET.SubElement(nattrs, f"{{{ns}}}attribute", id=str(i), title=name, type="integer" if typ == "int" else typ)
    eattrs = ET.SubElement(graph, f"{{{ns}}}attributes", attrib={"class": "edge"})
    for i, (name, typ) in enumerate(_EDGE_ATTRS):
        ET.SubElement(eattrs, f"{{{ns}}}attribute", id=str(i), title=name, type="integer" if typ == "int" else typ)
    nodes_el = ET.SubElement(graph, f"{{{ns}}}nodes")
    for node in network_nodes(edges):
        el = ET.SubElement(nodes_el, f"{{{ns}}}node", id=node["id"], label=node["id"])
        vals = ET.SubElement(el, f"{{{ns}}}attvalues")
        for i, (name, _) in enumerate(_NODE_ATTRS):
            ET.SubElement(vals, f"{{{ns}}}attvalue", attrib={"for": str(i), "value": _fmt(node[name])})
    edges_el = ET.SubElement(graph, f"{{{ns}}}edges")
    for k, e in enumerate(edges.to_pylist()):
        el = ET.SubElement(
            edges_el,
            f"{{{ns}}}edge",
            id=str(k),
            source=e["source"],
            target=e["target"],
            weight=_fmt(float(e["events"])),
        )
        vals = ET.SubElement(el, f"{{{ns}}}attvalues")
        for i, (name, _) in enumerate(_EDGE_ATTRS):
            if e.get(name) is not None:
                ET.SubElement(vals, f"{{{ns}}}attvalue", attrib={"for": str(i), "value": _fmt(e[name])})
    out = Path(path)
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return out


# -- quotes ------------------------------------------------------------------------------------------


def quotes_by_speaker(
    store: StoreLike,
    top: int | None = 10,
    *,
    by: By = "code",
    start: DateLike = None,
    end: DateLike = None,
    country: str | None = None,
    min_confidence: float | None = None,
    acts: Sequence[str] | None = None,
) -> pa.Table:
    """Speakers ranked by quotes. Columns: ``speaker``, ``speaker_name`` (most frequent name or text),
    ``quotes``, ``articles``, ``direct``, ``indirect``, ``mixed``, ``first_date``, ``last_date``.
    Quotes without a coded speaker, below ``min_confidence`` or of another act than ``acts`` (see
    ``Quote.act``) are left out."""
    col = _speaker_col(by)
    where, params = _filters(start, end, country, None, country_cols=("speaker_country",))
    where.append(f"{col} IS NOT NULL")
    _confidence_filter(where, params, min_confidence)
    _act_filter(where, params, acts)
    limit = f"LIMIT {int(top)}" if top else ""
    st = _store(store)
    sql = f"""
        SELECT {col} AS speaker, {mode_sql("coalesce(speaker_name, speaker_text)", st.dialect)} AS speaker_name,
               count(*) AS quotes, count(DISTINCT doc_id) AS articles,
               count(*) FILTER (WHERE kind = 'direct') AS direct,
               count(*) FILTER (WHERE kind = 'indirect') AS indirect,
               count(*) FILTER (WHERE kind = 'mixed') AS mixed,
               min(date) AS first_date, max(date) AS last_date
        FROM quotes {_sql_where(where)}
        GROUP BY 1 ORDER BY quotes DESC, speaker {limit}"""
    return st.query(sql, params)


def quotes_of(
    store: StoreLike,
    speaker: str | None,
    *,
    by: By = "code",
    start: DateLike = None,
    end: DateLike = None,
    limit: int | None = 100,
    min_confidence: float | None = None,
    acts: Sequence[str] | None = None,
) -> pa.Table:
    """The quotes of one speaker (by code or country; None: everyone's), newest first: ``date``,
    ``doc_id``, ``kind``, ``act``, ``text``, ``speaker_code``, ``speaker_name``, ``cue_text``,
    ``addressee_code``, ``confidence``; those below ``min_confidence`` or of another act than ``acts`` left
    out."""
    col = _speaker_col(by)
    where, params = _filters(start, end, None, None)
    if speaker is not None:
        where.insert(0, f"{col} = ?")
        params.insert(0, _code(speaker))
    _confidence_filter(where, params, min_confidence)
    _act_filter(where, params, acts)
    lim = f"LIMIT {int(limit)}" if limit else ""
    sql = f"""
        SELECT date, doc_id, kind, act, text, speaker_code, coalesce(speaker_name, speaker_text) AS speaker_name,
               cue_text, addressee_code, confidence
        FROM quotes {_sql_where(where)} ORDER BY date DESC NULLS LAST, doc_id, idx {lim}"""
    return _store(store).query(sql, params)


def _act_filter(where: list[str], params: list[Any], acts: Sequence[str] | None) -> None:
    """Keep the quotes of ``acts`` (``Quote.act``: statement, belief, intention, finding, impression); rows
    loaded before the store had the column (act NULL) count as statements."""
    if not acts:
        return
    wanted = [a.strip().lower() for a in acts if a.strip()]
    unknown = [a for a in wanted if a not in QUOTE_ACTS]
    if unknown:
        raise ValueError(f"unknown quote act {unknown[0]!r}; choose from {', '.join(QUOTE_ACTS)}")
    where.append(f"coalesce(act, 'statement') IN ({', '.join('?' for _ in wanted)})")
    params.extend(wanted)


def _confidence_filter(where: list[str], params: list[Any], min_confidence: float | None) -> None:
    """Keep the quotes at or above ``min_confidence`` (0-1; ``Quote.confidence``)."""
    if min_confidence is None:
        return
    if not 0.0 <= float(min_confidence) <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, got {min_confidence!r}")
    where.append("confidence >= ?")
    params.append(float(min_confidence))
