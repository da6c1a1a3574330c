"""Tests for corridor.ontology and the packaged ontology data files."""

from __future__ import annotations

import pytest

from corridor.ontology import CameoCode, Ontology, PloverCategory, UnknownCodeError, get_ontology

CURRENT_PLOVER = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return get_ontology()


def test_get_ontology_is_cached(onto: Ontology) -> None:
    assert get_ontology() is onto


def test_codebook_size_and_levels(onto: Ontology) -> None:
    lengths = [len(c.code) for c in onto]
    assert len(onto) == 312
    assert lengths.count(2) == 20
    assert lengths.count(3) == 147
    assert lengths.count(4) == 145


def test_every_root_present(onto: Ontology) -> None:
    expected = tuple(f"{i:02d}" for i in range(1, 21))
    assert onto.roots == expected
    for root in expected:
        assert root in onto


def test_codes_are_zero_padded_strings(onto: Ontology) -> None:
    for code in ("01", "010", "0311", "1383", "2042"):
        entry = onto.cameo(code)
        assert isinstance(entry, CameoCode)
        assert entry.code == code
    assert onto.cameo("010").name == "Make statement"
    assert onto.cameo("10").name == "DEMAND"


def test_041_is_consult_phone(onto: Ontology) -> None:
    entry = onto.cameo("041")
    assert entry.name == "Discuss by telephone"
    assert (entry.plover, entry.plover_mode) == ("CONSULT", "phone")
    assert onto.plover_for("041") == ("CONSULT", "phone")
    assert onto.goldstein("041") == 1.0
    assert onto.quad_class("041") == 1


def test_consult_modes_follow_manual(onto: Ontology) -> None:
    assert onto.plover_for("042") == ("CONSULT", "visit")
    assert onto.plover_for("043") == ("CONSULT", "visit")
    assert onto.plover_for("044") == ("CONSULT", "third-party")
    assert onto.plover_for("046") == ("CONSULT", None)


def test_known_goldstein_values(onto: Ontology) -> None:
    assert onto.goldstein("01") == 0.0
    assert onto.goldstein("011") == -0.1
    assert onto.goldstein("057") == 8.0
    assert onto.goldstein("0874") == 10.0
    assert onto.goldstein("190") == -10.0
    assert onto.goldstein("163") == -8.0


def test_quad_classes_default_convention(onto: Ontology) -> None:
    assert onto.quad_class("190") == 4
    assert onto.quad_class("010") == 1
    assert onto.quad_class("0211") == 1
    assert onto.quad_class("064") == 2
    assert onto.quad_class("0874") == 2
    assert onto.quad_class("09") == 3
    assert onto.quad_class("1385") == 3
    assert onto.quad_class("14") == 4
    assert onto.quad_class("2042") == 4
    assert onto.default_convention == "four_quad"


def test_tsv_quad_class_matches_four_quad(onto: Ontology) -> None:
    for entry in onto:
        assert entry.quad_class == onto.quad_class(entry.code, "four_quad"), entry.code


def test_alternative_quad_conventions(onto: Ontology) -> None:
    assert onto.quad_class("010", "phoenix") == 0
    assert onto.quad_class("020", "phoenix") == 0
    assert onto.quad_class("160", "phoenix") == 3
    assert onto.quad_class("010", "penta") == 0
    assert onto.quad_class("020", "penta") == 1
    # PLOVER convention follows the category: 08 splits into CONCEDE (1) and RETREAT (2)
    assert onto.quad_class("081", "plover") == 1
    assert onto.quad_class("0841", "plover") == 2
    assert onto.quad_class("020", "plover") == 3
    assert onto.quad_class("010", "plover") == 1  # no category: falls back to four_quad
    with pytest.raises(KeyError):
        onto.quad_class("041", "no_such_convention")


def test_every_plover_value_is_a_category(onto: Ontology) -> None:
    for entry in onto:
        if entry.plover is None:
            assert entry.plover_mode is None, entry.code
            continue
        assert entry.plover in onto.plover_categories, entry.code
        if entry.plover_mode is not None:
            assert entry.plover_mode in onto.plover_categories[entry.plover].modes, entry.code


def test_tsv_uses_only_current_labels(onto: Ontology) -> None:
    used = {entry.plover for entry in onto if entry.plover is not None}
    assert used <= set(CURRENT_PLOVER)
    assert not used & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "YIELD"}


def test_three_digit_codes_have_plover_for_roots_02_to_20(onto: Ontology) -> None:
    for entry in onto:
        if len(entry.code) == 3 and entry.root != "01":
            assert entry.plover, entry.code


def test_public_statements_have_no_plover(onto: Ontology) -> None:
    for entry in onto:
        if entry.root == "01":
            assert entry.plover is None, entry.code
    assert onto.plover_for("016") == (None, None)


def test_crosswalk_facts(onto: Ontology) -> None:
    assert onto.plover_for("036")[0] == "AGREE"
    assert onto.plover_for("051")[0] == "SUPPORT"
    assert onto.plover_for("0811")[0] == "CONCEDE"
    assert onto.plover_for("0841") == ("RETREAT", "release")
    assert onto.plover_for("090") == ("ACCUSE", "investigate")
    assert onto.plover_for("1121") == ("ACCUSE", "allege")
    assert onto.plover_for("1053") == ("REQUEST", "yield")
    assert onto.plover_for("141") == ("PROTEST", "demo")
    assert onto.plover_for("173") == ("COERCE", "arrest")
    assert onto.plover_for("193") == ("ASSAULT", "firearms")
    assert onto.plover_for("2041") == ("ASSAULT", "unconventional")


def test_plover_for_falls_back_to_parent(onto: Ontology) -> None:
    # a code the codebook does not list resolves through its nearest listed ancestor
    assert onto.plover_for("1214") == onto.plover_for("121")
    assert onto.plover_for("176") == ("COERCE", None)
    assert onto.nearest("176").code == "17"


def test_plover_yaml_categories(onto: Ontology) -> None:
    assert onto.plover_names() == CURRENT_PLOVER
    assert "YIELD" in onto.plover_names(include_legacy=True)
    quads = {name: onto.plover_categories[name].quad_class for name in CURRENT_PLOVER}
    assert [n for n, q in quads.items() if q == 1] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]
    assert [n for n, q in quads.items() if q == 2] == ["COOPERATE", "AID", "RETREAT"]
    assert [n for n, q in quads.items() if q == 3] == ["REQUEST", "ACCUSE", "REJECT", "THREATEN"]
    for name in CURRENT_PLOVER:
        cat = onto.plover_categories[name]
        assert isinstance(cat, PloverCategory)
        assert cat.description and not cat.alias_of
    assert set(onto.plover_categories["CONSULT"].modes) == {"visit", "third-party", "multilateral", "phone"}
    assert onto.plover_categories["AGREE"].modes == {}
    assert onto.plover_categories["YIELD"].alias_of == ("CONCEDE", "RETREAT")


def test_normalize_plover(onto: Ontology) -> None:
    assert onto.normalize_plover("DEMAND") == "REQUEST"
    assert onto.normalize_plover("DISAPPROVE") == "ACCUSE"
    assert onto.normalize_plover("INVESTIGATE") == "ACCUSE"
    assert onto.normalize_plover("FIGHT") == "ASSAULT"
    assert onto.normalize_plover(" consult ") == "CONSULT"
    assert onto.normalize_plover("YIELD") == "YIELD"
    for name in CURRENT_PLOVER:
        assert onto.normalize_plover(name) == name
    with pytest.raises(KeyError):
        onto.normalize_plover("CRIME")


def test_merge_yield(onto: Ontology) -> None:
    assert onto.merge_yield("CONCEDE") == "YIELD"
    assert onto.merge_yield("RETREAT") == "YIELD"
    assert onto.merge_yield("DEMAND") == "REQUEST"


def test_unknown_code_raises_key_error(onto: Ontology) -> None:
    for bad in ("999", "0215", "21", "00", "abc", "", "12345"):
        with pytest.raises(KeyError):
            onto.cameo(bad)
    with pytest.raises(KeyError, match="unknown CAMEO event code"):
        onto.goldstein("999")
    with pytest.raises(UnknownCodeError):
        onto.root("99")


def test_root_and_parent(onto: Ontology) -> None:
    assert onto.root("0311") == "03"
    assert onto.root("1383") == "13"
    assert onto.root("20") == "20"
    assert onto.parent("0311") == "031"
    assert onto.parent("03") is None
    assert [c.code for c in onto.children("04")] == ["040", "041", "042", "043", "044", "045", "046"]


def test_dataclasses_are_frozen(onto: Ontology) -> None:
    entry = onto.cameo("041")
    with pytest.raises(AttributeError):
        entry.plover = "AGREE"  # type: ignore[misc, unused-ignore]


def test_every_event_pattern_codes_a_cameo_code_or_no_event() -> None:
    from corridor.event_lexicon import load_event_lexicon

    onto = get_ontology()
    bad = [(p.id, p.code) for p in load_event_lexicon().patterns if p.code != "none" and p.code not in onto]
    assert not bad, bad
    assert any(p.code == "none" for p in load_event_lexicon().patterns)  # the discards are loaded
