"""The ``petrarch`` pipeline stage: code articles with the user's PETRARCH 2 dictionaries.

Reads the dictionaries named in :class:`~corridor.pipeline.PipelineConfig` (``petrarch_verbs``, and
``petrarch_actors``, which may also list agent files: each file's kind is read from its content) and
these ``options``: ``petrarch_agents`` and ``petrarch_discards`` (a path or a list of paths),
``petrarch_require_dyad`` (default true), ``petrarch_new_actor_length`` (default 0) and
``petrarch_pattern_scope`` (``auto``, ``clause`` or ``sentence``). For each article it appends to
``analysis.events`` one :class:`~corridor.model.Event` per coded event (``coded_by="dictionary"``, with the
PLOVER category, Goldstein value and quad class of the CAMEO code) and to ``analysis.actors`` one
:class:`~corridor.model.Actor` per coded noun phrase (``resolved_by="dictionary"``). The stage is inactive
(adds nothing) when neither ``petrarch_verbs`` nor ``petrarch_actors`` is set.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from spacy.tokens import Doc

from corridor.model import Actor, Event, Span
from corridor.ontology import get_ontology
from corridor.petrarch.coder import CoderOptions, PetrarchCoder, PetrarchEvent
from corridor.petrarch.dictionaries import (
    ActorDictionary,
    AgentDictionary,
    DiscardList,
    VerbDictionary,
    detect_kind,
    load_actors,
    load_agents,
    load_discards,
    load_verbs,
)
from corridor.pipeline import Analysis, PipelineConfig, register_stage

NON_COUNTRY_PREFIXES = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UAF", "REB", "INT", "---"})


def _paths(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str | Path):
        return [str(value)]
    return [str(v) for v in value]


def _kind(path: str) -> str:
    with open(path, encoding="utf-8", errors="replace") as fh:
        head = fh.read(400_000)
    return detect_kind(head)


def _flag(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "0", "no", "off")
    return bool(value)


def build_coder(
    actors: Sequence[str],
    verbs: str | None,
    agents: Sequence[str] = (),
    discards: Sequence[str] = (),
    options: CoderOptions | None = None,
) -> PetrarchCoder:
    """A coder from dictionary paths; agent files given among ``actors`` are recognized by their content."""
    actor_files: list[str] = []
    agent_files = list(agents)
    for p in actors:
        (agent_files if _kind(p) == "agents" else actor_files).append(p)
    return PetrarchCoder.from_dictionaries(
        load_actors(actor_files) if actor_files else ActorDictionary(),
        load_agents(agent_files) if agent_files else AgentDictionary(),
        load_verbs(verbs) if verbs else VerbDictionary(),
        load_discards(list(discards)) if discards else DiscardList(),
        options,
    )


@register_stage("petrarch")
class PetrarchStage:
    """Codes events and actors with PETRARCH-format dictionaries (see the module docstring)."""

    name: ClassVar[str] = "petrarch"

    def __init__(self, config: PipelineConfig) -> None:
        self.coder: PetrarchCoder | None = None
        if not (config.petrarch_verbs or config.petrarch_actors):
            return
        opts = config.options
        try:
            new_len = int(opts.get("petrarch_new_actor_length", 0) or 0)
        except (TypeError, ValueError):
            new_len = 0
        coder_options = CoderOptions(
            require_dyad=_flag(opts.get("petrarch_require_dyad"), True),
            new_actor_length=new_len,
            pattern_scope=str(opts.get("petrarch_pattern_scope", "auto")),
        )
        self.coder = build_coder(
            _paths(config.petrarch_actors),
            config.petrarch_verbs,
            _paths(opts.get("petrarch_agents")),
            _paths(opts.get("petrarch_discards")),
            coder_options,
        )
        self.onto = get_ontology()

    def __call__(self, analysis: Analysis) -> None:
        if self.coder is None:
            return
        doc = analysis.doc
        date = _date(analysis.article.date)
        sents = list(doc.sents)
        for mention in self.coder.actor_mentions(doc, date):
            for code in mention.codes:
                analysis.actors.append(self._actor(doc, mention.start, mention.end, code))
        for ev in self.coder.code_doc(doc, date):
            analysis.events.append(self._event(analysis, ev, sents[ev.sentence_index]))

    # -- records

    def _actor(self, doc: Doc, start: int, end: int, code: str) -> Actor:
        span = doc[start:end]
        prefix = code[:3]
        country = prefix if len(prefix) == 3 and prefix.isalpha() and prefix not in NON_COUNTRY_PREFIXES else None
        agent = code[3:6] if len(code) >= 6 else None
        return Actor(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            code=code,
            country=country,
            agent=agent,
            name=span.text,
            resolved_by="dictionary",
            confidence=0.8,
        )

    def _event(self, analysis: Analysis, ev: PetrarchEvent, sent: Any) -> Event:
        doc = analysis.doc
        tok = doc[ev.trigger_token_index]
        trigger = Span(tok.text, tok.idx, tok.idx + len(tok.text))
        source = self._participant(doc, ev.source_tokens, ev.source_code)
        target = self._participant(doc, ev.target_tokens, ev.target_code) if ev.target_code != "---" else None
        code = ev.event_code
        plover, mode, goldstein, quad = self._codebook(code)
        key = f"{analysis.article.doc_id}|{trigger.start}|{ev.source_code}|{ev.target_code}|{code}"
        evidence = Span(sent.text.strip(), sent.start_char, sent.start_char + len(sent.text.rstrip()))
        return Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            trigger=trigger,
            sentence=ev.sentence_index,
            cameo=code,
            cameo_root=code[:2],
            source=source,
            target=target,
            plover=plover,
            plover_mode=mode,
            goldstein=goldstein,
            quad_class=quad,
            modality="negated" if ev.negated else "asserted",
            negated=ev.negated,
            date=analysis.article.date,
            date_precision="day" if analysis.article.date else None,
            date_source="article" if analysis.article.date else "none",
            confidence=0.7,
            coded_by="dictionary",
            pattern=ev.pattern,
            evidence=evidence,
        )

    def _participant(self, doc: Doc, span: tuple[int, int] | None, code: str) -> Actor:
        if span is None:
            return Actor(text="", start=0, end=0, code=code, resolved_by="dictionary", confidence=0.5)
        return self._actor(doc, span[0], span[1], code)

    def _codebook(self, code: str) -> tuple[str | None, str | None, float | None, int | None]:
        """PLOVER category and mode, Goldstein value and quad class of a code (its nearest listed ancestor)."""
        digits = "".join(ch for ch in code if ch.isdigit())
        try:
            entry = self.onto.nearest(digits)
        except KeyError:
            return None, None, None, None
        plover, mode = self.onto.plover_for(entry.code)
        try:
            quad: int | None = self.onto.quad_class(entry.code)
        except KeyError:
            quad = None
        return plover, mode, entry.goldstein, quad


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
