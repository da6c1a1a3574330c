"""CAMEO and PLOVER ontology: codes, categories, quad classes and label aliases.

This module is the one reader of the files in ``corridor/data/ontology``:

* ``cameo.tsv`` - every CAMEO event code with its name, Goldstein value, default quad class and
  PLOVER category/mode;
* ``plover.yaml`` - the PLOVER event categories, their quad classes and modes, and the aliases that
  map older PLOVER labels to current ones;
* ``quad_classes.yaml`` - the quad-class conventions (``four_quad`` is the default).

Use :func:`get_ontology` to get the shared, cached :class:`Ontology`. CAMEO codes are always strings
("041", not 41), because leading zeros matter: "010" and "10" are different codes.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

from corridor.resources import load_yaml_text

__all__ = [
    "DEFAULT_QUAD_CONVENTION",
    "CameoCode",
    "Ontology",
    "PloverCategory",
    "QuadConvention",
    "UnknownCodeError",
    "get_ontology",
]

DEFAULT_QUAD_CONVENTION = "four_quad"

_CAMEO_COLUMNS = ("code", "name", "goldstein", "quad_class", "plover", "plover_mode")


class UnknownCodeError(KeyError):
    """A CAMEO code, PLOVER label or quad-class convention that the ontology does not know."""

    def __str__(self) -> str:
        # KeyError's default str() wraps the message in quotes; keep the message readable.
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code (2-digit root, 3-digit or 4-digit)."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        """The two-digit root code, e.g. "04" for "041"."""
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up ("041" -> "04", "0311" -> "031"), or None for a root."""
        return self.code[:-1] if len(self.code) > 2 else None

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2


@dataclass(frozen=True, slots=True)
class PloverCategory:
    """One PLOVER event category.

    ``alias_of`` is empty for current categories; for a legacy label such as YIELD it lists the
    current categories the label was split into.
    """

    name: str
    quad_class: int
    description: str
    modes: Mapping[str, str] = field(hash=False)
    alias_of: tuple[str, ...] = ()

    @property
    def is_legacy(self) -> bool:
        return bool(self.alias_of)


@dataclass(frozen=True, slots=True)
class QuadConvention:
    """A way of grouping CAMEO codes into a few classes.

    Either ``roots`` maps every CAMEO root to a class, or ``source`` is "plover_category" and the
    class comes from the code's PLOVER category, with ``fallback`` naming the convention used for
    codes that have none.
    """

    name: str
    description: str
    labels: Mapping[int, str] = field(hash=False)
    roots: Mapping[str, int] = field(hash=False)
    source: str | None = None
    fallback: str | None = None


def _read_text(filename: str) -> str:
    resource = resources.files("corridor") / "data" / "ontology" / filename
    return resource.read_text(encoding="utf-8")


def _as_mapping(value: Any, what: str) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise ValueError(f"ontology file error: {what} must be a mapping, got {type(value).__name__}")
    return value


def _parse_cameo(text: str) -> dict[str, CameoCode]:
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    if tuple(reader.fieldnames or ()) != _CAMEO_COLUMNS:
        raise ValueError(f"cameo.tsv: expected columns {_CAMEO_COLUMNS}, got {reader.fieldnames}")
    codes: dict[str, CameoCode] = {}
    for row in reader:
        code = row["code"].strip()
        if code in codes:
            raise ValueError(f"cameo.tsv: duplicate code {code!r}")
        codes[code] = CameoCode(
            code=code,
            name=row["name"].strip(),
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"].strip() or None,
            plover_mode=row["plover_mode"].strip() or None,
        )
    return codes


def _parse_plover(data: Any) -> tuple[dict[str, PloverCategory], dict[str, str]]:
    top = _as_mapping(data, "plover.yaml")
    categories: dict[str, PloverCategory] = {}
    for name, spec in _as_mapping(top.get("categories"), "plover.yaml categories").items():
        spec = _as_mapping(spec, f"plover.yaml category {name}")
        modes = _as_mapping(spec.get("modes") or {}, f"plover.yaml modes of {name}")
        categories[str(name)] = PloverCategory(
            name=str(name),
            quad_class=int(spec["quad_class"]),
            description=str(spec["description"]).strip(),
            modes=MappingProxyType({str(k): str(v) for k, v in modes.items()}),
            alias_of=tuple(str(a) for a in spec.get("alias_of") or ()),
        )
    aliases = {
        str(old).upper(): str(new)
        for old, new in _as_mapping(top.get("label_aliases") or {}, "plover.yaml label_aliases").items()
    }
    return categories, aliases


def _parse_quad(data: Any) -> tuple[dict[str, QuadConvention], str]:
    top = _as_mapping(data, "quad_classes.yaml")
    conventions: dict[str, QuadConvention] = {}
    for name, spec in _as_mapping(top.get("conventions"), "quad_classes.yaml conventions").items():
        spec = _as_mapping(spec, f"quad_classes.yaml convention {name}")
        labels = _as_mapping(spec.get("labels") or {}, f"labels of {name}")
        roots = _as_mapping(spec.get("roots") or {}, f"roots of {name}")
        conventions[str(name)] = QuadConvention(
            name=str(name),
            description=" ".join(str(spec.get("description", "")).split()),
            labels=MappingProxyType({int(k): str(v) for k, v in labels.items()}),
            roots=MappingProxyType({str(k).zfill(2): int(v) for k, v in roots.items()}),
            source=spec.get("source"),
            fallback=spec.get("fallback"),
        )
    default = str(top.get("default", DEFAULT_QUAD_CONVENTION))
    return conventions, default


class Ontology:
    """Lookup over CAMEO codes, PLOVER categories and quad-class conventions.

    Build it with :meth:`load` (or use the cached :func:`get_ontology`). Lookups that name an
    unknown code, label or convention raise :class:`UnknownCodeError`, a :class:`KeyError`.
    """

    def __init__(
        self,
        codes: Mapping[str, CameoCode],
        categories: Mapping[str, PloverCategory],
        label_aliases: Mapping[str, str],
        conventions: Mapping[str, QuadConvention],
        default_convention: str = DEFAULT_QUAD_CONVENTION,
    ) -> None:
        self._codes = MappingProxyType(dict(codes))
        self._categories = MappingProxyType(dict(categories))
        self._aliases = MappingProxyType({k.upper(): v for k, v in label_aliases.items()})
        self._conventions = MappingProxyType(dict(conventions))
        self.default_convention = default_convention
        self._check()

    @classmethod
    def load(cls) -> Ontology:
        """Read the packaged ontology files (uncached; prefer :func:`get_ontology`)."""
        codes = _parse_cameo(_read_text("cameo.tsv"))
        categories, aliases = _parse_plover(load_yaml_text(_read_text("plover.yaml")))
        conventions, default = _parse_quad(load_yaml_text(_read_text("quad_classes.yaml")))
        return cls(codes, categories, aliases, conventions, default)

    def _check(self) -> None:
        """Fail early if the files disagree with each other."""
        for cc in self._codes.values():
            if cc.plover is not None:
                cat = self._categories.get(cc.plover)
                if cat is None:
                    raise ValueError(f"cameo.tsv: code {cc.code} maps to unknown PLOVER category {cc.plover}")
                if cc.plover_mode is not None and cc.plover_mode not in cat.modes:
                    raise ValueError(
                        f"cameo.tsv: code {cc.code} uses mode {cc.plover_mode!r}, not a mode of {cc.plover}"
                    )
            elif cc.plover_mode is not None:
                raise ValueError(f"cameo.tsv: code {cc.code} has a PLOVER mode but no category")
        for old, new in self._aliases.items():
            if new not in self._categories:
                raise ValueError(f"plover.yaml: alias {old} points to unknown category {new}")
        for cat in self._categories.values():
            for target in cat.alias_of:
                if target not in self._categories:
                    raise ValueError(f"plover.yaml: {cat.name} is alias_of unknown category {target}")
        if self.default_convention not in self._conventions:
            raise ValueError(f"quad_classes.yaml: default {self.default_convention!r} is not defined")
        for conv in self._conventions.values():
            if conv.source is None:
                missing = sorted(set(self.roots) - set(conv.roots))
                if missing:
                    raise ValueError(f"quad_classes.yaml: {conv.name} has no class for roots {missing}")
            elif conv.source != "plover_category":
                raise ValueError(f"quad_classes.yaml: {conv.name} has unknown source {conv.source!r}")
            if conv.fallback is not None and conv.fallback not in self._conventions:
                raise ValueError(f"quad_classes.yaml: {conv.name} falls back to unknown {conv.fallback!r}")

    # ------------------------------------------------------------------ CAMEO

    @property
    def codes(self) -> Mapping[str, CameoCode]:
        """All CAMEO codes, keyed by code string, in codebook order."""
        return self._codes

    @property
    def roots(self) -> tuple[str, ...]:
        """The two-digit root codes ("01" .. "20")."""
        return tuple(c for c in self._codes if len(c) == 2)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip() in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    @staticmethod
    def _clean(code: str) -> str:
        if not isinstance(code, str):
            raise UnknownCodeError(f"CAMEO codes must be strings such as '041', got {code!r} ({type(code).__name__})")
        cleaned = code.strip()
        if not (cleaned.isdigit() and 2 <= len(cleaned) <= 4):
            raise UnknownCodeError(f"not a CAMEO event code: {code!r} (expected 2 to 4 digits, e.g. '041')")
        return cleaned

    def cameo(self, code: str) -> CameoCode:
        """The entry for ``code``; raises :class:`UnknownCodeError` if it is not in the codebook."""
        cleaned = self._clean(code)
        try:
            return self._codes[cleaned]
        except KeyError:
            raise UnknownCodeError(f"unknown CAMEO event code: {code!r}") from None

    def nearest(self, code: str) -> CameoCode:
        """The entry for ``code`` or, if the codebook lacks it, for its closest listed ancestor.

        Useful for codes some coders emit that this codebook does not list (e.g. "176" -> "17").
        Raises :class:`UnknownCodeError` when not even the root is known.
        """
        cleaned = self._clean(code)
        for length in range(len(cleaned), 1, -1):
            entry = self._codes.get(cleaned[:length])
            if entry is not None:
                return entry
        raise UnknownCodeError(f"unknown CAMEO event code: {code!r} ({cleaned[:2]!r} is not a CAMEO root)")

    def root(self, code: str) -> str:
        """The two-digit root of ``code`` ("0311" -> "03"); the root itself must be known."""
        cleaned = self._clean(code)
        if cleaned[:2] not in self._codes:
            raise UnknownCodeError(f"unknown CAMEO root {cleaned[:2]!r} in code {code!r}")
        return cleaned[:2]

    def parent(self, code: str) -> str | None:
        """The code one level up, or None for a root."""
        return self.cameo(code).parent

    def children(self, code: str) -> tuple[CameoCode, ...]:
        """The codes directly below ``code`` ("04" -> "040".."046")."""
        cleaned = self.cameo(code).code
        return tuple(c for c in self._codes.values() if len(c.code) == len(cleaned) + 1 and c.code.startswith(cleaned))

    def goldstein(self, code: str) -> float:
        """The Goldstein conflict-cooperation value (-10 .. +10) of ``code``."""
        return self.cameo(code).goldstein

    def name(self, code: str) -> str:
        return self.cameo(code).name

    def plover_for(self, code: str) -> tuple[str | None, str | None]:
        """The (PLOVER category, mode) for ``code``.

        If the code has no category of its own, the nearest ancestor's mapping is used (a 4-digit
        code falls back to its 3-digit parent, then to the root). Codes with no mapping anywhere
        (the 01 public statements) give ``(None, None)``. A code the codebook does not list is
        resolved through its nearest listed ancestor.
        """
        cleaned = self.nearest(code).code
        for length in range(len(cleaned), 1, -1):
            entry = self._codes.get(cleaned[:length])
            if entry is not None and entry.plover is not None:
                return entry.plover, entry.plover_mode
        return None, None

    # ------------------------------------------------------------ quad classes

    @property
    def quad_conventions(self) -> Mapping[str, QuadConvention]:
        return self._conventions

    def quad_convention(self, name: str | None = None) -> QuadConvention:
        key = self.default_convention if name is None else name
        try:
            return self._conventions[key]
        except KeyError:
            known = ", ".join(self._conventions)
            raise UnknownCodeError(f"unknown quad-class convention {key!r} (known: {known})") from None

    def quad_class(self, code: str, convention: str = DEFAULT_QUAD_CONVENTION) -> int:
        """The quad class of ``code`` under ``convention`` (default ``four_quad``).

        Root-based conventions only look at the root, so any code under a known root works.
        """
        conv = self.quad_convention(convention)
        if conv.source == "plover_category":
            category, _ = self.plover_for(code)
            if category is not None:
                return self._categories[category].quad_class
            if conv.fallback is None:
                raise UnknownCodeError(f"code {code!r} has no PLOVER category and {conv.name} no fallback")
            return self.quad_class(code, conv.fallback)
        return conv.roots[self.root(code)]

    def quad_label(self, quad_class: int, convention: str = DEFAULT_QUAD_CONVENTION) -> str:
        """The name of a class number, e.g. 1 -> "verbal cooperation"."""
        conv = self.quad_convention(convention)
        try:
            return conv.labels[quad_class]
        except KeyError:
            raise UnknownCodeError(f"class {quad_class} is not defined in convention {conv.name}") from None

    # ------------------------------------------------------------------ PLOVER

    @property
    def plover_categories(self) -> Mapping[str, PloverCategory]:
        """All PLOVER entries, current categories first, then legacy labels (YIELD)."""
        return self._categories

    def plover_names(self, include_legacy: bool = False) -> tuple[str, ...]:
        """Category names in PLOVER manual order; legacy labels only if asked for."""
        return tuple(n for n, c in self._categories.items() if include_legacy or not c.is_legacy)

    @property
    def label_aliases(self) -> Mapping[str, str]:
        return self._aliases

    def normalize_plover(self, label: str) -> str:
        """Map a PLOVER label to its current name ("DEMAND" -> "REQUEST", " assault " -> "ASSAULT").

        Legacy labels with no one-to-one successor (YIELD) are returned unchanged. Raises
        :class:`UnknownCodeError` for labels that are not PLOVER categories.
        """
        key = label.strip().upper()
        key = self._aliases.get(key, key)
        if key not in self._categories:
            raise UnknownCodeError(f"unknown PLOVER category: {label!r}")
        return key

    def plover_category(self, label: str) -> PloverCategory:
        """The category entry for ``label`` (old names accepted)."""
        return self._categories[self.normalize_plover(label)]

    def merge_yield(self, label: str) -> str:
        """Normalize ``label`` and fold CONCEDE and RETREAT into the legacy YIELD.

        Use this to compare current PLOVER output with data sets that still use YIELD.
        """
        normalized = self.normalize_plover(label)
        for name, cat in self._categories.items():
            if normalized in cat.alias_of:
                return name
        return normalized


@functools.lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    """The packaged ontology, loaded once and shared."""
    return Ontology.load()
