"""CLI: ``kg viz`` (offline HTML network or map) and ``kg network`` (networkx questions on the graph)."""
from __future__ import annotations

from pathlib import Path

import click

from kg.model import KgError

__all__ = ["viz_cmd", "network_cmd"]


def _store_option(f):
    return click.option("--store", "store_path", type=click.Path(file_okay=False), envvar="KG_STORE",
                        default="kg-data", show_default=True, help="kg store directory (or $KG_STORE).")(f)


def open_store(store_path: str):
    """The built store at ``store_path``, or a KgError saying how to build one."""
    from kg.store import KgStore

    store = KgStore(store_path)
    if not store.exists:
        raise KgError(f"{store_path}: no kg store built here; run `kg build seeds/ --store {store_path}` first")
    return store


def _fail(e: Exception) -> None:
    raise click.ClickException(str(e))


@click.command("viz")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), default=None,
              help="HTML file to write [default: graph.html, or map.html with --map].")
@_store_option
@click.option("--city", help="Only the part around this city (name, alias or IRI), within --hops.")
@click.option("--theme", help="Only the part around this theme (id such as Safety, or its Korean label).")
@click.option("--around", "around", metavar="ENTITY", help="Only the part around this entity, within --hops.")
@click.option("--hops", type=click.IntRange(0, 10), default=2, show_default=True, help="Radius of --city/--theme/--around.")
@click.option("--max-nodes", type=click.IntRange(0), default=1000, show_default=True,
              help="Draw at most this many nodes, keeping the most connected (0: no limit).")
@click.option("--map", "as_map", is_flag=True, help="Draw the cities on a map of Korea instead of a network.")
def viz_cmd(out, store_path, city, theme, around, hops, max_nodes, as_map):
    """Write the graph as one self-contained HTML page that works offline.

    The network page colours and shapes nodes by type, sizes them by degree, filters by type, theme, city and
    date, searches names, and shows a node's properties, aliases and evidence sentences on click. The map page
    (--map) puts the cities at their coordinates over 시도/시군구 outlines, sized by activity and coloured by
    their dominant theme.

    \b
    Examples:
      kg viz -o graph.html
      kg viz --city 포항시 -o pohang.html
      kg viz --around 한국전자통신연구원 --hops 2 -o etri.html
      kg viz --theme Safety --max-nodes 300 -o safety.html
      kg viz --map -o map.html
    """
    try:
        store = open_store(store_path)
        if as_map:
            from kg.viz_map import write_map_html

            out = out or "map.html"
            meta = write_map_html(store, out, city=city, theme=theme, around=around, hops=hops)
            click.echo(f"{out}: {meta['shown_cities']} cities on the map "
                       f"({meta['cities_without_coordinates']} without coordinates), {Path(out).stat().st_size:,} bytes")
            return
        from kg.viz import write_graph_html

        out = out or "graph.html"
        meta = write_graph_html(store, out, city=city, theme=theme, around=around, hops=hops, max_nodes=max_nodes)
    except KgError as e:
        _fail(e)
    if meta["message"]:
        click.echo(meta["message"], err=True)
    click.echo(f"{out}: {meta['shown_nodes']} nodes, {meta['shown_edges']} relations "
               f"(of {meta['total_nodes']} nodes, {meta['total_edges']} relations), {Path(out).stat().st_size:,} bytes")


# ---------------------------------------------------------------- kg network

def _emit(rows: list[dict], fmt: str) -> None:
    from kg.commands_cypher import print_rows

    if not rows:
        click.echo("(no rows)", err=True)
        return
    print_rows(list(rows[0]), rows, fmt)


_fmt_option = click.option("--format", "fmt", type=click.Choice(["table", "tsv", "json"]), default="table",
                           show_default=True)


@click.group("network")
def network_cmd():
    """Network questions on the graph, answered with networkx.

    \b
    Examples:
      kg network central-institutions --top 10
      kg network communities --method louvain
      kg network shortest-path 포항시 울산광역시
      kg network shared-partners
    """


def _graph(store_path: str):
    from kg.network import to_networkx

    return to_networkx(open_store(store_path))


@network_cmd.command("central-institutions")
@_store_option
@click.option("--top", type=click.IntRange(1), default=10, show_default=True)
@click.option("--by", type=click.Choice(["degree", "betweenness"]), default="degree", show_default=True)
@click.option("--with-cities", is_flag=True, help="Rank cities together with institutions.")
@_fmt_option
def central_cmd(store_path, top, by, with_cities, fmt):
    """The most central institutions: degree and betweenness centrality in the entity network, ranked.

    \b
    Example:
      kg network central-institutions --top 5 --by betweenness
    """
    from kg.network import ACTOR_TYPES, central_institutions

    try:
        types = ACTOR_TYPES if with_cities else ("Institution",)
        _emit(central_institutions(_graph(store_path), top, types=types, by=by), fmt)
    except KgError as e:
        _fail(e)


@network_cmd.command("communities")
@_store_option
@click.option("--method", type=click.Choice(["greedy", "louvain"]), default="greedy", show_default=True)
@_fmt_option
def communities_cmd(store_path, method, fmt):
    """Communities of cities and their partners (modularity on the city/institution co-activity network).

    \b
    Example:
      kg network communities --method greedy
    """
    from kg.network import communities

    try:
        _emit(communities(_graph(store_path), method), fmt)
    except KgError as e:
        _fail(e)


@network_cmd.command("shortest-path")
@click.argument("a")
@click.argument("b")
@_store_option
@click.option("--through-themes", is_flag=True, help="Allow chains through a shared theme.")
@_fmt_option
def shortest_cmd(a, b, store_path, through_themes, fmt):
    """The shortest chain of relations linking entities A and B, with the evidence of each hop.

    \b
    Example:
      kg network shortest-path 포항시 울산광역시
    """
    from kg.network import shortest_chain

    try:
        hops = shortest_chain(_graph(store_path), a, b, through_themes=through_themes)
    except KgError as e:
        _fail(e)
    if fmt != "table":
        _emit(hops, fmt)
        return
    for h in hops:
        link = f"-[{h['relation']}]->" if h["direction"] == "->" else f"<-[{h['relation']}]-"
        click.echo(f"{h['hop']}. {h['from']} {link} {h['to']}")
        for ev in h["evidence"]:
            click.echo(f"     근거: {ev}")


@network_cmd.command("shared-partners")
@_store_option
@click.option("--min-shared", type=click.IntRange(1), default=1, show_default=True)
@_fmt_option
def shared_cmd(store_path, min_shared, fmt):
    """Pairs of cities that share partners (partnered with them, or institutions in the same events/policies).

    \b
    Example:
      kg network shared-partners --min-shared 2
    """
    from kg.network import shared_partners

    try:
        _emit(shared_partners(_graph(store_path), min_shared), fmt)
    except KgError as e:
        _fail(e)

