"""Attributions stage: indirect attributions the rule-based quote stage missed, found by a learned cue model.

Reads the spaCy ``Doc``, ``analysis.quotes`` (the quote stage's quotations: their cues are skipped and their
contents are not claimed twice), the actor stage's ``analysis.notes["actor_by_token"]`` through
``corridor.stages.actors.actor_for_span`` (to code speakers), the cue model in
``data/models/attribution_cues`` and the settings in ``data/lexicons/attributions.yaml``. Writes
``analysis.quotes``: one ``indirect`` :class:`~corridor.model.Quote` per cue the model accepts, with the
content built from the parse (:mod:`corridor.attribution.content`), the cue's subject as speaker and the
model's probability, calibrated on the training folds, as confidence; the list is kept in text order.

Options (``PipelineConfig.options``): ``attribution_model`` (a model folder), ``attribution_threshold``
(overrides the packaged threshold).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from corridor.attribution.content import choose, constructions, speaker_range
from corridor.attribution.features import DocContext, is_candidate, token_features
from corridor.attribution.model import CueModel, load_model
from corridor.linear_model import logit, sigmoid
from corridor.model import Actor, Quote, Span
from corridor.pipeline import Analysis, PipelineConfig, register_stage
from corridor.quoting.acts import act_of
from corridor.quoting.base import alnum_chars, char_spans
from corridor.quoting.lexicon import load_lexicon
from corridor.quoting.speakers import actor_lookup, coded_speaker, unresolved_speaker
from corridor.resources import packaged_yaml

__all__ = ["AttributionStage", "Proposal", "calibrated", "doc_context", "propose", "select", "to_quotes"]

PRONOUNS = {"he", "she", "they", "him", "her", "them", "i", "we", "who"}


@dataclass
class Proposal:
    """A scored cue with the content and source the parse gives it."""

    prob: float
    head: int  # the cue token
    cue: list[int]  # cue tokens ("according to", a verb and its particle)
    content: set[int]
    how: str  # the construction of the content
    speaker: tuple[int, int] | None


def _settings() -> dict[str, Any]:
    data = packaged_yaml("lexicons/attributions.yaml") or {}
    return dict(data)


def doc_context(analysis: Analysis) -> DocContext:
    """The features' view of the earlier layers: cue lexicon classes, coded actor tokens, quoted text."""
    from corridor.quoting.lexicon import load_lexicon
    from corridor.quoting.marks import find_quotations

    lex = load_lexicon()
    quoted = {c for s, e in find_quotations(analysis.article.text) for c in range(s, e)}
    return DocContext(
        lexicon=lex.classes,
        nouns=lex.nouns,
        actor_tokens=set(analysis.notes.get("actor_by_token", {})),
        quoted_chars=quoted,
    )


def _quoted_chars(analysis: Analysis) -> set[int]:
    """The letters and digits inside the earlier stages' quotes."""
    return alnum_chars(analysis.article.text, [(int(s), int(e)) for q in analysis.quotes for s, e in q.spans])


def propose(
    analysis: Analysis,
    model: CueModel,
    min_prob: float = 0.0,
    ctx: DocContext | None = None,
    scorer: Callable[[list[str]], float] | None = None,
) -> list[Proposal]:
    """Every candidate cue scoring at least ``min_prob`` that is not already a quote's cue, with its
    content and source; the best first."""
    doc = analysis.doc
    ctx = ctx or doc_context(analysis)
    score = scorer or model.score
    used_cue = {c for q in analysis.quotes if q.cue for c in range(q.cue.start, q.cue.end)}
    # a cue inside an earlier quotation's content is never selected: skip it before the costly features
    quoted = _quoted_chars(analysis)
    lemmas = model.cue_lemmas
    out: list[Proposal] = []
    for tok in doc:
        if not is_candidate(tok) or tok.idx in used_cue or tok.idx in quoted:
            continue
        if lemmas and tok.lemma_.lower() not in lemmas:
            continue  # no training candidate with this lemma came near a threshold
        prob = score(token_features(tok, ctx))
        if prob < min_prob:
            continue
        options = constructions(tok)
        how = choose(tok, options, model.table)
        if how is None:
            continue
        cue = [tok.i]
        if tok.lower_ == "according":
            cue.append(tok.i + 1)
        cue += [c.i for c in tok.children if c.dep_ in {"prt", "neg"}]
        spk = speaker_range(tok)
        content = options[how] - set(cue)
        if spk is not None:
            content -= set(range(*spk))
        out.append(Proposal(prob=prob, head=tok.i, cue=sorted(cue), content=content, how=how, speaker=spk))
    out.sort(key=lambda p: (-p.prob, p.head))
    return out


def select(
    analysis: Analysis,
    proposals: list[Proposal],
    threshold: float,
    max_overlap: float = 0.0,
    min_words: int = 2,
    by_how: Mapping[str, float] | None = None,
) -> list[Proposal]:
    """The proposals at or above their threshold (``by_how`` for their content's construction, else
    ``threshold``) whose content is new: not inside an earlier quotation (the quote stage's or an accepted
    proposal's) beyond ``max_overlap``, best first."""
    text = analysis.article.text
    doc = analysis.doc
    taken = _quoted_chars(analysis)
    cue_chars: set[int] = set()
    kept: list[Proposal] = []
    for p in proposals:
        if p.prob < (by_how or {}).get(p.how, threshold):
            continue
        if sum(1 for i in p.content if doc[i].is_alpha) < min_words:
            continue
        head = doc[p.head]
        if head.idx in taken or head.idx in cue_chars:
            continue
        chars = alnum_chars(text, char_spans(doc, p.content))
        if not chars or len(chars & taken) > max_overlap * len(chars) or chars & cue_chars:
            continue
        taken |= chars
        cue_chars |= {doc[i].idx for i in p.cue}
        kept.append(p)
    return kept


def _speaker(analysis: Analysis, lo: int, hi: int, lookup: Any, before: list[Quote]) -> Actor:
    ents = analysis.doc.ents
    coded = coded_speaker(analysis, lo, hi, lookup, ents)
    if coded is not None:
        return coded
    span = analysis.doc[lo:hi]
    if hi - lo == 1 and span[0].lower_ in PRONOUNS:
        # a pronoun the actor stage left alone: the speaker of the last quotation before it
        prev = [q for q in before if q.speaker is not None and q.speaker.end <= span.start_char]
        if prev:
            ante = max(prev, key=lambda q: q.speaker.end if q.speaker else 0).speaker
            if ante is not None:
                a = copy.copy(ante)
                a.text, a.start, a.end = span.text, span.start_char, span.end_char
                a.name = ante.name or ante.text
                a.resolved_by = "coreference"
                a.confidence = min(ante.confidence, 0.5)
                return a
    return unresolved_speaker(analysis, lo, hi, ents)


def calibrated(calibration: Mapping[str, float] | None, prob: float) -> float:
    """The probability that a proposal's content is right, from its cue probability and the Platt scaling
    fitted at training time (``meta.json``'s ``calibration``); the cue probability where there is none."""
    if not calibration or "a" not in calibration:
        return prob
    return sigmoid(calibration["a"] * logit(prob) + calibration.get("b", 0.0))


def to_quotes(analysis: Analysis, kept: list[Proposal], calibration: Mapping[str, float] | None = None) -> list[Quote]:
    """Quotes for the accepted proposals; their confidence is the calibrated probability (see
    :func:`calibrated`)."""
    doc = analysis.doc
    text = analysis.article.text
    lookup = actor_lookup()
    lex = load_lexicon()
    out: list[Quote] = []
    for p in sorted(kept, key=lambda p: min(p.content)):
        spans = char_spans(doc, p.content)
        cs = min(doc[i].idx for i in p.cue)
        ce = max(doc[i].idx + len(doc[i].text) for i in p.cue)
        speaker = _speaker(analysis, *p.speaker, lookup, analysis.quotes) if p.speaker else None
        out.append(
            Quote(
                kind="indirect",
                text=" … ".join(text[s:e] for s, e in spans),
                spans=spans,
                cue=Span(text=text[cs:ce], start=cs, end=ce),
                speaker=speaker,
                date=analysis.article.date,
                confidence=calibrated(calibration, p.prob),
                act=act_of(lex, "indirect", doc[p.head], p.how, doc[p.speaker[1] - 1] if p.speaker else None),
            )
        )
    return out


@register_stage("attributions")
class AttributionStage:
    """Add the attributions the learned cue model finds (see the module doc)."""

    name: ClassVar[str] = "attributions"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        settings = _settings()
        self.model = load_model(config.options.get("attribution_model"))
        self.threshold = float(config.options.get("attribution_threshold", settings.get("threshold", 0.5)))
        self.max_overlap = float(settings.get("max_overlap", 0.0))
        self.min_words = int(settings.get("min_words", 2))
        by_how = settings.get("construction_thresholds") or {}
        if "attribution_threshold" in config.options:
            by_how = {}  # one threshold for every construction
        self.by_how = {str(k): float(v) for k, v in by_how.items()}

    def __call__(self, analysis: Analysis) -> None:
        lowest = min([self.threshold, *self.by_how.values()])
        proposals = propose(analysis, self.model, min_prob=lowest)
        kept = select(analysis, proposals, self.threshold, self.max_overlap, self.min_words, self.by_how)
        if not kept:
            return
        analysis.quotes.extend(to_quotes(analysis, kept, self.model.meta.get("calibration")))
        analysis.quotes.sort(key=lambda q: q.spans[0][0] if q.spans else 0)
