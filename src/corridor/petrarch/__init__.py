"""PETRARCH 2 dictionaries applied on spaCy dependency parses.

Reads users' PETRARCH-format actor, agent, verb and discard dictionaries (:mod:`.dictionaries`), codes
spaCy ``Doc`` objects with them (:mod:`.coder`) and plugs into the pipeline as the ``petrarch`` stage
(:mod:`.stage`). ``check_dictionary(path)`` lists syntax problems by line for ``corridor dict check``.
"""

from corridor.petrarch.dictionaries import (
    ActorDictionary,
    AgentDictionary,
    DiscardList,
    Problem,
    VerbDictionary,
    check_dictionary,
    detect_kind,
    load_actors,
    load_agents,
    load_discards,
    load_verbs,
    parse_actors,
    parse_agents,
    parse_discards,
    parse_verbs,
)

__all__ = [
    "ActorDictionary",
    "AgentDictionary",
    "CoderOptions",
    "DiscardList",
    "PetrarchCoder",
    "PetrarchEvent",
    "Problem",
    "VerbDictionary",
    "check_dictionary",
    "detect_kind",
    "load_actors",
    "load_agents",
    "load_discards",
    "load_verbs",
    "parse_actors",
    "parse_agents",
    "parse_discards",
    "parse_verbs",
]


def __getattr__(name: str) -> object:
    # the coder needs spaCy; import it only when asked for, so `dict check` works without a model
    if name in ("PetrarchCoder", "PetrarchEvent", "CoderOptions"):
        from corridor.petrarch import coder

        return getattr(coder, name)
    raise AttributeError(name)
