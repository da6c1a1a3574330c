"""Quote confidence: the estimated probability that an annotator marks the same content.

The quote stage's rules give every quotation a content; how often that content is right depends on the
cue word, the kind of quotation, the shape and length of the content and who the speaker is. A logistic
model over such features of a finished :class:`~corridor.model.Quote` (see :func:`quote_features`),
trained on PolNeAR's train split (``python -m corridor.quoting.train_confidence``), turns them into
``Quote.confidence``: the probability that the content matches a gold attribution content (at least half
of the longer of the two shared, as ``corridor eval polnear`` counts). The model folder is
``data/models/quote_confidence`` (weights, feature names and a model card with the dev-split calibration).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import ClassVar

from spacy.tokens import Doc, Span, Token

from corridor.linear_model import LinearModel
from corridor.model import Quote

__all__ = ["FEATURE_VERSION", "ConfidenceModel", "load_confidence_model", "packaged_dir", "quote_features"]

FEATURE_VERSION = 2
PRONOUNS = {"he", "she", "they", "i", "we", "it", "who", "you"}
LENGTHS = (1, 2, 3, 5, 8, 13, 21, 34, 55)
MODALS = {"would", "could", "might", "may", "should", "will", "can", "must"}  # auxiliaries hedging a cue


class ConfidenceModel(LinearModel):
    """The probability that a quote's content matches an annotator's."""

    features_of: ClassVar[str] = "quote"
    feature_version: ClassVar[int] = FEATURE_VERSION


def packaged_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("corridor") / "data" / "models" / "quote_confidence"))


@lru_cache(maxsize=4)
def load_confidence_model(folder: str | None = None) -> ConfidenceModel:
    """The packaged model (or the one in ``folder``), loaded once."""
    return ConfidenceModel.load(Path(folder) if folder else packaged_dir())


def _length(n: int) -> str:
    return str(next((b for b in LENGTHS if n <= b), "more"))


def _tokens(doc: Doc, spans: list[tuple[int, int]]) -> list[Token]:
    out: list[Token] = []
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.extend(span)
    return out


def _sentence_features(toks: list[Token], sent: Span, kind: str) -> list[str]:
    """Where the content sits in its sentence: the share of the sentence it covers (fifths, alone and with
    the kind), whether it starts the sentence, ends it ("..., he said." ends one word early) or runs past
    it, and its last token (a punctuation mark, else the part of speech); ``sent`` is the first token's sentence."""
    ids = {t.i for t in toks}
    cover = min(int(5 * len(ids) / max(1, len(sent))), 4)
    last = toks[-1]
    return [
        f"cover={cover}",
        f"kind_cover={kind}|{cover}",
        f"starts_sent={toks[0].i == sent.start}",
        f"ends_sent={last.i >= sent.end - 2}",
        f"last={last.lower_ if last.is_punct else last.pos_}",
        f"cross_sent={last.i >= sent.end}",
    ]


def _cue_clause_features(cue: Token, toks: list[Token]) -> list[str]:
    """The cue's clause: a modal auxiliary ("would say"), a question mark in its sentence, a subordinating
    mark ("if he says"), its head's dependency ("a man who said"), whether the content holds the cue (a
    cue inside its own content) and the words between the cue and the nearer end of the content."""
    kids = list(cue.children)
    ids = {t.i for t in toks}
    gap = toks[0].i - cue.i if cue.i < toks[0].i else max(0, cue.i - toks[-1].i)
    return [
        f"cue_modal={any(c.dep_ == 'aux' and c.lower_ in MODALS for c in kids)}",
        f"cue_question={any(t.text == '?' for t in cue.sent)}",
        f"cue_mark={any(c.dep_ == 'mark' for c in kids)}",
        f"cue_head_dep={cue.head.dep_ if cue.head.i != cue.i else 'ROOT'}",
        f"cue_in_content={cue.i in ids}",
        f"cue_gap={_length(gap)}",
    ]


def _neighbour_features(quote: Quote, sent: Span, others: Sequence[Quote]) -> list[str]:
    """The article's other quotations around this one: how many start in its sentence (itself counted; alone
    and with the kind) and whether it holds another or sits inside another ('he said "we will" and left');
    ``sent`` is the sentence of the content's first token."""
    sent_start, sent_end = sent.start_char, sent.end_char
    lo, hi = min(s for s, _ in quote.spans), max(e for _, e in quote.spans)
    n, holds, inside = 1, False, False
    for other in others:
        if other is quote or not other.spans:
            continue
        o_lo, o_hi = min(other.spans)[0], max(map(itemgetter(1), other.spans))  # (smallest start, largest end)
        n += sent_start <= o_lo < sent_end
        holds |= lo <= o_lo and o_hi <= hi
        inside |= o_lo <= lo and hi <= o_hi
    return [f"in_sent={min(n, 3)}", f"kind_in_sent={quote.kind}|{min(n, 3)}", f"holds={holds}", f"inside={inside}"]


def quote_features(doc: Doc, quote: Quote, others: Sequence[Quote] = ()) -> list[str]:
    """The binary features of one quotation: its kind; the content's length, first word, root and whether it
    holds a verb or quotation marks, its place in the sentence (:func:`_sentence_features`);
    the cue's lemma, part of speech, dependency, clause (:func:`_cue_clause_features`) and place before or
    after the content; the speaker's kind (none, pronoun, coded actor, uncoded) and entity label; its
    reporters; with ``others``, the article's quotations (this one among them or not), the quotations
    around it (:func:`_neighbour_features`)."""
    kind = quote.kind
    f = ["bias", f"kind={kind}", f"pieces={min(len(quote.spans), 3)}", f"reporters={min(len(quote.reported_by), 2)}"]
    toks = _tokens(doc, [(int(s), int(e)) for s, e in quote.spans])
    words = sum(1 for t in toks if t.is_alpha)
    f += [f"len={_length(words)}", f"kind_len={kind}|{_length(words)}"]
    if toks:
        first = toks[0]
        ids = {t.i for t in toks}
        root = next((t for t in toks if t.head.i not in ids or t.head.i == t.i), first)
        f += [
            f"first={first.lower_}",
            f"first_pos={first.pos_}",
            f"kind_first_pos={kind}|{first.pos_}",
            f"verb={any(t.pos_ in {'VERB', 'AUX'} for t in toks)}",
            f"marks={any(t.is_quote for t in toks)}",
            f"root_dep={root.dep_}",
            f"root_pos={root.pos_}",
        ]
        sent = first.sent  # (spaCy walks the sentence to find it: once)
        f += _sentence_features(toks, sent, kind)
        f += _neighbour_features(quote, sent, others)
    lemma = "none"
    if quote.cue is not None:
        cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if cue is not None and len(cue):
            head = cue.root
            lemma = head.lemma_.lower()
            f += [
                f"cue={lemma}",
                f"cue_kind={lemma}|{kind}",
                f"cue_pos={head.pos_}",
                f"cue_tag={head.tag_}",
                f"cue_dep={head.dep_}",
                f"cue_neg={any(c.dep_ == 'neg' for c in head.children)}",
            ]
            if toks:
                f.append(f"cue_first={cue.start < toks[0].i}")
                f += _cue_clause_features(head, toks)
    speaker = quote.speaker
    if speaker is None:
        who = "none"
    else:
        words_ = speaker.text.lower()
        who = "pronoun" if words_ in PRONOUNS else "coded" if speaker.code else "uncoded"
        f.append(f"speaker_by={speaker.resolved_by}")
        span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if span is not None and len(span):
            f += [f"speaker_ent={span.root.ent_type_ or 'none'}", f"speaker_pos={span.root.pos_}"]
    f += [f"speaker={who}", f"cue_speaker={lemma}|{who}"]
    return f
