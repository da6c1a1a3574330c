"""Quote stage: direct, indirect and mixed quotations with their cue, speaker, reporters and addressee.

Reads the spaCy ``Doc`` and the article (text, date), ``analysis.times`` (a date in the cue clause), the
actor stage's coded mentions through ``corridor.stages.actors.actor_for_span`` when that exists, and the
cue lexicon ``data/lexicons/speech.yaml`` (loaded by :mod:`corridor.quoting.lexicon`; quotation marks are
paired by :mod:`corridor.quoting.marks`). Writes ``analysis.quotes``: one :class:`~corridor.model.Quote`
per quotation, in text order.

How it works, in four passes, one module of :mod:`corridor.quoting` each (docs/quotes.md has the details):

1. Quotation marks are paired into top-level *regions* (“ ” " ‘ ’ ' « » „ and doubled '' or ``), a quote
   left open at a paragraph's end running on into the next paragraph.
2. Every cue (a lexicon verb, a verb-particle pair, "according to X", "in a named poll", a statement noun,
   a headline "Name: ...") outside a region gets a content from the parse: its complement clause, its
   infinitive or object complement by cue class, a passive judgement's subject and complement, or, for a
   parenthetical cue ("The deal, he said, had ..."; "..., she said."), the clause it interrupts. A content
   that touches a region takes the whole region in: direct when the content lies inside regions, mixed
   otherwise.
3. Regions no cue reached join the quote they continue (the next sentence or paragraph of the same
   quotation, past the rest of its cue clause), or a cue clause without content next to them, or stand
   alone with the previous speaker.
4. Speakers are the cue's subject (a pronoun resolved to the last speaker, else the last person named);
   a reported speech cue inside another cue's content is the quote, and the outer speakers go to
   ``reported_by`` (innermost reporter first, outermost last); any other cue inside a content stays part
   of it (only the outermost attribution is a quote).

Each quote's ``confidence`` is the estimate of :mod:`corridor.quoting.confidence` (a small model trained on
PolNeAR) that an annotator would mark the same content. Options (``PipelineConfig.options``):
``speech_lexicon`` (a replacement cue lexicon), ``quote_confidence`` (a confidence model folder, or
``"rules"`` for the rules' fixed confidences), ``quote_min_confidence`` (quotations below it are dropped;
by default the model's ``min_confidence``, chosen by cross-validation on PolNeAR train; ``0`` keeps all).
"""

from __future__ import annotations

import re
from typing import ClassVar

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from corridor.model import Actor, Quote, Span, TimeExpr
from corridor.pipeline import Analysis, PipelineConfig, register_stage
from corridor.quoting.acts import act_of
from corridor.quoting.base import Candidate, alnum_chars, char_spans, has_alnum, without_markup
from corridor.quoting.confidence import load_confidence_model, quote_features
from corridor.quoting.cues import CueFinder
from corridor.quoting.lexicon import SpeechLexicon, load_lexicon
from corridor.quoting.marks import find_quotations
from corridor.quoting.nesting import Nester
from corridor.quoting.regions import RegionLinker
from corridor.quoting.speakers import Speakers, np_range_head
from corridor.stages.time import lead_day_of, time_for_clause
from corridor.syntax import first_child


class QuoteFinder(CueFinder, RegionLinker, Nester):
    """The four passes over one article (see the module doc)."""


# -- the stage ---------------------------------------------------------------------------------------


@register_stage("quotes")
class QuoteStage:
    """Find quotations and attribute them (see the module doc)."""

    name: ClassVar[str] = "quotes"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.lexicon = load_lexicon(config.options.get("speech_lexicon"))
        choice = config.options.get("quote_confidence")
        self.confidence = None if choice == "rules" else load_confidence_model(choice)
        default = self.confidence.meta.get("min_confidence", 0.0) if self.confidence is not None else 0.0
        value = config.options.get("quote_min_confidence", default)
        try:
            self.min_confidence = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"quote_min_confidence must be a number from 0 to 1, not {value!r}") from None

    def __call__(self, analysis: Analysis) -> None:
        quotes, reports = _extract(analysis, self.lexicon or load_lexicon())
        self._score(analysis, quotes, quotes)
        kept = [q for q in quotes if q.confidence >= self.min_confidence]
        lost = _lost_reports(kept, reports)  # scored only when needed: most reports keep their inner quotes
        self._score(analysis, lost, quotes)
        back = [r for r in lost if r.confidence >= self.min_confidence]
        found = sorted(kept + back, key=lambda q: q.spans[0][0] if q.spans else -1) if back else kept
        analysis.quotes.extend(_without_duplicates(analysis.article.text, found))

    def _score(self, analysis: Analysis, quotes: list[Quote], article_quotes: list[Quote]) -> None:
        """Set each quote's confidence from the model, if there is one (else the rules' values stay)."""
        if self.confidence is not None:
            for q in quotes:
                q.confidence = self.confidence.score(quote_features(analysis.doc, q, article_quotes))


def _without_duplicates(text: str, quotes: list[Quote]) -> list[Quote]:
    """Of two quotes of one content, the one the model trusts more (the earlier on a tie): two cues read onto
    the same words ('... declared: "A," she said', "It doesn't help that A, as X noted"), or one cue read twice
    onto overlapping words (the headline "X Accused Of Y": "Accused" over "Of Y" and "Accused Of" over "Y")."""
    words = [alnum_chars(text, q.spans) for q in quotes]
    dropped: set[int] = set()
    for a, qa in enumerate(quotes):
        for b in range(a + 1, len(quotes)):
            qb = quotes[b]
            same_cue = qa.cue is not None and qb.cue is not None and qa.cue.start == qb.cue.start
            if not words[a] or not (words[a] == words[b] or (same_cue and words[a] & words[b])):
                continue
            dropped.add(b if qa.confidence >= qb.confidence else a)
    return [q for n, q in enumerate(quotes) if n not in dropped]


def _lost_reports(kept: list[Quote], reports: list[tuple[Quote, list[Quote]]]) -> list[Quote]:
    """The reports none of whose nested quotes was kept, each once: in "the mayor said Tuesday that some voters
    complained when ...", a doubtful "complained" quote dropped leaves the mayor's own report, which nesting
    had folded into it, to be put back in its place."""
    ids = {id(q) for q in kept}
    lost: dict[int, Quote] = {}
    for report, inner in reports:
        if not any(id(q) in ids for q in inner):
            lost[id(report)] = report
    return list(lost.values())


def extract_quotes(analysis: Analysis, lexicon: SpeechLexicon | None = None) -> list[Quote]:
    """The quotations of one analysed article, in text order."""
    return _extract(analysis, lexicon or load_lexicon())[0]


def _extract(analysis: Analysis, lex: SpeechLexicon) -> tuple[list[Quote], list[tuple[Quote, list[Quote]]]]:
    """The quotations of one article, in text order, and each report that nesting folded into quotes of its
    content ("X said that Y stressed ..."), as a quote of its own with those quotes."""
    finder = QuoteFinder(analysis, lex)
    cands = finder.nest(finder.candidates())
    linked = finder.link_regions(cands)
    quotes = finder.unnested(linked)
    speakers = Speakers(analysis, finder)
    text = finder.text
    doc = analysis.doc
    out: list[Quote] = []
    last: tuple[Actor | None, list[Actor]] = (None, [])
    dates = _Dates(analysis, finder)
    nouns = _addressee_nouns(finder)

    def build(cand: Candidate) -> Quote | None:
        nonlocal last
        if finder.tags or finder.datelines:
            cand.spans = without_markup(text, cand.spans, finder.tags + finder.datelines)
        if not cand.spans or not has_alnum(text, cand.spans):
            return None
        if cand.kind != "direct":
            cand.spans = _without_connective(doc, cand.spans)
        if cand.kind == "mixed":
            cand.spans, cand.kind = _from_inner_quotation(doc, lex, cand.spans)
        speaker, inherited = speakers.speaker(cand) if cand.speaker else (None, [])
        reported: list[Actor] = []
        parent = cand.parent
        seen = {id(cand)}
        while parent is not None and id(parent) not in seen:
            seen.add(id(parent))
            rep, rep_inherited = speakers.speaker(parent) if parent.speaker else (None, [])
            if rep is not None:
                reported.append(rep)
                speakers.remember(parent, rep, rep_inherited, reporter=True)
            reported.extend(rep_inherited)
            parent = parent.parent
        own_reporters = bool(reported)
        if not reported:
            reported = list(inherited)
        speakers.remember(cand, speaker, reported, reporter=False)
        if speaker is None and not cand.cue:
            speaker, reported = last[0], list(last[1])
            if speaker is not None:
                cand.confidence = 0.6
        cue_span = None
        if cand.cue:
            cs = min(doc[i].idx for i in cand.cue)
            ce = max(doc[i].idx + len(doc[i].text) for i in cand.cue)
            cue_span = Span(text=text[cs:ce], start=cs, end=ce)
        addressee = speakers.actor(*cand.addressee) if cand.addressee else _call_partner(finder, speakers, cand, nouns)
        spans = [(s, e) for s, e in cand.spans]
        date = dates.of(cand, speaker, reported, own_reporters)
        act = act_of(
            lex,
            cand.kind,
            doc[cand.head] if cand.cue else None,
            cand.how,
            doc[cand.speaker_head] if cand.speaker_head is not None else None,
        )
        quote = Quote(
            kind=cand.kind,
            text=" … ".join(text[s:e] for s, e in spans),
            spans=spans,
            cue=cue_span,
            speaker=speaker,
            reported_by=reported,
            addressee=addressee,
            date=date or analysis.article.date,
            confidence=cand.confidence,
            act=act,
        )
        if speaker is not None:
            last = (speaker, reported)
        return quote

    by_cand: dict[int, Quote] = {}
    # the dates' running state where each report's first inner quote begins, so that a report built after the
    # article's quotes is dated by what came before it, not by what came last (a report has a cue, so the last
    # speaker, which only a quote without one reads, needs no such care)
    before: dict[int, _DateState] = {}
    for cand in quotes:
        if cand.parent is not None:
            before.setdefault(id(cand.parent), dates.state())
        quote = build(cand)
        if quote is not None:
            out.append(quote)
            by_cand[id(cand)] = quote
    reports: list[tuple[Quote, list[Quote]]] = []
    for outer in linked:
        if not outer.nested:
            continue
        if id(outer) in before:
            dates.restore(before[id(outer)])
        if (report := build(outer)) is not None:
            inner = [by_cand[id(c)] for c in quotes if c.parent is outer and id(c) in by_cand]
            reports.append((report, inner))
    return out, reports


_DateState = tuple[str | None, tuple[Actor, str | None] | None]  # _Dates.report and _Dates.last


class _Dates:
    """The date of each quote, in text order: a day in its cue clause or its reporter's, else that of the report
    it continues ("History, he said, ..." after "the spokesman said on Wednesday"), else that of its speaker's
    words just before ("X said on Monday ... He added ..."), else, for a cue in the simple past of a speaker the
    lead names, the lead's day (``corridor.stages.time.lead_day``); None leaves the article date."""

    def __init__(self, analysis: Analysis, finder: QuoteFinder) -> None:
        self.analysis, self.finder = analysis, finder
        self.report: str | None = None  # the date of the last report with reporters of its own
        self.last: tuple[Actor, str | None] | None = None  # the last speaker and the date of their words

    def state(self) -> _DateState:
        return self.report, self.last

    def restore(self, state: _DateState) -> None:
        self.report, self.last = state

    def of(self, cand: Candidate, speaker: Actor | None, reported: list[Actor], own_reporters: bool) -> str | None:
        date = _clause_date(self.analysis, self.finder, cand)
        if date is None and reported and not own_reporters:
            date = self.report
        after_same = self.last is not None and speaker is not None and _same_person(self.last[0], speaker)
        if date is None and speaker is not None and speaker.resolved_by == "coreference" and after_same:
            date = self.last[1] if self.last else None
        if date is None and cand.cue:
            # "X said ..." later in an article whose lead names X and is dated
            date = lead_day_of(self.analysis, self.finder.doc[cand.head], speaker)
        if own_reporters:
            self.report = date
        if speaker is not None:
            self.last = (speaker, date)
        return date


def _same_person(a: Actor, b: Actor) -> bool:
    """Whether two speakers are one (a pronoun resolved to a name keeps the name as ``name``)."""
    if a.entity is not None and a.entity == b.entity:
        return True
    return bool(a.name or a.text) and (a.name or a.text) == (b.name or b.text)


def _addressee_nouns(finder: QuoteFinder) -> set[int]:
    """The tokens whose lemma is one of the lexicon's ``addressee_nouns`` ("call", "meeting", "talks"), read off
    the doc's lemma array once per article rather than off each token of each cue's sentence."""
    doc = finder.doc
    if not len(doc):
        return set()
    lemmas = doc.to_array(LEMMA).tolist()
    hits = {h for h in set(lemmas) if doc.vocab.strings[h].lower() in finder.lex.addressee_nouns}
    return {i for i, h in enumerate(lemmas) if h in hits}


def _call_partner(finder: QuoteFinder, speakers: Speakers, cand: Candidate, nouns: set[int]) -> Actor | None:
    """Y in "in a call with Y" (or a meeting, talks ...) in the cue's sentence; ``nouns`` are the article's
    addressee nouns (:func:`_addressee_nouns`)."""
    if not cand.cue:
        return None
    sent = finder.sents[finder.sent_of[cand.head]]
    for tok in (finder.doc[i] for i in range(sent.start, sent.end) if i in nouns):
        if tok.i not in cand.content:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)
            if prep is None:
                continue
            pobj = first_child(prep, "pobj")
            if pobj is not None:
                return speakers.actor(*np_range_head(pobj))
    return None


_DAY_MONTH_YEAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-W\d{2})?")  # a day, week, month or year


def _within(t: TimeExpr, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= t.start and t.end <= span[1]


# Sentence connectives that open a reported sentence but are the narrator's ("Meanwhile, X did Y, Z said").
_CONNECTIVES = frozenset(
    {"meanwhile", "however", "still", "instead", "separately", "nonetheless", "nevertheless", "moreover",
     "furthermore", "indeed", "meantime", "additionally", "also", "but", "and", "yet", "so"}
)  # fmt: skip


def _without_connective(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The content's spans less a connective (and its comma) that opens the sentence the content opens."""
    first = doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand")
    if first is None or len(first) < 3:
        return spans
    tok = first[0]
    if tok.i != tok.sent.start or tok.lower_ not in _CONNECTIVES:
        return spans
    nxt = doc[tok.i + 1]
    after = doc[tok.i + 2] if nxt.text == "," else nxt
    if after.i >= first.end or not after.is_alpha:
        return spans
    return [(after.idx, spans[0][1]), *spans[1:]]


_OPENING_MARKS = frozenset({'"', "“", "''", "``", "‘"})


def _from_inner_quotation(
    doc: Doc, lex: SpeechLexicon, spans: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], str]:
    """A mixed content that ends in a quotation opened after a speech verb and a comma or colon ("..., and when
    asked, he said, “Not yet”", "carrying signs saying, “Stop the mill”"): the quotation is what was said, the
    narration before it is not; the content is the quotation, marks included, and the quote a direct one. Any
    other mixed content stays as it is."""
    if len(spans) != 1:
        return spans, "mixed"
    span = doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand")
    if span is None or len(span) < 4:
        return spans, "mixed"
    for tok in reversed(span[2:]):
        if tok.text not in _OPENING_MARKS or tok.i + 1 >= span.end:
            continue
        punct, cue = doc[tok.i - 1], doc[tok.i - 2]
        if punct.text not in {",", ":"} or "speech" not in lex.cue_classes(cue):
            continue
        last = max((t.i for t in span if t.is_alpha or t.is_digit), default=span.end - 1)
        if any(t.text in _OPENING_MARKS or t.is_quote for t in doc[tok.i + 1 : last]):
            break  # the quotation closes inside the content: text after it is narration too
        if any(t.is_quote for t in doc[span.start : tok.i]):
            break  # 'Lee "bristled" and said, "No comment"': the lead-in holds words of the speaker's own
        return [(tok.idx, spans[0][1])], "direct"
    return spans, "mixed"


_OWN_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj"})


def _clause_date(analysis: Analysis, finder: QuoteFinder, cand: Candidate) -> str | None:
    """A date (day, month or year) in the cue clause (outside the content and the speaker's relative clauses), else
    in the clause of the nearest reporter that has one ("Xi pointed out ..., the spokesman said on Wednesday"),
    else none."""
    dated = [t for t in analysis.times if t.value and _DAY_MONTH_YEAR.fullmatch(t.value)]
    if not dated:
        return None
    seen: set[int] = set()
    cur: Candidate | None = cand
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if cur.cue:
            head = finder.doc[cur.head]
            lo, right = head.left_edge.idx, head.right_edge
            hi = right.idx + len(right.text)
            # "In December, X pledged A but said B": the words before the first verb date both
            before = (head.head.left_edge.idx, head.head.idx) if head.dep_ == "conj" and head.head.i < head.i else None
            near = [t for t in dated if _within(t, (lo, hi)) or _within(t, before)]
            if near:
                content_chars = [(s, e) for s, e in char_spans(finder.doc, cur.content)]
                # a relative clause of the speaker is another time: "X, who will visit on Thursday, said ..."
                content_chars += _subject_relative_clauses(head)
                # and so is a clause of its own hung on the cue: "rejected the offer, saying X had hosted its
                # leaders last month" is not dated last month
                content_chars += [
                    (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
                    for c in head.children
                    if c.dep_ in _OWN_CLAUSE_DEPS
                ]
                # (nor is one in a relative clause of the first verb's subject: "Serbia, which does not recognise
                # Kosovo's 2008 declaration, rejected X and said ...")
                first_rel = _subject_relative_clauses(head.head) if before else []
                for t in near:
                    in_clause = _within(t, (lo, hi)) and not any(s <= t.start < e for s, e in content_chars)
                    in_before = _within(t, before) and not any(s <= t.start < e for s, e in first_rel)
                    in_clause = in_clause or in_before
                    if in_clause:
                        return t.value
            shared = _shared_time(analysis, head)
            if shared is not None:
                return shared
        cur = cur.parent
    return None


def _subject_relative_clauses(verb: Token) -> list[tuple[int, int]]:
    """The character spans of the relative clauses in ``verb``'s subject ("X, who will visit on Thursday, ...")."""
    return [
        (min(w.idx for w in t.subtree), max(w.idx + len(w.text) for w in t.subtree))
        for subj in verb.children
        if subj.dep_ in {"nsubj", "nsubjpass"}
        for t in subj.subtree
        if t.dep_ in {"relcl", "acl"}
    ]


def _shared_time(analysis: Analysis, head: Token) -> str | None:
    """The time of the verb a cue without a subject of its own is joined to: "spoke with X on Saturday and
    said ...", "declared himself leader on Friday, saying ..." (a time that verb governs, not one inside its
    clauses)."""
    if head.dep_ not in {"conj", "advcl"} or head.head.i >= head.i or head.head.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children):
        return None
    if head.dep_ == "advcl" and (head.tag_ != "VBG" or any(c.dep_ == "mark" for c in head.children)):
        return None  # only a participle of the same act ("..., saying"), not "after/while ..." clauses
    verbs = [head.head.i]
    top = head.head
    while top.dep_ == "conj" and top.head.i < top.i and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in top.children):
        top = top.head  # "appeared on television on Friday and declared ..., saying ..."
        verbs.append(top.i)
    te = time_for_clause(analysis, verbs)
    return te.value if te is not None and te.value and _DAY_MONTH_YEAR.fullmatch(te.value) else None


__all__ = ["QuoteStage", "SpeechLexicon", "extract_quotes", "find_quotations", "load_lexicon"]
