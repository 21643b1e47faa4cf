#!/usr/bin/env python
"""kg benchmark: throughput, build time, memory, query latency, rebuild and push, on a synthetic corpus.

Usage (from the repository root)::

    .venv/bin/python scripts/bench.py                          # 1k articles, 3 repeats (a few minutes)
    .venv/bin/python scripts/bench.py --sizes 1000,10000 --repeat 3 --out bench-out/
    .venv/bin/python scripts/bench.py --sizes 100000 --repeat 1 --only build,queries,rebuild,push

For each size N it writes (or reuses) ``OUT/corpus-N.jsonl`` (``kg.corpus``: real sentence material recombined with
varied names, deterministic in ``--seed``) and measures, as medians over ``--repeat`` runs:

- ``extract``: articles/s of ``kg.pipeline.extract`` alone on the first ``--extract-sample`` articles, with 1 worker
  (in process) and with ``--workers`` processes (``kg.parallel.extract_many``; steady-state rate after the first
  result, and the rate including pool start-up), against bare ``Kiwi.tokenize`` of the same text on one core
  (the floor), and the ratios;
- ``build``: wall time and peak RSS of ``kg build`` in a subprocess on a fresh store (peak RSS = the largest sum of
  the RSS of the build process and its children, sampled every 0.1 s; ``maxrss_largest`` = the largest single
  process, from ``wait4``), and the machine's busy CPU time meanwhile (per article, and as a share of all cores);
- ``rebuild``: ``kg build`` again with nothing changed, then with 1 % of the articles changed;
- ``queries``: p50/p95 latency of every canned query in ``queries/`` on the built graph, in process
  (``KgStore.query``), parameters drawn from the graph;
- ``push``: rows/s of a push of the built graph to a private local FalkorDB (``kg.falkor.push_benchmark``).

It prints a table and writes ``OUT/bench-N.json``. Parts whose modules are missing are reported as skipped.
This is a measurement script, not a test: numbers depend on the machine and on what else runs on it.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import cpu_of, kiwi_parallel, one_core, run_measured, table  # noqa: E402

from kg import corpus as kcorpus  # noqa: E402
from kg.model import Article  # noqa: E402

QUERY_BUDGET_S = 20.0
QUERY_PROBE_TIMEOUT_S = 60.0
TARGETS = {
    "extract_vs_kiwi_1core": 0.5,
    "extract_speedup_2w": 1.7,
    "build_100k_s": 25 * 60,
    "peak_rss_100k_mb": 4096,
    "query_p95_ms": 100,
    "rebuild_unchanged_frac": 0.05,
    "push_rows_per_s": 50_000,
}


def median(xs: list[float]) -> float | None:
    return statistics.median(xs) if xs else None


def pct(xs: list[float], q: float) -> float | None:
    if not xs:
        return None
    s = sorted(xs)
    k = min(len(s) - 1, max(0, int(round(q * (len(s) - 1)))))
    return s[k]


# ------------------------------------------------------------------------------------------------ corpus / articles


def ensure_corpus(out: Path, n: int, seed: int) -> tuple[Path, float | None]:
    path = out / f"corpus-{n}-s{seed}.jsonl"
    if path.exists():
        return path, None
    t = time.perf_counter()
    m = kcorpus.load_material()
    kcorpus.write_corpus(path, n, seed, m)
    return path, time.perf_counter() - t


def _fallback_article(rec: dict, where: str) -> Article:
    text = kcorpus.page_text(rec)
    t = len(rec["title"])
    return Article(id=rec["id"], text=text, title=rec["title"], title_span=(0, t), body=[(t + 2, len(text))],
                   outlet=rec.get("outlet"), source=where)


def load_articles(path: Path, limit: int) -> tuple[list[Article], str]:
    """The first ``limit`` articles of the corpus, through kg.loaders when it is there."""
    try:
        from kg.loaders import iter_articles
    except ImportError:
        iter_articles = None
    out: list[Article] = []
    if iter_articles is not None:
        for a in iter_articles([str(path)]):
            if isinstance(a, Article):
                out.append(a)
                if len(out) >= limit:
                    break
        if out:
            return out, "kg.loaders.iter_articles"
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            out.append(_fallback_article(json.loads(line), f"{path}:{i + 1}"))
    return out, "fallback (kg.loaders not available)"


def main_text(a: Article) -> str:
    return a.main_text() if (a.body or a.title_span) else a.text


# ------------------------------------------------------------------------------------------------ extraction


def bench_extract(arts: list[Article], repeat: int, workers: int, chunksize: int, res: dict) -> None:
    with one_core():
        _bench_one_core(arts, repeat, res)
    if "skipped" in res:
        return
    from kg.parallel import extract_many

    steady, total, per_cpu = [], [], []
    if workers > 1:
        # spawn: the workers are children of this process, so their CPU time shows in RUSAGE_CHILDREN once joined
        startup_cpu = cpu_of(lambda: list(extract_many(arts[:workers], workers=workers, chunksize=1,
                                                          start_method="spawn")))
        res["pool_startup_cpu_s"] = startup_cpu
        for _ in range(repeat):
            t_first, k = None, 0

            def run() -> None:
                nonlocal t_first, k, k_first, t0, t1
                t0 = time.perf_counter()
                for _doc in extract_many(arts, workers=workers, chunksize=chunksize, start_method="spawn"):
                    k += 1
                    if t_first is None:
                        t_first, k_first = time.perf_counter(), k
                t1 = time.perf_counter()

            k_first, t0, t1 = 0, 0.0, 0.0
            cpu = cpu_of(run)
            total.append(k / (t1 - t0))
            if k > k_first and t1 > t_first:
                steady.append((k - k_first) / (t1 - t_first))
            per_cpu.append(k / max(1e-9, cpu - startup_cpu))
    if workers > 1:
        # the same ratio for bare Kiwi: how well this machine runs two CPU-bound processes at once
        texts = [main_text(a) for a in arts]
        kp = [kiwi_parallel(texts, workers) for _ in range(repeat)]
        res[f"kiwi_{workers}proc_aps"] = median([k["aps"] for k in kp])
        res[f"kiwi_{workers}proc_per_cpu_s"] = median([k["per_cpu_s"] for k in kp])
        if res.get("kiwi_tokenize_per_cpu_s"):
            res["kiwi_parallel_efficiency"] = res[f"kiwi_{workers}proc_per_cpu_s"] / res["kiwi_tokenize_per_cpu_s"]
    res[f"extract_{workers}w_aps"] = median(steady)
    res[f"extract_{workers}w_runs"] = steady
    res[f"extract_{workers}w_with_startup_aps"] = median(total)
    if per_cpu and res.get("extract_1w_per_cpu_s"):
        # articles per CPU-second over all processes (worker start-up excluded) against the one-core figure:
        # with the CPUs to itself the pool would run at workers x this efficiency (load from other programs
        # lowers the wall-clock speed-up but not this).
        res[f"extract_{workers}w_per_cpu_s"] = median(per_cpu)
        res["parallel_efficiency"] = median(per_cpu) / res["extract_1w_per_cpu_s"]
        res[f"projected_speedup_{workers}w_idle"] = workers * res["parallel_efficiency"]
    if res.get("kiwi_tokenize_aps") and res.get("extract_1w_aps"):
        res["ratio_extract_1w_vs_kiwi"] = res["extract_1w_aps"] / res["kiwi_tokenize_aps"]
    if res.get(f"extract_{workers}w_aps") and res.get("extract_1w_aps"):
        res[f"speedup_{workers}w"] = res[f"extract_{workers}w_aps"] / res["extract_1w_aps"]


def _bench_one_core(arts: list[Article], repeat: int, res: dict) -> None:
    from kiwipiepy import Kiwi

    texts = [main_text(a) for a in arts]
    res["sample_articles"] = len(arts)
    res["sample_chars"] = sum(len(t) for t in texts)
    kiwi = Kiwi()  # bare Kiwi, default options; one text per call, the process pinned to one core
    kiwi.tokenize("워밍업 문장입니다.")
    floor, floor_cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        for s in texts:
            kiwi.tokenize(s)
        floor.append(len(texts) / (time.perf_counter() - t))
        floor_cpu.append(len(texts) / (time.process_time() - c))
    res["kiwi_tokenize_aps"] = median(floor)
    res["kiwi_tokenize_runs"] = floor
    res["kiwi_tokenize_per_cpu_s"] = median(floor_cpu)
    del kiwi

    try:
        from kg.parallel import extract_many
        from kg.pipeline import extract
    except ImportError as e:  # the floor alone is still worth reporting
        res["skipped"] = f"extractor not available: {e}"
        return
    extract(arts[0])  # warm up (Kiwi, gazetteer, lexicons) outside the timing
    one, one_cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        n = sum(1 for _ in extract_many(arts, workers=1))
        one.append(n / (time.perf_counter() - t))
        one_cpu.append(n / (time.process_time() - c))
    res["extract_1w_aps"] = median(one)
    res["extract_1w_runs"] = one
    res["extract_1w_per_cpu_s"] = median(one_cpu)
    res["ratio_extract_1w_vs_kiwi_cpu"] = res["extract_1w_per_cpu_s"] / res["kiwi_tokenize_per_cpu_s"]


def profile_extract(arts: list[Article], out: Path, top: int = 40) -> str:
    from kg.pipeline import extract

    extract(arts[0])
    prof = cProfile.Profile()
    prof.enable()
    for a in arts:
        extract(a)
    prof.disable()
    prof.dump_stats(str(out.with_suffix(".prof")))
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf).strip_dirs()
    st.sort_stats("tottime").print_stats(top)
    st.sort_stats("cumulative").print_stats(top)
    out.write_text(buf.getvalue(), encoding="utf-8")
    return buf.getvalue()


# ------------------------------------------------------------------------------------------------ build (subprocess)


def kg_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("kg")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kg.cli"]


def build_help() -> str:
    try:
        return subprocess.run(kg_cmd() + ["build", "--help"], capture_output=True, text=True, timeout=120).stdout
    except Exception:  # noqa: BLE001
        return ""


def build_cmd(corpus: Path, store: Path, workers: int, help_text: str, report: Path | None = None) -> list[str]:
    cmd = kg_cmd() + ["build", str(corpus), "--store", str(store)]
    if "--workers" in help_text:
        cmd += ["--workers", str(workers)]
    if "--quiet" in help_text:
        cmd += ["--quiet"]
    if report is not None and "--report" in help_text:
        cmd += ["--report", str(report)]
    return cmd


def run_build(corpus: Path, store: Path, workers: int, help_text: str, out: Path, tag: str) -> dict:
    report = out / f"{tag}.report.json"
    report.unlink(missing_ok=True)
    m = run_measured(build_cmd(corpus, store, workers, help_text, report), log=out / f"{tag}.log")
    if report.exists():
        rep = json.loads(report.read_text(encoding="utf-8"))
        m["report"] = {k: rep.get(k) for k in ("read", "skipped", "extracted", "replaced", "quads", "seconds",
                                               "articles_in_store", "triples_in_store", "committed")}
        m["report"]["failed"] = len(rep.get("failed") or [])
    return m


def bench_build(corpus: Path, out: Path, n: int, repeat: int, workers: int, res: dict, do_rebuild: bool,
                do_rebuild1: bool = True) -> Path | None:
    help_text = build_help()
    if "--store" not in help_text:
        res["skipped"] = "kg build is not available yet"
        return None
    res["workers_option"] = "--workers" in help_text
    store = out / f"store-{n}"
    runs, reb0, reb1 = [], [], []
    for r in range(repeat):
        shutil.rmtree(store, ignore_errors=True)
        m = run_build(corpus, store, workers, help_text, out, f"build-{n}-{r}")
        runs.append(m)
        if m["rc"] != 0:
            res["error"] = f"kg build exited {m['rc']} (see {out / f'build-{n}-{r}.log'})"
        if not do_rebuild:
            continue
        reb0.append(run_build(corpus, store, workers, help_text, out, f"rebuild0-{n}-{r}"))
        if not do_rebuild1:
            continue
        # 1 % changed: the same file path with 1 % of its records edited (then the original is put back)
        backup = corpus.with_name(corpus.name + ".orig")
        shutil.copyfile(corpus, backup)
        try:
            changed = kcorpus.perturb_corpus(backup, corpus, 0.01, seed=100 + r)
            m1 = run_build(corpus, store, workers, help_text, out, f"rebuild1-{n}-{r}")
            m1["changed_articles"] = changed
            reb1.append(m1)
        finally:
            shutil.move(backup, corpus)
    res["runs"] = runs
    res["wall_s"] = median([m["wall_s"] for m in runs])
    res["peak_rss_mb"] = max(m["peak_rss_mb"] for m in runs)
    res["maxrss_largest_mb"] = max(m["maxrss_largest_mb"] for m in runs)
    res["articles_per_s"] = n / res["wall_s"] if res["wall_s"] else None
    busy = [m["machine_cpu_busy_s"] for m in runs if m.get("machine_cpu_busy_s")]
    if busy:  # where the time goes: CPU per article, and how much of the machine the build kept busy
        res["cpu_ms_per_article"] = 1000 * median(busy) / n
        res["machine_cpu_util"] = median([m["machine_cpu_util"] for m in runs if m.get("machine_cpu_util")])
    if reb0:
        res["rebuild_unchanged_runs"] = reb0
        res["rebuild_unchanged_s"] = median([m["wall_s"] for m in reb0])
        res["rebuild_unchanged_frac"] = res["rebuild_unchanged_s"] / res["wall_s"]
    if reb1:
        res["rebuild_1pct_runs"] = reb1
        res["rebuild_1pct_s"] = median([m["wall_s"] for m in reb1])
        res["rebuild_1pct_frac"] = res["rebuild_1pct_s"] / res["wall_s"]
    # leave a store built from the original corpus for the query and push parts
    if reb1:
        res["restore_run"] = run_build(corpus, store, workers, help_text, out, f"rebuild-restore-{n}")
    return store


def bench_scale(corpus: Path, out: Path, n: int, workers: int, res: dict, do_rebuild: bool, templates: int,
                share: int) -> Path | None:
    """The graph of N articles written from real extractions of ``templates`` articles (see benchlib.py)."""
    store = out / f"store-{n}-scaled"
    shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, str(Path(__file__).with_name("benchlib.py")), "scale", str(corpus), str(store),
           "--templates", str(templates), "--share", str(share)]
    m = run_measured(cmd, log=out / f"scale-{n}.log")
    res["write"] = m
    lines = (out / f"scale-{n}.log").read_text(encoding="utf-8").strip().splitlines()
    if m["rc"] != 0 or not lines:
        res["error"] = f"scaled graph failed (see {out / f'scale-{n}.log'})"
        return None
    res["write"].update(json.loads(lines[-1]))
    help_text = build_help()
    if do_rebuild:
        res["rebuild_unchanged"] = run_build(corpus, store, workers, help_text, out, f"scale-rebuild0-{n}")
    try:
        from kg.store import KgStore

        st = KgStore(store)
        res["store_quads"] = len(st.ox)
        res["store_articles"] = len(st.article_hashes())
        res["store_bytes"] = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
    except Exception as e:  # noqa: BLE001
        res["store_error"] = str(e)
    return store


# ------------------------------------------------------------------------------------------------ queries


# Popular values per parameter name: the most connected entity is the slowest case, so p95 is an honest bound.
_PARAM_SAMPLERS = {
    "institution": "SELECT ?v (COUNT(*) AS ?k) WHERE { ?i a kg:Institution ; kg:name ?v ; kg:partneredWith ?c } "
                   "GROUP BY ?v ORDER BY DESC(?k) LIMIT 1",
    "city": "SELECT ?v (COUNT(*) AS ?k) WHERE { ?c a kg:City ; kg:name ?v ; kg:mentionedIn ?a } "
            "GROUP BY ?v ORDER BY DESC(?k) LIMIT 1",
    "entity": "SELECT ?v (COUNT(*) AS ?k) WHERE { ?e a kg:Institution ; kg:name ?v ; kg:mentionedIn ?a } "
              "GROUP BY ?v ORDER BY DESC(?k) LIMIT 1",
}


def sample_params(store, names: set[str], examples: dict[str, str]) -> dict[str, str]:
    out = {}
    for name in names:
        sparql = _PARAM_SAMPLERS.get(name)
        rows = store.query(sparql) if sparql else []
        out[name] = rows[0]["v"] if rows and rows[0].get("v") else examples.get(name)
    return out


# Every value a parameter can take in the graph (the sampled runs draw from these uniformly).
_PARAM_DOMAINS = {
    "institution": "SELECT DISTINCT ?v WHERE { ?i a kg:Institution ; kg:name ?v FILTER EXISTS { ?i kg:partneredWith ?c } }",
    "city": "SELECT DISTINCT ?v WHERE { ?c a kg:City ; kg:name ?v }",
    "entity": "SELECT DISTINCT ?v WHERE { VALUES ?t { kg:City kg:Institution kg:Official } ?e a ?t ; kg:name ?v }",
    "theme": "SELECT DISTINCT ?v WHERE { ?t a kg:Theme ; skos:notation ?v }",
}


def domain_sample(store, name: str, k: int, seed: int) -> list[str]:
    import random

    sparql = _PARAM_DOMAINS.get(name)
    values = sorted(r["v"] for r in store.query(sparql) if r.get("v")) if sparql else []
    return random.Random(f"{seed}:{name}").sample(values, min(k, len(values)))


def _timed(store, sparql: str, params: dict) -> tuple[float, int]:
    t = time.perf_counter()
    rows = store.query(sparql, params)
    return (time.perf_counter() - t) * 1000, len(rows)


def bench_queries(store_path: Path, iterations: int, res: dict, sample: int = 20, seed: int = 7) -> None:
    """Each canned query (a) with the most connected parameter value (the slowest case), *iterations* runs, and
    (b) with *sample* values drawn uniformly from the graph, each run ``max(1, iterations // sample)`` times after
    one untimed warm-up run: p50/p95 over all those timings (what a user asking about any entity sees)."""
    from kg.canned import list_queries
    from kg.store import KgStore

    store = KgStore(store_path)
    queries = list_queries()
    if not queries:
        res["skipped"] = "no canned queries in queries/"
        return
    names = {p.name for q in queries for p in q.params}
    examples = {p.name: p.example for q in queries for p in q.params}
    t = time.perf_counter()
    pool = sample_params(store, names, examples)
    domains = {n: domain_sample(store, n, sample, seed) for n in names}
    res["param_sampling_s"] = time.perf_counter() - t
    res["params"] = pool
    for q in queries:
        params = {p.name: pool[p.name] for p in q.params}
        try:
            t = time.perf_counter()
            # the first run in a child process with a timeout (Oxigraph cannot be interrupted): a runaway plan
            # is reported instead of hanging the benchmark
            rows = store.query(q.sparql, params, timeout=QUERY_PROBE_TIMEOUT_S)
            first = (time.perf_counter() - t) * 1000
            lat = []
            budget = time.perf_counter() + QUERY_BUDGET_S
            for k in range(iterations):
                if k >= 5 and time.perf_counter() > budget:
                    break  # a slow query: at least 5 timings, at most QUERY_BUDGET_S seconds
                lat.append(_timed(store, q.sparql, params)[0])
        except Exception as e:  # noqa: BLE001
            res[q.name] = {"error": f"{type(e).__name__}: {e}"}
            continue
        r = res[q.name] = {"params": params, "rows": len(rows), "first_ms": first, "runs": len(lat),
                           "p50_ms": pct(lat, 0.5), "p95_ms": pct(lat, 0.95), "max_ms": max(lat)}
        if len(q.params) != 1 or not domains.get(q.params[0].name):
            continue
        name = q.params[0].name
        slat, srows, slowest = [], [], (0.0, None)
        budget = time.perf_counter() + QUERY_BUDGET_S
        for v in domains[name]:
            if time.perf_counter() > budget and len(slat) >= 20:
                break
            _timed(store, q.sparql, {name: v})  # warm-up
            for _ in range(max(1, iterations // max(1, len(domains[name])))):
                ms, n = _timed(store, q.sparql, {name: v})
                slat.append(ms)
                srows.append(n)
                slowest = max(slowest, (ms, v), key=lambda x: x[0])
        r["sampled"] = {"values": len(set(domains[name])), "runs": len(slat), "p50_ms": pct(slat, 0.5),
                        "p95_ms": pct(slat, 0.95), "max_ms": max(slat), "slowest_value": slowest[1],
                        "median_rows": pct([float(x) for x in srows], 0.5), "max_rows": max(srows)}


# ------------------------------------------------------------------------------------------------ push


def bench_push(store_path: Path, out: Path, repeat: int, res: dict, batch_size: int = 5000) -> None:
    """Rows of the built graph (kg.propgraph) pushed to a fresh private FalkorDB (kg.falkor / kg.cypher).

    The RDF -> rows conversion is timed apart (``rows_s``); ``rows_per_s`` is the FalkorDB write alone (first push
    into an empty graph, ``UNWIND $rows MERGE`` batches); ``repush_rows_per_s`` pushes the same rows again
    (idempotent MERGE on existing nodes). ``synthetic`` is kg.cypher.push_benchmark on a generated graph of the
    same size, for comparison with the bare-statement figures of the issue.
    """
    try:
        from kg import propgraph
        from kg.cypher import FalkorWriter, graph_counts, push_benchmark, push_rows
        from kg.falkor import FalkorServer
        from kg.store import KgStore
    except ImportError as e:
        res["skipped"] = f"Cypher/FalkorDB modules not available: {e}"
        return
    store = KgStore(store_path)
    t = time.perf_counter()
    nodes = list(propgraph.iter_nodes(store))
    rels = list(propgraph.iter_relationships(store))
    res["rows_s"] = time.perf_counter() - t
    res["node_rows"], res["rel_rows"] = len(nodes), len(rels)
    first, again, node_rate, rel_rate = [], [], [], []
    for r in range(repeat):
        work = out / f"falkor-{r}"
        shutil.rmtree(work, ignore_errors=True)
        with FalkorServer(work) as srv:
            w = FalkorWriter(srv.graph("bench"))
            st = push_rows(w, nodes, rels, batch_size)
            first.append(st.rows_per_second)
            node_rate.append(st.nodes / st.node_seconds if st.node_seconds else 0)
            rel_rate.append(st.relationships / st.rel_seconds if st.rel_seconds else 0)
            st2 = push_rows(w, nodes, rels, batch_size)
            again.append(st2.rows_per_second)
            res["graph_counts"] = graph_counts(w)
        shutil.rmtree(work, ignore_errors=True)
    res["batch_size"] = batch_size
    res["rows_per_s_runs"] = first
    res["rows_per_s"] = median(first)
    res["node_rows_per_s"] = median(node_rate)
    res["rel_rows_per_s"] = median(rel_rate)
    res["repush_rows_per_s"] = median(again)
    try:
        res["synthetic"] = push_benchmark(max(1, len(nodes)), max(1, len(rels)), batch_size)
    except Exception as e:  # noqa: BLE001
        res["synthetic"] = {"error": f"{type(e).__name__}: {e}"}


# ------------------------------------------------------------------------------------------------ report


def machine() -> dict:
    return {"cpus": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)), "python": platform.python_version(),
            "platform": platform.platform(), "loadavg_start": tuple(round(x, 2) for x in os.getloadavg())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Example: .venv/bin/python scripts/bench.py --sizes 1000 --repeat 3 --out bench-out/")
    ap.add_argument("--sizes", default="1000", help="comma-separated corpus sizes (default 1000)")
    ap.add_argument("--repeat", type=int, default=3, help="repeats per measurement; medians are reported (default 3)")
    ap.add_argument("--build-repeat", type=int, default=None, help="repeats of the full build (default: --repeat, 1 above 10k)")
    ap.add_argument("--out", default="bench-out", help="output folder (corpora, stores, logs, JSON)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--chunksize", type=int, default=16)
    ap.add_argument("--extract-sample", type=int, default=1000, help="articles used for the extraction throughput")
    ap.add_argument("--query-iterations", type=int, default=50)
    ap.add_argument("--only", default="extract,build,rebuild,rebuild1,queries,push",
                    help="parts to run: extract, build, rebuild (nothing changed), rebuild1 (1 %% changed), queries, push; "
                         "scale (instead of build: the scaled graph of benchlib.py)")
    ap.add_argument("--templates", type=int, default=300, help="scale: articles extracted for real")
    ap.add_argument("--share", type=int, default=4, help="scale: articles per non-city entity")
    ap.add_argument("--profile", action="store_true", help="cProfile the serial extraction (OUT/profile-extract-N.txt)")
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    parts = set(a.only.split(","))
    for size in [int(s) for s in a.sizes.split(",") if s]:
        R: dict = {"size": size, "repeat": a.repeat, "workers": a.workers, "seed": a.seed, "machine": machine(),
                   "targets": TARGETS, "started": time.strftime("%Y-%m-%d %H:%M:%S")}
        corpus, gen_s = ensure_corpus(out, size, a.seed)
        R["corpus"] = {"path": str(corpus), "bytes": corpus.stat().st_size, "generate_s": gen_s}
        print(f"corpus {corpus} ({corpus.stat().st_size / 1e6:.1f} MB){'' if gen_s is None else f', made in {gen_s:.1f} s'}", flush=True)
        if "extract" in parts or a.profile:
            arts, how = load_articles(corpus, min(size, a.extract_sample))
            R["extract"] = {"loader": how}
            if "extract" in parts:
                try:
                    bench_extract(arts, a.repeat, a.workers, a.chunksize, R["extract"])
                except Exception as e:  # noqa: BLE001
                    R["extract"]["error"] = traceback.format_exc()
                    print("extract failed:", e, flush=True)
            if a.profile:
                try:
                    profile_extract(arts, out / f"profile-extract-{size}.txt")
                    R["extract"]["profile"] = str(out / f"profile-extract-{size}.txt")
                except ImportError as e:
                    print("profile skipped:", e)
            del arts
            print(table(size, R, a.workers), flush=True)
        store = None
        if "scale" in parts:
            R["scale"] = {}
            store = bench_scale(corpus, out, size, a.workers, R["scale"], "rebuild" in parts, a.templates, a.share)
        elif "build" in parts:
            R["build"] = {}
            brep = a.build_repeat or (a.repeat if size <= 10_000 else 1)
            store = bench_build(corpus, out, size, brep, a.workers, R["build"], "rebuild" in parts, "rebuild1" in parts)
        else:  # queries/push only: the store a previous run left (a real build first, else the scaled graph)
            store = next((p for p in (out / f"store-{size}", out / f"store-{size}-scaled") if p.exists()), None)
        if store is not None and "queries" in parts:
            R["queries"] = {}
            try:
                bench_queries(store, a.query_iterations, R["queries"])
            except Exception:  # noqa: BLE001
                R["queries"]["error"] = traceback.format_exc()
        if store is not None and "push" in parts:
            R["push"] = {}
            try:
                bench_push(store, out, a.repeat, R["push"])
            except Exception:  # noqa: BLE001
                R["push"]["error"] = traceback.format_exc()
        R["machine"]["loadavg_end"] = tuple(round(x, 2) for x in os.getloadavg())
        R["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
        (out / f"bench-{size}.json").write_text(json.dumps(R, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        print(table(size, R, a.workers), flush=True)
        print(f"wrote {out / f'bench-{size}.json'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
