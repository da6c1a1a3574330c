"""The ``corridor`` command line: a thin layer over the library API.

Commands: ``code`` (articles to events), ``demo`` (the bundled example), ``eval`` (scorers), ``dict check``
(PETRARCH dictionaries), plus the store, server and classifier commands when those parts are installed.
Errors that come from the user's input are printed as one clear line, never as a traceback.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from corridor import __version__
from corridor.eval.base import suites
from corridor.io.readers import DEFAULT_MAX_CHARS, InputError, Reader, Reject
from corridor.io.writers import FORMATS, Writer, format_for
from corridor.model import Article, CodedArticle
from corridor.pipeline import DEFAULT_STAGE_TIME_LIMIT, ModelNotFoundError

err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``error: message`` (one line, on stderr) and return the exit to raise (2: a usage error)."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


# The exceptions Click (or Typer's own copy of it, in recent Typer) raises on a bad command line.
_click_exceptions: Any = importlib.import_module(typer.BadParameter.__module__)
INVALID_VALUE = re.compile(r"Invalid value for (?P<hint>'[^']*'(?: / '[^']*')*|[^:]+): (?P<message>.*)", re.DOTALL)


def usage_error_message(exc: Exception) -> str:
    """A Click usage error as one line: the option, the bad value and what it should be for a bad value
    ("--by: 'nope' is not one of 'code', 'country'"); Click's message and where to find help otherwise
    ("no such option: --nope (see 'corridor code --help')")."""
    text = " ".join(str(exc.format_message()).split()) if hasattr(exc, "format_message") else str(exc)
    bad_value = isinstance(exc, typer.BadParameter) and not isinstance(exc, _click_exceptions.MissingParameter)
    m = INVALID_VALUE.fullmatch(text)
    if m:
        message = _lower_first(m.group("message").removeprefix("Value error, "))  # pydantic's, in recent Typer
        hint = m.group("hint").replace("'", "")
        value = _bad_value(exc)
        if value is not None and repr(value) not in message:
            plain = isinstance(value, str) and value and not any(c.isspace() for c in value)
            hint += f" {value if plain else repr(value)}"
        text = f"{hint}: {message}"
    text = _lower_first(text.rstrip("."))
    choices = _choices(getattr(exc, "param", None))
    if bad_value and choices and not all(c in text for c in choices):
        text += f" (choose {', '.join(choices)})"
    ctx = getattr(exc, "ctx", None)
    if not bad_value and ctx is not None:
        text += f" (see '{ctx.command_path} --help')"
    return text


def _lower_first(text: str) -> str:
    """Lower-case a first word ("Missing argument" -> "missing argument"), leaving "CAMEO ..." as it is."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[0].isupper() and text[1].islower() else text


def _bad_value(exc: Exception) -> Any:
    """The value a bad parameter was given, where the error carries it (recent Typer validates values with
    pydantic, whose error keeps the input); None otherwise."""
    errors = getattr(exc.__cause__, "errors", None)
    try:
        return errors()[0].get("input") if callable(errors) else None
    except (IndexError, TypeError, AttributeError):
        return None


def _choices(param: Any) -> list[str]:
    """The values a choice option (an Enum, a Literal or a click.Choice) allows; [] for another one."""
    found = getattr(getattr(param, "type_descriptor", None), "choices", None)  # recent Typer
    if not found:
        found = getattr(getattr(param, "type", None), "choices", None)  # Click's Choice
    return [str(getattr(c, "value", c)) for c in found or ()]


@contextmanager
def one_line_usage_errors() -> Iterator[None]:
    """Turn a usage error (a bad option value, an unknown option or command, a missing argument) into one
    line ``error: ...`` on stderr and exit 2, as the CLI's own checks report theirs, instead of Typer's usage
    box. A bare command that shows its help (``no_args_is_help``) is left to Typer."""
    try:
        yield
    except _click_exceptions.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            raise
        raise fail(usage_error_message(exc), exc.exit_code) from None


class CorridorGroup(TyperGroup):
    """The root command group: usage errors of any command below it are reported on one line
    (:func:`one_line_usage_errors`); ``--help`` is Typer's own."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        with one_line_usage_errors():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with one_line_usage_errors():
            return super().invoke(ctx)


app = typer.Typer(
    name="corridor",
    help="corridor: an open political event coder (CAMEO and PLOVER events, actors, quotes, time, place).",
    cls=CorridorGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
dict_app = typer.Typer(help="Work with PETRARCH-format dictionaries.", no_args_is_help=True)
app.add_typer(dict_app, name="dict")


@dataclass
class RunStats:
    read: int = 0
    coded: int = 0
    rejected: int = 0
    events: int = 0
    quotes: int = 0
    stage_errors: int = 0  # coded articles on which a stage failed (their "errors" field says which)

    def summary(self) -> str:
        errors = f', {self.stage_errors} with a stage error (see their "errors" field)' if self.stage_errors else ""
        return (
            f"read {self.read}, coded {self.coded}, rejected {self.rejected}, "
            f"events {self.events}, quotes {self.quotes}{errors}"
        )


@dataclass
class Dictionaries:
    """PETRARCH-format dictionaries given on the command line."""

    verbs: Path | None = None
    actors: tuple[Path, ...] = ()
    agents: tuple[Path, ...] = ()
    discards: tuple[Path, ...] = ()

    def options(self) -> dict[str, Any]:
        for p in (self.verbs, *self.actors, *self.agents, *self.discards):
            if p is not None and not p.exists():
                raise fail(f"{p}: no such dictionary file", 2)
        opts: dict[str, Any] = {}
        if self.verbs:
            opts["petrarch_verbs"] = str(self.verbs)
        if self.actors:
            opts["petrarch_actors"] = tuple(str(p) for p in self.actors)
        if self.agents:
            opts["petrarch_agents"] = [str(p) for p in self.agents]
        if self.discards:
            opts["petrarch_discards"] = [str(p) for p in self.discards]
        return opts


def _pipeline(model: str | None, options: dict[str, Any] | None = None) -> Any:
    """The cached pipeline for these settings (the keyword arguments of :func:`_pipeline_options`)."""
    from corridor.api import get_pipeline

    try:
        return get_pipeline(model=model, **(options or {}))
    except ModelNotFoundError as exc:
        raise fail(str(exc), 1) from None
    except ValueError as exc:  # an unknown stage name
        raise fail(str(exc), 2) from None


@app.command("code")
def code_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file (default: stdout).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")] = None,
    flat: Annotated[bool, typer.Option("--flat", help="One event per line (JSONL).")] = False,
    input_format: Annotated[
        str | None, typer.Option("--input-format", help="Force the input format: text, jsonl, csv, tsv.")
    ] = None,
    rejects: Annotated[
        str | None,
        typer.Option(
            "--rejects",
            help="Where rejected records go (JSONL; default: <output>.rejects.jsonl or rejects.jsonl).",
        ),
    ] = None,
    max_chars: Annotated[
        int, typer.Option("--max-chars", help="Longest text accepted, in characters.")
    ] = DEFAULT_MAX_CHARS,
    model: Annotated[str | None, typer.Option("--model", envvar="CORRIDOR_MODEL", help="spaCy pipeline name.")] = None,
    leaders: Annotated[Path | None, typer.Option("--leaders", help="Extra leaders table (leaders.tsv format).")] = None,
    include_text: Annotated[bool, typer.Option("--include-text", help="Include each article's text.")] = False,
    keep_negated: Annotated[
        bool, typer.Option("--keep-negated", help="Keep negated events (modality 'negated').")
    ] = False,
    stages: Annotated[
        str | None, typer.Option("--stages", help="Comma-separated stages to run, in any order (default: all).")
    ] = None,
    verbs: Annotated[Path | None, typer.Option("--verbs", help="PETRARCH verb dictionary.")] = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="PETRARCH actor dictionary (repeatable).")
    ] = None,
    agents: Annotated[
        list[Path] | None, typer.Option("--agents", help="PETRARCH agent dictionary (repeatable).")
    ] = None,
    discards: Annotated[list[Path] | None, typer.Option("--discards", help="PETRARCH discard list.")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Also load the coded articles into this store.")] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes (or Dask workers) coding in parallel.")
    ] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local (processes on this machine) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786).")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per spaCy batch and task.")] = 16,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip articles already in the output file or the store; append.")
    ] = False,
    parquet_dir: Annotated[
        str | None, typer.Option("--parquet-dir", help="Also write each task's events as a Parquet partition here.")
    ] = None,
    stage_time_limit: Annotated[
        float,
        typer.Option(
            "--stage-time-limit",
            min=0,
            help="Seconds one stage may spend on one article before it is stopped and the error recorded"
            " on that article (0: no limit).",
        ),
    ] = DEFAULT_STAGE_TIME_LIMIT,
    quote_min_confidence: Annotated[
        float | None,
        typer.Option(
            "--quote-min-confidence",
            min=0,
            max=1,
            help=(
                "Drop quotations below this confidence (default: the threshold the quote confidence model was "
                "trained with, see docs/quotes.md; 0 keeps all)."
            ),
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Code articles into events, actors, quotes, times and places (JSONL to stdout by default)."""
    if flat and fmt is None:
        fmt = "flat"
    try:
        out_fmt = format_for(output, fmt)
    except ValueError as exc:
        raise fail(str(exc)) from None
    if out_fmt == "parquet" and not output:
        raise fail("Parquet output needs a file: use -o FILE.parquet")
    if input_format and input_format not in {"text", "jsonl", "csv", "tsv"}:
        raise fail(f"unknown input format {input_format!r}; choose text, jsonl, csv or tsv")
    reader = Reader(max_chars=max_chars, fmt=input_format)
    try:
        items = list(reader.expand(paths))
    except InputError as exc:
        raise fail(str(exc), 1) from None
    rejects_path = rejects or (f"{output}.rejects.jsonl" if output else "rejects.jsonl")
    rejects_label = "--rejects" if rejects else "the default rejects file"
    _check_outputs(paths, items, {"-o": output, rejects_label: rejects_path, "--parquet-dir": parquet_dir})
    stats = RunStats()
    dicts = Dictionaries(verbs, tuple(actors or ()), tuple(agents or ()), tuple(discards or ()))
    if engine not in {"local", "dask"}:
        raise fail(f"unknown engine {engine!r}; choose local or dask")
    if resume and not (output or db):
        raise fail("--resume needs -o FILE (an article JSONL) or --db to know what is already coded")
    if resume and output and out_fmt != "jsonl":
        raise fail("--resume works with article JSONL output (the default format)")
    options = _pipeline_options(leaders, keep_negated, stages, dicts)
    if not quiet and "stages" in options:
        from corridor.pipeline import missing_requirements

        for stage, lacking in missing_requirements(options["stages"]):
            needs = " and ".join(repr(r) for r in lacking)
            err.print(
                f"[yellow]warning:[/] stage {stage!r} needs {needs}, which --stages does not name;"
                f" it will find little or nothing to code",
                highlight=False,
            )
    if stage_time_limit != DEFAULT_STAGE_TIME_LIMIT:  # the default keeps the shared pipeline's cache key
        options["stage_time_limit"] = stage_time_limit
    if quote_min_confidence is not None:
        options["quote_min_confidence"] = quote_min_confidence
    _pipeline(model, options)  # fails early on a bad model, stage or dictionary
    done: set[tuple[str, str]] = set()
    if resume:
        from corridor.dist.resume import backfill_store, done_ids, repair_jsonl

        if output:
            repair_jsonl(output)
            if db:
                backfill_store(output, db)
        try:
            done = set(done_ids(output, db))
        except ValueError as exc:  # a flat or damaged output file cannot say what was coded
            raise fail(f"cannot resume from {output}: {exc}", 2) from None
        if not quiet:
            err.print(f"resuming: {len(done)} articles already coded are skipped")
    store = _open_store(db) if db else None
    with ExitStack() as stack:
        if out_fmt == "parquet":
            writer = Writer(None, out_fmt, output, include_text)
        else:
            mode = "a" if resume else "w"
            try:
                stream = stack.enter_context(open(output, mode, encoding="utf-8", newline="")) if output else sys.stdout
            except OSError as exc:
                raise fail(f"cannot write {output}: {exc.strerror or exc}") from None
            writer = Writer(stream, out_fmt, output, include_text)
        reject_fh: Any = None
        coded_batch: list[CodedArticle] = []

        def on_reject(rej: Reject) -> None:
            nonlocal reject_fh
            stats.rejected += 1
            if not quiet:
                err.print(f"[yellow]rejected[/] {rej.message()}", highlight=False)
            if reject_fh is None:
                try:
                    reject_fh = stack.enter_context(open(rejects_path, "w", encoding="utf-8"))
                except OSError as exc:
                    raise fail(f"cannot write the rejects file {rejects_path}: {exc.strerror or exc}") from None
            reject_fh.write(json.dumps(rej.to_dict(), ensure_ascii=False) + "\n")

        def articles() -> Any:
            for item in reader.read(paths):
                stats.read += 1
                if isinstance(item, Reject):
                    on_reject(item)
                    continue
                yield item

        progress = _progress(quiet)
        with progress:
            task = progress.add_task("coding", total=None)
            coded_stream = _run(articles(), workers, engine, scheduler, batch_size, model, options, done, parquet_dir)
            for coded in coded_stream:
                writer.write(coded)
                stats.coded += 1
                stats.events += len(coded.events)
                stats.quotes += len(coded.quotes)
                if coded.errors:
                    stats.stage_errors += 1
                    if not quiet:
                        problems = "; ".join(coded.errors)
                        err.print(f"[yellow]stage error[/] in {coded.doc_id}: {problems}", highlight=False)
                progress.advance(task)
                if store is not None:
                    coded_batch.append(coded)
                    if len(coded_batch) >= 5000:
                        writer.flush()  # the file is never behind the store, for --resume
                        store.load(coded_batch)
                        coded_batch = []
        writer.close()
        if store is not None and coded_batch:
            store.load(coded_batch)
    if not quiet:
        skipped = stats.read - stats.rejected - stats.coded
        extra = f", skipped {skipped} already coded" if resume and skipped else ""
        err.print(
            f"[bold]done:[/] {stats.summary()}{extra}" + (f"; rejects in {rejects_path}" if stats.rejected else "")
        )
    if stats.read == 0:
        raise fail(_nothing_read(paths, items), 1)


def _nothing_read(paths: list[str], items: list[str | Path]) -> str:
    """Why nothing was read, naming the inputs: no readable file in a folder, or empty files."""
    if not items:
        return (
            f"no record could be read: no input file in {', '.join(paths)}"
            " (looked for .txt, .jsonl, .json, .ndjson, .csv, .tsv, each optionally .gz)"
        )
    names = ["<stdin>" if i == "-" else str(i) for i in items]
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"no record could be read from {shown} (empty, or a header with no rows)"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def _check_outputs(paths: list[str], items: list[str | Path], outputs: dict[str, str | None]) -> None:
    """Refuse (a usage error) an output that would overwrite an input file or be read back as input from an
    input folder, or that cannot be created (its folder does not exist, or it is a folder). ``outputs`` maps
    the option (or "the default rejects file") to its path. The default rejects file, written only on a
    first reject, may lie in an input folder (``corridor code .``) as long as it is not an input itself."""
    from corridor.io.readers import _format_of

    inputs = [Path(i) for i in items if i != "-"]
    folders = [Path(p).resolve() for p in paths if p != "-" and Path(p).is_dir()]
    for option, out in outputs.items():
        if not out:
            continue
        path = Path(out)
        is_dir_option = option == "--parquet-dir"
        hint = "" if option.startswith("-") else " (choose another with --rejects FILE)"
        if any(_same_file(path, i) for i in inputs):
            raise fail(f"{option} {out} is also an input file; writing it would destroy the input{hint}")
        resolved = path.resolve()
        for folder in folders if option.startswith("-") else ():
            inside = resolved == folder or folder in resolved.parents
            if inside and (is_dir_option or _format_of(path.name)):
                what = "its partitions" if is_dir_option else "it"
                raise fail(
                    f"{option} {out} is inside the input folder {folder}, where {what} would be read back as"
                    " input; write it elsewhere"
                )
        if is_dir_option:
            if path.exists() and not path.is_dir():
                raise fail(f"--parquet-dir {out} is a file, not a folder")
            continue
        if path.is_dir():
            raise fail(f"{option} {out} is a folder; give a file name")
        if not path.parent.is_dir():
            raise fail(f"{option} {out}: the folder {path.parent} does not exist{hint}")


def _pipeline_options(
    user_leaders: Path | None, keep_negated: bool, stages: str | None, dictionaries: Dictionaries
) -> dict[str, Any]:
    """The keyword arguments of :func:`corridor.api.get_pipeline` for these command-line settings."""
    from corridor.pipeline import order_stages

    opts: dict[str, Any] = dictionaries.options()
    if user_leaders:
        _check_leaders(user_leaders)
        opts["user_leaders"] = str(user_leaders)
    if keep_negated:
        opts["keep_negated"] = True
    if stages:  # in the order they run, whatever order they were named in
        opts["stages"] = order_stages(s.strip() for s in stages.split(",") if s.strip())
    return opts


LEADER_COLUMNS = ("name", "iso3")  # the columns a --leaders table must have (leaders.tsv has more)
LEADER_DATE = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")


def _check_leaders(path: Path) -> None:
    """A usage error naming the file (and line and field) when a --leaders table cannot be used."""
    from corridor.resources import read_tsv

    if not path.is_file():
        raise fail(f"--leaders {path}: no such file" if not path.exists() else f"--leaders {path} is not a file")
    try:
        rows = read_tsv(path)
        raw = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"--leaders {path}: cannot read it: {exc}") from None
    header = next((ln for ln in raw if ln.strip() and not ln.lstrip().startswith("#")), "")
    columns = [c.strip() for c in header.split("\t")]
    missing = [c for c in LEADER_COLUMNS if c not in columns]
    if missing:
        raise fail(
            f"{path}: missing column(s) {', '.join(missing)} (a tab-separated table with a header line:"
            f" {', '.join(LEADER_COLUMNS)}, and optionally agent, role, start, end, aliases;"
            f" the header has: {', '.join(c for c in columns if c) or 'nothing'})"
        )
    data_lines = [i for i, ln in enumerate(raw, start=1) if ln.strip() and not ln.lstrip().startswith("#")][1:]
    for lineno, row in zip(data_lines, rows, strict=False):
        for col in LEADER_COLUMNS:
            if not row.get(col):
                raise fail(f"{path}:{lineno}: field '{col}' is empty")
        for col in ("start", "end"):
            value = row.get(col, "")
            if value and not _leader_date_ok(value):
                raise fail(f"{path}:{lineno}: field '{col}' {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _leader_date_ok(value: str) -> bool:
    import datetime as dt

    if not LEADER_DATE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _run(
    items: Any,
    workers: int,
    engine: str,
    scheduler: str | None,
    batch_size: int,
    model: str | None,
    options: dict[str, Any],
    done: set[tuple[str, str]],
    parquet_dir: str | None,
) -> Any:
    """Coded articles in input order: in this process, in worker processes or on a Dask cluster."""
    from corridor.dist import run_coding
    from corridor.dist.dask_engine import DaskUnavailableError
    from corridor.dist.parallel import WorkerCrashedError

    try:
        yield from run_coding(
            items,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            batch_size=batch_size,
            model=model,
            pipeline_options=options,
            resume_ids=done or None,
            parquet_dir=parquet_dir,
        )
    except (ImportError, DaskUnavailableError) as exc:  # e.g. the dask engine without dask installed
        raise fail(f"the {engine} engine is not available: {exc}", 1) from None
    except ConnectionError as exc:
        raise fail(f"cannot reach the Dask scheduler {scheduler}: {exc}", 1) from None
    except WorkerCrashedError as exc:
        raise fail(str(exc), 1) from None
    except ModelNotFoundError as exc:
        raise fail(str(exc), 1) from None


def _progress(quiet: bool) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    )


def _open_store(db: str) -> Any:
    try:
        store_mod = importlib.import_module("corridor.store")
    except ImportError as exc:
        raise fail(f"the store is not available: {exc}", 1) from None
    try:
        return store_mod.open_store(db)
    except Exception as exc:  # the store reports its own clear messages (busy file, bad URL)
        raise fail(f"cannot open store {db}: {exc}", 1) from None


@app.command("demo")
def demo_cmd(
    model: Annotated[str | None, typer.Option("--model", envvar="CORRIDOR_MODEL")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the coded article as JSON.")] = False,
) -> None:
    """Code the bundled example article and show its events, actors and quotes."""
    from corridor.resources import data_path

    path = data_path("examples/demo-article.txt")
    item = next(Reader().read([str(path)]))
    assert isinstance(item, Article)
    coded = _pipeline(model)(item)
    if as_json:
        print(json.dumps(coded.to_dict(), ensure_ascii=False, indent=2))
        return
    out = Console()
    out.print(f"[bold]{path.name}[/] dated {coded.date}: {len(coded.events)} events, {len(coded.quotes)} quotes")
    print_events(out, coded)
    q = Table(title="Quotes", show_lines=False)
    for col in ("speaker", "kind", "text", "reported by"):
        q.add_column(col)
    for quote in coded.quotes:
        spk = f"{quote.speaker.name or quote.speaker.text} ({quote.speaker.code})" if quote.speaker else "?"
        rep = ", ".join(a.code for a in quote.reported_by)
        kind = quote.kind if quote.act == "statement" else f"{quote.kind} ({quote.act})"  # "indirect (belief)"
        q.add_row(spk, kind, quote.text[:70] + ("…" if len(quote.text) > 70 else ""), rep)
    out.print(q)


def print_events(out: Console, coded: CodedArticle) -> None:
    t = Table(title="Events")
    for col in ("date", "source", "CAMEO", "PLOVER", "target", "modality", "trigger"):
        t.add_column(col)
    for ev in coded.events:
        src = f"{ev.source.code}" if ev.source else "-"
        tgt = f"{ev.target.code}" if ev.target else "-"
        plv = f"{ev.plover or ''}{('/' + ev.plover_mode) if ev.plover_mode else ''}"
        t.add_row(ev.date or "", src, ev.cameo, plv, tgt, ev.modality, ev.trigger.text)
    out.print(t)


@app.command("eval")
def eval_cmd(
    suite: Annotated[
        str,
        typer.Argument(help=f"One of: {', '.join(suites())}."),
    ],
    data: Annotated[Path | None, typer.Option("--data", help="Another file or folder in the suite's format.")] = None,
    dictionaries: Annotated[
        Path | None, typer.Option("--dictionaries", help="Dictionary folder (petrarch-unit).")
    ] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write the JSON report here.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N items.")] = None,
    model: Annotated[str | None, typer.Option("--model", envvar="CORRIDOR_MODEL")] = None,
    option: Annotated[list[str] | None, typer.Option("--option", help="Suite option KEY=VALUE.")] = None,
) -> None:
    """Score corridor against public gold data; prints a table and optionally writes a JSON report."""
    from corridor.eval.base import EvalArgs, EvalDataError, run_suite

    if suite not in suites():
        raise fail(f"unknown suite {suite!r}; known: {', '.join(suites())}")
    opts = dict(kv.split("=", 1) for kv in (option or []) if "=" in kv)
    args = EvalArgs(data=data, dictionaries=dictionaries, model=model, limit=limit, options=opts)
    try:
        rep = run_suite(suite, args)
    except (EvalDataError, FileNotFoundError) as exc:
        raise fail(str(exc), 1) from None
    except ModelNotFoundError as exc:
        raise fail(str(exc), 1) from None
    out = Console()
    t = Table(title=f"{rep.suite}: n = {rep.n}")
    t.add_column("label")
    keys = sorted({k for v in [rep.overall, *rep.per_label.values()] for k in v})
    for k in keys:
        t.add_column(k, justify="right")
    for label, vals in [("overall", rep.overall), *sorted(rep.per_label.items())]:
        t.add_row(label, *[_fmt(vals.get(k)) for k in keys])
    out.print(t)
    for k, v in rep.extra.items():
        if isinstance(v, (int, float, str)):
            out.print(f"{k}: {v}")
    if report:
        report.write_text(rep.to_json() + "\n", encoding="utf-8")
        err.print(f"report written to {report}")


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


@dict_app.command("check")
def dict_check_cmd(path: Annotated[Path, typer.Argument(help="A PETRARCH-format dictionary file.")]) -> None:
    """Report syntax errors in a PETRARCH-format actor, agent or verb dictionary, by line."""
    try:
        mod = importlib.import_module("corridor.petrarch")
    except ImportError as exc:
        raise fail(f"PETRARCH dictionary support is not available: {exc}", 1) from None
    if not path.exists():
        raise fail(f"{path}: no such file", 2)
    if path.is_dir():
        raise fail(f"{path}: is a directory; give one dictionary file", 2)
    try:
        problems = mod.check_dictionary(path)
    except OSError as exc:
        raise fail(f"{path}: cannot read it: {exc.strerror or exc}", 2) from None
    for p in problems:
        where = f"{path}:{p.line}" if p.line else f"{path}"
        err.print(f"{where}: {p.message}", highlight=False, markup=False)
    if problems:
        raise typer.Exit(1)
    Console(soft_wrap=True).print(f"{path}: OK", highlight=False, markup=False)


@app.command("version")
def version_cmd() -> None:
    """Print corridor's version and the schema it writes."""
    from corridor.model import SCHEMA

    print(f"corridor {__version__} (schema {SCHEMA})")


def _mount_optional(target: typer.Typer | None = None) -> None:
    """Mount the store, server and classifier commands where those modules are present.

    A module that is not installed (ImportError) leaves its commands out. One that is present but fails to
    load for another reason (a bug, a broken dependency) must not stop the whole CLI: its commands are
    replaced by stand-ins, hidden from ``--help``, that say on one line what went wrong when they are used
    (exit 1), and every other command works as usual.
    """
    target = app if target is None else target
    loaded: dict[str, Any] = {}
    failed: dict[str, Exception] = {}

    def load(module: str, attr: str) -> Any:
        if module not in loaded and module not in failed:
            try:
                loaded[module] = importlib.import_module(module)
            except ImportError:
                loaded[module] = None
            except Exception as exc:  # the module is there but broken
                failed[module] = exc
        if module in failed:
            return failed[module]
        return getattr(loaded[module], attr, None)

    for module, attr, name in (("corridor.store.cli", "query_app", "query"),):
        sub = load(module, attr)
        if isinstance(sub, Exception):
            _mount_unavailable(target, name, module, sub)
        elif isinstance(sub, typer.Typer):
            target.add_typer(sub, name=name)
    for module, attr, name in (
        ("corridor.store.cli", "load_cmd", "load"),
        ("corridor.classify.cli", "classify_cmd", "classify"),
        ("corridor.classify.cli", "train_cmd", "train-classifier"),
        ("corridor.server.cli", "serve_cmd", "serve"),
    ):
        fn = load(module, attr)
        if isinstance(fn, Exception):
            _mount_unavailable(target, name, module, fn)
        elif callable(fn):
            target.command(name)(fn)


def _mount_unavailable(target: typer.Typer, name: str, module: str, exc: Exception) -> None:
    """A hidden stand-in for command ``name``, whose module failed to load with ``exc``: it takes any
    arguments and fails with one line naming the command, the module and the error."""
    reason = " ".join(f"{type(exc).__name__}: {exc}".split())

    def unavailable() -> None:
        raise fail(f"the '{name}' command is unavailable: {module} failed to load ({reason})", 1)

    unavailable.__doc__ = f"Unavailable: {module} failed to load."
    target.command(
        name,
        hidden=True,
        add_help_option=False,
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    )(unavailable)


_mount_optional()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
