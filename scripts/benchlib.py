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


def machine_cpu() -> tuple[float, float]:
    """(all, idle) CPU seconds of the whole machine since boot, from /proc/stat (0, 0 where it is missing)."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return 0.0, 0.0
    hz = os.sysconf("SC_CLK_TCK")
    return sum(v[:8]) / hz, (v[3] + v[4]) / hz  # user..steal; idle + iowait


def run_measured(cmd: list[str], env: dict | None = None, log: Path | None = None) -> dict:
    """Run ``cmd``: wall time, peak RSS of its process tree (sampled every 0.1 s), largest single maxrss (wait4),
    and the busy CPU seconds of the whole machine meanwhile (``machine_cpu_busy_s``; the run's own cost when
    nothing else runs, which is how the benchmark is meant to be run) and that as a share of all CPU time
    (``machine_cpu_util``: 1.0 means every core was busy the whole run)."""
    all0, idle0 = machine_cpu()
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
    all1, idle1 = machine_cpu()
    busy = (all1 - all0) - (idle1 - idle0)
    return {"wall_s": wall, "peak_rss_mb": peak[0] / 1024, "maxrss_largest_mb": ru.ru_maxrss / 1024,
            "cpu_user_s": ru.ru_utime, "cpu_sys_s": ru.ru_stime, "rc": p.returncode, "loadavg": os.getloadavg(),
            "machine_cpu_busy_s": busy, "machine_cpu_util": busy / (all1 - all0) if all1 > all0 else None}


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


def kiwi_worker(texts: list[str]) -> tuple[int, float, float]:
    """Bare Kiwi over ``texts`` in a worker process: (count, CPU seconds, wall seconds) of the tokenizing alone."""
    from kiwipiepy import Kiwi

    k = Kiwi()
    k.tokenize("워밍업 문장입니다.")
    t, c = time.perf_counter(), time.process_time()
    for s in texts:
        k.tokenize(s)
    return len(texts), time.process_time() - c, time.perf_counter() - t


def kiwi_parallel(texts: list[str], workers: int) -> dict:
    """The machine's own ceiling: bare Kiwi in ``workers`` processes at once (each its share of the texts)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    parts = [texts[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn")) as ex:
        res = list(ex.map(kiwi_worker, parts))
    n, cpu, wall = sum(r[0] for r in res), sum(r[1] for r in res), max(r[2] for r in res)
    return {"articles": n, "per_cpu_s": n / cpu if cpu else None, "aps": n / wall if wall else None}


# ------------------------------------------------------------------------------------------------ report table


def fmt(v, spec=".1f") -> str:
    return "-" if v is None else format(v, spec)


def table(size: int, R: dict, workers: int) -> str:
    e, b, q, p = R.get("extract", {}), R.get("build", {}), R.get("queries", {}), R.get("push", {})
    ok = lambda c: "ok" if c else "MISSED"  # noqa: E731
    lines = [f"== {size} articles (medians of {R['repeat']} runs; {R['machine']['cpus']} CPUs, load avg {R['machine']['loadavg_start']})"]
    if e:
        lines.append(f"  Kiwi.tokenize floor (1 core)   {fmt(e.get('kiwi_tokenize_aps'))} articles/s   [{e.get('sample_articles')} articles, {e.get('sample_chars')} chars]")
        if "skipped" in e:
            lines.append(f"  extraction                     skipped: {e['skipped']}")
        else:
            r1 = e.get("ratio_extract_1w_vs_kiwi")
            sp = e.get(f"speedup_{workers}w")
            lines.append(f"  extract, 1 worker              {fmt(e.get('extract_1w_aps'))} articles/s   ratio to Kiwi {fmt(r1, '.2f')} (target >= 0.5: {ok(r1 and r1 >= 0.5)}); by CPU time {fmt(e.get('ratio_extract_1w_vs_kiwi_cpu'), '.2f')}")
            lines.append(f"  extract, {workers} workers             {fmt(e.get(f'extract_{workers}w_aps'))} articles/s   speed-up {fmt(sp, '.2f')} (target >= 1.7: {ok(sp and sp >= 1.7)}); with pool start-up {fmt(e.get(f'extract_{workers}w_with_startup_aps'))}")
            pe = e.get(f"projected_speedup_{workers}w_idle")
            lines.append(f"    CPU-normalised: parallel efficiency {fmt(e.get('parallel_efficiency'), '.2f')} -> speed-up on idle CPUs {fmt(pe, '.2f')} ({ok(pe and pe >= 1.7)}); worker start-up {fmt(e.get('pool_startup_cpu_s'), '.1f')} CPU-s")
            lines.append(f"    bare Kiwi in {workers} processes: {fmt(e.get(f'kiwi_{workers}proc_aps'))} articles/s, parallel efficiency {fmt(e.get('kiwi_parallel_efficiency'), '.2f')} (the machine's ceiling for the same ratio)")
    if b:
        if "skipped" in b:
            lines.append(f"  kg build                       skipped: {b['skipped']}")
        else:
            lines.append(f"  kg build (fresh store)         {fmt(b.get('wall_s'))} s  ({fmt(b.get('articles_per_s'))} articles/s), peak RSS {fmt(b.get('peak_rss_mb'), '.0f')} MB (tree), largest process {fmt(b.get('maxrss_largest_mb'), '.0f')} MB")
            if b.get("cpu_ms_per_article"):
                lines.append(f"    machine CPU {fmt(b.get('cpu_ms_per_article'))} ms per article, "
                             f"{fmt(100 * (b.get('machine_cpu_util') or 0), '.0f')} % of all cores busy")
            if "rebuild_unchanged_s" in b:
                f0 = b["rebuild_unchanged_frac"]
                lines.append(f"  rebuild, nothing changed       {fmt(b['rebuild_unchanged_s'], '.2f')} s = {fmt(100 * f0)} % of the build (target < 5 %: {ok(f0 < 0.05)})")
            if "rebuild_1pct_s" in b:
                lines.append(f"  rebuild, 1 % changed           {fmt(b['rebuild_1pct_s'], '.2f')} s = {fmt(100 * b['rebuild_1pct_frac'])} % of the build")
            if "error" in b:
                lines.append(f"  build ERROR: {b['error']}")
    sc = R.get("scale", {})
    if sc:
        w = sc.get("write", {})
        lines.append(f"  scaled graph ({w.get('templates')} extracted templates, entities shared by {w.get('share')} articles): "
                     f"written in {fmt(w.get('wall_s'))} s (write {fmt(w.get('write_s'))} s, commit {fmt(w.get('commit_s'))} s), "
                     f"peak RSS {fmt(w.get('peak_rss_mb'), '.0f')} MB; {sc.get('store_quads')} quads, {fmt((sc.get('store_bytes') or 0) / 1e6, '.0f')} MB on disk")
        r0 = sc.get("rebuild_unchanged")
        if r0:
            lines.append(f"  kg build, nothing changed      {fmt(r0['wall_s'], '.1f')} s, peak RSS {fmt(r0['peak_rss_mb'], '.0f')} MB")
        if "error" in sc:
            lines.append(f"  scale ERROR: {sc['error']}")
    if q:
        if "skipped" in q:
            lines.append(f"  queries                        skipped: {q['skipped']}")
        for name, v in sorted(q.items()):
            if name in ("params", "skipped", "param_sampling_s") or not isinstance(v, dict):
                continue
            if "p95_ms" in v:
                lines.append(f"  query {name:<24} most connected ({next(iter(v['params'].values()), '')}): p50 {fmt(v['p50_ms'], '.2f')} ms  p95 {fmt(v['p95_ms'], '.2f')} ms  rows {v['rows']}  ({ok(v['p95_ms'] < 100)})")
                sv = v.get("sampled")
                if sv:
                    lines.append(f"  {'':<30} {sv['values']} sampled values: p50 {fmt(sv['p50_ms'], '.2f')} ms  p95 {fmt(sv['p95_ms'], '.2f')} ms  max {fmt(sv['max_ms'], '.1f')} ms ({sv['slowest_value']})  rows median {fmt(sv['median_rows'], '.0f')} max {sv['max_rows']}  ({ok(sv['p95_ms'] < 100)})")
            else:
                lines.append(f"  query {name:<24} {v}")
    if p:
        if "skipped" in p:
            lines.append(f"  push to FalkorDB               skipped: {p['skipped']}")
        else:
            rps = p.get("rows_per_s")
            lines.append(f"  push to FalkorDB               {fmt(rps, ',.0f')} rows/s  (nodes {fmt(p.get('node_rows_per_s'), ',.0f')}/s, rels {fmt(p.get('rel_rows_per_s'), ',.0f')}/s; target >= 50k: {ok(rps and rps >= 50_000)})")
            lines.append(f"    {p.get('node_rows')} node + {p.get('rel_rows')} relationship rows; RDF->rows {fmt(p.get('rows_s'), '.2f')} s; re-push {fmt(p.get('repush_rows_per_s'), ',.0f')} rows/s; synthetic graph {fmt((p.get('synthetic') or {}).get('rows_per_s'), ',.0f')} rows/s")
            if "error" in p:
                lines.append(f"    push ERROR: {p['error'][-300:]}")
    return "\n".join(lines)



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
