"""Multi-article files: JSON Lines, JSON, CSV/TSV, Excel (BigKinds ``NewsResult_*.xlsx`` exports), one-per-line text.

Each record becomes an :class:`Article` whose ``text`` is the title, a blank line and the record's text (title
omitted when there is none); ``title_span`` and each non-blank line of the text are the spans. Columns are found
by the options ``text_col``, ``title_col``, ``date_col``, ``url_col``, ``outlet_col``, ``id_col``,
``reporter_col`` or, when not given, by common names in English and Korean (text/body/본문/내용, title/제목,
date/일자/작성일, url/URL/출처, outlet/press/언론사, id/뉴스 식별자, author/기고자). A text value that is a list
(sentences) is joined with newlines.

Ids: the ``id_col`` value when there is one, else ``<file stem>#<n>`` where n is the JSONL line number or the
CSV/Excel row number (header = row 1). ``source`` is ``<path>:<n>`` and so is the ``where`` of a SourceError: a
record without text, a line that is not JSON, a record over the size limit. Such a record is reported and the
others load.

BigKinds exports keep their analysis columns 인물, 위치, 기관 (and 키워드, 통합 분류1…) in ``Article.extra`` as lists.
Note that BigKinds truncates 본문 to its first ~200 characters: extraction sees only that.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kg.loaders import textmeta as tm
from kg.model import Article, SourceError

CANDIDATES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "contents", "article", "document", "본문", "내용", "기사내용", "기사본문",
             "sentences"),
    "title": ("title", "headline", "제목", "기사제목", "헤드라인"),
    "date": ("published", "date", "published_at", "publish_date", "pubdate", "datetime", "일자", "작성일", "날짜",
             "등록일", "입력일", "발행일"),
    "url": ("url", "link", "source_url", "href", "출처", "원문url", "원문링크"),
    "outlet": ("outlet", "press", "publisher", "media", "source_name", "언론사", "매체", "신문사"),
    "id": ("id", "doc_id", "news_id", "article_id", "뉴스식별자", "기사id", "식별자"),
    "reporter": ("reporters", "reporter", "author", "authors", "byline", "기고자", "기자"),
}
BIGKINDS_LISTS = ("인물", "위치", "기관", "키워드", "특성추출(가중치순 상위 50개)")
BIGKINDS_CLASSES = ("통합 분류1", "통합 분류2", "통합 분류3", "사건/사고 분류1", "사건/사고 분류2", "사건/사고 분류3")


def _k(name: Any) -> str:
    return re.sub(r"[\s_\-]+", "", str(name)).lower()


def resolve_columns(columns: Iterable[str], options: dict) -> dict[str, str | None]:
    """Map each role (text, title, …) to a column name: the ``<role>_col`` option, else a known name."""
    cols = [c for c in columns if c is not None]
    by_key = {_k(c): c for c in cols}
    mapping: dict[str, str | None] = {}
    for role, names in CANDIDATES.items():
        explicit = options.get(f"{role}_col")
        if explicit:
            mapping[role] = explicit
            continue
        mapping[role] = next((by_key[_k(n)] for n in names if _k(n) in by_key), None)
    return mapping


def parse_date_value(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None:
        return None
    s = str(value).strip()
    m = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{4,6})?", s)  # BigKinds 일자 20240124
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = tm.DATE_RE.search(s)
    if m and len(m.group("y")) == 4:
        try:
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
    return None


def _reporters(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [n for v in value for n in _reporters(v)]
    s = str(value).strip()
    found = tm.find_reporters(s)
    if found:
        return found
    return [p for p in re.split(r"[,/·|\s]+", s) if re.fullmatch(r"[가-힣]{2,4}", p)]


def _text_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if v is not None)
    return str(value)


def _split_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [p.strip() for p in re.split(r"[,\n]", str(value)) if p.strip()]


def record_to_article(rec: dict, mapping: dict, *, path: Path, n: int, max_bytes: int | None = None) -> Article:
    """One record (a dict of column -> value) as an Article; raises SourceError naming ``path:n``."""
    where = f"{path}:{n}"
    text_col = mapping.get("text")
    if not text_col:
        raise SourceError(where, f"no text column (use text_col=; fields: {', '.join(map(str, rec))})")
    body = _text_value(rec.get(text_col)).replace("\r\n", "\n").strip()
    if not body:
        raise SourceError(where, f"record has no text in column {text_col!r}")
    if max_bytes and len(body.encode("utf-8")) > max_bytes:
        raise SourceError(where, f"record text over the size limit of {max_bytes} bytes (raise max_bytes=)")
    title = re.sub(r"\s+", " ", _text_value(rec.get(mapping["title"])) if mapping.get("title") else "").strip()
    prefix = f"{title}\n\n" if title else ""
    text = prefix + body
    spans = []
    for m in re.finditer(r"[^\n]+", body):
        s, e = m.start(), m.end()
        seg = body[s:e]
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        if e > s:
            spans.append((len(prefix) + s, len(prefix) + e))
    rid = rec.get(mapping["id"]) if mapping.get("id") else None
    url = rec.get(mapping["url"]) if mapping.get("url") else None
    if url is None and str(rec.get("source", "")).startswith(("http://", "https://")):
        url = rec["source"]  # e.g. {"source": "http://news…"}: a URL under a generic name
    outlet = rec.get(mapping["outlet"]) if mapping.get("outlet") else None
    extra: dict[str, Any] = {}
    for col in BIGKINDS_LISTS:
        if col in rec and rec[col] not in (None, ""):
            extra[col] = _split_list(rec[col])
    for col in BIGKINDS_CLASSES:
        if col in rec and rec[col] not in (None, ""):
            extra[col] = str(rec[col]).strip()
    return Article(
        id=str(rid).strip() if rid not in (None, "") else f"{path.stem}#{n}",
        text=text,
        title=title,
        title_span=(0, len(title)) if title else None,
        body=spans,
        outlet=str(outlet).strip() or None if outlet not in (None, "") else None,
        published=parse_date_value(rec.get(mapping["date"])) if mapping.get("date") else None,
        reporters=_reporters(rec.get(mapping["reporter"])) if mapping.get("reporter") else [],
        url=str(url).strip() or None if url not in (None, "") else None,
        source=where,
        extra=extra,
    )


def _load(rec: dict, mapping: dict, path: Path, n: int, max_bytes: int | None) -> Article | SourceError:
    try:
        return record_to_article(rec, mapping, path=path, n=n, max_bytes=max_bytes)
    except SourceError as e:
        return e


def iter_jsonl(path: Path, lines: Iterable[str], *, max_bytes: int | None = None, **options) -> Iterator:
    """Articles (or SourceErrors) from JSON Lines; ``lines`` are the decoded lines of ``path``."""
    mapping = None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if max_bytes and len(line) > max_bytes:
            yield SourceError(f"{path}:{n}", f"line over the size limit of {max_bytes} bytes (raise max_bytes=)")
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            yield SourceError(f"{path}:{n}", f"line is not JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(rec, dict):
            yield SourceError(f"{path}:{n}", f"line is JSON {type(rec).__name__}, not an object")
            continue
        if mapping is None or (mapping.get("text") not in rec):
            mapping = resolve_columns(rec.keys(), options)
        yield _load(rec, mapping, path, n, max_bytes)


def iter_json(path: Path, text: str, *, max_bytes: int | None = None, **options) -> Iterator:
    """A JSON file: a list of records, an object with such a list, or one record."""
    try:
        data = json.loads(text)
    except ValueError as e:
        yield SourceError(str(path), f"not JSON ({e.msg} at line {e.lineno})")
        return
    if isinstance(data, dict):
        inner = next((data[k] for k in ("articles", "data", "items", "records", "documents") if
                      isinstance(data.get(k), list)), None)
        data = inner if inner is not None else [data]
    if not isinstance(data, list):
        yield SourceError(str(path), "JSON is neither a list of records nor an object")
        return
    for n, rec in enumerate(data, 1):
        if not isinstance(rec, dict):
            yield SourceError(f"{path}:{n}", f"item {n} is JSON {type(rec).__name__}, not an object")
            continue
        yield _load(rec, resolve_columns(rec.keys(), options), path, n, max_bytes)


def iter_csv(path: Path, lines: Iterable[str], *, delimiter: str = ",", max_bytes: int | None = None,
             **options) -> Iterator:
    """Rows of a CSV/TSV file (header row first). Rows are numbered as in a spreadsheet: header = 1."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(lines, delimiter=delimiter)
    try:
        header = reader.fieldnames
    except csv.Error as e:
        yield SourceError(str(path), f"not readable as CSV ({e})")
        return
    if not header:
        yield SourceError(str(path), "CSV without a header row")
        return
    mapping = resolve_columns(header, options)
    if not mapping["text"] or mapping["text"] not in header:
        yield SourceError(str(path), f"no text column {mapping['text'] or ''} (use text_col=; columns: "
                                     f"{', '.join(h for h in header if h)})")
        return
    n = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            n += 1
            yield SourceError(f"{path}:{n}", f"bad CSV row ({e})")
            continue
        n += 1
        yield _load(row, mapping, path, n, max_bytes)


def iter_xlsx(path: Path, *, max_bytes: int | None = None, **options) -> Iterator:
    """Rows of an Excel workbook's first sheet; BigKinds ``NewsResult_*.xlsx`` exports included."""
    try:
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # zipfile.BadZipFile, KeyError, InvalidFileException …
        yield SourceError(str(path), f"not a readable .xlsx workbook ({type(e).__name__}: {e})")
        return
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            yield SourceError(str(path), "workbook without sheets")
            return
        rows = ws.iter_rows(values_only=True)
        header, hrow = None, 0
        for hrow, row in enumerate(rows, 1):
            if row and any(v not in (None, "") for v in row):
                header = [str(v).strip() if v is not None else "" for v in row]
                break
        if not header:
            yield SourceError(str(path), "empty workbook (no header row)")
            return
        mapping = resolve_columns(header, options)
        if not mapping["text"] or mapping["text"] not in header:
            want = "본문" if _looks_bigkinds(path, header) else "a text column"
            yield SourceError(str(path), f"missing column {want} (use text_col=; columns: "
                                         f"{', '.join(h for h in header if h)})")
            return
        for n, row in enumerate(rows, hrow + 1):
            if not row or all(v in (None, "") for v in row):
                continue
            rec = {h: v for h, v in zip(header, row) if h}
            yield _load(rec, mapping, path, n, max_bytes)
    finally:
        wb.close()


def _looks_bigkinds(path: Path, header: list[str]) -> bool:
    return path.name.startswith("NewsResult") or "뉴스 식별자" in header or "언론사" in header


def iter_lines(path: Path, lines: Iterable[str], *, max_bytes: int | None = None, **options) -> Iterator:
    """One article per line (soynlp style); paragraphs inside a line are separated by two or more spaces."""
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        if max_bytes and len(line.encode("utf-8")) > max_bytes:
            yield SourceError(f"{path}:{n}", f"line over the size limit of {max_bytes} bytes (raise max_bytes=)")
            continue
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", line)]
        yield Article(id=f"{path.stem}#{n}", text=line, body=spans, source=f"{path}:{n}")
