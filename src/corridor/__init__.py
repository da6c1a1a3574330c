"""corridor: an open political event coder.

Reads dated news articles and codes who did what to whom (CAMEO and PLOVER events), the actors, the
quotations and their speakers, and when and where things happened::

    import corridor
    coded = corridor.code_text("Chinese President Xi Jinping held talks with ...", date="2021-10-28")
    for event in coded.events:
        print(event.source.code, event.cameo, event.target.code)
"""

from corridor.api import code_articles, code_text, get_pipeline
from corridor.model import SCHEMA, Actor, Article, CodedArticle, Event, Place, Quote, TimeExpr

__version__ = "0.1.0"
__all__ = [
    "SCHEMA",
    "Actor",
    "Article",
    "CodedArticle",
    "Event",
    "Place",
    "Quote",
    "TimeExpr",
    "__version__",
    "code_articles",
    "code_text",
    "get_pipeline",
]
