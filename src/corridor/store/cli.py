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

from corridor.store import StoreError, analytics, open_store
from corridor.store.rows import read_jsonl_lines

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


def _at_least(option: str, value: int | None, low: int = 1) -> None:
    """Fail with a one-line usage error (exit 2) when a numeric option is below ``low``."""
    if value is not None and value < low:
        raise _fail(ValueError(f"{option} must be at least {low}, got {value}"))


def _dates(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """The ``--start`` and ``--end`` dates, or a one-line error naming the option (exit 2)."""
    out: list[dt.date | None] = []
    for option, value in (("--start", start), ("--end", end)):
        if value is None:
            out.append(None)
            continue
        try:
            out.append(dt.date.fromisoformat(value.strip()[:10]))
        except ValueError as exc:
            raise _fail(ValueError(f"{option}: {value!r} is not a date YYYY-MM-DD ({exc})")) from None
    if out[0] and out[1] and out[0] > out[1]:
        raise _fail(ValueError(f"--start {out[0]} is after --end {out[1]}"))
    return out[0], out[1]


def _code(value: str | None) -> str | None:
    """An actor or country code as stored (codes are upper case: ``chn`` means ``CHN``)."""
    return value.strip().upper() if value else value


Check = tuple[str, str, tuple[str, ...], str | None, str]  # label, table, columns, code, listing command


def _actor_checks(codes: list[str], by: By, level: Level) -> list[Check]:
    """Checks of actor codes (countries with ``--by country``) against the event table of ``level``."""
    if by == By.country:
        return [("country", level.value, ("source_country", "target_country"), c, "actors --by country") for c in codes]
    return [("actor", level.value, ("source_code", "target_code"), c, "actors") for c in codes]


def _country_checks(country: str | None, level: Level) -> list[Check]:
    """The check of a ``--country`` filter against the event table of ``level``."""
    return [("country", level.value, ("source_country", "target_country"), country, "actors --by country")]


def _hint_unknown(store: Any, checks: list[Check]) -> None:
    """After an empty result, say on stderr which given codes match nothing in the store at all (a typo, a
    code from another dictionary): ``no events with actor XXXYYY in this store; ...``. Exit status stays 0."""
    for label, table, cols, code, listing in checks:
        if not code:
            continue
        where = " OR ".join(f"{c} = ?" for c in cols)
        try:
            found = store.query(f"SELECT 1 AS x FROM {table} WHERE {where} LIMIT 1", [code] * len(cols)).num_rows
        except (StoreError, ValueError):
            return
        if not found:
            typer.echo(
                f"note: no {table} with {label} {code} in this store; `corridor query {listing}` lists the codes",
                err=True,
            )


def load_cmd(
    files: Annotated[list[Path], typer.Argument(help="Coded-article JSONL files ('-' for stdin).")],
    db: DbOption,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Articles per batch (stdin only).")] = 5000,
    timeout: TimeoutOption = 30.0,
) -> None:
    """Load coded articles into an event store (one transaction per file; re-loading replaces)."""
    _at_least("--batch-size", batch_size)
    for f in files:
        if str(f) != "-" and not f.is_file():
            raise _fail(ValueError(f"{f}: {'is a directory' if f.is_dir() else 'no such file'}"))
    try:
        store = open_store(db, timeout=timeout)
        for f in files:
            if str(f) == "-":
                stats = store.load(read_jsonl_lines(sys.stdin.buffer, "<stdin>"), batch_size=batch_size)
            else:
                stats = store.load_jsonl(f)
            typer.echo(f"{f}: {load_summary(stats)}", err=True)
    except (StoreError, ValueError, OSError) as exc:
        raise _fail(exc) from None


def load_summary(stats: Any) -> str:
    """The one-line report of a load: ``7 articles (0 replaced, 3 duplicates of a later record skipped), ...``.

    Duplicates are records of the input that a later record of the same load replaced (same ``doc_id``, or
    the same text under another id: ``LoadStats.superseded``); only the last copy is stored.
    """
    dups = f", {stats.superseded} duplicates of a later record skipped" if stats.superseded else ""
    return (
        f"{stats.articles} articles ({stats.replaced} replaced{dups}), {stats.mentions} mentions, "
        f"{stats.events} events in store, {stats.seconds:.2f} s"
    )


def _quad_list(quad: list[int] | None) -> list[int] | None:
    """The ``--quad`` classes, or a one-line error (exit 2) for one outside 1-4."""
    for q in quad or ():
        if q not in (1, 2, 3, 4):
            raise _fail(ValueError(f"--quad must be 1, 2, 3 or 4, got {q}"))
    return _quads(quad)


def _no_events(t: pa.Table) -> bool:
    return t.num_rows == 0 or not any(t.column("events").to_pylist())


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
    first, last = _dates(start, end)
    quads = _quad_list(quad)
    try:
        store = open_store(db, read_only=True)
        t = analytics.dyad_timeline(
            store,
            a,
            b,
            freq.value,
            directed=not undirected,
            by=by.value,
            start=first,
            end=last,
            country=country,
            quad_class=quads,
            level=level.value,
        )
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from None
    emit(t, fmt)
    if _no_events(t):
        codes = list(dict.fromkeys(c for c in (_code(a), _code(b)) if c))
        _hint_unknown(store, _actor_checks(codes, by, level) + _country_checks(_code(country), level))


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
    _at_least("--top", top)
    first, last = _dates(start, end)
    quads = _quad_list(quad)
    try:
        store = open_store(db, read_only=True)
        t = analytics.actor_ranking(
            store,
            top,
            by=by.value,
            start=first,
            end=last,
            country=country,
            quad_class=quads,
            level=level.value,
        )
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from None
    emit(t, fmt)
    if t.num_rows == 0:
        _hint_unknown(store, _country_checks(_code(country), level))


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
    _at_least("--top", top)
    first, last = _dates(start, end)
    quads = _quad_list(quad)
    try:
        store = open_store(db, read_only=True)
        t = analytics.dyad_ranking(
            store,
            top,
            directed=not undirected,
            by=by.value,
            start=first,
            end=last,
            country=country,
            quad_class=quads,
            level=level.value,
        )
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from None
    emit(t, fmt)
    if t.num_rows == 0:
        _hint_unknown(store, _country_checks(_code(country), level))


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
    _at_least("--min-events", min_events)
    first, last = _dates(start, end)
    quads = _quad_list(quad)
    try:
        store = open_store(db, read_only=True)
        edges = analytics.actor_network(
            store,
            by=by.value,
            min_events=min_events,
            start=first,
            end=last,
            country=country,
            quad_class=quads,
            level=level.value,
        )
        if graphml:
            analytics.write_graphml(edges, graphml)
        if gexf:
            analytics.write_gexf(edges, gexf)
    except (StoreError, ValueError, OSError) as exc:
        raise _fail(exc) from None
    if graphml or gexf:
        typer.echo(f"{edges.num_rows} edges, {len(analytics.network_nodes(edges))} nodes", err=True)
    else:
        emit(edges, fmt)
    if edges.num_rows == 0:
        _hint_unknown(store, _country_checks(_code(country), level))


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
        typer.Option("--min-confidence", help="Only quotes at or above this confidence (0-1)."),
    ] = None,
    act: Annotated[
        str | None,
        typer.Option(
            "--act",
            help="Only quotes reporting these acts, comma-separated: statement, belief, intention, finding,"
            " impression (docs/quotes.md).",
        ),
    ] = None,
    fmt: FmtOption = Fmt.table,
) -> None:
    """Speakers ranked by quotes, or one speaker's quotes."""
    _at_least("--top", top)
    first, last = _dates(start, end)
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise _fail(ValueError(f"--min-confidence must be between 0 and 1, got {min_confidence:g}"))
    acts = act.split(",") if act else None
    try:
        store = open_store(db, read_only=True)
        if speaker:
            t = analytics.quotes_of(
                store,
                speaker,
                by=by.value,
                start=first,
                end=last,
                limit=top,
                min_confidence=min_confidence,
                acts=acts,
            )
        else:
            t = analytics.quotes_by_speaker(
                store,
                top,
                by=by.value,
                start=first,
                end=last,
                country=country,
                min_confidence=min_confidence,
                acts=acts,
            )
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from None
    emit(t, fmt)
    if t.num_rows == 0:
        col, listing = ("speaker_code", "quotes") if by == By.code else ("speaker_country", "quotes --by country")
        if speaker:
            _hint_unknown(store, [("speaker", "quotes", (col,), _code(speaker), listing)])
        else:
            country_check = ("speaker country", "quotes", ("speaker_country",), _code(country), "quotes --by country")
            _hint_unknown(store, [country_check])


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
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from None
    emit(pa.table({"table": list(counts), "rows": list(counts.values())}), fmt)


@query_app.command("export")
def export_cmd(
    directory: Annotated[Path, typer.Argument(help="Output folder (one sub-folder per table).")],
    db: DbOption,
) -> None:
    """Export every table as Parquet, partitioned by year and month."""
    if directory.exists() and not directory.is_dir():
        raise _fail(ValueError(f"{directory} is a file; give a folder to export to"))
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
        store = open_store(db, timeout=timeout)
        asked = list(dict.fromkeys(doc_ids))
        marks = ", ".join("?" for _ in asked)
        stored = set(store.query(f"SELECT doc_id FROM articles WHERE doc_id IN ({marks})", asked).column(0).to_pylist())
        n = store.delete(asked)
    except (StoreError, ValueError) as exc:
        raise _fail(exc) from None
    missing = [d for d in asked if d not in stored]
    note = f"; not in the store: {', '.join(missing)}" if missing else ""
    typer.echo(f"removed {n} articles{note}", err=True)


def main() -> None:  # pragma: no cover - for ``python -m corridor.store.cli``
    app = typer.Typer(no_args_is_help=True)
    app.command("load")(load_cmd)
    app.add_typer(query_app, name="query")
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
