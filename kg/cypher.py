"""Cypher on the kg graph: write it to FalkorDB or Neo4j with the same statements, and read it back.

Writing (idempotent, no APOC, Cypher that Neo4j 5 and FalkorDB both accept; parameters always bound)::

    UNWIND $rows AS row MERGE (n:City {iri: row[0]}) SET n.name = coalesce(row[1], n.name), ...
    UNWIND $rows AS row MATCH (a:Event {iri: row[0]}) MATCH (b:City {iri: row[1]})
      MERGE (a)-[r:ORGANIZED_BY]->(b) SET r.confidence = coalesce(row[2], r.confidence), ...

(rows are lists, one column per property: see :mod:`kg.cypher_batch`, which also sends them to FalkorDB as JSON)

Labels and relationship types are not parameters in Cypher; they come only from kg's own fixed lists
(:data:`LABELS`, :data:`REL_TYPES`, equal to ``kg.propgraph``'s, a test checks) and are checked before use.
This module imports rdflib (through ``kg.propgraph``) only when it reads the RDF store, so a ``kg cypher`` call on
an already loaded graph stays light.

Public API
----------
- ``FalkorWriter(graph)`` / ``BoltWriter(driver, database=None)``: ``.run(statement, params) -> list[dict]``,
  ``.flavor`` ("falkordb" or "neo4j"; detected for Bolt, since FalkorDB also speaks Bolt).
- ``create_schema(writer)``: indexes on ``iri`` and ``name`` per label (syntax per flavor).
- ``push(store, writer, batch_size=1000) -> PushStats``: every node then every relationship of the store.
- ``push_rows(writer, nodes, rels, batch_size)``: the same from row iterables (synthetic graphs, benchmarks).
- ``connect(uri, database=None) -> writer``: ``bolt://``/``neo4j://`` (credentials from ``KG_NEO4J_USER`` /
  ``KG_NEO4J_PASSWORD``) or ``falkordb://host:port`` (optional ``KG_FALKORDB_USER``/``KG_FALKORDB_PASSWORD``).
- ``open_local(store_path, keep=False)``: context manager giving a :class:`LocalGraph` on the private FalkorDB of a
  store (:mod:`kg.falkor`), (re)loaded only when the store changed (:func:`store_fingerprint`: the store's
  ``CURRENT`` file, which every ``kg build`` replaces).
- ``run_cypher(query, params, store_path, keep=False, timeout=None) -> (columns, rows)``: read-only, serverless.
- ``run_canned_cypher(name, params, store_path) -> list[dict]``: the Cypher twin ``queries/<name>.cypher`` of a
  canned question (same parameters, same columns as ``queries/<name>.rq``).
- ``push_benchmark(n_nodes, n_rels, batch_size=5000) -> dict``: synthetic graph → a throwaway local FalkorDB.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import urlparse

from kg.canned import header_fields
from kg.cypher_batch import falkordb_header, node_batch, rel_batch
from kg.falkor import FalkorServer, default_dir
from kg.model import KgError
from kg.resources import queries_dir

# the property-graph labels and relationship types (the same as kg.propgraph's, without importing rdflib)
LABELS = ("City", "Official", "Institution", "Event", "Policy", "Theme", "Article")
REL_TYPES = ("HOLDS_ROLE_IN", "ORGANIZED_BY", "PARTICIPANT", "PARTNERED_WITH", "HAS_THEME", "ADOPTED_BY",
             "TARGETS", "HELD_IN", "PART_OF", "MENTIONED_IN")
GRAPH_NAME = "kg"
FINGERPRINT_KEY = "kg:fingerprint"
DEFAULT_BATCH = 1000
_IDENT = re.compile(r"^[A-Z][A-Za-z_]*$")


# ---------------------------------------------------------------------------------------------- statements
def _check(name: str, allowed: Iterable[str]) -> str:
    if name not in allowed or not _IDENT.match(name):
        raise KgError(f"not a kg label or relationship type: {name!r}")
    return name


def index_statement(flavor: str, label: str, prop: str) -> str:
    label = _check(label, LABELS)
    if prop not in ("iri", "name"):
        raise KgError(f"kg indexes only iri and name, not {prop!r}")
    if flavor == "neo4j":
        return f"CREATE INDEX kg_{label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
    return f"CREATE INDEX FOR (n:{label}) ON (n.{prop})"  # FalkorDB: no index names, no IF NOT EXISTS


def index_statements(flavor: str) -> list[str]:
    return [index_statement(flavor, label, prop) for label in LABELS for prop in ("iri", "name")]


# ---------------------------------------------------------------------------------------------- writers
class FalkorWriter:
    """Runs statements through the native ``falkordb`` client (the fast path for FalkorDB)."""

    flavor = "falkordb"

    def __init__(self, graph):
        self.graph = graph

    def run(self, statement: str, params: dict | None = None, *, read_only: bool = False,
            timeout: float | None = None) -> list[dict]:
        q = self.graph.ro_query if read_only else self.graph.query
        res = q(statement, params or None, timeout=int(timeout * 1000) if timeout else None)
        cols = [c[1] if isinstance(c, (list, tuple)) else c for c in (res.header or [])]
        cols = [c.decode() if isinstance(c, bytes) else str(c) for c in cols]
        return [dict(zip(cols, (to_plain(v) for v in r))) for r in res.result_set]

    def run_rows(self, statement: str, rows: list[list], header: str | None = None) -> None:
        """``statement`` with ``$rows`` bound: through *header*, the fast JSON form of the rows that the caller
        built with :func:`kg.cypher_batch.falkordb_header` (in :func:`push_rows`, off the write path), or through
        the client's own encoder when there is none (that function found the rows need it)."""
        if header is None:
            self.graph.query(statement, {"rows": rows})
        else:
            self.graph.query(header + statement)

    def close(self) -> None:
        pass


class BoltWriter:
    """Runs the same statements through the official ``neo4j`` driver (Neo4j, or FalkorDB's Bolt port)."""

    def __init__(self, driver, database: str | None = None):
        self.driver = driver
        self.database = database
        self._flavor: str | None = None

    @property
    def flavor(self) -> str:
        if self._flavor is None:
            try:
                rows = self.run("CALL dbms.components() YIELD name RETURN name")
                self._flavor = "neo4j" if any("neo4j" in str(r.get("name", "")).lower() for r in rows) \
                    else "falkordb"
            except Exception:
                self._flavor = "falkordb"
        return self._flavor

    def run_rows(self, statement: str, rows: list[list], header: str | None = None) -> None:
        self.run(statement, {"rows": rows})

    def run(self, statement: str, params: dict | None = None, *, read_only: bool = False) -> list[dict]:
        with self.driver.session(database=self.database) as s:
            result = s.run(statement, params or {})
            return [{k: to_plain(v) for k, v in rec.items()} for rec in result]

    def close(self) -> None:
        self.driver.close()


def to_plain(v: Any) -> Any:
    """Nodes and relationships of either client as dicts; everything else unchanged."""
    if isinstance(v, list):
        return [to_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: to_plain(x) for k, x in v.items()}
    if callable(getattr(v, "nodes", None)) and callable(getattr(v, "edges", None)):  # falkordb Path
        return {"nodes": [to_plain(n) for n in v.nodes()], "relationships": [to_plain(e) for e in v.edges()]}
    if hasattr(v, "nodes") and hasattr(v, "relationships") and not callable(v.nodes):  # neo4j Path
        return {"nodes": [to_plain(n) for n in v.nodes], "relationships": [to_plain(r) for r in v.relationships]}
    props = getattr(v, "properties", None)
    if isinstance(props, dict):  # falkordb Node/Edge
        out = {"_labels": list(getattr(v, "labels", []) or [])} if hasattr(v, "labels") else \
            {"_type": getattr(v, "relation", None)}
        out.update(props)
        return out
    if hasattr(v, "items") and hasattr(v, "element_id"):  # neo4j Node/Relationship
        out = {"_labels": sorted(v.labels)} if hasattr(v, "labels") else {"_type": v.type}
        out.update(dict(v.items()))
        return out
    return v


def connect(uri: str, database: str | None = None):
    """A writer for ``bolt://``, ``neo4j://`` (and ``+s``/``+ssc`` variants) or ``falkordb://host:port``."""
    u = urlparse(uri)
    if u.scheme.startswith(("bolt", "neo4j")):
        from neo4j import GraphDatabase

        user, pw = os.environ.get("KG_NEO4J_USER"), os.environ.get("KG_NEO4J_PASSWORD")
        if u.username or u.password:
            raise KgError("put Neo4j credentials in KG_NEO4J_USER / KG_NEO4J_PASSWORD, not in the URI")
        auth = (user or "neo4j", pw) if pw is not None else None
        return BoltWriter(GraphDatabase.driver(uri, auth=auth), database=database)
    if u.scheme == "falkordb":
        from falkordb import FalkorDB

        if u.username or u.password:
            raise KgError("put FalkorDB credentials in KG_FALKORDB_USER / KG_FALKORDB_PASSWORD, not in the URI")
        db = FalkorDB(host=u.hostname or "localhost", port=u.port or 6379,
                      username=os.environ.get("KG_FALKORDB_USER"), password=os.environ.get("KG_FALKORDB_PASSWORD"))
        return FalkorWriter(db.select_graph(database or u.path.strip("/") or GRAPH_NAME))
    raise KgError(f"unsupported URI {uri!r}: use bolt://host:7687, neo4j://host:7687 or falkordb://host:6379")


# ---------------------------------------------------------------------------------------------- push
@dataclass
class PushStats:
    nodes: int = 0
    relationships: int = 0
    seconds: float = 0.0
    node_seconds: float = 0.0
    rel_seconds: float = 0.0
    by_type: dict[str, int] = field(default_factory=dict)

    @property
    def rows_per_second(self) -> float:
        return (self.nodes + self.relationships) / self.seconds if self.seconds else 0.0


def create_schema(writer) -> None:
    """Indexes on ``iri`` and ``name`` of every label; creating them again is a no-op on both servers."""
    flavor = writer.flavor
    have: set[tuple[str, str]] = set()
    if flavor == "falkordb":  # no IF NOT EXISTS there: look first (over Bolt its error text is lost)
        for r in writer.run("CALL db.indexes() YIELD label, properties RETURN label, properties"):
            have.update((r["label"], p) for p in r["properties"] or [])
    for label in LABELS:
        for prop in ("iri", "name"):
            if (label, prop) in have:
                continue
            try:
                writer.run(index_statement(flavor, label, prop))
            except Exception as e:  # FalkorDB: "Attribute 'iri' is already indexed" (a concurrent writer)
                if "already indexed" not in str(e).lower():
                    raise


def _grouped(rows: Iterable[dict], key, batch_size: int) -> Iterator[tuple[Any, list[dict]]]:
    """Batches of rows sharing a key; rows of one key need not be adjacent (buffers per key, bounded)."""
    buf: dict[Any, list[dict]] = {}
    for r in rows:
        k = key(r)
        b = buf.setdefault(k, [])
        b.append(r)
        if len(b) >= batch_size:
            yield k, buf.pop(k)
    for k, b in buf.items():
        if b:
            yield k, b


def _prepared(writer, nodes: Iterable[dict], rels: Iterable[dict], batch_size: int) -> Iterator[tuple]:
    """(kind, type, count, statement, rows, header) per batch: nodes first, then relationships."""
    fast = isinstance(writer, FalkorWriter)
    for label, batch in _grouped(nodes, lambda r: r["label"], batch_size):
        statement, rows = node_batch(_check(label, LABELS), batch)
        yield "node", label, len(rows), statement, rows, falkordb_header(rows) if fast else None
    for (rt, a, b), batch in _grouped(rels, lambda r: (r["type"], r["start_label"], r["end_label"]), batch_size):
        statement, rows = rel_batch(_check(rt, REL_TYPES), _check(a, LABELS), _check(b, LABELS), batch)
        yield "rel", rt, len(rows), statement, rows, falkordb_header(rows) if fast else None


def push_rows(writer, nodes: Iterable[dict], rels: Iterable[dict], batch_size: int = DEFAULT_BATCH,
              *, schema: bool = True) -> PushStats:
    """Write node rows then relationship rows (``kg.propgraph`` shapes) in batches of *batch_size*.

    The next batch is prepared (grouped, turned into list rows, encoded) in a helper thread while the server
    writes the current one, so the client's Python work and the server's work overlap."""
    from concurrent.futures import ThreadPoolExecutor

    st = PushStats()
    t0 = time.perf_counter()
    if schema:
        create_schema(writer)
    t1 = None
    run_rows = getattr(writer, "run_rows", None) or (lambda stmt, rows, header=None: writer.run(stmt, {"rows": rows}))
    jobs = _prepared(writer, nodes, rels, batch_size)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-push") as pool:
        nxt = pool.submit(next, jobs, None)
        while True:
            job = nxt.result()
            if job is None:
                break
            nxt = pool.submit(next, jobs, None)
            kind, typ, count, statement, rows, header = job
            if kind == "rel" and t1 is None:
                t1 = time.perf_counter()
            run_rows(statement, rows, header)
            if kind == "node":
                st.nodes += count
            else:
                st.relationships += count
            st.by_type[typ] = st.by_type.get(typ, 0) + count
    t2 = time.perf_counter()
    t1 = t1 or t2
    st.node_seconds, st.rel_seconds, st.seconds = t1 - t0, t2 - t1, t2 - t0
    return st


def push(store: Any, writer, batch_size: int = DEFAULT_BATCH) -> PushStats:
    """Write the whole store (nodes, then relationships) through *writer*; idempotent."""
    from kg import propgraph

    return push_rows(writer, propgraph.iter_nodes(store), propgraph.iter_relationships(store), batch_size)


def graph_counts(writer) -> tuple[int, int]:
    n = writer.run("MATCH (n) RETURN count(n) AS c")[0]["c"]
    r = writer.run("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return n, r


# ---------------------------------------------------------------------------------------------- local server


def store_fingerprint(store: Any) -> str:
    """A value that changes whenever the store's content changes.

    For a KgStore directory (a path or an open KgStore) it is read from the store's ``CURRENT`` file, which every
    ``kg build`` replaces atomically (name, inode, mtime): no need to open the database. For an rdflib graph it
    is a hash of its article hashes and triple count.
    """
    path = Path(store) if isinstance(store, (str, os.PathLike)) else getattr(store, "path", None)
    if path is not None and (Path(path) / "CURRENT").is_file():
        cur = Path(path) / "CURRENT"
        st = cur.stat()
        key = f"{cur.resolve()}|{cur.read_text().strip()}|{st.st_ino}|{st.st_mtime_ns}|{st.st_size}"
        return "current:" + hashlib.sha256(key.encode()).hexdigest()
    if path is not None and isinstance(store, (str, os.PathLike)):
        raise KgError(f"no kg store at {path}: build one first (kg build seeds/) or pass --store / KG_STORE")
    from kg import propgraph
    from kg.vocab import KG

    h = hashlib.sha256()
    for r in propgraph.select(store, "SELECT ?hp ?h WHERE { ?a ?hp ?h } ORDER BY ?h", {"hp": KG.contentHash}):
        h.update(str(r["h"]).encode() + b"\n")
    h.update(str(len(store)).encode())
    return "graph:" + h.hexdigest()


def open_store(store_path: str | os.PathLike):
    """The built RDF store at *store_path* (read-only use)."""
    from kg.store import KgStore

    store = KgStore(store_path)
    if not store.exists:
        raise KgError(f"no kg store at {store_path}: build one first (kg build seeds/) or pass --store / KG_STORE")
    return store


class LocalGraph:
    """The graph ``kg`` on a store's private FalkorDB, loaded from the store."""

    def __init__(self, server: FalkorServer):
        self.server = server
        self.writer = FalkorWriter(server.graph(GRAPH_NAME))
        self.reloaded = False
        self.stats: PushStats | None = None

    def fingerprint(self) -> str | None:
        v = self.server.redis().get(FINGERPRINT_KEY)
        return v.decode() if v else None

    def load(self, store: Any, fingerprint: str | None = None, batch_size: int = 5000) -> PushStats:
        """Replace the graph by the store's content, then snapshot it to dump.rdb.

        The new graph is written under a temporary name and RENAMEd over the old one, so a concurrent reader
        sees the old graph or the new one, never half of it.
        """
        r = self.server.redis()
        tmp = f"{GRAPH_NAME}.loading.{os.getpid()}"
        if r.exists(tmp):
            r.delete(tmp)
        self.stats = push(store, FalkorWriter(self.server.graph(tmp)), batch_size)
        if not r.exists(tmp):  # an empty store: nothing was written, make an empty graph
            self.server.graph(tmp).query("RETURN 1")
        r.rename(tmp, GRAPH_NAME)
        r.set(FINGERPRINT_KEY, fingerprint or store_fingerprint(store))
        self.server.save()
        self.reloaded = True
        return self.stats

    def read(self, query: str, params: dict | None = None, timeout: float | None = None) -> list[dict]:
        """Run a read-only query (writes are refused by the server); *timeout* in seconds."""
        return self.writer.run(query, params, read_only=True, timeout=timeout)


@contextmanager
def open_local(store_path: str | os.PathLike, *, keep: bool = False, store: Any = None,
               on_load: Any = None) -> Iterator[LocalGraph]:
    """A LocalGraph for the store at *store_path*, reloaded only if the store changed since the last load.

    *store* (a KgStore or rdflib graph) overrides what is read; its server still lives in ``<store_path>/falkordb``.
    *on_load(message)* is called before and after a (re)load (the CLI prints it on stderr).
    """
    fp = store_fingerprint(store if store is not None else store_path)
    with FalkorServer(default_dir(store_path), keep=keep) as srv:
        lg = LocalGraph(srv)
        if lg.fingerprint() != fp:
            with _file_lock(srv.dir / "load.lock"):  # one loader at a time; the others then find it loaded
                if lg.fingerprint() != fp:
                    if on_load:
                        on_load("loading the graph into the private FalkorDB (first use, or the store changed)…")
                    st = lg.load(store if store is not None else open_store(store_path), fp)
                    if on_load:
                        on_load(f"loaded {st.nodes} nodes and {st.relationships} relationships "
                                f"in {st.seconds:.1f}s")
        yield lg


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def run_cypher(query: str, params: dict | None = None, store_path: str | os.PathLike = "kg-data", *,
               keep: bool = False, timeout: float | None = None, on_load: Any = None) -> tuple[list[str], list[dict]]:
    """Run a read-only Cypher query on the store's graph (private FalkorDB); returns (columns, rows)."""
    with open_local(store_path, keep=keep, on_load=on_load) as lg:
        try:
            rows = lg.read(query, params or {}, timeout=timeout)
        except Exception as e:
            raise KgError(f"Cypher error: {e}") from e
    cols = list(rows[0]) if rows else _return_columns(query)
    return cols, rows


def _return_columns(query: str) -> list[str]:
    m = re.search(r"\bRETURN\b(?:\s+DISTINCT)?(.*?)(?:\bORDER\s+BY\b|\bLIMIT\b|\bSKIP\b|$)", query, re.S | re.I)
    if not m:
        return []
    cols = []
    for part in m.group(1).split(","):
        alias = re.search(r"\bAS\s+(\w+)\s*$", part.strip(), re.I)
        cols.append(alias.group(1) if alias else part.strip())
    return cols


# ---------------------------------------------------------------------------------------------- canned queries
@dataclass
class CannedCypher:
    """A ``queries/<name>.cypher`` file: ``//`` header lines as in the ``.rq`` twin, then the query."""

    name: str
    text: str
    question_ko: str = ""
    question_en: str = ""
    params: list[str] = field(default_factory=list)
    returns: str = ""


def list_canned_cypher() -> list[str]:
    return sorted(p.stem for p in queries_dir().glob("*.cypher"))


def canned_cypher(name: str) -> CannedCypher:
    name = name.removesuffix(".cypher")
    path = queries_dir() / f"{name}.cypher"
    if not re.fullmatch(r"[A-Za-z0-9_-]+", name) or not path.exists():
        raise KgError(f"no Cypher twin for query {name!r} (have: {', '.join(list_canned_cypher()) or 'none'})")
    text = path.read_text(encoding="utf-8")
    h = header_fields(text, "//")
    q = CannedCypher(name, text, question_ko=h["question-ko"], question_en=h["question-en"], returns=h["returns"],
                     params=[re.split(r"[\s=]", v, 1)[0] for v in h["param"]])
    used = set(re.findall(r"\$(\w+)", "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("//"))))
    if used != set(q.params):
        raise KgError(f"{path}: '// param:' lines ({', '.join(q.params)}) differ from the query's "
                      f"parameters ({', '.join(sorted(used))})")
    return q


def run_canned_cypher(name: str, params: dict[str, Any], store_path: str | os.PathLike = "kg-data", *,
                      keep: bool = False, store: Any = None, timeout: float | None = None,
                      on_load: Any = None) -> list[dict]:
    """Answer the canned question *name* with Cypher (the twin of ``queries/<name>.rq``): rows as dicts, with the
    same parameter names and columns as the SPARQL version. Serverless (private FalkorDB of the store)."""
    q = canned_cypher(name)
    missing = [p for p in q.params if str(params.get(p, "")).strip() == ""]
    extra = sorted(set(params) - set(q.params))
    if missing or extra:
        parts = (["missing " + ", ".join(missing)] if missing else []) + (["unknown " + ", ".join(extra)] if extra else [])
        raise KgError(f"query {name}: {'; '.join(parts)} parameter(s); it takes: {', '.join(q.params) or 'none'}")
    bound = {k: str(params[k]) for k in q.params}
    with open_local(store_path, keep=keep, store=store, on_load=on_load) as lg:
        try:
            return lg.read(q.text, bound, timeout=timeout)
        except Exception as e:
            raise KgError(f"Cypher error in {name}.cypher: {e}") from e


# ---------------------------------------------------------------------------------------------- benchmark
def synthetic_rows(n_nodes: int, n_rels: int, seed: int = 7) -> tuple[list[dict], list[dict]]:
    """A synthetic graph of Cities and Institutions joined by PARTNERED_WITH (deterministic)."""
    import random

    rnd = random.Random(seed)
    nodes = [{"label": "City" if i % 2 == 0 else "Institution", "iri": f"urn:kg:bench:{i}",
              "name": f"노드 {i}", "aliases": [f"n{i}"], "kind": "bench"} for i in range(n_nodes)]
    rels, seen = [], set()
    while len(rels) < n_rels and n_nodes > 1:
        a, b = rnd.randrange(n_nodes), rnd.randrange(n_nodes)
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        rels.append({"type": "PARTNERED_WITH", "start": nodes[a]["iri"], "end": nodes[b]["iri"],
                     "start_label": nodes[a]["label"], "end_label": nodes[b]["label"],
                     "confidence": 0.9, "sentence": f"문장 {len(rels)}", "articles": ["urn:kg:bench:article"]})
    return nodes, rels


def push_benchmark(n_nodes: int, n_rels: int, batch_size: int = 5000) -> dict:
    """Push a synthetic graph to a throwaway private FalkorDB; returns counts, seconds and rows/s."""
    nodes, rels = synthetic_rows(n_nodes, n_rels)
    with tempfile.TemporaryDirectory(prefix="kg-bench-", dir="/tmp") as d:
        srv = FalkorServer(Path(d) / "falkordb")
        with srv:
            w = FalkorWriter(srv.graph("bench"))
            st = push_rows(w, nodes, rels, batch_size)
            n, r = graph_counts(w)
    return {"nodes": st.nodes, "relationships": st.relationships, "batch_size": batch_size,
            "node_seconds": round(st.node_seconds, 3), "rel_seconds": round(st.rel_seconds, 3),
            "node_rows_per_s": round(st.nodes / st.node_seconds) if st.node_seconds else None,
            "rel_rows_per_s": round(st.relationships / st.rel_seconds) if st.rel_seconds else None,
            "rows_per_s": round(st.rows_per_second), "graph_nodes": n, "graph_relationships": r}


__all__ = [
    "FalkorWriter", "BoltWriter", "LocalGraph", "PushStats", "connect", "create_schema", "push", "push_rows",
    "graph_counts", "open_local", "run_cypher", "run_canned_cypher", "canned_cypher", "list_canned_cypher", "store_fingerprint",
    "push_benchmark", "synthetic_rows", "index_statements",
]
