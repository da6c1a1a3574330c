"""Fold event mentions into de-duplicated events (the ``events`` table) inside a DuckDB transaction.

Reads the ``mentions`` table (and, for an incremental fold, the temporary table ``_fold_keys`` of the
partitions a load touched); writes ``mentions.event_key`` and the rows of ``events`` for those partitions.

The rule (documented in ``docs/store.md``):

* mentions fold only within one *partition*: the same source actor code, target actor code and CAMEO root
  (a missing code counts as the empty code);
* within a partition, mentions that name a place are grouped by place (GeoNames id, else the lower-cased
  name); the days of one place are cut into windows greedily: the earliest day ``d`` not yet taken opens the
  window ``[d, d + 1]``. Every two mentions of one event are therefore at most one day apart;
* a mention without a place joins the placed window of its partition that contains its day (the one with
  the most mentions, then the earliest, then the smallest place key); if none does, the placeless mentions
  of the partition are windowed among themselves the same way;
* a mention without any date (no event date and no article date) is an event of its own.

The event key is the first 16 hex digits of the MD5 of ``source|target|root|place|window start``, so an
event keeps its key when articles are re-loaded and its window does not change.
"""

from __future__ import annotations

from typing import Any

FOLD_KEYS_DDL = "CREATE TEMP TABLE IF NOT EXISTS _fold_keys (src VARCHAR, tgt VARCHAR, root VARCHAR)"

# The partition of a row of ``mentions`` (or of a batch with the same columns).
PARTITION_EXPR = "coalesce(source_code, ''), coalesce(target_code, ''), coalesce(cameo_root, '')"

# Window start: the run's first day, then every second day (DuckDB's // is integer division; in
# PostgreSQL date - date is an integer and / on integers truncates).
_WSTART = {
    "duckdb": "CAST(run_start + CAST(2 * ((day - run_start) // 2) AS INTEGER) AS DATE)",
    "postgres": "run_start + 2 * ((day - run_start) / 2)",
}


def mode_sql(expr: str, dialect: str) -> str:
    return f"mode({expr})" if dialect == "duckdb" else f"mode() WITHIN GROUP (ORDER BY {expr})"


def _one(expr: str, dialect: str) -> str:
    """One of the group's values (the non-null one when there is one)."""
    return f"any_value({expr})" if dialect == "duckdb" else f"min({expr})"


def _event_columns(dialect: str) -> list[tuple[str, str]]:
    """(events column, aggregate over the mentions ``m`` of one event)."""
    one = lambda e: _one(e, dialect)  # noqa: E731
    mode = lambda e: mode_sql(e, dialect)  # noqa: E731
    if dialect == "duckdb":
        distinct = "CAST(list_unique(list({0})) AS INTEGER)"
        first_doc = "min_by(m.doc_id, (coalesce(m.article_date, DATE '9999-12-31'), m.doc_id))"
        evidence = (
            "list_sort(list({'date': m.date, 'doc_id': m.doc_id, 'event_id': m.event_id, "
            "'publisher': m.publisher, 'text': coalesce(m.evidence_text, m.trigger_text)}))"
        )
    else:
        distinct = "CAST(count(DISTINCT {0}) AS INTEGER)"
        first_doc = "(array_agg(m.doc_id ORDER BY m.article_date NULLS LAST, m.doc_id))[1]"
        evidence = (
            "jsonb_agg(jsonb_build_object('date', m.date, 'doc_id', m.doc_id, 'event_id', m.event_id, "
            "'publisher', m.publisher, 'text', coalesce(m.evidence_text, m.trigger_text)) "
            "ORDER BY m.date, m.doc_id, m.event_id)"
        )
    return [
        ("event_key", "m.event_key"),
        ("date", "min(m.date)"),
        ("date_end", "max(m.date)"),
        ("source_code", one("m.source_code")),
        ("source_country", one("m.source_country")),
        ("source_agent", one("m.source_agent")),
        ("target_code", one("m.target_code")),
        ("target_country", one("m.target_country")),
        ("target_agent", one("m.target_agent")),
        ("cameo", mode("m.cameo")),
        ("cameo_root", one("m.cameo_root")),
        ("plover", one("m.plover")),
        ("plover_mode", one("m.plover_mode")),
        ("quad_class", mode("m.quad_class")),
        ("goldstein", "avg(m.goldstein)"),
        ("place_key", one("m.place_key")),
        ("place_name", mode("m.place_name")),
        ("geonameid", one("m.geonameid")),
        ("place_country", one("m.place_country")),
        ("lat", one("m.lat")),
        ("lon", one("m.lon")),
        ("mention_count", "CAST(count(*) AS INTEGER)"),
        ("article_count", distinct.format("m.doc_id")),
        ("source_count", distinct.format("m.publisher")),
        ("confidence", "max(m.confidence)"),
        ("first_doc_id", first_doc),
        ("evidence", evidence),
    ]


def _windows_sql(source: str, part: str, dialect: str) -> str:
    """Greedy two-day windows over the distinct days of ``source`` per ``part`` columns.

    Over a run of consecutive days (no gap over one day) the greedy windows start at the run's first day,
    then every second day; a gap of two days or more starts a new run.
    """
    return f"""
        WITH d AS (SELECT DISTINCT {part}, day FROM {source} AS src_rows),
        l AS (
            SELECT d.*, CASE WHEN day - lag(day) OVER w <= 1 THEN 0 ELSE 1 END AS brk
            FROM d WINDOW w AS (PARTITION BY {part} ORDER BY day)
        ),
        r AS (
            SELECT l.*, sum(brk) OVER (PARTITION BY {part} ORDER BY day ROWS UNBOUNDED PRECEDING) AS run
            FROM l
        ),
        s AS (SELECT r.*, min(day) OVER (PARTITION BY {part}, run) AS run_start FROM r)
        SELECT {part}, day, {_WSTART[dialect]} AS wstart
        FROM s
    """


def _temp(name: str, select: str, dialect: str) -> list[str]:
    if dialect == "duckdb":
        return [f"CREATE OR REPLACE TEMP TABLE {name} AS {select}"]
    return [f"DROP TABLE IF EXISTS {name}", f"CREATE TEMP TABLE {name} AS {select}"]


def fold_statements(incremental: bool, dialect: str = "duckdb") -> list[str]:
    """The SQL statements that refold the partitions in ``_fold_keys`` (or all when not incremental)."""
    if incremental:
        scope = """
            WHERE EXISTS (SELECT 1 FROM _fold_keys k WHERE k.src = coalesce(m.source_code, '')
                          AND k.tgt = coalesce(m.target_code, '') AND k.root = coalesce(m.cameo_root, ''))
        """
    else:
        scope = ""
    placed = "(SELECT * FROM _fold_m WHERE place_key IS NOT NULL AND day IS NOT NULL)"
    cols = _event_columns(dialect)
    stmts: list[str] = []
    stmts += _temp(
        "_fold_m",
        f"""SELECT doc_id, event_id, coalesce(source_code, '') AS src, coalesce(target_code, '') AS tgt,
                   coalesce(cameo_root, '') AS root, place_key, date AS day
            FROM mentions m {scope}""",
        dialect,
    )
    # placed mentions: windows per (partition, place)
    stmts += _temp("_fold_pw", _windows_sql(placed, "src, tgt, root, place_key", dialect), dialect)
    stmts += _temp(
        "_fold_a",
        """SELECT m.doc_id, m.event_id, m.src, m.tgt, m.root, m.place_key, w.wstart
            FROM _fold_m m JOIN _fold_pw w USING (src, tgt, root, place_key, day)""",
        dialect,
    )
    # placeless mentions that fall in a placed window of their partition
    stmts.append(
        """INSERT INTO _fold_a
            WITH sizes AS (
                SELECT src, tgt, root, place_key, wstart, count(*) AS n FROM _fold_a
                GROUP BY src, tgt, root, place_key, wstart
            ),
            cand AS (
                SELECT u.doc_id, u.event_id, u.src, u.tgt, u.root, c.place_key, c.wstart,
                       row_number() OVER (PARTITION BY u.doc_id, u.event_id
                                          ORDER BY c.n DESC, c.wstart, c.place_key) AS rn
                FROM _fold_m u JOIN sizes c
                  ON c.src = u.src AND c.tgt = u.tgt AND c.root = u.root
                 AND u.day >= c.wstart AND u.day <= c.wstart + 1
                WHERE u.place_key IS NULL AND u.day IS NOT NULL
            )
            SELECT doc_id, event_id, src, tgt, root, place_key, wstart FROM cand WHERE rn = 1"""
    )
    # the other placeless mentions: windows among themselves
    stmts += _temp(
        "_fold_u",
        """SELECT u.* FROM _fold_m u
            WHERE u.place_key IS NULL AND u.day IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM _fold_a a WHERE a.doc_id = u.doc_id AND a.event_id = u.event_id)""",
        dialect,
    )
    stmts.append(
        f"""INSERT INTO _fold_a
            SELECT u.doc_id, u.event_id, u.src, u.tgt, u.root, NULL, w.wstart
            FROM _fold_u u JOIN ({_windows_sql("_fold_u", "src, tgt, root", dialect)}) w
              USING (src, tgt, root, day)"""
    )
    # undated mentions: one event each
    stmts.append(
        """INSERT INTO _fold_a
            SELECT doc_id, event_id, src, tgt, root, place_key, NULL FROM _fold_m WHERE day IS NULL"""
    )
    stmts += _temp(
        "_fold_k",
        """SELECT doc_id, event_id, place_key,
                   substr(md5(concat_ws('|', src, tgt, root, coalesce(place_key, '-'),
                        coalesce(CAST(wstart AS VARCHAR), 'm:' || doc_id || '/' || event_id))), 1, 16)
                     AS event_key
            FROM _fold_a""",
        dialect,
    )
    stmts.append(
        """UPDATE mentions SET event_key = k.event_key FROM _fold_k k
            WHERE mentions.doc_id = k.doc_id AND mentions.event_id = k.event_id
              AND mentions.event_key IS DISTINCT FROM k.event_key"""
    )
    if incremental:
        stmts.append(
            """DELETE FROM events
            WHERE EXISTS (SELECT 1 FROM _fold_keys k WHERE k.src = coalesce(events.source_code, '')
                          AND k.tgt = coalesce(events.target_code, '')
                          AND k.root = coalesce(events.cameo_root, ''))"""
        )
    else:
        stmts.append("DELETE FROM events")
    only = "WHERE m.event_key IN (SELECT event_key FROM _fold_k)" if incremental else ""
    stmts.append(
        f"""INSERT INTO events ({", ".join(c for c, _ in cols)})
            SELECT {", ".join(f"{e} AS {c}" for c, e in cols)}
            FROM mentions m {only}
            GROUP BY m.event_key"""
    )
    stmts += [f"DROP TABLE IF EXISTS {t}" for t in ("_fold_m", "_fold_pw", "_fold_a", "_fold_u", "_fold_k")]
    if incremental:
        stmts.append("DELETE FROM _fold_keys")
    return stmts


def fold(con: Any, incremental: bool, dialect: str = "duckdb") -> None:
    """Recompute event folding for the partitions in ``_fold_keys`` (or for all when not incremental)."""
    for sql in fold_statements(incremental, dialect):
        con.execute(sql)
