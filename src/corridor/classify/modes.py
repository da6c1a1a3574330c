"""PLOVER mode cues: picks a mode for a predicted label from cue words in the sentence.

Reads ``modes.yaml`` from the model folder (default: the packaged
``corridor/data/models/plover_classifier/modes.yaml``): per label, modes in priority order, each with a
list of cue words or phrases (``*`` at the end of a word = prefix). Writes nothing; :meth:`ModeRules.mode`
returns the first mode of the label whose cue occurs in the sentence, or None.
"""

from __future__ import annotations

import re
from pathlib import Path

from corridor.resources import read_yaml

__all__ = ["MODES_FILE", "ModeRules"]

MODES_FILE = "modes.yaml"
_WORD_RE = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def _pattern(cues: list[str]) -> re.Pattern[str] | None:
    """One regex over the space-joined words of a sentence that matches any of ``cues``."""
    alts = []
    for cue in cues:
        parts = []
        for w in cue.lower().split():
            prefix = w.endswith("*")
            parts.append(re.escape(w.rstrip("*")) + ("[^ ]*" if prefix else ""))
        if parts:
            alts.append(" ".join(parts))
    return re.compile("(?<= )(?:" + "|".join(alts) + ")(?= )") if alts else None


class ModeRules:
    """Cue lists per label and mode, tried in file order."""

    def __init__(self, table: dict[str, dict[str, list[str]]]) -> None:
        self.rules: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for label, modes in (table or {}).items():
            entries: list[tuple[str, re.Pattern[str]]] = []
            for mode, cues in (modes or {}).items():
                pat = _pattern([str(c) for c in cues or []])
                if pat is not None:
                    entries.append((str(mode), pat))
            self.rules[str(label).upper()] = entries

    @classmethod
    def load(cls, path: Path) -> ModeRules:
        return cls(read_yaml(path) or {})

    def mode(self, label: str, sentence: str) -> str | None:
        entries = self.rules.get(label)
        if not entries:
            return None
        joined = " " + " ".join(_WORD_RE.findall(sentence.lower())) + " "
        for mode, pat in entries:
            if pat.search(joined):
                return mode
        return None
