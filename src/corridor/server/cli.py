"""``corridor serve``: run the HTTP API and the dashboard with uvicorn.

Reads its options (and ``CORRIDOR_API_KEY`` from the environment); writes the server log to stderr. The
main CLI mounts :func:`serve_cmd` as ``corridor serve``.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from corridor.server import DEFAULT_MAX_BATCH, DEFAULT_MAX_BODY, DEFAULT_THREADS, DEFAULT_TIMEOUT


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_cmd(
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Event store (DuckDB file; created when missing). Without it: coding only."),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key", envvar="CORRIDOR_API_KEY", help="Key that writes (store=true) must send as X-API-Key."
        ),
    ] = None,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(
            "--cors-origin", help="Origin allowed to call the API from a browser (repeatable; default: none)."
        ),
    ] = None,
    max_body: Annotated[
        int, typer.Option("--max-body", help="Largest request body, in bytes.", min=1)
    ] = DEFAULT_MAX_BODY,
    max_batch: Annotated[
        int, typer.Option("--max-batch", help="Most articles in one request.", min=1)
    ] = DEFAULT_MAX_BATCH,
    timeout: Annotated[float, typer.Option("--timeout", help="Time limit of one request, in seconds.", min=0.1)] = (
        DEFAULT_TIMEOUT
    ),
    threads: Annotated[int, typer.Option("--threads", help="Threads that code articles.", min=1)] = DEFAULT_THREADS,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API (/v1/..., docs at /docs) and the dashboard (/)."""
    try:
        import uvicorn

        from corridor.server.app import create_app
    except ImportError as exc:
        typer.echo(f"error: the server needs fastapi and uvicorn ({exc}); install them with pip", err=True)
        raise typer.Exit(2) from None

    if not api_key and not _is_loopback(host):
        typer.echo(
            f"warning: listening on {host} without an API key: anyone who can reach it can write to the store "
            "(set --api-key or CORRIDOR_API_KEY)",
            err=True,
        )
    from corridor.store import StoreError

    try:
        app = create_app(
            str(db) if db else None,
            api_key,
            cors_origins=tuple(cors_origin or ()),
            max_body=max_body,
            max_batch=max_batch,
            timeout=timeout,
            threads=threads,
        )
    except StoreError as exc:  # not a DuckDB file, a newer schema, a busy store: the store's own message
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    uvicorn.run(app, host=host, port=port, log_level=log_level)
