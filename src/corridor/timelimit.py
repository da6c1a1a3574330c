"""A time limit on a block of Python code, in any thread: :func:`time_limit`.

One daemon thread per process (the watchdog) keeps each armed thread's deadline and, once it passes,
raises :class:`StageTimeout` in that thread (CPython's ``PyThreadState_SetAsyncExc``). This works the same
in the main thread, in Dask's worker threads and in the HTTP server's coding threads, and leaves the
process's signals and alarms alone. Like a signal handler, the exception lands between two Python
instructions: a loop in Python code is stopped within a poll interval, a single long call into C (one
regular expression, one ``time.sleep``) only when it returns.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

POLL_S = 0.5  # the watchdog looks at the deadlines at least this often


class StageTimeout(Exception):
    """A stage ran past ``stage_time_limit`` seconds on one article."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Schedule ``exc`` in the thread (``None``: withdraw one scheduled and not yet raised)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


class _Watchdog:
    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        """Start afresh (also in a forked child, where the parent's lock and thread are not usable)."""
        self._lock = threading.Condition()
        self._deadlines: dict[int, float] = {}  # thread id -> time.monotonic() deadline
        self._fired: set[int] = set()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> int:
        tid = threading.get_ident()
        with self._lock:
            if tid in self._deadlines:
                raise RuntimeError("time_limit blocks do not nest within one thread")
            self._deadlines[tid] = time.monotonic() + seconds
            if self._thread is None or not self._thread.is_alive():  # first use, or after a fork
                self._thread = threading.Thread(target=self._run, name="corridor-time-limit", daemon=True)
                self._thread.start()
            elif seconds < POLL_S:
                self._lock.notify()
        return tid

    def disarm(self, tid: int) -> None:
        with self._lock:
            self._deadlines.pop(tid, None)
            if tid in self._fired:  # fired as the block ended: withdraw it if it is still pending
                self._fired.discard(tid)
                _raise_in(tid, None)

    def _run(self) -> None:
        with self._lock:
            while True:
                now = time.monotonic()
                for tid, deadline in list(self._deadlines.items()):
                    if deadline <= now:
                        del self._deadlines[tid]
                        self._fired.add(tid)
                        _raise_in(tid, StageTimeout)
                nearest = min(self._deadlines.values(), default=now + POLL_S)
                self._lock.wait(max(0.001, min(POLL_S, nearest - now)))


_WATCHDOG = _Watchdog()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_WATCHDOG._reset)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`StageTimeout` in the block once it has run ``seconds`` (0 or less: no limit)."""
    if seconds <= 0:
        yield
        return
    tid = _WATCHDOG.arm(seconds)
    try:
        yield
    finally:
        _WATCHDOG.disarm(tid)
