"""Feature extraction for the relation classifier: marked sentences in, sparse feature strings out.

Reads a sentence with a source span and a target span (character offsets, the span text, or the
``<s>..</s>`` / ``<t>..</t>`` marked form) and writes, per item, a list of feature strings: words of the
sentence with the two spans replaced by placeholders, the words between and around the spans, the
words of each span, and, from a spaCy dependency parse, the verbs on the path between the spans,
their negation and complements, and each span's syntactic role. The strings are mapped to columns by
the vocabulary stored with the model weights.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

__all__ = [
    "FEATURE_VERSION",
    "Item",
    "MarkupError",
    "SentenceParser",
    "coarse_pos",
    "extract",
    "extract_many",
    "make_item",
    "parse_marked",
    "resolve_span",
]

FEATURE_VERSION = 2

SpanSpec = tuple[int, int] | Sequence[int] | str

_MARK_RE = re.compile(r"</?[st]>", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+")
_NEGATORS = frozenset({"not", "n't", "never", "no", "without", "nor", "neither"})
_VERB_POS = frozenset({"VERB", "AUX"})
# Penn Treebank tag prefix -> universal POS, so that the pipeline's attribute ruler is not needed.
_TAG_POS = (
    ("VB", "VERB"),
    ("MD", "AUX"),
    ("NNP", "PROPN"),
    ("NN", "NOUN"),
    ("JJ", "ADJ"),
    ("IN", "ADP"),
    ("RP", "PART"),
    ("TO", "PART"),
    ("RB", "ADV"),
    ("PRP", "PRON"),
    ("CD", "NUM"),
    ("DT", "DET"),
)
# Morphology the rule lemmatizer reads to recognise base forms (as the pipeline's tag map sets it).
_TAG_MORPH = {
    "NN": "Number=Sing",
    "NNP": "Number=Sing",
    "JJ": "Degree=Pos",
    "VB": "VerbForm=Inf",
    "VBP": "Tense=Pres|VerbForm=Fin",
}
# spaCy components the classifier does not need: skipping them roughly doubles parsing speed.
_SKIP_PIPES = ("ner", "attribute_ruler", "lemmatizer")

LemmaFn = Callable[[Token], str]
_PATH_POS = frozenset({"VERB", "NOUN", "ADJ", "ADP", "PART", "AUX", "PROPN"})
_WINDOW = 4


class MarkupError(ValueError):
    """A sentence, span or marked sentence that cannot be turned into a classifier item."""


@dataclass(frozen=True, slots=True)
class Item:
    """One sentence with two character spans: who acts (source) and on whom (target)."""

    sentence: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None


def parse_marked(marked: str) -> Item:
    """Read the ``<s>source</s> ... <t>target</t>`` form into a plain sentence and two spans.

    A span marked more than once (the same actor named twice) is read at its first mark. One of the two
    spans may be missing (an event with no stated source or target); at least one must be there.
    """
    out: list[str] = []
    pos = 0
    length = 0
    opened: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    for m in _MARK_RE.finditer(marked):
        chunk = marked[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        tag = m.group(0).lower()
        kind = tag.strip("</>")
        if tag.startswith("</"):
            if kind not in opened:
                raise MarkupError(f"closing {tag} without an opening <{kind}>")
            start = opened.pop(kind)
            if kind not in spans:
                spans[kind] = (start, length)
        else:
            if kind in opened:
                raise MarkupError(f"nested <{kind}> spans")
            opened[kind] = length
    out.append(marked[pos:])
    if opened:
        raise MarkupError(f"unclosed <{next(iter(opened))}> span")
    if not spans:
        raise MarkupError("no <s>..</s> source or <t>..</t> target span")
    sentence = "".join(out)
    if not sentence.strip():
        raise MarkupError("empty sentence")
    checked = {k: resolve_span(sentence, v) for k, v in spans.items()}
    return Item(sentence, checked.get("s"), checked.get("t"))


def resolve_span(sentence: str, spec: SpanSpec, avoid: tuple[int, int] | None = None) -> tuple[int, int]:
    """Character span of ``spec`` in ``sentence``: a ``(start, end)`` pair or the span's text.

    A text is looked up exactly, then case-insensitively; where it occurs more than once, the first
    occurrence that does not overlap ``avoid`` (the other span) is taken.
    """
    if isinstance(spec, str):
        needle = spec.strip()
        if not needle:
            raise MarkupError("empty span text")
        for hay, ndl in ((sentence, needle), (sentence.lower(), needle.lower())):
            starts = [m.start() for m in re.finditer(re.escape(ndl), hay)]
            for st in starts:
                en = st + len(ndl)
                if avoid is None or en <= avoid[0] or st >= avoid[1]:
                    return (st, en)
            if starts:
                return (starts[0], starts[0] + len(ndl))
        raise MarkupError(f"span text {spec!r} not found in the sentence")
    if isinstance(spec, bool) or not isinstance(spec, Sequence) or len(spec) != 2:
        raise MarkupError(f"a span is a [start, end] pair or a text, not {spec!r}")
    start_v, end_v = spec[0], spec[1]
    if (
        not (isinstance(start_v, int) and isinstance(end_v, int))
        or isinstance(start_v, bool)
        or isinstance(end_v, bool)
    ):
        raise MarkupError(f"span offsets must be integers, not {spec!r}")
    start, end = int(start_v), int(end_v)
    if not 0 <= start < end <= len(sentence):
        raise MarkupError(f"span {[start, end]} is outside the sentence (length {len(sentence)})")
    if not sentence[start:end].strip():
        raise MarkupError(f"span {[start, end]} covers only white space")
    return (start, end)


def make_item(sentence: str, source: SpanSpec, target: SpanSpec) -> Item:
    """Build an :class:`Item`, resolving text spans and checking offsets."""
    if not isinstance(sentence, str) or not sentence.strip():
        raise MarkupError("empty sentence")
    src = resolve_span(sentence, source)
    tgt = resolve_span(sentence, target, avoid=src)
    return Item(sentence, src, tgt)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text)]


def _bigrams(prefix: str, words: Sequence[str]) -> list[str]:
    return [f"{prefix}{a}_{b}" for a, b in itertools.pairwise(words)]


def _placeholder_seq(item: Item) -> tuple[list[str], int | None, int | None]:
    """Lower-cased words with each span collapsed into one ``SRC`` / ``TGT`` token, and their positions."""
    seq: list[str] = []
    spos: int | None = None
    tpos: int | None = None
    for m in _WORD_RE.finditer(item.sentence):
        st, en = m.span()
        in_s = item.source is not None and st < item.source[1] and en > item.source[0]
        in_t = item.target is not None and st < item.target[1] and en > item.target[0]
        if in_s:
            if spos is None:
                spos = len(seq)
                seq.append("SRC")
        elif in_t:
            if tpos is None:
                tpos = len(seq)
                seq.append("TGT")
        else:
            seq.append(m.group(0).lower())
    return seq, spos, tpos


def _span_words(item: Item, span: tuple[int, int] | None) -> list[str]:
    return [] if span is None else _words(item.sentence[span[0] : span[1]])


def _surface_features(item: Item) -> list[str]:
    seq, spos, tpos = _placeholder_seq(item)
    feats: list[str] = ["bias"]
    feats += [f"w={w}" for w in seq]
    feats += _bigrams("w2=", seq)
    if spos is None or tpos is None:
        feats.append("nosrc" if spos is None else "notgt")
    else:
        lo, hi = min(spos, tpos), max(spos, tpos)
        feats.append(f"order={'st' if spos < tpos else 'ts'}")
        between = seq[lo + 1 : hi]
        feats += [f"b={w}" for w in between]
        feats += _bigrams("b2=", seq[lo : hi + 1])
        n = len(between)
        bucket = "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"
        feats.append(f"blen={bucket}")
        if any(w in _NEGATORS or w.endswith("n't") for w in between):
            feats.append("bneg")
        feats += [f"pre={w}" for w in seq[max(0, lo - _WINDOW) : lo]]
        feats += [f"post={w}" for w in seq[hi + 1 : hi + 1 + _WINDOW]]
    # Words right around each span.
    for pos, tag in ((spos, "s"), (tpos, "t")):
        if pos is None:
            continue
        feats += [f"{tag}b={w}" for w in seq[max(0, pos - _WINDOW) : pos]]
        feats += [f"{tag}a={w}" for w in seq[pos + 1 : pos + 1 + _WINDOW]]
    feats += [f"sw={w}" for w in _span_words(item, item.source)]
    feats += [f"tw={w}" for w in _span_words(item, item.target)]
    return feats


def _char_span(doc: Doc, span: tuple[int, int] | None) -> Span | None:
    if span is None:
        return None
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    return sp


def _ancestors_with_self(tok: Token) -> list[Token]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in tok.children)


def coarse_pos(tok: Token) -> str:
    """Universal POS from the fine-grained tag (the tagger's output), independent of the attribute ruler."""
    tag = tok.tag_
    for prefix, pos in _TAG_POS:
        if tag.startswith(prefix):
            return pos
    return "X"


def plain_lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.lower_).lower()


class SentenceParser:
    """Parses sentences with a spaCy pipeline's tokenizer, tagger and parser, and lemmatizes with a cache.

    The named-entity recognizer, attribute ruler and lemmatizer are skipped; lemmas come from the
    pipeline's rule lemmatizer applied to (word, POS from the tag), cached, so the same word always gets
    the same lemma whatever produced the parse.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.disable = [p for p in _SKIP_PIPES if p in nlp.pipe_names]
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self._rule = getattr(lemmatizer, "rule_lemmatize", None) if lemmatizer is not None else None
        self._cache: dict[tuple[str, str], str] = {}

    def parse(self, sentences: Sequence[str], batch_size: int = 256) -> list[Doc]:
        return list(self.nlp.pipe(sentences, batch_size=batch_size, disable=self.disable))

    def lemma(self, tok: Token) -> str:
        pos = coarse_pos(tok)
        key = (tok.lower_, tok.tag_)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        lem = tok.lower_
        if self._rule is not None and pos in ("VERB", "AUX", "NOUN", "ADJ"):
            scratch = Doc(self.nlp.vocab, words=[tok.lower_], pos=[pos], morphs=[_TAG_MORPH.get(tok.tag_, "")])
            try:
                forms = self._rule(scratch[0])
                lem = str(forms[0]).lower() if forms else lem
            except (KeyError, ValueError):  # tables missing in a custom pipeline
                lem = tok.lower_
        if len(self._cache) < 500_000:
            self._cache[key] = lem
        return lem


def _role(root: Token, lem: LemmaFn) -> list[str]:
    """The span root's dependency label, its head lemma and, for a prepositional object, the preposition."""
    feats = [f"dep={root.dep_}"]
    head = root.head
    if root.dep_ == "pobj" and head.i != root.i:
        feats.append(f"prep={head.lower_}")
        feats.append(f"prephead={lem(head.head)}_{head.lower_}")
        head = head.head
    if head.i != root.i:
        feats.append(f"head={lem(head)}")
        feats.append(f"headdep={lem(head)}_{root.dep_}")
    return feats


def _syntax_features(doc: Doc, item: Item, lem: LemmaFn) -> list[str]:
    src = _char_span(doc, item.source)
    tgt = _char_span(doc, item.target)
    feats: list[str] = []
    if src is not None:
        feats += ["s" + f for f in _role(src.root, lem)]
    if tgt is not None:
        feats += ["t" + f for f in _role(tgt.root, lem)]
    in_spans = {t.i for sp in (src, tgt) if sp is not None for t in sp}
    # The clause verbs of the whole sentence, a weaker signal than the path.
    for tok in doc:
        if coarse_pos(tok) == "VERB" and tok.i not in in_spans:
            feats.append(f"v={lem(tok)}")
    if src is None or tgt is None:
        return feats
    sroot, troot = src.root, tgt.root
    s_anc = _ancestors_with_self(sroot)
    t_anc = _ancestors_with_self(troot)
    t_ids = {t.i for t in t_anc}
    lca = next((t for t in s_anc if t.i in t_ids), None)
    if lca is None:
        return [*feats, "nolca"]
    up = [t for t in s_anc if t.i != lca.i and t.i not in in_spans][:6]
    down = [t for t in t_anc if t.i != lca.i and t.i not in in_spans][:6]
    path = [*up, lca, *down] if lca.i not in in_spans else [*up, *down]
    lemmas: list[str] = []
    for tok in path:
        if coarse_pos(tok) not in _PATH_POS:
            continue
        word = lem(tok)
        lemmas.append(word)
        feats.append(f"p={word}")
        if coarse_pos(tok) in _VERB_POS:
            feats.append(f"pv={word}")
            if _is_negated(tok):
                feats.append("pneg")
                feats.append(f"pnegv={word}")
    if lca.i not in in_spans:
        word = lem(lca)
        feats.append(f"lca={word}")
        feats.append(f"lcapos={coarse_pos(lca)}")
        if _is_negated(lca):
            feats.append(f"lcaneg={word}")
        # Complements of the governing verb: "agreed to send", "refused to release".
        for child in lca.children:
            if child.dep_ in ("xcomp", "ccomp", "dobj", "attr", "acomp") and child.i not in in_spans:
                feats.append(f"lcac={word}_{lem(child)}")
                feats.append(f"comp={lem(child)}")
                for gc in child.children:
                    if gc.dep_ in ("xcomp", "dobj") and gc.i not in in_spans:
                        feats.append(f"comp2={lem(gc)}")
    dep_path = "^".join(t.dep_ for t in [sroot, *up]) + "|" + "v".join(t.dep_ for t in [troot, *down])
    feats.append(f"dpath={dep_path}")
    feats += _bigrams("p2=", lemmas)
    return feats


def extract(item: Item, doc: Doc | None, lemma: LemmaFn | None = None) -> list[str]:
    """Feature strings for one item; ``doc`` is a spaCy parse of ``item.sentence`` (or None).

    ``lemma`` maps a token to its lemma (default :func:`plain_lemma`); training and prediction must use
    the same function, which :class:`SentenceParser` provides.
    """
    feats = _surface_features(item)
    if doc is not None:
        feats += _syntax_features(doc, item, lemma or plain_lemma)
    return feats


def extract_many(items: Sequence[Item], parser: SentenceParser | None) -> list[list[str]]:
    """Feature strings for many items, parsing their sentences with ``parser``."""
    if parser is None:
        return [extract(it, None) for it in items]
    docs = parser.parse([it.sentence for it in items])
    return [extract(it, doc, parser.lemma) for it, doc in zip(items, docs, strict=True)]
