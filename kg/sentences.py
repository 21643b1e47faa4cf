"""Split an article's main spans into sentences with offsets into ``Article.text``.

Lines are split first (news pages put one paragraph per line); inside a line a sentence ends after
``. ? !`` (optionally followed by a closing quote) when whitespace or a Hangul letter follows
("했다.자세한 내용은" is two sentences). Decimal points ("3.5%") and list dots are not boundaries.
"""
from __future__ import annotations

import re

from kg.model import Doc, Sentence

_END = re.compile(r"(?<=[.?!…])[\"'”’」』]?(?=\s|$)|(?<=[다요]\.)(?=[가-힣])")


def split_span(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of ``text[start:end]`` (offsets stay absolute)."""
    out: list[Sentence] = []
    pos = start
    for line in re.finditer(r"[^\n]+", text[start:end]):
        ls, le = start + line.start(), start + line.end()
        seg = ls
        for m in _END.finditer(text, ls, le):
            cut = m.end()
            prev = text[cut - 2: cut] if cut - 2 >= ls else ""
            if re.fullmatch(r"\d\.", prev) and cut < le and text[cut].isdigit():
                continue
            _add(out, text, seg, cut)
            seg = cut
        _add(out, text, seg, le)
        pos = le
    del pos
    return out


def _add(out: list[Sentence], text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and re.search(r"[가-힣A-Za-z0-9]", text[s:e]):
        out.append(Sentence(s, e, text[s:e]))


def split_sentences(doc: Doc) -> Doc:
    """Fill ``doc.sentences`` from the article's main spans (title first)."""
    art = doc.article
    spans = art.main_spans() or [(0, len(art.text))]
    sents: list[Sentence] = []
    for s, e in spans:
        sents.extend(split_span(art.text, s, e))
    doc.sentences = sents
    return doc
