"""The attribute ruler's index finds exactly the matches of spaCy's Matcher, on real text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from corridor.fast_ruler import PatternIndex, speed_up_attribute_ruler
from corridor.pipeline import Pipeline, load_nlp


def spacy_matches(ruler: AttributeRuler, doc: Doc) -> list[tuple[int, int, int, int]]:
    return AttributeRuler.match(ruler, doc)  # the class's method: the Matcher


def ruler_of(nlp: Language) -> Any:
    return nlp.get_pipe("attribute_ruler")


def test_the_pipeline_ruler_matches_through_the_index(pipeline: Pipeline, example_path: Path) -> None:
    ruler = ruler_of(pipeline.nlp)
    assert isinstance(getattr(ruler.match, "__self__", None), PatternIndex)
    text = example_path.read_text(encoding="utf-8")
    doc = pipeline.nlp(text, disable=["attribute_ruler", "lemmatizer", "ner"])
    found = ruler.match(doc)
    assert len(found) > len(doc)  # every token's tag sets its part of speech, and more
    assert found == spacy_matches(ruler, doc)


def test_the_same_matches_on_a_corpus_sample(pipeline: Pipeline, corpora: Path) -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((corpora / "polnear").rglob("*.txt"))]
    texts = [t for t in texts if len(t) > 200][:40]
    if len(texts) < 10:
        pytest.skip("PolNeAR texts not found under the shared corpora")
    ruler = ruler_of(pipeline.nlp)
    for doc in pipeline.nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        assert ruler.match(doc) == spacy_matches(ruler, doc)


def test_two_token_patterns_and_lists() -> None:
    nlp = load_nlp()
    doc = nlp("I ain't gonna go, he said.")
    by_text = {t.text: (t.pos_, t.lemma_) for t in doc}
    assert by_text["ai"] == ("AUX", "be") and by_text["gon"][1] == "go" and by_text["na"][1] == "to"


def test_patterns_added_later_are_read_and_operators_are_left_to_spacy() -> None:
    nlp = load_nlp()
    ruler = ruler_of(nlp)
    ruler.add([[{"LOWER": "corridor"}, {"TAG": {"IN": ["NN", "NNS"]}}]], {"LEMMA": "route"}, index=1)
    doc = nlp("The corridor talks resumed in the corridor ministry.")
    assert [t.lemma_ for t in doc if t.text in {"talks", "ministry"}] == ["route", "route"]
    # an operator ("OP") is not read by the index: the ruler is left with spaCy's Matcher
    nlp2 = load_nlp()
    ruler2 = ruler_of(nlp2)
    del ruler2.match
    ruler2.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "much"})
    assert not speed_up_attribute_ruler(nlp2)
    assert ruler2.match.__func__ is AttributeRuler.match
