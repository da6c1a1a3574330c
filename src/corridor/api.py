"""The library API: :func:`code_text` for one article, :func:`code_articles` for a stream.

Both share one cached :class:`~corridor.pipeline.Pipeline` per configuration, so the spaCy model and the
lexicons load once per process. HTML character references in a text or title given as a string or dict
(``&quot;``, ``&amp;``, ``&#8220;``) are decoded, as the file readers do
(:func:`~corridor.io.readers.unescape_entities`); an :class:`~corridor.model.Article` is taken as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from corridor.io.readers import parse_date, unescape_entities, unescape_optional
from corridor.model import Article, CodedArticle
from corridor.pipeline import Pipeline, PipelineConfig

_PIPELINES: dict[tuple[Any, ...], Pipeline] = {}


def get_pipeline(model: str | None = None, stages: tuple[str, ...] | None = None, **options: Any) -> Pipeline:
    """A cached pipeline for this model, stage list and options."""
    key = (model, stages, tuple(sorted((k, repr(v)) for k, v in options.items())))
    if key not in _PIPELINES:
        user_leaders = options.pop("user_leaders", None)
        verbs = options.pop("petrarch_verbs", None)
        actors = tuple(options.pop("petrarch_actors", ()))
        _PIPELINES[key] = Pipeline(
            PipelineConfig(
                model=model,
                stages=stages,
                user_leaders=user_leaders,
                petrarch_verbs=verbs,
                petrarch_actors=actors,
                options=options,
            )
        )
    return _PIPELINES[key]


def _article(item: Article | dict[str, Any] | str, index: int) -> Article:
    if isinstance(item, Article):  # built by a reader or the caller: already as it should be coded
        return item
    if isinstance(item, str):
        return Article(text=unescape_entities(item), doc_id=f"doc-{index}", date_missing=True)
    date = parse_date(item.get("date"))
    title = item.get("title")
    return Article(
        text=unescape_entities(str(item["text"])),
        doc_id=str(item.get("id") or item.get("doc_id") or f"doc-{index}"),
        date=date,
        title=unescape_entities(title) if isinstance(title, str) else title,
        url=item.get("url"),
        source=item.get("source"),
        date_missing=date is None,
    )


def code_text(
    text: str,
    date: str | None = None,
    doc_id: str | None = None,
    *,
    title: str | None = None,
    pipeline: Pipeline | None = None,
) -> CodedArticle:
    """Code one article's text. ``date`` (``YYYY-MM-DD`` or another common form) anchors relative dates.

    HTML character references in ``text`` and ``title`` are decoded first; offsets refer to the decoded text.
    """
    iso = parse_date(date)
    article = Article(
        text=unescape_entities(text),
        doc_id=doc_id or "doc-0",
        date=iso,
        title=unescape_optional(title),
        date_missing=iso is None,
    )
    return (pipeline or get_pipeline())(article)


def code_articles(
    articles: Iterable[Article | dict[str, Any] | str],
    *,
    pipeline: Pipeline | None = None,
    batch_size: int = 16,
) -> Iterator[CodedArticle]:
    """Code a stream of articles (Article objects, dicts with id/date/text, or plain strings), in order.

    HTML character references in strings and dicts are decoded; Article objects are coded as they are
    (those of :func:`~corridor.io.readers.read_articles` are decoded already, and are not decoded twice).
    """
    pipe = pipeline or get_pipeline()
    return pipe.pipe((_article(a, i) for i, a in enumerate(articles)), batch_size=batch_size)
