"""What a quote reports, its ``act``: a statement, a belief, an intention, a finding or an impression.

Reads a quote's kind, cue token, content construction and source word; writes nothing (the quote and
attribution stages store the act on each :class:`~corridor.model.Quote`). The word lists and the order of
the verb classes are ``acts`` in ``data/lexicons/speech.yaml``, loaded with the rest of the cue lexicon.
"""

from __future__ import annotations

from spacy.tokens import Token

from corridor.model import QUOTE_ACTS
from corridor.quoting.lexicon import SpeechLexicon

STATEMENT = QUOTE_ACTS[0]


def act_of(lex: SpeechLexicon, kind: str, cue: Token | None, how: str = "", source: Token | None = None) -> str:
    """The act of a quote of ``kind`` whose cue's main token is ``cue``, its content found by ``how`` (the
    quote finder's construction: ``clause``, ``xcomp``, ``adjective``, ``noun``, ``according`` ...) and
    its source's head word ``source``. Quotations in marks, and cues the lists do not know, are statements."""
    if kind != "indirect" or cue is None:
        return STATEMENT
    acts = lex.acts
    if how == "impersonal" or lex.lemma(cue) in lex.impersonal_adjectives:
        return "impression"  # "it is unclear whether ...": a judgement no one holds
    if source is not None and lex.lemma(source) in acts.nouns.get("finding", ()):
        return "finding"  # "according to the poll", "the survey shows"
    lemma = lex.lemma(cue)
    if how == "adjective":
        return _listed(acts.adjectives, lemma) or "belief"
    if how == "noun" or cue.pos_ in {"NOUN", "PROPN"}:
        return _listed(acts.nouns, lemma) or STATEMENT
    listed = _listed(acts.verbs, lemma)
    if listed is not None:
        return listed
    classes = lex.classes.get(lemma, set())
    if how == "xcomp" and "intention" in classes and not classes & {"speech", "write", "ask"}:
        return "intention"  # "hopes to win", "expects to sign"
    for cls, act in acts.classes:
        if cls in classes:
            return act
    return STATEMENT


def _listed(lists: dict[str, frozenset[str]], lemma: str) -> str | None:
    return next((act for act, words in lists.items() if lemma in words), None)
