"""The built-in event trigger lexicon (``data/lexicons/events.yaml``) compiled for lookup by lemma.

Each :class:`TriggerPattern` says which CAMEO code a verb or noun lemma codes, under which constraints
(particle, direct object, modifier) and through which prepositions its target may come.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from corridor.resources import packaged_yaml, read_yaml

DEFAULT_VERB_PREPS = ("with", "to", "against", "at", "on", "for")
DEFAULT_NOUN_PREPS = ("with", "to", "against", "on", "between", "for", "of")


@dataclass(frozen=True)
class TriggerPattern:
    id: str
    code: str
    pos: str  # verb or noun
    lemmas: frozenset[str]
    particle: str | None = None
    objects: frozenset[str] | None = None  # None: no constraint; empty: needs an actor object
    owned_object: bool = False  # the object may also be a thing an actor owns ("X's policy")
    modifiers: frozenset[str] | None = None
    preps: tuple[str, ...] = ()
    target: str = "required"  # required, optional, none
    mode: str | None = None
    needs_prep: bool = False  # only when one of ``preps`` is present ("agree with")
    subjects: frozenset[str] | None = None  # the subject (or a modifier of it) must be one of these lemmas
    under_prep: frozenset[str] | None = None  # nouns: only as the object of one of these ("on strike")
    governed_by: frozenset[str] | None = None  # nouns: only as the object of one of these verbs ("made a call")
    instrument: frozenset[str] | None = None  # verbs: a "with" phrase must name one of these ("hit X with tariffs")
    # verbs: a prepositional phrase of the verb or of its object must name one of these ("accused X of
    # corruption", "appealed against the ruling", "took control of the company")
    complement: frozenset[str] | None = None

    @property
    def specificity(self) -> int:
        s = 0
        if self.particle:
            s += 2
        if self.objects:
            s += 2
        elif self.objects is not None:
            s += 1
        if self.modifiers:
            s += 2
        if self.subjects:
            s += 2
        if self.under_prep:
            s += 1
        if self.governed_by:
            s += 1
        if self.instrument:
            s += 2
        if self.complement:
            s += 2
        return s


def _word_list() -> Any:
    """A field holding one of the coder's word lists (a section of ``events.yaml`` of the same name)."""
    return field(default=frozenset(), metadata={"word_list": True})


@dataclass(frozen=True)
class EventLexicon:
    patterns: tuple[TriggerPattern, ...]
    by_lemma: dict[tuple[str, str], tuple[TriggerPattern, ...]]
    intent_codes: dict[str, str]
    intent_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    modal_intent: frozenset[str]
    modal_hypothetical: frozenset[str]
    modal_obligation: frozenset[str]
    speech_verbs: frozenset[str]
    request_verbs: frozenset[str]
    refusal_codes: dict[str, str]
    reported_obligation: dict[str, str]
    refusal_verbs: frozenset[str]
    light_verbs: frozenset[str]
    refusal_when_negated: frozenset[str] = frozenset()
    natural_causes: frozenset[str] = frozenset()
    # the coder's word lists (``stages/events.py``), one section of ``events.yaml`` each
    demand_verbs: frozenset[str] = _word_list()
    negating_nouns: frozenset[str] = _word_list()
    speech_nouns: frozenset[str] = _word_list()
    act_nouns: frozenset[str] = _word_list()
    done_with_object: frozenset[str] = _word_list()
    speaker_acts: frozenset[str] = _word_list()
    demand_nouns: frozenset[str] = _word_list()
    statement_verbs: frozenset[str] = _word_list()
    frame_preps: frozenset[str] = _word_list()
    time_frame_preps: frozenset[str] = _word_list()
    negating_controllers: frozenset[str] = _word_list()
    denial_verbs: frozenset[str] = _word_list()
    object_control: frozenset[str] = _word_list()
    stative_passives: frozenset[str] = _word_list()
    undergone_passives: frozenset[str] = _word_list()
    accident_verbs: frozenset[str] = _word_list()
    violence_words: frozenset[str] = _word_list()
    happening_verbs: frozenset[str] = _word_list()
    occasion_verbs: frozenset[str] = _word_list()
    perpetrate_verbs: frozenset[str] = _word_list()
    partitives: frozenset[str] = _word_list()
    motion_verbs: frozenset[str] = _word_list()
    state_verbs: frozenset[str] = _word_list()
    state_preps: frozenset[str] = _word_list()
    frame_nouns: frozenset[str] = _word_list()
    compound_frames: frozenset[str] = _word_list()  # with frame_nouns added on loading
    custody_nouns: frozenset[str] = _word_list()
    intent_nouns: frozenset[str] = _word_list()
    loose_particles: frozenset[str] = _word_list()
    locative_nouns: frozenset[str] = _word_list()
    locative_preps: frozenset[str] = _word_list()
    quantifiers: frozenset[str] = _word_list()
    announce_verbs: frozenset[str] = _word_list()
    naming_verbs: frozenset[str] = _word_list()
    reciprocal_roots: frozenset[str] = _word_list()
    symmetric_patterns: frozenset[str] = _word_list()
    mutual_words: frozenset[str] = _word_list()
    domestic_roots: frozenset[str] = _word_list()
    homecoming_patterns: frozenset[str] = _word_list()
    received_patterns: frozenset[str] = _word_list()
    topic_object_verbs: frozenset[str] = _word_list()
    sent_away_verbs: frozenset[str] = _word_list()
    combat_nouns: frozenset[str] = _word_list()
    expressed_nouns: frozenset[str] = _word_list()
    promise_verbs: frozenset[str] = _word_list()
    command_patterns: frozenset[str] = _word_list()
    blame_predicates: frozenset[str] = _word_list()
    blaming_verbs: frozenset[str] = _word_list()
    own_force_codes: frozenset[str] = _word_list()
    verbal_force_verbs: frozenset[str] = _word_list()
    contest_force_verbs: frozenset[str] = _word_list()
    topic_preps: frozenset[str] = _word_list()
    measure_verbs: frozenset[str] = _word_list()
    warning_verbs: frozenset[str] = _word_list()
    headline_passive_verbs: frozenset[str] = _word_list()
    work_stoppage_words: frozenset[str] = _word_list()
    riot_verbs: frozenset[str] = _word_list()
    question_verbs: frozenset[str] = _word_list()
    sourceless_roots: frozenset[str] = _word_list()
    permission_verbs: frozenset[str] = _word_list()
    prospective_adjectives: frozenset[str] = _word_list()
    possible_adjectives: frozenset[str] = _word_list()
    visit_words: frozenset[str] = _word_list()
    gathering_nouns: frozenset[str] = _word_list()
    sequence_preps: frozenset[str] = _word_list()
    topic_place_roots: frozenset[str] = _word_list()
    topic_place_preps: frozenset[str] = _word_list()
    aftermath_nouns: frozenset[str] = _word_list()
    praise_names: frozenset[str] = _word_list()

    @cached_property
    def naming(self) -> TriggerPattern:
        """Calling someone or something a name ("branded the move dangerous"): a criticism (111)."""
        return TriggerPattern(id="call-names", code="111", pos="verb", lemmas=self.naming_verbs)

    @cached_property
    def praising(self) -> TriggerPattern:
        """Calling someone or something a good name ("called the meeting very good"): praise (051)."""
        return TriggerPattern(id="call-praise", code="051", pos="verb", lemmas=self.naming_verbs)

    def candidates(self, pos: str, lemma: str) -> tuple[TriggerPattern, ...]:
        return self.by_lemma.get((pos, lemma), ())

    def refusal_code(self, code: str) -> str | None:
        """CAMEO's reject code for a refused cooperative act, or None when refusing it is not a rejection."""
        for key in (code, code[:3], code[:2]):
            if key in self.refusal_codes:
                return self.refusal_codes[key]
        return None

    def intent_code(self, code: str) -> str:
        """CAMEO's 'express intent' code for an event stated only as intended (03x for cooperation)."""
        for key in (code, code[:3], code[:2]):
            if key in self.intent_codes:
                return self.intent_codes[key]
        return code


def _word(v: Any) -> str:
    """A lexicon word; YAML 1.1 reads bare on/off/yes/no as booleans, so map those back."""
    if v is True:
        return "on"
    if v is False:
        return "off"
    return str(v).lower()


def _fs(values: Any) -> frozenset[str]:
    return frozenset(_word(v) for v in values or [])


def _pattern(raw: dict[str, Any]) -> TriggerPattern:
    lemmas = [_word(x) for x in raw["lemma"]]
    pos = str(raw.get("pos", "verb"))
    preps = raw.get("prep")
    if preps is None:
        preps = DEFAULT_VERB_PREPS if pos == "verb" else DEFAULT_NOUN_PREPS
    objects = raw.get("object")
    owned = objects == "owned"
    if owned:
        objects = []
    modifiers = raw.get("modifier")
    return TriggerPattern(
        id=str(raw.get("id") or f"{raw['code']}-{lemmas[0]}"),
        code=str(raw["code"]),
        pos=pos,
        lemmas=frozenset(lemmas),
        particle=_word(raw["particle"]) if raw.get("particle") is not None else None,
        objects=None if objects is None else _fs(objects),
        modifiers=None if modifiers is None else _fs(modifiers),
        preps=tuple(_word(p) for p in preps),
        target=str(raw.get("target", "required")),
        mode=raw.get("mode"),
        needs_prep=bool(raw.get("needs_prep", False)),
        owned_object=owned,
        subjects=None if raw.get("subject") is None else _fs(raw["subject"]),
        under_prep=None if raw.get("under_prep") is None else _fs(raw["under_prep"]),
        governed_by=None if raw.get("governed_by") is None else _fs(raw["governed_by"]),
        instrument=None if raw.get("instrument") is None else _fs(raw["instrument"]),
        complement=None if raw.get("complement") is None else _fs(raw["complement"]),
    )


#: The names of the coder's word lists: the fields of :class:`EventLexicon` declared with ``_word_list()``.
WORD_LISTS = tuple(f.name for f in fields(EventLexicon) if f.metadata.get("word_list"))


def compile_lexicon(data: dict[str, Any]) -> EventLexicon:
    """The lexicon from the content of an ``events.yaml``: trigger patterns, modality tables and the coder's
    word lists (``compound_frames`` holds ``frame_nouns`` too)."""

    patterns = tuple(_pattern(p) for p in data["patterns"])
    idx: dict[tuple[str, str], list[TriggerPattern]] = defaultdict(list)
    for p in patterns:
        for lemma in p.lemmas:
            idx[(p.pos, lemma)].append(p)
    return EventLexicon(
        patterns=patterns,
        by_lemma={k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in idx.items()},
        intent_codes={str(k): str(v) for k, v in data.get("intent_codes", {}).items()},
        intent_verbs=_fs(data.get("intent_verbs")),
        intent_adjectives=_fs(data.get("intent_adjectives")),
        modal_intent=_fs(data.get("modal_intent")),
        modal_hypothetical=_fs(data.get("modal_hypothetical")),
        modal_obligation=_fs(data.get("modal_obligation")),
        speech_verbs=_fs(data.get("speech_verbs")),
        request_verbs=_fs(data.get("request_verbs")),
        refusal_codes={str(k): str(v) for k, v in data.get("refusal_codes", {}).items()},
        refusal_verbs=_fs(data.get("refusal_verbs")),
        reported_obligation={_word(k): str(v) for k, v in data.get("reported_obligation", {}).items()},
        light_verbs=_fs(data.get("light_verbs")),
        refusal_when_negated=_fs(data.get("refusal_when_negated")),
        natural_causes=_fs(data.get("natural_causes")),
        **{name: _fs(data.get(name)) for name in WORD_LISTS if name != "compound_frames"},
        compound_frames=_fs(data.get("frame_nouns")) | _fs(data.get("compound_frames")),
    )


@lru_cache(maxsize=4)
def load_event_lexicon(path: str | None = None) -> EventLexicon:
    """The packaged ``events.yaml`` (or a YAML file of the same shape at ``path``), compiled."""
    if path is None:
        return compile_lexicon(packaged_yaml("lexicons/events.yaml"))
    return compile_lexicon(read_yaml(Path(path)))
