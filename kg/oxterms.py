"""RDF terms between rdflib and pyoxigraph, and query results as plain Python values.

kg builds triples with rdflib terms (kg.triples) and stores and queries them with pyoxigraph (kg.store);
these functions convert between the two and turn result terms into JSON-friendly values.
"""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from kg.vocab import XSD


def to_ox(term: Identifier) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def to_ox_quad(q: tuple) -> ox.Quad:
    s, p, o, g = q
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g))


def to_ox_quads(quads) -> list[ox.Quad]:
    """:func:`to_ox_quad` over many quads, each distinct term converted once (an article's graph repeats its
    IRIs and predicates hundreds of times)."""
    cache: dict = {}

    def conv(term):
        o = cache.get(term)
        if o is None:
            o = cache[term] = to_ox(term)
        return o

    return [ox.Quad(conv(s), conv(p), conv(o), conv(g)) for s, p, o, g in quads]


def param_term(value: Any) -> Identifier:
    """A query parameter as an RDF term: strings are plain literals, numbers typed literals, terms as is."""
    if isinstance(value, Identifier):
        return value
    if isinstance(value, (bool, int, float)):
        return Literal(value)
    return Literal(str(value))


_XSD = str(XSD)
_INT_TYPES = frozenset(_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"))
_FLOAT_TYPES = frozenset(_XSD + t for t in ("decimal", "double", "float"))


def literal_value(text: str, datatype: str | None) -> Any:
    """A literal's text as a Python value by its datatype IRI: integers as int, decimals and doubles as float,
    booleans as bool; anything else (strings, dates, ill-typed numbers) as its text."""
    try:
        if datatype in _INT_TYPES:
            return int(text)
        if datatype in _FLOAT_TYPES:
            return float(text)
    except ValueError:
        return text
    if datatype == _XSD + "boolean":
        return text in ("true", "1")
    return text


def ox_value(term: Any) -> Any:
    """A pyoxigraph result term as a plain, JSON-friendly Python value: IRIs and strings as str, numbers and
    booleans as Python values (:func:`literal_value`), everything else as text."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return literal_value(term.value, term.datatype.value)
    return str(term)
