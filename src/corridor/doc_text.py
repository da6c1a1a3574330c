"""The text of a parsed ``Doc``, built once: spaCy joins every token's text and whitespace on each access to
``Doc.text`` (about 0.1 ms for a news article), and several stages read it."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "corridor.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in the doc's ``user_data`` after the first call (a doc's text never changes: a
    retokenizer merges and splits tokens, not characters)."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)
