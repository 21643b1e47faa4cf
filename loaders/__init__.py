"""Readers that turn sources into :class:`kg.model.Article` objects.

    from kg.loaders import iter_articles
    for item in iter_articles(["seeds/", "export/NewsResult_2024.xlsx"]):
        if isinstance(item, SourceError): print(item)   # bad file or record: named, reason given
        else: use(item)                                  # an Article

Paths may be files or directories (walked recursively, sorted, hidden files and folders skipped). The format
comes from the extension or ``format=``:

=============  ============================================  ==========================
format         extensions                                    reader
=============  ============================================  ==========================
text           .txt .text                                    :func:`scraped.parse_scraped`
html           .html .htm .xhtml                             :func:`html.parse_html`
jsonl          .jsonl .ndjson                                :func:`records.iter_jsonl`
json           .json (explicit paths only, not in a walk)    :func:`records.iter_json`
csv / tsv      .csv / .tsv                                   :func:`records.iter_csv`
bigkinds/xlsx  .xlsx                                         :func:`records.iter_xlsx`
lines          (only with format="lines")                    :func:`records.iter_lines`
=============  ============================================  ==========================

Nothing raises for a bad file: an empty, binary, undecodable or oversized file (``max_bytes``, default 20 MB,
for single-article files; for record files it limits each record) is yielded as a :class:`SourceError` naming
the file and the reason, and the files around it still load. Text is decoded from UTF-8, UTF-8/16/32 with BOM,
BOM-less UTF-16 or CP949/EUC-KR (charset-normalizer as the last resort). Single-article files get their file
stem as id (``d01.txt`` -> ``d01``); records get ``stem#n`` (see :mod:`kg.loaders.records`).
"""
from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import Article, SourceError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".xlsx": "bigkinds",
}
FORMATS = ("text", "html", "jsonl", "json", "csv", "tsv", "bigkinds", "xlsx", "lines")
_WALKED = {ext for ext, fmt in EXTENSIONS.items() if fmt != "json"}

__all__ = [
    "iter_articles", "load_file", "expand_paths", "format_of", "Article", "SourceError", "FORMATS", "DEFAULT_MAX_BYTES",
]


def expand_paths(paths: str | os.PathLike | Iterable[str | os.PathLike], *,
                 explicit_format: bool = False) -> Iterator[Path | SourceError]:
    """Files named by ``paths``: files as given, directories walked (sorted, hidden entries skipped)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    if f.startswith("."):
                        continue
                    fp = Path(root) / f
                    if explicit_format or fp.suffix.lower() in _WALKED:
                        found.append(fp)
            yield from sorted(found)
        elif p.is_file():
            yield p
        elif p.exists():
            yield SourceError(str(p), "not a regular file")
        else:
            yield SourceError(str(p), "no such file or directory")


def format_of(path: Path, format: str | None = None) -> str | None:
    if format:
        return format
    return EXTENSIONS.get(path.suffix.lower())


def _read_text(path: Path, max_bytes: int | None) -> str:
    from kg.loaders.decode import decode_bytes

    try:
        size = path.stat().st_size
        if size == 0:
            raise SourceError(str(path), "empty file (0 bytes)")
        if max_bytes and size > max_bytes:
            raise SourceError(str(path), f"file is {size} bytes, over the limit of {max_bytes} (raise max_bytes=)")
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(str(path), f"cannot read ({e.strerror or e})") from None
    return decode_bytes(data, str(path))


def _read_stream_text(path: Path) -> str:
    """Whole text of a record file (no size cap: records are limited one by one)."""
    return _read_text(path, None)


def load_file(path: str | os.PathLike, *, format: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES,
              **options) -> Iterator[Article | SourceError]:
    """Articles of one file (several for record files); errors are yielded, never raised."""
    from kg.loaders import records
    from kg.loaders.html import parse_html
    from kg.loaders.scraped import parse_scraped

    path = Path(path)
    fmt = format_of(path, format)
    if fmt is None and path.suffix.lower() == ".xls":
        yield SourceError(str(path), "old Excel format (.xls) is not read: save it as .xlsx")
        return
    if fmt is None:
        yield SourceError(str(path), f"unknown file type {path.suffix or '(no extension)'!r}: pass format= one of "
                                     f"{', '.join(FORMATS)}")
        return
    if fmt not in FORMATS:
        yield SourceError(str(path), f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
        return
    try:
        if fmt in ("bigkinds", "xlsx"):
            if path.stat().st_size == 0:
                raise SourceError(str(path), "empty file (0 bytes)")
            yield from records.iter_xlsx(path, max_bytes=max_bytes, **options)
            return
        if fmt in ("text", "html"):
            text = _read_text(path, max_bytes)
            if fmt == "text" and format is None and _HTML_START.match(text):
                fmt = "html"  # a saved page with a .txt name
            if fmt == "text":
                art = parse_scraped(text, str(path), id=path.stem)
            else:
                art = parse_html(text, str(path), id=path.stem)
            if not art.title_span and not art.body:
                raise SourceError(str(path), "no article text found (only navigation, widgets or boilerplate)")
            yield art
            return
        text = _read_stream_text(path)
        lines = io.StringIO(text, newline="") if fmt in ("csv", "tsv") else text.split("\n")
        if fmt == "jsonl":
            yield from records.iter_jsonl(path, lines, max_bytes=max_bytes, **options)
        elif fmt == "json":
            yield from records.iter_json(path, text, max_bytes=max_bytes, **options)
        elif fmt in ("csv", "tsv"):
            delim = options.pop("delimiter", "\t" if fmt == "tsv" else ",")
            yield from records.iter_csv(path, lines, delimiter=delim, max_bytes=max_bytes, **options)
        else:
            yield from records.iter_lines(path, lines, max_bytes=max_bytes, **options)
    except SourceError as e:
        yield e
    except Exception as e:  # a reader bug or an unexpected file must not stop the other files
        yield SourceError(str(path), f"could not be read ({type(e).__name__}: {e})")


def iter_articles(paths, *, format: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES,
                  **options) -> Iterator[Article | SourceError]:
    """Every Article in ``paths`` (files or directories), in sorted order; bad inputs as SourceError items."""
    for p in expand_paths(paths, explicit_format=format is not None):
        if isinstance(p, SourceError):
            yield p
            continue
        yield from load_file(p, format=format, max_bytes=max_bytes, **options)
