"""Limits and error responses of the HTTP API: the body-size cap and the JSON error handlers.

Reads request bodies (buffered up to the cap before the app sees them); writes JSON error responses:
413 for an oversize body, 422 with one entry per bad field, 503 while the store is busy, and 500 with an
error id for anything unexpected (the traceback goes to the server log, never into a response).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from corridor.server.models import BODY_TAGS
from corridor.server.queries import CursorError, StoreBusyError

log = logging.getLogger("corridor.server")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_BODYLESS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE"})


async def _send_json(send: Send, status: int, payload: dict[str, Any]) -> None:
    body = json.dumps(payload).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode("ascii")),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_body`` bytes with 413 (by Content-Length when
    given, else by counting), and hand the app a body that is already complete."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    def _too_large(self) -> dict[str, Any]:
        return {"detail": f"request body is over the limit of {self.max_body} bytes"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _BODYLESS:
            await self.app(scope, receive, send)
            return
        declared = [v for k, v in scope.get("headers", []) if k.lower() == b"content-length"]
        if declared:
            try:
                size = int(declared[0])
            except ValueError:
                await _send_json(send, 400, {"detail": "invalid Content-Length header"})
                return
            if size > self.max_body:
                await _send_json(send, 413, self._too_large())
                return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_body:
                await _send_json(send, 413, self._too_large())
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _field(loc: tuple[Any, ...] | list[Any]) -> tuple[list[Any], str]:
    """The location without the union tag of the code body, and the dotted field name."""
    parts = list(loc)
    if len(parts) > 1 and parts[0] == "body" and parts[1] in BODY_TAGS:
        parts.pop(1)
    name = ".".join(str(p) for p in parts[1:]) if len(parts) > 1 else str(parts[0]) if parts else ""
    return parts, name


def validation_detail(errors: Any) -> list[dict[str, Any]]:
    """Field-level messages: ``loc``, ``field`` (dotted, e.g. ``text`` or ``articles.0.date``), ``msg``, ``type``."""
    out = []
    for e in errors:
        loc, name = _field(e.get("loc", ()))
        out.append({"loc": loc, "field": name, "msg": str(e.get("msg", "invalid value")), "type": e.get("type", "")})
    return out


def invalid(field: str, message: str, where: str = "query") -> RequestValidationError:
    """A 422 error about one field, in the same shape as pydantic's."""
    return RequestValidationError([{"loc": (where, field), "msg": message, "type": "value_error"}])


def install_handlers(app: FastAPI) -> None:
    """Register the JSON error handlers on ``app``."""

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        errors = exc.errors() if isinstance(exc, RequestValidationError) else []
        return JSONResponse(status_code=422, content={"detail": validation_detail(errors)})

    async def on_cursor(request: Request, exc: Exception) -> JSONResponse:
        detail = validation_detail([{"loc": ("query", "cursor"), "msg": str(exc), "type": "value_error"}])
        return JSONResponse(status_code=422, content={"detail": detail})

    async def on_busy(request: Request, exc: Exception) -> JSONResponse:
        log.warning("store busy: %s", exc)
        return JSONResponse(
            status_code=503,
            content={"detail": "the event store is busy (another process holds it); retry shortly"},
            headers={"Retry-After": "2"},
        )

    async def on_error(request: Request, exc: Exception) -> JSONResponse:
        error_id = uuid.uuid4().hex[:12]
        log.error("error %s on %s %s", error_id, request.method, request.url.path, exc_info=exc)
        return JSONResponse(
            status_code=500,
            content={"detail": "internal server error; the server log has the details", "error_id": error_id},
        )

    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(CursorError, on_cursor)
    app.add_exception_handler(StoreBusyError, on_busy)
    app.add_exception_handler(Exception, on_error)
