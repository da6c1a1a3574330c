"""Candidate cue tokens and their features, from a spaCy parse and the earlier stages' layers.

A candidate is a content word that may report an attribution: a verb, a clause-heading auxiliary, a noun,
or "according" in "according to". Its features are binary strings: the lemma and its part of speech and
dependency, the complements it governs (a ccomp, xcomp, a that-clause, an object, prepositions), its
subject (kind, entity label, pronoun person, whether the actor stage coded it), negation, auxiliaries,
neighbouring lemmas, its place in the sentence, whether it lies inside a quotation, and its classes in the
quote stage's cue lexicon (``speech.yaml``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from corridor.syntax import first_child

__all__ = ["FEATURE_VERSION", "DocContext", "is_candidate", "subject_of", "token_features"]

FEATURE_VERSION = 1

SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}
FIRST_PERSON = {"i", "we", "me", "us"}
THIRD_PERSON = {"he", "she", "they", "him", "her", "them", "it"}
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis", "acl", "pcomp"}


@dataclass
class DocContext:
    """What the features need besides the token: the cue lexicon, coded actor tokens, quotation offsets."""

    lexicon: Mapping[str, Collection[str]] = field(default_factory=dict)  # lemma -> cue classes
    nouns: Collection[str] = frozenset()  # statement nouns of the lexicon
    actor_tokens: Collection[int] = frozenset()  # token indices inside a coded actor mention
    quoted_chars: Collection[int] = frozenset()  # character offsets inside quotation marks


def is_candidate(tok: Token) -> bool:
    """Whether ``tok`` may be an attribution cue (the model scores only these)."""
    if tok.lower_ == "according":
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if not tok.is_alpha or len(tok.text) < 2:
        return False
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ == "AUX":
        return tok.dep_ not in {"aux", "auxpass"}
    return tok.pos_ == "NOUN"


def subject_of(tok: Token) -> Token | None:
    """The cue's subject: its own, the noun a participle modifies, or that of the verb it hangs from
    ("X denied it and insisted ...", "X wants to argue ..."); for a noun its possessor or "by" agent."""
    if tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ == "poss":
                return c
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return first_child(c, "pobj")
        return None
    if tok.lower_ == "according":
        to = tok.doc[tok.i + 1]
        return first_child(to, "pobj")
    subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS and c.dep_ != "expl"), None)
    if subj is not None:
        return subj
    agent = first_child(tok, "agent")
    if agent is not None:
        pobj = first_child(agent, "pobj")
        if pobj is not None:
            return pobj
    if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.tag_ in {"VBG", "VBN"}:
        return tok.head
    cur = tok
    for _ in range(3):
        if cur.dep_ not in {"conj", "xcomp", "advcl"} or cur.head.i == cur.i:
            return None
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ in SUBJ_DEPS and c.dep_ != "expl"), None)
        if subj is not None:
            return subj
    return None


def _subject_kind(subj: Token) -> str:
    low = subj.lower_
    if low in FIRST_PERSON:
        return "pron1"
    if low in THIRD_PERSON:
        return "pron3" if low != "it" else "it"
    if low in {"who", "which", "that"}:
        return "rel"
    if subj.pos_ == "PRON":
        return "pron"
    return subj.pos_.lower()


def _has_that_clause(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ in {"ccomp", "acl"} and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return True
    return False


def token_features(tok: Token, ctx: DocContext) -> list[str]:
    """The binary features of one candidate token."""
    doc: Doc = tok.doc
    lemma = tok.lemma_.lower()
    f = [
        "bias",
        f"lem={lemma}",
        f"pos={tok.pos_}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"lem_pos={lemma}|{tok.pos_}",
        f"lem_dep={lemma}|{tok.dep_}",
        f"lem_tag={lemma}|{tok.tag_}",
        f"hdep={tok.head.dep_ if tok.head.i != tok.i else 'SELF'}",
    ]
    if tok.head.i != tok.i:
        f.append(f"hlem={tok.head.lemma_.lower()}")
        f.append(f"dep_hpos={tok.dep_}|{tok.head.pos_}")
        f.append("head_before" if tok.head.i < tok.i else "head_after")
    classes = ctx.lexicon.get(lemma, ())
    for cls in sorted(classes):
        f.append(f"lex={cls}")
        f.append(f"lex_dep={cls}|{tok.dep_}")
    if not classes:
        f.append("lex=none")
    if lemma in ctx.nouns:
        f.append("lex_noun")
    kids = list(tok.children)
    deps_after = sorted({c.dep_ for c in kids if c.i > tok.i})
    deps_before = sorted({c.dep_ for c in kids if c.i < tok.i})
    for d in deps_after:
        f.append(f"kid>{d}")
        f.append(f"lem_kid>{lemma}|{d}")
    for d in deps_before:
        f.append(f"kid<{d}")
    comp = "none"
    if _has_that_clause(tok):
        comp = "that"
    elif any(c.dep_ == "ccomp" for c in kids):
        comp = "ccomp"
    elif any(c.dep_ == "xcomp" and c.i > tok.i for c in kids):
        comp = "xcomp"
    elif any(c.dep_ in {"dobj", "attr"} and c.i > tok.i for c in kids):
        comp = "obj"
    f.append(f"comp={comp}")
    f.append(f"lem_comp={lemma}|{comp}")
    for c in kids:
        if c.dep_ == "prep" and c.i > tok.i:
            f.append(f"prep={c.lower_}")
            f.append(f"lem_prep={lemma}|{c.lower_}")
        elif c.dep_ == "neg":
            f.append("neg")
        elif c.dep_ in {"aux", "auxpass"}:
            f.append(f"aux={c.lemma_.lower()}")
        elif c.dep_ == "prt":
            f.append(f"prt={lemma}|{c.lower_}")
        elif c.dep_ == "dobj" and c.i > tok.i:
            f.append(f"obj_pos={c.pos_}")
            if c.ent_type_:
                f.append(f"obj_ent={c.ent_type_}")
        elif c.dep_ == "xcomp":
            f.append(f"xcomp_tag={c.tag_}")
    subj = subject_of(tok)
    if subj is None:
        f.append("subj=none")
        f.append(f"lem_subj={lemma}|none")
    else:
        kind = _subject_kind(subj)
        f.append(f"subj={kind}")
        f.append(f"lem_subj={lemma}|{kind}")
        f.append(f"subj_dep={subj.dep_}")
        f.append(f"subj_ent={subj.ent_type_ or 'none'}")
        f.append(f"subj_lem={subj.lemma_.lower()}")
        f.append("subj_before" if subj.i < tok.i else "subj_after")
        if subj.i in ctx.actor_tokens:
            f.append("subj_actor")
            f.append(f"lex_subj_actor={bool(classes)}")
        if subj.pos_ in {"NOUN", "PROPN"} and subj.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
            f.append(f"lem_subj_ent={lemma}|{subj.ent_type_}")
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    nxt2 = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
    f.append(f"prev={prev.lemma_.lower() if prev is not None else '<s>'}")
    f.append(f"next={nxt.lemma_.lower() if nxt is not None else '</s>'}")
    f.append(f"next_pos={nxt.pos_ if nxt is not None else '</s>'}")
    f.append(f"prev_pos={prev.pos_ if prev is not None else '<s>'}")
    if nxt is not None and nxt2 is not None:
        f.append(f"next2={nxt.lemma_.lower()}|{nxt2.lemma_.lower()}")
        f.append(f"lem_next={lemma}|{nxt.lemma_.lower()}")
    sent = tok.sent
    rel = (tok.i - sent.start) / max(1, len(sent))
    f.append(f"relpos={min(4, int(rel * 5))}")
    if prev is not None and prev.text in {",", "—", "--", "(", "“", '"', "”"}:
        f.append(f"after_punct={prev.text}")
    if nxt is not None and nxt.text in {":", ",", "“", '"', "."}:
        f.append(f"before_punct={nxt.text}")
    if tok.idx in ctx.quoted_chars:
        f.append("in_quote")
    if tok.pos_ == "NOUN":
        for c in kids:
            if c.dep_ == "poss":
                f.append(f"poss={_subject_kind(c)}")
        f.append(f"noun_dep={tok.dep_}|{tok.head.lemma_.lower()}")
    if tok.dep_ in CLAUSE_DEPS:
        f.append("clause")
    return f
