"""Gazetteer resolution and the places stage on sentences written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from corridor.gazetteer import Gazetteer, get_gazetteer, haversine_km, normalize_name
from corridor.model import Article, Place
from corridor.pipeline import Analysis, Pipeline, PipelineConfig, load_nlp
from corridor.stages.places import (
    Toponym,
    article_focus,
    find_dateline,
    is_demonym,
    is_metonymic,
    local_region,
    make_place,
    place_for_clause,
    resolve_toponyms,
    text_country_cues,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(PipelineConfig(stages=("places",)), nlp=load_nlp())


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyse(Article(text=text, doc_id="t", date="2021-10-28"))


def place_named(analysis: Analysis, text: str) -> Place:
    found = [p for p in analysis.places if p.text == text]
    assert found, f"{text!r} not among {[p.text for p in analysis.places]}"
    return found[0]


# ---- gazetteer ---------------------------------------------------------------------------------


def test_normalize_name_folds_case_diacritics_and_abbreviations() -> None:
    assert normalize_name("São Paulo") == "sao paulo"
    assert normalize_name("St. Louis") == "saint louis"
    assert normalize_name("Winston-Salem") == "winston salem"


def test_resolve_city_country_and_coordinates(gaz: Gazetteer) -> None:
    peshawar = gaz.resolve("Peshawar")
    assert peshawar is not None
    assert peshawar.country == "PAK"
    assert haversine_km(peshawar.lat, peshawar.lon, 34.0, 71.5) < 30
    assert peshawar.feature_class == "P"


def test_paris_defaults_to_france_and_follows_context(gaz: Gazetteer) -> None:
    paris = gaz.resolve("Paris")
    assert paris is not None and paris.country == "FRA" and paris.feature_code == "PPLC"
    us_paris = gaz.resolve("Paris", context_countries=Counter({"USA": 5}))
    assert us_paris is not None and us_paris.country == "USA"
    texas = gaz.resolve("Paris", local_region="US.TX")
    assert texas is not None and texas.country == "USA" and texas.admin1 == "TX"


def test_country_preferred_over_town_of_the_same_name(gaz: Gazetteer) -> None:
    china = gaz.resolve("China", context_countries=Counter({"USA": 10}))
    assert china is not None and china.kind == "country" and china.country == "CHN"
    assert china.geonameid == 1814991


def test_a_division_named_after_its_city_competes_as_that_city(gaz: Gazetteer) -> None:
    # Senegal's Saint-Louis region (478,000 people) is named after its city of 254,000; the Missouri city
    # of 280,000 is the likelier "St. Louis"; within Senegal the region still ranks first
    st_louis = gaz.resolve("St. Louis")
    assert st_louis is not None and st_louis.country == "USA" and st_louis.kind == "city"
    senegal = gaz.resolve("Saint-Louis", context_countries=Counter({"SEN": 3}))
    assert senegal is not None and senegal.country == "SEN" and senegal.kind == "admin1"


def test_georgia_is_the_country_unless_the_article_is_american(gaz: Gazetteer) -> None:
    country = gaz.resolve("Georgia")
    assert country is not None and country.country == "GEO"
    state = gaz.resolve("Georgia", context_countries=Counter({"USA": 8, "GEO": 0}))
    assert state is not None and state.kind == "admin1" and state.country == "USA"


def test_abbreviations_and_alternate_names(gaz: Gazetteer) -> None:
    us = gaz.resolve("U.S.")
    assert us is not None and us.country == "USA" and us.kind == "country"
    assert gaz.resolve("us") is None or gaz.resolve("us").country != "USA"  # type: ignore[union-attr]
    uk = gaz.resolve("Britain")
    assert uk is not None and uk.country == "GBR"
    la = gaz.candidates("La.")
    assert any(e.kind == "admin1" and e.admin1 == "LA" for e in la)


def test_candidates_include_divisions_and_towns(gaz: Gazetteer) -> None:
    kinds = {(e.kind, e.country) for e in gaz.candidates("Punjab")}
    assert ("admin1", "PAK") in kinds and ("admin1", "IND") in kinds
    county = gaz.candidates("Rapides Parish")
    assert any(e.kind == "admin2" and e.admin1 == "LA" for e in county)


def test_demonyms_resolve_only_on_request(gaz: Gazetteer) -> None:
    assert all(e.kind != "country" for e in gaz.candidates("Chinese"))
    chinese = gaz.resolve("Chinese", demonyms=True)
    assert chinese is not None and chinese.country == "CHN"


# ---- the stage -----------------------------------------------------------------------------------


def test_stage_resolves_place_in_sentence(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "Clashes broke out in Peshawar on Tuesday after the funeral.")
    p = place_named(a, "Peshawar")
    assert p.country == "PAK"
    assert p.lat is not None and p.lon is not None
    assert abs(p.lat - 34.0) < 0.3 and abs(p.lon - 71.5) < 0.3
    assert a.doc.text[p.start : p.end] == "Peshawar"


def test_paris_texas_in_text(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "The storm flattened barns near Paris, Texas, on Sunday night.")
    p = place_named(a, "Paris")
    assert p.country == "USA"
    assert p.lat is not None and p.lat < 40


def test_demonyms_are_not_places(pipeline: Pipeline) -> None:
    assert is_demonym("Chinese") and is_demonym("Pakistanis") and not is_demonym("Pakistan")
    a = analyse(pipeline, "Chinese and Pakistani engineers met in Karachi to inspect the port.")
    texts = {p.text for p in a.places}
    assert "Chinese" not in texts and "Pakistani" not in texts
    assert place_named(a, "Karachi").country == "PAK"


def test_capital_as_speaker_is_metonymic(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "Beijing said on Monday that it would not accept the tariffs.")
    tok = next(t for t in a.doc if t.text == "Beijing")
    assert is_metonymic(tok)
    assert all(p.text != "Beijing" for p in a.places)
    assert [p.text for p in a.notes["metonymic_places"]] == ["Beijing"]


def test_capital_as_location_is_not_metonymic(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "Thousands of protesters marched in Beijing on Monday.")
    tok = next(t for t in a.doc if t.text == "Beijing")
    assert not is_metonymic(tok)
    assert place_named(a, "Beijing").country == "CHN"


def test_washington_imposing_sanctions_is_an_actor(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "Washington imposed sanctions on three shipping companies last week.")
    assert all(p.text != "Washington" for p in a.places)


def test_find_dateline_forms() -> None:
    assert find_dateline("ISLAMABAD, Oct 28 (Reuters) - Police said") == ("ISLAMABAD", 0, 9)
    assert find_dateline("BEIJING — The ministry said")[0] == "BEIJING"  # type: ignore[index]
    assert find_dateline("NEW DELHI (AP) -- Officials said")[0] == "NEW DELHI"  # type: ignore[index]
    assert find_dateline("The ministry said on Monday - nothing more") is None


def test_dateline_recorded_and_resolved(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "ISLAMABAD, Oct 28 (Reuters) - Officials met to discuss the floods.")
    dl = a.notes["dateline"]
    assert isinstance(dl, Place)
    assert dl.text == "ISLAMABAD" and dl.country == "PAK" and dl.feature_class == "P"
    assert dl.lat is not None and abs(dl.lat - 33.7) < 0.3


def test_place_for_clause_prefers_attached_place(pipeline: Pipeline) -> None:
    text = "ISLAMABAD, Oct 28 (Reuters) - Gunmen attacked a checkpoint in Quetta, officials in Lahore said."
    a = analyse(pipeline, text)
    trigger = next(t for t in a.doc if t.text == "attacked")
    place = place_for_clause(a, [trigger.i])
    assert place is not None and place.text == "Quetta"


def test_place_for_clause_keeps_to_the_triggers_clause(pipeline: Pipeline) -> None:
    # the place of the speaker's relative clause is not where the words were said
    a = analyse(pipeline, "Ana Brennan, who will open trade talks in Hanoi on Friday, said the tariffs would be cut.")
    said = next(t for t in a.doc if t.text == "said")
    assert place_for_clause(a, [said.i]) is None
    # a place elsewhere in the trigger's own clause still counts
    b = analyse(pipeline, "In Kabul, the minister met the Pakistani envoy.")
    met = next(t for t in b.doc if t.text == "met")
    place = place_for_clause(b, [met.i])
    assert place is not None and place.text == "Kabul"


def test_an_unknown_place_of_the_clause_is_not_the_dateline(pipeline: Pipeline) -> None:
    # the gazetteer does not know the suburb; the event happened there, not in the dateline's city
    a = analyse(pipeline, "MOSCOW (AP) — Russian jets bombed rebel positions in Eastern Ghouta on Monday.")
    bombed = next(t for t in a.doc if t.text == "bombed")
    assert any(p.text == "Eastern Ghouta" and p.name is None for p in a.places)
    assert place_for_clause(a, [bombed.i]) is None


def test_place_for_clause_falls_back_to_dateline(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "BEIJING — The two sides signed a trade agreement on Friday.")
    trigger = next(t for t in a.doc if t.text == "signed")
    place = place_for_clause(a, [trigger.i])
    assert place is not None and place.text == "BEIJING"
    b = analyse(pipeline, "The two sides signed a trade agreement on Friday.")
    trig_b = next(t for t in b.doc if t.text == "signed")
    assert place_for_clause(b, [trig_b.i]) is None


def test_unknown_name_gets_the_article_focus_point(gaz: Gazetteer) -> None:
    mentions = [
        Toponym("Lahore", 0, 6),
        Toponym("Qurtuba Crescent Road", 20, 41),
        Toponym("Punjab", 50, 56),
    ]
    res = resolve_toponyms(gaz, mentions)
    assert res[0].entry is not None and res[0].entry.country == "PAK" and not res[0].inferred
    assert res[1].inferred and res[1].entry is not None and res[1].entry.name == "Lahore"
    assert res[2].entry is not None and res[2].entry.country == "PAK"  # the Pakistani Punjab, by context
    strict = resolve_toponyms(gaz, mentions, focus_fallback=False)
    assert strict[1].entry is None
    place = make_place("Qurtuba Crescent Road", 20, 41, res[1])
    assert place.geonameid is None and place.feature_code is None and place.lat is not None


# ---- resolution with the article's context (mentions of texts written for these tests) -------------


def _mentions(text: str, names: list[str]) -> list[Toponym]:
    """The mentions of ``names`` in ``text`` (each occurrence), in text order."""
    out = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            out.append(Toponym(name, start, start + len(name)))
            start = text.find(name, start + 1)
    return sorted(out, key=lambda m: m.start)


def _resolved(gaz: Gazetteer, text: str, names: list[str]) -> dict[str, tuple[str, str]]:
    mentions = _mentions(text, names)
    res = resolve_toponyms(gaz, mentions)
    return {m.text: (r.entry.country2, r.entry.admin1) for m, r in zip(mentions, res, strict=True) if r.entry}


def test_nearby_towns_fix_each_other(gaz: Gazetteer) -> None:
    text = "Snowplows from Alexandria cleared the road to Brandon; the Douglas County engineer said it reopens."
    got = _resolved(gaz, text, ["Alexandria", "Brandon", "Douglas County"])
    # alone, each name is elsewhere (Alexandria, Egypt or Virginia; Brandon, Florida)
    assert gaz.resolve("Alexandria").admin1 != "MN"  # type: ignore[union-attr]
    assert got == {"Alexandria": ("US", "MN"), "Brandon": ("US", "MN"), "Douglas County": ("US", "MN")}


def test_county_decides_the_town(gaz: Gazetteer) -> None:
    text = "Athens police booked the suspect into the Henderson County jail on Monday."
    got = _resolved(gaz, text, ["Athens", "Henderson County"])
    assert got["Athens"] == ("US", "TX") and got["Henderson County"] == ("US", "TX")


def test_town_named_like_a_country_among_local_places(gaz: Gazetteer) -> None:
    text = "The bus runs from Shakopee through Jordan to Belle Plaine, Scott County officials said."
    got = _resolved(gaz, text, ["Shakopee", "Jordan", "Belle Plaine", "Scott County"])
    assert got["Jordan"] == ("US", "MN")
    alone = resolve_toponyms(gaz, [Toponym("Jordan", 0, 6), Toponym("Amman", 10, 15)])
    assert alone[0].entry is not None and alone[0].entry.kind == "country"


def test_state_name_beats_small_towns_of_that_name(gaz: Gazetteer) -> None:
    text = "Wildfires spread across California while crews from Pittsburgh and Harrisburg flew west."
    got = _resolved(gaz, text, ["California", "Pittsburgh", "Harrisburg"])
    assert got["California"] == ("US", "CA")


def test_small_us_towns_are_known(gaz: Gazetteer) -> None:
    kensington = [e for e in gaz.candidates("Kensington") if e.admin1 == "MN"]
    assert kensington and kensington[0].kind == "city" and kensington[0].country == "USA"
    assert haversine_km(kensington[0].lat, kensington[0].lon, 45.78, -95.70) < 30


def test_country_points_are_geonames_points(gaz: Gazetteer) -> None:
    japan = gaz.resolve("Japan")
    assert japan is not None and haversine_km(japan.lat, japan.lon, 35.69, 139.75) < 20  # GeoNames: Tokyo
    ontario = gaz.resolve("Ontario")
    assert ontario is not None and ontario.kind == "admin1" and ontario.lat > 48.0


def test_province_abbreviations(gaz: Gazetteer) -> None:
    bc = gaz.resolve("B.C.")
    assert bc is not None and (bc.country2, bc.admin1) == ("CA", "02")
    nsw = gaz.resolve("NSW")
    assert nsw is not None and (nsw.country2, nsw.admin1) == ("AU", "02")


def test_organization_named_after_a_place_is_placed_there(gaz: Gazetteer) -> None:
    text = "Staff from the Bank of Japan joined the Arizona State University board on Monday."
    mentions = _mentions(text, ["Bank of Japan", "Arizona State University"])
    res = resolve_toponyms(gaz, mentions)
    assert res[0].entry is not None and res[0].entry.country == "JPN" and not res[0].inferred
    assert res[1].entry is not None and (res[1].entry.kind, res[1].entry.admin1) == ("admin1", "AZ")
    lake = resolve_toponyms(gaz, [Toponym("Lake Vermont", 0, 12), Toponym("Douglas County", 20, 34)])
    assert lake[0].inferred  # a natural feature keeps its own (unknown) name


def test_currency_signs_as_country_context() -> None:
    assert text_country_cues("The council approved a $480,000 package.") == {"USA": 0.5}
    assert text_country_cues("Tickets cost £40 each.") == {"GBR": 0.5}
    assert text_country_cues("It sold for C$3 million.") == {"CAN": 0.5}
    assert text_country_cues("No money was mentioned.") == {}


def test_currency_cue_decides_a_lone_town(gaz: Gazetteer) -> None:
    mentions = [Toponym("Mansfield", 0, 9)]
    assert resolve_toponyms(gaz, mentions)[0].entry.country == "GBR"  # type: ignore[union-attr]
    cue = text_country_cues("Mansfield aldermen will vote on a $480,000 sewer loan.")
    assert resolve_toponyms(gaz, mentions, prior_countries=cue)[0].entry.country == "USA"  # type: ignore[union-attr]


def test_focus_is_the_place_with_most_mentions_near_it(gaz: Gazetteer) -> None:
    text = "A man from Evanston was stabbed in Chicago near Oak Park; the Pilsen Avenue store closed."
    mentions = _mentions(text, ["Evanston", "Chicago", "Oak Park", "Pilsen Avenue"])
    res = resolve_toponyms(gaz, mentions)
    unknown = res[-1]
    assert unknown.inferred and unknown.entry is not None and unknown.entry.admin1 == "IL"
    assert article_focus([r.entry for r in res[:-1]]).admin1 == "IL"  # type: ignore[union-attr]


def test_street_named_after_a_town_is_not_placed_there(gaz: Gazetteer) -> None:
    mentions = [Toponym("Chicago", 0, 7), Toponym("Hampton Avenue", 20, 34), Toponym("University of Iowa", 40, 58)]
    res = resolve_toponyms(gaz, mentions)
    assert res[1].inferred and res[1].entry is not None and res[1].entry.name == "Chicago"
    assert res[2].entry is not None and (res[2].entry.kind, res[2].entry.admin1) == ("admin1", "IA")


# ---- round 2: famous cities, lists after a name, hamlets far from the story ---------------------------


def test_famous_city_beats_a_small_namesake_in_the_same_state_context(gaz: Gazetteer) -> None:
    text = "The Portland Trail Blazers lost in Houston; San Antonio and Dallas also play in Texas this week."
    got = _resolved(gaz, text, ["Portland", "Houston", "San Antonio", "Dallas", "Texas"])
    assert got["Portland"] == ("US", "OR")  # not Portland, Texas: the state context alone does not do
    near = _resolved(
        gaz, "Portland police and Corpus Christi firefighters closed the causeway.", ["Portland", "Corpus Christi"]
    )
    assert near["Portland"] == ("US", "TX")  # a nearby name keeps the namesake


def test_namesake_abroad_keeps_its_country_context(gaz: Gazetteer) -> None:
    text = "The Paris school board met in Lamar County; Reno and Blossom sent delegates."
    got = _resolved(gaz, text, ["Paris", "Lamar County", "Reno", "Blossom"])
    assert got["Paris"] == ("US", "TX")


def test_a_big_city_beats_a_small_division_of_its_name(gaz: Gazetteer) -> None:
    assert _resolved(gaz, "Police arrested protesters in Portland.", ["Portland"])["Portland"][0] == "US"
    assert _resolved(gaz, "Floods in Punjab.", ["Punjab"])["Punjab"][0] == "PK"  # a division of millions stays


def test_region_after_a_name_is_not_a_list_item(gaz: Gazetteer) -> None:
    text = "Marches in Denver, New York and Chicago drew crowds."
    assert local_region(gaz, text, text.index(",")) is None
    text = "Her offers came from Georgia Southern University, New Mexico State University and others."
    assert local_region(gaz, text, text.index(",")) is None
    text = "He grew up in Huntsville, Texas. Everett, his brother, stayed."
    assert local_region(gaz, text, text.index(",")) == "US.TX"
    text = "A school shooting in Parkland, Florida, shocked the nation."
    assert local_region(gaz, text, text.index(",")) == "US.FL"  # the US state, not the Uruguayan department
    assert gaz.containing_region("Florida") == "US.FL"


def test_two_names_of_one_place_are_one_clue(gaz: Gazetteer) -> None:
    text = "Guardsmen from Seattle, Tacoma and Spokane serve across Washington; the general flew to Washington, D.C."
    mentions = _mentions(text, ["Seattle", "Tacoma", "Spokane", "Washington, D.C."])
    start = text.index("across Washington") + len("across ")
    mentions.append(Toponym("Washington", start, start + len("Washington")))
    mentions.sort(key=lambda m: m.start)
    res = {m.text: r.entry for m, r in zip(mentions, resolve_toponyms(gaz, mentions), strict=True)}
    assert res["Washington"] is not None and (res["Washington"].kind, res["Washington"].admin1) == ("admin1", "WA")
    assert res["Washington, D.C."] is not None and res["Washington, D.C."].admin1 == "DC"


def test_nationality_word_is_the_country_not_a_town(gaz: Gazetteer) -> None:
    mentions = [Toponym("Amarillo", 0, 8), Toponym("Canadian", 20, 28), Toponym("Texas", 40, 45)]
    res = resolve_toponyms(gaz, mentions, demonyms=True)
    assert res[1].entry is not None and res[1].entry.kind == "country" and res[1].entry.country == "CAN"


def test_unknown_name_with_a_region_after_it_lies_in_that_region(gaz: Gazetteer) -> None:
    mentions = [Toponym("Camp Murray", 0, 11, local="US.WA"), Toponym("Miami", 30, 35), Toponym("Miami", 50, 55)]
    res = resolve_toponyms(gaz, mentions)
    assert res[0].inferred and res[0].entry is not None and (res[0].entry.kind, res[0].entry.admin1) == ("admin1", "WA")


def test_building_named_with_a_city_is_in_that_city(gaz: Gazetteer) -> None:
    res = resolve_toponyms(gaz, [Toponym("British Embassy Tokyo", 0, 21), Toponym("London", 30, 36)])
    assert res[0].entry is not None and res[0].entry.country == "JPN" and res[0].entry.kind == "city"
    res = resolve_toponyms(gaz, [Toponym("Delhi High Court", 0, 16)])
    assert res[0].entry is not None and res[0].entry.country == "IND" and res[0].entry.kind == "city"


def test_hamlet_far_from_the_story_is_a_building_there(gaz: Gazetteer) -> None:
    text = "Senators in Washington left the Capitol as protesters marched from Arlington and Alexandria."
    mentions = _mentions(text, ["Washington", "Capitol", "Arlington", "Alexandria"])
    res = {m.text: r for m, r in zip(mentions, resolve_toponyms(gaz, mentions), strict=True)}
    capitol = res["Capitol"]
    assert capitol.inferred and capitol.entry is not None and capitol.entry.admin1 in {"DC", "VA"}
    # a hamlet abroad is named on purpose: kept
    abroad = resolve_toponyms(gaz, [Toponym("Flumeri", 0, 7), Toponym("Boston", 20, 26), Toponym("Boston", 30, 36)])
    assert abroad[0].entry is not None and abroad[0].entry.country == "ITA" and not abroad[0].inferred


def test_short_region_names_are_the_region(gaz: Gazetteer) -> None:
    gaza = gaz.resolve("Gaza")
    assert gaza is not None and gaza.kind == "region" and gaza.country == "PSE"  # not Mozambique's province
    gulf = resolve_toponyms(gaz, [Toponym("Gulf", 0, 4), Toponym("Qatar", 10, 15), Toponym("Bahrain", 20, 27)])
    assert gulf[0].entry is not None and gulf[0].entry.kind == "region" and gulf[0].entry.name == "Persian Gulf"


def test_the_nations_of_the_united_kingdom_are_places_of_their_own(pipeline: Pipeline) -> None:
    coded = pipeline(
        Article(text="Protests spread across Scotland and Wales on Monday.", doc_id="t", date="2005-01-10")
    )
    assert [(p.name, p.feature_code) for p in coded.places] == [("Scotland", "ADM1"), ("Wales", "ADM1")]


def test_a_persons_name_is_no_place(pipeline: Pipeline) -> None:
    # the headline's bare surname and a later first name are the people the article names in full
    text = ("Rome hails Bush win\n\nItaly's leaders said they looked forward to working with George Bush. "
            "Doctors said Yulia Petrova was recovering in Salisbury, and Yulia thanked the staff.")  # fmt: skip
    names = {p.text for p in analyse(pipeline, text).places}
    assert "Salisbury" in names and "Rome" in names
    assert not names & {"Bush", "Yulia"}


# ---- sides of places: "the South East of England", "North Wales", "Northern Israel" ----------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the brief's sentence: Botswana's South East district before
        ("Flooding hit the South East of England on Monday.", "South East England", "GBR"),
        # South Africa's North West province before
        ("Train services across North West England were halted by a signal fault.", "North West England", "GBR"),
        # Zimbabwe's Midlands province before (no English division has the name)
        ("Factories in the Midlands reported a sharp fall in orders last month.", "Midlands", "GBR"),
        ("Farmers across the West Midlands and Shropshire lost crops to the floods.", "West Midlands", "GBR"),
    ],
)
def test_a_region_of_england_is_in_england(pipeline: Pipeline, text: str, name: str, country: str) -> None:
    places = analyse(pipeline, text).places
    assert places and places[0].name == name and places[0].country == country


def test_a_side_of_a_country_named_in_the_text_is_inside_it(pipeline: Pipeline) -> None:
    # a Pennsylvania borough (and Bangor beside it) before; neither "North Wales" nor "Bangor" is in a table
    a = analyse(pipeline, "Police in North Wales closed the A55 after a lorry overturned near Bangor.")
    wales = place_named(a, "North Wales")
    assert (wales.name, wales.country, wales.feature_code) == ("Wales", "GBR", "ADM1")
    assert place_named(a, "Bangor").country == "GBR"
    # tagged as an organization and dropped before; the country's division of that side
    b = analyse(pipeline, "Troops were sent to the Far North of Cameroon after attacks by Boko Haram.")
    far_north = place_named(b, "Far North of Cameroon")
    assert (far_north.name, far_north.country, far_north.feature_code) == ("Far North", "CMR", "ADM1")
    # "A of B": a division of the country after it (the country alone before)
    c = analyse(pipeline, "Authorities in the Eastern Province of Saudi Arabia said the refinery fire was out.")
    province = place_named(c, "Eastern Province of Saudi Arabia")
    assert (province.name, province.country, province.feature_code) == ("Eastern Province", "SAU", "ADM1")


def test_sides_of_places_in_the_gazetteer(gaz: Gazetteer) -> None:
    def read(name: str) -> tuple[str, str | None, str]:
        e = gaz.resolve(name)
        assert e is not None, name
        return e.name, e.country, e.kind

    assert read("the South East of Ireland") == ("Ireland", "IRL", "country")  # nothing before
    assert read("North West of Ireland") == ("Ireland", "IRL", "country")
    assert read("South Lebanon") == ("Lebanon", "LBN", "country")  # a town in Ohio before
    assert read("East Texas") == ("Texas", "USA", "admin1")  # a Pennsylvania hamlet before
    assert read("Northern Israel") == ("Northern District", "ISR", "admin1")
    assert read("south-eastern Saudi Arabia")[1] == "SAU"
    # names that are places of their own keep their reading
    assert read("West Virginia") == ("West Virginia", "USA", "admin1")
    assert read("South Sudan")[2] == "country" and read("South Sudan")[1] == "SSD"
    assert read("Northern Ireland") == ("Northern Ireland", "GBR", "admin1")
    assert read("East London")[2] == "city"  # a side of a town is a town or a district, not the town
    assert read("East Jerusalem") == ("East Jerusalem", "PSE", "city")  # a large city of that name
    assert all(e.kind == "city" for e in gaz.candidates("South St. Paul"))
    assert not gaz.candidates("South Central")  # a side of nowhere named


def test_a_name_made_of_compass_words_is_no_clue(gaz: Gazetteer) -> None:
    # "South East" inside an unknown name was read as Botswana's district
    res = resolve_toponyms(gaz, [Toponym("South East Water Board", 0, 22)])
    assert res[0].entry is None


def test_a_side_of_a_place_is_one_clue_with_the_place(gaz: Gazetteer) -> None:
    # "North Georgia" alone reads as the country; among Georgia's towns it must not pull "Georgia" abroad
    names = ["Georgia", "North Georgia", "Gainesville", "Dahlonega", "Georgia"]
    mentions = [Toponym(n, 20 * i, 20 * i + len(n)) for i, n in enumerate(names)]
    res = resolve_toponyms(gaz, mentions)
    assert [r.entry.country if r.entry else None for r in res] == ["USA"] * 5


def test_the_gulf_is_the_one_near_the_story(gaz: Gazetteer) -> None:
    # the Persian Gulf before, in a story about Louisiana
    names = ["Louisiana", "Gulf", "New Orleans"]
    mentions = [Toponym(n, 20 * i, 20 * i + len(n)) for i, n in enumerate(names)]
    gulf = resolve_toponyms(gaz, mentions)[1].entry
    assert gulf is not None and gulf.name == "Gulf of Mexico"
    # with no place near either, the first of the table (the usual sense in world news)
    alone = resolve_toponyms(gaz, [Toponym("Gulf", 0, 4), Toponym("Washington", 10, 20)])[0].entry
    assert alone is not None and alone.name == "Persian Gulf"


def test_a_name_opening_a_sentence_drops_the_article(pipeline: Pipeline) -> None:
    # the untagged span was "The Georgia"
    a = analyse(pipeline, "The Georgia Bulldogs beat Alabama in the title game in Indianapolis.")
    assert place_named(a, "Georgia").country == "USA"
    assert all(not p.text.startswith("The ") for p in a.places)


def test_a_town_with_its_state_after_it_is_a_place_whatever_its_tag(pipeline: Pipeline) -> None:
    # the tagger calls "Lincoln" an organization; with "Nebraska" after it, it is the town
    a = analyse(pipeline, "Firefighters were called to a grain elevator in Lincoln, Nebraska, on Thursday.")
    lincoln = place_named(a, "Lincoln")
    assert lincoln.country == "USA" and lincoln.feature_class == "P"
    assert lincoln.lat is not None and abs(lincoln.lat - 40.8) < 0.3


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Tankers were diverted away from the Red Sea after another drone strike near Yemen.", "Red Sea", "SEA"),
        ("Drought has left millions hungry across the Horn of Africa, the agency warned.", "Horn of Africa", "RGN"),
        ("Energy ministers from Central Asia met in Tashkent to talk about water.", "Central Asia", "RGN"),
        ("Oil prices rose after tensions flared in the Gulf, where Iran seized a tanker.", "Persian Gulf", "GULF"),
    ],
)
def test_regions_and_seas_in_news_sentences(pipeline: Pipeline, text: str, name: str, code: str) -> None:
    first = analyse(pipeline, text).places[0]
    assert (first.name, first.feature_code, first.country) == (name, code, None)


def test_georgia_follows_the_story(pipeline: Pipeline) -> None:
    us = analyse(pipeline, "Voters in Georgia will choose a new senator, officials in Atlanta said.")
    assert place_named(us, "Georgia").country == "USA"
    caucasus = analyse(pipeline, "Protesters gathered in Tbilisi as Georgia's government faced a confidence vote.")
    assert place_named(caucasus, "Georgia").country == "GEO"


def test_the_strait_at_the_foot_of_the_red_sea(pipeline: Pipeline) -> None:
    # no entry before: the name was left with no point at all
    a = analyse(pipeline, "Rebels fired missiles at cargo ships between the Red Sea and the Bab el-Mandeb.")
    strait = place_named(a, "Bab el-Mandeb")
    assert strait.feature_code == "STRT" and strait.lat is not None and abs(strait.lat - 12.6) < 0.5


def test_a_former_name_of_a_capital_loses_to_a_town_of_that_name(gaz: Gazetteer) -> None:
    # Harare was once Salisbury; the English town is meant today. A former name alone still finds the capital.
    assert (gaz.ranked("Salisbury")[0].entry.country, gaz.ranked("Peking")[0].entry.name) == ("GBR", "Beijing")


def test_the_season_in_an_uprising_is_no_town(pipeline: Pipeline) -> None:
    assert [p.text for p in analyse(pipeline, "The Arab Spring uprisings reached Bahrain.").places] == ["Bahrain"]
    assert place_named(analyse(pipeline, "Storms flooded Spring, Texas."), "Spring").country == "USA"


def test_a_name_after_a_personal_title_is_no_place(pipeline: Pipeline) -> None:
    # the tagger reads the lone surname as a place; the title says it is a person
    places = [p.text for p in analyse(pipeline, "President Buhari inspected soldiers in Maiduguri.").places]
    assert places == ["Maiduguri"]


# ---- readers' errors: a document's country against strong evidence, organisations and people ----------


def analyse_tagged(pipeline: Pipeline, text: str, ents: list[tuple[str, str]]) -> Analysis:
    """The stage on ``text`` with the entities given (text, label) in place of the tagger's, so that the test
    does not depend on how a model version labels them."""
    doc = pipeline.nlp(text)
    spans = []
    pos = 0
    for name, label in ents:  # in text order
        start = text.index(name, pos)
        pos = start + len(name)
        span = doc.char_span(start, pos, label=label)
        assert span is not None, name
        spans.append(span)
    doc.ents = spans
    return pipeline.analyse_doc(Article(text=text, doc_id="t", date="2021-10-28"), doc)


def test_a_world_capital_beats_a_tiny_namesake_in_the_articles_country(gaz: Gazetteer, pipeline: Pipeline) -> None:
    # two US states made Warsaw the Ohio village of 700; a local town of 8,000 still follows its state
    names = ["Ohio", "Michigan", "Warsaw"]
    res = resolve_toponyms(gaz, [Toponym(n, i * 20, i * 20 + len(n)) for i, n in enumerate(names)])
    assert res[2].entry is not None and res[2].entry.country == "POL"
    local = resolve_toponyms(gaz, [Toponym("Paris", 0, 5), Toponym("Illinois", 30, 38)])
    assert local[0].entry is not None and (local[0].entry.country, local[0].entry.admin1) == ("USA", "IL")
    text = "The governor's party swept Ohio and Michigan in the autumn. Allied defence chiefs met in Warsaw on Friday."
    assert place_named(analyse(pipeline, text), "Warsaw").country == "POL"


def test_a_sea_and_an_island_are_not_american_towns(gaz: Gazetteer) -> None:
    # "Baltic" was a Connecticut village and "Bornholm", unknown, took the article's American focus
    names = ["Iowa", "Kansas", "Baltic", "Bornholm"]
    res = resolve_toponyms(gaz, [Toponym(n, i * 20, i * 20 + len(n)) for i, n in enumerate(names)])
    baltic, bornholm = res[2], res[3]
    assert baltic.entry is not None and baltic.entry.feature_code == "SEA" and not baltic.inferred
    assert bornholm.entry is not None and bornholm.entry.country == "DNK" and not bornholm.inferred


def test_a_country_of_the_past_is_that_state(gaz: Gazetteer, pipeline: Pipeline) -> None:
    # unknown, "the Soviet Union" was given the point of the article's focus (Belgium, the United States)
    names = ["Texas", "Georgia", "Soviet Union"]
    res = resolve_toponyms(gaz, [Toponym(n, i * 20, i * 20 + len(n)) for i, n in enumerate(names)])
    soviet = res[2].entry
    assert soviet is not None and not res[2].inferred and (soviet.name, soviet.country) == ("Soviet Union", "RUS")
    assert gaz.resolve("USSR").index == soviet.index  # type: ignore[union-attr]
    assert gaz.resolve("Yugoslavia") is not None and gaz.resolve("Persia").country == "IRN"  # type: ignore[union-attr]
    text = "Brussels hosted the talks. Older diplomats recalled how the Soviet Union had handled such crises."
    assert place_named(analyse(pipeline, text), "Soviet Union").country == "RUS"


def test_news_organisations_are_not_places(pipeline: Pipeline) -> None:
    a = analyse_tagged(
        pipeline,
        "According to Bloomberg, the bonds were sold in Madrid, while El Financiero covered it from Mexico City.",
        [("Bloomberg", "GPE"), ("Madrid", "GPE"), ("El Financiero", "GPE"), ("Mexico City", "GPE")],
    )
    assert [p.text for p in a.places] == ["Madrid", "Mexico City"]


def test_a_network_named_after_a_country_is_no_place(pipeline: Pipeline) -> None:
    # "RT America" was the United States; the place inside the network's name is an embedded toponym
    rt = analyse_tagged(pipeline, "The debate was aired on RT America late on Sunday.", [("RT America", "LOC")])
    assert rt.places == []
    assert [(p.text, p.country) for p in rt.notes["embedded_places"]] == [("America", "USA")]


def test_the_european_union_as_a_body_is_no_place(pipeline: Pipeline) -> None:
    leave = analyse(pipeline, "Voters in Britain chose to leave the European Union after a long campaign.")
    assert "European Union" not in [p.text for p in leave.places]
    assert "European Union" in [p.text for p in leave.notes["metonymic_places"]]
    area = analyse(pipeline, "Farm prices fell across the European Union during the drought.")
    assert place_named(area, "European Union").feature_code == "ZN"


def test_an_unknown_name_of_a_conference_is_no_place(pipeline: Pipeline) -> None:
    for text in (
        "Bankers flew in for the Zimndaba conference in Harare last week.",
        "Several ministers spoke at Zimndaba, a mining conference held in Britain.",
    ):
        a = analyse_tagged(pipeline, text, [("Zimndaba", "GPE"), ("Harare" if "Harare" in text else "Britain", "GPE")])
        assert [p.text for p in a.places] == ["Harare" if "Harare" in text else "Britain"]


def test_an_office_holders_surname_tagged_as_a_person_is_no_place(pipeline: Pipeline) -> None:
    # "Bush" alone was the Egyptian town of Būsh (136,000 people passed the test for mislabelled places)
    bush = analyse_tagged(
        pipeline, "Aides of the Bush administration flew to Baghdad.", [("Bush", "PERSON"), ("Baghdad", "GPE")]
    )
    assert [p.text for p in bush.places] == ["Baghdad"]


def test_a_surname_after_an_office_holders_full_name_is_no_place(pipeline: Pipeline) -> None:
    # the tagger made "Gustavo Petro" an organization, and "Petro" the Tennessee town of Petros
    petro = analyse_tagged(
        pipeline,
        "Gustavo Petro won the vote. Crowds cheered Petro in Medellin.",
        [("Gustavo Petro", "ORG"), ("Petro", "GPE"), ("Medellin", "GPE")],
    )
    assert [p.text for p in petro.places] == ["Medellin"]


def test_a_persons_name_tagged_as_a_place_is_no_place(pipeline: Pipeline) -> None:
    # an unknown name, "Larry King" was given the point of the article's focus
    king = analyse_tagged(
        pipeline, "The senator sat down with Larry King in Atlanta.", [("Larry King", "GPE"), ("Atlanta", "GPE")]
    )
    assert [p.text for p in king.places] == ["Atlanta"]


def test_a_verb_opening_the_sentence_is_no_part_of_the_name(pipeline: Pipeline) -> None:
    a = analyse_tagged(
        pipeline, "Say Mexico demanded an apology from Spain.", [("Say Mexico", "GPE"), ("Spain", "GPE")]
    )
    assert [p.text for p in a.places] == ["Mexico", "Spain"]


def test_a_delegation_called_the_mission_is_no_town(pipeline: Pipeline) -> None:
    a = analyse(pipeline, "The Mission landed in Nairobi to talk about coffee exports.")
    assert [p.text for p in a.places] == ["Nairobi"]


def test_washington_listed_with_states_is_the_state(pipeline: Pipeline) -> None:
    state = analyse(pipeline, "Growers sent pears from Washington and walnuts from Oregon to the market.")
    assert place_named(state, "Washington").feature_code == "ADM1"
    also = analyse(pipeline, "Voters in Oregon and Washington backed the measure.")
    assert place_named(also, "Washington").feature_code == "ADM1"
    cities = analyse(pipeline, "The band played in Washington, New York and Boston before flying home.")
    assert place_named(cities, "Washington").feature_code == "PPLC"
    capital = analyse(pipeline, "Fans came from Texas and Washington, D.C., to see the game.")
    assert place_named(capital, "Washington").feature_code == "PPLC"


def test_a_seat_of_world_bodies_beats_an_unsupported_namesake_abroad(gaz: Gazetteer, pipeline: Pipeline) -> None:
    # the United States named earlier made "Geneva" Geneva, Illinois (21,000 people), in a story of UN talks
    res = resolve_toponyms(gaz, [Toponym("United States", 0, 13), Toponym("Geneva", 40, 46)])
    assert res[1].entry is not None and res[1].entry.country == "CHE"
    # "Russia" is also an Ohio village: no support for Geneva, Ohio
    names = ["United States", "Russia", "Geneva"]
    res = resolve_toponyms(gaz, [Toponym(n, i * 20, i * 20 + len(n)) for i, n in enumerate(names)])
    assert res[2].entry is not None and res[2].entry.country == "CHE"
    # a name of the namesake's state, or a town near it, still makes it the local one
    local = resolve_toponyms(gaz, [Toponym("Illinois", 0, 8), Toponym("Geneva", 40, 46)])
    assert local[1].entry is not None and (local[1].entry.country, local[1].entry.admin1) == ("USA", "IL")
    near = resolve_toponyms(gaz, [Toponym("Kane County", 0, 11), Toponym("Geneva", 40, 46)])
    assert near[1].entry is not None and near[1].entry.country == "USA"
    a = analyse_tagged(
        pipeline,
        "The United States opposed the plan. Envoys met in Geneva, and the Geneva-based agency said nothing.",
        [("United States", "GPE"), ("Geneva", "GPE"), ("Geneva", "GPE")],
    )
    assert [p.country for p in a.places if p.text == "Geneva"] == ["CHE", "CHE"]


def test_a_company_tagged_as_a_place_is_no_place(pipeline: Pipeline) -> None:
    # firms of the actor lexicon (agent BUS) and of organization_names.tsv took the article's focus point
    a = analyse_tagged(
        pipeline,
        "A court in Houston heard that Gazprom had bought Yugansk at an auction.",
        [("Houston", "GPE"), ("Gazprom", "GPE"), ("Yugansk", "GPE")],
    )
    assert [p.text for p in a.places] == ["Houston"]


def test_a_name_right_after_an_organisation_noun_is_that_organisation(pipeline: Pipeline) -> None:
    # "Asahi" (a Japanese town of 65,000) was a place in "Japanese newspaper Asahi"
    a = analyse_tagged(
        pipeline,
        "Ministers in Osaka spoke to regional newspaper Asahi and to the airline Mesa about the plan.",
        [("Osaka", "GPE"), ("Asahi", "ORG"), ("Mesa", "GPE")],
    )
    assert [p.text for p in a.places] == ["Osaka"]
    assert not a.notes["embedded_places"]


def test_an_unknown_name_ending_with_an_event_noun_is_no_place(pipeline: Pipeline) -> None:
    # "Intifada", unknown to the gazetteer, was given the article's focus point (the United States)
    a = analyse_tagged(
        pipeline,
        "A survey from Hebron says the Intifada and the Zimndaba Uprising hurt trade with the US.",
        [("Hebron", "GPE"), ("Intifada", "GPE"), ("Zimndaba Uprising", "GPE"), ("US", "GPE")],
    )
    assert [p.text for p in a.places] == ["Hebron", "US"]
