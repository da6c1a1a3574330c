"""Datelines at the start of a sentence ("KABUL - ...", "TIRANA, Albania (AP) -- ..."), read on the parse.

The words of a dateline name where a report was filed and by whom; they are no actor and no trigger. The
place stage reads the article's one dateline from the text to place its events
(``corridor.stages.places.find_dateline``); :func:`dateline_end` looks at every sentence, since wire copy
pasted together opens several.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

DATELINE_MARKS = frozenset({"--", "-", "—", "–", ":"})


def dateline_end(sent: Span, colon: bool = True) -> int | None:
    """The index of the token after a dateline opening ``sent`` (a place in capitals, or in title case with
    an agency in brackets, then a dash before any verb), or None. With ``colon`` false a colon does not end
    a dateline: "PENCE: Well, look, ..." is a transcript's speaker label."""
    first = next((t for t in sent[:3] if t.is_alpha), None)
    if first is None:
        return None
    if len(first) < 3:  # a short first word only in a place of capitals ("LA PAZ", "EL PASO")
        second = sent.doc[first.i + 1] if first.i + 1 < len(sent.doc) else None
        after = sent.doc[second.i + 1] if second is not None and second.i + 1 < len(sent.doc) else None
        if not (
            first.is_upper
            and second is not None
            and second.is_alpha
            and second.is_upper
            and after is not None
            and after.text in {",", "(", *DATELINE_MARKS}
        ):
            return None
    agency = any(t.text == "(" for t in sent[1:6])  # "Hanoi (VNA) -": a title-case place needs its agency
    if not (first.is_upper or first.is_title):
        return None
    t = _first_mark(sent[1:14], DATELINE_MARKS)
    if t is None:
        return None
    # "Kuala Lumpur: ..." opening a paragraph: a place alone before the mark is a dateline, colon or
    # not (a transcript's speaker label, "PENCE:", is a person)
    place = _paragraph_start(sent) and all(
        w.ent_type_ in {"GPE", "LOC"} or w.text == "," for w in sent.doc[sent.start : t.i]
    )
    if not (first.is_upper or agency or place):
        return None
    if colon or t.text != ":" or place:
        # (the parser may end the sentence at a place's colon: "Nairobi:" | "The board said ...")
        # (or after the dash: "TAIPEI, Aug 4 (Reuters) -" | "China fired ...")
        ends_sentence = (place or first.is_upper or agency) and t.i + 1 < len(sent.doc)
        return t.i + 1 if t.i + 1 < sent.end or ends_sentence else None
    return None


def _first_mark(tokens: Span, marks: frozenset[str], line_breaks: bool = False) -> Token | None:
    """The first dateline mark among ``tokens`` outside brackets (not the dash of "Rep. Lynch (D-Mass.)"), or
    None when a verb (or, with ``line_breaks``, a line break) comes first."""
    depth = 0
    for t in tokens:
        depth += (t.text == "(") - (t.text == ")")
        if line_breaks and "\n" in t.text:
            return None
        if t.text in marks and depth <= 0 and not _word_hyphen(t):
            return t
        if t.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _word_hyphen(t: Token) -> bool:
    """A hyphen inside a word ("NATO Secretary-General"), which no dateline ends with."""
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _split_dateline_end(doc: Doc, start: int) -> int | None:
    """The token after the dash of a dateline that opens a paragraph with a place in capitals, read across the
    sentence breaks the parser put into it; None when a verb or a line break comes first."""
    t = _first_mark(doc[start + 1 : start + 14], DATELINE_MARKS - {":"}, line_breaks=True)
    return t.i + 1 if t is not None and t.i + 1 < len(doc) else None


def _dateline_places(sent: Span) -> bool:
    """Whether ``sent`` holds nothing but places in capitals and the slashes between them ("BEIJING", "/")."""
    return all((t.is_alpha and t.is_upper) or t.text == "/" or t.is_space for t in sent)


def _paragraph_start(sent: Span) -> bool:
    """Whether ``sent`` opens the text or a paragraph."""
    return sent.start == 0 or "\n" in sent.doc[sent.start - 1].text_with_ws


def dateline_ranges(doc: Doc, colon: bool = True) -> dict[int, int]:
    """The datelines of ``doc``, every sentence's: each dateline's first token -> the token after it (see
    :func:`dateline_end` for ``colon``). Found once per document and kept in its ``user_data`` (the actor,
    quote and event stages each ask)."""
    key = f"corridor.datelines.{int(colon)}"
    cached = doc.user_data.get(key)
    if cached is not None:
        return dict(cached)
    out: dict[int, int] = {}
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        end = dateline_end(sent, colon)
        if end is None and _dateline_places(sent) and _paragraph_start(sent):
            end = _split_dateline_end(doc, sent.start)  # "BEIJING" | "," | "April 10 — China raised ..."
        if end is None:
            continue
        # "BEIJING/TAIPEI, Aug 4 -": the parser may split the places of a shared dateline off as sentences
        while k > 0 and not _paragraph_start(sents[k]) and _dateline_places(sents[k - 1]):
            k -= 1
        out[sents[k].start] = end
    doc.user_data[key] = dict(out)
    return out
