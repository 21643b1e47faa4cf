"""CLI: ``kg city`` (gazetteer lookup / find cities in text) and ``kg institution`` (lexicon lookup)."""
from __future__ import annotations

import json

import click

__all__ = ["city_cmd", "institution_cmd"]


@click.command("city")
@click.argument("surface")
@click.option("--date", "on", default=None, help="article date (YYYY-MM-DD); default: today's units.")
@click.option("--context", multiple=True, help="code5 of a unit already seen in the article (repeatable).")
@click.option("--text", "as_text", is_flag=True, help="treat SURFACE as a sentence and list every City mention.")
def city_cmd(surface: str, on: str | None, context: tuple[str, ...], as_text: bool) -> None:
    """Resolve a local-government name (or find them in a sentence) for a date.

    \b
    Examples:
      kg city 울산시
      kg city 광주 --date 2020-03-01
      kg city 중구 --context 26000
      kg city --text "(대구=홍길동 기자) 포항시는 포항테크노파크와 협약했다."
    """
    from kg.find_cities import find_cities
    from kg.gazetteer import Gazetteer

    gz = Gazetteer.load()
    try:
        if as_text:
            for m in find_cities(surface, [(0, len(surface))], on):
                click.echo(json.dumps({"text": m.text, "start": m.start, "end": m.end, **m.attrs}, ensure_ascii=False))
            return
        r = gz.lookup(surface, on, context=context)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--date") from None
    if r is None:
        raise click.ClickException(f"{surface!r} is not a known name of a Korean local government")
    u = r.unit
    out = {
        "code5": u.code5 if u else None, "name": u.name if u else None, "level": u.level if u else None,
        "parent": u.parent_name if u else None, "valid_from": str(u.valid_from or "") if u else None,
        "valid_to": str(u.valid_to or "") if u else None, "form": r.kind, "title": r.title,
        "ambiguous": r.ambiguous, "reason": r.reason,
        "candidates": [f"{c.code5} {c.full_name}" for c in r.candidates],
    }
    click.echo(json.dumps(out, ensure_ascii=False, indent=1))


@click.command("institution")
@click.argument("surface")
def institution_cmd(surface: str) -> None:
    """Look up a well-known institution by name or abbreviation.

    \b
    Examples:
      kg institution STEPI
      kg institution 포스텍
    """
    from kg import lexicon as lx

    i = lx.institution(surface)
    if i is None:
        sk = lx.suffix_kind(surface)
        hint = f" (its suffix {sk[0]!r} suggests kind {sk[1]!r})" if sk else ""
        raise click.ClickException(f"{surface!r} is not a known institution{hint}")
    click.echo(json.dumps({"name": i.name, "kind": i.kind, "aliases": list(i.aliases),
                           "successor": list(i.successor), "note": i.note}, ensure_ascii=False, indent=1))
