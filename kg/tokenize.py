"""Kiwi morphological analysis: one cached analyser, local-government names registered as proper nouns.

``analyse(texts)`` tokenizes a batch of sentences once; the finders use the tokens to tell predicates
(verbs, adnominal endings) from nouns and particles, and to check that a candidate name is a proper noun.
"""
from __future__ import annotations

import threading
from functools import lru_cache

_LOCK = threading.Lock()


class Token(tuple):
    """(form, tag, start, end): start/end are offsets in the sentence text. A plain tuple: cheap to make."""

    __slots__ = ()

    def __new__(cls, form: str, tag: str, start: int, end: int):
        return tuple.__new__(cls, (form, tag, start, end))

    form = property(lambda self: self[0])
    tag = property(lambda self: self[1])
    start = property(lambda self: self[2])
    end = property(lambda self: self[3])


@lru_cache(maxsize=1)
def kiwi():
    """The one Kiwi instance (slow to build: about a second). Local-government names are user words."""
    from kiwipiepy import Kiwi

    k = Kiwi()
    try:
        from kg.gazetteer import Gazetteer

        gz = Gazetteer.load()
        for surface, forms in gz.forms.items():
            if " " in surface or len(surface) < 2:
                continue
            if any(f.kind in ("name", "press", "office") for f in forms):
                k.add_user_word(surface, "NNP", 0.0)
    except Exception:  # the gazetteer is optional for tokenizing
        pass
    try:  # well-known institutions (kg.lexicon): one proper noun each
        from kg import lexicon as lx

        for surface in lx.known_institution_forms():
            if 3 <= len(surface) <= 20 and " " not in surface and all("가" <= c <= "힣" for c in surface):
                k.add_user_word(surface, "NNP", 0.0)
    except Exception:
        pass
    for w in ("착수보고회", "업무협약", "협약식", "선언식", "발족식", "출범식", "비전스쿨", "간부회의"):
        k.add_user_word(w, "NNG", 0.0)
    return k


def analyse(texts: list[str]) -> list[list[Token]]:
    """Tokens of each text (one Kiwi pass over the batch)."""
    if not texts:
        return []
    k = kiwi()
    new = tuple.__new__
    with _LOCK:
        results = k.tokenize(texts) if len(texts) > 1 else [k.tokenize(texts[0])]
        out = []
        for toks in results:
            out.append([new(Token, (t.form, t.tag, t.start, t.start + t.len)) for t in toks])
    return out


def predicate_stems(tokens: list[Token]) -> list[tuple[str, int]]:
    """(stem, offset) of every verb-like token: VV/VA stems and nouns followed by 하다 (XSV)."""
    out = []
    for i, (form, tag, start, _) in enumerate(tokens):
        if tag in _VERB_STEMS:
            out.append((form, start))
        elif tag == "XSV" and i > 0 and tokens[i - 1][1].startswith("NN"):
            out.append((tokens[i - 1][0], tokens[i - 1][2]))
    return out


_VERB_STEMS = frozenset(("VV", "VA", "VV-R", "VV-I"))
