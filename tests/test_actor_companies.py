"""Companies (orgs.tsv, country + BUS) and government spokespeople (leaders.tsv, role ``spokesperson``),
coded on sentences written for these tests."""

from __future__ import annotations

import pytest

from corridor.model import Article, CodedArticle
from corridor.pipeline import Pipeline


def code(pipeline: Pipeline, text: str, date: str | None = "2022-03-02") -> CodedArticle:
    return pipeline(Article(text=text, doc_id="t", date=date))


def codes(coded: CodedArticle, text: str) -> set[str]:
    return {a.code for a in coded.actors if a.text == text}


def test_companies_in_sanctions_news(pipeline: Pipeline) -> None:
    c = code(pipeline, "Gazprom cut gas supplies to Poland, and BP said it would sell its stake in Rosneft.")
    assert codes(c, "Gazprom") == {"RUSBUS"}
    assert codes(c, "BP") == {"GBRBUS"}
    assert codes(c, "Rosneft") == {"RUSBUS"}
    # the pronoun now has a company to refer to
    assert codes(c, "it") == {"GBRBUS"}
    events = {(e.source.code, e.target.code if e.target else None) for e in c.events if e.source}
    assert ("RUSBUS", "POL") in events


@pytest.mark.parametrize(
    ("text", "name", "code_"),
    [
        ("Washington added Huawei and SMIC to its export blacklist on Tuesday.", "Huawei", "CHNBUS"),
        ("Washington added Huawei and SMIC to its export blacklist on Tuesday.", "SMIC", "CHNBUS"),
        ("Lockheed Martin will deliver the jets to Warsaw next year.", "Lockheed Martin", "USABUS"),
        ("Saudi Aramco raised its prices for Asian buyers.", "Saudi Aramco", "SAUBUS"),
        ("TSMC said it would build a second plant in Arizona.", "TSMC", "TWNBUS"),
        ("Rosoboronexport signed a new deal with New Delhi.", "Rosoboronexport", "RUSBUS"),
        ("Naftogaz accused the Russian firm of breaking the contract.", "Naftogaz", "UKRBUS"),
        ("Brussels fined Google over its advertising business.", "Google", "USABUS"),
        ("Shell said on Monday that it would quit its Russian ventures.", "Shell", "GBRBUS"),
        ("Apple stopped selling its phones in Russia last week.", "Apple", "USABUS"),
        ("Officials in Rome said Eni had signed a gas deal with Algeria.", "Eni", "ITABUS"),
    ],
)
def test_company_codes(pipeline: Pipeline, text: str, name: str, code_: str) -> None:
    assert codes(code(pipeline, text), name) == {code_}


@pytest.mark.parametrize(
    "text",
    [
        "A shell hit the school in the morning and wounded two pupils.",
        "Shell fragments were found near the market after the strike.",
        "Farmers said the apple orchards along the river were flooded.",
        "Apple orchards in the valley lost most of their crop to frost.",
        "The total cost of rebuilding the bridge has doubled.",
        "Total damage to the port was put at forty million dollars.",
        "The meta debate about sanctions went on for hours.",
        "The nurse said his bp was high before the surgery.",
        "A shell company in Cyprus moved the money abroad.",
    ],
)
def test_words_that_are_also_company_names_stay_words(pipeline: Pipeline, text: str) -> None:
    # no company from the table ("a shell company" is still a company, but nobody's in particular)
    assert not [a for a in code(pipeline, text).actors if a.agent == "BUS" and a.resolved_by == "table"]


def test_fuller_forms_of_ambiguous_names(pipeline: Pipeline) -> None:
    c = code(pipeline, "TotalEnergies and Meta Platforms were both named in the report.")
    assert codes(c, "TotalEnergies") == {"FRABUS"}
    assert codes(c, "Meta Platforms") == {"USABUS"}
    # "Iran Air Force" is the air force, not the airline
    c = code(pipeline, "Iran Air Force jets flew over the gulf on Friday.")
    assert not [a for a in c.actors if a.agent == "BUS"]


def test_company_person_keeps_the_company(pipeline: Pipeline) -> None:
    c = code(pipeline, "Gazprom chief executive Alexei Miller travelled to Beijing.")
    assert {a.code for a in c.actors if "Alexei Miller" in a.text} == {"RUSBUS"}


@pytest.mark.parametrize(
    ("text", "date", "name", "code_"),
    [
        ("Dmitry Peskov said the Kremlin saw no reason for new talks.", "2022-03-02", "Dmitry Peskov", "RUSGOV"),
        ("Maria Zakharova accused London of spreading rumours.", "2022-03-02", "Maria Zakharova", "RUSGOV"),
        ("Hua Chunying called the report groundless.", "2021-06-10", "Hua Chunying", "CHNGOV"),
        ("Zhao Lijian urged Canberra to stop meddling.", "2021-06-10", "Zhao Lijian", "CHNGOV"),
        ("Mao Ning told reporters that Beijing would respond.", "2023-08-01", "Mao Ning", "CHNGOV"),
        ("Ned Price said the embassy would stay open.", "2022-01-15", "Ned Price", "USAGOV"),
        ("Jen Psaki said the summit would go ahead.", "2021-06-10", "Jen Psaki", "USAGOV"),
        ("Karine Jean-Pierre declined to comment on the call.", "2023-08-01", "Karine Jean-Pierre", "USAGOV"),
        ("Sean Spicer attacked the newspaper's coverage.", "2017-03-01", "Sean Spicer", "USAGOV"),
        ("Stephane Dujarric said convoys had reached the city.", "2023-08-01", "Stephane Dujarric", "IGOUNO"),
        # John Kirby spoke for the Pentagon in 2022 and for the National Security Council in 2023
        ("John Kirby said the drills were routine.", "2022-03-02", "John Kirby", "USAMIL"),
        ("John Kirby said the drills were routine.", "2023-08-01", "John Kirby", "USAGOV"),
    ],
)
def test_spokespeople_named_alone(pipeline: Pipeline, text: str, date: str, name: str, code_: str) -> None:
    [actor] = [a for a in code(pipeline, text, date=date).actors if a.text == name]
    assert actor.code == code_
    assert actor.resolved_by == "table"


def test_a_spokesperson_outside_their_term(pipeline: Pipeline) -> None:
    # after leaving office, a former office holder (ELI), with lower confidence, as for other leaders
    c = code(pipeline, "Jen Psaki mocked the plan.", date="2024-03-05")
    [actor] = [a for a in c.actors if a.text == "Jen Psaki"]
    assert actor.code == "USAELI"
    assert actor.confidence < 0.8
    # before their first term, no office holder
    c = code(pipeline, "Sean Spicer attacked the newspaper's coverage.", date="2010-03-01")
    assert not [a for a in c.actors if a.text == "Sean Spicer" and a.code]


def test_a_spokesperson_is_not_the_president(pipeline: Pipeline) -> None:
    text = "Karine Jean-Pierre briefed reporters on Monday. Later the president flew to Delaware."
    c = code(pipeline, text, date="2023-08-01")
    assert codes(c, "Karine Jean-Pierre") == {"USAGOV"}
    assert not [a for a in c.actors if a.text.endswith("president") and a.name == "Karine Jean-Pierre"]


def test_spokespeople_are_not_found_by_surname_alone(pipeline: Pipeline) -> None:
    # "Wang" alone stays Wang Yi's while Wang Wenbin also speaks for the ministry
    text = "Foreign Minister Wang Yi met his Russian counterpart. Wang said the talks went well."
    c = code(pipeline, text, date="2021-06-10")
    assert {a.name for a in c.actors if a.text == "Wang"} == {"Wang Yi"}
    # a common surname is nobody's without the full name
    c = code(pipeline, "Miller said the bridge would reopen in May.", date="2024-03-05")
    assert not [a for a in c.actors if a.text == "Miller" and a.code == "USAGOV"]
    # a later bare surname joins the full name given before it
    c = code(pipeline, "Dmitry Peskov spoke to reporters. Peskov said no date was set.")
    assert codes(c, "Peskov") == {"RUSGOV"}
