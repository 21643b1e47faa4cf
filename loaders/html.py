"""Saved HTML news pages -> :class:`Article`.

The main text comes from trafilatura (comments, navigation and sidebars dropped); when trafilatura finds nothing
(a tiny or truncated page) the page's visible text is used instead. ``Article.text`` is the headline, a blank line
and the extracted plain text; the spans index that text, and ``source`` keeps the HTML file's path. The extracted
text then goes through :func:`kg.loaders.scraped.parse_scraped` for bylines, dates, repeated paragraphs and the
boilerplate trafilatura let through. Metadata from the page's markup wins over what the text says:
``og:title``/``<title>``/``<h1>``, ``article:published_time``/JSON-LD ``datePublished``/``<time datetime>``,
``author``/JSON-LD author, ``og:site_name``/JSON-LD publisher, ``<link rel=canonical>``/``og:url``.
"""
from __future__ import annotations

import json
import re
from datetime import date

from lxml import etree
from lxml import html as lhtml

from kg.loaders import textmeta as tm
from kg.loaders.outlets import outlet_for_domain
from kg.loaders.scraped import _stem, parse_scraped
from kg.model import Article, SourceError

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside", "form", "iframe")
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr table section article blockquote figcaption figure pre br hr".split()
)
_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish_date", "article.published", "dc.date.issued", "dc.date", "date", "sailthru.date", "parsely-pub-date",
)


def _parse_tree(markup: str, where: str):
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)  # lxml refuses str input with an encoding declaration
    try:
        tree = lhtml.fromstring(markup)
    except (etree.ParserError, ValueError) as e:
        raise SourceError(where, f"not parseable as HTML ({e})") from None
    if tree is None:
        raise SourceError(where, "not parseable as HTML (no elements)")
    return tree


def _metas(tree) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _jsonld(tree) -> list[dict]:
    items: list[dict] = []
    for s in tree.iter("script"):
        if (s.get("type") or "").lower() != "application/ld+json" or not s.text:
            continue
        try:
            data = json.loads(s.text.strip())
        except ValueError:
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(d)
            elif isinstance(d, dict):
                items.append(d)
                if "@graph" in d:
                    stack.append(d["@graph"])
    return items


def _iso_date(value) -> date | None:
    if not isinstance(value, str):
        return None
    m = re.search(r"((?:19|20)\d{2})[-./]?(\d{1,2})[-./]?(\d{1,2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _names(value) -> list[str]:
    """Person names from an author field: "홍길동 기자", ["a", "b"], {"name": …}."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if not isinstance(value, str) or value.startswith("http"):
        return []
    found = tm.find_reporters(value)
    if found:
        return found
    parts = [p.strip() for p in re.split(r"[,/·|]", value) if p.strip()]
    return [p for p in parts if re.fullmatch(r"[가-힣]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}", p)]


def page_metadata(tree) -> dict:
    """Title, published date, authors, outlet and canonical URL from the page's markup (pure)."""
    metas, ld = _metas(tree), _jsonld(tree)
    articles = [d for d in ld if "headline" in d or "datePublished" in d]
    meta: dict = {}
    title = metas.get("og:title") or metas.get("twitter:title")
    if not title and articles:
        title = articles[0].get("headline")
    if not title:
        h1 = next(tree.iter("h1"), None)
        title = h1.text_content() if h1 is not None else None
    if not title:
        t = tree.find(".//title")
        title = t.text_content() if t is not None else None
    site = metas.get("og:site_name") or metas.get("application-name")
    if not site:
        for d in ld:
            pub = d.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                site = pub["name"]
                break
    if title:
        title = re.sub(r"\s+", " ", title).strip()
        if site:
            title = re.sub(rf"\s*[|｜:\-–—]\s*{re.escape(site)}\s*$", "", title)
        cut, suffix_outlet = tm.split_title_suffix(title)
        title = title[:cut].strip()
        site = site or suffix_outlet
    meta["title"] = title or ""
    published = None
    for key in _DATE_META:
        published = _iso_date(metas.get(key))
        if published:
            break
    if not published:
        for d in articles:
            published = _iso_date(d.get("datePublished"))
            if published:
                break
    if not published:
        t = next((t for t in tree.iter("time") if t.get("datetime")), None)
        published = _iso_date(t.get("datetime")) if t is not None else None
    meta["published"] = published
    authors = _names(metas.get("author")) or _names(metas.get("article:author")) or _names(metas.get("dable:author"))
    if not authors:
        for d in articles:
            authors = _names(d.get("author"))
            if authors:
                break
    meta["reporters"] = authors
    url = None
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            url = link.get("href").strip()
            break
    url = url or metas.get("og:url")
    meta["url"] = url
    if not site and url:
        m = re.match(r"(?:https?://)?([^/:?#]+)", url)
        site = outlet_for_domain(m.group(1)) if m else None
    meta["outlet"] = site.strip() if site else None
    return meta


def visible_text(tree) -> str:
    """The page's visible text, one block element per line (the fallback when trafilatura finds nothing)."""
    tree = _copy(tree)
    for el in list(tree.iter(*_DROP_TAGS)):
        el.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    body = tree.find(".//body")
    text = (body if body is not None else tree).text_content()
    return re.sub(r"\n[ \t\r\f\v]*(?=\n)", "\n", text).strip()


def _copy(tree):
    return lhtml.fromstring(lhtml.tostring(tree, encoding="unicode"))


def main_text(markup: str, tree) -> str:
    try:
        import trafilatura

        text = trafilatura.extract(
            markup, include_comments=False, include_tables=True, include_images=False, deduplicate=False,
            favor_recall=True,
        )
    except Exception:  # trafilatura can fail on broken markup: fall back to the visible text
        text = None
    if not text or not text.strip():
        text = visible_text(tree)
    return text.strip()


def parse_html(markup: str, source: str, *, id: str | None = None) -> Article:
    """Parse one saved HTML page (already decoded). Raises SourceError when no text can be found."""
    tree = _parse_tree(markup, source)
    meta = page_metadata(tree)
    body_text = main_text(markup, tree)
    title = meta["title"]
    if not body_text and not title:
        raise SourceError(source, "HTML page without any text")
    first = body_text.split("\n", 1)[0].strip()
    if title and re.sub(r"\s+", " ", first) == title:
        title = first  # the extracted text starts with the headline: point at it, do not print it twice
        text = body_text
    else:
        text = f"{title}\n\n{body_text}" if title else body_text
    art = parse_scraped(text, source, id=id if id is not None else _stem(source))
    if title:
        tlen = len(title)
        body = [(s, e) for s, e in art.body if s >= tlen]
        if art.title_span and art.title_span[0] >= tlen:  # the text's own first headline is a subtitle here
            body = sorted(body + [art.title_span])
        art.title, art.title_span, art.body = title, (0, tlen), body
    art.published = meta["published"] or art.published
    art.outlet = meta["outlet"] or art.outlet
    art.reporters = meta["reporters"] or art.reporters
    art.url = meta["url"]
    art.extra["format"] = "html"
    return art
