"""Actor lexicon: country, organization, party, agent, leader and group tables compiled into phrase matchers.

Reads ``data/actors/*.tsv`` (and pycountry's names), plus an optional user leaders file in the same format.
Used by the actor stage (:mod:`corridor.stages.actors`) to find, per token span, the signals from which an
actor code is composed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pycountry
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from corridor.doc_text import doc_text
from corridor.resources import data_path, packaged_tsv, read_tsv


@dataclass(frozen=True)
class CountryEntry:
    iso3: str
    kind: str  # name, demonym, capital, seat
    agent: str | None
    upper: bool


@dataclass(frozen=True)
class OrgEntry:
    code: str
    country: str | None
    agent: str | None
    upper: bool
    capital: bool = False  # match only when each word is capitalized ("Labour", not "labour")
    party: bool = False  # a political party: its agent depends on the date (see ``governs``)
    governs: tuple[tuple[dt.date | None, dt.date | None], ...] = ()  # periods in national government
    name: str | None = None  # the display name of a party ("Conservative Party" for "Tories")

    def on(self, date: dt.date | None) -> OrgEntry:
        """The entry as of ``date``: a party is GOV while in government, OPP otherwise, PTY undated."""
        if not self.party:
            return self
        if date is None:
            agent = "PTY"
        elif any((s is None or s <= date) and (e is None or date < e) for s, e in self.governs):
            agent = "GOV"
        else:
            agent = "OPP"
        return replace(self, agent=agent)


@dataclass(frozen=True)
class AgentEntry:
    agent: str
    kind: str  # title, noun, both
    rank: int
    country: str | None = None  # an office of one state only ("taoiseach": IRL)
    office: str | None = None  # the leader-table role the title names ("prime minister": head_of_government)


@dataclass(frozen=True)
class LeaderEntry:
    name: str
    iso3: str
    agent: str
    role: str
    start: dt.date | None
    end: dt.date | None

    def active(self, on: dt.date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Match:
    kind: str  # COUNTRY, ORG, AGENT, LEADER, GROUP
    start: int  # token indices
    end: int
    key: str


NAME_PREFIX = re.compile(r"^(?:al|el|ul|ad|ar|as|an|at)-")
REGNAL = re.compile(r"^(?:[ivx]+|jr\.?|sr\.?)$")


@lru_cache(maxsize=100_000)
def normalize(text: str) -> str:
    """Lowercase, strip accents, unify apostrophes and spacing (the key used in every table)."""
    text = text.replace("’", "'").replace("‘", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def _parse_date(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(parts[0], parts[1], parts[2])


def _periods(value: str) -> tuple[tuple[dt.date | None, dt.date | None], ...]:
    """ "2010-05-11..2015-05-08|2024-07-05.." as (start, end) pairs; an empty end is open."""
    out = []
    for part in value.split("|"):
        if part.strip():
            start, _, end = part.partition("..")
            out.append((_parse_date(start), _parse_date(end)))
    return tuple(out)


def _folded(doc: Doc) -> Doc | None:
    """A copy of ``doc``'s tokens with accents folded away ("Erdoğan" -> "erdogan"), or None when no token
    has any (the usual case: then there is nothing more to match)."""
    if doc_text(doc).isascii():
        return None
    words = [normalize(t.text) or t.text for t in doc]
    if all(w == t.lower_ for w, t in zip(words, doc, strict=True)):
        return None
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])


def _variants(phrase: str) -> set[str]:
    out = {phrase, phrase.title(), phrase.upper()}
    out.add(" ".join(w[:1].upper() + w[1:] for w in phrase.split()))
    return out


_LETTER_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def pattern_words(nlp: Language, phrase: str, special_cases: Collection[str] | None) -> set[tuple[str, ...]]:
    """The lowercase token sequences the tokenizer makes of ``phrase``'s case variants (see ``_variants``).

    Words of letters only, none of them a tokenizer special case ("cannot", "dont"), are split at their
    spaces without running the tokenizer, which would make the same tokens (a variant's lowercase can still
    differ: "YILDIRIM" is "yildirim"); ``special_cases`` is None where the tokenizer has no such list.
    """
    variants = _variants(phrase)
    if special_cases is not None and _LETTER_WORDS.fullmatch(phrase):
        words = [w for v in variants for w in v.split()]
        if not any(w in special_cases for w in words):
            return {tuple(w.lower() for w in v.split()) for v in variants}
    return {tuple(t.lower_ for t in nlp.make_doc(v)) for v in variants}


class ActorLexicon:
    """All actor tables, with one PhraseMatcher over their phrases."""

    GENERIC_AGENT_WORDS = frozenset({"official", "officials", "people", "government", "authorities"})

    def __init__(self, nlp: Language, user_leaders: str | Path | None = None) -> None:
        self.countries: dict[str, list[CountryEntry]] = defaultdict(list)
        self.orgs: dict[str, list[OrgEntry]] = defaultdict(list)
        self.agents: dict[str, AgentEntry] = {}
        self.leaders: dict[str, list[LeaderEntry]] = defaultdict(list)
        self.groups: dict[str, str] = {}
        self.cameo_country: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        self._load_countries()
        self._load_orgs()
        self._load_agents()
        if data_path("actors/leaders.tsv").exists():
            self._load_leaders(packaged_tsv("actors/leaders.tsv"))
        if user_leaders:
            self._load_leaders(read_tsv(Path(user_leaders)))
        for row in packaged_tsv("actors/groups.tsv"):
            self.groups[normalize(row["text"])] = row.get("kind", "pair_country")
        # the plural nouns of "the two countries", "the two powers": a counted group of states ("the three powers")
        self.state_group_nouns = frozenset(
            text.split()[-1]
            for text, kind in self.groups.items()
            if kind == "pair_country" and text.startswith("the two ")
        )
        self.weak_agents = frozenset(normalize(r["text"]) for r in packaged_tsv("actors/weak_agents.tsv"))
        self.topic_nouns = frozenset(normalize(r["text"]) for r in packaged_tsv("actors/topic_nouns.tsv"))
        self.spokesperson_words = frozenset(normalize(r["text"]) for r in packaged_tsv("actors/spokesperson_words.tsv"))
        self.military_nouns = frozenset(normalize(r["text"]) for r in packaged_tsv("actors/military_nouns.tsv"))
        self.office_heads = frozenset(normalize(r["text"]) for r in packaged_tsv("actors/office_heads.tsv"))
        self.hyphen_roles = {normalize(r["text"]): r["role"] for r in packaged_tsv("actors/hyphen_roles.tsv")}
        self.role_titles: dict[str, list[tuple[str | None, frozenset[str]]]] = defaultdict(list)
        for r in packaged_tsv("actors/role_titles.tsv"):
            states = frozenset(c for c in r.get("countries", "").split("|") if c)
            self.role_titles[normalize(r["text"])].append((r.get("office") or None, states))
        self.group_heads = {
            normalize(r["text"]): r.get("agent") or None for r in packaged_tsv("actors/group_heads.tsv")
        }
        self.surnames = self._surname_index()
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for key in self.countries:
            if " " not in key and len(key) >= 5:
                self._by_initial[key[:1]].append(key)
        self._near_cache: dict[str, str | None] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._add_patterns(nlp)

    # -- loading ---------------------------------------------------------------------------------
    def _load_countries(self) -> None:
        for row in packaged_tsv("actors/cameo_countries.tsv"):
            self.cameo_country[row["iso3"]] = row["cameo"]
        for c in pycountry.countries:
            self.country_names[c.alpha_3] = getattr(c, "common_name", None) or c.name
            for attr in ("name", "common_name", "official_name"):
                val = getattr(c, attr, None)
                if val and "," not in val:
                    self._add_country(val, CountryEntry(c.alpha_3, "name", None, False))
        short_names: dict[str, str] = {}
        for row in packaged_tsv("actors/countries.tsv"):
            if row["kind"] == "name" and row.get("case") != "upper":
                short_names.setdefault(row["iso3"], row["text"])
        for iso, name in short_names.items():
            if "," in self.country_names.get(iso, ",") or iso not in self.country_names:
                self.country_names[iso] = " ".join(w[:1].upper() + w[1:] for w in name.split())
        for row in packaged_tsv("actors/countries.tsv"):
            agent = row.get("agent") or None
            entry = CountryEntry(row["iso3"], row["kind"], agent, row.get("case", "") == "upper")
            self._add_country(row["text"], entry, first=True)  # the table's reading before pycountry's ("congo")

    def _add_country(self, text: str, entry: CountryEntry, first: bool = False) -> None:
        key = normalize(text)
        if entry not in self.countries[key]:
            if first:
                self.countries[key].insert(0, entry)
            else:
                self.countries[key].append(entry)

    def _load_orgs(self) -> None:
        for row in packaged_tsv("actors/orgs.tsv"):
            entry = OrgEntry(
                row["code"],
                row.get("country") or None,
                row.get("agent") or None,
                row.get("case") == "upper",
                capital=row.get("case") == "cap",  # "Shell", "Apple": the company, never "a shell", "apples"
            )
            self.orgs[normalize(row["text"])].append(entry)
        for row in packaged_tsv("actors/parties.tsv"):
            iso3 = row["country"]
            entry = OrgEntry(
                code=self.cameo_country.get(iso3, iso3) + "PTY",
                country=iso3,
                agent="PTY",
                upper=row.get("case") == "upper",
                capital=row.get("case") == "cap",
                party=True,
                governs=_periods(row.get("governs", "")),
                name=row.get("display") or None,
            )
            self.orgs[normalize(row["text"])].append(entry)

    def _load_agents(self) -> None:
        for row in packaged_tsv("actors/agents.tsv"):
            rank = int(row["rank"]) if row.get("rank", "").lstrip("-").isdigit() else 0
            self.agents[normalize(row["text"])] = AgentEntry(
                row["agent"], row.get("kind", "noun"), rank, row.get("country") or None, row.get("office") or None
            )

    def _load_leaders(self, rows: Iterable[dict[str, str]]) -> None:
        for row in rows:
            entry = LeaderEntry(
                name=row["name"],
                iso3=row["iso3"],
                agent=row.get("agent") or "GOV",
                role=row.get("role", ""),
                start=_parse_date(row.get("start", "")),
                end=_parse_date(row.get("end", "")),
            )
            names = [row["name"], *[a for a in row.get("aliases", "").split("|") if a.strip()]]
            for name in names:
                self.leaders[normalize(name)].append(entry)

    FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "VNM", "JPN", "HKG", "MAC", "KHM", "HUN", "MNG"})

    def _surname_index(self) -> dict[str, list[LeaderEntry]]:
        idx: dict[str, list[LeaderEntry]] = defaultdict(list)
        self.family_first: dict[str, list[LeaderEntry]] = defaultdict(list)
        for key, entries in self.leaders.items():
            # "charles iii", "marcos jr." (a first word is a name: "xi jinping")
            parts = [p for k, p in enumerate(key.split()) if k == 0 or not REGNAL.match(p)]
            if len(parts) >= 2:
                for e in entries:
                    idx[parts[-1]].append(e)
                    bare = NAME_PREFIX.sub("", parts[-1])  # "al-assad" is also "Assad"
                    if bare != parts[-1]:
                        idx[bare].append(e)
                    if e.iso3 in self.FAMILY_NAME_FIRST:
                        self.family_first[parts[0]].append(e)  # "Xi" of "Xi Jinping"
        return idx

    def _add_patterns(self, nlp: Language) -> None:
        tables: list[tuple[str, Iterable[str]]] = [
            ("COUNTRY", self.countries),
            ("ORG", self.orgs),
            ("AGENT", self.agents),
            ("LEADER", self.leaders),
            ("GROUP", self.groups),
        ]
        rules = getattr(nlp.tokenizer, "rules", None)
        special_cases = set(rules) if isinstance(rules, Mapping) else None
        for label, keys in tables:
            sequences = {seq for key in keys for seq in pattern_words(nlp, key, special_cases)}
            self.matcher.add(label, [Doc(nlp.vocab, words=list(seq)) for seq in sorted(sequences) if seq])

    # -- lookup ----------------------------------------------------------------------------------
    def matches(self, doc: Doc) -> list[Match]:
        """Table phrases in ``doc``. The tables' keys are folded (lowercase, no accents), so a text with
        accented letters is also matched as folded ("Erdoğan", "Élysée", "Dáil"), token for token."""
        found = set(self.matcher(doc))
        folded = _folded(doc)
        if folded is not None:
            found.update(self.matcher(folded))
        out = []
        # where a political office or group word begins ("shadow home secretary", "MPs"): a party word
        # opening a sentence before one is the party ("Conservative shadow home secretary David Davis")
        offices = {
            start
            for match_id, start, end in found
            if doc.vocab.strings[match_id] == "AGENT"
            and (entry := self.agents.get(normalize(doc[start:end].text))) is not None
            and entry.agent in PARTY_ROLE_AGENTS
        }
        for match_id, start, end in sorted(found, key=lambda m: (m[1], m[2], m[0])):
            label = doc.vocab.strings[match_id]
            span = doc[start:end]
            key = normalize(span.text)
            if label == "COUNTRY" and not self._case_ok(span, [e.upper for e in self.countries.get(key, [])]):
                continue
            entries = self.orgs.get(key, [])
            if (
                label == "ORG"
                and not self._org_case_ok(span, entries)
                and not (end in offices and self._party_before_office(span, entries))
            ):
                continue
            out.append(Match(label, start, end, key))
        return out

    @staticmethod
    def _party_before_office(span: Span, entries: list[OrgEntry]) -> bool:
        """A capitalized party alias opening a sentence right before a political office ("Conservative
        shadow foreign secretary ...", "Labour MPs ..."): the party, though its word is also an adjective."""
        words = [w for w in span.text.split() if w[:1].isalpha()]
        return bool(span[0].is_sent_start) and all(w[:1].isupper() for w in words) and any(e.party for e in entries)

    def party_only(self, m: Match) -> bool:
        """Whether an ORG match names nothing but political parties ("Labour", "Tories")."""
        return m.kind == "ORG" and all(e.party for e in self.orgs.get(m.key, []))

    @staticmethod
    def _case_ok(span: Span, flags: list[bool]) -> bool:
        if not flags or not all(flags):
            return True
        text = span.text
        return text.isupper() or ("." in text and text.replace(".", "").isupper())

    @classmethod
    def _org_case_ok(cls, span: Span, entries: list[OrgEntry]) -> bool:
        """Whether ``span`` is written as one of the entries asks: capitals, capitalized words, or any.
        A capitalized alias that is also a common word ("Labour", "Conservative") opening a sentence
        must be read as a name there (a proper noun or an entity); a company's ("Shell", "Apple") as a
        proper noun that is no modifier of a noun after it ("Shell said", not "Shell casings were found":
        the tagger often calls a capitalized word opening a sentence an ORG, whatever it is)."""
        for e in entries:
            if e.upper and cls._case_ok(span, [True]):
                return True
            if e.capital and all(w[:1].isupper() for w in span.text.split() if w[:1].isalpha()):
                first, last = span[0], span[-1]
                if not first.is_sent_start:
                    return True
                if e.party and (first.pos_ == "PROPN" or first.ent_type_ in {"ORG", "NORP"}):
                    return True
                if not e.party and last.pos_ == "PROPN" and last.dep_ != "compound":
                    return True
            if not e.upper and not e.capital:
                return True
        return False

    def org(self, key: str, on: dt.date | None, named: Mapping[str, int] | Collection[str] = ()) -> OrgEntry:
        """The entry of an organisation or party alias as of a date. An alias of several (``PTI``,
        ``Labour``, "Democratic Party") resolves to the one whose country the article names (``named``; with
        counts, the most often named: a Korean report that mentions the U.S. once), else to the first listed."""
        entries = self.orgs[key]
        there = [e for e in entries if e.country in named]
        if isinstance(named, Mapping) and there:
            return max(there, key=lambda e: named.get(e.country or "", 0)).on(on)
        return (there[0] if there else entries[0]).on(on)

    def near_country(self, word: str) -> str | None:
        """The key of the country name, demonym or capital one edit away from ``word`` (two for long
        words), when exactly one country is that close."""
        if word in self._near_cache:
            return self._near_cache[word]
        limit = 2 if len(word) >= 9 else 1
        found: set[str] = set()
        best: str | None = None
        if word not in self.countries:
            for key in self._by_initial.get(word[:1], ()):
                # cheap filters first: close lengths, and the second or the last letter in common
                if abs(len(key) - len(word)) > limit or (key[1] != word[1] and key[-1] != word[-1]):
                    continue
                if _edits(word, key, limit) <= limit:
                    found.add(self.countries[key][0].iso3)
                    best = key
        result = best if len(found) == 1 else None
        self._near_cache[word] = result
        return result

    def country_code(self, iso3: str | None) -> str:
        if not iso3:
            return "---"
        return self.cameo_country.get(iso3, iso3)

    def leader(self, key: str, on: dt.date | None) -> LeaderEntry | None:
        """The leader entry for a name active on a date (head of state first, then government, then FM)."""
        if on is None:  # undated article: the person whatever the term, latest office first
            entries = sorted(self.leaders.get(key, []), key=lambda e: e.start or dt.date.min, reverse=True)
            return _best_role(entries[:3])
        entries = [e for e in self.leaders.get(key, []) if e.active(on)]
        if not entries:
            everything = self.leaders.get(key, [])
            entries = [e for e in everything if e.start is None or e.start <= on]
            if not entries and everything:
                # named in full before any office: the same person, not yet in it (the first office
                # stands for the country; the call site makes them an elite, ELI), for those who went on to
                # lead a state or government ("Donald Trump" in 2016); a future spokesperson or minister
                # was no public figure yet
                first = min(e.start or dt.date.max for e in everything)
                entries = [e for e in everything if e.start == first and e.role in PRE_OFFICE_ROLES]
            # a past or future office holder: still the same person, but lower confidence at call site
        return _best_role(entries)

    def roles_of(self, entry: LeaderEntry) -> set[str]:
        """Every role the table gives the person of ``entry``, in any term."""
        return {e.role for e in self.leaders.get(normalize(entry.name), []) if e.name == entry.name}

    def names_other_office(self, title: str, entry: LeaderEntry) -> bool:
        """Whether the government title ``title`` names an office the table never gives the leader of ``entry``
        ("chancellor" for Gordon Brown, prime minister 2007-2010; "home secretary" for Theresa May): the
        text reports an office the table does not list. A title of one of their roles ("President Bush"), a
        royal rank ("Prince Charles") and any title of a spokesperson (whose rows cover all their government
        service) name none."""
        a_entry = self.agents.get(title)
        roles = self.roles_of(entry)
        if a_entry is None or a_entry.agent != "GOV" or a_entry.kind == "noun" or "spokesperson" in roles:
            return False
        if a_entry.office in roles:
            return False
        listed = self.role_titles.get(title, [])
        return not any(
            office is None or (office in roles and (not states or entry.iso3 in states)) for office, states in listed
        )

    def leader_by_surname(self, surname: str, on: dt.date | None, family_first: bool = False) -> LeaderEntry | None:
        table = self.family_first if family_first else self.surnames
        entries = [e for e in table.get(surname, []) if e.role not in FULL_NAME_ROLES and (on is None or e.active(on))]
        people = {e.name for e in entries}
        if len(people) == 1:
            return _best_role(entries)
        if on is None and len({(e.iso3, e.agent) for e in entries}) == 1:
            # undated, several office holders of one state share the name ("Bush", "Gandhi"): the code is
            # the same whoever it is; the latest of them stands for it
            latest = max(entries, key=lambda e: e.start or dt.date.min)
            return _best_role([e for e in entries if e.name == latest.name])
        return None


def _edits(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance, stopping early above ``limit``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


# agents of political offices and groups a party's members hold or form ("shadow minister", "MPs", "leader")
PARTY_ROLE_AGENTS = frozenset({"OPP", "LEG", "GOV"})

_ROLE_ORDER = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "spokesperson": 4}

# Roles whose holders are recognised by their full name (or an alias) only, never by the surname alone:
# spokespeople's surnames are too common to stand for them ("Price", "Miller", "Sanders", "Wang", "Mao"), and
# a second active "Wang" would make Wang Yi's bare surname ambiguous.
FULL_NAME_ROLES = frozenset({"spokesperson"})
# roles whose holders are coded (as elites) when named before their first term
PRE_OFFICE_ROLES = frozenset({"head_of_state", "head_of_government"})


def _best_role(entries: list[LeaderEntry]) -> LeaderEntry | None:
    if not entries:
        return None
    return sorted(entries, key=lambda e: (_ROLE_ORDER.get(e.role, 3), -(e.start or dt.date.min).toordinal()))[0]
