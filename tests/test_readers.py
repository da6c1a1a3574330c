"""Input readers: every format, and every bad-input case ends in a reject naming file, line and field."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from corridor.io.readers import DateError, InputError, Reader, Reject, parse_date, unescape_entities
from corridor.model import Article


def _read(paths: list[Path], max_chars: int | None = None) -> list[Article | Reject]:
    reader = Reader() if max_chars is None else Reader(max_chars=max_chars)
    return list(reader.read([str(p) for p in paths]))


def test_plain_text_with_date_line(tmp_path: Path) -> None:
    p = tmp_path / "talks-2024.txt"
    p.write_text("date 2024-03-14\nThe two ministers met in Hanoi.\n", encoding="utf-8")
    [art] = _read([p])
    assert isinstance(art, Article)
    assert art.doc_id == "talks-2024"
    assert art.date == "2024-03-14"
    assert art.text == "The two ministers met in Hanoi."
    assert not art.date_missing


def test_plain_text_date_on_same_line_and_leading_space(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(" date 2021-10-28 China said on Wednesday it would help.\n\nMore text.", encoding="utf-8")
    [art] = _read([p])
    assert isinstance(art, Article)
    assert art.date == "2021-10-28"
    assert art.text.startswith("China said on Wednesday")


def test_plain_text_without_date_is_flagged(tmp_path: Path) -> None:
    p = tmp_path / "nodate.txt"
    p.write_text("Rebels attacked a convoy.", encoding="utf-8")
    [art] = _read([p])
    assert isinstance(art, Article) and art.date is None and art.date_missing


def test_jsonl_csv_gzip_and_directory(tmp_path: Path) -> None:
    sub = tmp_path / "in" / "deep"
    sub.mkdir(parents=True)
    rec = {"id": "j1", "date": "28 October 2021", "text": "Pakistan praised China.", "title": "T", "url": "u"}
    (sub / "a.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (tmp_path / "in" / "b.csv").write_text('id,date,text\nc1,2021/10/28,"Iran condemned Israel."\n', encoding="utf-8")
    with gzip.open(tmp_path / "in" / "c.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "date": "2021-10-28", "text": "India met Nepal."}) + "\n")
    (tmp_path / "in" / "ignored.bin").write_bytes(b"\x00\x01")
    arts = _read([tmp_path / "in"])
    ids = sorted(a.doc_id for a in arts if isinstance(a, Article))
    assert ids == ["c1", "g1", "j1"]
    by_id = {a.doc_id: a for a in arts if isinstance(a, Article)}
    assert by_id["j1"].date == "2021-10-28" and by_id["j1"].title == "T" and by_id["j1"].url == "u"
    assert by_id["c1"].date == "2021-10-28"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-10-28", "2021-10-28"), ("2021/10/28", "2021-10-28"), ("20211028", "2021-10-28"),
     ("Oct 28, 2021", "2021-10-28"), ("28 October 2021", "2021-10-28"), ("2021-10-28T09:30:00Z", "2021-10-28"),
     ("", None), (None, None)],
)  # fmt: skip
def test_date_forms(value: str | None, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["not a date", "2021-13-40", "yesterday-ish", "2021", "2021-10-28 China"])
def test_bad_dates_raise(value: str) -> None:
    with pytest.raises(DateError):
        parse_date(value)


def test_jsonl_bad_records_are_rejected_with_line_and_field(tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok", "date": "2021-10-28", "text": "China and Pakistan held talks."}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "notext", "date": "2021-10-28"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "baddate", "date": "31/31/2021", "text": "x"}),
        json.dumps({"id": "long", "text": "x" * 50}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _read([p], max_chars=40)
    good = [a for a in out if isinstance(a, Article)]
    rej = {r.line: r for r in out if isinstance(r, Reject)}
    assert [a.doc_id for a in good] == ["ok"]
    assert rej[2].field is None and "malformed JSON" in rej[2].reason
    assert rej[3].field == "text" and "missing field 'text'" in rej[3].reason and rej[3].id == "notext"
    assert rej[4].field == "text" and rej[4].reason == "empty text"
    assert rej[5].field == "date" and "31/31/2021" in rej[5].reason
    assert rej[6].field == "text" and "too long" in rej[6].reason
    assert all(r.source == str(p) for r in rej.values())


def test_undecodable_bytes(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\xe9 talks".encode("latin-1"))
    [rej] = _read([p])
    assert isinstance(rej, Reject) and "undecodable" in rej.reason and rej.line == 1
    j = tmp_path / "bad.jsonl"
    j.write_bytes(b'{"id": "a", "text": "fine"}\n{"id": "b", "text": "caf\xe9"}\n')
    out = _read([j])
    assert isinstance(out[0], Article)
    assert isinstance(out[1], Reject) and out[1].line == 2 and "undecodable" in out[1].reason


def test_csv_missing_column(tmp_path: Path) -> None:
    p = tmp_path / "cols.csv"
    p.write_text("id,date,body\n1,2021-10-28,hello\n2,2021-10-28,world\n", encoding="utf-8")
    out = _read([p])
    assert len(out) == 2 and all(isinstance(r, Reject) for r in out)
    assert all(r.field == "text" and "missing column 'text'" in r.reason for r in out if isinstance(r, Reject))
    assert [r.line for r in out if isinstance(r, Reject)] == [2, 3]


def test_csv_rows_that_do_not_fit_the_header_are_rejected_whole(tmp_path: Path) -> None:
    p = tmp_path / "ragged.csv"
    p.write_text(
        "id,date,text\n"
        "1,2021-10-28,Iran condemned Israel.\n"
        "2,2021-10-28\n"
        "3,2021-10-28,Iran condemned Israel, and Iran threatened.\n",
        encoding="utf-8",
    )
    ok, short, long = _read([p])
    assert isinstance(ok, Article) and ok.text == "Iran condemned Israel."
    assert isinstance(short, Reject) and short.line == 3 and short.id == "2"
    assert short.reason == "row has 2 fields but the header has 3"
    # the text after the unquoted comma is not dropped: the row goes to the rejects, all of it kept
    assert isinstance(long, Reject) and long.line == 4 and "row has 4 fields" in long.reason
    assert long.record is not None and "and Iran threatened." in long.record


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(Reader().read([str(tmp_path / "nope.txt")]))


@pytest.mark.parametrize(
    "first_line",
    ["Date palms burned after the strike.", "date night at the embassy ended early.", "Dated memos leaked."],
)
def test_plain_text_starting_with_the_word_date_is_text(tmp_path: Path, first_line: str) -> None:
    p = tmp_path / "a.txt"
    p.write_text(first_line + "\nIran condemned Israel.\n", encoding="utf-8")
    [art] = _read([p])
    assert isinstance(art, Article), art
    assert art.text.startswith(first_line) and art.date is None and art.date_missing


@pytest.mark.parametrize(
    ("first_line", "text"),
    [
        ("date 28 October 2021\n", "China praised Pakistan."),
        ("Date: Oct 28, 2021\n", "China praised Pakistan."),
        ("date 2021-10-28\n", "China praised Pakistan."),
        ("date Oct 28, 2021 ", "China praised Pakistan."),  # the text goes on after the date
    ],
)
def test_plain_text_date_header_in_any_date_form(tmp_path: Path, first_line: str, text: str) -> None:
    p = tmp_path / "a.txt"
    p.write_text(first_line + text + "\n", encoding="utf-8")
    [art] = _read([p])
    assert isinstance(art, Article), art
    assert art.date == "2021-10-28" and art.text == text


@pytest.mark.parametrize(
    ("first_line", "reason"),
    [
        ("date 2021-13-45\n", "invalid date '2021-13-45'"),
        ("date 2021-13-45 China said it would help.\n", "invalid date '2021-13-45'"),
        ("date yesterday\n", "relative date 'yesterday'"),
    ],
)
def test_plain_text_bad_date_header_is_rejected(tmp_path: Path, first_line: str, reason: str) -> None:
    p = tmp_path / "a.txt"
    p.write_text(first_line + "China praised Pakistan.\n", encoding="utf-8")
    [rej] = _read([p])
    assert isinstance(rej, Reject) and rej.line == 1 and rej.field == "date" and reason in rej.reason


@pytest.mark.parametrize(
    "value", ["yesterday", "today", "tomorrow", "last week", "3 days ago", "next tuesday", "Monday", "in 2 days"]
)
def test_relative_dates_are_rejected(tmp_path: Path, value: str) -> None:
    with pytest.raises(DateError, match="relative date"):
        parse_date(value)
    p = tmp_path / "rel.jsonl"
    p.write_text(json.dumps({"id": "r1", "date": value, "text": "China praised Pakistan."}) + "\n", encoding="utf-8")
    [rej] = _read([p])
    assert isinstance(rej, Reject) and rej.field == "date" and rej.line == 1 and value in rej.reason


def test_malformed_json_reason_reads_well(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"id": "a", "text": "unterminated\n', encoding="utf-8")
    [rej] = _read([p])
    assert isinstance(rej, Reject)
    assert rej.reason == "malformed JSON: Unterminated string starting at column 21"


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (b"id,date,text\nq1,2021-10-28,China praised Pakistan.\n", ["q1"]),
        (b"\xef\xbb\xbfid\tdate\ttext\nq2\t2021-10-28\tChina praised Pakistan.\n", ["q2"]),
        (b"Text, he said, was what mattered.\nChina praised Pakistan.\n", ["stdin"]),
    ],
)
def test_stdin_csv_and_tsv_are_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, ids: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = [a for a in Reader().read(["-"]) if isinstance(a, Article)]
    assert [a.doc_id for a in out] == ids
    if ids != ["stdin"]:
        assert out[0].date == "2021-10-28" and out[0].text == "China praised Pakistan."


# -- HTML character references ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        ("the mayor said &quot;no deal&quot; &amp; left", 'the mayor said "no deal" & left'),
        ("&#8220;We wait,&#8221; she said.", "\u201cWe wait,\u201d she said."),
        ("Caf&#233; talks, caf&#233 talks, caf&#xE9; talks", "Caf\u00e9 talks, caf\u00e9 talks, caf\u00e9 talks"),
        ("the &frac12; share and a&nbsp;b", "the \u00bd share and a\u00a0b"),
        ("AT&T and R&D and Q&A", "AT&T and R&D and Q&A"),  # a bare ampersand is text
        # a named reference needs its semicolon and a name HTML5 knows
        ("R&parallel &copy 2020 &lt or &notit; &madeup;", "R&parallel &copy 2020 &lt or &notit; &madeup;"),
        ("&amp;quot;", "&quot;"),  # decoded once, as a browser does
        ("no ampersand here", "no ampersand here"),
    ],
)
def test_unescape_entities(raw: str, decoded: str) -> None:
    assert unescape_entities(raw) == decoded


def test_character_references_are_decoded_in_every_input_format(tmp_path: Path) -> None:
    raw = "The envoy said &quot;talks go on&quot; at AT&T&#8217;s hall"
    want = 'The envoy said "talks go on" at AT&T\u2019s hall'
    (tmp_path / "plain.txt").write_text(f"date 2023-05-09\n{raw}\n", encoding="utf-8")
    rec = {"id": "j1", "date": "2023-05-09", "text": raw, "title": "Envoy &amp; talks", "url": "u?a=1&amp;b=2"}
    (tmp_path / "in.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (tmp_path / "in.csv").write_text(f'id,date,title,text\nc1,2023-05-09,R&D &#38; more,"{raw}"\n', encoding="utf-8")
    (tmp_path / "in.tsv").write_text(f"id\tdate\ttext\nt1\t2023-05-09\t{raw}\n", encoding="utf-8")
    arts = {a.doc_id: a for a in _read([tmp_path]) if isinstance(a, Article)}
    assert sorted(arts) == ["c1", "j1", "plain", "t1"]
    assert all(a.text == want for a in arts.values())
    assert arts["j1"].title == "Envoy & talks" and arts["c1"].title == "R&D & more"
    assert arts["j1"].url == "u?a=1&amp;b=2"  # only text and title are decoded


def test_a_text_that_is_only_a_character_reference_is_empty(tmp_path: Path) -> None:
    p = tmp_path / "blank.txt"
    p.write_text("&nbsp;&#32;\n", encoding="utf-8")
    [rej] = _read([p])
    assert isinstance(rej, Reject) and rej.reason == "empty text"


def test_the_api_decodes_character_references(pipeline: object) -> None:
    import corridor

    coded = corridor.code_text(
        "The minister said &quot;the vote was free&quot; &amp; fair.", date="2022-03-02", title="Vote &amp; count"
    )
    assert coded.text == 'The minister said "the vote was free" & fair.' and coded.title == "Vote & count"
    [quote] = coded.quotes
    assert "the vote was free" in quote.text
    assert all(coded.text[a:b] in quote.text for a, b in quote.spans)  # offsets into the decoded text
    assert quote.cue is not None and coded.text[quote.cue.start : quote.cue.end] == quote.cue.text == "said"
    items: list[Article | dict[str, str] | str] = [
        {"id": "d1", "date": "2022-03-02", "text": "A spokesman said &#8220;the road stays shut&#8221;."},
        "The governor said &quot;we will rebuild the bridge&quot;.",
        Article(text="Kept as &quot;written&quot;.", doc_id="a1"),
    ]
    dict_coded, str_coded, art_coded = corridor.code_articles(items)
    assert dict_coded.text == "A spokesman said \u201cthe road stays shut\u201d." and dict_coded.quotes
    assert str_coded.text == 'The governor said "we will rebuild the bridge".' and str_coded.quotes
    assert art_coded.text == "Kept as &quot;written&quot;."  # an Article is coded as it is
