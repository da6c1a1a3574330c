"""The event engine on sentences written for these tests: voice, arguments, modality, reported speech."""

from __future__ import annotations

from corridor.model import Article, CodedArticle, Event
from corridor.pipeline import Pipeline


def code(pipeline: Pipeline, text: str, date: str = "2022-03-01", **kw: object) -> CodedArticle:
    return pipeline(Article(text=text, doc_id="t", date=date))


def triples(coded: CodedArticle) -> set[tuple[str, str, str]]:
    return {(e.source.code if e.source else "", e.cameo, e.target.code if e.target else "") for e in coded.events}


def first(coded: CodedArticle, root: str) -> Event:
    return next(e for e in coded.events if e.cameo_root == root)


def test_active_passive_and_nominal(pipeline: Pipeline) -> None:
    assert ("RUSMIL", "190", "UKR") in triples(code(pipeline, "Russian troops attacked Ukraine."))
    assert ("RUSMIL", "190", "UKR") in triples(code(pipeline, "Ukraine was attacked by Russian troops."))
    c = code(pipeline, "During his telephone conversation with Prime Minister Imran Khan, President Xi Jinping spoke.",
             date="2021-10-28")  # fmt: skip
    ev = first(c, "04")
    assert ev.cameo == "041" and ev.plover == "CONSULT" and ev.plover_mode == "phone"
    assert ev.source is not None and ev.source.code == "CHNGOV"
    assert ev.target is not None and ev.target.code == "PAKGOV"


def test_conjoined_arguments_give_one_event_per_pair(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "France and Germany condemned Iran and Syria."))
    assert {("FRA", "111", "IRN"), ("FRA", "111", "SYR"), ("DEU", "111", "IRN"), ("DEU", "111", "SYR")} <= t


def test_sanctions_target_through_the_object(pipeline: Pipeline) -> None:
    c = code(pipeline, "The United States imposed new sanctions on Myanmar.")
    assert ("USA", "163", "MMR") in triples(c)
    assert first(c, "16").plover == "SANCTION" and first(c, "16").quad_class == 4


def test_negation_is_left_out_or_marked(pipeline: Pipeline) -> None:
    assert not code(pipeline, "Japan did not condemn China.").events
    from corridor.api import get_pipeline

    keep = get_pipeline(keep_negated=True)
    c = keep(Article(text="Japan did not condemn China.", doc_id="n", date="2022-03-01"))
    assert c.events and c.events[0].modality == "negated" and c.events[0].negated


def test_intent_maps_to_03x(pipeline: Pipeline) -> None:
    c = code(pipeline, "China will continue to support Pakistan.")
    ev = first(c, "03")
    assert ev.cameo == "032" and ev.modality == "intent" and ev.plover == "AGREE"
    c = code(pipeline, "Egypt is ready to work with Sudan.")
    assert first(c, "03").modality == "intent"


def test_refusal_becomes_rejection(pipeline: Pipeline) -> None:
    c = code(pipeline, "Iran refused to meet the French envoy.")
    assert any(e.cameo_root == "12" for e in c.events)


def test_reported_speech_and_obligation(pipeline: Pipeline) -> None:
    c = code(pipeline, "Chancellor Olaf Scholz said that Russia will attack Ukraine.", date="2022-01-10")
    ev = next(e for e in c.events if e.source and e.source.country == "RUS")
    assert ev.reported_by is not None and ev.reported_by.code == "DEUGOV"
    c = code(pipeline, "Russia said that Sudan must return the helicopter.")
    assert ("RUS", "100", "SDN") in triples(c)


def test_requested_acts_are_not_coded_as_done(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "The United Nations urged Myanmar's military rulers to release political prisoners."))
    assert ("IGOUNO", "020", "MMRMIL") in t
    assert not any(code.startswith("08") for _, code, _ in t)


def test_statement_only_when_no_other_event(pipeline: Pipeline) -> None:
    c = code(pipeline, "The Kenyan foreign minister said that Uganda faces a difficult year.")
    assert any(e.cameo == "010" for e in c.events)
    c = code(pipeline, "The Kenyan foreign minister said that Uganda attacked Somalia.")
    assert not any(e.cameo == "010" for e in c.events)


def test_event_ids_are_stable(pipeline: Pipeline) -> None:
    text = "Turkish police arrested protesters in Istanbul on Monday."
    a = [e.event_id for e in code(pipeline, text).events]
    b = [e.event_id for e in code(pipeline, text).events]
    assert a and a == b
