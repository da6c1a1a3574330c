"""Small readers of spaCy's dependency parse shared by the stages (one idiom, one name)."""

from __future__ import annotations

from spacy.tokens import Token


def first_child(tok: Token, dep: str) -> Token | None:
    """``tok``'s first child with the dependency ``dep`` ("pobj", "prt", "poss", ...), None when it has none."""
    return next((c for c in tok.children if c.dep_ == dep), None)
