"""CLI of the RDF graph: ``kg build``, ``kg queries``, ``kg query``, ``kg sparql``, ``kg export``, ``kg validate``,
``kg stats``. Thin: each command calls kg.build / kg.canned / kg.store / kg.export_rdf / kg.validate."""
from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from pathlib import Path

import click

from kg.model import KgError

__all__ = ["build_cmd", "queries_cmd", "query_cmd", "sparql_cmd", "export_cmd", "validate_cmd", "stats_cmd"]


def store_option(f):
    return click.option(
        "--store", "store_path", type=click.Path(file_okay=False), envvar="KG_STORE", default="kg-data",
        show_default=True, help="Store directory (or $KG_STORE).",
    )(f)


def _open(store_path: str, *, must_exist: bool = True):
    from kg.store import KgStore

    store = KgStore(store_path)
    if must_exist and not store.exists:
        raise click.ClickException(
            f"no graph in {store_path}: build one first (kg build seeds/), or point --store / KG_STORE at one"
        )
    return store


def _fail(e: Exception) -> click.ClickException:
    return click.ClickException(str(e))


# ------------------------------------------------------------------------------------------------- output
def _cell(v) -> str:
    return "" if v is None else str(v)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def format_rows(rows: list[dict], fmt: str, columns: list[str] | None = None, max_width: int = 60) -> str:
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1, default=str)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(no results)"

    def clip(s: str) -> str:
        s = s.replace("\n", " ")
        while _width(s) > max_width:
            s = s[: max(1, len(s) - 2)] + "…"
            s = s[:-2] + "…" if _width(s) > max_width else s
        return s

    cells = [[clip(_cell(r.get(c))) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    pad = lambda s, w: s + " " * (w - _width(s))  # noqa: E731
    lines = ["  ".join(pad(c, w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(pad(v, w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------- build
@click.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@store_option
@click.option("--format", "fmt", default=None, help="Input format for the loaders (default: guess per file).")
@click.option("--strict", is_flag=True, help="Stop at the first failure; the store is then left unchanged.")
@click.option("--rebuild", is_flag=True,
              help="Re-extract everything: build a fresh graph from PATHS only (replaces the store's graph).")
@click.option("--workers", type=int, default=1, show_default=True, help="Extraction processes (0 = all CPUs).")
@click.option("--max-bytes", type=int, default=None, help="Skip (and report) source files larger than this.")
@click.option("--lock-timeout", type=float, default=600, show_default=True,
              help="Seconds to wait for another build writing the same store.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False), help="Also write the report as JSON here.")
def build_cmd(paths, store_path, fmt, strict, rebuild, workers, max_bytes, lock_timeout, quiet, report_file):
    """Build (or update) the knowledge graph from news files or folders.

    Articles already in the store (same content hash) are not extracted again; a changed file replaces
    its old facts. The whole build is committed at once: if it is interrupted, the previous graph stays.
    Each file or article that cannot be read or extracted is reported on one line (FAILED file: reason);
    the exit status is 1 when anything failed.

    \b
    Example:
      kg build seeds/ && kg query partners-of --param institution=STEPI
      kg build corpus.jsonl --workers 4 --store /data/kg
    """
    from kg.build import build
    from kg.store import KgStore

    def on_failure(where, reason):
        click.echo(f"FAILED {where}: {reason}", err=True)

    options = {"max_bytes": max_bytes} if max_bytes else {}
    try:
        store = KgStore(store_path, lock_timeout=lock_timeout)
        report = build(paths, store, strict=strict, workers=None if workers == 0 else workers,
                       progress=not quiet and sys.stderr.isatty(), rebuild=rebuild, format=fmt,
                       loader_options=options, on_failure=on_failure)
    except KgError as e:
        raise _fail(e) from None
    click.echo(report.summary())
    if report_file:
        Path(report_file).write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    if not report.ok:
        sys.exit(1)


# ------------------------------------------------------------------------------------------------- queries
@click.command("queries")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def queries_cmd(fmt):
    """List the canned questions (queries/*.rq) with their parameters.

    \b
    Example:
      kg queries
      kg query officials-of --param city=포항
    """
    from kg.canned import list_queries

    qs = list_queries()
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "question_ko": q.question_ko, "question_en": q.question_en,
                                "params": [vars(p) for p in q.params], "returns": q.returns} for q in qs],
                              ensure_ascii=False, indent=1))
        return
    for q in qs:
        click.echo(f"{q.name}")
        click.echo(f"    {q.question_ko}")
        click.echo(f"    {q.question_en}")
        for p in q.params:
            click.echo(f"    --param {p.name}={p.example}" + (f"   ({p.help})" if p.help else ""))
        click.echo(f"    e.g. kg query {q.name} {q.usage()}")
    from kg.network import NETWORK_QUERIES

    for name, (question, _answer) in NETWORK_QUERIES.items():
        click.echo(f"{name}   (networkx)")
        click.echo(f"    {question}")


@click.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the question (repeatable); bound as a value, never pasted into the query.")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--timeout", type=float, default=None, help="Stop the query after this many seconds.")
@click.option("--show", is_flag=True, help="Print the SPARQL of the question instead of running it.")
@click.option("--lang", type=click.Choice(["sparql", "cypher"]), default="sparql", show_default=True,
              help="Answer with the SPARQL file, or its Cypher twin on a private FalkorDB (same answers).")
def query_cmd(name, params, store_path, fmt, timeout, show, lang):
    """Answer a canned question NAME (see `kg queries`) from the graph.

    \b
    Example:
      kg query partners-of --param institution=STEPI
      kg query policies-targeting --param theme=안전 --format json
      kg query events-of -p city=포항시 --format csv
      kg query partners-of --param institution=STEPI --lang cypher
      kg query central-institutions --param top=5
    """
    from kg.canned import check_params, load_query, parse_param_options
    from kg.network import NETWORK_QUERIES

    if name in NETWORK_QUERIES:  # network questions answered with networkx on the graph's projection
        _question, answer = NETWORK_QUERIES[name]
        try:
            rows = answer(_open(store_path), **parse_param_options(params))
        except TypeError as e:
            raise click.UsageError(f"{name}: {e}") from None
        except KgError as e:
            raise _fail(e) from None
        click.echo(format_rows(rows, fmt))
        return
    try:
        q = load_query(name)
        if lang == "cypher":  # the twin queries/<name>.cypher (kg.cypher); same parameters and columns
            from kg.cypher import canned_cypher, run_canned_cypher

            if show:
                click.echo(canned_cypher(q.name).text)
                return
            rows = run_canned_cypher(q.name, check_params(q, parse_param_options(params)), store_path,
                                     timeout=timeout, on_load=lambda msg: click.echo(msg, err=True))
            click.echo(format_rows(rows, fmt))
            return
        if show:
            click.echo(q.sparql)
            return
        bound = check_params(q, parse_param_options(params))
        store = _open(store_path)
        rows = store.query(q.sparql, bound, timeout=timeout)
    except KgError as e:
        raise _fail(e) from None
    click.echo(format_rows(rows, fmt))


@click.command("sparql")
@click.argument("query", required=False)
@click.option("-f", "--file", "file", type=click.File("r", encoding="utf-8"), help="Read the query from a file.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to a string (repeatable); the variable must be in the SELECT clause.")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--timeout", type=float, default=None, help="Stop the query after this many seconds.")
def sparql_cmd(query, file, params, store_path, fmt, timeout):
    """Run a read-only SPARQL QUERY over the whole graph (all articles' graphs as one).

    The prefixes kg:, kgid:, theme:, schema:, org:, prov:, skos:, rdf:, rdfs:, xsd: … are predefined.
    Updates (INSERT, DELETE, LOAD, CLEAR, DROP, …) are refused: the graph is written only by `kg build`.

    \b
    Example:
      kg sparql 'SELECT ?name WHERE { ?c a kg:City ; kg:name ?name }'
      kg sparql -f my.rq --param city=포항 --format csv --timeout 30
    """
    from kg.canned import parse_param_options

    if (query is None) == (file is None):
        raise click.UsageError("give the query as an argument or with -f FILE (one of them)")
    text = query if query is not None else file.read()
    try:
        store = _open(store_path)
        rows = store.query(text, parse_param_options(params), timeout=timeout)
    except KgError as e:
        raise _fail(e) from None
    except (RuntimeError, OSError) as e:
        raise click.ClickException(f"query failed: {e}") from None
    click.echo(format_rows(rows, fmt))


# ------------------------------------------------------------------------------------------------- export etc.
@click.command("export")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "nt", "jsonld", "nquads", "graphml", "neo4j-csv"]),
              help="turtle, nt, jsonld (union graph), nquads (one graph per article), graphml, neo4j-csv.")
@click.option("-o", "--output", "out", required=True, type=click.Path(),
              help="Output file (a folder for neo4j-csv).")
@click.option("--no-ontology", is_flag=True, help="RDF formats: leave out the ontology and theme scheme.")
@store_option
def export_cmd(fmt, out, no_ontology, store_path):
    """Export the graph to a file.

    \b
    Example:
      kg export --format turtle -o kg.ttl
      kg export --format neo4j-csv -o neo4j-import/
    """
    from kg.export_rdf import export

    try:
        store = _open(store_path)
        files = export(store, fmt, out, include_ontology=not no_ontology)
    except KgError as e:
        raise _fail(e) from None
    for f in files or []:
        click.echo(f"wrote {f}")


@click.command("validate")
@store_option
@click.option("--max-issues", type=int, default=50, show_default=True, help="Issues to print.")
def validate_cmd(store_path, max_issues):
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit status 1 on violations.

    \b
    Example:
      kg build seeds/ && kg validate
    """
    from kg.validate import validate_store

    report = validate_store(_open(store_path))
    for issue in report.issues[:max_issues]:
        click.echo(issue.line())
    if len(report.issues) > max_issues:
        click.echo(f"… and {len(report.issues) - max_issues} more")
    click.echo(report.summary())
    if not report.conforms:
        sys.exit(1)


@click.command("stats")
@store_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats_cmd(store_path, fmt):
    """Counts of the graph: articles, triples, entities per type, relations per type, evidence.

    \b
    Example:
      kg stats --store kg-data
    """
    s = _open(store_path).stats()
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False, indent=1))
        return
    for k, v in s.items():
        if isinstance(v, dict):
            click.echo(f"{k}:")
            for kk, vv in v.items():
                click.echo(f"  {kk:<16} {vv}")
        else:
            click.echo(f"{k:<18} {v}")
