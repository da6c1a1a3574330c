"""Time stage: temporal expressions of the article, and the one a clause is dated by.

Reads the article text and date (``analysis.article.date``, an ISO string or None, the anchor for relative
expressions) and, for :func:`time_for_clause`, the spaCy dependency parse; writes ``analysis.times`` (one
:class:`corridor.model.TimeExpr` per expression found by :func:`corridor.temporal.find_times`, in text
order, with offsets into the article text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from spacy.tokens import Span, Token

from corridor.model import Actor, TimeExpr
from corridor.pipeline import Analysis, PipelineConfig, register_stage
from corridor.temporal import dateline_anchor, find_times, load_lexicon, parse_anchor

# Prepositions through which a time attaches to a verb ("on Friday", "in 1951", "since last year").
ATTACHING_PREPS = {
    "on",
    "in",
    "at",
    "since",
    "during",
    "by",
    "until",
    "till",
    "before",
    "after",
    "from",
    "to",
    "over",
    "through",
    "throughout",
    "within",
    "for",
    "around",
    "as",
    "of",
    "between",
    "earlier",
    "later",
}
DATED_TYPES = ("DATE", "TIME")


@register_stage("times")
class TimeStage:
    name: ClassVar[str] = "times"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        load_lexicon()  # compile the patterns once, up front

    def __call__(self, analysis: Analysis) -> None:
        published = parse_anchor(analysis.article.date)
        # relative days count from the day the dateline names, when it has one ("JERUSALEM, April 14 -")
        anchor = dateline_anchor(analysis.article.text, published) or published
        analysis.times.extend(find_times(analysis.article.text, anchor, published))


def _span_of(analysis: Analysis, t: TimeExpr) -> Span | None:
    return analysis.doc.char_span(t.start, t.end, alignment_mode="expand")


def _attaches(span: Span, head: Token) -> bool:
    """Whether the expression hangs off ``head``: directly, through a preposition, or through "ago"."""
    if head.i in range(span.start, span.end):
        return False
    root = span.root
    gov = root.head
    if gov.i == head.i and root.i != head.i:
        return True
    if gov.dep_ in ("prep", "agent") and gov.lower_ in ATTACHING_PREPS and gov.head.i == head.i:
        return True
    # "launched late on Saturday", "met early on Monday": the preposition hangs off "late"/"early"
    if (
        gov.dep_ == "prep"
        and gov.lower_ in ATTACHING_PREPS
        and gov.head.lower_ in {"late", "early"}
        and gov.head.dep_ == "advmod"
        and gov.head.head.i == head.i
    ):
        return True
    # "signed an agreement on Tuesday": the parser hung the day on the object right before it
    if (
        gov.dep_ == "prep"
        and gov.lower_ == "on"
        and gov.head.dep_ == "dobj"
        and gov.head.head.i == head.i
        and gov.i == gov.head.i + 1
        and root.ent_type_ == "DATE"
        and load_lexicon().weekday(root.lower_) > 0
    ):
        return True
    # "70 years ago", "two days earlier": the unit hangs off "ago", which hangs off the verb.
    return gov.dep_ in ("advmod", "npadvmod") and gov.head.i == head.i and gov.i in range(span.start, span.end)


def time_for_clause(analysis: Analysis, token_indices: Sequence[int] | range) -> TimeExpr | None:
    """The dated expression (DATE or TIME with a calendar value) that a clause is dated by, or None.

    ``token_indices`` are indices into ``analysis.doc`` of the clause's tokens; the first element must be
    the clause's head (an event's trigger verb or noun); the others may be further tokens of the clause,
    such as the verbs that control the head ("agreed" over "to visit"), e.g. ``[trigger.i, *chain]`` or
    just ``[trigger.i]``. Candidates are the expressions in ``analysis.times`` whose span lies inside the
    head's sentence. An expression attaches to a token when its syntactic root depends on that token
    directly ("said Friday"), through a preposition ("met on Wednesday", "in 1951") or through "ago"
    ("70 years ago"). Expressions attached to the head come first; then those attached to, or containing,
    another given token. Within the same rank the one closest to the head (in tokens) is returned. The
    result's ``precision`` ("day", "month", "year", ...) says how exact the date is.
    """
    indices = list(token_indices)
    if not indices or not analysis.times:
        return None
    doc = analysis.doc
    head = doc[indices[0]]
    sent = head.sent
    others = [doc[i] for i in indices[1:] if 0 <= i < len(doc) and i != head.i]
    best: tuple[int, int, TimeExpr] | None = None
    for t in analysis.times:
        if t.type not in DATED_TYPES or t.value is None or t.value.endswith("_REF"):
            continue  # "now", "recently" (PRESENT_REF, PAST_REF): no date to give an event
        if not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        span = _span_of(analysis, t)
        if span is None:
            continue
        if _attaches(span, head):
            rank = 0
        elif any(_attaches(span, o) or o.i in range(span.start, span.end) for o in others):
            rank = 1
        else:
            continue
        key = (rank, min(abs(tok.i - head.i) for tok in span), t)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


LEAD_SENTENCES = 2  # the lead: the article's first two sentences (a headline line counts as one)
LEAD_DAYS = 7  # how far before publication the lead's day may lie


def lead_day(analysis: Analysis) -> str | None:
    """The day the article's lead dates its news by, or None: the first day-precise date attached to a verb
    (the main verb first) of one of its first :data:`LEAD_SENTENCES` sentences ("... spoke by phone on
    Wednesday", "..., the spokesman said on Wednesday") that lies within :data:`LEAD_DAYS` days before the
    publication date. Statements reported later in the past tense without a time of their own by those the
    lead names (:func:`named_in_lead`) were most likely made that day (the quote and event stages date them
    by it)."""
    key = "lead_day"
    if key in analysis.notes:
        return analysis.notes[key]
    analysis.notes[key] = day = _lead_day(analysis)
    return day


def _lead_day(analysis: Analysis) -> str | None:
    published = parse_anchor(analysis.article.date)
    if published is None or not analysis.times:
        return None
    for k, sent in enumerate(analysis.doc.sents):
        if k >= LEAD_SENTENCES:
            break
        for verb in [sent.root, *(t for t in sent if t.pos_ == "VERB" and t.i != sent.root.i)]:
            te = time_for_clause(analysis, [verb.i])
            if te is None or te.precision != "day" or not te.value:
                continue
            try:
                when = dt.date.fromisoformat(te.value[:10])
            except ValueError:
                continue
            if when == published:
                return None  # "accused China on Wednesday of ramming a boat on Monday": today's news
            if published - dt.timedelta(days=LEAD_DAYS) <= when < published:
                return te.value[:10]
    return None


def named_in_lead(analysis: Analysis, actor: Actor | None) -> bool:
    """Whether ``actor`` is one the lead names (the same entity, or the same name): the statements that
    :func:`lead_day` dates are those of the people and bodies the lead's news is about."""
    if actor is None:
        return False
    key = "lead_entities"
    if key not in analysis.notes:
        end = 0
        for k, sent in enumerate(analysis.doc.sents):
            if k >= LEAD_SENTENCES:
                break
            end = sent.end_char
        named = [a for a in analysis.actors if a.start < end]
        analysis.notes[key] = (
            {a.entity for a in named if a.entity is not None},
            {a.name or a.text for a in named},
        )
    entities, names = analysis.notes[key]
    return (actor.entity is not None and actor.entity in entities) or (actor.name or actor.text) in names


def lead_day_of(analysis: Analysis, verb: Token, actor: Actor | None) -> str | None:
    """The lead's day (:func:`lead_day`) for a statement made with ``verb`` by ``actor``: only for a verb in
    the simple past ("said", "criticized") and an actor the lead names (:func:`named_in_lead`); else None.
    The quote stage dates quotations by their cue with it, the event stage verbal events by their trigger."""
    if verb.tag_ != "VBD" or not named_in_lead(analysis, actor):
        return None
    return lead_day(analysis)
