"""CLI of the loaders: ``kg read`` shows what kg reads from source files (title, date, outlet, body) before a build."""
from __future__ import annotations

import json
import sys

import click

__all__ = ["read_cmd"]


def _loader_options(options: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for opt in options:
        key, sep, value = opt.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{opt!r}: expected NAME=VALUE (e.g. text_col=본문)", param_hint="--option")
        out[key.strip()] = value.strip()
    return out


@click.command("read")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", default=None,
              type=click.Choice(["text", "html", "jsonl", "json", "csv", "tsv", "bigkinds", "xlsx", "lines"]),
              help="Input format (default: from each file's extension).")
@click.option("--max-bytes", type=int, default=None, help="Refuse single-article files over this size (default 20 MB).")
@click.option("--option", "-o", "options", multiple=True, metavar="NAME=VALUE",
              help="Loader option, e.g. -o text_col=본문 -o title_col=제목 (repeatable).")
@click.option("--body/--no-body", "show_body", default=False, help="Print the body paragraphs too.")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any file or record could not be read.")
def read_cmd(paths, fmt, max_bytes, options, show_body, strict):
    """Read source files and print one JSON line per article (errors go to stderr).

    \b
    Example:
      kg read seeds/                       # id, title, outlet, published, reporters of each seed
      kg read export/NewsResult_2024.xlsx --body
      kg read corpus.csv -o text_col=내용 -o title_col=제목
    """
    from kg.loaders import DEFAULT_MAX_BYTES, iter_articles
    from kg.model import SourceError

    n_ok = n_err = 0
    kwargs = _loader_options(options)
    for item in iter_articles(list(paths), format=fmt, max_bytes=max_bytes or DEFAULT_MAX_BYTES, **kwargs):
        if isinstance(item, SourceError):
            n_err += 1
            click.echo(f"error: {item}", err=True)
            continue
        n_ok += 1
        row = {
            "id": item.id, "title": item.title or None, "outlet": item.outlet,
            "published": item.published.isoformat() if item.published else None, "reporters": item.reporters,
            "url": item.url, "source": item.source, "paragraphs": len(item.body),
        }
        if show_body:
            row["body"] = [item.text[s:e] for s, e in item.body]
        for key in ("인물", "위치", "기관"):
            if key in item.extra:
                row[key] = item.extra[key]
        click.echo(json.dumps(row, ensure_ascii=False))
    click.echo(f"{n_ok} articles read, {n_err} errors", err=True)
    if strict and n_err:
        sys.exit(1)
