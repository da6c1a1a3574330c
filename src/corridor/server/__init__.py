"""corridor's HTTP API and dashboard (``corridor serve``).

Reads articles over HTTP and an event store; writes JSON responses and, on request, coded articles into the
store. :func:`corridor.server.app.create_app` builds the FastAPI app; ``docs/server.md`` describes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["DEFAULT_MAX_BATCH", "DEFAULT_MAX_BODY", "DEFAULT_THREADS", "DEFAULT_TIMEOUT", "create_app"]

DEFAULT_MAX_BODY = 2 * 1024 * 1024  # bytes per request body
DEFAULT_MAX_BATCH = 32  # articles per request
DEFAULT_TIMEOUT = 30.0  # seconds per request
DEFAULT_THREADS = 2  # threads that code articles


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """Build the app (see :func:`corridor.server.app.create_app`); imports FastAPI only when called."""
    from corridor.server.app import create_app as _create

    return _create(*args, **kwargs)
