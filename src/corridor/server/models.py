"""Request bodies of the HTTP API, as pydantic models (they also make the OpenAPI schema).

Reads JSON request bodies; writes nothing. ``POST /v1/code`` takes one article (:class:`ArticleIn`) or a
batch (:class:`BatchIn`, ``{"articles": [...]}``); a body with an ``articles`` key is read as a batch.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator

from corridor.io.readers import parse_date


class ArticleIn(BaseModel):
    """One article to code."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "text": "The foreign minister of Norway met his Swedish counterpart in Oslo on Monday.",
                    "date": "2024-05-06",
                    "id": "note-1",
                }
            ]
        }
    )

    text: str = Field(min_length=1, description="The article text (plain text).")
    date: str | None = Field(
        default=None,
        max_length=64,
        description="Publication date (YYYY-MM-DD or another common form); anchors relative dates.",
    )
    id: str | None = Field(
        default=None,
        min_length=1,
        max_length=256,
        description="Document id; by default `doc-` plus a hash of the text, so the same text gets the same id.",
    )
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=500, description="Publisher.")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v

    @field_validator("date")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        """Normalize the date to YYYY-MM-DD (an unreadable date is a 422 naming the field)."""
        try:
            return parse_date(v)
        except ValueError:
            raise
        except Exception as exc:  # a parser failure on odd input is still the user's bad date
            raise ValueError(f"unreadable date {v!r} (use YYYY-MM-DD)") from exc


class BatchIn(BaseModel):
    """Several articles to code in one request."""

    articles: list[ArticleIn] = Field(min_length=1, description="The articles (at most the server's batch limit).")


def _body_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "batch" if "articles" in value else "article"
    return "batch" if isinstance(value, BatchIn) else "article"


CodeRequest = Annotated[
    Annotated[ArticleIn, Tag("article")] | Annotated[BatchIn, Tag("batch")],
    Discriminator(_body_kind),
]
"""The body of ``POST /v1/code``: one article, or ``{"articles": [...]}``."""

BODY_TAGS = frozenset({"article", "batch"})
