"""Guards for user SPARQL: refuse updates (``check_read_only``) and stop runaway queries (``query_with_timeout``).

Used by :meth:`kg.store.KgStore.query`; Oxigraph cannot interrupt a running query, so a query with a timeout
runs in a child process that is killed when the time is up.
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.model import KgError

_SKIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*",
    re.S,
)
_UPDATE = re.compile(
    r"(?<![?$\w:])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:-])", re.I
)


def check_read_only(sparql: str) -> None:
    """Refuse SPARQL Update (outside strings, IRIs and comments) with a message saying what is allowed."""
    m = _UPDATE.search(_SKIP.sub(" ", sparql))
    if m:
        raise KgError(
            f"refused: {m.group(1).upper()} is a SPARQL Update operation and queries here are read-only; "
            "use SELECT, ASK, CONSTRUCT or DESCRIBE (the graph is written only by `kg build`)"
        )


def _child_query(gen: str, sparql: str, bindings: dict, conn) -> None:
    import pyoxigraph as ox

    from kg.store import KgStore, _dataset

    try:
        store = KgStore.__new__(KgStore)
        store.path, store.lock_timeout = Path(gen).parent, 0
        store.generation, store.ox = Path(gen), ox.Store.read_only(gen)
        store.dataset = _dataset(store.ox)
        conn.send(("ok", store.query(sparql, bindings)))
    except BaseException as e:  # noqa: BLE001 - reported to the parent
        conn.send(("error", f"{e}"))
    finally:
        conn.close()


def query_with_timeout(gen: Path, sparql: str, bindings: dict, timeout: float) -> list[dict]:
    """Run the query in a child process and kill it after ``timeout`` seconds (Oxigraph cannot be interrupted)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_query, args=(str(gen), sparql, bindings, child), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise KgError(f"query stopped after the {timeout:g}s timeout (raise --timeout, or add a LIMIT)")
        status, value = parent.recv()
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    if status != "ok":
        raise KgError(value)
    return value
