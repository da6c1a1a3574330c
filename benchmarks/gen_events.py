"""Generate synthetic coded articles (``corridor/1`` dicts) for store benchmarks and tests.

Reads the packaged CAMEO table (``corridor/data/ontology/cameo.tsv``) for codes, Goldstein scores and quad
classes; writes JSONL (one coded article a line) to a file or stdout. Seeded: the same arguments give the
same articles. About a third of the events are re-reports of an earlier event (same dyad, code and place,
a day apart at most) by another publisher, so that folding has work to do.

    python benchmarks/gen_events.py --events 100000 --seed 1 --out /tmp/events.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from typing import Any

from corridor.resources import packaged_tsv

COUNTRIES = (
    "USA",
    "RUS",
    "CHN",
    "UKR",
    "GBR",
    "FRA",
    "DEU",
    "IND",
    "PAK",
    "IRN",
    "ISR",
    "PSE",
    "SYR",
    "IRQ",
    "TUR",
    "SAU",
    "EGY",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "MEX",
    "ARG",
    "COL",
    "VEN",
    "NGA",
    "ETH",
    "KEN",
    "ZAF",
    "SDN",
    "AFG",
    "IDN",
    "PHL",
    "VNM",
    "THA",
    "POL",
    "ITA",
    "ESP",
    "CAN",
    "AUS",
)
AGENTS = ("GOV", "GOV", "MIL", "", "OPP", "REB", "BUS", "MED")
PUBLISHERS = tuple(f"publisher{i:02d}" for i in range(24))
PLACES = tuple((1000 + i, f"City {i}") for i in range(300))


def _codes() -> list[dict[str, Any]]:
    rows = []
    for r in packaged_tsv("ontology/cameo.tsv"):
        if len(r["code"]) >= 3 and r["quad_class"]:
            rows.append(
                {
                    "cameo": r["code"],
                    "cameo_root": r["code"][:2],
                    "goldstein": float(r["goldstein"]) if r["goldstein"] else None,
                    "quad_class": int(r["quad_class"]),
                    "plover": r.get("plover") or None,
                    "plover_mode": r.get("plover_mode") or None,
                }
            )
    return rows


def _actor(code: str, country: str, agent: str, pos: int) -> dict[str, Any]:
    return {
        "text": code,
        "start": pos,
        "end": pos + len(code),
        "code": code,
        "country": country,
        "agent": agent or None,
        "name": None,
        "resolved_by": "synthetic",
        "confidence": 1.0,
        "entity": None,
    }


def generate(
    n_events: int,
    seed: int = 0,
    start: str = "2020-01-01",
    days: int = 730,
    rereport: float = 0.33,
) -> Iterator[dict[str, Any]]:
    """Yield coded-article dicts until ``n_events`` event mentions have been produced."""
    rng = random.Random(seed)
    codes = _codes()
    day0 = dt.date.fromisoformat(start)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(COUNTRIES))]
    recent: list[dict[str, Any]] = []
    produced = 0
    art = 0
    while produced < n_events:
        k = min(rng.randint(1, 9), n_events - produced)
        day = day0 + dt.timedelta(days=int(rng.random() * days))
        publisher = rng.choice(PUBLISHERS)
        doc_id = f"a{art:09d}"
        actors: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        places: list[dict[str, Any]] = []
        for j in range(k):
            if recent and rng.random() < rereport:
                base = rng.choice(recent)
                ev_day = base["day"] + dt.timedelta(days=rng.choice((-1, 0, 0, 1)))
                src, tgt, code, place = base["src"], base["tgt"], base["code"], base["place"]
            else:
                c1, c2 = rng.choices(COUNTRIES, weights, k=2)
                a1, a2 = rng.choice(AGENTS), rng.choice(AGENTS)
                if c1 + a1 == c2 + a2:  # no actor acts on itself
                    a2 = "MIL" if a1 != "MIL" else "GOV"
                src = (c1 + a1, c1, a1)
                tgt = (c2 + a2, c2, a2)
                code = rng.choice(codes)
                place = rng.choice(PLACES) if rng.random() < 0.5 else None
                ev_day = day - dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
                base = {"day": ev_day, "src": src, "tgt": tgt, "code": code, "place": place}
                recent.append(base)
                if len(recent) > 5000:
                    recent.pop(0)
            sa = _actor(src[0], src[1], src[2], 10 * j)
            ta = _actor(tgt[0], tgt[1], tgt[2], 10 * j + 5)
            actors.extend((sa, ta))
            loc = None
            if place is not None:
                loc = {
                    "text": place[1],
                    "start": 0,
                    "end": len(place[1]),
                    "name": place[1],
                    "geonameid": place[0],
                    "country": src[1],
                    "lat": 10.0 + place[0] % 50,
                    "lon": 20.0 + place[0] % 70,
                    "feature_class": "P",
                    "feature_code": "PPL",
                    "confidence": 1.0,
                }
                places.append(loc)
            trig = {"text": "met", "start": 10 * j + 4, "end": 10 * j + 7}
            events.append(
                {
                    "event_id": f"e{j + 1}",
                    "trigger": trig,
                    "sentence": j,
                    "source": sa,
                    "target": ta,
                    **code,
                    "modality": "asserted",
                    "negated": False,
                    "reported_by": None,
                    "date": ev_day.isoformat(),
                    "date_precision": "day",
                    "date_source": "clause",
                    "location": loc,
                    "confidence": 0.9,
                    "coded_by": "synthetic",
                    "pattern": None,
                    "evidence": {"text": f"{src[0]} and {tgt[0]} event {code['cameo']}", "start": 0, "end": 9},
                }
            )
        quotes = []
        if rng.random() < 0.4:
            sp = actors[0]
            quotes.append(
                {
                    "kind": "direct",
                    "text": f"statement {art}",
                    "spans": [[0, 12]],
                    "cue": {"text": "said", "start": 13, "end": 17},
                    "speaker": sp,
                    "reported_by": [],
                    "addressee": None,
                    "date": day.isoformat(),
                    "confidence": 1.0,
                }
            )
        yield {
            "schema": "corridor/1",
            "doc_id": doc_id,
            "date": day.isoformat(),
            "date_missing": False,
            "title": f"Synthetic article {art}",
            "url": None,
            "source": publisher,
            "content_hash": f"h{art:09d}",
            "actors": actors,
            "events": events,
            "quotes": quotes,
            "places": places,
            "times": [],
        }
        produced += k
        art += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", "-n", type=int, default=10000, help="event mentions to generate")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--start", default="2020-01-01", help="first article date")
    ap.add_argument("--days", type=int, default=730, help="span of article dates in days")
    ap.add_argument("--out", default="-", help="output JSONL file ('-' for stdout)")
    args = ap.parse_args(argv)
    arts = generate(args.events, args.seed, args.start, args.days)
    if args.out == "-":
        for art in arts:
            sys.stdout.write(json.dumps(art) + "\n")
        return 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for art in arts:
            fh.write(json.dumps(art) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
