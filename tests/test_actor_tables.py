"""Structure and fact checks for the actor tables under ``src/corridor/data/actors``.

The tables are read directly with the csv module (not through the loader), so a malformed row is
reported here with its file and line number.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from pathlib import Path

import pycountry
import pytest

ACTORS = Path(__file__).parents[1] / "src/corridor/data/actors"

HEADERS = {
    "countries.tsv": ["iso3", "text", "kind", "agent", "case"],
    "cameo_countries.tsv": ["iso3", "cameo"],
    "agents.tsv": ["text", "agent", "kind", "rank", "country", "office"],
    "orgs.tsv": ["code", "text", "country", "agent", "kind", "case"],
    "leaders.tsv": ["name", "aliases", "iso3", "agent", "role", "start", "end"],
    "groups.tsv": ["text", "kind"],
    "parties.tsv": ["country", "text", "case", "governs", "display"],
}

AGENTS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "REB", "INS", "UAF", "CRM", "BUS", "MED",
    "EDU", "HLH", "REL", "CVL", "REF", "AGR", "LAB", "NGO", "IGO", "ELI",
}  # fmt: skip

# Codes used in iso3 columns that are not ISO 3166-1 alpha-3 assignments.
NON_ISO = {"XKX"}

# The 193 member states of the United Nations, as ISO 3166-1 alpha-3.
_UN_MEMBERS_TEXT = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
    BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM
    ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN
    ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE
    LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL
    NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP
    SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON
    TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = frozenset(re.findall(r"[A-Z]{3}", _UN_MEMBERS_TEXT))

G20_COUNTRIES = {
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU",
    "ZAF", "KOR", "TUR", "GBR", "USA",
}  # fmt: skip

ROLES = {"head_of_state", "head_of_government", "foreign_minister", "head_of_organization", "spokesperson"}


def read_table(name: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) for every data row; comments and blank lines skipped, header checked."""
    path = ACTORS / name
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, cells in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not cells or not "".join(cells).strip() or cells[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = cells
                continue
            rows.append((lineno, cells))
    assert header == HEADERS[name], f"{name}: header {header}"
    return rows


def dicts(name: str) -> list[dict[str, str]]:
    return [dict(zip(HEADERS[name], cells, strict=True)) for _, cells in read_table(name)]


def iso_codes() -> set[str]:
    return {c.alpha_3 for c in pycountry.countries}


def parse_date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# -- structure ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_every_row_has_the_header_width(name: str) -> None:
    width = len(HEADERS[name])
    bad = [(lineno, cells) for lineno, cells in read_table(name) if len(cells) != width]
    assert not bad, f"{name}: rows with the wrong number of columns: {bad[:5]}"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_cells_are_trimmed_and_text_is_lowercase(name: str) -> None:
    text_cols = {"text", "name", "aliases"}
    for lineno, cells in read_table(name):
        for col, cell in zip(HEADERS[name], cells, strict=True):
            assert cell == cell.strip(), f"{name}:{lineno}: untrimmed {col!r}"
            assert "  " not in cell, f"{name}:{lineno}: double space in {col!r}"
            if col in text_cols:
                assert cell == cell.lower(), f"{name}:{lineno}: {col} not lowercase: {cell!r}"


# -- countries ------------------------------------------------------------------------------------


def test_country_codes_are_iso_alpha3() -> None:
    valid = iso_codes() | NON_ISO
    bad = {r["iso3"] for r in dicts("countries.tsv")} - valid
    assert not bad, f"not ISO alpha-3: {sorted(bad)}"


def test_all_un_members_are_covered() -> None:
    assert len(UN_MEMBERS) == 193
    present = {r["iso3"] for r in dicts("countries.tsv")}
    missing = UN_MEMBERS - present
    assert not missing, f"UN members without rows: {sorted(missing)}"


def test_territories_and_observers_are_covered() -> None:
    present = {r["iso3"] for r in dicts("countries.tsv")}
    assert {"TWN", "HKG", "MAC", "PSE", "XKX", "ESH", "PRI", "GRL", "VAT"} <= present


def test_country_kinds_agents_and_case() -> None:
    for r in dicts("countries.tsv"):
        assert r["kind"] in {"name", "part", "demonym", "capital", "seat"}, r
        assert r["case"] in {"", "upper"}, r
        assert r["agent"] == "" or r["agent"] in AGENTS, r
        if r["kind"] in {"capital", "seat"}:
            assert r["agent"], f"{r['text']}: capitals and seats carry an agent"
        else:
            assert not r["agent"], f"{r['text']}: names and demonyms carry no agent"


def test_no_duplicate_country_rows_and_no_text_shared_by_two_countries() -> None:
    rows = dicts("countries.tsv")
    pairs = Counter((r["iso3"], r["text"]) for r in rows)
    assert not [p for p, n in pairs.items() if n > 1]
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        owners[r["text"]].add(r["iso3"])
    shared = {t: s for t, s in owners.items() if len(s) > 1}
    assert not shared, f"texts assigned to two countries: {shared}"


@pytest.mark.parametrize(
    ("text", "iso3", "kind"),
    [
        ("prc", "CHN", "name"),
        ("mainland china", "CHN", "name"),
        ("u.s.", "USA", "name"),
        ("britain", "GBR", "name"),
        ("dprk", "PRK", "name"),
        ("turkiye", "TUR", "name"),
        ("ivory coast", "CIV", "name"),
        ("pakistanis", "PAK", "demonym"),
        ("briton", "GBR", "demonym"),
        ("islamabad", "PAK", "capital"),
        ("new delhi", "IND", "capital"),
        ("kremlin", "RUS", "seat"),
        ("zhongnanhai", "CHN", "seat"),
    ],
)
def test_known_country_rows(text: str, iso3: str, kind: str) -> None:
    rows = [r for r in dicts("countries.tsv") if r["text"] == text]
    assert rows, f"{text!r} missing"
    assert (rows[0]["iso3"], rows[0]["kind"]) == (iso3, kind)


def test_pentagon_is_military_and_ambiguous_abbreviations_need_capitals() -> None:
    rows = {r["text"]: r for r in dicts("countries.tsv")}
    assert rows["pentagon"]["agent"] == "MIL"
    assert rows["white house"]["agent"] == "GOV"
    for abbrev in ("us", "uk", "usa", "uae", "prc"):
        assert rows[abbrev]["case"] == "upper", abbrev


def test_cameo_country_differences() -> None:
    mapping = {r["iso3"]: r["cameo"] for r in dicts("cameo_countries.tsv")}
    assert mapping["XKX"] == "KSV"
    for iso3, cameo in mapping.items():
        assert iso3 != cameo
        assert re.fullmatch(r"[A-Z]{3}", cameo), cameo
        assert iso3 in iso_codes() | NON_ISO


# -- agents ---------------------------------------------------------------------------------------


def test_agent_rows_use_known_codes_kinds_and_ranks() -> None:
    rows = dicts("agents.tsv")
    assert len(rows) >= 300
    for r in rows:
        assert r["agent"] in AGENTS, r
        assert r["kind"] in {"title", "noun", "both"}, r
        assert r["rank"].isdigit(), r
    texts = Counter(r["text"] for r in rows)
    assert not [t for t, n in texts.items() if n > 1], "an agent phrase listed twice"


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("president", "GOV"),
        ("foreign ministry spokesperson", "GOV"),
        ("defence minister", "GOV"),
        ("defense ministry", "GOV"),
        ("army chief", "MIL"),
        ("troops", "MIL"),
        ("police chief", "COP"),
        ("supreme court", "JUD"),
        ("lawmakers", "LEG"),
        ("opposition leader", "OPP"),
        ("rebel commander", "REB"),
        ("insurgents", "INS"),
        ("gunmen", "UAF"),
        ("students", "EDU"),
        ("protesters", "CVL"),
        ("trade union", "LAB"),
        ("rights group", "NGO"),
        ("former president", "ELI"),
    ],
)
def test_known_agent_rows(text: str, agent: str) -> None:
    rows = {r["text"]: r["agent"] for r in dicts("agents.tsv")}
    assert rows.get(text) == agent


def test_agent_offices_are_leader_roles() -> None:
    roles = {r["role"] for r in dicts("leaders.tsv")}
    offices = {r["text"]: r["office"] for r in dicts("agents.tsv") if r["office"]}
    assert offices["prime minister"] == "head_of_government"
    assert set(offices.values()) <= roles


def test_modifier_outranks_generic_head() -> None:
    rank = {r["text"]: int(r["rank"]) for r in dicts("agents.tsv")}
    assert rank["army"] > rank["spokesman"]
    assert rank["police"] > rank["official"]


# -- organisations --------------------------------------------------------------------------------


def test_org_rows() -> None:
    rows = dicts("orgs.tsv")
    valid_iso = iso_codes() | NON_ISO
    texts = Counter(r["text"] for r in rows)
    assert not [t for t, n in texts.items() if n > 1], "an organisation alias listed twice"
    for r in rows:
        assert re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", r["code"]), r
        assert r["country"] == "" or r["country"] in valid_iso, r
        assert r["agent"] in AGENTS, r
        assert r["kind"] in {"name", "abbrev"}, r
        assert r["case"] in {"", "upper", "cap"}, r
        if r["country"]:
            assert r["code"].startswith(r["country"]), r
    assert len({r["code"] + r["country"] + r["agent"] for r in rows}) >= 80
    assert len(rows) >= 400


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("united nations", "IGOUNO"),
        ("u.n.", "IGOUNO"),
        ("security council", "IGOUNO"),
        ("nato", "IGOWSTNAT"),
        ("european union", "IGOEUREEC"),
        ("world health organization", "IGOUNOHLHWHO"),
        ("african union", "IGOAFRAFU"),
        ("international monetary fund", "IGOBUSIMF"),
        ("taliban", "AFGREB"),
        ("hezbollah", "LBNREB"),
        ("people's liberation army", "CHNMIL"),
        ("cia", "USASPY"),
        ("amnesty international", "NGOHRIAMN"),
    ],
)
def test_known_orgs(text: str, code: str) -> None:
    rows = {r["text"]: r["code"] for r in dicts("orgs.tsv")}
    assert rows.get(text) == code


def test_colliding_abbreviations_need_capitals() -> None:
    rows = {r["text"]: r for r in dicts("orgs.tsv")}
    for abbrev in ("who", "un", "au", "ice"):
        assert rows[abbrev]["case"] == "upper", abbrev


# -- parties --------------------------------------------------------------------------------------


def party_periods(value: str) -> list[tuple[dt.date, dt.date | None]]:
    out = []
    for part in value.split("|") if value else []:
        start, sep, end = part.partition("..")
        assert sep, f"period without '..': {part!r}"
        out.append((dt.date.fromisoformat(start), parse_date(end)))
    return out


def test_party_rows_are_well_formed() -> None:
    valid_iso = iso_codes()
    by_party: dict[tuple[str, str], str] = {}
    seen: set[tuple[str, str]] = set()
    for lineno, cells in read_table("parties.tsv"):
        r = dict(zip(HEADERS["parties.tsv"], cells, strict=True))
        where = f"parties.tsv:{lineno}"
        assert r["country"] in valid_iso, where
        assert r["case"] in {"", "cap", "upper"}, where
        assert r["display"], where
        assert (r["country"], r["text"]) not in seen, f"{where}: duplicate alias"
        seen.add((r["country"], r["text"]))
        periods = party_periods(r["governs"])
        for (_, e1), (s2, _) in itertools.pairwise(periods):
            assert e1 is not None and e1 <= s2, f"{where}: periods out of order or overlapping"
        for start, end in periods:
            assert end is None or start < end, f"{where}: period ends before it starts"
        # every alias of one party carries the same periods
        key = (r["country"], r["display"])
        assert by_party.setdefault(key, r["governs"]) == r["governs"], f"{where}: periods differ between aliases"


def test_party_aliases_that_are_common_words_need_a_capital() -> None:
    rows = {(r["country"], r["text"]): r for r in dicts("parties.tsv")}
    for country, text in [("GBR", "labour"), ("GBR", "conservative"), ("USA", "democrats"), ("USA", "republicans")]:
        assert rows[(country, text)]["case"] == "cap", text
    assert not any(r["text"] in {"democratic", "republican", "socialist", "green", "national"} for r in rows.values())


@pytest.mark.parametrize(
    "country, display, on, governing",
    [
        ("GBR", "Labour Party", dt.date(2005, 3, 1), True),
        ("GBR", "Conservative Party", dt.date(2005, 3, 1), False),
        ("GBR", "Conservative Party", dt.date(2016, 6, 23), True),
        ("GBR", "Labour Party", dt.date(2024, 7, 10), True),
        ("USA", "Democratic Party", dt.date(2012, 11, 6), True),
        ("USA", "Republican Party", dt.date(2016, 11, 8), False),
        ("USA", "Republican Party", dt.date(2018, 11, 6), True),
        ("PAK", "Pakistan Tehreek-e-Insaf", dt.date(2021, 10, 28), True),
        ("IND", "Bharatiya Janata Party", dt.date(2016, 1, 1), True),
        ("DEU", "Social Democratic Party of Germany", dt.date(2011, 1, 1), False),
        ("ZAF", "African National Congress", dt.date(2010, 1, 1), True),
    ],
)
def test_known_governing_parties(country: str, display: str, on: dt.date, governing: bool) -> None:
    [governs] = {r["governs"] for r in dicts("parties.tsv") if r["country"] == country and r["display"] == display}
    inside = any(s <= on and (e is None or on < e) for s, e in party_periods(governs))
    assert inside == governing


# -- leaders --------------------------------------------------------------------------------------


def leader_rows() -> list[dict[str, str]]:
    return dicts("leaders.tsv")


def holders(iso3: str, role: str, on: dt.date) -> set[str]:
    out = set()
    for r in leader_rows():
        start, end = parse_date(r["start"]), parse_date(r["end"])
        if r["iso3"] == iso3 and r["role"] == role and start and start <= on and (end is None or on <= end):
            out.add(r["name"])
    return out


def test_leader_rows_are_well_formed() -> None:
    valid_iso = iso_codes() | NON_ISO
    org_codes = {r["code"] for r in dicts("orgs.tsv")}
    seen: Counter[tuple[str, ...]] = Counter()
    for r in leader_rows():
        start, end = parse_date(r["start"]), parse_date(r["end"])
        assert start is not None, r
        assert end is None or start <= end, r
        assert end is None or end >= dt.date(1979, 1, 1), f"term ended before 1979: {r}"
        assert r["role"] in ROLES, r
        assert r["agent"] in AGENTS, r
        assert r["iso3"] in valid_iso or r["iso3"] in org_codes, r
        if r["role"] == "head_of_organization":
            assert r["iso3"] in org_codes, r
        assert r["name"] not in r["aliases"].split("|"), r
        assert all(a.strip() == a and a for a in r["aliases"].split("|") if r["aliases"]), r
        seen[(r["name"], r["iso3"], r["role"], r["start"])] += 1
    assert not [k for k, n in seen.items() if n > 1], "duplicate leader rows"


def test_leader_coverage() -> None:
    rows = leader_rows()
    assert len(rows) >= 1000
    countries = {r["iso3"] for r in rows if len(r["iso3"]) == 3}
    assert len(countries) >= 80
    assert countries >= G20_COUNTRIES
    assert any(r["iso3"] == "IGOEUREEC" for r in rows), "EU institutions missing"


def test_no_person_holds_the_same_office_twice_at_once() -> None:
    spans: dict[tuple[str, str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for r in leader_rows():
        start = parse_date(r["start"])
        end = parse_date(r["end"]) or dt.date.max
        assert start is not None
        spans[(r["name"], r["iso3"], r["role"])].append((start, end))
    for key, terms in spans.items():
        terms.sort()
        for (_, e1), (s2, _) in itertools.pairwise(terms):
            assert s2 >= e1, f"overlapping terms for {key}"


def test_xi_jinping_and_imran_khan_by_date() -> None:
    assert "xi jinping" in holders("CHN", "head_of_state", dt.date(2021, 10, 28))
    assert "imran khan" in holders("PAK", "head_of_government", dt.date(2021, 10, 28))
    assert "imran khan" not in holders("PAK", "head_of_government", dt.date(2023, 1, 1))
    assert "shehbaz sharif" in holders("PAK", "head_of_government", dt.date(2023, 1, 1))


@pytest.mark.parametrize(
    ("iso3", "role", "on", "name"),
    [
        ("USA", "head_of_state", dt.date(2010, 6, 1), "barack obama"),
        ("USA", "foreign_minister", dt.date(2015, 6, 1), "john kerry"),
        ("RUS", "head_of_state", dt.date(2010, 6, 1), "dmitry medvedev"),
        ("RUS", "head_of_government", dt.date(2010, 6, 1), "vladimir putin"),
        ("RUS", "foreign_minister", dt.date(2021, 10, 28), "sergey lavrov"),
        ("GBR", "head_of_government", dt.date(2022, 10, 1), "liz truss"),
        ("DEU", "head_of_government", dt.date(2015, 1, 1), "angela merkel"),
        ("IND", "head_of_government", dt.date(2021, 10, 28), "narendra modi"),
        ("CHN", "foreign_minister", dt.date(2023, 3, 1), "qin gang"),
        ("JPN", "head_of_government", dt.date(2019, 1, 1), "shinzo abe"),
        ("IGOEUREEC", "head_of_government", dt.date(2021, 1, 1), "ursula von der leyen"),
    ],
)
def test_known_office_holders(iso3: str, role: str, on: dt.date, name: str) -> None:
    assert name in holders(iso3, role, on)


# -- groups ---------------------------------------------------------------------------------------


def test_group_rows() -> None:
    rows = dicts("groups.tsv")
    kinds = {r["text"]: r["kind"] for r in rows}
    assert len(kinds) == len(rows), "a group phrase listed twice"
    assert set(kinds.values()) <= {"pair_country", "pair_leader", "pair_any"}
    assert kinds["the two countries"] == "pair_country"
    assert kinds["both sides"] == "pair_country"
    assert kinds["the two leaders"] == "pair_leader"
