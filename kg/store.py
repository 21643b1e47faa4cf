"""The kg graph store: an Oxigraph dataset on disk, one named graph per article (ontology/README.md).

Layout of a store directory (default ``./kg-data``, or ``$KG_STORE``)::

    kg-data/
      CURRENT        name of the committed generation, e.g. "gen-000007" (replaced atomically)
      LOCK           flock()ed by the one writer; holds the writer's pid for messages
      gen-000007/    the Oxigraph (RocksDB) database that readers open read-only
      gen-000006/    the previous generation, kept so that a reader that opened it keeps working

A write (a whole ``kg build``) is all-or-nothing: under the lock it makes ``gen-<n+1>`` as a hard-link
backup of the current generation (cheap: RocksDB files are immutable), writes into it, flushes it, and only
then points ``CURRENT`` at it with an atomic rename. Killed at any moment (even ``kill -9``), ``CURRENT``
still names the previous, untouched generation; the next writer deletes the half-written one.
Committed generations are never opened read-write again, so readers never race a writer.

Inside a generation, each article is its own named graph, the ontology is the graph ``kgid:graph/ontology``,
and the default graph is kept equal to the set-union of all named graphs; queries run on it (see KgStore).
"""
from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from kg.model import KgError
from kg.oxterms import ox_value, param_term, to_ox, to_ox_quads
from kg.readonly import check_read_only, query_with_timeout
from kg.resources import ontology_dir
from kg.triples import ONTOLOGY_GRAPH, doc_nt_quads, doc_quads, graph_iri, hash_of_graph
from kg.vocab import KG, PREFIXES

DEFAULT_STORE = "kg-data"
CURRENT = "CURRENT"
LOCK = "LOCK"
_GEN = re.compile(r"^gen-(\d{6,})$")
ONTOLOGY_FILES = ("kg.ttl", "themes.ttl")
PREFIX_IRIS = {p: str(ns) for p, ns in PREFIXES.items()}  # prefixes predefined in every query
FLUSH_QUADS = 50_000  # quads buffered by a writer before they are written (see the comment in flush)
_SOURCE_FILE = ox.NamedNode(str(KG.sourceFile))


def default_store_path() -> Path:
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE)


# ---------------------------------------------------------------------------------------------------------
# generations and the writer lock


def _gens(root: Path) -> list[tuple[int, Path]]:
    out = []
    if root.is_dir():
        for p in root.iterdir():
            m = _GEN.match(p.name)
            if m and p.is_dir():
                out.append((int(m.group(1)), p))
    return sorted(out)


def _current(root: Path) -> Path | None:
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not _GEN.match(name) or not (root / name).is_dir():
        raise KgError(f"{root / CURRENT}: names {name!r}, which is not a generation in {root}; the store is damaged")
    return root / name


def _cleanup(root: Path, current: int) -> None:
    """Delete every generation but the current one and the one before it (a reader may still have that open).
    Called under the writer lock: generations above ``current`` are leftovers of killed writers."""
    gens = _gens(root)
    older = [n for n, _ in gens if n < current]
    keep = {current, older[-1]} if older else {current}
    for n, p in gens:
        if n not in keep:
            shutil.rmtree(p, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _set_current(root: Path, gen: Path) -> None:
    tmp = root / f"{CURRENT}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(gen.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, root / CURRENT)
    _fsync_dir(root)


@contextmanager
def writer_lock(root: Path, timeout: float) -> Iterator[None]:
    """Hold the store's writer lock; wait up to ``timeout`` seconds for another writer, then fail clearly."""
    root.mkdir(parents=True, exist_ok=True)
    f = open(root / LOCK, "a+", encoding="utf-8")
    try:
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    f.seek(0)
                    holder = f.read().strip() or "another process"
                    raise KgError(
                        f"{root}: another kg build is writing this store ({holder}); waited {timeout:g}s. "
                        "Wait for it to finish, or use another --store"
                    ) from None
                time.sleep(0.1)
        f.seek(0)
        f.truncate()
        f.write(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        f.flush()
        yield
    finally:
        f.close()  # closing releases the flock (and the kernel releases it if we are killed)


def _ontology_quads() -> list[ox.Quad]:
    """kg.ttl and themes.ttl as quads of the ontology graph, blank nodes named by their order in the files
    (so that reloading the same files gives the same quads)."""
    g = ox.NamedNode(str(ONTOLOGY_GRAPH))
    quads = []
    for name in ONTOLOGY_FILES:
        path = ontology_dir() / name
        if not path.exists():
            raise KgError(f"ontology file {path} is missing: reinstall kg (pip install .)")
        labels: dict[str, ox.BlankNode] = {}

        def fix(t):
            if isinstance(t, ox.BlankNode):
                return labels.setdefault(t.value, ox.BlankNode(f"{path.stem}{len(labels)}"))
            return t

        try:
            for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
                quads.append(ox.Quad(fix(t.subject), t.predicate, fix(t.object), g))
        except SyntaxError as e:
            raise KgError(f"{path}: invalid Turtle: {e}") from None
    return quads


def _with_union(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads plus their triples in the default graph (the set-union of all graphs, see KgStore)."""
    dg = ox.DefaultGraph()
    return quads + [ox.Quad(q.subject, q.predicate, q.object, dg) for q in quads]


def encode_doc(doc) -> tuple[bytes, int]:
    """A Doc's graph as N-Quads, each triple also in the default graph (the union), and its quad count.

    Runs in the extraction workers (``kg.parallel.extract_many(encode=...)``): the writer then only hands the bytes
    to Oxigraph's bulk loader, instead of building every term in the build process (which capped a 2-worker
    build on 2 CPUs: its Python work, 70 % of its time, ran beside both workers). The lines are written from
    :func:`kg.triples.doc_nt_quads`, whose terms pyoxigraph made, so they are exactly what its serializer writes."""
    quads = doc_nt_quads(doc)
    named = "".join([f"{s} {p} {o} {g} .\n" for s, p, o, g in quads])
    union = "".join([f"{s} {p} {o} .\n" for s, p, o, _ in quads])
    return (named + union).encode(), len(quads)


def _drop_graph(store: ox.Store, g: ox.NamedNode) -> bool:
    """Remove a named graph, and from the default graph the triples no other named graph still holds."""
    if not store.contains_named_graph(g):
        return False
    triples = [(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, g)]
    store.remove_graph(g)
    dg = ox.DefaultGraph()
    for s, p, o in triples:
        if not any(not isinstance(q.graph_name, ox.DefaultGraph) for q in store.quads_for_pattern(s, p, o)):
            store.remove(ox.Quad(s, p, o, dg))
    return True


def _load_ontology(store: ox.Store) -> bool:
    """Make the ontology graph (and its share of the default graph) match kg.ttl + themes.ttl; True if it changed."""
    g = ox.NamedNode(str(ONTOLOGY_GRAPH))
    quads = _ontology_quads()
    if store.contains_named_graph(g) and set(store.quads_for_pattern(None, None, None, g)) == set(quads):
        return False
    _drop_graph(store, g)
    store.extend(_with_union(quads))
    return True


class _BackgroundLoad:
    """At most one ``Store.bulk_load`` at a time, in a thread (pyoxigraph releases the GIL while it loads), so the
    build keeps handing articles to its extraction workers while Oxigraph writes the previous batch. Without it
    the workers ran dry during every flush (the in-flight window is far shorter than a bulk load). An error of the
    load is raised by the next :meth:`start` or :meth:`wait`."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def start(self, data: bytes) -> None:
        self.wait()

        def run() -> None:
            try:  # lenient: the bytes come from encode_doc, whose terms pyoxigraph made (and so checked)
                self.store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
            except BaseException as e:  # noqa: BLE001 - raised in the writer's thread by wait()
                self.error = e

        self.thread = threading.Thread(target=run, name="kg-bulk-load", daemon=True)
        self.thread.start()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None
        if self.error is not None:
            e, self.error = self.error, None
            raise e


class StoreWriter:
    """One all-or-nothing write: use as a context manager (commit on success, discard on error)."""

    def __init__(self, kgstore: "KgStore", *, rebuild: bool = False):
        self.kgstore = kgstore
        self.root = kgstore.path
        self.rebuild = rebuild
        self.written: set[str] = set()  # hashes whose quads are written or buffered
        self.claimed: set[str] = set()  # hashes a caller is about to write (so repeats in the input are skipped)
        self.seen: set[str] = set()  # hashes present in this build's input (written, claimed or already known)
        self.sources: dict[str, str] = {}  # source file -> hash written for it in this build
        self.replaced = 0
        self._buffer: list[ox.Quad] = []
        self._encoded: list[bytes] = []  # N-Quads from encode_doc, and their quad count
        self._encoded_quads = 0
        self._lock_cm = None
        self.ox: ox.Store | None = None
        self._loading: _BackgroundLoad | None = None
        self.gen: Path | None = None
        self.changed = False  # anything written or dropped (else commit keeps the current generation)

    def __enter__(self) -> "StoreWriter":
        self._lock_cm = writer_lock(self.root, self.kgstore.lock_timeout)
        self._lock_cm.__enter__()
        try:
            self._begin()
        except BaseException:
            self._lock_cm.__exit__(None, None, None)
            raise
        return self

    def _begin(self) -> None:
        cur = _current(self.root)
        cur_n = int(_GEN.match(cur.name).group(1)) if cur else 0
        _cleanup(self.root, cur_n)  # half-written generations of killed writers, and old ones
        self.gen = self.root / f"gen-{cur_n + 1:06d}"
        if cur is not None and not self.rebuild:
            src = ox.Store.read_only(str(cur))
            src.backup(str(self.gen))
            del src
        self.ox = ox.Store(str(self.gen))
        self._loading = _BackgroundLoad(self.ox)
        self.changed = _load_ontology(self.ox) or self.rebuild or cur is None

    def has_article(self, content_hash: str) -> bool:
        if content_hash in self.written or content_hash in self.claimed:
            return True
        return self.ox.contains_named_graph(ox.NamedNode(str(graph_iri(content_hash))))

    def claim(self, content_hash: str) -> None:
        """Note that the caller will write this article (so a repeat of it in the input counts as known)."""
        self.claimed.add(content_hash)
        self.seen.add(content_hash)

    def mark_seen(self, content_hash: str) -> None:
        """Note an article of the input that is already in the store (its graph is kept as is)."""
        self.seen.add(content_hash)

    def replace_article(self, content_hash: str, source: str | None, quads: Iterable[tuple]) -> None:
        """Drop the article's graph and add its quads. At commit, older versions of the same source (graphs with
        this ``kg:sourceFile`` whose article is nowhere in this build's input) are dropped too."""
        self._replacing(content_hash, source)
        self._buffer.extend(to_ox_quads(quads))
        self._flush_if_full()

    def replace_article_encoded(self, content_hash: str, source: str | None, encoded: tuple[bytes, int]) -> None:
        """:meth:`replace_article` for a graph already encoded by :func:`encode_doc` (in a worker)."""
        data, n = encoded
        self._replacing(content_hash, source)
        self._encoded.append(data)
        self._encoded_quads += n
        self._flush_if_full()

    def _replacing(self, content_hash: str, source: str | None) -> None:
        """The bookkeeping of a write: the old graph dropped, the article noted as written (and its source's)."""
        self._drop(content_hash)
        if source:
            self.sources[source] = content_hash
        self.written.add(content_hash)
        self.seen.add(content_hash)

    def _flush_if_full(self) -> None:
        if len(self._buffer) + self._encoded_quads >= FLUSH_QUADS:
            self.flush(wait=False)

    def replace_articles(self, docs: Iterable) -> int:
        n = 0
        for doc in docs:
            self.replace_article(doc.article.hash, doc.article.source, doc_quads(doc))
            n += 1
        return n

    def remove_article(self, content_hash: str) -> None:
        self._drop(content_hash)
        self.written.discard(content_hash)

    def _drop(self, content_hash: str) -> None:
        g = ox.NamedNode(str(graph_iri(content_hash)))
        if content_hash in self.written:
            self.flush()
        if not self.ox.contains_named_graph(g):
            return
        self._loading.wait()  # never delete during a bulk load (Oxigraph leaves the result undefined)
        self.changed |= _drop_graph(self.ox, g)

    def flush(self, *, wait: bool = True) -> None:
        """Write what is buffered. ``wait=False`` leaves the encoded graphs loading in the background (see
        :class:`_BackgroundLoad`); everything that reads what was written (dropping a graph written in this build,
        the commit) flushes with ``wait=True`` first."""
        # bulk (non-transactional) loading is safe here: the generation is private until commit.
        # FLUSH_QUADS: each bulk load lands in RocksDB's level 0 (kg's keys are hashes, so every batch overlaps the
        # whole store) and compaction rewrites it into the lower levels. 250k quads per batch instead of 50k cut the
        # build process's CPU on 10k articles from 93 to 61 s (0.9 instead of 0.3 GB of memory), but the 100k build
        # took 1,834 s against 1,722 s: at that size compaction costs the same either way (docs/benchmark.md).
        if self._buffer:
            self._loading.wait()
            self.changed = True
            self.ox.bulk_extend(_with_union(self._buffer))
            self._buffer = []
        if self._encoded:
            self.changed = True
            self._loading.start(b"".join(self._encoded))
            self._encoded, self._encoded_quads = [], 0
        if wait:
            self._loading.wait()

    def drop_replaced_versions(self) -> int:
        """Drop graphs of earlier versions of the sources written in this build (see :meth:`replace_article`).
        Done at the end, so that an article that only moved (a record now on another line) is never lost."""
        n = 0
        for source, content_hash in self.sources.items():
            old = {q.graph_name.value for q in self.ox.quads_for_pattern(None, _SOURCE_FILE, ox.Literal(source))
                   if isinstance(q.graph_name, ox.NamedNode)}
            for g in sorted(old):
                h = hash_of_graph(g)
                if h and h != content_hash and h not in self.seen:
                    self._drop(h)
                    n += 1
        self.sources = {}
        self.replaced += n
        return n

    def commit(self) -> None:
        self.flush()
        self.drop_replaced_versions()
        if not self.changed:  # nothing to write: keep the current generation
            self.abort()
            return
        self.ox.flush()  # everything in SST files: a read-only backup of this generation is then complete
        self._loading = None  # it holds the store open too
        del self.ox
        self.ox = None
        _set_current(self.root, self.gen)
        _cleanup(self.root, int(_GEN.match(self.gen.name).group(1)))

    def abort(self) -> None:
        self._buffer, self._encoded = [], []
        if self._loading is not None:
            try:
                self._loading.wait()
            except BaseException:  # noqa: BLE001 - the generation is discarded anyway
                pass
            self._loading = None
        if self.ox is not None:
            del self.ox
            self.ox = None
        if self.gen is not None:
            shutil.rmtree(self.gen, ignore_errors=True)

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.commit()
            else:
                self.abort()
        finally:
            self._lock_cm.__exit__(None, None, None)
            self.kgstore.refresh()


# ---------------------------------------------------------------------------------------------------------
# the store


def _dataset(store: ox.Store) -> Dataset:
    """The rdflib view of a pyoxigraph store: queries go to Oxigraph, on the default graph (the set-union)."""
    from oxrdflib import OxigraphStore

    ds = Dataset(store=OxigraphStore(store=store), default_union=False)
    for p, ns in PREFIX_IRIS.items():
        ds.bind(p, URIRef(ns), override=True)
    return ds


class KgStore:
    """Read access to the committed graph, and :meth:`writer` for all-or-nothing writes.

    Every article's quads are in its own named graph; the writer also keeps the **default graph equal to the
    set-union of all named graphs** (each distinct triple once), and queries run on that default graph with
    the kg prefixes predefined. (Oxigraph's ``use_default_graph_as_union`` / rdflib ``default_union=True``
    is a *bag* union: an entity's type and name written by 10,000 articles come back 10,000 times and every
    join over them multiplies; measured, a canned query on 10k articles did not finish in 5 minutes, against
    milliseconds on the set-union.) ``GRAPH ?g { … }`` still reaches the per-article graphs.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, lock_timeout: float = 600.0):
        self.path = Path(path) if path is not None else default_store_path()
        self.lock_timeout = lock_timeout
        self.generation: Path | None = None
        self.ox: ox.Store | None = None
        self.dataset: Dataset | None = None
        self.refresh()

    @property
    def exists(self) -> bool:
        """True once a build has committed a graph here."""
        return self.generation is not None

    def refresh(self) -> None:
        """(Re)open the committed generation read-only (an empty in-memory graph when nothing is built yet)."""
        if self.path.exists() and not self.path.is_dir():
            raise KgError(f"{self.path}: not a directory (a kg store is a directory)")
        for attempt in range(3):
            gen = _current(self.path) if self.path.is_dir() else None
            try:
                store = ox.Store.read_only(str(gen)) if gen is not None else ox.Store()
                break
            except OSError:
                if attempt == 2:
                    raise
                time.sleep(0.2)  # a writer just replaced it: read CURRENT again
        if gen is None:
            _load_ontology(store)
        self.generation, self.ox = gen, store
        self.dataset = _dataset(store)

    def writer(self, *, rebuild: bool = False) -> StoreWriter:
        """``with store.writer() as w: w.replace_article(...)`` commits at the end, or leaves the store as it was."""
        return StoreWriter(self, rebuild=rebuild)

    def replace_articles(self, docs: Iterable, *, rebuild: bool = False) -> int:
        """Write the Docs' graphs in one all-or-nothing step (each replacing its article's previous graph)."""
        with self.writer(rebuild=rebuild) as w:
            return w.replace_articles(docs)

    # -- reading -------------------------------------------------------------------------------------------
    def has_article(self, content_hash: str) -> bool:
        return self.ox.contains_named_graph(ox.NamedNode(str(graph_iri(content_hash))))

    def article_hashes(self) -> set[str]:
        return {h for g in self.ox.named_graphs() if (h := hash_of_graph(g.value))}

    def query(self, sparql: str, params: dict | None = None, timeout: float | None = None) -> list[dict]:
        """Run a read-only SPARQL query; ``params`` bind variables (``{"city": "포항"}`` binds ``?city``).

        Values are bound as RDF terms (strings become plain literals), never formatted into the text.
        Returns one dict per solution (variable -> plain Python value, None when unbound); ASK gives
        ``[{"ask": bool}]``; CONSTRUCT/DESCRIBE give ``{"subject", "predicate", "object"}`` rows.
        """
        check_read_only(sparql)
        bindings = {}
        for k, v in (params or {}).items():
            if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(k)):
                raise KgError(f"invalid parameter name {k!r}: use letters, digits and _")
            bindings[str(k)] = param_term(v)
        if timeout and self.generation is not None:
            return query_with_timeout(self.generation, sparql, bindings, timeout)
        # straight to Oxigraph (not through rdflib's Dataset: each value was converted twice, which cost as much
        # as the query itself on row-heavy answers)
        subs = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
        try:
            res = self.ox.query(sparql, prefixes=PREFIX_IRIS, substitutions=subs)
        except SyntaxError as e:
            raise KgError(f"invalid SPARQL: {e}") from None
        except (RuntimeError, ValueError, OSError) as e:
            m = re.search(r"variable \?(\w+) in its SELECT projection", str(e))
            if m:
                raise KgError(f"parameter {m.group(1)!r}: ?{m.group(1)} must appear in the query's SELECT clause "
                              "to be bound (or drop the parameter)") from None
            raise KgError(f"query failed: {e}") from None
        if isinstance(res, ox.QueryBoolean):
            return [{"ask": bool(res)}]
        if isinstance(res, ox.QueryTriples):
            return [{"subject": ox_value(t.subject), "predicate": ox_value(t.predicate), "object": ox_value(t.object)}
                    for t in res]
        names = [v.value for v in res.variables]
        idx = range(len(names))
        return [dict(zip(names, [ox_value(sol[i]) for i in idx])) for sol in res]

    def union_triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of the union graph (ontology included), as pyoxigraph triples."""
        return (ox.Triple(q.subject, q.predicate, q.object)
                for q in self.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def triple_count(self) -> int:
        """Distinct triples of the union graph (a triple written by several articles counts once)."""
        rows = self.ox.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(rows))["n"].value)

    def stats(self) -> dict[str, Any]:
        """Counts: articles, quads, distinct triples, entities per type, relations per type, assertions, evidence."""
        q = lambda s: self.query(s)  # noqa: E731
        out: dict[str, Any] = {"store": str(self.path), "generation": self.generation.name if self.generation else None}
        out["articles"] = len(self.article_hashes())
        out["stored_quads"] = len(self.ox)  # article graphs + ontology graph + their union
        out["triples"] = self.triple_count()
        out["entities"] = {
            r["t"].rsplit("#", 1)[-1]: r["n"]
            for r in q(
                "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t ; kg:mentionedIn ?a . "
                "FILTER(STRSTARTS(STR(?t), STR(kg:))) } GROUP BY ?t ORDER BY ?t"
            )
        }
        out["relations"] = {
            r["p"].rsplit("#", 1)[-1]: r["n"]
            for r in q(
                "SELECT ?p (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?s ?p ?o WHERE { ?a a kg:Assertion ; "
                "rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } } } GROUP BY ?p ORDER BY ?p"
            )
        }
        out["assertions"] = q("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Assertion }")[0]["n"]
        out["evidence"] = q("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Evidence }")[0]["n"]
        return out

    def close(self) -> None:
        self.dataset = None
        self.ox = None

    def __enter__(self) -> "KgStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
