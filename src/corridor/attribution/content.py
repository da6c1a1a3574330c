"""The content and the source of a cue, built from the dependency parse.

For a cue token the parse offers a few *constructions* of its content (PolNeAR's most common relations
between a cue and its content, counted on the training split):

* ``according``: "according to X, ..." - the clause the phrase modifies, without the phrase;
* ``clause``: the cue's complement clause (a ccomp, or a that-clause on a noun);
* ``xcomp``: its infinitive or participle complement ("vowed to ...");
* ``pobj``: the object of its first following preposition ("worried about ...");
* ``object``: its direct object ("announced a plan");
* ``head``: for a cue hanging off a clause ("..., X believes"; "..., said X"), that clause without the cue;
* ``rest``: the rest of the sentence after the cue;
* ``before``: the sentence before the cue ("The plan failed, officials believe.").

Which construction to use is read from a small table learned on the training split: for the cue's
*signature* (the constructions available, its dependency label and part of speech) the construction that
most often gave the gold content, with back-off to the set of available constructions, then to a fixed order.
The source is the cue's subject (or the object of "according to", a noun's possessor or "by" agent).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from corridor.attribution.features import subject_of

__all__ = [
    "CONSTRUCTIONS",
    "FALLBACK_ORDER",
    "choose",
    "constructions",
    "signature",
    "speaker_range",
    "trim",
]

CONSTRUCTIONS = ("according", "clause", "xcomp", "pobj", "object", "head", "rest", "before")
FALLBACK_ORDER = ("according", "clause", "xcomp", "head", "pobj", "object", "rest", "before")
EDGE = {",", ".", ";", ":", "--", "—", "–", "-", "(", ")", "[", "]", "and", "but", "that"}
MARKS = {"that", "whether", "if"}
COARSE_DEPS = {"ROOT", "advcl", "conj", "relcl", "ccomp", "xcomp", "acl", "pcomp", "parataxis", "prep", "pobj"}


def _sub(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def trim(doc: Doc, ids: set[int], keep_that: bool = True) -> set[int]:
    """Drop spaces, punctuation and joining words at the two ends of a content (a leading "that" stays
    when ``keep_that``: PolNeAR's contents keep the complementizer)."""
    out = {i for i in ids if not doc[i].is_space}
    while out:
        lo = min(out)
        t = doc[lo]
        opening_quote = t.text in {"“", '"', "‘"}
        if (t.is_punct and not opening_quote) or (t.lower_ in EDGE and not (keep_that and t.lower_ == "that")):
            out.discard(lo)
        else:
            break
    while out:
        hi = max(out)
        t = doc[hi]
        if (t.is_punct and t.text not in {"”", '"', "’"}) or t.lower_ in EDGE:
            out.discard(hi)
        else:
            break
    return out


def _according_phrase(tok: Token) -> set[int]:
    return _sub(tok) | {tok.i + 1} | (_sub(tok.doc[tok.i + 1]) if tok.i + 1 < len(tok.doc) else set())


def constructions(tok: Token) -> dict[str, set[int]]:
    """The content each construction gives for cue ``tok`` (token indices, trimmed, within the sentence);
    only those that give words are returned."""
    doc = tok.doc
    sent = tok.sent
    in_sent = set(range(sent.start, sent.end))
    own = _sub(tok)
    out: dict[str, set[int]] = {}
    kids = list(tok.children)
    if tok.lower_ == "according":
        phrase = _according_phrase(tok)
        head = tok.head
        base = in_sent if head.i == tok.i or head.i in phrase else _sub(head)
        out["according"] = base - phrase
    clause: set[int] = set()
    for c in kids:
        if c.dep_ == "ccomp" or (
            c.dep_ in {"acl", "advcl"} and any(g.dep_ == "mark" and g.lower_ in MARKS for g in c.children)
        ):
            clause |= _sub(c)
    if clause:
        out["clause"] = clause
    xcomp = set()
    for c in kids:
        if c.dep_ == "xcomp" and c.i > tok.i:
            xcomp |= _sub(c)
    if xcomp:
        out["xcomp"] = xcomp
    for c in kids:
        if c.dep_ == "prep" and c.i > tok.i and tok.lower_ != "according":
            pobj = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"}:
                out["pobj"] = _sub(pobj)
                break
    obj = set()
    for c in kids:
        if c.dep_ in {"dobj", "attr", "oprd"} and c.i > tok.i:
            obj |= _sub(c)
    if obj:
        out["object"] = obj
    if tok.head.i != tok.i and tok.dep_ in {"parataxis", "ccomp", "advcl", "conj", "prep", "dep"}:
        head_ids = _sub(tok.head) - own
        if tok.dep_ == "conj":
            head_ids = {i for i in head_ids if i < tok.i}
        out["head"] = head_ids
    out["rest"] = set(range(tok.i + 1, sent.end))
    left = min(own)
    before = {i for i in range(sent.start, left)}
    if before:
        out["before"] = before
    cleaned: dict[str, set[int]] = {}
    for name, ids in out.items():
        ids = trim(doc, (ids & in_sent) - {tok.i})
        if sum(1 for i in ids if doc[i].is_alpha) >= 2:
            cleaned[name] = ids
    return cleaned


def signature(tok: Token, available: Mapping[str, set[int]]) -> tuple[str, str]:
    """The table keys of a cue: (available constructions, and the same with its dependency and POS)."""
    avail = ",".join(c for c in CONSTRUCTIONS if c in available)
    dep = tok.dep_ if tok.dep_ in COARSE_DEPS else "other"
    pos = "according" if tok.lower_ == "according" else tok.pos_
    return avail, f"{avail}|{dep}|{pos}"


def choose(tok: Token, available: Mapping[str, set[int]], table: Mapping[str, str]) -> str | None:
    """The construction to use for ``tok``: the table's choice for its signature, else a fixed order."""
    if not available:
        return None
    coarse, fine = signature(tok, available)
    for key in (fine, coarse):
        pick = table.get(key)
        if pick in available:
            return pick
    return next((c for c in FALLBACK_ORDER if c in available), None)


def speaker_range(tok: Token) -> tuple[int, int] | None:
    """The token range [start, end) of the cue's source: its subject, relative clauses and trailing
    punctuation left out; None when it has none."""
    subj = subject_of(tok)
    if subj is None:
        return None
    ids = _sub(subj)
    for t in subj.children:
        if t.dep_ in {"relcl", "acl"}:
            ids -= _sub(t)
    if subj.head.i == tok.i or subj.i > tok.i:
        ids -= _sub(tok) - _sub(subj)
    if tok.i in ids:  # a participle on its subject: "a statement saying ..."
        ids = {i for i in ids if i < tok.i}
    if not ids:
        return subj.i, subj.i + 1
    doc = tok.doc
    lo, hi = min(ids), max(ids) + 1
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space or doc[hi - 1].i not in ids):
        hi -= 1
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return lo, hi
