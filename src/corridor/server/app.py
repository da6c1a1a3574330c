"""The HTTP API and dashboard: a FastAPI app built by :func:`create_app`.

Reads JSON requests (articles to code, query parameters) and, through :mod:`corridor.server.queries`, an
event store (a DuckDB file); writes JSON responses, coded articles into the store (``POST /v1/code`` with
``store=true``), and serves the dashboard's files from the package (``corridor/server/static``).

Coding is CPU-bound, so it runs in a thread pool; every request that codes or queries the store has a time
limit (504 past it). Limits, errors and the optional API key are described in ``docs/server.md``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import hmac
import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib import resources
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Security
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse
from fastapi.security import APIKeyHeader
from fastapi.staticfiles import StaticFiles

from corridor import __version__
from corridor.io.readers import unescape_entities, unescape_optional
from corridor.model import Article, CodedArticle
from corridor.pipeline import Pipeline, content_hash
from corridor.server import DEFAULT_MAX_BATCH, DEFAULT_MAX_BODY, DEFAULT_THREADS, DEFAULT_TIMEOUT
from corridor.server.errors import BodyLimit, install_handlers, invalid
from corridor.server.models import ArticleIn, BatchIn, CodeRequest
from corridor.server.queries import EventFilter, StoreBusyError, StoreQueries

log = logging.getLogger("corridor.server")
T = TypeVar("T")

API_KEY_HEADER = "X-API-Key"

Coder = Callable[[Sequence[Article]], list[CodedArticle]]


def default_coder() -> Coder:
    """Code articles with the library's cached default pipeline (spaCy batching for several)."""
    lock = threading.Lock()
    holder: dict[str, Pipeline] = {}

    def pipeline() -> Pipeline:
        with lock:
            if "p" not in holder:
                from corridor.api import get_pipeline

                holder["p"] = get_pipeline()
            return holder["p"]

    def code(articles: Sequence[Article]) -> list[CodedArticle]:
        pipe = pipeline()
        if len(articles) == 1:
            return [pipe(articles[0])]
        return list(pipe.pipe(articles, batch_size=8))

    return code


@dataclass
class ServerState:
    """What the request handlers share: settings, the coder, the store adapter and the thread pools."""

    queries: StoreQueries | None
    api_key: str | None
    max_batch: int
    timeout: float
    coder: Coder
    threads: int
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    writer: WriteQueue = field(default_factory=lambda: WriteQueue())
    model_loaded: bool = False
    _pools: dict[str, ThreadPoolExecutor] = field(default_factory=dict)
    _pool_lock: threading.Lock = field(default_factory=threading.Lock)

    def _pool(self, name: str, workers: int) -> ThreadPoolExecutor:
        with self._pool_lock:
            if name not in self._pools:
                self._pools[name] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"corridor-{name}")
            return self._pools[name]

    @property
    def code_pool(self) -> ThreadPoolExecutor:
        """Threads that code articles (CPU-bound)."""
        return self._pool("code", self.threads)

    @property
    def store_pool(self) -> ThreadPoolExecutor:
        """Threads that read and write the store."""
        return self._pool("store", 4)

    def close(self) -> None:
        """Stop the thread pools (work already running finishes in the background)."""
        self.writer.close()
        with self._pool_lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)

    async def run(self, pool: ThreadPoolExecutor, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn`` in ``pool`` within the request time limit (504 past it; the work itself cannot be
        stopped and finishes in the background)."""
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(pool, functools.partial(fn, *args, **kwargs))
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            raise HTTPException(504, f"the request took longer than the {self.timeout:g} s limit") from None

    def require_store(self) -> StoreQueries:
        if self.queries is None:
            raise HTTPException(503, "this server has no event store; start it with --db PATH")
        return self.queries

    def store_load(self, coded: list[CodedArticle]) -> dict[str, Any]:
        with self.write_lock:
            return self.require_store().load(coded)

    async def store(self, coded: list[CodedArticle]) -> dict[str, Any]:
        """Load ``coded`` into the store within the time limit, grouped with concurrent requests' articles."""
        self.require_store()
        future = self.writer.submit(self, coded)
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            raise HTTPException(504, f"the request took longer than the {self.timeout:g} s limit") from None


Pending = tuple[list[CodedArticle], "asyncio.Future[dict[str, Any]]"]
MAX_GROUP = 256  # articles in one grouped load


class WriteQueue:
    """Group commit: the articles of concurrent ``store=true`` requests are loaded in one store transaction.

    A load costs about the same for one article as for dozens (the store refolds events and checkpoints
    once per load), so one writer task takes everything queued while the previous load ran. When a grouped
    load fails, each request's articles are loaded on their own, so one bad request fails alone.
    """

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Pending] | None = None
        self.task: asyncio.Task[None] | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    def close(self) -> None:
        """Stop the writer task (call from its event loop)."""
        if self.task is not None and not self.task.done():
            self.task.cancel()
        self.task = None

    def submit(self, state: ServerState, coded: list[CodedArticle]) -> asyncio.Future[dict[str, Any]]:
        loop = asyncio.get_running_loop()
        if self.loop is not loop or self.task is None or self.task.done() or self.queue is None:
            self.loop, self.queue = loop, asyncio.Queue()
            self.task = loop.create_task(self._run(state, self.queue))
        future: asyncio.Future[dict[str, Any]] = loop.create_future()
        self.queue.put_nowait((coded, future))
        return future

    async def _run(self, state: ServerState, queue: asyncio.Queue[Pending]) -> None:
        loop = asyncio.get_running_loop()
        while True:
            group = [await queue.get()]
            size = len(group[0][0])
            while not queue.empty() and size < MAX_GROUP:
                group.append(queue.get_nowait())
                size += len(group[-1][0])
            group = [(c, f) for c, f in group if not f.done()]  # drop requests that already timed out
            if not group:
                continue
            size = sum(len(c) for c, _ in group)
            try:
                stats = await loop.run_in_executor(state.store_pool, state.store_load, [a for c, _ in group for a in c])
                results: list[dict[str, Any] | BaseException] = [stats] * len(group)
            except Exception as exc:
                if len(group) == 1 or isinstance(exc, StoreBusyError):
                    results = [exc] * len(group)
                else:
                    results = []
                    for coded, _ in group:
                        try:
                            results.append(await loop.run_in_executor(state.store_pool, state.store_load, coded))
                        except Exception as one:
                            results.append(one)
            for (coded, future), result in zip(group, results, strict=True):
                if future.done():
                    continue
                if isinstance(result, BaseException):
                    future.set_exception(result)
                else:
                    future.set_result({"articles": len(coded), "grouped": size, "events": result["events"]})


def _state(request: Request) -> ServerState:
    state: ServerState = request.app.state.corridor
    return state


StateDep = Annotated[ServerState, Depends(_state)]
api_key_scheme = APIKeyHeader(name=API_KEY_HEADER, auto_error=False, description="Needed to write (store=true).")

# -- query parameters shared by several endpoints ----------------------------------------------------

DateFrom = Annotated[dt.date | None, Query(description="First date (YYYY-MM-DD), inclusive.")]
DateTo = Annotated[dt.date | None, Query(description="Last date (YYYY-MM-DD), inclusive.")]
ByParam = Annotated[
    Literal["code", "country"], Query(description="Match actors by full code (CHNGOV) or by country (CHN).")
]
MinConfidence = Annotated[
    float | None,
    Query(ge=0.0, le=1.0, description="Only quotes at or above this confidence (0-1; see docs/quotes.md)."),
]
ActsParam = Annotated[
    list[Literal["statement", "belief", "intention", "finding", "impression"]] | None,
    Query(description="Only quotes reporting these acts (repeat the parameter for several; see docs/quotes.md)."),
]
LevelParam = Annotated[
    Literal["events", "mentions"],
    Query(description="Count de-duplicated events, or every mention in every article."),
]
QuadParam = Annotated[
    int | None,
    Query(
        ge=1,
        le=4,
        description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
    ),
]
CodeStr = Annotated[
    str, Path(min_length=1, max_length=64, description="An actor code, e.g. CHNGOV (or CHN by country).")
]


def _static_dir() -> Any:
    return resources.files("corridor.server") / "static"


def _to_article(item: ArticleIn) -> Article:
    text = unescape_entities(item.text)  # "&quot;" and "&#8220;" from web pages, as the readers do
    return Article(
        text=text,
        doc_id=item.id or f"doc-{content_hash(text)}",
        date=item.date,
        title=unescape_optional(item.title),
        url=item.url,
        source=item.source,
        date_missing=item.date is None,
    )


def create_app(
    db: str | None,
    api_key: str | None = None,
    *,
    cors_origins: Sequence[str] = (),
    max_body: int = DEFAULT_MAX_BODY,
    max_batch: int = DEFAULT_MAX_BATCH,
    timeout: float = DEFAULT_TIMEOUT,
    threads: int = DEFAULT_THREADS,
    preload: bool = True,
    coder: Coder | None = None,
    store_timeout: float = 10.0,
) -> FastAPI:
    """Build the app.

    ``db``: the event store (a DuckDB file, created when missing); ``None`` serves coding only.
    ``api_key``: when set, writing (``store=true``) needs it in the ``X-API-Key`` header.
    ``cors_origins``: origins allowed by CORS (none: CORS off). ``max_body`` bytes per request body,
    ``max_batch`` articles per batch, ``timeout`` seconds per request, ``threads`` coding threads.
    ``preload`` loads the language model at start-up. ``coder`` replaces the default pipeline.
    """
    if max_body < 1 or max_batch < 1 or timeout <= 0 or threads < 1:
        raise ValueError("max_body, max_batch, timeout and threads must be positive")
    state = ServerState(
        queries=StoreQueries(db, timeout=store_timeout) if db else None,
        api_key=api_key or None,
        max_batch=max_batch,
        timeout=timeout,
        coder=coder or default_coder(),
        threads=threads,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if preload:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(state.code_pool, _warm, state)
        yield
        state.close()

    app = FastAPI(
        title="corridor",
        version=__version__,
        summary="Political event coding (CAMEO and PLOVER) and an event store, over HTTP.",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.corridor = state
    install_handlers(app)
    app.add_middleware(BodyLimit, max_body=max_body)
    if cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", API_KEY_HEADER],
        )
    app.mount("/static", StaticFiles(packages=[("corridor.server", "static")]), name="static")
    _routes(app)
    return app


def _warm(state: ServerState) -> None:
    """Load the model once by coding a short text, so the first request does not pay for it."""
    state.coder([Article(text="The two ministers met on Monday.", doc_id="warm-up", date_missing=True)])
    state.model_loaded = True


def _routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def dashboard() -> HTMLResponse:
        return HTMLResponse((_static_dir() / "index.html").read_text(encoding="utf-8"))

    @app.get("/healthz", tags=["service"])
    def healthz(state: StateDep) -> dict[str, Any]:
        """Liveness: the server answers. Also says whether the model is loaded and a store is attached."""
        return {
            "status": "ok",
            "version": __version__,
            "model_loaded": state.model_loaded,
            "store": state.queries is not None,
            "auth": state.api_key is not None,
        }

    @app.post("/v1/code", tags=["coding"])
    async def code(
        body: CodeRequest,
        state: StateDep,
        store: Annotated[bool, Query(description="Also load the coded articles into the event store.")] = False,
        include_text: Annotated[bool, Query(description="Put the article text into the output.")] = False,
        api_key: Annotated[str | None, Security(api_key_scheme)] = None,
    ) -> dict[str, Any]:
        """Code one article (`{text, date?, id?, title?}`) or a batch (`{articles: [...]}`).

        One article gives the coded article (the `corridor/1` record the CLI writes); a batch gives
        `{"articles": [...], "stored": ...}`. With `store=true` the articles are also loaded into the event
        store (needs the API key when the server has one).
        """
        items = body.articles if isinstance(body, BatchIn) else [body]
        if len(items) > state.max_batch:
            raise HTTPException(413, f"a batch of {len(items)} articles is over the limit of {state.max_batch}")
        if store:
            if state.api_key is not None and not (
                api_key and hmac.compare_digest(api_key.encode("utf-8"), state.api_key.encode("utf-8"))
            ):
                raise HTTPException(401, f"store=true needs a valid API key in the {API_KEY_HEADER} header")
            state.require_store()
        articles = [_to_article(a) for a in items]
        coded = await state.run(state.code_pool, state.coder, articles)
        state.model_loaded = True
        stored = await state.store(coded) if store else None
        dicts = [c.to_dict(include_text=include_text) for c in coded]
        if isinstance(body, BatchIn):
            return {"articles": dicts, "stored": stored}
        return dicts[0]

    @app.get("/v1/events", tags=["store"])
    async def events(
        state: StateDep,
        actor: Annotated[str | None, Query(max_length=64, description="Source or target actor code.")] = None,
        country: Annotated[str | None, Query(max_length=8, description="Source or target country (ISO3).")] = None,
        dyad: Annotated[
            str | None, Query(max_length=130, description="`SOURCE,TARGET` actor codes (directed).")
        ] = None,
        cameo: Annotated[str | None, Query(max_length=8, description="CAMEO code prefix, e.g. 04 or 042.")] = None,
        plover: Annotated[str | None, Query(max_length=32, description="PLOVER category, e.g. CONSULT.")] = None,
        quad_class: QuadParam = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        q: Annotated[str | None, Query(max_length=200, description="Text in the evidence sentence.")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        cursor: Annotated[str | None, Query(max_length=2000, description="`next_cursor` of the page before.")] = None,
    ) -> dict[str, Any]:
        """Coded events (one per event and article), newest first, with cursor pagination."""
        pair: tuple[str, str] | None = None
        if dyad is not None:
            parts = [p.strip() for p in dyad.split(",")]
            if len(parts) != 2 or not all(parts):
                raise invalid("dyad", "dyad must be two actor codes separated by a comma, e.g. CHNGOV,PAKGOV")
            pair = (parts[0], parts[1])
        filters = EventFilter(
            actor=actor or None,
            country=country or None,
            dyad=pair,
            cameo=cameo or None,
            plover=plover or None,
            quad_class=quad_class,
            date_from=date_from,
            date_to=date_to,
            q=q or None,
        )
        rows, next_cursor = await state.run(state.store_pool, state.require_store().events, filters, limit, cursor)
        return {"events": rows, "next_cursor": next_cursor}

    @app.get("/v1/dyads/{a}/{b}/timeline", tags=["store"])
    async def timeline(
        state: StateDep,
        a: CodeStr,
        b: CodeStr,
        freq: Annotated[Literal["day", "week", "month"], Query(description="Period length.")] = "month",
        directed: Annotated[bool, Query(description="Only a -> b (default: both directions).")] = False,
        by: ByParam = "code",
        date_from: DateFrom = None,
        date_to: DateTo = None,
        level: LevelParam = "events",
    ) -> dict[str, Any]:
        """Cooperation and conflict between two actors per day, week or month."""
        rows = await state.run(
            state.store_pool,
            state.require_store().timeline,
            a,
            b,
            freq,
            directed=directed,
            by=by,
            date_from=date_from,
            date_to=date_to,
            level=level,
        )
        return {"a": a, "b": b, "freq": freq, "directed": directed, "by": by, "periods": rows}

    @app.get("/v1/actors", tags=["store"])
    async def actors(
        state: StateDep,
        top: Annotated[int, Query(ge=1, le=1000)] = 20,
        by: ByParam = "code",
        country: Annotated[str | None, Query(max_length=8)] = None,
        quad_class: QuadParam = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        level: LevelParam = "events",
    ) -> dict[str, Any]:
        """Actors ranked by the events they take part in."""
        rows = await state.run(
            state.store_pool,
            state.require_store().actors,
            top,
            by=by,
            country=country or None,
            quad_class=quad_class,
            date_from=date_from,
            date_to=date_to,
            level=level,
        )
        return {"actors": rows}

    @app.get("/v1/dyads", tags=["store"])
    async def dyads(
        state: StateDep,
        top: Annotated[int, Query(ge=1, le=1000)] = 20,
        level: LevelParam = "events",
    ) -> dict[str, Any]:
        """Actor pairs ranked by events (undirected; the smaller code first)."""
        return {"dyads": await state.run(state.store_pool, state.require_store().dyads, top, level=level)}

    @app.get("/v1/network", tags=["store"])
    async def network(
        state: StateDep,
        top: Annotated[int, Query(ge=1, le=1000, description="Keep the top edges by events.")] = 60,
        min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        level: LevelParam = "events",
    ) -> dict[str, Any]:
        """The directed actor network: nodes and weighted edges."""
        return await state.run(state.store_pool, state.require_store().network, top, min_events=min_events, level=level)

    @app.get("/v1/quotes", tags=["store"])
    async def quotes(
        state: StateDep,
        speaker: Annotated[str | None, Query(max_length=64, description="Speaker code (or country with by).")] = None,
        by: ByParam = "code",
        date_from: DateFrom = None,
        date_to: DateTo = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        min_confidence: MinConfidence = None,
        act: ActsParam = None,
    ) -> dict[str, Any]:
        """Quotes, newest first: of one speaker, or of everyone."""
        rows = await state.run(
            state.store_pool,
            state.require_store().quotes,
            speaker or None,
            by=by,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            min_confidence=min_confidence,
            acts=list(act) if act else None,
        )
        return {"quotes": rows}

    @app.get("/v1/speakers", tags=["store"])
    async def speakers(
        state: StateDep,
        top: Annotated[int, Query(ge=1, le=1000)] = 20,
        by: ByParam = "code",
        country: Annotated[str | None, Query(max_length=8)] = None,
        date_from: DateFrom = None,
        date_to: DateTo = None,
        min_confidence: MinConfidence = None,
        act: ActsParam = None,
    ) -> dict[str, Any]:
        """Speakers ranked by their quotes."""
        rows = await state.run(
            state.store_pool,
            state.require_store().speakers,
            top,
            by=by,
            country=country or None,
            date_from=date_from,
            date_to=date_to,
            min_confidence=min_confidence,
            acts=list(act) if act else None,
        )
        return {"speakers": rows}

    @app.get("/v1/articles/{doc_id}", tags=["store"])
    async def article(
        state: StateDep,
        doc_id: Annotated[str, Path(min_length=1, max_length=256)],
    ) -> dict[str, Any]:
        """A stored article: text, events, and spans (actor, trigger, quote, time, place) by character offset."""
        found = await state.run(state.store_pool, state.require_store().article, doc_id)
        if found is None:
            raise HTTPException(404, f"no article {doc_id!r} in the store")
        return found

    @app.get("/v1/stats", tags=["store"])
    async def stats(state: StateDep) -> dict[str, Any]:
        """Row counts of the store's tables."""
        return {"counts": await state.run(state.store_pool, state.require_store().counts)}
