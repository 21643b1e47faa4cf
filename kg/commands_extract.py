"""``kg extract`` and ``kg eval``: run the extractor on articles; score it against gold annotations."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

__all__ = ["extract_cmd", "eval_cmd"]


def iter_docs(paths, fmt=None):
    """(article, doc) for each readable article of ``paths``; unreadable sources are reported on stderr."""
    from kg.model import SourceError
    from kg.pipeline import extract

    try:
        from kg.loaders import iter_articles
    except ImportError:  # pragma: no cover - loaders always ship with kg
        iter_articles = None
    if iter_articles is None:
        raise click.ClickException("kg.loaders.iter_articles is missing: reinstall kg")
    for item in iter_articles([str(p) for p in paths], format=fmt):
        if isinstance(item, SourceError):
            click.echo(f"kg extract: skipped {item}", err=True)
            continue
        try:
            yield item, extract(item)
        except Exception as e:  # one bad article must not lose the others
            click.echo(f"kg extract: {item.source or item.id}: extraction failed ({type(e).__name__}: {e})", err=True)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "out_format", type=click.Choice(["jsonl", "json", "table"]), default="table",
              show_default=True, help="jsonl: one score.py prediction per line; json: a list; table: readable")
@click.option("--input-format", "in_format", default=None, help="force the reader (text, html, jsonl, csv, xlsx …)")
def extract_cmd(paths, out_format, in_format):
    """Extract cities, officials, institutions, events, policies, themes and relations from articles.

    \b
    Example:
      kg extract --format jsonl seeds/ > predictions.jsonl
      kg extract seeds/001_07f1b5d4621585f7.txt
    """
    from kg.predict import doc_to_prediction

    records = []
    for art, doc in iter_docs(paths, in_format):
        rec = doc_to_prediction(doc)
        if out_format == "jsonl":
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif out_format == "json":
            records.append(rec)
        else:
            click.echo(f"== {rec['id']}  {art.title or ''}")
            for e in rec["entities"]:
                extra = {k: v for k, v in e.items() if k not in ("type", "name", "aliases", "iri") and v}
                al = f" (= {', '.join(e['aliases'])})" if e.get("aliases") else ""
                click.echo(f"  {e['type']:<12} {e['name']}{al} {extra if extra else ''}".rstrip())
            for r in rec["relations"]:
                click.echo(f"  {r['subject']} --{r['type']}--> {r['object']}")
    if out_format == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))


@click.command("eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="folder of gold <id>.json files (GUIDELINES.md)")
@click.option("--verbose", is_flag=True, help="list every false positive and negative")
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def eval_cmd(gold_dir, verbose, as_json, paths):
    """Extract from PATHS and score against the gold annotations in --gold.

    \b
    Example:
      kg eval --gold ../shared/eval/seeds/gold seeds/
    """
    from kg.evaluate import format_report, load_gold, score
    from kg.predict import doc_to_prediction

    preds = [doc_to_prediction(doc) for _, doc in iter_docs(paths)]
    res = score(load_gold(gold_dir), preds)
    if as_json:
        click.echo(json.dumps({k: v for k, v in res.items() if k != "errors" or verbose}, ensure_ascii=False,
                              indent=1))
    else:
        click.echo(format_report(res, verbose))
