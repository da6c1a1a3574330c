"""``python -m corridor.dist``: a thin runner over :func:`corridor.dist.run_coding`.

Reads articles from files, folders or ``-`` (the readers of ``corridor code``); writes coded articles as
JSONL to ``-o`` (appending after a repair with ``--resume``) and rejected records to stderr. The options
are those of ``corridor code``'s scale options: ``--workers``, ``--engine``, ``--scheduler``,
``--batch-size``, ``--resume``, ``--db``, ``--parquet-dir``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence

from corridor.dist import ENGINES, ResumeError, WorkerCrashedError, backfill_store, done_ids, repair_jsonl, run_coding
from corridor.io.readers import InputError, Reader, Reject
from corridor.model import Article


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m corridor.dist", description="Code a corpus with several workers.")
    ap.add_argument("paths", nargs="+", help="files, folders (recursive) or - for stdin")
    ap.add_argument("-o", "--output", required=True, help="coded-article JSONL file")
    ap.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--engine", choices=ENGINES, default="local")
    ap.add_argument("--scheduler", help="Dask scheduler address (engine dask; default: a LocalCluster)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--model", help="spaCy pipeline name")
    ap.add_argument("--resume", action="store_true", help="skip articles already in the output (or --db)")
    ap.add_argument("--db", help="event store to resume from (with --resume) and to load into")
    ap.add_argument("--parquet-dir", help="also write partitions here (flat events Parquet + articles JSONL)")
    ap.add_argument("--quiet", "-q", action="store_true")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    reader = Reader()
    resume_ids = None
    mode = "w"
    try:
        if args.resume:
            kept = repair_jsonl(args.output)
            if args.db:
                backfill_store(args.output, args.db)
            resume_ids = done_ids(args.output, args.db)
            mode = "a"
            if not args.quiet:
                print(f"resuming: {kept} records in {args.output}, {len(resume_ids)} articles done", file=sys.stderr)
        list(reader.expand(args.paths))
    except (InputError, ResumeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    def articles() -> Iterator[Article]:
        for item in reader.read(args.paths):
            if isinstance(item, Reject):
                print(f"rejected {item.message()}", file=sys.stderr)
                continue
            yield item

    store = None
    if args.db:
        from corridor.store import open_store

        store = open_store(args.db)
    n = 0
    batch: list[dict[str, object]] = []
    try:
        with open(args.output, mode, encoding="utf-8", buffering=1) as fh:
            for coded in run_coding(
                articles(),
                workers=args.workers,
                engine=args.engine,
                scheduler=args.scheduler,
                batch_size=args.batch_size,
                model=args.model,
                resume_ids=resume_ids,
                parquet_dir=args.parquet_dir,
            ):
                rec = coded.to_dict()
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
                if store is not None:
                    batch.append(rec)
                    if len(batch) >= 256:
                        fh.flush()  # the file stays ahead of the store: resuming backfills the store
                        store.load(batch)
                        batch = []
        if store is not None and batch:
            store.load(batch)
    except WorkerCrashedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"interrupted after {n} articles; rerun with --resume to go on", file=sys.stderr)
        return 130
    if not args.quiet:
        print(f"done: {n} articles coded", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
