"""Helpers of scripts/bench.py: process measurement, one-core pinning, and the scaled graph.

The *scaled graph* (``python scripts/benchlib.py scale CORPUS STORE``) puts a graph of the size a full build of CORPUS
would make into STORE without extracting every article: ``--templates`` articles are extracted for real, and every
article of the corpus gets the quads of template ``i % templates``, rewritten so that it is its own article (its
content hash, source, graph) with its own evidence and assertions, and with entities shared by ``--share`` articles
(cities and themes stay the real shared ones). Writing goes through the real ``KgStore`` writer, so the store, its
size, the canned queries, ``kg build`` with nothing changed and the push to FalkorDB can be measured at 100k articles
on a machine where extracting 100k articles does not fit the time at hand. Extraction scales linearly (one article at
a time, no shared state), so its 100k time is projected from the measured rate.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------------------------------------ measuring processes


def tree_rss_kb(root: int) -> int:
    """Sum of VmRSS over ``root`` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(d))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def run_measured(cmd: list[str], env: dict | None = None, log: Path | None = None) -> dict:
    """Run ``cmd``: wall time, peak RSS of its process tree (sampled every 0.1 s), largest single maxrss (wait4)."""
    t = time.perf_counter()
    logf = log.open("w") if log else subprocess.DEVNULL
    p = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, env=env, cwd=str(REPO))
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss_kb(p.pid))
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    stop.set()
    th.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    if log:
        logf.close()
    return {"wall_s": wall, "peak_rss_mb": peak[0] / 1024, "maxrss_largest_mb": ru.ru_maxrss / 1024,
            "cpu_user_s": ru.ru_utime, "cpu_sys_s": ru.ru_stime, "rc": p.returncode, "loadavg": os.getloadavg()}


def cpu_of(fn) -> float:
    """CPU seconds (user + system) of this process and of its children that ended during ``fn()``."""
    import resource

    def now() -> float:
        a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime

    c = now()
    fn()
    return now() - c


class one_core:
    """Pin every thread of this process to one CPU (Kiwi's own threads included), and restore on exit.

    The floor and the one-worker figure are then one-core numbers even though Kiwi() starts a thread per core.
    """

    def __enter__(self):
        self.before = os.sched_getaffinity(0)
        self._set({min(self.before)})
        return self

    def __exit__(self, *exc):
        self._set(self.before)

    @staticmethod
    def _set(cpus: set[int]) -> None:
        for tid in os.listdir("/proc/self/task"):
            try:
                os.sched_setaffinity(int(tid), cpus)
            except OSError:
                pass


# ------------------------------------------------------------------------------------------------ scaled graph

_PER_ENTITY = ("official/", "institution/", "event/", "policy/")
_PER_ARTICLE = ("evidence/", "assertion/", "membership/")


class _Rewriter:
    """Rewrites one template article's quads into those of article ``i``."""

    def __init__(self, tmpl_hash: str, tmpl_source: str | None):
        from rdflib import Literal, URIRef

        from kg.vocab import ID, KG, RDFS

        self.URIRef, self.Literal = URIRef, Literal
        self.id = str(ID)
        self.tmpl_hash, self.tmpl_source = tmpl_hash, tmpl_source
        self.name_preds = {KG.name, KG.alias, RDFS.label}

    def term(self, t, new_hash: str, source: str | None, variant: int, i: int):
        if isinstance(t, self.URIRef):
            s = str(t)
            if not s.startswith(self.id):
                return t
            rest = s[len(self.id):]
            if rest.startswith(("article/", "graph/")):
                return self.URIRef(s.replace(self.tmpl_hash, new_hash)) if self.tmpl_hash in s else t
            if rest.startswith(_PER_ENTITY):
                return self.URIRef(f"{s}-v{variant}")
            if rest.startswith(_PER_ARTICLE):
                return self.URIRef(f"{s}-a{i}")
            return t
        if isinstance(t, self.Literal):
            v = str(t)
            if v == self.tmpl_hash:
                return self.Literal(new_hash)
            if self.tmpl_source is not None and v == self.tmpl_source:
                return self.Literal(source)
        return t

    def quads(self, quads, new_hash: str, source: str | None, variant: int, i: int) -> list[tuple]:
        out = []
        for q in quads:
            s, p, o, g = (self.term(x, new_hash, source, variant, i) for x in q)
            if p in self.name_preds and isinstance(o, self.Literal) and isinstance(q[0], self.URIRef) \
                    and str(q[0])[len(self.id):].startswith(_PER_ENTITY):
                o = self.Literal(f"{o} {variant}", lang=o.language, datatype=o.datatype)
            out.append((s, p, o, g))
        return out


def write_scaled_store(corpus: Path, store_path: Path, templates: int = 300, share: int = 4) -> dict:
    from kg.loaders import iter_articles
    from kg.model import Article
    from kg.pipeline import extract
    from kg.store import KgStore
    from kg.triples import doc_quads

    t0 = time.perf_counter()
    tmpl = []
    for a in iter_articles([str(corpus)]):
        if isinstance(a, Article):
            tmpl.append((_Rewriter(a.hash, a.source), doc_quads(extract(a))))
            if len(tmpl) >= templates:
                break
    t1 = time.perf_counter()
    n = 0
    with KgStore(store_path).writer(rebuild=True) as w:
        for i, a in enumerate(x for x in iter_articles([str(corpus)]) if isinstance(x, Article)):
            rw, quads = tmpl[i % len(tmpl)]
            variant = (i // len(tmpl)) // share
            w.replace_article(a.hash, a.source, rw.quads(quads, a.hash, a.source, variant, i))
            n += 1
            if n % 10_000 == 0:
                print(f"{n} articles written, {time.perf_counter() - t1:.0f} s", flush=True)
        t2 = time.perf_counter()
    t3 = time.perf_counter()
    return {"articles": n, "templates": len(tmpl), "share": share, "template_extract_s": t1 - t0,
            "write_s": t2 - t1, "commit_s": t3 - t2}


def main(argv: list[str]) -> int:
    import argparse
    import json

    ap = argparse.ArgumentParser(prog="scripts/benchlib.py scale", description=__doc__.split("\n\n")[0])
    ap.add_argument("cmd", choices=["scale"])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("store", type=Path)
    ap.add_argument("--templates", type=int, default=300)
    ap.add_argument("--share", type=int, default=4)
    a = ap.parse_args(argv)
    res = write_scaled_store(a.corpus, a.store, a.templates, a.share)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main(sys.argv[1:]))
