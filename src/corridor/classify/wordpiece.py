"""A pure-Python WordPiece tokenizer (uncased BERT style) that keeps character offsets.

Reads a WordPiece vocabulary (one token per line order, as stored in the classifier's embedding file)
and turns text into ``(token_id, start, end)`` triples, where ``start``/``end`` are character offsets
into the original text. Used to look up the classifier's static sub-word embeddings without any
deep-learning runtime.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["WordPiece"]

# Printable ASCII: words are runs of letters and digits, every other visible character is punctuation.
_ASCII_TOKEN_RE = re.compile(r"[A-Za-z0-9]+|[!-/:-@\[-`{-~]")
_ASCII_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


class WordPiece:
    """Greedy longest-match-first WordPiece over lower-cased, accent-stripped words."""

    def __init__(self, vocab: Sequence[str], unk: str = "[UNK]", max_chars: int = 100) -> None:
        self.vocab = {tok: i for i, tok in enumerate(vocab)}
        self.unk_id = self.vocab.get(unk, 0)
        self.max_chars = max_chars
        self._cache: dict[str, list[tuple[int, int, int]]] = {}

    def _words(self, text: str) -> list[tuple[str, list[int]]]:
        """Normalized words with, per normalized character, the index of its source character."""
        if text.isascii() and not _ASCII_CONTROL_RE.search(text):
            return [(m.group(0).lower(), list(range(m.start(), m.end()))) for m in _ASCII_TOKEN_RE.finditer(text)]
        words: list[tuple[str, list[int]]] = []
        cur: list[str] = []
        cur_idx: list[int] = []

        def flush() -> None:
            if cur:
                words.append(("".join(cur), list(cur_idx)))
                cur.clear()
                cur_idx.clear()

        for i, ch in enumerate(text):
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
                continue
            if ch.isspace():
                flush()
                continue
            norm = unicodedata.normalize("NFD", ch.lower())
            norm = "".join(c for c in norm if unicodedata.category(c) != "Mn")
            if not norm:
                continue
            if _is_punct(ch) or _is_cjk(cp):
                flush()
                words.append((norm, [i] * len(norm)))
                continue
            cur.append(norm)
            cur_idx.extend([i] * len(norm))
        flush()
        return words

    def _pieces(self, word: str) -> list[tuple[int, int, int]]:
        """(token id, start, end) of the pieces of one normalized word, offsets within the word."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        out: list[tuple[int, int, int]] = []
        if len(word) > self.max_chars:
            out = [(self.unk_id, 0, len(word))]
        else:
            start = 0
            while start < len(word):
                end = len(word)
                found = None
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    tid = self.vocab.get(piece)
                    if tid is not None:
                        found = tid
                        break
                    end -= 1
                if found is None:
                    out = [(self.unk_id, 0, len(word))]
                    break
                out.append((found, start, end))
                start = end
        if len(self._cache) < 200_000:
            self._cache[word] = out
        return out

    def tokenize(self, text: str) -> list[tuple[int, int, int]]:
        """``(token_id, start, end)`` for each piece, offsets into ``text``."""
        result: list[tuple[int, int, int]] = []
        for word, idx in self._words(text):
            for tid, a, b in self._pieces(word):
                result.append((tid, idx[a], idx[b - 1] + 1))
        return result
