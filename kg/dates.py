"""Dates written in an article, resolved against its publication date. Pure.

"지난 11일" (the 11th before publication), "23일", "오는 11일" (after), "7일(금)", "11월 24일",
"2024년 1월 24일", "2025. 11. 24". A day without month takes the publication month, moving one month back
for "지난"/a day after the publication day, one month forward for "오는" before it. Without a publication
date, only dates with a year resolve.
"""
from __future__ import annotations

import re
from datetime import date

_FULL = re.compile(r"((?:19|20)\d{2})\s*(?:년|[.\-/])\s*(\d{1,2})\s*(?:월|[.\-/])\s*(\d{1,2})\s*일?")
_MD = re.compile(r"(?<![\d.])(\d{1,2})월\s*(\d{1,2})일")
_D = re.compile(r"(?:(지난|오는|다음\s*달|지난달)\s*)?(?<![\d.,])(\d{1,2})일(?![간째])")


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    m += k
    while m < 1:
        m += 12
        y -= 1
    while m > 12:
        m -= 12
        y += 1
    return y, m


def _safe(y, m, d) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, published: date | None) -> list[tuple[int, int, date]]:
    """(start, end, date) of every resolvable date in ``text``."""
    out = []
    taken = []
    for m in _FULL.finditer(text):
        d = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            out.append((m.start(), m.end(), d))
            taken.append((m.start(), m.end()))
    if published is None or "일" not in text:  # the other two patterns need 일 (and _D tries every position)
        return out
    for m in _MD.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        mo, dd = int(m.group(1)), int(m.group(2))
        y = published.year
        if mo - published.month > 6:
            y -= 1
        elif published.month - mo > 6:
            y += 1
        d = _safe(y, mo, dd)
        if d:
            out.append((m.start(), m.end(), d))
            taken.append((m.start(), m.end()))
    for m in _D.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        word, dd = m.group(1) or "", int(m.group(2))
        y, mo = published.year, published.month
        if word.startswith("지난달"):
            y, mo = _shift_month(y, mo, -1)
        elif word.startswith("다음"):
            y, mo = _shift_month(y, mo, 1)
        elif word == "지난" and dd > published.day:
            y, mo = _shift_month(y, mo, -1)
        elif word == "오는" and dd < published.day:
            y, mo = _shift_month(y, mo, 1)
        elif not word and dd > published.day + 7:
            y, mo = _shift_month(y, mo, -1)
        d = _safe(y, mo, dd)
        if d:
            out.append((m.start(), m.end(), d))
    out.sort()
    return out
