"""Command-line front of the event store: ``corridor load`` and the ``corridor query`` sub-commands.

Reads coded-article JSONL files and event stores; writes to the store (``load``), to stdout (query results
as an aligned table, CSV or JSON lines) and to files (networks, Parquet exports). The main CLI mounts
:data:`query_app` as ``corridor query`` and :func:`load_cmd` as ``corridor load``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import pyarrow as pa
import typer

from corridor.store import StoreError, analytics, open_store, read_jsonl

query_app = typer.Typer(help="Query an event store (timelines, rankings, networks, quotes, SQL).", no_args_is_help=True)

DbOption = Annotated[str, typer.Option("--db", help="Event store: a DuckDB file, or a postgresql:// URL.")]
StartOption = Annotated[str | None, typer.Option("--start", help="First date (YYYY-MM-DD), inclusive.")]
EndOption = Annotated[str | None, typer.Option("--end", help="Last date (YYYY-MM-DD), inclusive.")]
CountryOption = Annotated[
    str | None, typer.Option("--country", help="Only events with a source or target of this country.")
]
QuadOption = Annotated[list[int] | None, typer.Option("--quad", help="Only this quad class (1-4); repeatable.")]
TimeoutOption = Annotated[float, typer.Option("--timeout", help="Seconds to wait for another process's lock.")]


class Fmt(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


FmtOption = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


class Level(StrEnum):
    events = "events"
    mentions = "mentions"


LevelOption = Annotated[Level, typer.Option("--level", help="De-duplicated events or raw mentions.")]


class By(StrEnum):
    code = "code"
    country = "country"


ByOption = Annotated[By, typer.Option("--by", help="Aggregate actors by full code or by country.")]


class Freq(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3f}"
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def emit(table: pa.Table, fmt: Fmt = Fmt.table, out: Any = None) -> None:
    """Print an Arrow table as an aligned text table, CSV or JSON lines."""
    out = out or sys.stdout
    rows = table.to_pylist()
    names = table.column_names
    if fmt == Fmt.json:
        for r in rows:
            out.write(json.dumps(r, default=_cell, ensure_ascii=False) + "\n")
        return
    if fmt == Fmt.csv:
        w = csv.writer(out)
        w.writerow(names)
        for r in rows:
            w.writerow([_cell(r[n]) for n in names])
        return
    cells = [[_cell(r[n]) for n in names] for r in rows]
    widths = [max([len(n)] + [len(c[i]) for c in cells]) for i, n in enumerate(names)]
    out.write("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip() + "\n")
    for c in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)).rstrip() + "\n")


def _fail(exc: Exception) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(2)


def _quads(quad: list[int] | None) -> list[int] | None:
    return list(quad) if quad else None


def load_cmd(
    files: Annotated[list[Path], typer.Argument(help="Coded-article JSONL files ('-' for stdin).")],
    db: DbOption,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Articles per batch (stdin only).")] = 5000,
    timeout: TimeoutOption = 30.0,
) -> None:
    """Load coded articles into an event store (one transaction per file; re-loading replaces)."""
    try:
        store = open_store(db, timeout=timeout)
        for f in files:
            if str(f) == "-":
                stats = store.load(read_jsonl("/dev/stdin"), batch_size=batch_size)
            else:
                stats = store.load_jsonl(f)
            typer.echo(
                f"{f}: {stats.articles} articles ({stats.replaced} replaced), {stats.mentions} mentions, "
                f"{stats.events} events in store, {stats.seconds:.2f} s",
                err=True,
            )
    except (StoreError, ValueError, OSError) as exc:
        raise _fail(exc) from exc


@query_app.command("timeline")
def timeline_cmd(
    a: Annotated[str, typer.Argument(help="Source actor code (or country with --by country).")],
    b: Annotated[str, typer.Argument(help="Target actor code (or country).")],
    db: DbOption,
    freq: Annotated[Freq, typer.Option("--freq", help="Period length.")] = Freq.day,
    undirected: Annotated[bool, typer.Option("--undirected", help="Count both directions.")] = False,
    by: ByOption = By.code,
    start: StartOption = None,
    end: EndOption = None,
    country: CountryOption = None,
    quad: QuadOption = None,
    level: LevelOption = Level.events,
    fmt: FmtOption = Fmt.table,
) -> None:
    """Events of a dyad per day, week, month or year."""
    try:
        t = analytics.dyad_timeline(
            open_store(db, read_only=True),
            a,
            b,
            freq.value,
            directed=not undirected,
            by=by.value,
            start=start,
            end=end,
            country=country,
            quad_class=_quads(quad),
            level=level.value,
        )
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from exc
    emit(t, fmt)


@query_app.command("actors")
def actors_cmd(
    db: DbOption,
    top: Annotated[int, typer.Option("--top", help="How many actors.")] = 20,
    by: ByOption = By.code,
    start: StartOption = None,
    end: EndOption = None,
    country: CountryOption = None,
    quad: QuadOption = None,
    level: LevelOption = Level.events,
    fmt: FmtOption = Fmt.table,
) -> None:
    """Top actors by events, with the cooperation/conflict split."""
    try:
        t = analytics.actor_ranking(
            open_store(db, read_only=True),
            top,
            by=by.value,
            start=start,
            end=end,
            country=country,
            quad_class=_quads(quad),
            level=level.value,
        )
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from exc
    emit(t, fmt)


@query_app.command("dyads")
def dyads_cmd(
    db: DbOption,
    top: Annotated[int, typer.Option("--top", help="How many dyads.")] = 20,
    undirected: Annotated[bool, typer.Option("--undirected", help="Merge both directions.")] = False,
    by: ByOption = By.code,
    start: StartOption = None,
    end: EndOption = None,
    country: CountryOption = None,
    quad: QuadOption = None,
    level: LevelOption = Level.events,
    fmt: FmtOption = Fmt.table,
) -> None:
    """Top dyads by events, with the cooperation/conflict split."""
    try:
        t = analytics.dyad_ranking(
            open_store(db, read_only=True),
            top,
            directed=not undirected,
            by=by.value,
            start=start,
            end=end,
            country=country,
            quad_class=_quads(quad),
            level=level.value,
        )
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from exc
    emit(t, fmt)


@query_app.command("network")
def network_cmd(
    db: DbOption,
    graphml: Annotated[Path | None, typer.Option("--graphml", help="Write the network as GraphML.")] = None,
    gexf: Annotated[Path | None, typer.Option("--gexf", help="Write the network as GEXF.")] = None,
    min_events: Annotated[int, typer.Option("--min-events", help="Drop edges with fewer events.")] = 1,
    by: ByOption = By.code,
    start: StartOption = None,
    end: EndOption = None,
    country: CountryOption = None,
    quad: QuadOption = None,
    level: LevelOption = Level.events,
    fmt: FmtOption = Fmt.table,
) -> None:
    """The actor network: edges weighted by events, cooperation and conflict (or --graphml/--gexf files)."""
    try:
        edges = analytics.actor_network(
            open_store(db, read_only=True),
            by=by.value,
            min_events=min_events,
            start=start,
            end=end,
            country=country,
            quad_class=_quads(quad),
            level=level.value,
        )
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from exc
    if graphml:
        analytics.write_graphml(edges, graphml)
    if gexf:
        analytics.write_gexf(edges, gexf)
    if graphml or gexf:
        typer.echo(f"{edges.num_rows} edges, {len(analytics.network_nodes(edges))} nodes", err=True)
    else:
        emit(edges, fmt)


@query_app.command("quotes")
def quotes_cmd(
    db: DbOption,
    speaker: Annotated[str | None, typer.Option("--speaker", help="List this speaker's quotes.")] = None,
    top: Annotated[int, typer.Option("--top", help="How many speakers (or quotes with --speaker).")] = 20,
    by: ByOption = By.code,
    start: StartOption = None,
    end: EndOption = None,
    country: CountryOption = None,
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", min=0.0, max=1.0, help="Only quotes at or above this confidence (0-1)."),
    ] = None,
    fmt: FmtOption = Fmt.table,
) -> None:
    """Speakers ranked by quotes, or one speaker's quotes."""
    try:
        store = open_store(db, read_only=True)
        if speaker:
            t = analytics.quotes_of(
                store, speaker, by=by.value, start=start, end=end, limit=top, min_confidence=min_confidence
            )
        else:
            t = analytics.quotes_by_speaker(
                store,
                top,
                by=by.value,
                start=start,
                end=end,
                country=country,
                min_confidence=min_confidence,
            )
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from exc
    emit(t, fmt)


@query_app.command("sql")
def sql_cmd(
    sql: Annotated[str, typer.Argument(help="A read-only SQL query.")],
    db: DbOption,
    fmt: FmtOption = Fmt.table,
) -> None:
    """Run a SQL query against the store (read-only)."""
    try:
        t = open_store(db, read_only=True).query(sql)
    except Exception as exc:
        raise _fail(exc) from exc
    emit(t, fmt)


@query_app.command("stats")
def stats_cmd(db: DbOption, fmt: FmtOption = Fmt.table) -> None:
    """Row counts of the store's tables and its schema version."""
    try:
        store = open_store(db, read_only=True)
        counts = store.counts()
        counts["schema_version"] = store.schema_version()
    except StoreError as exc:
        raise _fail(exc) from exc
    emit(pa.table({"table": list(counts), "rows": list(counts.values())}), fmt)


@query_app.command("export")
def export_cmd(
    directory: Annotated[Path, typer.Argument(help="Output folder (one sub-folder per table).")],
    db: DbOption,
) -> None:
    """Export every table as Parquet, partitioned by year and month."""
    try:
        counts = open_store(db, read_only=True).export_parquet(directory)
    except (StoreError, OSError) as exc:
        raise _fail(exc) from exc
    for t, n in counts.items():
        typer.echo(f"{t}: {n} rows", err=True)


@query_app.command("delete")
def delete_cmd(
    doc_ids: Annotated[list[str], typer.Argument(help="doc_id of each article to remove.")],
    db: DbOption,
    timeout: TimeoutOption = 30.0,
) -> None:
    """Remove articles (and their mentions, quotes, ...) from the store and refold events."""
    try:
        n = open_store(db, timeout=timeout).delete(doc_ids)
    except StoreError as exc:
        raise _fail(exc) from exc
    typer.echo(f"removed {n} articles", err=True)


def main() -> None:  # pragma: no cover - for ``python -m corridor.store.cli``
    app = typer.Typer(no_args_is_help=True)
    app.command("load")(load_cmd)
    app.add_typer(query_app, name="query")
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
