"""Tests for corridor.temporal (finding and normalizing temporal expressions) and the ``times`` stage."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from corridor.model import Article, TimeExpr
from corridor.pipeline import Pipeline, PipelineConfig, load_nlp
from corridor.stages.time import time_for_clause
from corridor.temporal import find_times, load_lexicon, parse_anchor

ANCHOR = dt.date(2021, 10, 28)  # a Thursday


def _find(text: str, phrase: str, anchor: dt.date | None = ANCHOR) -> TimeExpr:
    found = find_times(text, anchor)
    for t in found:
        assert t.text == text[t.start : t.end]
    hits = [t for t in found if t.text == phrase]
    assert hits, f"{phrase!r} not found in {[t.text for t in found]}"
    return hits[0]


# ---------------------------------------------------------------------------------------- example bars


def test_on_wednesday_is_the_day_before_a_thursday_anchor() -> None:
    t = _find("The two delegations met in a border town on Wednesday to discuss water rights.", "Wednesday")
    assert (t.type, t.value, t.precision) == ("DATE", "2021-10-27", "day")


def test_a_clause_of_consequence_takes_no_tense_from_the_clause_before() -> None:
    # "would" belongs to the president's refusal, not to the expulsion it prompted on Tuesday
    text = "The president said he would not accept the vote, prompting the junta to expel diplomats on Tuesday."
    assert _find(text, "Tuesday").value == "2021-10-26"
    assert _find("The minister said talks would resume on Tuesday.", "Tuesday").value == "2021-11-02"


def test_seventy_years_ago_is_a_year() -> None:
    t = _find("The harbour was rebuilt 70 years ago after a long siege.", "70 years ago")
    assert (t.type, t.value, t.precision) == ("DATE", "1951", "year")


# ---------------------------------------------------------------------------------------- many forms

CASES = [
    # (sentence we wrote, expression, type, value, precision)
    ("The mayor will open the bridge next Wednesday.", "next Wednesday", "DATE", "2021-11-03", "day"),
    ("Rebels shelled the town last Friday.", "last Friday", "DATE", "2021-10-22", "day"),
    ("Talks resume on Monday, the envoy said.", "Monday", "DATE", "2021-10-25", "day"),
    ("The union will strike on Monday.", "Monday", "DATE", "2021-11-01", "day"),
    ("Police arrested two men yesterday.", "yesterday", "DATE", "2021-10-27", "day"),
    ("The cabinet meets today.", "today", "DATE", "2021-10-28", "day"),
    ("Parliament votes tonight.", "tonight", "TIME", "2021-10-28TNI", "time"),
    ("Shots were heard this morning near the port.", "this morning", "TIME", "2021-10-28TMO", "time"),
    ("Protesters gathered last night outside the ministry.", "last night", "TIME", "2021-10-27TNI", "time"),
    ("Exports fell this week.", "this week", "DATE", "2021-W43", "week"),
    ("Exports fell last week.", "last week", "DATE", "2021-W42", "week"),
    ("The envoy returns next week.", "next week", "DATE", "2021-W44", "week"),
    ("Inflation rose last month.", "last month", "DATE", "2021-09", "month"),
    ("The law takes effect next year.", "next year", "DATE", "2022", "year"),
    ("Fuel prices doubled earlier this month.", "earlier this month", "DATE", "2021-10", "month"),
    ("The region was annexed in 1951.", "1951", "DATE", "1951", "year"),
    ("The accord was signed on Oct. 27 in the capital.", "Oct. 27", "DATE", "2021-10-27", "day"),
    ("The accord was signed on October 27 in the capital.", "October 27", "DATE", "2021-10-27", "day"),
    ("Voting ended on 27 October 2021 without incident.", "27 October 2021", "DATE", "2021-10-27", "day"),
    ("Voting ended Oct 27, 2021 without incident.", "Oct 27, 2021", "DATE", "2021-10-27", "day"),
    ("The file is dated 2021-10-27.", "2021-10-27", "DATE", "2021-10-27", "day"),
    ("Fighting flared in mid-October along the frontier.", "mid-October", "DATE", "2021-10", "month"),
    ("Floods hit the delta last summer.", "last summer", "DATE", "2021-SU", "season"),
    ("The party was founded in the 1990s.", "the 1990s", "DATE", "199X", "decade"),
    ("Borders were redrawn in the 20th century.", "the 20th century", "DATE", "19", "century"),
    ("Growth slowed over the past three years.", "the past three years", "DURATION", "P3Y", None),
    ("The border stayed shut for two weeks.", "two weeks", "DURATION", "P2W", None),
    ("Inspectors visit every week.", "every week", "SET", "P1W", None),
    ("Profits rose in the third quarter of 2020.", "the third quarter of 2020", "DATE", "2020-Q3", "quarter"),
    ("Elections are due in May 2022.", "May 2022", "DATE", "2022-05", "month"),
    ("The treaty was signed three months ago.", "three months ago", "DATE", "2021-07", "month"),
    ("The court sat until 15:00 GMT on Friday.", "15:00 GMT on Friday", "TIME", "2021-10-22T15:00", "time"),
    ("Polls close at 8 p.m. in the east.", "8 p.m.", "TIME", "2021-10-28T20", "time"),
    ("Now the ministry faces an audit.", "Now", "DATE", "PRESENT_REF", None),
    ("The minister recently resigned.", "recently", "DATE", "PAST_REF", None),
    ("More cuts may come in the future.", "the future", "DATE", "FUTURE_REF", None),
    ("Troops had left by early 2019.", "early 2019", "DATE", "2019", "year"),
    ("He served a 90-day sentence.", "90-day", "DURATION", "P90D", None),
    ("The summit will be held in December.", "December", "DATE", "2021-12", "month"),
    ("The summit was held in December.", "December", "DATE", "2020-12", "month"),
    ("The ministry publishes figures annually.", "annually", "SET", "XXXX", None),
    ("The strike lasted 36 hours.", "36 hours", "DURATION", "PT36H", None),
]


@pytest.mark.parametrize(("sentence", "phrase", "typ", "value", "precision"), CASES)
def test_forms(sentence: str, phrase: str, typ: str, value: str, precision: str | None) -> None:
    t = _find(sentence, phrase)
    assert (t.type, t.value, t.precision) == (typ, value, precision)


def test_written_out_dates_go_through_dateparser() -> None:
    t = _find("The ceasefire began on 3 March 2020 at dawn.", "3 March 2020")
    assert t.resolved_by == "dateparser" and t.value == "2020-03-03"
    assert _find("Talks resumed on Wednesday.", "Wednesday").resolved_by == "rules"


def test_no_anchor_keeps_absolute_values_only() -> None:
    text = "On Wednesday the army said 70 years ago, in 1951, the town fell; talks resume next week."
    by_text = {t.text: t for t in find_times(text, None)}
    assert by_text["Wednesday"].value is None
    assert by_text["70 years ago"].value is None
    assert by_text["next week"].value is None
    assert by_text["1951"].value == "1951"


def test_not_times() -> None:
    text = (
        "Theresa May met 2000 people and a 22-year-old student; children aged 6 months got vaccines, "
        "and prices will fall in his younger days at 4.5 percent."
    )
    assert find_times(text, ANCHOR) == []


def test_range_gives_two_durations() -> None:
    found = find_times("The works could take between 12 and 18 months.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("12", "P12M"), ("18 months", "P18M")]


LONG_TEXT = (
    "The ministers met on Wednesday and again two days later. "
    + "Nothing else of note was said in the long session about trade, fishing and the border. " * 6
    + "Talks resume at noon tomorrow; a deal is expected by the end of the year, or in the third quarter of "
    "2025 at the latest. The envoy has visited twice a week since March 3, and was there last night. "
    + "Delegates argued over quotas, ports and tariffs without pause. " * 5
    + "Two or three weeks ago the mood was better; these days it is grim, and the 1990s seem far away."
)


def test_scanning_near_anchor_words_finds_what_the_whole_text_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    import corridor.temporal as temporal

    anchor = dt.date(2024, 5, 16)
    anchors = [(m.start(), m.end()) for m in temporal.load_lexicon().anchor.finditer(LONG_TEXT)]
    windows = temporal._windows(LONG_TEXT, anchors)
    assert sum(hi - lo for lo, hi in windows) < 0.8 * len(LONG_TEXT)  # the filler sentences are skipped
    assert all(lo == 0 or LONG_TEXT[lo - 1].isspace() for lo, _ in windows)  # no word cut at an edge
    near = [(t.start, t.end, t.value) for t in find_times(LONG_TEXT, anchor)]
    monkeypatch.setattr(temporal, "WINDOW", len(LONG_TEXT))  # one window: the whole text
    whole = [(t.start, t.end, t.value) for t in find_times(LONG_TEXT, anchor)]
    assert near == whole and len(near) >= 10


def test_parse_anchor() -> None:
    assert parse_anchor("2021-10-28T09:30:00Z") == ANCHOR
    assert parse_anchor("not a date") is None
    assert parse_anchor(None) is None


# ---------------------------------------------------------------------------------------- the stage


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def times_pipeline(nlp: Language) -> Pipeline:
    """A pipeline with the ``times`` stage only."""
    return Pipeline(PipelineConfig(stages=("times",)), nlp=nlp)


def test_stage_sets_times_with_offsets(times_pipeline: Pipeline) -> None:
    text = "The foreign minister arrived in the capital on Wednesday. The two sides last met 70 years ago."
    analysis = times_pipeline.analyse(Article(text=text, doc_id="t1", date="2021-10-28"))
    got = [(t.text, t.value, t.precision) for t in analysis.times]
    assert got == [("Wednesday", "2021-10-27", "day"), ("70 years ago", "1951", "year")]
    for t in analysis.times:
        assert text[t.start : t.end] == t.text


def test_stage_without_date(times_pipeline: Pipeline) -> None:
    analysis = times_pipeline.analyse(Article(text="Aid arrived on Monday, months after the 2019 floods.", date=None))
    assert [(t.text, t.value) for t in analysis.times] == [
        ("Monday", None),
        ("months", "PXM"),
        ("2019", "2019"),
    ]


def _token(analysis: object, word: str) -> int:
    doc = analysis.doc  # type: ignore[attr-defined]
    return next(tok.i for tok in doc if tok.text == word)


def test_time_for_clause_picks_the_verbs_own_expression(times_pipeline: Pipeline) -> None:
    text = "On Friday the minister announced that troops had withdrawn from the valley in March."
    a = times_pipeline.analyse(Article(text=text, date="2021-10-28"))
    announced = time_for_clause(a, [_token(a, "announced")])
    withdrawn = time_for_clause(a, [_token(a, "withdrawn")])
    assert announced is not None and (announced.text, announced.value) == ("Friday", "2021-10-22")
    assert withdrawn is not None and (withdrawn.text, withdrawn.value, withdrawn.precision) == (
        "March",
        "2021-03",
        "month",
    )


def test_time_for_clause_ago_and_none(times_pipeline: Pipeline) -> None:
    text = "The envoy said the city was destroyed 70 years ago. Officials complained."
    a = times_pipeline.analyse(Article(text=text, date="2021-10-28"))
    destroyed = time_for_clause(a, [_token(a, "destroyed")])
    assert destroyed is not None and destroyed.value == "1951"
    assert time_for_clause(a, [_token(a, "said")]) is None
    assert time_for_clause(a, [_token(a, "complained")]) is None


def test_time_for_clause_prefers_the_head_then_the_controlling_verb(times_pipeline: Pipeline) -> None:
    text = "On Monday the minister agreed to visit the region next week."
    a = times_pipeline.analyse(Article(text=text, date="2021-10-28"))
    visit, agreed = _token(a, "visit"), _token(a, "agreed")
    own = time_for_clause(a, [visit, agreed])
    assert own is not None and own.text == "next week"
    text2 = "On Monday the minister agreed to visit the region."
    b = times_pipeline.analyse(Article(text=text2, date="2021-10-28"))
    visit2, agreed2 = _token(b, "visit"), _token(b, "agreed")
    assert time_for_clause(b, [visit2]) is None
    inherited = time_for_clause(b, [visit2, agreed2])
    assert inherited is not None and (inherited.text, inherited.value) == ("Monday", "2021-10-25")


def test_would_looks_forward_from_the_report() -> None:
    # a past reporting verb first, then "would": the month lies after the article's date
    t = _find("She confirmed that a new push to reform the tax office would come at a Paris summit in March.",
              "March", dt.date(2005, 1, 15))  # fmt: skip
    assert t.value == "2005-03"
    t = _find("She said the deal would have collapsed in March without the loan.", "March", dt.date(2005, 1, 15))
    assert t.value == "2004-03"


# ---------------------------------------------------------------------------------------- the year of a day
# Sentences we wrote; the dates are those of a Friday, 2018-04-06, unless said otherwise.

APRIL_6 = dt.date(2018, 4, 6)


@pytest.mark.parametrize("anchor", [dt.date(2018, 4, 2), APRIL_6])
def test_a_range_holding_the_anchor_is_in_its_year(anchor: dt.date) -> None:
    t = _find("The trade envoy will tour the northern ports from April 3 to 6.", "April 3", anchor)
    assert t.value == "2018-04-03"


def test_a_long_range_holding_the_anchor_is_in_its_year() -> None:
    found = {t.text: t.value for t in find_times("The fishing ban will run from Jan. 15 to June 30.", APRIL_6)}
    assert found == {"Jan. 15": "2018-01-15", "June 30": "2018-06-30"}


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # a few weeks from the anchor: the near occurrence, even against the tense
        ("The new ferry timetable will apply from March 30.", "March 30", "2018-03-30"),
        ("The clerk said the appeal hearing on April 20 could not be moved.", "April 20", "2018-04-20"),
        # farther: the tense decides, as before
        ("The levy was enacted on Sept. 1.", "Sept. 1", "2017-09-01"),
        ("The summit will be held on Feb. 10.", "Feb. 10", "2019-02-10"),
    ],
)
def test_a_day_a_few_weeks_from_the_anchor_is_the_near_one(sentence: str, phrase: str, value: str) -> None:
    assert _find(sentence, phrase, APRIL_6).value == value


def test_a_holiday_days_away_is_this_years() -> None:
    t = _find("Shops were crowded in the last days before Christmas.", "Christmas", dt.date(2015, 12, 22))
    assert t.value == "2015-12-25"


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # an -ed adjective is no past verb: the modal decides
        ("The province will enact the so-called sugar levy on Sept. 1.", "Sept. 1", "2018-09-01"),
        ("The regional council plans to bring in the revised fee on Sept. 1.", "Sept. 1", "2018-09-01"),
        ("The cabinet is scheduled to vote on imported steel quotas on Sept. 1.", "Sept. 1", "2018-09-01"),
        ("The assembly re-elected its speaker on Sept. 1.", "Sept. 1", "2017-09-01"),
        # "won’t" with a curly apostrophe is "won't"
        ("The minister said voters won’t be consulted before Sept. 1.", "Sept. 1", "2018-09-01"),
        # modals look ahead; "may have" looks back
        ("Party strategists argued that the senator can still win in November.", "November", "2018-11"),
        ("The envoy may have met rebel leaders in November.", "November", "2017-11"),
        # "until" a later point of the year: this year's, whatever the tense
        ("The ruling was held over until the fall.", "the fall", "2018-FA"),
        ("Hearings were put off until the fall.", "the fall", "2018-FA"),
        ("The pass stayed closed until March.", "March", "2018-03"),
    ],
)
def test_the_verbs_tense_places_a_day_month_or_season(sentence: str, phrase: str, value: str) -> None:
    assert _find(sentence, phrase, APRIL_6).value == value


def test_a_modal_does_not_move_a_weekday() -> None:
    assert _find("Monday's vote might not settle the matter.", "Monday").value == "2021-10-25"


def test_a_future_weekday_is_the_next_one_even_the_day_before_the_anchor() -> None:
    # an article of Friday 2016-09-16: "will ... on Thursday" is the coming Thursday, six days on (the rule in
    # docs/time.md); "will ... on Friday" is the day itself
    friday = dt.date(2016, 9, 16)
    text = "The premier flew home on Wednesday. She will address the assembly on Thursday."
    assert [(t.text, t.value) for t in find_times(text, friday)] == [
        ("Wednesday", "2016-09-14"),
        ("Thursday", "2016-09-22"),
    ]
    assert _find("She will address the assembly on Friday.", "Friday", friday).value == "2016-09-16"


def test_each_pattern_reads_the_kinds_of_anchor_its_matches_hold() -> None:
    lex = load_lexicon()
    kinds = {p.name: p.anchor_kinds for p in lex.patterns}
    assert {"weekday"} <= kinds["weekday"] and "digit" not in kinds["weekday"]
    assert kinds["iso_datetime"] == {"digit"}
    assert {"unit", "words"} <= kinds["ago"]  # "two weeks ago": a unit; "ago" alone is no anchor
    assert lex.anchor_kinds("Monday") == {"weekday"} and lex.anchor_kinds("7") == {"digit"}


def test_patterns_run_near_their_own_anchors_find_what_they_find_near_any(
    corpora: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scanning each pattern only near anchors of its kinds is a speed-up and must find the same: checked on
    300 BBC articles against every pattern run near every anchor (an edited pattern whose kinds are read
    wrongly fails here)."""
    folder = corpora / "bbc-news" / "bbc"
    if not folder.is_dir():
        pytest.skip(f"BBC corpus not found at {folder}")
    texts = [p.read_text(encoding="latin-1") for p in sorted(folder.glob("*/*.txt"))[::7][:300]]
    lex = load_lexicon()
    anchor = dt.date(2005, 3, 1)
    by_kind = [find_times(t, anchor) for t in texts]
    monkeypatch.setattr(lex, "patterns", [dataclasses.replace(p, anchor_kinds=frozenset()) for p in lex.patterns])
    near_any = [find_times(t, anchor) for t in texts]
    assert sum(map(len, near_any)) > 1000
    assert by_kind == near_any


def test_a_datelines_day_anchors_the_report(times_pipeline: Pipeline) -> None:
    text = (
        "Iran attacks Israel\n\nJERUSALEM/DUBAI, April 14 (Reuters) - Iran launched drones at Israel late on "
        "Saturday. Group of Seven leaders will meet by video on Sunday. Officials said today that it was over."
    )
    analysis = times_pipeline.analyse(Article(text=text, doc_id="t1", date="2024-04-15"))
    got = {t.text: t.value for t in analysis.times}
    assert got["Sunday"] == "2024-04-14"  # the dateline's day, not the Sunday after publication
    assert got["today"] == "2024-04-14"
    assert got["Saturday"] == "2024-04-13"
    # a dateline day too long before publication is no anchor
    analysis = times_pipeline.analyse(Article(text=text, doc_id="t1", date="2024-05-15"))
    assert {t.text: t.value for t in analysis.times}["today"] == "2024-05-15"


def test_a_weekday_between_the_dateline_and_publication_is_that_day(times_pipeline: Pipeline) -> None:
    # dateline Sunday the 6th, published Monday the 7th: the report was updated the next day
    text = (
        "MANILA, Aug 6 (Reuters) - The Philippines accused China on Sunday of firing water cannon. President "
        "Marcos summoned China's ambassador on Monday, the ministry said. Officials met on Thursday."
    )
    analysis = times_pipeline.analyse(Article(text=text, doc_id="t1", date="2023-08-07"))
    got = {t.text: t.value for t in analysis.times}
    assert got["Monday"] == "2023-08-07"  # not July 31, the Monday before the dateline
    assert got["Sunday"] == "2023-08-06"
    assert got["Thursday"] == "2023-08-03"  # before the dateline, as before


def test_late_on_a_day_dates_its_verb(nlp: Language) -> None:
    pipe = Pipeline(PipelineConfig(stages=("times", "actors", "events")), nlp=nlp)
    text = (
        "Iran launched more than 300 drones and missiles at Israel late on Saturday in retaliation for a suspected "
        "Israeli strike on its embassy compound in Damascus, the Israeli military said."
    )
    c = pipe(Article(text=text, doc_id="t", date="2024-04-15"))
    launch = next(e for e in c.events if e.trigger.text == "launched")
    assert (launch.date, launch.date_source) == ("2024-04-13", "clause")


def test_a_day_the_parser_hung_on_the_object_dates_the_verb() -> None:
    from corridor.model import Article
    from corridor.pipeline import Pipeline, PipelineConfig

    pipe = Pipeline(PipelineConfig(stages=("times", "actors", "events")))
    text = "The government and the opposition signed an agreement on Tuesday to hold an election next year."
    c = pipe(Article(text=text, doc_id="t", date="2023-10-19"))
    assert {e.date for e in c.events if e.trigger.text == "signed"} == {"2023-10-17"}
