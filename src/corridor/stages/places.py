"""Place stage: find toponyms in the parsed article and resolve them to GeoNames entries.

Reads the spaCy ``Doc`` (GPE/LOC/FAC entities, tokens, dependencies), the gazetteer
(:mod:`corridor.gazetteer`), the demonyms and seats of ``corridor/data/actors/countries.tsv``, the office
holders of ``actors/leaders.tsv``, the news media and companies of ``actors/orgs.tsv`` and the tables
``tables/metonymy_verbs.tsv``, ``tables/place_stopnames.tsv``, ``tables/country_cues.tsv``,
``tables/named_feature_words.tsv``, ``tables/organization_names.tsv``, ``tables/nonplace_heads.tsv``,
``tables/given_names.tsv`` and ``tables/world_cities.tsv``.
Writes ``analysis.places`` (one :class:`Place` per toponym used as a location, in text order),
``analysis.notes["dateline"]`` (the dateline's :class:`Place`, or None),
``analysis.notes["metonymic_places"]`` (toponyms that stand for a government — "Beijing said" — kept out
of ``analysis.places``), ``analysis.notes["embedded_places"]`` (toponyms inside the name of an
organization or event, "Texas Department of Public Safety") and ``analysis.notes["place_tokens"]``
(token index -> index into ``analysis.places``).

:func:`is_metonymic` is the metonymy test the actor stage can share; :func:`place_for_clause` picks the
place of an event's clause for the events stage.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

import numpy as np
from spacy import symbols as spacy_symbols
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_ALPHA, LENGTH, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from corridor.doc_text import doc_text
from corridor.gazetteer import (
    GENERIC_SUFFIXES,
    MATCH_ALT,
    MATCH_NAME,
    MATCH_RELATIVE,
    SIDE_BASE_KINDS,
    Entry,
    Gazetteer,
    Scored,
    get_gazetteer,
    haversine_km,
    is_side_name,
    normalize_name,
)
from corridor.model import Place
from corridor.pipeline import Analysis, PipelineConfig, register_stage
from corridor.resources import data_path, packaged_tsv, read_tsv

PLACE_LABELS = {"GPE", "LOC", "FAC"}
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west", "central", "midwest"}
)  # fmt: skip
# Labels the tagger sometimes gives to place names ("Karachi" as ORG) and to seats ("the Kremlin").
MISTAGGED_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT"}  # "Kursk", "Somaliland" read as products
# Names that can hold a toponym ("Texas Department of Public Safety", "Dubai World Cup").
EMBEDDING_LABELS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
_NOMINAL_POS = {spacy_symbols.ADJ, spacy_symbols.PROPN, spacy_symbols.NOUN}
SUBJECT_DEPS = {"nsubj", "csubj"}
LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "within",
    "into",
    "on",
    "off",
    "along",
    "over",
}
# A political union ("the European Union": regions.tsv code ZN) is a place only as the object of one of these
# ("trade within the EU"); elsewhere it is the union's institutions ("leave the European Union").
UNION_CODES = {"ZN"}
AREA_PREPS = {"in", "across", "throughout", "within", "inside", "outside", "into", "around"}
# Spatial coherence of an article's readings (see _coherence).
COHERENCE_NEAR_KM = 20.0
COHERENCE_FAR_KM = 80.0
COHERENCE_WEIGHT = 3.0
COHERENCE_CAP = 3.0
COHERENCE_TEMPERATURE = 2.0
COHERENCE_CANDIDATES = 50  # readings per name taken into account (fewer in long articles)
COHERENCE_MAX_ENTRIES = 1500  # bounds the pairwise distance matrix
# The article focus is the place with the most mentions on or near it (see article_focus).
FOCUS_NEAR_KM = 50.0
FOCUS_FAR_KM = 200.0
EMBEDDED_NAME_FALLBACK = True  # resolve an unknown "Bank of Japan" as the place in its name (_resolvable_name)
EMBEDDED_CITY_POPULATION = 200_000  # a one-word city inside an unknown name ("Delhi High Court") counts
# A reading is *supported* when another name lies near it (a coherence bonus of NEAR_SUPPORT, a third of one
# nearby name) or the article's other names vote for its first-level division (DIVISION_SUPPORT votes).
NEAR_SUPPORT = 1.0
DIVISION_SUPPORT = 0.5
# Famous city against a far smaller namesake in the same country (_prefer_famous).
FAMOUS_CITY_RULE = True
FAMOUS_CITY_POPULATION = 200_000
FAMOUS_CAPITAL_POPULATION = 100_000
FAMOUS_CITY_RATIO = 20.0
# A world city (a national capital of FAMOUS_CAPITAL_POPULATION, or a city of WORLD_CITY_POPULATION) against a
# namesake of fewer than TINY_NAMESAKE_POPULATION people in another country (_prefer_famous).
WORLD_CITY_POPULATION = 1_000_000
TINY_NAMESAKE_POPULATION = 5_000
# An unsupported town of fewer than STRAY_POPULATION people, more than STRAY_KM from the article's focus in
# the same country, is taken for a street or building named like it: it gets the focus's point, inferred.
STRAY_POPULATION = 10_000
STRAY_KM = 500.0
REGION_NEAR_KM = 1500.0  # a region or sea that shares its name is the one this near the article's places
COUNTRY_CUE_WEIGHT = 0.5  # a currency sign's weight as country context (a named country weighs 3)
# A gazetteer match for capitalized words that the NER left out needs to be a prominent place.
MIN_POPULATION_UNTAGGED = 50_000
# Agents of actors/orgs.tsv whose names are never places: news media and companies.
ORG_AGENTS = frozenset({"MED", "BUS"})
MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE_RE = re.compile(
    r"^\s*(?:(?P<caps>[A-Z][A-Z'.\-]*(?:(?:\s+|/)[A-Z][A-Z'.\-]*){0,4})"
    r"|(?P<title>[A-Z][a-z'.\-]+(?:\s+[A-Z][a-z'.\-]+){0,2}(?=\s*,\s*[A-Z][A-Za-z.]+\s*\()))"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z.']*(?:\s+[A-Z][A-Za-z.']*){0,2}))?"
    rf"(?:\s*,?\s*(?P<date>{MONTHS}\s+\d{{1,2}}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?"
    r"\s*(?:--|-|—|–|:)\s"
)


def _table_set(name: str, column: str) -> frozenset[str]:
    return frozenset(r[column].strip().lower() for r in read_tsv(data_path(f"tables/{name}")) if r.get(column))


@lru_cache(maxsize=1)
def metonymy_verbs() -> frozenset[str]:
    """Lemmas of speech and action verbs whose subject, when a toponym, stands for its government."""
    return _table_set("metonymy_verbs.tsv", "lemma")


@lru_cache(maxsize=1)
def stop_names() -> frozenset[str]:
    """Capitalized words that are place names in the gazetteer but rarely places in news text."""
    return _table_set("place_stopnames.tsv", "name")


def _is_stop_name(name: str) -> bool:
    """True for a word of ``place_stopnames.tsv``, with or without a leading "the" ("The Mission")."""
    key = normalize_name(name)
    return key in stop_names() or (key.startswith("the ") and key[4:] in stop_names())


@lru_cache(maxsize=1)
def world_cities() -> frozenset[tuple[str, str]]:
    """(name, ISO3) of cities known worldwide though neither capitals nor cities of a million
    (``tables/world_cities.tsv``: seats of international bodies, "Geneva", "The Hague")."""
    rows = read_tsv(data_path("tables/world_cities.tsv"))
    return frozenset((normalize_name(r["name"]), r["country"].strip()) for r in rows if r.get("name"))


def _world_city(e: Entry) -> bool:
    """A city that beats a small or unsupported namesake abroad: a national capital of
    ``FAMOUS_CAPITAL_POPULATION``, a city of ``WORLD_CITY_POPULATION`` or a city of ``world_cities``."""
    if e.kind != "city":
        return False
    if e.population >= WORLD_CITY_POPULATION:
        return True
    if e.feature_code == "PPLC" and e.population >= FAMOUS_CAPITAL_POPULATION:
        return True
    return (normalize_name(e.name), e.country) in world_cities()


@lru_cache(maxsize=1)
def personal_titles() -> frozenset[str]:
    """One-word titles put before a person's name (``agents.tsv`` rows of kind title: "president",
    "senator", "gov."): a lone name right after one is that person, not a place ("President Buhari")."""
    words = (r["text"].strip().lower() for r in packaged_tsv("actors/agents.tsv") if r.get("kind") == "title")
    return frozenset(w for w in words if " " not in w)


@lru_cache(maxsize=1)
def leader_names() -> tuple[frozenset[str], frozenset[str]]:
    """The full names of office holders (``actors/leaders.tsv``: names and spellings of two words or more,
    lowercase) and their surnames (the last words of the names as usually written, not of every spelling:
    "ernesto zedillo ponce de leon" does not make "Leon" a surname)."""
    names: set[str] = set()
    surnames: set[str] = set()
    for row in packaged_tsv("actors/leaders.tsv"):
        main = row.get("name", "").strip().lower().split()
        if len(main) >= 2:
            surnames.add(main[-1])
        for name in [row.get("name", ""), *row.get("aliases", "").split("|")]:
            words = name.strip().lower().split()
            if len(words) >= 2:
                names.add(" ".join(words))
    return frozenset(names), frozenset(surnames)


@lru_cache(maxsize=1)
def organization_names() -> frozenset[str]:
    """Names of news organisations and firms the tagger takes for places (``tables/organization_names.tsv``
    and the news media and companies of ``actors/orgs.tsv``: "Gazprom" tagged as a place), normalized;
    names of three letters or fewer in capitals."""
    rows = [r["name"] for r in read_tsv(data_path("tables/organization_names.tsv")) if r.get("name")]
    rows += [r["text"] for r in packaged_tsv("actors/orgs.tsv") if r.get("agent") in ORG_AGENTS and r.get("text")]
    return frozenset(_org_key(n) for n in rows)


def _org_key(name: str) -> str:
    """Lookup key of an organisation name: short names keep their case ("RT", not "rt")."""
    letters = name.replace(".", "").strip()
    return letters.upper() if len(letters) <= 3 else normalize_name(name)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names (``tables/given_names.tsv``): an unknown place entity opening with one and
    followed by plain capitalized words is a person ("Larry King")."""
    return _table_set("given_names.tsv", "name")


_PLAIN_WORD = re.compile(r"^[A-Z][a-z]+$")


def _person_form(span: Span) -> bool:
    """True for "Given Surname" (two or three words): a given name of ``given_names`` and plain capitalized
    words that are no generic words of places ("Henry County", "Patrick Street" are not people)."""
    if not 2 <= len(span) <= 3 or span[0].lower_ not in given_names():
        return False
    generic = _place_generic_words()
    return all(_PLAIN_WORD.match(t.text) and t.lower_ not in generic for t in span[1:])


@lru_cache(maxsize=1)
def _place_generic_words() -> frozenset[str]:
    """Words that make a capitalized run a place's name rather than a person's ("County", "Street")."""
    return named_feature_words() | frozenset(GENERIC_SUFFIXES) | stop_names()


@lru_cache(maxsize=1)
def nonplace_heads() -> frozenset[str]:
    """Nouns that make an unknown name before them an event's or organisation's ("the Zimndaba conference")."""
    return _table_set("nonplace_heads.tsv", "word")


@lru_cache(maxsize=1)
def _country_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    demonyms: set[str] = set()
    seats: set[str] = set()
    for row in packaged_tsv("actors/countries.tsv"):
        text = normalize_name(row.get("text", ""))
        if row.get("kind") == "demonym":
            demonyms.add(text)
        elif row.get("kind") == "seat":
            seats.add(text)
    return frozenset(demonyms), frozenset(seats)


@lru_cache(maxsize=50_000)
def is_demonym(text: str) -> bool:
    """True for a nationality word ("Chinese", "Pakistanis"): not a place."""
    return normalize_name(text) in _country_lexicon()[0]


def is_seat(text: str) -> bool:
    """True for a building or place that stands for an institution ("the Kremlin", "Downing Street")."""
    key = normalize_name(text)
    if key.startswith("the "):
        key = key[4:]
    return key in _country_lexicon()[1]


def _subject_head(token: Token) -> Token | None:
    """The verb a token is the subject of (through conjuncts: "Beijing and Moscow said"), or None."""
    tok = token
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in SUBJECT_DEPS:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":  # "... was condemned by Beijing"
        return tok.head.head
    return None


def is_metonymic(token: Token) -> bool:
    """True when the toponym at ``token`` stands for its government: the subject of a speech or action verb
    ("Beijing said", "the Kremlin warned", "Washington imposed sanctions").

    ``token`` may be any token of the toponym; the test looks at the span's syntactic head.
    """
    root = token
    # Climb from a compound or flat-name part to the head of the name.
    while root.dep_ in {"compound", "flat"} and root.head.i != root.i and root.head.ent_iob_ == "I":
        root = root.head
    if root.ent_type_ and root.ent_iob_ != "O":
        # the entity around the token, found from its IOB tags (not by rebuilding doc.ents each call)
        doc = root.doc
        start = root.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = root.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        root = doc[start:end].root
    verb = _subject_head(root)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in metonymy_verbs():
        return True
    # "Beijing has decided to ...", "Washington is going to ...": the verb's complement decides.
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in metonymy_verbs() for c in verb.children)


def _union_as_body(entry: Entry | None, span: Span) -> bool:
    """True for a political union ("the European Union") that is not the object of an area preposition
    ("in", "across", "within" ...): the union as a body ("Britain voted to leave the European Union"), kept
    with the metonymic toponyms."""
    if entry is None or entry.kind != "region" or entry.feature_code not in UNION_CODES:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return not (tok.dep_ == "pobj" and tok.head.lower_ in AREA_PREPS)


# --------------------------------------------------------------------------------------------------
# Resolution of an article's toponyms together.


@dataclass
class Toponym:
    """A toponym mention to resolve: its text, character offsets and a region named right after it."""

    text: str
    start: int
    end: int
    local: str | None = None  # "US.TX" for "Paris, Texas"; "US" for "Paris, USA"
    dateline: bool = False
    division: bool = False  # listed with first-level divisions ("Oregon and Washington"): read as one


# How resolve_toponyms groups mentions: (name, region after it, dateline, division).
_Key = tuple[str, str | None, bool, bool]


_LIST_GOES_ON_RE = re.compile(r"^(?:\s*,)?\s+(?:and|or)\s+[A-Z]")
_LOCAL_RE = re.compile(r"^\s*,\s*((?:[A-Z][\w.'’-]*\.?)(?:\s+[A-Z][\w.'’-]*){0,2})")


def local_region(gaz: Gazetteer, text: str, end: int) -> str | None:
    """The division or country named right after a toponym (", Texas", ", La.", ", Pakistan"), as a key."""
    m = _LOCAL_RE.match(text[end : end + 60])
    if not m:
        return None
    words = m.group(1).split()
    if _LIST_GOES_ON_RE.match(text[end + m.end() : end + m.end() + 40]):
        return None  # a list goes on after it: "Denver, New York and Chicago"
    for n in range(len(words), 0, -1):
        if n < len(words) and not words[n - 1].endswith("."):
            # the region is the whole capitalized run, or a run up to a full stop ("Huntsville, Texas.
            # Everett ..."): "Georgia Southern University, New Mexico State University" is a list
            continue
        region = gaz.containing_region(" ".join(words[:n]))
        if region:
            return region
    return None


def _evidence(gaz: Gazetteer, ranked: list[Scored], local: str | None) -> tuple[dict[str, float], dict[str, float]]:
    """What one toponym says about the article's countries and first-level divisions. A name's vote for the
    divisions is split by how likely each reading is ("California" votes for the state, hardly for the
    towns of that name in Pennsylvania; "Douglas County" spreads its vote over a dozen states)."""
    countries: dict[str, float] = {}
    admin1: dict[str, float] = {}
    if local:
        if "." in local:
            admin1[local] = 1.0
        entry = gaz.country_entry(local.split(".")[0])
        if entry is not None and entry.country:
            countries[entry.country] = 1.0
    if ranked:
        top = ranked[0].entry
        if top.country:
            if top.kind == "country":
                countries[top.country] = countries.get(top.country, 0.0) + 3.0
            else:
                conf = gaz.confidence(ranked)
                countries[top.country] = countries.get(top.country, 0.0) + (1.0 if conf >= 0.7 else 0.3)
        best = ranked[0].score
        weights: dict[str, float] = {}
        for s in ranked:
            e = s.entry
            if e.admin1 and e.kind in ("admin1", "admin2", "city") and e.match != MATCH_ALT:
                key = f"{e.country2}.{e.admin1}"
                weights[key] = max(weights.get(key, 0.0), math.exp(s.score - best))
        total = sum(weights.values())
        for key, w in weights.items():
            admin1[key] = admin1.get(key, 0.0) + w / total
    return countries, admin1


@dataclass(frozen=True)
class Resolution:
    """How one toponym was resolved: the entry (None if unknown), a 0..1 confidence, and whether the
    point is only inferred from the article's focus (the name itself is not in the gazetteer)."""

    entry: Entry | None
    confidence: float
    inferred: bool = False


def _ramp(d: float, near: float, far: float) -> float:
    """1 up to ``near`` km, falling linearly to 0 at ``far`` km."""
    return max(0.0, min(1.0, (far - d) / (far - near)))


def article_focus(resolved: list[Entry | None]) -> Entry | None:
    """The place an article is mostly about: among the populated places and second-level divisions, the
    one with the most of the article's mentions on or near it (within about 200 km; a name matched only
    by an alternate name counts half), else the most often named first-level division, else country (the
    earliest among equals)."""
    for kinds in (("city", "admin2"), ("admin1",), ("country",)):
        counts: Counter[int] = Counter()
        first: dict[int, Entry] = {}
        for e in resolved:
            if e is not None and e.kind in kinds:
                counts[e.index] += 1
                first.setdefault(e.index, e)
        if not counts:
            continue
        order = list(first)
        support = {i: float(counts[i]) for i in counts}
        if kinds == ("city", "admin2"):
            located = [e for e in resolved if e is not None and e.kind in kinds]
            for i, f in first.items():
                near = sum(
                    _ramp(haversine_km(f.lat, f.lon, e.lat, e.lon), FOCUS_NEAR_KM, FOCUS_FAR_KM)
                    for e in located
                    if e.index != i
                )
                support[i] = (0.5 if f.match == MATCH_ALT else 1.0) * counts[i] + near
        best = max(counts, key=lambda i: (support[i], counts[i], -order.index(i)))
        return first[best]
    return None


def resolve_toponyms(
    gaz: Gazetteer,
    mentions: list[Toponym],
    prior_countries: Mapping[str, float] | None = None,
    demonyms: bool = False,
    focus_fallback: bool = True,
) -> list[Resolution]:
    """Resolve an article's toponyms together. Each name is ranked with, as context, what the article's
    *other* names say: the countries they most likely name and the first-level divisions they can lie in;
    then readings that lie near plausible readings of the other names gain (:func:`_coherence`: "Athens"
    with "Henderson County" is the Texas town). A name resolved with a region written after it
    ("Alexandria, La.") keeps that reading for its other mentions. A famous city beats a far smaller
    namesake in its country unless a nearby name supports the namesake (:func:`_prefer_famous`); a small
    town with no support far from the article's focus in the same country is taken for a street or
    building named like it (``STRAY_POPULATION``, ``STRAY_KM``). ``prior_countries``: countries the text
    points to otherwise (nationality words, currency signs: :func:`text_country_cues`). ``demonyms``: also
    resolve nationality words ("Russian" -> Russia). ``focus_fallback``: a name the gazetteer does not know
    (a street, a building, a small village) gets the point of the article's focus (:func:`article_focus`),
    marked as inferred. Returns one :class:`Resolution` per mention."""
    keys = []
    for m in mentions:
        name = _resolvable_name(gaz, m.text, demonyms)
        # a region after an organization's name does not place the place inside that name
        keys.append((name, m.local if name == m.text else None, m.dateline, m.division and not m.local))
    first: dict[_Key, list[Scored]] = {}
    for k in keys:
        if k not in first:
            first[k] = gaz.ranked(k[0], local_region=k[1], demonyms=demonyms)
    # Evidence per distinct name, so that a repeated name does not reinforce itself; a side of a place
    # ("North Georgia") is one clue with the place's own name ("Georgia").
    ev_name = {
        k: normalize_name(r[0].entry.name if r and r[0].entry.match == MATCH_RELATIVE else k[0])
        for k, r in first.items()
    }
    by_name: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
    for k, ranked in first.items():
        norm = ev_name[k]
        c_ev, a_ev = _evidence(gaz, ranked, k[1])
        if norm in by_name:
            c_old, a_old = by_name[norm]
            c_ev = {c: max(v, c_old.get(c, 0.0)) for c, v in {**c_old, **c_ev}.items()}
            a_ev = {a: max(v, a_old.get(a, 0.0)) for a, v in {**a_old, **a_ev}.items()}
        by_name[norm] = (c_ev, a_ev)
    # division votes of the names whose first reading lies in a division: "Russia" is no support for the
    # Ohio village of Geneva because a village of Ohio is also called Russia
    in_division = {ev_name[k] for k, r in first.items() if r and r[0].entry.kind in ("admin1", "admin2", "city")}
    firm_a: dict[str, float] = {}
    for norm in in_division:
        for a, v in by_name[norm][1].items():
            firm_a[a] = firm_a.get(a, 0.0) + v
    total_c: dict[str, float] = {}
    total_a: dict[str, float] = {}
    for c_ev, a_ev in [*by_name.values(), (dict(prior_countries or {}), {})]:
        for c, v in c_ev.items():
            total_c[c] = total_c.get(c, 0.0) + v
        for a, v in a_ev.items():
            total_a[a] = total_a.get(a, 0.0) + v
    second: dict[_Key, list[Scored]] = {}
    division_votes: dict[_Key, dict[str, float]] = {}
    for k in first:
        c_ev, a_ev = by_name[ev_name[k]]
        ctx_c = {c: v - c_ev.get(c, 0.0) for c, v in total_c.items() if v - c_ev.get(c, 0.0) > 1e-9}
        ctx_a = {a: v - a_ev.get(a, 0.0) for a, v in total_a.items() if v - a_ev.get(a, 0.0) > 1e-9}
        second[k] = gaz.ranked(k[0], ctx_c, ctx_a, k[1], demonyms=demonyms)
        division_votes[k] = ctx_a
    bonus = _coherence(second)
    # each name's first reading in context, for the regions and seas that share a name ("the Gulf")
    located = {normalize_name(k[0]): r[0].entry for k, r in second.items() if r and r[0].entry.kind != "region"}
    final: dict[_Key, tuple[Entry | None, float]] = {}
    unsupported: dict[_Key, int] = {}  # key -> its reading, when unsupported
    for k, ranked in second.items():
        extra = bonus.get(normalize_name(k[0]))
        if extra:
            ranked = [Scored(s.entry, s.score + extra.get(s.entry.index, 0.0)) for s in ranked]
            ranked.sort(key=lambda s: (-s.score, -s.entry.population, s.entry.index))
        if ranked and ranked[0].entry.kind == "region":
            norm = normalize_name(k[0])
            ranked = _nearest_region(ranked, [e for n, e in located.items() if n != norm])
        if k[2]:
            ranked = _prefer_cities(ranked)
        if k[3]:
            ranked = _prefer_division(ranked)
        if FAMOUS_CITY_RULE and not k[1] and ranked:
            top_key = f"{ranked[0].entry.country2}.{ranked[0].entry.admin1}"
            own = by_name[ev_name[k]][1].get(top_key, 0.0) if ev_name[k] in in_division else 0.0
            ranked = _prefer_famous(ranked, extra or {}, firm_a.get(top_key, 0.0) - own)
        final[k] = (ranked[0].entry, gaz.confidence(ranked)) if ranked else (None, 0.0)
        if ranked and not k[1]:
            e0 = ranked[0].entry
            votes = division_votes[k].get(f"{e0.country2}.{e0.admin1}", 0.0)
            if (extra or {}).get(e0.index, 0.0) < NEAR_SUPPORT and votes < DIVISION_SUPPORT:
                unsupported[k] = e0.index
    # One reading per name and article, preferring the reading fixed by a region after the name.
    fixed: dict[str, tuple[Entry | None, float]] = {}
    for k, res in final.items():
        if k[1] and res[0] is not None:
            fixed.setdefault(normalize_name(k[0]), res)
    chosen: list[tuple[Entry | None, float]] = []
    for k in keys:
        res = final[k]
        if not k[1] and not k[3]:
            res = fixed.get(normalize_name(k[0]), res)
        chosen.append(res)
    focus = article_focus([e for e, _c in chosen]) if focus_fallback else None
    out: list[Resolution] = []
    countries = Counter(e.country for e, _c in chosen if e is not None and e.kind != "country")
    for k, (entry, conf) in zip(keys, chosen, strict=True):
        region = _region_entry(gaz, k[1]) if entry is None and focus_fallback and k[1] else None
        if region is not None and (
            not countries[region.country]  # a region of a country that the article's places are not in
            or (focus is not None and (focus.country2, focus.admin1) == (region.country2, region.admin1))
        ):
            region = None
        if region is not None:  # "CAMP MURRAY, Wash.": in the division written after it
            out.append(Resolution(region, 0.1, inferred=True))
        elif entry is None and focus is not None:
            out.append(Resolution(focus, 0.1, inferred=True))
        elif (
            STRAY_POPULATION
            and entry is not None
            and focus is not None
            and entry.kind == "city"
            and entry.population < STRAY_POPULATION
            and unsupported.get(k) == entry.index
            and entry.country == focus.country
            and haversine_km(entry.lat, entry.lon, focus.lat, focus.lon) > STRAY_KM
        ):  # a hamlet far from everything else the article names: more likely a street or building there
            out.append(Resolution(focus, 0.1, inferred=True))
        else:
            out.append(Resolution(entry, conf))
    return out


def _region_entry(gaz: Gazetteer, key: str | None) -> Entry | None:
    """The entry of a region key of :func:`local_region` ("US.WA" or "US")."""
    if not key:
        return None
    if "." in key:
        cc, a1 = key.split(".", 1)
        return gaz.admin1_entry(cc, a1)
    return gaz.country_entry(key)


@lru_cache(maxsize=1)
def named_feature_words() -> frozenset[str]:
    """Generic words of natural-feature and street names ("lake", "river", "mount", "avenue")."""
    return _table_set("named_feature_words.tsv", "word")


def _resolvable_name(gaz: Gazetteer, text: str, demonyms: bool) -> str:
    """The name to resolve for a mention: the mention itself when the gazetteer knows it, else the longest
    run of its words that names a prominent place ("Bank of Japan" -> "Japan", "Arizona State University"
    -> "Arizona": an organization or building is most likely where its name says): a country or continent,
    a division (one word, not a generic word of ``place_stopnames.tsv``), or a run of two or more words
    naming a region or a city of 50,000 people. Names of natural features and streets ("Lake Vermont",
    "Hampton Avenue") keep their own name: the place inside is often elsewhere."""
    if not EMBEDDED_NAME_FALLBACK or gaz.candidates(text, demonyms=demonyms):
        return text
    words = text.split()
    if len(words) < 2 or any(normalize_name(w) in named_feature_words() for w in words):
        return text
    found: dict[str, str] = {}  # the longest run naming a wider area, used when no run names a city
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            sub = " ".join(words[i : i + size])
            if not sub[:1].isupper() or is_side_name(sub):
                continue  # a side of nowhere named ("South East" is not Botswana's district) is no clue
            ranked = gaz.ranked(sub, demonyms=demonyms)
            if not ranked:
                continue
            top = ranked[0].entry
            if top.match == MATCH_ALT and size == 1:
                continue
            usable = (
                top.kind in ("country", "continent")
                or (size == 1 and top.kind == "admin1" and normalize_name(sub) not in stop_names())
                or (
                    size == 1
                    and top.kind == "city"
                    and top.population >= EMBEDDED_CITY_POPULATION
                    and normalize_name(sub) not in stop_names()
                )
                or (size > 1 and (top.kind in ("admin1", "region") or top.population >= MIN_POPULATION_UNTAGGED))
            )
            if not usable:
                continue
            if top.kind == "city":  # "British Embassy Tokyo": the city rather than the country
                return sub
            found.setdefault("wider", sub)
    return found.get("wider", text)


def _coherence(ranked_by_key: Mapping[_Key, list[Scored]]) -> dict[str, dict[int, float]]:
    """Spatial coherence: normalized name -> entry index -> score bonus.

    A reading (populated place or second-level division) gains for each *other* name of the article that
    has a plausible reading near it: full weight within 20 km, none beyond 80 km, times that reading's
    likelihood relative to its name's best (exp of the score difference / 2), at most
    ``COHERENCE_CAP`` names, ``COHERENCE_WEIGHT`` each. Repeated twice, so that a cluster of small places
    ("Alexandria", "Brandon", "Douglas County" in Minnesota) lifts its members together."""
    groups: dict[str, dict[int, tuple[Entry, float]]] = {}
    best_all: dict[str, float] = {}
    for k, ranked in ranked_by_key.items():
        norm = normalize_name(k[0])
        group = groups.setdefault(norm, {})
        if ranked:
            best_all[norm] = max(best_all.get(norm, -math.inf), ranked[0].score)
        for s in ranked:
            if s.entry.kind in ("city", "admin2") and s.entry.index not in group:
                group[s.entry.index] = (s.entry, s.score)
    names = [n for n, g in groups.items() if g]
    if len(names) < 2:
        return {}
    per_name = max(5, min(COHERENCE_CANDIDATES, COHERENCE_MAX_ENTRIES // len(names)))
    items: list[tuple[int, Entry, float]] = []
    for ni, n in enumerate(names):
        cands = sorted(groups[n].values(), key=lambda es: -es[1])[:per_name]
        items.extend((ni, e, sc) for e, sc in cands)
    owner = np.array([ni for ni, _e, _s in items])
    base = np.array([sc for _ni, _e, sc in items], dtype=np.float32)
    top = np.array([best_all[names[ni]] for ni in owner], dtype=np.float32)
    lat = np.radians(np.array([e.lat for _ni, e, _s in items], dtype=np.float32))
    lon = np.radians(np.array([e.lon for _ni, e, _s in items], dtype=np.float32))
    xyz = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)
    dist = 6371.0 * np.arccos(np.clip(xyz @ xyz.T, -1.0, 1.0))
    near = np.clip((COHERENCE_FAR_KM - dist) / (COHERENCE_FAR_KM - COHERENCE_NEAR_KM), 0.0, 1.0)
    near[owner[:, None] == owner[None, :]] = 0.0
    ids = np.array([e.index for _ni, e, _s in items])
    near[ids[:, None] == ids[None, :]] = 0.0  # two names of one place ("Washington", "D.C.") are one clue
    masks = [owner == j for j in range(len(names))]
    bonus = np.zeros(len(items), dtype=np.float64)
    for _round in range(2):
        score = base + bonus
        group_best = np.array([score[m].max() for m in masks], dtype=np.float32)[owner]
        likelihood = np.exp((score - np.maximum(top, group_best)) / COHERENCE_TEMPERATURE)
        weighted = near * likelihood[None, :]
        support = np.zeros(len(items), dtype=np.float64)
        for m in masks:
            support += weighted[:, m].max(axis=1)
        bonus = np.minimum(support, COHERENCE_CAP) * COHERENCE_WEIGHT
    out: dict[str, dict[int, float]] = {}
    for (ni, e, _s), b in zip(items, bonus.tolist(), strict=True):
        if b > 0:
            out.setdefault(names[ni], {})[e.index] = float(b)
    return out


@lru_cache(maxsize=1)
def _country_cues() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    rows = read_tsv(data_path("tables/country_cues.tsv"))
    return tuple(
        (r["cue"], re.compile(r"(?<![A-Za-z])" + re.escape(r["cue"]) + r"\s?\d"), r["iso3"])
        for r in rows
        if r.get("cue")
    )


def text_country_cues(text: str) -> dict[str, float]:
    """Countries that the article's currency amounts point to ("$25,000" -> USA, "£40m" -> GBR), as a weak
    prior (``COUNTRY_CUE_WEIGHT`` each) for :func:`resolve_toponyms`."""
    out: dict[str, float] = {}
    for cue, rx, iso3 in _country_cues():
        if cue in text and rx.search(text):  # the sign itself first: most texts have none of them
            out[iso3] = out.get(iso3, 0.0) + COUNTRY_CUE_WEIGHT
    return out


def _prefer_famous(ranked: list[Scored], near_bonus: Mapping[int, float], votes: float = 0.0) -> list[Scored]:
    """A famous city against a far smaller namesake in the same country ("Portland", Oregon against
    Portland, Texas; "Louisville", Kentucky against Louisville, Ohio): the namesake keeps the lead only when
    another name of the article lies near it (a coherence bonus of ``NEAR_SUPPORT``). That the article names
    the namesake's state is not enough: a famous city is named in news across its country, often as a
    sports team or a newspaper. Famous: a city of ``FAMOUS_CITY_POPULATION`` people or a national capital
    of ``FAMOUS_CAPITAL_POPULATION``, with ``FAMOUS_CITY_RATIO`` times the namesake's population or more.
    A namesake in another country keeps the lead when it has ``TINY_NAMESAKE_POPULATION`` people or more:
    there the country context is strong evidence (a local paper's "Paris" in Illinois, "London" in
    Kentucky); a smaller one loses to a world city (a national capital of ``FAMOUS_CAPITAL_POPULATION``, a
    city of ``WORLD_CITY_POPULATION``) unless a name of the article lies near it: "Warsaw" after "Ohio and
    Michigan" is Poland's capital, not the Ohio village of 700. A city of ``world_cities`` (a seat of
    international bodies) beats a smaller namesake abroad of any size unless the namesake is supported: a
    name near it, or ``votes`` of ``DIVISION_SUPPORT`` for its division by the article's names of towns and
    divisions: "Geneva" in a story that names the United States (and Russia, a village of Ohio) is
    Switzerland's, not Geneva, Illinois, of 21,000, or Ohio's."""
    if len(ranked) < 2:
        return ranked
    top = ranked[0].entry
    if top.kind not in ("city", "admin2") or near_bonus.get(top.index, 0.0) >= NEAR_SUPPORT:
        return ranked
    for s in ranked[1:]:
        e = s.entry
        if e.kind != "city" or e.match != MATCH_NAME:
            continue
        if e.country != top.country:
            if not _world_city(e):
                continue
            tiny = top.kind == "city" and top.population < TINY_NAMESAKE_POPULATION
            listed = (
                (normalize_name(e.name), e.country) in world_cities()
                and votes < DIVISION_SUPPORT
                and top.population < e.population
            )
            if tiny or listed:
                return [s] + [r for r in ranked if r is not s]
            continue
        famous = e.population >= FAMOUS_CITY_POPULATION or (
            e.feature_code == "PPLC" and e.population >= FAMOUS_CAPITAL_POPULATION
        )
        if famous and e.population >= FAMOUS_CITY_RATIO * max(top.population, 1):
            return [s] + [r for r in ranked if r is not s]
    return ranked


def _nearest_region(ranked: list[Scored], others: list[Entry]) -> list[Scored]:
    """Regions and seas that share a name and score alike ("the Gulf": the Persian Gulf or the Gulf of
    Mexico): the one within ``REGION_NEAR_KM`` of the article's other places, the nearest if several; the
    first (the table's order) when none is."""
    tied = [s for s in ranked if s.entry.kind == "region" and s.score >= ranked[0].score - 1e-6]
    points = [e for e in others if e.kind != "continent" and not math.isnan(e.lat)]
    if len(tied) < 2 or not points:
        return ranked

    def reach(s: Scored) -> float:
        return min(haversine_km(s.entry.lat, s.entry.lon, e.lat, e.lon) for e in points)

    best = min(tied, key=reach)
    if best is ranked[0] or reach(best) > REGION_NEAR_KM or reach(best) >= reach(ranked[0]):
        return ranked
    return [best] + [s for s in ranked if s is not best]


def _prefer_division(ranked: list[Scored]) -> list[Scored]:
    """A name listed with first-level divisions ("apples from Washington and pears from Oregon") is the
    division of that name, not the city."""
    division = next((s for s in ranked if s.entry.kind == "admin1" and s.entry.match == MATCH_NAME), None)
    if division is None or division is ranked[0]:
        return ranked
    return [division] + [s for s in ranked if s is not division]


def _prefer_cities(ranked: list[Scored]) -> list[Scored]:
    """Datelines name a city: prefer a city reading within reach of the best one."""
    out = [Scored(s.entry, s.score + (3.0 if s.entry.kind == "city" else 0.0)) for s in ranked]
    out.sort(key=lambda s: -s.score)
    return out


def make_place(text: str, start: int, end: int, res: Resolution) -> Place:
    """The output record: a resolved entry, an inferred point (no GeoNames id or feature), or nothing."""
    entry, confidence = res.entry, res.confidence
    if entry is None:
        return Place(text=text, start=start, end=end, confidence=0.0)
    if res.inferred:
        return Place(
            text=text,
            start=start,
            end=end,
            country=entry.country,
            lat=round(entry.lat, 5),
            lon=round(entry.lon, 5),
            confidence=confidence,
        )
    return Place(
        text=text,
        start=start,
        end=end,
        name=entry.name,
        geonameid=entry.geonameid,
        country=entry.country,
        lat=round(entry.lat, 5),
        lon=round(entry.lon, 5),
        feature_class=entry.feature_class,
        feature_code=entry.feature_code,
        confidence=confidence,
    )


# --------------------------------------------------------------------------------------------------
# Finding toponyms in the text.


def _dateline_match(text: str) -> re.Match[str] | None:
    """The match of :data:`DATELINE_RE` at the start of ``text`` when it is a dateline, else None."""
    m = DATELINE_RE.match(text[:200])
    if not m:
        return None
    group = "caps" if m.group("caps") else "title"
    bare = not (m.group("date") or m.group("agency") or m.group("region"))
    if group == "caps" and bare and not re.search(r"\s(--|—|–)\s", m.group(0)):
        return None  # a bare "WORD -" opening needs a dateline dash, a date or an agency to count
    if group == "caps" and len(m.group(group)) < 3:
        return None
    return m


def dateline_length(text: str) -> int | None:
    """How many characters a dateline at the start of ``text`` takes, its dash and the space after it
    included ("ISLAMABAD, Oct 28 (Reuters) - "), or None."""
    m = _dateline_match(text)
    return m.end() if m else None


def find_dateline(text: str) -> tuple[str, int, int] | None:
    """The place of a dateline at the start of the text ("ISLAMABAD, Oct 28 (Reuters) -"), as
    (text, start, end), or None. ``corridor.datelines.dateline_end`` is a token-level cousin for every
    sentence, used only to keep dateline words out of actors and triggers."""
    m = _dateline_match(text)
    if m is None:
        return None
    group = "caps" if m.group("caps") else "title"
    place = m.group(group)
    start = m.start(group)
    place = place.split("/")[0].strip()  # "NEW DELHI/ISLAMABAD, May 10 -": filed from both; the first is placed
    return place, start, start + len(place)


# string-store ids (spaCy's ``get_string_id``, as a token's attributes hold them) of the determiners a name
# drops and of the possessive tag
_DETERMINER_IDS = frozenset(get_string_id(w) for w in ("the", "a", "an"))
_THE_ID = get_string_id("the")
_POSSESSIVE_TAG_ID = get_string_id("POS")


def _strip_span(span: Span, tokens: DocTokens) -> Span | None:
    """Drop a leading determiner and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    while start < end and tokens.lower_ids[start] in _DETERMINER_IDS:
        start += 1
    while end > start and (tokens.tag[end - 1] == _POSSESSIVE_TAG_ID or tokens.word(end - 1) in {"'s", "’s", "'"}):
        end -= 1
    if start >= end:
        return None
    return span if (start, end) == (span.start, span.end) else span.doc[start:end]


def _person_name_words(ents: Sequence[Span], tokens: DocTokens) -> frozenset[str]:
    """The first and last words of the article's names of people that have two words or more: the tagger's
    PERSON entities and any entity that is an office holder's full name ("Gustavo Petro" tagged ORG)."""
    words: set[str] = set()
    full_names = leader_names()[0]
    for ent in ents:
        if len(ent) >= 2 and (ent.label_ == "PERSON" or tokens.span_text(ent.start, ent.end).lower() in full_names):
            words.update({tokens.word(ent.start), tokens.word(ent.end - 1)})
    return frozenset(w for w in words if w[:1].isupper())


def _conjuncts(tok: Token) -> set[int]:
    """The token indices of ``tok``'s coordination, ``tok`` included (spaCy's ``Token.conjuncts``)."""
    return {tok.i, *(c.i for c in tok.conjuncts)}


def _listed_with(tok: Token) -> set[int]:
    """Token indices listed together with ``tok``: its conjuncts ("Oregon and Washington") and the objects
    of the same preposition in coordinated phrases ("apples from Washington and trees from Oregon")."""
    members = _conjuncts(tok)
    base = tok.doc[min(members)]
    if base.dep_ != "pobj":
        return members
    prep = base.head
    # the phrases' heads, and the name's own conjuncts ("from Washington and trees from ..." misparsed)
    for h in _conjuncts(prep.head) | set(members):
        for c in tok.doc[h].children:
            if c.dep_ == "prep" and c.lower_ == prep.lower_:
                for o in c.children:
                    if o.dep_ == "pobj":
                        members |= _conjuncts(o)
    return members


# Word classes that do not open a place name: a sentence's first word swept into an entity ("Say Mexico").
_NOT_NAME_POS = {"AUX", "VERB", "ADV", "PRON", "SCONJ", "CCONJ", "INTJ", "ADP", "PART"}
_NOT_NAME_POS_IDS = frozenset(spacy_symbols.IDS[p] for p in _NOT_NAME_POS)


def _organization_prefix(span: Span, tokens: DocTokens) -> int:
    """The number of leading words of ``span`` that name a news organisation or firm (0 if none)."""
    orgs = organization_names()
    for n in range(len(span), 0, -1):
        if _org_key(tokens.span_text(span.start, span.start + n)) in orgs:
            return n
    return 0


def _after_organization_noun(tokens: DocTokens, start: int, end: int) -> bool:
    """True when a noun of ``nonplace_heads`` right before the name at tokens ``start`` to ``end`` is its
    compound or the noun it stands in apposition to ("Japanese newspaper Asahi", "the gas firm Gazprom"): an
    organisation's name, even one the gazetteer knows as a town."""
    if start == 0 or tokens.pos[start - 1] != spacy_symbols.NOUN:
        return False
    prev = tokens.doc[start - 1]
    if prev.lemma_.lower() not in nonplace_heads():
        return False
    root = tokens.doc[start:end].root
    return (prev.dep_ == "compound" and prev.head.i == root.i) or (root.dep_ == "appos" and root.head.i == prev.i)


def _names_event(span: Span) -> bool:
    """True when the name modifies, or stands in apposition to, a noun of ``nonplace_heads`` ("the Zimndaba
    conference", "Zimndaba, an investment conference")."""
    heads = nonplace_heads()
    root = span.root
    if len(span) > 0 and span[-1].lemma_.lower() in heads and span[-1].pos_ in {"NOUN", "PROPN"}:
        return True  # the name ends with such a noun: "the Zimndaba Conference", "the Intifada"
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in heads and root.head.i >= span.end:
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in heads:
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in heads for c in root.children):
        return True
    # an apposition the parser attached elsewhere: "Zimndaba, a mining conference held in ..."
    doc = span.doc
    after = doc[span.end : span.end + 6]
    if len(after) < 3 or after[0].text != "," or after[1].lower_ not in {"a", "an", "the"}:
        return False
    for tok in after[2:]:
        if tok.is_punct:
            return False
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in heads:
            return True
    return False


@dataclass
class DocTokens:
    """A doc's token attributes as plain lists, read once per article: creating spaCy ``Token`` objects (or
    looking up each word's string) for every word is the costly part of scanning a doc, and the place stage
    scans it three times."""

    doc: Doc
    text: str
    iob: list[int]  # ENT_IOB: 1 inside, 2 outside, 3 beginning of an entity
    ent_type: list[int]
    alpha: list[int]
    pos: list[int]
    tag: list[int]
    lower_ids: list[int]
    starts: list[int]  # character offsets of the tokens in ``text``
    ends: list[int]
    cap: list[bool]  # the token's first character is upper case

    @classmethod
    def of(cls, doc: Doc) -> DocTokens:
        iob, ent_type, alpha, pos, tag, lower, starts, lengths = doc.to_array(
            [ENT_IOB, ENT_TYPE, IS_ALPHA, POS, TAG, LOWER, IDX, LENGTH]
        ).T.tolist()
        text = doc_text(doc)
        ends = [s + n for s, n in zip(starts, lengths, strict=True)]
        cap = [text[s].isupper() for s in starts]  # a token is never empty
        return cls(doc, text, iob, ent_type, alpha, pos, tag, lower, starts, ends, cap)

    def word(self, k: int) -> str:
        """The text of token ``k``."""
        return self.text[self.starts[k] : self.ends[k]]

    def lower(self, k: int) -> str:
        """The lower-case form of token ``k`` (spaCy's ``lower_``)."""
        return str(self.doc.vocab.strings[self.lower_ids[k]])

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (``doc[start:end].text``)."""
        return self.text[self.starts[start] : self.ends[end - 1]]


PROMINENCE_MEMO = 200_000  # names whose prominence a place finder remembers


@lru_cache(maxsize=PROMINENCE_MEMO)  # the same capitalized words recur, in an article and from one to the next
def _not_a_place_name(name: str, inside: bool) -> bool:
    """True for capitalized words that :meth:`PlaceFinder.untagged_spans` does not take for a place whatever
    their context: a word of ``place_stopnames.tsv`` (with or without "the" unless ``inside``), a nationality
    word, compass words ("Northeast" is no more Iceland's region than "the South East" is Botswana's), or a
    news organisation or firm ("Asahi": a newspaper, not the town)."""
    stopped = _is_stop_name(name) if not inside else normalize_name(name) in stop_names()
    return stopped or is_demonym(name) or is_side_name(name) or _org_key(name) in organization_names()


class PlaceFinder:
    """Finds toponym spans in a ``Doc``: NER places and gazetteer matches for capitalized words."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._prominence = lru_cache(maxsize=PROMINENCE_MEMO)(self._prominent_uncached)  # names recur

    def entity_spans(self, doc: Doc, org_tokens: set[int] | None = None, tokens: DocTokens | None = None) -> list[Span]:
        """The tagger's place entities that are toponyms (and mislabelled ones that name a known place).
        The tokens of place entities that are organisations' names ("RT America") go into ``org_tokens``:
        a place inside them is an embedded toponym. ``tokens``: the doc's :class:`DocTokens`, when the
        caller has them."""
        out: list[Span] = []
        tk = tokens if tokens is not None else DocTokens.of(doc)
        ents = doc.ents
        person_words = _person_name_words(ents, tk)
        surnames = leader_names()[1]
        text = tk.text
        for ent in ents:
            if ent.label_ not in PLACE_LABELS and ent.label_ not in MISTAGGED_LABELS:
                continue
            span = _strip_span(ent, tk)
            if span is None:
                continue
            name = tk.span_text(span.start, span.end)
            if is_demonym(name):
                continue
            if len(span) > 1 and tk.pos[span.start] in _NOT_NAME_POS_IDS and not self.gaz.candidates(name):
                span = span[1:]  # "Say Mexico demanded ...": the sentence's verb is no part of the name
                name = tk.span_text(span.start, span.end)
            if len(span) == 1 and span.start > 0 and tk.lower(span.start - 1) in personal_titles():
                continue  # "President Buhari", "Senator Warren": a person the tagger read as a place
            if _after_organization_noun(tk, span.start, span.end):
                continue  # "Japanese newspaper Asahi": a newspaper, not the town of Asahi
            org = _organization_prefix(span, tk)
            if org:  # "According to Bloomberg", "RT America": a news organisation, not a place
                if org < len(span) and org_tokens is not None:
                    org_tokens.update(range(span.start, span.end))
                continue
            if (
                len(span) == 1
                and ent.label_ == "PERSON"
                and name.lower() in surnames
                and not self._prominent(name, cities=False)
            ):
                continue  # "the Bush administration": an office holder's surname tagged as a person
            if all(tk.lower(k) in COMPASS_WORDS for k in range(span.start, span.end)):
                continue  # "the West", "the South East": a side of the world or of a country, no named place
            placed = self._placed_by_region(span, text)  # "Lincoln, Nebraska": a town in the region written after it
            if (
                len(span) == 1
                and name in person_words
                and (ent.label_ == "PERSON" or not self._prominent(name))
                and not placed
            ):
                continue  # "Bush" after "George Bush", "Yulia" after "Yulia Skripal": the person, not a place
            if ent.label_ in MISTAGGED_LABELS and not (is_seat(name) or self._prominent(name, sides=True) or placed):
                continue  # an organization or person, unless its whole name is a seat or a known place
            if not is_seat(name) and not self._plausible_form(name):
                continue
            if not any(tk.alpha[k] and tk.cap[k] for k in range(span.start, span.end)):
                continue
            if ent.label_ == "FAC" and not self.gaz.candidates(name) and not is_seat(name):
                continue  # buildings and streets the gazetteer does not know are left out
            if (
                not placed and not self.gaz.candidates(name) and _resolvable_name(self.gaz, name, False) == name
            ):  # a name the gazetteer does not know, with no known place inside ("Vatican Gardens")
                if _names_event(span):
                    continue  # "the Zimndaba conference": an unknown name of an event or organisation
                if _person_form(span):
                    continue  # "Larry King" tagged as a place: a person's name
            out.append(span)
        return out

    def listed_with_divisions(self, spans: list[Span]) -> set[tuple[int, int]]:
        """The spans (start, end) of names that are a first-level division and a city ("Washington") listed
        with other toponyms that are all divisions of that country and no large city's name ("apples from
        Washington and Christmas trees from Oregon", "California or Washington"): the division is meant.
        "Washington, New York and Boston" lists cities; "Washington and New York" is left as it is."""
        out: set[tuple[int, int]] = set()
        by_root = {s.root.i: s for s in spans}
        for span in spans:
            cands = self.gaz.candidates(span.text)
            countries = {e.country2 for e in cands if e.kind == "admin1" and e.match == MATCH_NAME}
            if not countries:
                continue
            after = _LOCAL_RE.match(doc_text(span.doc)[span.end_char : span.end_char + 60])
            if after and {e.index for e in self.gaz.candidates(after.group(1))} & {e.index for e in cands}:
                continue  # "Washington, D.C.": the city, named again after it
            others = [by_root[i] for i in _listed_with(span.root) if i in by_root and i != span.root.i]
            if others and all(self._plain_division(o.text, countries) for o in others):
                out.add((span.start, span.end))
        return out

    def _plain_division(self, text: str, countries: set[str]) -> bool:
        """True when the name's first reading is a first-level division of one of ``countries`` and it is
        no large city's or capital's name ("Oregon"; not "New York")."""
        ranked = self.gaz.ranked(text)
        if not ranked or ranked[0].entry.kind != "admin1" or ranked[0].entry.country2 not in countries:
            return False
        return not any(
            s.entry.kind == "city" and (s.entry.population >= WORLD_CITY_POPULATION or s.entry.feature_code == "PPLC")
            for s in ranked
        )

    def _placed_by_region(self, span: Span, text: str) -> bool:
        """True when a division or country is written right after the name ("Lincoln, Nebraska", "Marion,
        Ohio") and the gazetteer has a town or county of that name inside it."""
        region = local_region(self.gaz, text, span.end_char)
        if region is None:
            return False
        return any(
            e.kind in ("city", "admin2") and region in (f"{e.country2}.{e.admin1}", e.country2)
            for e in self.gaz.candidates(span.text)
        )

    def _plausible_form(self, text: str) -> bool:
        """Acronyms count only when they are known place abbreviations ("US", "UAE", "NYC")."""
        letters = text.replace(".", "").replace(" ", "")
        if letters.isupper() and len(letters) <= 5:
            return self.gaz.is_abbreviation(text)
        return len(letters) >= 3

    def _prominent(self, text: str, sides: bool = False, cities: bool = True) -> bool:
        """True when the name, exactly as written, is a country, division, region or (unless not ``cities``)
        large city; with ``sides``, also a side of one ("the Far North of Cameroon", tagged as an
        organization)."""
        return self._prominence(text, sides, cities)

    def _prominent_uncached(self, text: str, sides: bool, cities: bool) -> bool:
        if not self._plausible_form(text):
            return False
        ranked = self.gaz.ranked(text)
        if not ranked or normalize_name(text) in stop_names():
            return False
        top = ranked[0].entry
        if top.match == MATCH_RELATIVE:
            return sides and top.kind in SIDE_BASE_KINDS
        if top.match != MATCH_NAME and (top.match != MATCH_ALT or " " not in text):
            return False  # one-word names must match a primary name
        return top.kind in ("country", "admin1", "continent", "region") or (
            cities and top.kind == "city" and top.population >= MIN_POPULATION_UNTAGGED
        )

    def untagged_spans(
        self,
        doc: Doc,
        taken: set[int],
        inside: bool = False,
        org_tokens: set[int] | None = None,
        tokens: DocTokens | None = None,
    ) -> list[Span]:
        """Capitalized word sequences that name a country, division, region or large city: outside any
        entity, or with ``inside``, within an organization, facility or event name ("Texas Department of
        Public Safety") or within a place entity that is an organisation's name (``org_tokens``: "RT
        America"). ``tokens``: the doc's :class:`DocTokens`, when the caller has them."""
        out: list[Span] = []
        tk = tokens if tokens is not None else DocTokens.of(doc)
        iob, cap, alpha = tk.iob, tk.cap, tk.alpha
        n = len(iob)
        if inside:
            labels = {doc.vocab.strings[label] for label in EMBEDDING_LABELS}
            orgs = org_tokens or set()
            ok = [k not in taken and iob[k] in (1, 3) and (tk.ent_type[k] in labels or k in orgs) for k in range(n)]
        else:
            ok = [k not in taken and iob[k] == 2 for k in range(n)]
        next_free = 0  # the first token neither looked at nor inside a name found
        for i in [k for k in range(n) if ok[k] and cap[k] and alpha[k]]:  # where a name can open
            if i < next_free:
                continue
            matched = 0
            for size in (4, 3, 2, 1):
                j = i + size
                if j > n or not all(ok[i:j]) or not cap[j - 1]:
                    continue
                if inside and any(iob[k] == 3 for k in range(i + 1, j)):
                    continue  # stay within one entity
                if not all(cap[k] or tk.lower(k) in {"of", "and"} for k in range(i, j)):
                    continue
                name = tk.span_text(i, j)
                if _not_a_place_name(name, inside):
                    continue
                if size == 1 and doc[i].is_sent_start and doc[i].is_stop:
                    continue
                if size == 1 and tk.pos[i] != spacy_symbols.PROPN:
                    continue
                if _after_organization_noun(tk, i, j):
                    continue  # "Japanese newspaper Asahi": a newspaper, not the town
                if self._prominent(name):
                    words = doc[i:j]
                    if size > 1 and tk.lower_ids[i] == _THE_ID and self._prominent(tk.span_text(i + 1, j)):
                        words = doc[i + 1 : j]  # "The Georgia Bulldogs" opening a sentence: "Georgia"
                    out.append(words)
                    matched = size
                    break
            next_free = i + (matched or 1)
        return out


@register_stage("places")
class PlaceStage:
    """Toponyms -> resolved :class:`Place` records (see the module docstring)."""

    name: ClassVar[str] = "places"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.gaz = get_gazetteer()
        self.finder = PlaceFinder(self.gaz)
        # Unknown names (streets, buildings, villages) get the article focus's point, marked as inferred.
        self.focus_fallback = bool(config.options.get("places_focus_fallback", True))
        metonymy_verbs()
        stop_names()
        _country_lexicon()
        _country_cues()
        named_feature_words()
        leader_names()
        organization_names()
        nonplace_heads()
        given_names()

    def _demonym_countries(self, tokens: DocTokens) -> Counter[str]:
        """Countries the article's nationality words point to ("Israeli", "Palestinian"): context, not places."""
        prior: Counter[str] = Counter()
        for k, pos in enumerate(tokens.pos):
            if pos not in _NOMINAL_POS or not tokens.cap[k]:
                continue
            word = tokens.word(k)
            if is_demonym(word):
                cands = self.gaz.candidates(word, demonyms=True)
                if cands and cands[0].country:
                    prior[cands[0].country] += 1
        return prior

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.doc
        text = analysis.article.text
        mentions: list[Toponym] = []
        spans: list[Span | None] = []
        taken: set[int] = set()

        dateline = find_dateline(text)
        if dateline is not None:
            dl_text, dl_start, dl_end = dateline
            region = local_region(self.gaz, text, dl_end)
            mentions.append(Toponym(dl_text, dl_start, dl_end, region, dateline=True))
            dl_span = doc.char_span(dl_start, dl_end, alignment_mode="expand")
            spans.append(dl_span)
            if dl_span is not None:
                taken.update(range(dl_span.start, dl_span.end))
                # the region after the dateline place is part of the dateline, not another toponym
                rest = doc.char_span(dl_end, min(len(text), dl_end + 40), alignment_mode="contract")
                if region and rest is not None:
                    for t in rest:
                        if t.text in {"(", "-", "—", "–", "--"}:
                            break
                        taken.add(t.i)

        org_tokens: set[int] = set()
        tokens = DocTokens.of(doc)
        found = [
            s for s in self.finder.entity_spans(doc, org_tokens, tokens) if taken.isdisjoint(range(s.start, s.end))
        ]
        for s in found:
            taken.update(range(s.start, s.end))
        found += self.finder.untagged_spans(doc, taken | org_tokens, tokens=tokens)
        for s in found:
            taken.update(range(s.start, s.end))
        embedded = self.finder.untagged_spans(doc, taken, inside=True, org_tokens=org_tokens, tokens=tokens)
        embedded_ids = {(s.start, s.end) for s in embedded}
        found += embedded
        found.sort(key=lambda s: s.start)
        listed = self.finder.listed_with_divisions([s for s in found if (s.start, s.end) not in embedded_ids])
        for s in found:
            start_char, end_char = tokens.starts[s.start], tokens.ends[s.end - 1]
            local = local_region(self.gaz, text, end_char)
            name = tokens.text[start_char:end_char]
            mentions.append(Toponym(name, start_char, end_char, local, division=(s.start, s.end) in listed))
            spans.append(s)

        prior: dict[str, float] = dict(self._demonym_countries(tokens))
        for iso3, w in text_country_cues(text).items():
            prior[iso3] = prior.get(iso3, 0.0) + w
        resolved = resolve_toponyms(self.gaz, mentions, prior_countries=prior, focus_fallback=self.focus_fallback)
        places: list[tuple[int, Place]] = []
        metonymic: list[Place] = []
        embedded_places: list[Place] = []
        dl_place: Place | None = None
        for m, span, res in zip(mentions, spans, resolved, strict=True):
            place = make_place(m.text, m.start, m.end, res)
            if m.dateline:
                dl_place = place
            elif span is not None and (span.start, span.end) in embedded_ids:
                embedded_places.append(place)
                continue
            elif span is not None and (is_metonymic(span.root) or _union_as_body(res.entry, span)):
                metonymic.append(place)
                continue
            elif res.entry is None and is_seat(m.text):
                continue  # "the White House" as a place is a building, not a gazetteer entry
            places.append((span.start if span is not None else 0, place))
        places.sort(key=lambda p: p[1].start)
        base = len(analysis.places)
        place_tokens: dict[int, int] = dict(analysis.notes.get("place_tokens", {}))
        for k, (_tok, place) in enumerate(places):
            analysis.places.append(place)
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    place_tokens[i] = base + k
        analysis.notes["place_tokens"] = place_tokens
        analysis.notes["dateline"] = dl_place
        analysis.notes["metonymic_places"] = metonymic
        analysis.notes["embedded_places"] = embedded_places


def place_for_clause(analysis: Analysis, token_indices: list[int]) -> Place | None:
    """The place of an event's clause: a toponym attached through a locative preposition ("in", "at",
    "near" ...) or as a compound to one of ``token_indices`` (the trigger first) or to the clause's verb;
    else a toponym governed by a locative preposition elsewhere in the trigger's own clause (the nearest;
    not in a relative, complement or adverbial clause the trigger is not in: "X, who will open talks in
    Hanoi, said ..." was not said in Hanoi); else the article's dateline; else None."""
    doc = analysis.doc
    dateline = analysis.notes.get("dateline")
    if not token_indices or not analysis.places:
        return dateline if isinstance(dateline, Place) else None
    trigger = doc[token_indices[0]]
    sent = trigger.sent
    anchors = {doc[i].i for i in token_indices if 0 <= i < len(doc)}
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    anchors.add(verb.i)
    attached: list[tuple[int, Place]] = []
    in_sentence: list[tuple[int, Place]] = []
    for place in analysis.places:
        if place is dateline or not (sent.start_char <= place.start < sent.end_char):
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        dist = abs(root.i - trigger.i)
        head = root.head
        if root.dep_ in {"compound", "nmod", "amod"} and head.i in anchors:
            attached.append((dist, place))
            continue
        if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
            if head.head.i in anchors:
                attached.append((dist, place))
            elif _same_clause(root, trigger):
                in_sentence.append((dist, place))
    for group in (attached, in_sentence):
        if group:
            place = min(group, key=lambda p: p[0])[1]
            # a name the gazetteer does not know ("Eastern Ghouta" given the article's point): the event is
            # there, not at the dateline, and where that is stays unknown
            return place if place.name is not None else None
    return dateline if isinstance(dateline, Place) else None


# Clauses of their own inside a sentence: a place in one of them is not where another clause's event was.
NESTED_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "csubj", "parataxis"})


def _clause_head(tok: Token) -> Token:
    while tok.dep_ not in NESTED_CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _same_clause(word: Token, trigger: Token) -> bool:
    """Whether ``word`` lies in the clause of ``trigger``, not in a clause nested in it or around it."""
    return _clause_head(word).i == _clause_head(trigger).i
