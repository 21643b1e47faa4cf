"""Entity IRIs: the same real entity gets the same IRI in every article and run.

- City: ``kgid:city/<code5>`` (the administrative code of the unit on the article date);
- Official: hash of the name; Institution: hash of the normalised name as the article writes it (the
  guidelines name an institution as written: "충남대" in one article and "충남대학교" in another are two
  keys, linked through their aliases); Policy: hash of the normalised name without a leading place name;
- Event: a quoted name is the event's own name and outlets copy it: hash of that name. Otherwise hash of
  (kind, date, main city) when the date is known, so that one event reported by several outlets under
  different descriptions is one node; else hash of the normalised name.
"""
from __future__ import annotations

import hashlib

from kg.resolve import institution_key, norm
from kg.vocab import ID, THEME


def _h(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def city_iri(code5: str) -> str:
    return str(ID[f"city/{code5}"])


def official_iri(name: str) -> str:
    return str(ID[f"official/{_h(norm(name))}"])


def institution_iri(name: str) -> str:
    return str(ID[f"institution/{_h(institution_key(name))}"])


def policy_key(name: str, city_forms=()) -> str:
    """Normalised name without a leading local-government name ("대전 스마트농업 허브 도시 조성")."""
    n = norm(name)
    for f in sorted((norm(x) for x in city_forms), key=len, reverse=True):
        if f and n.startswith(f) and len(n) > len(f) + 3:
            return n[len(f):]
    return n


def policy_iri(name: str, city_forms=()) -> str:
    return str(ID[f"policy/{_h(policy_key(name, city_forms))}"])


def event_key(name: str, kind: str | None, date: str | None, city_code: str | None, quoted: bool = False) -> str:
    """A quoted name is the event's own name (outlets copy it): key on it. Otherwise the same kind of event on
    the same day about the same city is one event, whatever each outlet calls it."""
    if date and not quoted:
        return f"{kind}|{date}|{city_code or ''}"
    return "name|" + norm(name)


def event_iri(name: str, kind: str | None, date: str | None, city_code: str | None, quoted: bool = False) -> str:
    return str(ID[f"event/{_h(event_key(name, kind, date, city_code, quoted))}"])


def theme_iri(theme_id: str) -> str:
    return str(THEME[theme_id])
