"""Speakers, reporters and addressees of quotations as actors: coded through the actor stage where it ran,
with a small fallback coreference for pronouns."""

from __future__ import annotations

import copy
import importlib
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from corridor.model import Actor
from corridor.pipeline import Analysis
from corridor.quoting.base import PERSON_PRONOUNS, REL_PRONOUNS, Candidate, FinderBase
from corridor.stages.actors import expletive

# -- actors ------------------------------------------------------------------------------------------


def actor_lookup() -> Any:
    """The actor stage's ``actor_for_span`` (codes a span as an actor), or None without that stage."""
    try:
        module = importlib.import_module("corridor.stages.actors")
    except Exception:  # the actor stage is optional
        return None
    return getattr(module, "actor_for_span", None)


def entity_name(ents: Sequence[SpacySpan], lo: int, hi: int) -> str | None:
    """The text of the first person entity inside tokens [lo, hi), else of an organization or place; not of an
    owner ("Putin's spokesman, Dmitry Peskov" is named Peskov, "Putin's spokesman" not Putin)."""
    for labels in ({"PERSON"}, {"ORG", "GPE", "NORP"}):
        for ent in ents:
            if ent.start >= lo and ent.end <= hi and ent.label_ in labels and not _owner(ent, lo, hi):
                return str(ent.text)
    return None


def _owner(ent: SpacySpan, lo: int, hi: int) -> bool:
    """Whether a person entity is whom the phrase's head belongs to or works for ("Putin's spokesman", "a
    spokesman for Boris Johnson"), not the head itself."""
    doc = ent.doc
    if ent.label_ != "PERSON":
        return False
    if doc[ent.end - 1].tag_ == "POS" or (ent.end < hi and doc[ent.end].tag_ == "POS"):
        return True
    tok = ent.root
    while tok.head.i != tok.i and lo <= tok.head.i < hi:
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in {"of", "for"}:
            return True
        tok = tok.head
    return False


def lookup_actor(analysis: Analysis, start: int, end: int, lookup: Any) -> Actor | None:
    """The actor stage's actor for the characters [start, end), as it stands; None when uncoded."""
    if lookup is None:
        return None
    try:
        actor = lookup(analysis, start, end)
    except Exception:  # an unfinished actor stage must not stop quoting
        return None
    return actor if isinstance(actor, Actor) else None


def coded_speaker(analysis: Analysis, lo: int, hi: int, lookup: Any, ents: Sequence[SpacySpan]) -> Actor | None:
    """The actor stage's actor for tokens [lo, hi) (``lookup`` is :func:`actor_lookup`'s result), anchored on
    that span and named after its entity when the actor has no name; None when the span is not coded."""
    span = analysis.doc[lo:hi]
    coded = lookup_actor(analysis, span.start_char, span.end_char, lookup)
    if coded is None:
        return None
    a = copy.copy(coded)
    a.text, a.start, a.end = span.text, span.start_char, span.end_char
    if not a.name:
        a.name = entity_name(ents, lo, hi) or coded.text
    return a


def unresolved_speaker(analysis: Analysis, lo: int, hi: int, ents: Sequence[SpacySpan]) -> Actor:
    """An uncoded actor for tokens [lo, hi), named after its entity where it has one."""
    span = analysis.doc[lo:hi]
    return Actor(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        code="",
        name=entity_name(ents, lo, hi),
        resolved_by="unresolved",
        confidence=0.3,
    )


class Speakers:
    """Speaker, reporter and addressee actors, with a small fallback coreference for pronouns."""

    def __init__(self, analysis: Analysis, finder: FinderBase) -> None:
        self.analysis = analysis
        self.doc = analysis.doc
        self.ents: list[SpacySpan] = list(analysis.doc.ents)
        self.finder = finder
        self.lookup = actor_lookup()
        # (token index, actor, the reporters of its quote, whether it was a reporter itself)
        self.history: list[tuple[int, Actor, list[Actor], bool]] = []

    def remember(self, cand: Candidate, actor: Actor | None, reported: list[Actor], reporter: bool) -> None:
        if actor is not None and cand.speaker is not None:
            self.history.append((cand.speaker[0], actor, list(reported), reporter))

    def _coded(self, lo: int, hi: int) -> Actor | None:
        return coded_speaker(self.analysis, lo, hi, self.lookup, self.ents)

    def actor(self, lo: int, hi: int) -> Actor:
        """The actor for the token range [lo, hi): coded when the actor stage knows it."""
        return self._coded(lo, hi) or unresolved_speaker(self.analysis, lo, hi, self.ents)

    def _is_pronoun(self, lo: int, hi: int) -> bool:
        return hi - lo == 1 and self.doc[lo].lower_ in PERSON_PRONOUNS | REL_PRONOUNS

    def speaker(self, cand: Candidate) -> tuple[Actor | None, list[Actor]]:
        """The speaker of ``cand`` and the reporters inherited through its antecedent, if any."""
        if cand.speaker is None:
            return None, []
        lo, hi = cand.speaker
        end = self.finder.dateline_end_of(lo)
        if end is not None and lo < end:  # "MEXICO CITY (AP) - ...": the dateline is no speaker
            if hi <= end:
                return None, []
            lo = end
        if hi - lo == 1 and expletive(self.doc[lo]):
            return None, []  # "it is interesting to note that ...": no one's words
        if not self._is_pronoun(lo, hi):
            return self.actor(lo, hi), []
        tok = self.doc[lo]
        ante: Actor | None = None
        inherited: list[Actor] = []
        if tok.lower_ in REL_PRONOUNS:
            verb = self.doc[cand.head]
            while verb.dep_ not in {"relcl", "ROOT"} and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ == "relcl":
                ante = self.actor(*np_range_head(verb.head))
        # the actor stage's reading of the pronoun: first when it resolved it (one coreference for quotes and
        # events), else after the last speaker
        coded = None if ante is not None else lookup_actor(self.analysis, tok.idx, tok.idx + len(tok.text), self.lookup)
        if coded is not None and coded.code and coded.resolved_by == "coreference" and tok.lower_ not in REL_PRONOUNS:
            ante = coded
        if ante is None:
            ante, inherited = self._antecedent(tok)
        if ante is None:
            ante = coded
        if ante is None:
            return self.actor(lo, hi), []
        a = copy.copy(ante)
        a.text, a.start, a.end = tok.text, tok.idx, tok.idx + len(tok.text)
        # the actor stage's own reading of the pronoun names no one when its antecedent had no name
        a.name = ante.name or (None if ante.text.lower() in PERSON_PRONOUNS | REL_PRONOUNS else ante.text)
        a.resolved_by = "coreference"
        a.confidence = min(ante.confidence, 0.7) if ante.code else 0.3
        return a, inherited

    def _antecedent(self, tok: Token) -> tuple[Actor | None, list[Actor]]:
        sent_k = self.finder.sent_of[tok.i]
        near = sorted(
            (h for h in self.history if h[0] < tok.i and sent_k - self.finder.sent_of[h[0]] <= 4),
            key=lambda h: h[0],
        )
        plural = tok.lower_ in {"they", "them"}
        # a person named as the subject of a sentence after the last speaker is the nearer antecedent ('X said
        # A. Blyde was more cautious. "B," he said': Blyde, whom no table codes)
        person = None if plural else self._subject_person(tok, sent_k)
        for want_reporter in (False, True):  # speakers before reporters: "The deal, he said, ..."
            for pos, actor, reps, reporter in reversed(near):
                if reporter != want_reporter:
                    continue
                if person is not None and person.start > pos:
                    return self.actor(person.start, person.end), []
                if plural or actor.text.lower() not in {"they", "them"}:
                    return actor, reps
        for ent in reversed(self.ents):
            if ent.label_ != "PERSON" or ent.start >= tok.i:
                continue
            if sent_k - self.finder.sent_of[ent.start] > 4:
                break
            return self.actor(ent.start, ent.end), []
        return None, []

    def _subject_person(self, tok: Token, sent_k: int) -> SpacySpan | None:
        """The latest person entity before ``tok`` that is a sentence's subject outside quotation marks, in the
        sentence before the pronoun's or its own."""
        for ent in reversed(self.ents):
            if ent.start >= tok.i:
                continue
            if sent_k - self.finder.sent_of[ent.start] > 1:
                return None
            if (
                ent.label_ == "PERSON"
                and ent.root.dep_ in {"nsubj", "nsubjpass"}
                and not self.finder.in_region(ent.root)
            ):
                # (not one who spoke or reported already: "..., spokesman Omar Diaz said")
                spoke = any(a.start <= ent.start_char < a.end for _, a, _, _ in self.history)
                return None if spoke else ent
        return None


def np_range_head(tok: Token) -> tuple[int, int]:
    """The noun phrase of ``tok`` without its relative clause and appositions."""
    lo = tok.i
    for c in tok.lefts:
        lo = min(lo, min(t.i for t in c.subtree))
    hi = tok.i + 1
    for c in tok.rights:
        if c.dep_ in {"relcl", "appos", "punct", "acl", "prep"}:
            break
        hi = max(hi, max(t.i for t in c.subtree) + 1)
    return lo, hi
