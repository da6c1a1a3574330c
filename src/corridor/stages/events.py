"""Event stage: who did what to whom, coded in CAMEO and PLOVER.

Reads the dependency parse, ``analysis.notes["actor_by_token"]`` (actor stage), ``analysis.quotes`` (for
reported speech and the dates of words reported), ``analysis.times`` and ``analysis.places``; writes
``analysis.events``.

For each verb or noun whose lemma is in the trigger lexicon (:mod:`corridor.event_lexicon`), the most
specific matching pattern gives the CAMEO code. The source comes from the clause subject (climbing control
verbs, conjoined verbs and relative clauses; the "by" agent in the passive; the possessor or the governing
verb's subject for nominal triggers), the target from the direct object, the pattern's prepositions or a
possessor of a non-actor object ("supports China's stance"). When the subject is no coded actor (a thing,
an uncoded group: "a roadside bomb killed two soldiers") and the target is found, the event is kept with an
unknown source, unless a natural cause or an accident did it. Conjoined arguments give one event per pair;
group actors ("the two sides") give one event per member pair. Modality (negated, intent, hypothetical) comes
from negation, modals and control verbs; intended cooperation maps to CAMEO's 03x codes. A clause under a
speech verb, or inside a quotation, is coded with ``reported_by``. A speech act whose content holds no other
event is coded as a statement (010).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cached_property, lru_cache
from typing import Any, ClassVar

from spacy.attrs import POS
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from corridor.datelines import dateline_ranges
from corridor.doc_text import doc_text
from corridor.event_lexicon import EventLexicon, TriggerPattern, load_event_lexicon
from corridor.model import Actor, Event, Place, Span, TimeExpr
from corridor.ontology import get_ontology
from corridor.pipeline import Analysis, PipelineConfig, register_stage
from corridor.syntax import first_child

SUBJ_DEPS = {"nsubj", "csubj"}
NO_EVENT = "none"  # the code of a lexicon pattern that says its trigger is no event
PASSIVE_SUBJ_DEPS = {"nsubjpass", "csubjpass"}
OBJ_DEPS = {"dobj", "obj"}
CLIMB_DEPS = {"xcomp", "conj", "advcl"}
CLAUSE_OF_NOUN = {"acl", "ccomp", "advcl", "xcomp"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
STATE_AGENTS = {None, "GOV", "MIL"}  # a country, its government, its forces: one side in a dyad
FORCE_ROOTS = {"17", "18", "19", "20"}  # coerce, assault, fight, mass violence


def _passive_form(verb: Token) -> bool:
    """Whether a verb without a subject of its own is passive: with a passive auxiliary ("was turned down"),
    or a past participle with a "by" agent ("forced out by the party")."""
    children = list(verb.children)
    return any(c.dep_ == "auxpass" for c in children) or (
        verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in children) and any(c.dep_ == "agent" for c in children)
    )


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _active_form(verb: Token) -> bool:
    """Whether a verb without a subject of its own is active: a finite form, or a direct object of its own
    ("was not involved and warned Iran"; not "was arrested and charged with murder")."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ == "dobj" for c in verb.children)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


@lru_cache(maxsize=50_000)
def _forms(lemma: str, low: str, is_verb: bool) -> tuple[str, ...]:
    forms = [lemma]
    if is_verb:
        for suf, rep in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", "e"), ("es", ""), ("s", ""),
                         ("ing", "e"), ("ing", "")):  # fmt: skip
            if low.endswith(suf) and len(low) > len(suf) + 2:
                forms.append(low[: -len(suf)] + rep)
    forms.append(low)
    return tuple(dict.fromkeys(forms))


# the parts of speech of trigger words, by spaCy's symbol, as the lexicon names them
TRIGGER_POS = {VERB: "verb", AUX: "verb", NOUN: "noun", PROPN: "noun"}


def _lemma_forms(tok: Token) -> tuple[str, ...]:
    """The lemma, then forms that undo common lemmatizer slips ("staged" -> "stag" instead of "stage")."""
    return _forms(tok.lemma_.lower(), tok.lower_, tok.pos_ in {"VERB", "AUX"})


HAPPENING_VERBS = frozenset({"take", "happen", "occur", "erupt", "break", "unfold"})


def _happening_of(tok: Token) -> list[Token]:
    """The verbs of relative clauses that tell when the thing a trigger happened in or during happened ("in the
    brawl, which took place on Wednesday")."""
    out = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during", "at", "amid"}:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj":
                out += [c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in HAPPENING_VERBS]
    return out


def _partitive_whole(tok: Token, lex: EventLexicon) -> Token:
    """The partitive noun ``tok`` is read through ("a barrage | of missiles"), or ``tok`` itself."""
    for _ in range(3):
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
            break
        whole = prep.head
        if not _partitive(whole, lex):
            break
        tok = whole
    return tok


def _partitive(tok: Token, lex: EventLexicon) -> bool:
    """A word that counts or measures what its "of" phrase names ("part", "tons", "a barrage", "thousands")."""
    return _lemma(tok) in lex.partitives or tok.pos_ == "NUM"


def _through_partitive(tok: Token, lex: EventLexicon) -> Token:
    """ "part of a programme", "tons of aid", "thousands of refugees": the noun after "of"."""
    for _ in range(3):
        if not _partitive(tok, lex):
            break
        pobj = next(
            (
                pc
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for pc in c.children
                if pc.dep_ == "pobj"
            ),
            None,
        )
        if pobj is None:
            break
        tok = pobj
    return tok


def _hyphenated(noun: Token) -> str | None:
    """The word a hyphen joins the noun into, with the noun's lemma ("sit-in", "sit-ins" -> "sit-in"), or None."""
    doc, start = noun.doc, noun.i
    while (
        start >= 2
        and doc[start - 1].tag_ == "HYPH"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].head.i == noun.i
    ):
        start -= 2
    if start == noun.i:
        return None
    return doc[start : noun.i].text.lower() + _lemma(noun)


def _names(noun: Token, lemmas: frozenset[str], lex: EventLexicon) -> bool:
    """The noun is one of ``lemmas`` (also as the last part of a hyphenated word the parser splits: "a sit-in"),
    or a frame noun that a compound names ("the ceasefire agreement", "mediation efforts"); not any compound ("war
    games" are no war)."""
    if _lemma(noun) in lemmas or _hyphenated(noun) in lemmas:
        return True
    if noun.pos_ == "PROPN" and any(c.dep_ == "compound" and _lemma(c) in lemmas for c in noun.children):
        return True  # "summoned U.S. ambassador Nicholas Burns": a name under its title
    return _lemma(noun) in lex.compound_frames and any(
        c.dep_ == "compound" and _lemma(c) in lemmas for c in noun.children
    )


def _temporal(prep: Token) -> bool:
    """ "on Friday", "in March": a preposition that only dates the event introduces no target."""
    pobj = first_child(prep, "pobj")
    return pobj is not None and pobj.ent_type_ in {"DATE", "TIME"}


def _each_other(tok: Token) -> bool:
    """ "each other", "one another", parsed with "other"/"another" as the head."""
    return tok.lower_ in {"other", "another"} and any(d.lower_ in {"each", "one"} for d in tok.children)


def _with_conj(tok: Token) -> list[Token]:
    """The token and the tokens conjoined to it ("China and Pakistan" -> both)."""
    out = [tok]
    for c in tok.conjuncts:
        if c.i not in {t.i for t in out}:
            out.append(c)
    return out


def _to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a "to" infinitive ("to hold", "to be lifted")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _when_clause(tok: Token) -> bool:
    """Whether ``tok`` heads an adverbial "when" clause ("when it joined the alliance")."""
    return tok.dep_ == "advcl" and any(c.lower_ == "when" and c.dep_ in {"advmod", "mark"} for c in tok.children)


def _when_partners(tok: Token) -> list[Token]:
    """The verbs that share ``tok``'s time through a "when" clause: the clause's head for a "when" clause,
    the "when" clauses of a main verb."""
    if _when_clause(tok) and tok.head.i != tok.i:
        return [tok.head]
    return [c for c in tok.children if _when_clause(c)]


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        fn: Callable[..., Any] | None = getattr(importlib.import_module(module), name, None)
        return fn
    except ImportError:
        return None


# Dates no finer than a month: an "after" clause shares one with the clause it hangs on (see _followed_by).
COARSE_PRECISIONS = frozenset({"month", "season", "quarter", "year", "decade"})
# The links inside a noun phrase through which a time dates its noun (see _noun_phrase_dated).
NOUN_PHRASE_DEPS = frozenset({"prep", "pobj", "compound", "amod", "nummod", "npadvmod", "poss"})


@register_stage("events")
class EventStage:
    name: ClassVar[str] = "events"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self.lex = load_event_lexicon(config.options.get("event_lexicon"))
        self.onto = get_ontology()
        self.keep_negated = bool(config.options.get("keep_negated", False))
        self.time_for_clause = _optional("corridor.stages.time", "time_for_clause")
        self.lead_day_of = _optional("corridor.stages.time", "lead_day_of")
        self.place_for_clause = _optional("corridor.stages.places", "place_for_clause")
        # whether a word may be a trigger, by (part of speech, lemma, lower-case form) ids (see _trigger_words)
        self.trigger_words: dict[tuple[str, int, int], bool] = {}

    def may_trigger(self, pos: str, lemma: str, low: str) -> bool:
        """Whether a word of ``pos`` may match a pattern: a naming verb, or a word with patterns for its lemma or
        a form of it (the tests :meth:`_SentenceCoder._best_pattern` makes before it reads the parse)."""
        return (pos == "verb" and lemma in self.lex.naming.lemmas) or any(
            self.lex.candidates(pos, f) for f in _forms(lemma, low, pos == "verb")
        )

    def __call__(self, analysis: Analysis) -> None:
        coder = _SentenceCoder(self, analysis)
        events: list[Event] = []
        seen: set[str] = set()
        for sent_i, sent in enumerate(analysis.doc.sents):
            for ev in coder.code_sentence(sent, sent_i):
                if ev.event_id not in seen:
                    seen.add(ev.event_id)
                    events.append(ev)
        _date_statements_by_lead(self, analysis, events)
        analysis.events.extend(events)


VERBAL_QUADS = {1, 3}  # verbal cooperation and verbal conflict (CAMEO 01-05, 09-13)


def _date_statements_by_lead(stage: EventStage, analysis: Analysis, events: list[Event]) -> None:
    """Statements reported in the simple past without a time of their own, by someone the lead names, were
    most likely made on the day it names ("Xi and Khan spoke by phone on Wednesday. ... Khan criticized ..."):
    an asserted verbal event (quad class 1 or 3) dated only by the publication date, whose trigger is a verb
    in the simple past and whose source the lead names, takes the lead's day
    (``corridor.stages.time.lead_day_of``), with ``date_source`` "lead". (Events in quotations take their
    quotation's date, which the quote stage gives the same way.)"""
    if stage.lead_day_of is None:
        return
    doc = analysis.doc
    for ev in events:
        if ev.date_source != "article" or ev.modality != "asserted" or ev.quad_class not in VERBAL_QUADS:
            continue
        span = doc.char_span(ev.trigger.start, ev.trigger.end)
        if span is None or len(span) != 1:
            continue
        lead = stage.lead_day_of(analysis, span[0], ev.source)
        if lead is None:
            continue
        ev.date, ev.date_precision, ev.date_source = lead, "day", "lead"


class _SentenceCoder:
    def __init__(self, stage: EventStage, analysis: Analysis) -> None:
        self.stage = stage
        self.lex = stage.lex
        self.a = analysis
        self.doc = analysis.doc
        self.by_token: dict[int, Actor] = analysis.notes.get("actor_by_token", {})
        # each word's pattern, once per article and lexicon: the classify stage asks again for every verb
        self.patterns: dict[int, TriggerPattern | None] = analysis.notes.setdefault("event_patterns", {}).setdefault(
            id(self.lex), {}
        )
        self.objects: dict[int, Token | None] = {}  # _object's answers, by token
        self.subjects: dict[int, tuple[Token | None, bool]] = {}  # _subject's, by verb
        # actors that exist only as a counted group acted on ("ten people were killed"), by identity
        self.counted = {
            id(self.by_token[m.head])
            for m in analysis.notes.get("actor_mentions", ())
            if getattr(m, "counted", False) and m.head in self.by_token
        }
        self.dateline: dict[int, int] = {  # dateline token -> first token after the dateline
            i: end for start, end in dateline_ranges(self.doc).items() for i in range(start, end)
        }
        # the article's tokens, made once per article (``doc[i]`` and a walk over a sentence make a new Token each
        # time; the actor stage leaves its list in the notes), and their parts of speech
        self.toks: list[Token] = analysis.notes.get("tokens") or analysis.notes.setdefault("tokens", list(self.doc))
        self.pos_ids: list[int] = self.doc.to_array(POS).tolist()

    @cached_property
    def triggers(self) -> list[int]:
        """The tokens that may match a pattern, in order; once per article and lexicon (the classify stage's
        coder asks for the patterns of the verbs that are none)."""
        by_lexicon = self.a.notes.setdefault("event_triggers", {})
        if id(self.lex) not in by_lexicon:
            by_lexicon[id(self.lex)] = self._trigger_words()
        triggers: list[int] = by_lexicon[id(self.lex)]
        return triggers

    @cached_property
    def trigger_set(self) -> frozenset[int]:
        """:attr:`triggers`, to look a token up in."""
        return frozenset(self.triggers)

    def _trigger_words(self) -> list[int]:
        """The verbs and nouns whose lemma, or a form of it, the lexicon has patterns for, and the naming verbs
        (see :meth:`EventStage.may_trigger`): every other word matches none."""
        strings = self.doc.vocab.strings
        known = self.stage.trigger_words
        out = []
        for i, pos_id in enumerate(self.pos_ids):
            pos = TRIGGER_POS.get(pos_id)
            if pos is None:
                continue
            tok = self.toks[i]
            key = (pos, tok.lemma, tok.lower)
            hit = known.get(key)
            if hit is None:
                hit = known[key] = self.stage.may_trigger(pos, strings[tok.lemma].lower(), strings[tok.lower])
            if hit:
                out.append(i)
        return out

    @cached_property
    def speech_verbs(self) -> list[int]:
        """The verbs a statement may be coded on (see :meth:`_statements`), in order."""
        return [
            i
            for i, pos_id in enumerate(self.pos_ids)
            if pos_id == VERB and _lemma(self.toks[i]) in self.lex.statement_verbs
        ]

    @staticmethod
    def _within(ids: list[int], sent: SpacySpan) -> list[int]:
        """The token ids of a sorted list that lie in ``sent``."""
        return ids[bisect_left(ids, sent.start) : bisect_left(ids, sent.end)]

    # -- triggers --------------------------------------------------------------------------------
    def match(self, tok: Token) -> TriggerPattern | None:
        """The trigger pattern ``tok`` codes, or None (a pattern of code ``none`` says it is no event)."""
        best = self.pattern(tok)
        return None if best is None or best.code == NO_EVENT else best

    def pattern(self, tok: Token) -> TriggerPattern | None:
        """The lexicon pattern that fits ``tok`` best, a ``none`` pattern ("target the student vote") included."""
        i = tok.i
        if i in self.patterns:
            return self.patterns[i]
        best = self._best_pattern(tok)
        self.patterns[i] = best
        return best

    def _best_pattern(self, tok: Token) -> TriggerPattern | None:
        if tok.i not in self.trigger_set:
            return None  # most words: no pattern to weigh
        if tok.pos_ in {"VERB", "AUX"}:
            pos = "verb"
        elif tok.pos_ in {"NOUN", "PROPN"}:
            pos = "noun"
            if tok.i in self.by_token or tok.ent_type_ in {"DATE", "TIME"}:
                return None  # a word inside an actor mention or a date ("in March") is not a trigger
        else:
            return None
        if (
            pos == "verb"
            and _lemma(tok) in self.lex.naming.lemmas
            and any(c.dep_ in OBJ_DEPS for c in tok.children)
            # not "launched what it called anti-terrorist operations": one's own name for one's act
            and not any(c.dep_ in OBJ_DEPS and c.lower_ == "what" for c in tok.children)
            and (
                any(c.dep_ == "oprd" and c.i not in self.by_token for c in tok.children)
                or any(  # 'called the ruling "a disgrace"', the quoted name read as the object's apposition
                    a.dep_ == "appos" and a.left_edge.i > 0 and tok.doc[a.left_edge.i - 1].is_quote
                    for c in tok.children
                    if c.dep_ in OBJ_DEPS
                    for a in c.children
                )
            )
        ):
            if self._good_name(tok):
                return self.lex.praising  # "called the meeting very good"
            return self.lex.naming  # "calling Assad a murderer", "branded the move dangerous": a name is a criticism
        if (
            pos == "verb"
            and _lemma(tok) in self.lex.naming.lemmas
            and any(c.dep_ in OBJ_DEPS and c.lower_ in {"what", "which", "that", "whom"} for c in tok.children)
            and (any(c.dep_ == "oprd" for c in tok.children) or sum(c.dep_ in OBJ_DEPS for c in tok.children) > 1)
        ):
            # "what it called anti-terrorist operations", "Khankendi, which Armenians call Stepanakert": a name
            return None
        cands = next((c for f in _lemma_forms(tok) if (c := self.lex.candidates(pos, f))), ())
        if not cands:
            return None  # most words: no pattern to weigh
        if pos == "verb" and _lemma(tok) in self.lex.question_verbs and _asks_a_question(tok):
            return None  # "asked why Britain expelled them": a question, no appeal
        if pos == "verb" and _lemma(tok) in self.lex.warning_verbs and self._forecast(tok):
            return None  # "warned that the deficit was too large": a pessimistic comment (012), no threat
        if pos == "verb" and _degree_participle(tok):
            return None  # "farmers were worst-hit", "the hardest-hit region": how much, not who did what
        best: TriggerPattern | None = None
        best_score = -1
        preps = {
            c.lower_
            for c in tok.children
            if (c.dep_ in {"prep", "dative", "agent"} and not _temporal(c))
            or (c.dep_ in {"advmod", "npadvmod"} and c.lower_ in self.lex.mutual_words)  # "stand together"
        }
        if pos == "noun" and tok.dep_ in OBJ_DEPS and set(_lemma_forms(tok.head)) & self.lex.light_verbs:
            # "launched naval drills | near Japan": the light verb carries the noun's prepositions
            preps |= {c.lower_ for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i and not _temporal(c)}
        for pat in cands:
            has_prep = bool(preps & set(pat.preps))
            if pat.needs_prep and not has_prep:
                continue
            if not self._fits(pat, tok):
                continue
            score = 10 * pat.specificity + (3 if has_prep else 0)
            if pat.objects and (obj := self._object(tok)) is not None and _lemma(obj) not in pat.objects:
                score += 1  # matched by the compound: "a ceasefire agreement" is a ceasefire more than an agreement
            if score > best_score:
                best, best_score = pat, score
        return best

    def _forecast(self, verb: Token) -> bool:
        """A warning whose clause says no actor will do anything ("warned that the deficit was too large", "that
        talks could collapse"): not "of" or "against" something, and no clause with a coded subject and a future
        or a condition ("warned that Iran would face sanctions")."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses or any(c.dep_ == "prep" and c.lower_ in {"of", "against"} for c in verb.children):
            return False
        future = self.lex.modal_intent | self.lex.modal_hypothetical | {"going"}
        for clause in clauses:
            for v in (clause, *(d for d in clause.children if d.dep_ == "conj")):
                chain = [v, *(d for d in v.children if d.dep_ == "xcomp")]
                ahead = any(c.dep_ in {"aux", "auxpass"} and c.lower_ in future for w in chain for c in w.children)
                ahead = ahead or any(
                    c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
                    for c in v.children
                )
                subj, _ = self._subject(v)
                if ahead and subj is not None and self._actor(subj) is not None:
                    return False
        return True

    def _fits(self, pat: TriggerPattern, tok: Token) -> bool:
        if pat.particle and not any(
            c.lower_ == pat.particle
            and (c.dep_ == "prt" or (c.dep_ in {"advmod", "prep"} and c.lower_ in self.lex.loose_particles))
            for c in tok.children
        ):
            return False
        if pat.subjects is not None:
            subj, _ = self._verb_subject(tok) if pat.pos == "verb" else (None, False)
            heads = [] if subj is None else [subj, *self._prep_objects(subj, ("of",))]  # "a contingent of troops"
            if pat.pos == "verb" and tok.dep_ == "acl":
                heads.append(tok.head)  # "new sanctions targeting Russia": the noun the participle describes
            if not any(
                _lemma(h) in pat.subjects
                or any(_lemma(c) in pat.subjects for c in h.children if c.dep_ in {"amod", "compound"})
                for h in (_through_partitive(t, self.lex) for t in heads)
            ):
                return False
        if pat.under_prep is not None and not (tok.dep_ == "pobj" and tok.head.lower_ in pat.under_prep):
            return False
        if pat.governed_by is not None and not (tok.dep_ in OBJ_DEPS and _lemma(tok.head) in pat.governed_by):
            return False
        if pat.instrument is not None and not any(
            _names(o, pat.instrument, self.lex) for w in self._prep_objects(tok, ("with",)) for o in _with_conj(w)
        ):
            return False
        if pat.complement is not None and not any(
            _names(o, pat.complement, self.lex) for w in self._complements(tok) for o in _with_conj(w)
        ):
            return False
        if pat.pos == "noun" and pat.objects:
            # "a suspension of air links" ("a pause in aid"): the noun's "of" (or "in") phrase is its object
            of_obj = next(iter(self._prep_objects(tok, ("of", "in"))), None)
            if of_obj is None or not any(
                _names(o, pat.objects, self.lex) for o in _with_conj(_through_partitive(of_obj, self.lex))
            ):
                return False
        if pat.pos == "verb":
            obj = self._object(tok)
            if obj is None and pat.objects is not None:
                subj, passive = self._verb_subject(tok)
                if passive and (pat.objects or _lemma(tok) in self.lex.undergone_passives or pat.owned_object):
                    # the passive subject is the one acted on: "seven people were wounded", "sarin was used",
                    # "the minister was criticised over the war"
                    obj = subj
            if obj is None and pat.objects:
                # "declined to comment": the act refused is what the pattern names as the object
                # ("vowed to strike Israeli bases" is no strike threatened: that verb acts on an object of its own)
                obj = next(
                    (
                        c
                        for c in tok.children
                        if c.dep_ == "xcomp"
                        and _lemma(c) in pat.objects
                        and not any(g.dep_ in OBJ_DEPS for g in c.children)
                    ),
                    None,
                )
            if pat.objects is not None:
                if obj is None:
                    return False
                if pat.objects and not any(_names(o, pat.objects, self.lex) for o in _with_conj(obj)):
                    return False
                owned = pat.owned_object and bool(self._owner_actors(obj))
                if not pat.objects and not owned and (not self._actors_of(obj) or self._act_of_actor(obj)):
                    return False
            if pat.modifiers:
                head = obj if obj is not None else tok
                if not any(_lemma(c) in pat.modifiers for c in head.children if c.dep_ in {"amod", "compound"}):
                    return False
        elif pat.modifiers and not any(
            _lemma(c) in pat.modifiers or c.lower_ in pat.modifiers
            for c in tok.children
            if c.dep_ in {"amod", "compound", "nmod"}
        ):
            return False
        return True

    def _complements(self, verb: Token) -> list[Token]:
        """What the prepositions of the verb or of its object govern, a gerund included ("appealed against the
        ruling", "accused of stealing", "accused the minister of fraud", "took control of the firm", "warned the
        minister about the dangers"), seen through partitives ("control of part of the bank")."""
        heads = [verb]
        obj = next((c for c in verb.children if c.dep_ in OBJ_DEPS), None)
        if obj is not None:
            heads.append(obj)
        out: list[Token] = []
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and not _temporal(c):
                    out.extend(_through_partitive(g, self.lex) for g in c.children if g.dep_ in {"pobj", "pcomp"})
        return out

    def _object(self, tok: Token) -> Token | None:
        """The object a word acts on (memoized: every candidate pattern of a word asks)."""
        i = tok.i
        if i not in self.objects:
            self.objects[i] = self._find_object(tok)
        return self.objects[i]

    def _good_name(self, verb: Token) -> bool:
        """Whether the name a naming verb gives is a good one (``praise_names``), not negated."""
        # the predicate ("called the meeting very good") or an object's apposition ('called the ruling "a win"')
        given = [c for c in verb.children if c.dep_ == "oprd"]
        given += [a for c in verb.children if c.dep_ in OBJ_DEPS for a in c.children if a.dep_ == "appos"]
        names = [t for g in given for t in g.subtree]
        if any(t.dep_ == "neg" or t.lower_ in {"no", "not", "never"} for t in names):
            return False
        return any(_lemma(t) in self.lex.praise_names for t in names)

    def _find_object(self, tok: Token) -> Token | None:
        for c in tok.children:
            if (
                c.dep_ == "ccomp"
                and _lemma(c) in self.lex.naming.lemmas
                and any(g.dep_ in OBJ_DEPS and g.lower_ == "what" for g in c.children)
            ):
                # "launched what it called anti-terrorist operations": the operations
                named = first_child(c, "oprd")
                if named is not None:
                    return named
            if c.dep_ in OBJ_DEPS:
                if c.lower_ == "that" and c.i < tok.i and c.tag_ == "IN":
                    continue  # "said that ships blocked and fired water cannon": the clause's "that", misread
                if c.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl" and tok.head.i != tok.i:
                    return tok.head  # "the government, which Islamabad accuses of ...": the one accused
                return self._sum_in(_through_partitive(c, self.lex), tok)
        oprd = [c for c in tok.children if c.dep_ == "oprd"]
        if (
            len(oprd) == 1
            and oprd[0].pos_ == "PROPN"
            and any(c.dep_ == "nsubj" for c in tok.children)  # not "a group called X"
            and self._actor(oprd[0]) is not None
        ):
            return oprd[0]  # "Xi called Prime Minister Imran Khan": an actor read as a predicate is the object
        if tok.pos_ == "VERB" and not any(c.dep_ == "agent" for c in tok.children):
            for c in tok.children:
                if c.dep_ == "nsubjpass" and c.pos_ in {"NOUN", "PROPN"} and self._actor(c) is None:
                    return _through_partitive(c, self.lex)  # "a shell was fired at ...": the thing acted on
        if set(_lemma_forms(tok)) & self.lex.object_control:
            # "allowed the candidate to run", parsed with the candidate as the subject of a clause
            for c in tok.children:
                if c.dep_ == "ccomp" and not any(m.dep_ == "mark" for m in c.children):
                    subj = next((g for g in c.children if g.dep_ in SUBJ_DEPS), None)
                    if subj is not None and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                        return subj
        for c in tok.children:
            # "arrested and charged two men": two verbs joined right next to each other share the object
            between = self.doc[tok.i + 1 : c.i]
            if c.dep_ == "conj" and c.pos_ == "VERB" and between and all(t.dep_ in {"cc", "punct"} for t in between):
                obj = next((g for g in c.children if g.dep_ in OBJ_DEPS), None)
                if obj is not None:
                    return _through_partitive(obj, self.lex)
        return None

    def _companions(self, verb: Token, subj: Token | None) -> list[Actor]:
        """ "France, along with Germany and Italy, has been invited": actors set beside the subject (before the
        verb, or on the subject) with "along with" or "together with" share its role."""
        heads = [verb] if subj is None else [verb, subj]
        withs = [
            w
            for h in heads
            for c in h.children
            if c.dep_ == "prep" and c.i < verb.i
            for w in (c, *c.children)
            if w.dep_ == "prep"
            and w.lower_ == "with"
            and {"along", "together"} & {c.lower_, *(g.lower_ for g in w.children if g.dep_ == "advmod")}
        ]
        return [a for w in withs for p in w.children if p.dep_ == "pobj" for a in self._actors_of(p)]

    def _sum_in(self, obj: Token, verb: Token) -> Token:
        """ "received $500m in credits", "pledged 50 million dollars in aid": a sum of money stands for what it
        is paid in (the "in" phrase of the sum or of the verb)."""
        if not _money(obj):
            return obj
        for holder in (obj, verb):
            for p in self._prep_objects(holder, ("in",)):
                if p.pos_ == "NOUN" and not _money(p):
                    return p
        return obj

    # -- actors ----------------------------------------------------------------------------------
    def _actor(self, tok: Token) -> Actor | None:
        if tok.i in self.dateline:
            return None  # "KABUL - ...", "THE HAGUE, Netherlands -- ...": where the story was filed
        a = self.by_token.get(tok.i)
        if a is None or not a.code:
            # "Kenzo Oshima, the United Nations relief coordinator, demanded": the apposition codes the name
            for c in tok.children:
                if c.dep_ == "appos" and (b := self.by_token.get(c.i)) is not None and b.code:
                    return b
            if tok.pos_ == "PROPN":
                # "Kenzo Oshima, the UN relief coordinator": the organisation that qualifies the apposition
                for c in tok.children:
                    if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}:
                        for cc in c.children:
                            if (
                                cc.dep_ in {"compound", "poss"}
                                and (b := self.by_token.get(cc.i)) is not None
                                and b.code
                            ):
                                return b
            return self._quoted_first_person(tok)
        return a

    def _quoted_first_person(self, tok: Token) -> Actor | None:
        """ "We", "I" inside a direct quotation: its coded speaker (Mr Assad said: "We are ready to negotiate
        with Israel": SYRGOV negotiates)."""
        if tok.lower_ not in FIRST_PERSON:
            return None
        for q in self.a.quotes:
            if (
                q.kind == "direct"
                and q.speaker is not None
                and q.speaker.code
                and any(s <= tok.idx < e for s, e in q.spans)
            ):
                return replace(
                    q.speaker, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), resolved_by="coreference"
                )
        return None

    def _actors_of(self, tok: Token) -> list[Actor]:
        out: list[Actor] = []
        for t in _with_conj(tok):
            a = self._actor(t)
            found = [a] if a is not None else self._actors_through_of(t)  # "the leaders of Armenia and Azerbaijan"
            if not found and t.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS and (owners := self._owner_actors(t)):
                found = owners[:1]  # "Iraqi Kurds demonstrated": the subject's country
            for a in found:
                if all(a is not b for b in out):
                    out.append(a)
        return out

    def _act_of_actor(self, tok: Token) -> bool:
        """ "the decision of the Turkish parliament": an act (``act_nouns``) its "of" phrase's actor owns, no actor
        itself."""
        return self._actor(tok) is None and _lemma(tok) in self.lex.act_nouns

    def _actor_through_of(self, tok: Token) -> Actor | None:
        """The first of :meth:`_actors_through_of`, or None."""
        found = self._actors_through_of(tok)
        return found[0] if found else None

    def _actors_through_of(self, tok: Token) -> list[Actor]:
        """ "Thousands of Kurds", "supporters of X", "a group of diplomats", "the leaders of Armenia and
        Azerbaijan": the actors inside the phrase; not a place ("a target southwest of Baghdad", "the outskirts
        of Kabul" name where, not whom)."""
        if tok.pos_ not in {"NOUN", "NUM", "PRON", "DET"} and _lemma(tok) not in self.lex.quantifiers:
            return []
        if _lemma(tok) in self.lex.locative_nouns:
            return []
        if tok.pos_ == "NOUN" and (tok.lower_.endswith("ing") or any(c.lower_ == "by" for c in tok.children)):
            return []  # "the killing of civilians by Indian troops": an act (its "by" phrase is its owner)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"of", "from"}:
                for pobj in c.children:
                    if pobj.dep_ == "pobj" and self._actor(pobj) is not None:
                        return [a for x in _with_conj(pobj) if (a := self._actor(x)) is not None]
        return []

    # -- sources ---------------------------------------------------------------------------------
    def _agentless_subject(self, subj: Token) -> bool:
        """A subject that is no coded actor: a thing, an event, an uncoded group or a pronoun whose referent is
        not coded ("an explosion", "members of a jurists' association", "it"); not a relative pronoun."""
        if subj.pos_ not in {"NOUN", "PROPN", "NUM", "PRON"} or subj.lower_ in RELATIVE_PRONOUNS:
            return False
        return not self._natural_cause(subj)

    def _natural_cause(self, noun: Token) -> bool:
        """ "an earthquake", "heavy floods", "a road accident", "a second wave of floods": something that
        happened, not someone's act."""
        return any(
            _lemma(t) in self.lex.natural_causes
            for t in (
                noun,
                *(c for c in noun.children if c.dep_ in {"compound", "conj"}),
                *self._prep_objects(noun, ("of",)),
            )
        )

    def _by_natural_cause(self, verb: Token) -> bool:
        """ "killed in a road accident", "destroyed by the floods", "an area hit by an earthquake", "killed
        after an earthquake shook the coast", "killed when their minibus plunged into a ravine"."""
        agent = self._passive_agent(verb)
        if (agent is not None and self._natural_cause(agent)) or any(
            self._natural_cause(p) for p in self._prep_objects(verb, ("in", "by", "during", "after", "as"))
        ):
            return True
        verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
        if verb.dep_ == "conj":
            verbs.append(verb.head)  # "were killed and 1,500 injured after an earthquake rocked ..."
        for clause in (c for v in verbs for c in v.children if c.dep_ == "advcl"):
            subj: Token | None
            if clause.pos_ in {"NOUN", "PROPN"}:  # misparsed "when a bus overturned": the noun heads the clause
                subj = clause
                clause = next((c for c in clause.children if c.dep_ == "acl"), clause)
            else:
                subj, _ = self._subject(clause)
            if _lemma(clause) in self.lex.accident_verbs or (subj is not None and self._natural_cause(subj)):
                return True
        return False

    def _forces_as_means(self, subj: Token | None, actors: list[Actor], pat: TriggerPattern) -> bool:
        """Forces that are the passive subject of a non-violent act whose pattern names them as its object
        ("troops were sent to Mali", "soldiers are stationed in Niger") are what is sent, not the target."""
        return (
            subj is not None
            and pat.code[:2] not in FORCE_ROOTS
            and _names(subj, pat.objects or frozenset(), self.lex)
            and all(a.agent in {"MIL", "COP"} for a in actors)
        )

    def _happening(self, noun: Token) -> bool:
        """The noun is said to happen ("protests erupted", "a rally was held", "the ruling sparked protests")."""
        verb = noun.head
        if noun.dep_ == "conj":  # "protests and strikes spread"
            return self._happening(verb)
        if noun.dep_ in {"nsubj", "nsubjpass"}:
            return _lemma(verb) in self.lex.happening_verbs
        return noun.dep_ == "dobj" and _lemma(verb) in self.lex.occasion_verbs

    def _measured(self, noun: Token) -> bool:
        """The noun is given a figure ("its trade with the EU was worth $155bn", "investment rose to $2bn"): the
        subject of one of ``measure_verbs`` whose other words hold a number or "worth"."""
        verb = noun.head
        if noun.dep_ != "nsubj" or _lemma(verb) not in self.lex.measure_verbs:
            return False
        own = {t.i for t in noun.subtree}
        return any(
            t.i not in own
            and t.ent_type_ not in {"DATE", "TIME"}
            and (t.like_num or t.ent_type_ in {"MONEY", "PERCENT"} or t.lower_ == "worth")
            for t in verb.subtree
        )

    def _time_framed(self, noun: Token) -> bool:
        """ "during the protests", "amid protests": the noun frames another act in time, so it took place."""
        return noun.dep_ == "pobj" and noun.head.lower_ in self.lex.time_frame_preps

    def _unexplained_count(self, targets: list[Actor], sent: SpacySpan) -> bool:
        """Victims that are only counted people ("ten people were killed"), with no doer and no word of
        violence in the sentence: as often the toll of an accident or a disaster as of an attack."""
        if not all(id(t) in self.counted for t in targets):
            return False
        return not any(_lemma(w) in self.lex.violence_words or w.lower_ in self.lex.violence_words for w in sent)

    def _subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """The subject token of ``verb`` and whether it is a passive subject (memoized)."""
        if depth:
            return self._find_subject(verb, depth)
        i = verb.i
        if i not in self.subjects:
            self.subjects[i] = self._find_subject(verb)
        return self.subjects[i]

    def _find_subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        relcl_head = verb.head if verb.dep_ == "relcl" and verb.head.i != verb.i else None
        if (
            relcl_head is not None
            and relcl_head.dep_ == "pobj"
            and relcl_head.head.lower_ in {"in", "at", "near", "on"}
            and relcl_head.head.head.pos_ == "NOUN"
            and self._place_word(relcl_head)
            and _lemma(relcl_head.head.head) in self.lex.violence_words
        ):
            relcl_head = relcl_head.head.head  # "the attack in Pahalgam, which killed 26 tourists": the attack
        for c in verb.children:
            if c.dep_ in SUBJ_DEPS:
                if c.i in self.dateline:
                    # "THE HAGUE, Netherlands -- A UN prosecutor has charged": the subject follows the dateline
                    after = self._after_dateline(c, verb)
                    if after is None:
                        continue
                    return after, False
                if c.pos_ == "VERB":  # "The Red Cross working in Yemen said": a mis-parsed participle
                    inner = next((g for g in c.children if g.dep_ in SUBJ_DEPS), None)
                    if inner is not None:
                        return inner, False
                if relcl_head is not None and c.lower_ in RELATIVE_PRONOUNS:
                    return relcl_head, False  # "guerrillas who overran the village"
                return c, False
        for c in verb.children:
            if c.dep_ in PASSIVE_SUBJ_DEPS:
                if relcl_head is not None and c.lower_ in RELATIVE_PRONOUNS:
                    return relcl_head, True
                return c, True
        if depth > 4:
            return None, False
        if verb.dep_ == "xcomp" and verb.head.i != verb.i and set(_lemma_forms(verb.head)) & self.lex.object_control:
            # object control: "urged Myanmar to release ..." -> Myanmar releases
            obj = next((c for c in verb.head.children if c.dep_ in OBJ_DEPS and c.i < verb.i), None)
            if obj is not None:
                return obj, False
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i:
            # "resorted to throwing stones", "are guilty of violating the truce": the subject of the verb above
            above = verb.head.head
            if above.pos_ == "ADJ" and above.dep_ in {"acomp", "amod"}:
                above = above.head
            if above.pos_ in {"VERB", "AUX"} and not any(c.dep_ in OBJ_DEPS for c in above.children):
                # "was arrested for spying": the one arrested is the one who spied
                subj, _ = self._subject(above, depth + 1)
                if subj is not None:
                    return subj, False
        if self._reduced_participle(verb):
            return None, False  # "says ... for Americans wrongly imprisoned there": a participle, no second verb
        blamed = self._blamed_doer(verb)
        if blamed is not None:
            return blamed, False
        if verb.dep_ in CLIMB_DEPS and verb.head.i != verb.i:
            head = verb.head
            if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "is ready to work"
                head = head.head
            subj, passive = self._subject(head, depth + 1)
            if passive and verb.dep_ == "xcomp" and not _passive_form(verb) and head.i != verb.i:
                # "Sefcovic is expected to travel", "was invited to attend": the one the passive speaks of does
                # the infinitive's act
                return subj, False
            if not passive and verb.dep_ in {"conj", "advcl"} and _passive_form(verb):
                # "approached the airline but was turned down by it", "resigned, forced out by the party":
                # the shared subject is the one acted on
                return subj, True
            if (
                verb.dep_ == "conj"
                and head.dep_ == "ccomp"
                and head.head.i != head.i
                and (
                    _lemma(verb) in self.lex.request_verbs
                    or _lemma(verb) in self.lex.blaming_verbs
                    or _lemma(verb) in self.lex.statement_verbs
                    # "said the visit undermines peace and summoned the U.S. ambassador": no visit summons
                    or (
                        verb.tag_ in {"VBD", "VBN"}
                        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
                        and _lemma(verb) in self.lex.speaker_acts
                        and subj is not None
                        and subj.pos_ == "NOUN"
                        and not passive
                        and not self._actors_of(subj)
                    )
                )
                and _lemma(head.head) in self.lex.speech_verbs
            ):
                # "the three powers said Iran's programme had no civilian use and called on Tehran to ...", "Putin
                # said Ukraine was part of Russia's history and accused Kyiv of ...": an appeal, accusation or
                # statement joined to the reported clause is the speaker's
                speaker, spoken_to = self._subject(head.head, depth + 1)
                if speaker is not None and not spoken_to:
                    return speaker, False
            if passive and verb.dep_ == "conj" and _active_form(verb):
                if head.dep_ == "ccomp" and head.head.i != head.i:
                    # "the spokesman said 45 people had been arrested and accused X": the parser joined the
                    # speaker's second verb to what he reported; it is the speaker's
                    speaker, spoken_to = self._subject(head.head, depth + 1)
                    if speaker is not None and not spoken_to:
                        return speaker, False
                # "Washington was not involved and warned Iran": the shared subject acts in the second verb
                return subj, False
            return subj, passive
        if verb.dep_ == "acomp" and verb.head.i != verb.i:
            return self._subject(verb.head, depth + 1)
        if verb.dep_ == "relcl":
            return verb.head, False
        holder = self._intent_noun_holder(verb)
        if holder is not None:
            return holder, False  # "the US decision to expel ...", "Moscow's threat to cut ...": the holder does it
        if (
            verb.dep_ == "acl"
            and verb.tag_ in {"VBD", "VBN"}
            and verb.head.dep_ == "ROOT"
            and verb.head.pos_ == "PROPN"
            and verb.i > verb.head.i
            and any(c.dep_ == "relcl" and c.i < verb.i for c in verb.head.children)
            and any(c.dep_ == "punct" and c.text == "," and c.i == verb.i - 1 for c in verb.head.children)
            and any(c.dep_ in {"prep", "xcomp", "ccomp"} for c in verb.children)
        ):
            # "Russia, which has peacekeepers there, called on both sides to ...": the parser hung the verb on
            # its subject after the relative clause
            return verb.head, False
        if (
            verb.dep_ == "acl"
            and verb.tag_ in {"VBD", "VBN"}
            and verb.i > verb.head.i
            and any(c.dep_ == "dobj" for c in verb.children)
            and (
                verb.head.dep_ == "ROOT"
                or (
                    verb.head.dep_ == "nsubj"
                    and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.head.head.children)
                )
            )
        ):
            # "An Israeli air strike killed 14 people", parsed as a noun with a participle: a participle with an
            # object of its own on a sentence that has no verb (or on a second subject of the closing "...,
            # officials said") is the sentence's verb, the noun its subject
            return verb.head, False
        if (
            verb.dep_ == "acl"
            and verb.i > verb.head.i  # not a prenominal adjective: "the internationally recognised government"
            and verb.tag_ in {"VBG", "VBD", "VBN"}
            and self._actor(verb.head) is not None
        ):
            # "demonstrators protesting the results", "youths resorted to ...": the noun does it
            misparsed_relative = verb.head.dep_ == "relcl" or any(c.tag_ == "WDT" for c in verb.head.children)
            # "..., which activists blamed on X" parsed as "activists [who were] blamed": the noun is the subject
            return verb.head, verb.tag_ == "VBN" and not misparsed_relative
        if (
            verb.dep_ == "acl"
            and verb.tag_ not in {"VBN", "VBD"}
            and verb.head.dep_ in OBJ_DEPS
            and verb.head.head.i != verb.head.i
        ):
            # "published a statement demanding that ...": the subject of the verb over the noun; not a past
            # participle, which tells what was done to someone ("reached an agreement on people detained there")
            return self._subject(verb.head.head, depth + 1)
        first = self._asyndetic_first(verb)
        if first is not None:
            return self._subject(first, depth + 1)
        return None, False

    def _verb_subject(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject of a trigger verb and whether it is acted on: :meth:`_subject`, with a headline's bare
        passive ("Minister attacked over policy") read as a passive."""
        subj, passive = self._subject(verb)
        if not passive and subj is not None and self._headline_passive(verb, subj):
            passive = True
        return subj, passive

    def _headline_passive(self, verb: Token, subj: Token) -> bool:
        """ "Minister attacked over policy", "Envoy expelled": in a headline, the past form of a verb that always
        takes an object (``headline_passive_verbs``), with a subject of its own but no object, auxiliary or
        clause, is a participle with its auxiliary left out; its subject is the one acted on."""
        return (
            verb.dep_ == "ROOT"
            and subj.head.i == verb.i
            and verb.tag_ in {"VBD", "VBN"}
            and bool(set(_lemma_forms(verb)) & self.lex.headline_passive_verbs)
            and not any(c.dep_ in OBJ_DEPS | HEADLINE_ACTIVE_DEPS for c in verb.children)
            and _headline(verb.sent)
        )

    def _intent_noun_holder(self, verb: Token) -> Token | None:
        """The actor whose decision, plan or threat an infinitive completes: the possessor or the actor word
        before the noun ("Washington's decision to expel", "the US plan to withdraw")."""
        noun = verb.head
        if (
            verb.dep_ != "acl"
            or noun.i == verb.i
            or noun.pos_ != "NOUN"
            or _lemma(noun) not in self.lex.intent_nouns
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            return None
        for c in noun.children:
            if c.i < noun.i and c.dep_ in {"poss", "compound", "amod", "nmod"} and self._actor(c) is not None:
                return c
        return None

    def _place_word(self, tok: Token) -> bool:
        """Whether ``tok`` lies in a place the place stage found (or the NER tagged as one)."""
        return tok.ent_type_ in {"GPE", "LOC", "FAC"} or tok.i in self.a.notes.get("place_tokens", {})

    def _blamed_doer(self, verb: Token) -> Token | None:
        """The one blamed, when ``verb`` is a participle after a comma that the parser hung on a blaming verb
        whose act is named by an "of" / "for" gerund: in "accused the army of shelling the town, killing 12"
        the army killed, not the accuser."""
        head = verb.head
        if (
            verb.dep_ == "conj"
            and verb.tag_ == "VBG"
            and head.tag_ in {"VBD", "VBZ", "VBP"}
            and _lemma(head) in self.lex.blaming_verbs
            and any(
                c.dep_ == "prep" and c.lower_ in {"of", "for"}
                for c in (*head.children, *(g for o in head.children if o.dep_ == "dobj" for g in o.children))
            )
        ):
            # "accused the protesters of looting shops and attacking police stations": the second gerund was
            # joined to the blaming verb; the one blamed did it
            return first_child(head, "dobj")
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.i == verb.i or head.i > verb.i:
            return None
        if (
            verb.left_edge.i == 0
            or self.doc[verb.left_edge.i - 1].text != ","
            or _lemma(head) not in self.lex.blaming_verbs
        ):
            return None
        if any(c.dep_ in SUBJ_DEPS or c.dep_ == "mark" for c in verb.children):
            return None
        acts = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in {"of", "for"}
            for g in c.children
            if g.dep_ == "pcomp" and g.tag_ == "VBG"
        ]
        obj = first_child(head, "dobj")
        return obj if acts and obj is not None and acts[0].i < verb.i else None

    def _reduced_participle(self, verb: Token) -> bool:
        """A past participle the parser joins to a finite verb as a second verb or an adverbial clause, with no
        auxiliary: a past participle (VBN) joined to a verb of another tense, or one tagged as a past tense (VBD)
        joined to a present one with no "and" between them, or either hung on a verb as its clause, right after a
        noun ("says ... for Americans falsely imprisoned there")."""
        if verb.dep_ not in {"conj", "advcl"} or any(
            c.dep_ in {"aux", "auxpass", "mark"} or c.dep_ in SUBJ_DEPS for c in verb.children
        ):
            return False
        head = verb.head
        if verb.dep_ == "advcl":
            # "reached a settlement on damages for French citizens wrongly imprisoned there"
            return (
                verb.tag_ in {"VBN", "VBD"}
                and verb.i > head.i
                and verb.left_edge.i > 0
                and self.doc[verb.left_edge.i - 1].pos_ in {"NOUN", "PROPN"}
            )
        if verb.tag_ == "VBN":
            # (not one with an object of its own: "said the visit undermines peace and summoned the ambassador", a
            # past tense read as a participle)
            return head.tag_ in {"VBZ", "VBP", "VBD"} and not any(c.dep_ == "dobj" for c in verb.children)
        if verb.tag_ != "VBD" or head.tag_ not in {"VBZ", "VBP"} or verb.left_edge.i == 0:
            return False
        if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
            return False
        return self.doc[verb.left_edge.i - 1].pos_ in {"NOUN", "PROPN"}

    def _asyndetic_first(self, verb: Token) -> Token | None:
        """The first verb of "X pursues A, supports B" that the parse hung under the second as its clause."""
        if verb.pos_ != "VERB" or _lemma(verb) in self.lex.speech_verbs:
            return None
        for c in verb.children:
            if c.i > verb.i:
                break
            if c.dep_ == "ccomp" and c.tag_ == verb.tag_ and c.tag_ in {"VBZ", "VBD", "VBP"}:
                between = self.doc[c.right_edge.i + 1 : verb.i]
                if between and between[0].text == "," and all(t.pos_ in {"ADV", "PUNCT"} for t in between):
                    return c
        return None

    def _after_dateline(self, tok: Token, verb: Token) -> Token | None:
        """The noun after a dateline that the parse hung on it (as an apposition) before ``verb``."""
        start = self.dateline[tok.i]
        for t in self.doc[start : verb.i]:
            if t.pos_ in {"NOUN", "PROPN"} and (t.head.i in self.dateline or t.head.i == verb.i):
                return t
        return None

    def _passive_agent(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ == "agent":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        return cc
        return None

    # -- targets ---------------------------------------------------------------------------------
    def _prep_objects(self, tok: Token, preps: Iterable[str]) -> list[Token]:
        wanted = set(preps)
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ in {"prep", "dative"} and c.lower_ in wanted and not _temporal(c):
                out.extend(cc for cc in c.children if cc.dep_ == "pobj")
        return out

    def _verb_targets(self, verb: Token, pat: TriggerPattern, sources: list[Actor] | None = None) -> list[Actor]:
        obj = self._object(verb)
        # the thing the pattern names is moved or used, not acted on: "withdrew its troops from Iraq", "sent
        # troops to Mali", "closed Venezuela's borders with Colombia": the subject's own forces or property are
        # no target, the preposition gives it
        objects = pat.objects or frozenset()
        theme = obj is not None and bool(objects) and any(_names(o, objects, self.lex) for o in _with_conj(obj))
        home = {a.country for a in sources or [] if a is not None and a.country and a.agent in STATE_AGENTS}
        # "discussed Ukraine's grain exports", "discussed the future of Syria": the topic of a talk, and whose
        # it is, are no party to it (the one talked with is: "with Scholz", also on the object noun)
        topic = pat.code[:2] == "04" and bool(set(_lemma_forms(verb)) & self.lex.topic_object_verbs)

        def other(acts: list[Actor]) -> list[Actor]:
            if not theme:
                return acts
            # "withdrew peacekeepers from", "sent troops to": its own
            own_force = (
                pat.code in self.lex.own_force_codes
                or pat.id in self.lex.own_force_codes
                or (pat.code[:3] == "166" and "withdraw" in _lemma_forms(verb))
            )
            return [
                a
                for a in acts
                if not (own_force and (a.country is None or a.country in home))
                and not (a.agent in STATE_AGENTS and a.country in home)
            ]

        if pat.code[:2] == "04":
            # "discussed Libya with Trump": the one consulted is "with", the object is the topic
            for pobj in self._prep_objects(verb, ("with",)):
                if acts := self._actors_of(pobj):
                    return acts
            if topic and len({a.code for a in sources or [] if a}) > 1:
                return []  # "Pakistan's and India's ministers will discuss Kashmir": with each other, about Kashmir
        if obj is not None and not topic:
            acts = other(self._actors_of(obj))
            if acts:
                return acts
        for c in verb.children:
            if c.dep_ in {"dative", "iobj"}:
                acts = self._actors_of(c)
                if acts:
                    return acts
        # "attacked a remote Afghan army outpost in Kunduz": where it happened comes after whose the object is
        # (never for an event that needs no target: "protested in Istanbul" has none)
        located = tuple(p for p in pat.preps if p in self.lex.locative_preps) if pat.target == "required" else ()
        for pobj in self._prep_objects(verb, tuple(p for p in pat.preps if p not in self.lex.locative_preps)):
            acts = self._actors_of(pobj) or self._owner_actors(pobj)
            if acts:
                return acts
        for c in verb.children:
            # "threatened to deliver blows to the US": the target sits in the infinitive's phrase
            if c.dep_ == "xcomp" and self.match(c) is None:
                sub_obj = self._object(c)
                if sub_obj is not None and (acts := self._actors_of(sub_obj)):
                    return acts
                for pobj in self._prep_objects(c, pat.preps):
                    if acts := self._actors_of(pobj):
                        return acts
        if pat.code[:2] in {"02", "10"}:
            # "demanded that the US cancel ...": the one asked is the subject of the that-clause
            for c in verb.children:
                if c.dep_ == "ccomp":
                    csubj, cpassive = self._subject(c)
                    if csubj is not None and not cpassive and (acts := self._actors_of(csubj)):
                        return acts
        if obj is not None:
            # an object noun that carries the target: "imposed sanctions on Iran", "supports China's stance",
            # "welcomed the decision by Kuwait"
            # (or the partitive's before it: "fired a barrage of missiles | at Israel")
            whole = _partitive_whole(obj, self.lex)
            carriers = (
                self._prep_objects(obj, ("with",))  # a topic's: only the one talked with
                if topic
                else [
                    *self._prep_objects(obj, ("by",)),
                    *self._prep_objects(obj, (*pat.preps, "of")),
                    *(self._prep_objects(whole, pat.preps) if whole is not obj else []),
                ]
            )
            if not topic and pat.preps:
                # "signed a memorandum of understanding with Somaliland": the phrase after the object's "of"
                carriers += [p for o in self._prep_objects(obj, ("of",)) for p in self._prep_objects(o, pat.preps)]
            for pobj in carriers:
                acts = self._actors_of(pobj) or (self._owner_actors(pobj) if pobj.head.lower_ != "of" else [])
                if acts:
                    return acts
            if not topic:
                for c in obj.children:
                    if c.dep_ in {"poss", "compound", "amod", "nmod"}:
                        acts = other(self._actors_of(c))
                        if acts:
                            return acts
        for pobj in self._prep_objects(verb, located):
            acts = self._actors_of(pobj) or self._owner_actors(pobj)
            if acts:
                return acts
        origins = {a.country for a in sources or [] if a is not None}
        if obj is not None and pat.code[:2] in FORCE_ROOTS and None not in origins:
            # "destroyed drone launch sites in Pakistan", "attacked military bases in Kashmir": the foreign country
            # where the thing struck lies, when nothing else names whose it is (and every doer's country is known)
            # ("struck what it called terrorist infrastructure | in Pakistan": the phrase may hang on the naming verb)
            named_by = [obj.head] if obj.dep_ == "oprd" and obj.head.i != verb.i else []
            wheres = [obj, *named_by]
            for pobj in [
                *(p for w in wheres for p in self._prep_objects(w, ("in", "inside", "across"))),
                *self._prep_objects(verb, ("in",)),
            ]:
                acts = [a for a in self._actors_of(pobj) if a.agent is None and a.country and a.country not in origins]
                if acts:
                    return acts
        return []

    def _owner_actors(self, noun: Token) -> list[Actor]:
        """Actors that own a non-actor object: "Serbia's suppression", "a US offer", "the policy of X"."""
        for c in noun.children:
            if c.dep_ in {"poss", "compound", "amod", "nmod"} and (acts := self._actors_of(c)):
                return acts
        for pobj in self._prep_objects(noun, ("of", "by") if _lemma(noun) not in self.lex.locative_nouns else ()):
            if acts := self._actors_of(pobj):
                return acts
        for c in noun.children:
            # "an Islamic State position near Mosul": the owner of a compound noun
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in self.by_token:
                for cc in c.children:
                    if cc.dep_ in {"poss", "compound"} and (acts := self._actors_of(cc)):
                        return acts
        return []

    def _noun_arguments(self, noun: Token, pat: TriggerPattern) -> tuple[list[Actor], list[Actor]]:
        sources: list[Actor] = []
        targets: list[Actor] = []
        country_actor = _optional("corridor.stages.actors", "country_actor")
        # "a mediation mission between X and Y", "its mediation effort": the phrase the noun qualifies
        frame = noun.head if noun.dep_ == "compound" and _lemma(noun.head) in self.lex.frame_nouns else noun
        frames = [noun] if frame is noun else [noun, frame]
        for f in frames:
            for c in f.children:
                if c.dep_ == "poss" or (c.dep_ in {"amod", "compound", "nmod"} and self._actor(c) is not None):
                    sources = self._actors_of(c)
                    if sources:
                        break
                if c.dep_ in {"amod", "compound"} and country_actor is not None:
                    a = country_actor(self.a, c.i)  # "Palestinian riots", "Israeli airstrikes"
                    if a is not None:
                        sources = [a]
                        break
            if sources:
                break
        if not sources:
            for pobj in self._prep_objects(frame, ("by", "from")):
                sources = self._actors_of(pobj)
                if sources:
                    break
        for pobj in [p for f in frames for p in self._prep_objects(f, (*pat.preps, "between"))]:
            if pobj.head.lower_ == "between":
                members = [a for t in _with_conj(pobj) for a in (self._actors_of(t) or self._owner_actors(t))[:1]]
                if len(members) == 1 and len(members[0].members) >= 2:
                    members = list(members[0].members)  # "talks between the two countries": the pair named before
                if len(members) >= 2:
                    return members[:1], members[1:2]
                if pobj.head.lower_ not in pat.preps:
                    continue
            targets = self._actors_of(pobj) or self._owner_actors(pobj)
            if targets:
                break
        if not targets and pat.objects:
            for of_obj in self._prep_objects(noun, ("of", "in")):
                for pobj in self._prep_objects(_through_partitive(of_obj, self.lex), pat.preps):
                    targets = targets or self._actors_of(pobj) or self._owner_actors(pobj)
        if not targets and pat.code[:2] in {"02", "10"}:
            # "its demand that Israel ease restrictions": the one asked is the subject of the clause
            clauses = list(noun.children)
            if noun.dep_ in OBJ_DEPS:  # "reiterated its demand that ...": the clause may hang on the verb
                clauses += [c for c in noun.head.children if c.dep_ == "ccomp"]
            for c in clauses:
                if c.dep_ in {"acl", "ccomp"} and c.pos_ in {"VERB", "AUX"}:
                    csubj, cpassive = self._subject(c)
                    if csubj is not None and not cpassive and (acts := self._actors_of(csubj)):
                        targets = acts
                        break
        gov = frame.head if frame.head.i != frame.i else None
        via_prep: str | None = None
        if gov is not None and gov.dep_ == "prep" and gov.head.i != gov.i:
            via_prep = gov.lower_
            gov = gov.head  # "during his conversation with X, Y said": the governing verb
        if (
            gov is not None
            and via_prep == "of"
            and _lemma(gov) in self.lex.partitives
            and gov.dep_ in OBJ_DEPS
            and gov.head.pos_ in {"VERB", "AUX"}
        ):
            # "wrapped up three days of combat drills": the verb over the partitive carries the noun
            frame, gov, via_prep = gov, gov.head, None
        if gov is not None and gov.pos_ in {"VERB", "AUX"}:
            forms = set(_lemma_forms(gov))
            carrier = bool(forms & self.lex.light_verbs or forms & self.lex.intent_verbs)
            undergoes = False
            if via_prep is not None:
                # "during his talks with X, Y said"; but "police used force during the protests"
                framing = via_prep not in self.lex.time_frame_preps or pat.code[:2] in self.lex.reciprocal_roots
                carrier = carrier or (via_prep in self.lex.frame_preps and framing)
                # "returned to Geneva for talks", "went on strike", "was put under investigation"
                carrier = carrier or (via_prep == "for" and bool(forms & self.lex.motion_verbs))
                custody = via_prep in {"in", "into"} and _lemma(frame) in self.lex.custody_nouns
                if via_prep in self.lex.state_preps and (forms & self.lex.state_verbs or custody):
                    carrier = True
                    undergoes = via_prep == "under" or custody
            if undergoes:
                # "X was put under arrest" / "Y put X under arrest": X undergoes it
                subj, passive = self._subject(gov)
                obj = self._object(gov)
                if passive and subj is not None:
                    targets = targets or self._actors_of(subj)
                    agent = self._passive_agent(gov)
                    sources = sources or (self._actors_of(agent) if agent is not None else [])
                    if not sources and targets:
                        sources = [None]  # type: ignore[list-item]
                elif obj is not None:
                    targets = targets or self._actors_of(obj)
                    if not sources and subj is not None:
                        sources = self._actors_of(subj)
                return sources, targets
            if not sources and carrier and frame.dep_ in OBJ_DEPS | {"pobj"}:
                subj, passive = self._subject(gov)
                # "were engaged in ethnic cleansing": a light verb's passive subject is still the doer
                if subj is not None and (not passive or forms & self.lex.light_verbs):
                    sources = self._actors_of(subj)
            if not targets and carrier:
                for pobj in self._prep_objects(gov, pat.preps):
                    targets = self._actors_of(pobj)
                    if targets:
                        break
            if not targets and carrier and via_prep is not None and pat.code[:2] == "04":
                # "told Putin in a phone call that ...": the one spoken to
                obj = self._object(gov)
                targets = self._actors_of(obj) if obj is not None else []
        return sources, targets

    # -- modality --------------------------------------------------------------------------------
    def _disbelieved(self, tok: Token) -> bool:
        """Whether the clause ``tok`` is in is what a negated speech or belief verb reports ("he did not believe
        there was any imminent attempt to invade Taiwan", "did not say that troops had crossed")."""
        cur = tok
        for _ in range(6):
            if cur.head.i == cur.i:
                return False
            dep, cur = cur.dep_, cur.head
            if dep == "ccomp":
                return _lemma(cur) in self.lex.speech_verbs and any(c.dep_ == "neg" for c in cur.children)
        return False

    def _clause_chain(self, tok: Token) -> list[Token]:
        """The trigger and the verbs/adjectives that control it (xcomp/acomp chain, conj for subjects)."""
        chain = [tok]
        cur = tok
        for _ in range(5):
            if cur.dep_ == "conj" and any(c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in cur.children):
                break  # a conjoined clause with its own subject has its own modality
            if cur.dep_ == "conj" and cur.tag_ in FINITE_TAGS and cur.head.tag_ in {"VBN", "JJ"}:
                break  # "was not involved and warned Iran": a finite verb after a participle has its own tense
            if cur.dep_ == "conj" and cur.tag_ == "VBD" and self._under_modal(cur.head):
                break  # "said it would fight to the end and urged X": a past form takes no "would" before it
            if (
                (cur.dep_ in {"xcomp", "acomp", "conj"} and cur.head.i != cur.i)
                or (cur.pos_ in {"NOUN", "PROPN"} and cur.dep_ in OBJ_DEPS and cur.head.i != cur.i)
                # "blocked a proposed EU aid package": the noun a trigger names the kind of
                or (cur is tok and cur.pos_ == "NOUN" and cur.dep_ == "compound" and cur.head.pos_ == "NOUN")
            ):
                cur = cur.head
                chain.append(cur)
            elif (
                cur.dep_ == "advcl"
                and cur.head.pos_ in {"VERB", "AUX"}
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
                and not any(c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in cur.children)
            ):
                cur = cur.head  # "will not go to Moscow to meet him": the purpose shares the trip's modality
                chain.append(cur)
            elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in {"VERB", "AUX", "ADJ"}:
                cur = cur.head.head  # "is committed to opening", "vowed to continue by attacking"
                chain.append(cur)
            elif cur.dep_ == "ccomp" and _lemma(cur.head) in self.lex.permission_verbs and _to_infinitive(cur):
                cur = cur.head  # "will allow India to invest": what is allowed shares the allowing's modality
                chain.append(cur)
            elif (
                cur.pos_ in {"NOUN", "PROPN"}
                and cur.dep_ == "pobj"
                and cur.head.head.i != cur.head.i
                # not "pledged support days after a meeting with X": a time frame is no part of the act
                and cur.head.lower_ not in self.lex.time_frame_preps
            ):
                cur = cur.head.head  # "pledged 50 million dollars in aid": the verb over the phrase
                if cur.pos_ not in {"VERB", "AUX"}:
                    break
                chain.append(cur)
            elif (
                cur.dep_ == "acl"
                and cur.tag_ == "VBG"
                and cur.head.pos_ == "NOUN"
                and cur.head.dep_ in OBJ_DEPS
                and not self._actors_of(cur.head)
            ):
                cur = cur.head  # "promised to sign an accord recognising Cyprus": the accord's fate
                chain.append(cur)
            elif (
                cur.dep_ == "acl"
                and _to_infinitive(cur)
                and cur.head.dep_ in OBJ_DEPS
                and _lemma(cur.head) in self.lex.intent_nouns
            ):
                cur = cur.head  # "abandoned plans to tour the country": the plan's fate is the tour's
                chain.append(cur)
            else:
                break
        return chain

    def _under_modal(self, verb: Token) -> bool:
        """Whether ``verb`` has a modal auxiliary ("would fight", "will send")."""
        modals = self.lex.modal_intent | self.lex.modal_hypothetical
        return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)

    def _modality(self, tok: Token) -> str:
        chain = self._clause_chain(tok)
        negated = False
        intent = False
        hypothetical = False
        requested = False
        refused = False
        would = False
        for i, v in enumerate(chain):
            for c in v.children:
                low = c.lower_
                if c.dep_ == "neg" or (low in {"never", "no"} and c.dep_ in {"advmod", "det", "neg"}):
                    negated = True
                if c.dep_ in {"aux", "auxpass"}:
                    if low in self.lex.modal_intent or (low == "going" and any(x.lower_ == "to" for x in v.children)):
                        intent = True
                    elif low in self.lex.modal_hypothetical:
                        hypothetical = True
                        would = would or low in {"would", "'d"}
                    elif low in self.lex.modal_obligation:
                        intent = True
                if c.dep_ == "mark" and low in {"if", "unless"}:
                    hypothetical = True
            if i > 0 and chain[i - 1].dep_ != "conj":
                lem = _lemma(v)
                if lem in self.lex.refusal_verbs and i == 1 and chain[0].dep_ == "xcomp":
                    refused = True
                elif lem in self.lex.negating_controllers:
                    negated = True
                elif lem in self.lex.request_verbs and not (
                    (chain[i - 1].dep_ == "pobj" and chain[i - 1].head.lower_ in self.lex.frame_preps)
                    or (chain[i - 1].dep_ == "dobj" and chain[i - 1].pos_ == "NOUN" and lem in self.lex.light_verbs)
                ):
                    # not "told Putin in a phone call" (the frame of the telling) nor "ordered a pause in aid"
                    # (the noun is the act ordered)
                    requested = True
                elif (
                    # (by its forms too: the lemmatizer reads "hoped" as "hop")
                    (set(_lemma_forms(v)) & self.lex.intent_verbs or lem in self.lex.intent_adjectives)
                    and not (lem in self.lex.perpetrate_verbs and chain[i - 1].dep_ in OBJ_DEPS)
                    # "offered condolences": said, not promised
                    and not (chain[i - 1].dep_ in OBJ_DEPS and _lemma(chain[i - 1]) in self.lex.expressed_nouns)
                    # "undertook a mediation mission": done ("undertook to withdraw" is a promise)
                    and not (lem in self.lex.done_with_object and chain[i - 1].dep_ in OBJ_DEPS)
                ):
                    intent = True
                elif (
                    lem == "be"
                    and chain[i - 1].dep_ == "xcomp"
                    and _to_infinitive(chain[i - 1])
                    and _lemma(chain[i - 1]) != "blame"  # "Iran is to blame": responsible, not a plan
                ):
                    intent = True  # "is to hold talks", "are to work together": arranged, not yet done
            if v.pos_ in {"NOUN", "PROPN"}:
                for c in v.children:
                    if c.dep_ == "amod" and _lemma(c) in self.lex.prospective_adjectives:
                        intent = True  # "their imminent withdrawal", "the planned sale"
                    elif c.dep_ == "amod" and _lemma(c) in self.lex.possible_adjectives:
                        hypothetical = True  # "a possible attack"
        if (
            tok.pos_ == "NOUN"
            and tok.dep_ == "nsubj"
            and any(c.dep_ == "aux" and c.lower_ in self.lex.modal_hypothetical for c in tok.head.children)
        ):
            hypothetical = True  # "a Chinese attack on Taiwan could trigger a military response": a condition
        if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
            negated = True  # "strove for peace without compromising on its sovereignty", "left without firing a shot"
        if any(a.dep_ in CLAUSE_OF_NOUN and _lemma(a.head) in self.lex.negating_nouns for a in chain):
            negated = True  # "its failure to block supplies"
        denier = chain[-1].head
        if (
            chain[-1].dep_ == "ccomp"
            and _lemma(denier) in self.lex.denial_verbs
            # not a clause before a denial of its own object ("X accuses Y of Z, a charge Kabul denies"; "...;
            # Kigali denies it"): the accusation was made, what is denied is the charge
            and not (chain[-1].i < denier.i and any(c.dep_ in OBJ_DEPS for c in denier.children))
        ):
            negated = True  # "the rebels deny they are negotiating": the source says it is not so
        if self._disbelieved(tok):
            negated = True  # "did not believe there was any attempt to invade Taiwan": said not to be so
        if any(
            a.dep_ in {"acl", "xcomp"}
            and a.head.pos_ == "NOUN"
            and _lemma(a.head) in self.lex.intent_nouns
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children)
            for a in chain
        ):
            intent = True  # "reached an agreement to exchange data", "its threat to strike"
        top = chain[-1]
        if (
            top.dep_ in {"ccomp", "advcl"}
            and _lemma(top.head) not in self.lex.speech_verbs
            and not (top.dep_ == "advcl" and top.tag_ == "VBG")  # ", prompting X to ...": what followed, not a mood
            # "would launch centrifuges after the board passed a resolution": a past clause is what happened
            and not (top.dep_ == "advcl" and top.tag_ == "VBD" and any(c.dep_ == "mark" for c in top.children))
            and any(c.dep_ == "aux" and c.lower_ in self.lex.modal_hypothetical for c in top.head.children)
        ):
            hypothetical = True  # "the deal could see India invest", "could lead to Turkey reneging"
        if top.dep_ == "ROOT" and _to_infinitive(top) and not any(c.dep_ in SUBJ_DEPS for c in top.children):
            intent = True  # a headline's infinitive: "arms ban 'to be lifted'", "Blair to visit China"
        if refused and not negated:
            return "refused"
        if negated:
            return "negated"
        if any(
            (a.dep_ == "ccomp" and _lemma(a.head) in self.lex.demand_verbs)
            or (a.dep_ in CLAUSE_OF_NOUN and a.head.pos_ == "NOUN" and _lemma(a.head) in self.lex.demand_nouns)
            or (
                a.dep_ in {"ccomp", "advcl"}  # "faces pressure from X to help Y", parsed on the verb
                and any(c.dep_ in OBJ_DEPS and _lemma(c) in self.lex.demand_nouns for c in a.head.children)
                # not a clause of its own joined by "while", "as", "when" ... ("welcomed X's call for Y, while Z
                # urged W"); "reiterated its demand that Israel ease ..." is the demand's content
                and not any(c.dep_ == "mark" and c.lower_ != "that" for c in a.children)
            )
            for a in [tok, *tok.ancestors]
        ):
            requested = True  # "demanded that Japan halt the planned sale of ...": the demand is the event
        if any(
            v.dep_ == "ccomp"
            and set(_lemma_forms(v.head)) & self.lex.request_verbs
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            for v in chain
        ):
            requested = True  # "wants Putin to attack", parsed as a clause: asked for, not done
        if (
            intent
            and not negated
            and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                for v in chain
                for c in v.children
            )
        ):
            return "conditional"  # "will withdraw its force unless ...": a threat
        if requested:
            return "requested"
        if hypothetical and would and self._under_speech(chain[-1]):
            return "intent"  # "said that both would hold ...": future in the past
        if hypothetical:
            return "hypothetical"
        if intent:
            return "intent"
        return "asserted"

    def _reported_obligation(self, tok: Token) -> tuple[Actor, str] | None:
        """ "Russia said that Sudan must return ...": (the speaker, the demand or appeal code)."""
        chain = self._clause_chain(tok)
        top = chain[-1]
        modal = next(
            (
                c.lower_
                for v in chain
                for c in v.children
                if c.dep_ == "aux" and c.lower_ in self.lex.reported_obligation
            ),
            None,
        )
        if (
            modal is None
            and top.dep_ == "xcomp"
            and top.head.lemma_ == "have"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)
        ):
            modal, top = "have_to", top.head  # "Y has to withdraw"
        if modal is None:
            return None
        speaker: Actor | None = None
        if self._under_speech(top):
            subj, passive = self._subject(top.head)
            speaker = self._actor(subj) if subj is not None and not passive else None
        elif top.dep_ in {"acl", "ccomp"} and top.head.pos_ == "NOUN" and _lemma(top.head) in self.lex.speech_nouns:
            # "issued a stern reminder to Chad that it must withdraw": the one who speaks is the noun's owner
            noun = top.head
            owners = [a for c in noun.children if c.dep_ == "poss" for a in self._actors_of(c)]
            if not owners and noun.dep_ in OBJ_DEPS:
                subj, passive = self._subject(noun.head)
                owners = self._actors_of(subj) if subj is not None and not passive else []
            speaker = owners[0] if owners else None
        if speaker is None:
            return None
        return speaker, self.lex.reported_obligation[modal]

    def _under_speech(self, tok: Token) -> bool:
        head = _lemma(tok.head)
        return tok.dep_ == "ccomp" and (head in self.lex.speech_verbs or head in self.lex.promise_verbs)

    # -- reported speech -------------------------------------------------------------------------
    def _fought_with(self, tok: Token) -> list[Actor]:
        """The other side of the fighting an act happened in ("were killed in a clash with Chinese troops",
        "wounded during fighting with militants")."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "during"}:
                continue
            for fight in prep.children:
                if fight.dep_ not in {"pobj", "pcomp"} or _lemma(fight) not in self.lex.combat_nouns:
                    continue
                for with_ in fight.children:
                    if with_.dep_ == "prep" and with_.lower_ == "with":
                        foe = first_child(with_, "pobj")
                        if foe is not None and (actors := self._actors_of(foe)):
                            return actors
        return []

    def _narrated_conjunct(self, clause: Token) -> bool:
        """A clause with a subject of its own joined by ", and" to a reported clause about the speaker ("said he
        was appalled, and the US and China offered condolences"): the narrator's, not the speaker's."""
        head = clause.head
        if clause.dep_ != "conj" or head.dep_ != "ccomp" or not any(c.dep_ in SUBJ_DEPS for c in clause.children):
            return False
        cc = next((c for c in head.children if c.dep_ == "cc" and head.i < c.i < clause.i), None)
        if cc is None or cc.i == 0 or self.doc[cc.i - 1].text != ",":
            return False
        subj = next((c for c in head.children if c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS), None)
        return subj is not None and subj.lower_ in {"he", "she", "i", "we"}

    def _reporter(self, tok: Token, source: Actor | None) -> Actor | None:
        cur = tok
        for _ in range(8):
            if self._narrated_conjunct(cur):
                return None  # (whatever span a quote of the speaker was given)
            if cur.head.i == cur.i:
                break
            dep = cur.dep_
            if dep in {"advcl", "relcl"} and _lemma(cur) in self.lex.speech_verbs and self._subject(cur)[0] is not None:
                # "X said A, while an army spokesman said B": the spokesman speaks for himself; so does the UN in
                # "Russia said it was quitting the deal, a move the United Nations said would hurt millions"
                return None
            cur = cur.head
            if _lemma(cur) in self.lex.speech_verbs and dep in {
                "ccomp",
                "dobj",
                "xcomp",
                "parataxis",
                "advcl",
            }:
                subj, _ = self._subject(cur)
                if subj is not None:
                    rep = self._actor(subj)
                    if rep is not None:
                        return rep
        char = tok.idx
        for q in self.a.quotes:
            if q.act in STANCE_ACTS:
                continue  # "Orban blocked a proposed EU aid package": what one stands against is no report of it
            if q.speaker is not None and q.speaker.code and any(s <= char < e for s, e in q.spans):
                return q.speaker
        return None

    # -- coding ----------------------------------------------------------------------------------
    def code_sentence(self, sent: SpacySpan, sent_i: int) -> list[Event]:
        events: list[Event] = []
        toks = self.toks
        matched = {i: pat for i in self._within(self.triggers, sent) if (pat := self.match(toks[i])) is not None}
        for i, pat in matched.items():
            tok = toks[i]
            if pat.pos == "noun" and (self._named_by_verb(tok, matched) or self._named_by_noun(tok, matched)):
                continue  # "lifted its sanctions", "a pause in aid": the other pattern codes the act on the noun
            events.extend(self._code_trigger(tok, pat, sent, sent_i))
        events.extend(self._statements(sent, sent_i, events))
        events = self._drop_promises_of_acts(events)
        return _drop_generic([e for e in events if not _talk_to_press(e)])

    def _drop_promises_of_acts(self, events: list[Event]) -> list[Event]:
        """A promise (030, 034) whose clause holds an act coded on its own ("vowed that the group would continue to
        target ships"): the act, with the promise's intent, is the event."""
        starts = {e.trigger.start for e in events}
        out = []
        for e in events:
            span = (
                self.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
                if e.cameo in {"030", "034"}
                else None
            )  # (only a promise's trigger is looked up)
            verb = span.root if span is not None else None
            if (
                verb is not None
                and _lemma(verb) in self.lex.promise_verbs
                and any(
                    t.idx in starts
                    for c in verb.children
                    if c.dep_ in {"ccomp", "xcomp"}
                    for t in c.subtree
                    if t.i != verb.i
                )
            ):
                continue
            out.append(e)
        return out

    def _named_by_verb(self, noun: Token, matched: dict[int, TriggerPattern]) -> bool:
        """The noun is the object a matched verb pattern names ("lift sanctions", "ease the blockade")."""
        verb = noun.head
        vpat = matched.get(verb.i)
        if vpat is None or vpat.pos != "verb" or not vpat.objects or verb.i == noun.i:
            return False
        obj = self._object(verb)
        return obj is not None and noun.i in {o.i for o in _with_conj(obj)} and _names(noun, vpat.objects, self.lex)

    def _named_by_noun(self, noun: Token, matched: dict[int, TriggerPattern]) -> bool:
        """The noun is the "of"/"in" object a matched noun pattern names ("a pause in military aid")."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in {"of", "in"} or prep.head.i == prep.i:
            return False
        npat = matched.get(prep.head.i)
        if npat is None or npat.pos != "noun" or not npat.objects:
            return False
        return _names(noun, npat.objects, self.lex)

    def _code_trigger(self, tok: Token, pat: TriggerPattern, sent: SpacySpan, sent_i: int) -> list[Event]:
        if pat.pos == "verb" and _forces_in_place(tok, pat):
            return []
        if pat.pos == "verb":
            subj, passive = self._verb_subject(tok)
            if passive and self._passive_agent(tok) is None and set(_lemma_forms(tok)) & self.lex.stative_passives:
                passive = False  # "X is opposed to Y", "X is committed to Y": X is the one who opposes
            if passive:
                agent = self._passive_agent(tok)
                sources = self._actors_of(agent) if agent is not None else []
                targets = self._actors_of(subj) if subj is not None else []
                targets += [a for a in self._companions(tok, subj) if targets and all(a is not t for t in targets)]
                if targets and pat.objects and self._forces_as_means(subj, targets, pat):
                    targets = []  # troops sent or stationed are the means; a target is in the prepositions
                if not targets and subj is not None and pat.target != "none" and pat.objects:
                    # "a shell was fired at Israel from Lebanon": the subject is the thing, the target is
                    # in the pattern's prepositions and an attack's origin in "from"
                    targets = next((a for p in self._prep_objects(tok, pat.preps) if (a := self._actors_of(p))), [])
                    if not sources and targets and pat.code[:2] in {"18", "19", "20"}:
                        sources = next((a for p in self._prep_objects(tok, ("from",)) if (a := self._actors_of(p))), [])
                if not sources and targets and set(_lemma_forms(tok)) & self.lex.sent_away_verbs:
                    # "diplomats expelled from the United States", "deported from Mexico": the state they leave
                    sources = next(
                        (
                            [a for a in acts if a.agent in STATE_AGENTS | {None}]
                            for p in self._prep_objects(tok, ("from",))
                            if (acts := self._actors_of(p))
                        ),
                        [],
                    )
                if not sources and targets and pat.code[:2] in FORCE_ROOTS:
                    sources = self._fought_with(tok)  # "killed in a clash with Chinese troops": those troops
                if (
                    not sources
                    and targets
                    and pat.target != "none"
                    and not self._by_natural_cause(tok)
                    and not self._unexplained_count(targets, sent)
                ):
                    # "three civilians were killed": the victim is known, the doer is not
                    sources = [None]  # type: ignore[list-item]
                elif not sources and pat.code[:2] == "14" and pat.objects and subj is not None:
                    sources = [None]  # type: ignore[list-item]  # "rallies were held across the country"
                elif (
                    not sources
                    and not targets
                    and subj is not None
                    and pat.objects
                    and pat.target == "optional"
                    and pat.code[:2] in FORCE_ROOTS
                    and any(_names(o, pat.objects, self.lex) for o in _with_conj(_through_partitive(subj, self.lex)))
                    and not self._by_natural_cause(tok)
                ):
                    # "dozens of shops were looted", "a bomb was planted near the market": the act is known,
                    # neither doer nor a coded target is
                    sources = [None]  # type: ignore[list-item]
            else:
                sources = self._actors_of(subj) if subj is not None else []
                sources += [a for a in self._companions(tok, subj) if sources and all(a is not s for s in sources)]
                targets = [] if pat.target == "none" else self._verb_targets(tok, pat, sources)
                nominal_clause = tok.dep_ in {"acl", "xcomp"} and tok.head.pos_ == "NOUN"  # "an attempt to kill X"
                agentless = self._agentless_subject(subj) if subj is not None else nominal_clause
                if (
                    not sources
                    and targets
                    and agentless
                    and (pat.code[:2] in self.lex.sourceless_roots or (subj is not None and subj.pos_ == "PRON"))
                    and not self._by_natural_cause(tok)
                ):
                    # "a roadside bomb killed two soldiers", "an attempt to assassinate the governor": the
                    # victim is known, the doer is not (or is a thing or an uncoded group)
                    sources = self._owner_actors(subj) if subj is not None else []
                    if not sources and not self._unexplained_count(targets, sent):
                        sources = [None]  # type: ignore[list-item]
                elif not sources and pat.code[:2] == "14" and subj is not None and agentless:
                    # "thousands of people demonstrated in Kirkuk": a protest by an uncoded crowd, no target
                    sources = [None]  # type: ignore[list-item]
                if pat.id in self.lex.received_patterns:
                    if not targets:
                        return []  # "Pakistan received a loan": the giver is not named
                    sources, targets = targets, sources  # "received credits from China": China gives
        else:
            if pat.code[:2] == "06" and self._measured(tok):
                return []
            sources, targets = self._noun_arguments(tok, pat)
            if not sources and pat.code[:2] in {"14", "18", "19"} and self._happening(tok):
                sources = [None]  # type: ignore[list-item]  # "protests erupted in Minsk": no one named holds it
            elif not sources and pat.code[:2] == "14" and pat.code != "145" and self._time_framed(tok):
                if self._modality(tok) != "asserted":
                    return []  # "will use every tool during the protest": the frame's mood is not the protest's
                sources = [None]  # type: ignore[list-item]  # "police fired tear gas during the protests"
            if not targets and pat.target == "required":
                sources, targets = self._reciprocal(sources, tok, pat)
                if not targets:
                    return []  # a nominal event needs its target ("praised X for its support")
        if not sources:
            return []
        between = pat.target == "none" and pat.id in self.lex.symmetric_patterns  # "swapped prisoners": each other's
        if not targets and (pat.target == "required" or between or self._on_each_other(tok)):
            sources, targets = self._reciprocal(sources, tok, pat)  # a verb's act with each other, if any
        modality = self._modality(tok)
        demand = self._reported_obligation(tok)
        if demand is not None and sources:
            speaker, code = demand
            pat = TriggerPattern(id=f"obligation-{pat.id}", code=code, pos=pat.pos, lemmas=pat.lemmas)
            sources, targets, modality = [speaker], sources, "asserted"
        if modality == "negated" and set(_lemma_forms(tok)) & self.lex.refusal_when_negated:
            modality = "refused"  # "will not accept more refugees": a rejection
        if modality == "refused":
            # "declined to resign": a rejection when refusing a cooperative act, else not an event
            refusal = self.lex.refusal_code(pat.code)
            if refusal is None:
                modality = "negated"
            else:
                pat = TriggerPattern(
                    id=f"refuse-{pat.id}", code=refusal, pos=pat.pos, lemmas=pat.lemmas, target="optional"
                )
                modality = "asserted"
        if modality == "conditional":
            code = self.lex.intent_code(pat.code)
            threat = code if code.startswith("13") else "130"
            pat = TriggerPattern(id=f"threat-{pat.id}", code=threat, pos=pat.pos, lemmas=pat.lemmas, target="optional")
            modality = "intent"
        if modality in {"negated", "requested"} and not self.stage.keep_negated:
            return []
        if pat.id in self.lex.homecoming_patterns or pat.code in self.lex.homecoming_patterns:
            sources = [s for s in sources if not self._goes_home(tok, s, targets)]
            if not sources:
                return []
        events = []
        for src in sources:
            pairs = [
                (s, t)
                for tgt in targets or [None]  # type: ignore[list-item]
                for s, t in self._expand_groups(src, tgt)
                if not _same_actor(s, t) and not (_own_state(s, t) and pat.code[:2] not in self.lex.domestic_roots)
            ]
            if pat.id in self.lex.command_patterns:
                # "Yoon ordered the military to ...": a command to one's own state agents coerces no one
                pairs = [(s, t) for s, t in pairs if not _own_command(s, t)]
                if not pairs:
                    continue
            if not pairs and src is not None:
                pairs = [(src, None)]  # every target was the source itself ("Israel strengthened its forces")
            for s, t in pairs:
                coded = _words_or_force(tok, pat, s, t, self.lex)
                if coded is not None:
                    events.append(self._make_event(tok, coded, s, t, modality, sent, sent_i))
        return events

    def _goes_home(self, tok: Token, src: Actor | None, targets: list[Actor]) -> bool:
        """A journey that is no visit: by private travellers, to no actor and no known place ("will travel to a few
        towns to campaign"), or to a place in the traveller's own country (the target's country or that of
        a place in the "to"/"in" phrase)."""
        if src is None:
            return False
        if src.agent == "CVL":
            return True
        places = [
            p for pobj in self._prep_objects(tok, ("to", "in")) for p in self.a.places if p.start <= pobj.idx < p.end
        ]
        if not any(t is not None for t in targets) and not places:
            return True
        if not src.country:
            return False
        ends = {t.country for t in targets if t is not None} | {p.country for p in places}
        ends.discard(None)
        return bool(ends) and ends == {src.country}

    def _purpose_of_protest(self, tok: Token) -> bool:
        """ "marched to demand reforms", "continued their strike to demand ...": the clause is a protest's aim."""
        if tok.dep_ not in {"advcl", "xcomp"} or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        head = tok.head
        cands = [head, *(c for c in head.children if c.dep_ in OBJ_DEPS)]
        return any((m := self.match(t)) is not None and m.code[:2] == "14" for t in cands if t.i != tok.i)

    def _reciprocal(self, sources: list[Actor], tok: Token, pat: TriggerPattern) -> tuple[list[Actor], list[Actor]]:
        """Sources and targets of an act with no target that two parties do with each other: a group ("the two
        sides held talks") or conjoined subjects ("India and Pakistan signed a treaty", "traded accusations") in
        an act one does with someone, or in a cooperative act marked mutual ("should stand together", "support
        each other"); "the two countries welcomed the decision" is no act on each other."""
        symmetric = pat.code in self.lex.symmetric_patterns or pat.id in self.lex.symmetric_patterns
        symmetric = symmetric or self._on_each_other(tok)  # "both sides blamed each other"
        if not symmetric and not (pat.code[:2] in self.lex.reciprocal_roots and self._mutual(tok)):
            return sources, []
        for a in sources:
            if a is not None and len(a.members) >= 2:
                m1, m2 = a.members[0], a.members[1]
                return [m1, m2], [m2, m1]
        distinct: dict[str, Actor] = {}
        for a in sources:
            if a is not None and a.code:
                distinct.setdefault(a.code, a)
        if len(distinct) >= 2:
            both = list(distinct.values())
            return both, both
        return sources, []

    def _on_each_other(self, tok: Token) -> bool:
        """The act's object, or the object of its preposition, is "each other" or "one another"."""
        objs = [c for c in tok.children if c.dep_ in OBJ_DEPS]
        objs += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return any(
            _each_other(o) or (o.lower_ == "one" and any(d.lower_ == "another" for d in o.children))  # "one <- another"
            for o in objs
        )

    def _mutual(self, tok: Token) -> bool:
        """ "work together", "stood side by side", "support each other", "jointly build": done with one another."""
        for c in tok.children:
            if c.dep_ in {"advmod", "npadvmod"} and c.lower_ in self.lex.mutual_words:
                return True
            if any(_each_other(t) for t in (c, *c.children)):
                return True
        return False

    @staticmethod
    def _expand_groups(src: Actor | None, tgt: Actor | None) -> list[tuple[Actor | None, Actor | None]]:
        srcs: list[Actor | None] = list(src.members) if src is not None and src.members else [src]
        tgts: list[Actor | None] = list(tgt.members) if tgt is not None and tgt.members else [tgt]
        return [(s, t) for s in srcs for t in tgts]

    def _make_event(
        self,
        tok: Token,
        pat: TriggerPattern,
        src: Actor | None,
        tgt: Actor | None,
        modality: str,
        sent: SpacySpan,
        sent_i: int,
    ) -> Event:
        onto = self.stage.onto
        code = pat.code
        if modality == "intent":
            code = self.lex.intent_code(code)
        location = self._place(tok, code, src)
        code = _meeting_at_home(code, src, tgt, location)
        plover, mode = onto.plover_for(code)
        if pat.mode and code == pat.code:
            mode = pat.mode
        reporter = self._reporter(tok, src)
        if reporter is not None and src is not None and reporter.entity is not None and reporter.entity == src.entity:
            reporter = None
        if reporter is not None and src is not None and reporter.start <= src.start and src.end <= reporter.end:
            reporter = None  # "Saudi Arabia and Iran offered to mediate": Iran speaks for itself
        if reporter is not None and src is not None and any(m.code == src.code for m in reporter.members):
            reporter = None  # "the three powers said ... and called on Tehran": each of them speaks for itself
        trig = Span(tok.text, tok.idx, tok.idx + len(tok.text))
        date, precision, date_source = self._date(tok, sent)
        doc_id = self.a.article.doc_id
        key = f"{doc_id}|{trig.start}|{src.code if src else ''}|{tgt.code if tgt else ''}|{code}"
        event_id = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
        conf = 0.55 + 0.08 * pat.specificity
        if code[:2] in {"02", "10"} and self._purpose_of_protest(tok):
            conf *= 0.6  # "went on hunger strike to demand ...": the protest is the event, the demand its aim
        if modality == "hypothetical":
            conf *= 0.6  # "unless the president steps down": a condition, far less certain than what is done
        # an event whose target was not found is kept (PLOVER needs none) but is less certain
        src_conf = src.confidence if src else 0.6
        conf *= min(src_conf, tgt.confidence if tgt else (0.8 if pat.target != "required" else 0.6))
        evidence = Span(sent.text.strip(), sent.start_char, sent.start_char + len(sent.text.rstrip()))
        return Event(
            event_id=event_id,
            trigger=trig,
            sentence=sent_i,
            cameo=code,
            cameo_root=code[:2],
            source=src,
            target=tgt,
            plover=plover,
            plover_mode=mode,
            goldstein=_safe(onto.goldstein, code),
            quad_class=_safe(onto.quad_class, code),
            modality=modality,
            negated=modality == "negated",
            reported_by=reporter,
            date=date,
            date_precision=precision,
            date_source=date_source,
            location=location,
            confidence=min(conf, 0.99),
            coded_by="lexicon",
            pattern=pat.id,
            evidence=evidence,
        )

    def _date(self, tok: Token, sent: SpacySpan) -> tuple[str | None, str | None, str]:
        finder = self.stage.time_for_clause
        if finder is not None and self.a.times:
            te: TimeExpr | None = finder(self.a, [tok.i, *[c.i for c in self._clause_chain(tok)[1:]]])
            if te is not None and te.value:
                return te.value, te.precision, "clause"
            phrase = self._noun_phrase_dated(tok)
            if phrase:
                te = finder(self.a, [tok.i, *phrase])
                if te is not None and te.value:
                    return te.value, te.precision, "clause"
            for other in _happening_of(tok):
                # "were injured in the brawl, which took place on Wednesday": the time of what it happened in
                te = finder(self.a, [other.i])
                if te is not None and te.value:
                    return te.value, te.precision, "clause"
            for other in _when_partners(tok):
                # "When it joined the alliance in 2004, Slovenia pledged ...": a "when" clause and the clause
                # it hangs on share their time
                te = finder(self.a, [other.i])
                if te is not None and te.value:
                    return te.value, te.precision, "clause"
            shifted = self._days_apart(tok)
            if shifted is not None:
                return shifted, "day", "clause"
            before = self._followed_by(tok)
            if before is not None:
                te = finder(self.a, [before.i])
                if te is not None and te.value and te.precision in COARSE_PRECISIONS:
                    return te.value, te.precision, "clause"
            # the reporting clause: "..., the spokesman said on Wednesday"
            cur = tok
            for _ in range(8):
                if cur.head.i == cur.i:
                    break
                cur = cur.head
                if _lemma(cur) in self.lex.speech_verbs:
                    te = finder(self.a, [cur.i])
                    if te is not None and te.value:
                        return te.value, te.precision, "reporting_clause"
            root = sent.root
            if _lemma(root) in self.lex.speech_verbs and root.i != tok.i:
                te = finder(self.a, [root.i])
                if te is not None and te.value:
                    return te.value, te.precision, "reporting_clause"
        said_on = next(
            (
                q.date
                for q in self.a.quotes
                if q.date
                and (
                    any(s <= tok.idx < e for s, e in q.spans)
                    or (q.cue is not None and q.cue.start <= tok.idx < q.cue.end)  # the statement itself
                )
            ),
            None,
        )
        if said_on is None:  # a sentence that quotes someone without a cue of its own: said when the quote was
            said_on = next(
                (
                    q.date
                    for q in self.a.quotes
                    if q.date
                    and q.spans
                    and sent.start_char <= q.spans[0][0] < sent.end_char
                    and (q.cue is None or sent.start_char <= q.cue.start < sent.end_char)
                ),
                None,
            )
        if said_on is not None and said_on != self.a.article.date:
            return said_on, "day", "quotation"  # words said on Wednesday, reported in a later paragraph
        if self.a.article.date:
            return self.a.article.date, "day", "article"
        return None, None, "none"

    def _days_apart(self, tok: Token) -> str | None:
        """The day of an event in a clause "N days before / after" another ("arrives two days before she is
        set to sign", "resigned on Friday, two days after he was questioned"): the other's day (a day-precise date
        of its own, or the article's for a verb in the present tense) moved by N days or weeks."""
        top = self._clause_chain(tok)[-1]
        units = [c for c in top.children if c.dep_ == "npadvmod"]
        mark = next((c for c in top.children if c.dep_ == "mark" and c.lower_ in {"before", "after"}), None)
        if mark is None:  # ("a day after Turkey agreed ...", the parser hanging "after" on "day")
            mark = next((g for u in units for g in u.children if g.lower_ in {"before", "after"}), None)
        # (an "after" clause the parser joined as a conjunct: "summoned the envoy on Tuesday, a day after ...")
        if top.dep_ not in {"advcl", "conj"} or mark is None or self.stage.time_for_clause is None:
            return None
        units += [u for u in mark.children if u.dep_ == "npadvmod"]
        length = next(
            (
                t.value
                for t in self.a.times
                if t.type == "DURATION" and t.value and any(t.start <= u.idx < t.end for u in units)
            ),
            None,
        )
        size = re.fullmatch(r"P(\d+)([DW])", length or "")
        if size is None:
            return None
        te = self.stage.time_for_clause(self.a, [top.head.i])
        if te is not None and te.value and te.precision == "day":
            anchor = te.value
        elif te is None and top.head.tag_ in {"VBZ", "VBP"} and self.a.article.date:
            anchor = self.a.article.date  # "his comments come three days before ..."
        else:
            return None
        try:
            day = dt.date.fromisoformat(anchor[:10])
        except ValueError:
            return None
        days = int(size.group(1)) * (7 if size.group(2) == "W" else 1)
        return (day + dt.timedelta(days=days if mark.lower_ == "before" else -days)).isoformat()

    def _followed_by(self, tok: Token) -> Token | None:
        """The verb an "after" clause or phrase of ``tok`` dates ("imposed its ban in 1989 after troops opened
        fire", "in 1999 after the massacre", "in the wake of the attack"): what came just before shares a
        year or a month with it (not a day: it may have been the day before)."""
        top = self._clause_chain(tok)[-1]
        if top.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in top.children):
            return top.head
        if tok.dep_ != "pobj":
            return None
        prep = tok.head
        if prep.lower_ == "of" and _lemma(prep.head) in self.lex.aftermath_nouns and prep.head.dep_ == "pobj":
            prep = prep.head.head  # "in the wake of": as "after"
        elif prep.lower_ != "after":
            return None
        return prep.head if prep.head.pos_ in {"VERB", "AUX"} else None

    def _noun_phrase_dated(self, tok: Token) -> list[int]:
        """The words of the noun phrase that dates a trigger with no time of its own: a noun trigger's own
        phrase ("the siege of the port city in 1994"), or the noun a relative clause trigger describes ("a
        2011 raid that killed four"); prepositional and modifier links only, so that
        no other clause's time is taken."""
        # (or the date a "when" clause describes: "in 2003, when Slovenia endorsed ...")
        nominal = {"NOUN", "PROPN"}
        head = tok.head
        described = tok.dep_ in {"relcl", "acl"} and (head.pos_ in nominal or head.ent_type_ == "DATE")
        noun = head if described else tok
        if noun.pos_ not in nominal and not (noun is head and noun.ent_type_ == "DATE"):
            return []
        out: list[int] = []
        stack = [noun]
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in self.lex.aftermath_nouns:
            stack.append(noun.head.head)  # "in the aftermath of the crackdown in 1989": dated as the crackdown
        while stack:
            cur = stack.pop()
            out.append(cur.i)
            stack += [c for c in cur.children if c.dep_ in NOUN_PHRASE_DEPS]
        return [i for i in out if i != tok.i]

    def _place(self, tok: Token, code: str, src: Actor | None) -> Place | None:
        """Where the event took place: the place a visit of its clause went to, else the place of its clause
        (``place_for_clause``) unless that is no place of the event (``_not_there``), else the place of a
        participle or visit framing its subject ("Speaking in Beijing, X said", "X, who is visiting China,
        ..."), else the dateline."""
        finder = self.stage.place_for_clause
        if finder is None:
            return None
        chain = self._clause_chain(tok)
        visited = self._visited(chain)
        if visited is not None:
            return visited
        place: Place | None = finder(self.a, [tok.i, *[c.i for c in chain[1:]]])
        dateline = self.a.notes.get("dateline")
        fallback = dateline if isinstance(dateline, Place) else None
        if place is not None and place is not dateline and self._not_there(place, chain, code, src):
            place = fallback
        if place is None or place is dateline:
            return self._framing_place(chain) or place
        return place

    def _place_at(self, tok: Token) -> Place | None:
        """The place whose name ``tok`` heads, if any."""
        for place in self.a.places:
            span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None and span.root.i == tok.i:
                return place
        return None

    def _visited(self, chain: list[Token]) -> Place | None:
        """The place that a visit verb of the clause goes to ("visited Kabul to stress ...", "is visiting
        China") or a visit noun of it ("his visit to Beijing"): where the clause's events take place."""
        for v in chain:
            if _lemma(v) not in self.lex.visit_words:
                continue
            if v.pos_ in {"VERB", "AUX"}:
                found = [self._place_at(c) for c in v.children if c.dep_ in OBJ_DEPS]
            else:
                found = [self._place_at(o) for p in v.children if p.lower_ == "to" for o in p.children]
            place = next((p for p in found if p is not None and p.name is not None), None)
            if place is not None:
                return place
        return None

    def _not_there(self, place: Place, chain: list[Token], code: str, src: Actor | None) -> bool:
        """A place of the clause that is not where the event happened: a country a measure is "on" ("imposed
        its ban on China", "lift sanctions on Libya"; an attack "on" a country is there), the event's source
        named as a modifier ("US support": a nationality), or a place in a phrase of another time ("ahead of
        a meeting in London, X said": the meeting's place)."""
        span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if (
            root.dep_ == "pobj"
            and root.head.lower_ in {"on", "upon"}
            and (place.feature_code or "").startswith("PCL")
            and code[:2] not in FORCE_ROOTS
        ):
            return True
        if root.dep_ in {"compound", "amod", "nmod", "poss"} and _same_actor(self.by_token.get(root.i), src):
            return True
        anchors = {t.i for t in chain}
        path: list[Token] = []
        for up in root.ancestors:
            if up.i in anchors:
                break
            path.append(up)
            if up.lower_ in self.lex.sequence_preps and up.dep_ in {"prep", "advmod"}:
                return True
        if root.head.i in anchors or code[:2] not in self.lex.topic_place_roots or not path:
            return False
        # "criticised the raid in Gaza": the place of what a verbal act is about, under its object or topic
        top = path[-1]
        return top.head.i == chain[0].i and (
            top.dep_ in OBJ_DEPS or (top.dep_ == "prep" and top.lower_ in self.lex.topic_place_preps)
        )

    def _framing_place(self, chain: list[Token]) -> Place | None:
        """The place of what frames the clause of an event with no place of its own: a participle clause
        without a subject ("Speaking in Beijing, X said", "Leaving a Brussels summit, X said", "Visiting
        China, X said") or a visit its subject is on ("X, who is visiting China, said", "X, visiting
        Beijing, said"). A past visit ("X, who visited China last year") is not where X speaks now."""
        framing: list[Token] = []
        for v in chain:
            framing += [c for c in v.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
            for subj in (c for c in v.children if c.dep_ in SUBJ_DEPS):
                framing += [c for c in subj.children if c.dep_ in {"acl", "relcl"} and c.tag_ == "VBG"]
        for part in framing:
            if any(c.dep_ in SUBJ_DEPS and c.lower_ not in RELATIVE_PRONOUNS for c in part.children):
                continue  # an absolute clause with its own subject
            if part.dep_ == "relcl" and _lemma(part) not in self.lex.visit_words:
                continue  # "X, who is opening talks in Hanoi, said": not where X speaks
            visited = self._visited([part])
            if visited is not None:
                return visited
            heads = [part, *(o for o in part.children if o.dep_ in OBJ_DEPS and _lemma(o) in self.lex.gathering_nouns)]
            for h in heads:
                for c in h.children:
                    if c.dep_ in {"compound", "nmod"} and h is not part:
                        found = self._place_at(c)  # "a Brussels summit"
                    elif c.dep_ == "prep" and c.lower_ in {"in", "at"}:
                        found = next((p for o in c.children if (p := self._place_at(o)) is not None), None)
                    else:
                        continue
                    if found is not None and found.name is not None:
                        return found
        return None

    def _blamed(self, clause: Token) -> Actor | None:
        """The actor a copular clause blames: its subject, when the predicate is one of ``blame_predicates``
        ("Russia is responsible for the attack", "the militia was behind the bombing"), not negated."""
        if _lemma(clause) != "be" or any(c.dep_ == "neg" for c in clause.children):
            return None
        preds = [c for c in clause.children if c.dep_ in {"acomp", "prep"} and c.lower_ in self.lex.blame_predicates]
        if not preds:
            return None
        # of a harm: "responsible for the attack", "behind the bombing"; not "responsible for the cordon"
        objs = [o for p in preds for o in self._prep_objects(p, ("for", "of"))]
        objs += [g for p in preds if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        if not any(self._harm(o) for o in objs) and not any(p.lower_ in {"guilty", "culpable"} for p in preds):
            return None
        subj, passive = self._subject(clause)
        return self._actor(subj) if subj is not None and not passive else None

    def _harm(self, noun: Token) -> bool:
        """An act of force or coercion, a disaster or a death ("the attack", "the bombing", "the fire")."""
        pat = self.pattern(noun)
        if pat is not None and pat.code[:2] in FORCE_ROOTS:
            return True
        lemma = _lemma(noun)
        return lemma in self.lex.violence_words or lemma in self.lex.natural_causes or lemma == "death"

    def _clause_arguments(self, clauses: list[Token]) -> list[int]:
        """The words a reported clause is about, in text order: the subjects and objects of its verbs (and of
        their conjoined verbs) and the objects of their prepositions, with conjoined nouns; not a modifier
        deeper in a phrase ("the Iraqi border", "in the interest of China") nor an "it" ("It is reasonable
        to ..., Wang said")."""
        verbs = [v for c in clauses for v in (c, *(d for d in c.children if d.dep_ == "conj"))]
        args: list[Token] = []
        for v in verbs:
            for c in v.children:
                if c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS | OBJ_DEPS | {"dative", "attr"}:
                    args.append(c)
                elif c.dep_ in {"prep", "agent"}:
                    args += [g for g in c.children if g.dep_ == "pobj"]
        ids = {t.i for a in args for t in _with_conj(a) if t.lower_ not in {"it", "its"}}
        return sorted(ids)

    def _statements(self, sent: SpacySpan, sent_i: int, found: list[Event]) -> list[Event]:
        """A speech act whose content has no other event is coded as a statement (010)."""
        out = []
        trigger_tokens = {
            t.i
            for e in found
            for t in self.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand") or ()
        }
        for i in self._within(self.speech_verbs, sent):
            tok = self.toks[i]
            if i in trigger_tokens:
                continue  # (a speech verb coded as an event of its own: "warned X of retaliation")
            content = [c for c in tok.children if c.dep_ in {"ccomp", "parataxis"}]
            if not content:
                continue
            span_ids = {t.i for c in content for t in c.subtree}
            subj, passive = self._subject(tok)
            # "Mali and Burkina Faso warned that ...": each of the conjoined speakers
            sources = (
                [a for t in _with_conj(subj) if (a := self._actor(t)) is not None]
                if subj is not None and not passive
                else []
            )
            for src in sources:
                out += self._statement(tok, content, span_ids, src, found, trigger_tokens, sent, sent_i)
        return out

    def _statement(
        self,
        tok: Token,
        content: list[Token],
        span_ids: set[int],
        src: Actor,
        found: list[Event],
        trigger_tokens: set[int],
        sent: SpacySpan,
        sent_i: int,
    ) -> list[Event]:
        """The statement events of speaker ``src`` with the speech verb ``tok`` (see :meth:`_statements`)."""
        out: list[Event] = []
        if src.agent == "MED":
            return []  # "..., an AFP correspondent said": the press reports, it is no party
        code, tgt = "010", None
        warned: list[Actor] = []
        if _lemma(tok) in self.lex.warning_verbs:
            # "the IMF warned Kenya that its deficit would grow": a pessimistic comment on the one warned, or
            # on the owner of what the warning is about ("warned that Kenya's deficit was too large")
            code = "012"
            about = [s for c in content if (s := self._subject(c)[0]) is not None]
            # (the owner of what it is about, not the speaker's own state: "warned that Iran's response would be
            # more severe" is no comment on Iran)
            owners = (
                [a for a in self._owner_actors(s) if a.country is None or a.country != src.country] for s in about
            )
            tgt = next(
                (
                    a
                    for acts in (*(self._actors_of(c) for c in tok.children if c.dep_ in OBJ_DEPS), *owners)
                    for a in acts
                    if not _same_actor(a, src)
                ),
                None,
            )
            # "warned France and Germany that ...": each one warned
            warned = [
                a
                for c in tok.children
                if c.dep_ in OBJ_DEPS
                for o in _with_conj(c)
                for a in self._actors_of(o)
                if not _same_actor(a, src)
            ]
        # "X said that Y must return ...": a demand (or, with "should", an appeal) on Y
        for clause in content:
            modal = next(
                (c.lower_ for c in clause.children if c.dep_ == "aux" and c.lower_ in self.lex.reported_obligation),
                None,
            )
            csubj, cpassive = self._subject(clause)
            obliged = self._actor(csubj) if csubj is not None and not cpassive else None
            if modal is not None and obliged is not None and not _same_actor(src, obliged):
                code, tgt = self.lex.reported_obligation[modal], obliged
                break
        if tgt is None:
            blamed = next((b for clause in content if (b := self._blamed(clause)) is not None), None)
            if blamed is not None and not _same_actor(src, blamed):
                code, tgt = "112", blamed  # "said Russia was behind the attack": an accusation
        if tgt is None and span_ids & trigger_tokens:
            return []  # the content holds an event of its own
        if tgt is not None and any(
            (e.pattern or "").startswith("obligation-") and e.source is not None and _same_actor(e.source, src)
            for e in found
        ):
            return []  # the obligation was coded on the content's own trigger
        if tgt is None:
            # the one spoken to ("told Chinese Foreign Minister Wang Yi that ..."; no reporters), else an actor of
            # what was said; neither the speaker nor of the speaker's country
            # (one's own parliament or government may be told: "Takaichi told parliament that ...": JPNLEG)
            told = (
                a
                for c in tok.children
                if c.dep_ in {"dobj", "dative"}
                for a in self._actors_of(c)
                if a.agent != "MED" and not _same_actor(a, src) and (a.country != src.country or a.agent != src.agent)
            )
            said = (
                a
                for i in self._clause_arguments(content)
                if (a := self._actor(self.doc[i])) is not None
                and not _same_actor(a, src)
                and (a.country is None or a.country != src.country)
            )
            tgt = next(itertools.chain(told, said), None)
        if code == "010" and tgt is not None and _lemma(tok) in self.lex.announce_verbs:
            # "announced asset freezes and sanctions against X" (parsed as a clause): the measure announced
            measure = next(
                (
                    m
                    for i in sorted(span_ids)
                    if self.doc[i].pos_ == "NOUN" and (m := self.match(self.doc[i])) is not None
                ),
                None,
            )
            if measure is not None and measure.code[:2] in {"16", "17"}:
                code = measure.code
        pat = TriggerPattern(id=f"{code}-say", code=code, pos="verb", lemmas=frozenset({_lemma(tok)}))
        # a group ("the two governments") is its members, less the speaker's own side
        tgts = [m for m in tgt.members if m.country != src.country] if tgt is not None and tgt.members else [tgt]
        if code == "012" and any(a is tgt for a in warned):
            tgts = list({id(a): a for a in warned}.values())
        for t in tgts or [None]:
            out.append(self._make_event(tok, pat, src, t, self._modality(tok), sent, sent_i))
        return out


# Agents whose "attacks" on one another are words, not force ("Labour attacked the Conservatives"), and
# those whose retorts ("hit back") are force; the lexicon patterns of such retorts.
POLITICAL_AGENTS = {"GOV", "OPP", "PTY", "LEG", "ELI", "JUD"}
ARMED_AGENTS = {"MIL", "REB", "UAF", "INS"}
# Unarmed people who riot when they clash with police or troops: civilians, students, workers, farmers, refugees.
CROWD_AGENTS = {"CVL", "EDU", "LAB", "AGR", "REF"}
RETORT_PATTERNS = {"hit-back", "hit-out"}


def _words_or_force(
    tok: Token, pat: TriggerPattern, src: Actor | None, tgt: Actor | None, lex: EventLexicon
) -> TriggerPattern | None:
    """Words or force (the word lists are ``events.yaml``'s): a force verb between political actors
    (``POLITICAL_AGENTS``), or by one against no actor, is criticism (111: "Labour attacked the Tories",
    "attacked the way the war was sold") or a contest that is no event (None: "will fight the Tories", "to
    target stamp duty"); workers who strike stop work (143), civilians, students, workers, farmers or refugees
    (``CROWD_AGENTS``) who clash with police or troops riot (145), while clashes of armed men are fighting
    (190); "hit back" or "lashed out", criticism in the lexicon, is force when armed men do it ("troops hit back
    at rebels")."""
    if pat.id in RETORT_PATTERNS and src is not None and src.agent in ARMED_AGENTS:
        return replace(pat, code="190")
    sides = [a.agent for a in (src, tgt) if a is not None]
    if (
        pat.code == "145"
        and _lemma(tok) in lex.riot_verbs
        and ARMED_AGENTS & set(sides)
        and not CROWD_AGENTS & set(sides)
    ):
        return replace(pat, id="armed-clash", code="190")  # "clashes between the army and the rebels" are fighting
    topics = {c.lower_ for c in tok.children if c.dep_ == "prep" and not _temporal(c)}
    topics &= lex.topic_preps | ({"on"} if _headline(tok.sent) else set())
    if (
        pat.code == "190"
        and pat.pos == "verb"
        and _lemma(tok) in lex.verbal_force_verbs
        and ("over" in topics or (topics and tgt is not None and tgt.agent in POLITICAL_AGENTS))
        and not ARMED_AGENTS & set(sides)
        and not (src is not None and src.agent in CROWD_AGENTS)
    ):
        # "clashed with the president over trade": a dispute; "the minister was attacked for his remarks",
        # "Minister attacked on arms policy": criticism
        return replace(pat, id="clash-over", code="111")
    if pat.code != "190" or pat.pos != "verb" or src is None:
        return pat
    words = {_lemma(tok)}
    if pat.objects and (tgt is not None or src.agent == "LAB"):
        # "launched an attack on the Tories", "carried out strikes": the object names the act (against no
        # one named, "carried out an attack" is force)
        words |= {_lemma(c) for c in tok.children if c.dep_ in OBJ_DEPS and _lemma(c) in pat.objects}
    if src.agent == "LAB" and words & lex.work_stoppage_words:
        return replace(pat, id="strike-work", code="143")
    if src.agent in CROWD_AGENTS and tgt is not None and tgt.agent in {"COP", "MIL"} and words & lex.riot_verbs:
        return replace(pat, id="riot-clash", code="145")
    if src.agent not in POLITICAL_AGENTS or (tgt is not None and tgt.agent not in POLITICAL_AGENTS):
        return pat
    if words & lex.verbal_force_verbs:
        return replace(pat, id="attack-verbal", code="111")
    if words & lex.contest_force_verbs:
        return None
    return pat


FIRST_PERSON = frozenset({"we", "us", "i", "me"})
# Quotes that hold a stance or an impression, not a report of what happened (see docs/quotes.md, "act").
STANCE_ACTS = frozenset({"intention", "impression"})
TERMINAL_PUNCT = frozenset({".", "!", "?", "...", ":", ";"})


def _headline(sent: SpacySpan) -> bool:
    """A headline line ("Minister attacked over policy"): no closing punctuation (before any closing quote), and
    a line break or the end of the text right after it."""
    words = [t for t in sent if not t.is_space]
    while words and words[-1].is_quote:
        words.pop()
    if not words or words[-1].text in TERMINAL_PUNCT:
        return False
    end = words[-1].idx + len(words[-1].text)
    text = doc_text(sent.doc)
    return end >= len(text.rstrip()) or "\n" in text[end : sent.end_char + 1]


def _own_command(src: Actor | None, tgt: Actor | None) -> bool:
    """A command from a state's government or forces to its own government, forces or police."""
    if src is None or tgt is None or not src.country or src.country != tgt.country:
        return False
    return src.agent in {"GOV", "MIL", None} and tgt.agent in {"GOV", "MIL", "COP", "SPY"}


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return False
    if a.entity is not None and a.entity == b.entity:
        return True
    if a.code == b.code and a.agent == "PTY" and a.name and b.name and a.name != b.name:
        return False  # two parties of one country in an undated article ("Labour accused the Tories")
    return a.code == b.code


def _own_state(a: Actor | None, b: Actor | None) -> bool:
    """A country and its own state ("Israel released the mayor" where the mayor was coded Israeli government):
    the same side on both ends of a dyad is a mis-coded target, not a domestic event (police arresting a
    citizen of their own country is one, and is kept, as is a government's curfew on its own country)."""
    if a is None or b is None or not a.country or a.country != b.country or a.members or b.members:
        return False
    state = {a.country, f"{a.country}GOV"}
    return a.code in state and b.code in state


def _meeting_at_home(code: str, src: Actor | None, tgt: Actor | None, place: Place | None) -> str:
    """A meeting (044, "at a third location") in the country of one side is a visit by the other: 042 for the
    side that came ("met Lavrov in Moscow"), 043 for the host."""
    if code != "044" or place is None or not place.country or src is None or tgt is None:
        return code
    if src.country and tgt.country and src.country != tgt.country:
        if place.country == tgt.country:
            return "042"
        if place.country == src.country:
            return "043"
    return code


# an auxiliary, a clause or a second object: a headline verb with one of these is no bare passive
HEADLINE_ACTIVE_DEPS = frozenset({"aux", "auxpass", "ccomp", "xcomp", "dative", "oprd"})
MOVED_TO = frozenset({"to", "into", "towards", "toward"})


def _forces_in_place(verb: Token, pat: TriggerPattern) -> bool:
    """ "British troops deployed in Iraq", "soldiers stationed in Afghanistan": a participle after the forces that
    says where they are describes them; forces sent somewhere ("to Mali") or at a time of their own ("deployed
    last week") are a deployment."""
    return (
        (pat.code[:2] == "15" or pat.code == "074")
        and verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.i > verb.head.i
        and not any(
            (c.dep_ in {"prep", "advmod"} and c.lower_ in MOVED_TO)
            or _temporal(c)
            or c.ent_type_ in {"DATE", "TIME"}
            or c.dep_ == "agent"
            for c in verb.children
        )
    )


CURRENCY_WORDS = frozenset({"dollar", "euro", "pound", "yen", "yuan", "rouble", "ruble", "rupee", "m", "bn"})


def _money(tok: Token) -> bool:
    """A sum of money ("$500m", "6bn", "50 million dollars")."""
    return (
        tok.ent_type_ == "MONEY"
        or _lemma(tok) in CURRENCY_WORDS
        or any(c.tag_ == "$" or c.ent_type_ == "MONEY" for c in tok.children)
    )


def _degree_participle(verb: Token) -> bool:
    """A participle graded by a superlative ("worst-hit", "the hardest hit", "most affected"): it compares how
    much some suffered, a description rather than an act."""
    return verb.tag_ == "VBN" and any(c.dep_ == "advmod" and c.tag_ in {"RBS", "JJS"} for c in verb.children)


QUESTION_WORDS = frozenset({"why", "whether", "if", "what", "how", "when", "where", "who", "which", "whom"})


def _asks_a_question(verb: Token) -> bool:
    """``verb`` takes a clause opened by a question word and no infinitive ("asked why ...", "asked whether ..."),
    or a quoted question ('"Is this not spin?" he asked': a question put in debate, no appeal)."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    if not any(c.dep_ in OBJ_DEPS for c in verb.children):
        before = verb.left_edge.i - 1
        while before >= 0 and (verb.doc[before].is_quote or verb.doc[before].text == ","):
            before -= 1
        if any(t.text == "?" for t in verb.sent) or (before >= 0 and verb.doc[before].text == "?"):
            return True  # the question, quoted before or after the verb, may be parsed as a sentence of its own
    return any(c.dep_ == "ccomp" and c.doc[c.left_edge.i].lower_ in QUESTION_WORDS for c in verb.children)


def _talk_to_press(e: Event) -> bool:
    """A consultation (04) with reporters is how a statement was made, no contact between actors ("spoke to
    reporters in Beijing"): the quote and statement layers have it."""
    return e.cameo_root == "04" and e.target is not None and e.target.agent == "MED" and not e.target.name


def _drop_generic(events: list[Event]) -> list[Event]:
    """Within one sentence, drop an event whose dyad has a more specific event of the same root."""

    def dyad(e: Event) -> tuple[str, str]:
        return (e.source.code if e.source else "", e.target.code if e.target else "")

    out: list[Event] = []
    for e in events:
        if any(dyad(o) == dyad(e) and o.cameo == e.cameo for o in out):
            continue  # "imposed sanctions on X": the verb and its noun code one event
        if e.target is None and any(
            o.cameo == e.cameo and o.target is not None and dyad(o)[0] == dyad(e)[0] for o in events
        ):
            continue  # "students hurling rocks clashed with police": one riot, against the police
        if (
            e.cameo_root == "03"
            and e.target is None
            and any(
                o is not e and o.modality == "intent" and o.cameo_root != "03" and dyad(o)[0] == dyad(e)[0]
                for o in events
            )
        ):
            continue  # "vowed to attack Taiwan": the intent is the attack's (138), no promise to cooperate
        generic = len(e.cameo) == 3 and e.cameo.endswith("0")
        if generic and any(
            o is not e
            and o.cameo_root == e.cameo_root
            and o.cameo != e.cameo
            # the same dyad, or the same source with a target where this one has none ("agreed to cooperate")
            and (dyad(o) == dyad(e) or (e.target is None and dyad(o)[0] == dyad(e)[0] and o.plover == e.plover))
            for o in events
        ):
            continue
        out.append(e)
    return out


def _safe(fn: Callable[[str], Any], code: str) -> Any:
    try:
        return fn(code)
    except KeyError:
        return None
