"""``kg build``: source files → articles → extraction → triples → store, all-or-nothing.

``build(paths, store)`` reads every article (``kg.loaders.iter_articles``), skips those whose content hash is
already in the store (unless ``rebuild``), extracts the others (``kg.pipeline.extract``, in ``workers``
processes via ``kg.parallel``), writes each as its own named graph (``kg.triples.doc_quads``) and commits the
whole build at once (``kg.store.StoreWriter``). A file or article that fails is reported (one line naming it
and the reason) and the rest goes on; with ``strict=True`` the first failure stops the build and the store
is left exactly as it was.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from kg.model import Article, Doc, KgError, SourceError
from kg.store import KgStore
from kg.triples import doc_quads


@dataclass
class BuildReport:
    store: str = ""
    read: int = 0  # articles read from the sources
    skipped: int = 0  # already in the store (same content hash) or repeated in the input
    extracted: int = 0  # articles extracted and written
    replaced: int = 0  # older versions of a changed source dropped
    quads: int = 0  # quads written
    failed: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    seconds: float = 0.0
    articles_in_store: int = 0
    triples_in_store: int = 0
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed

    def failure_lines(self) -> list[str]:
        return [f"FAILED {where}: {reason}" for where, reason in self.failed]

    def summary(self) -> str:
        rate = f", {self.extracted / self.seconds:.1f} articles/s" if self.seconds > 0 and self.extracted else ""
        state = "committed" if self.committed else "NOT committed: the store is unchanged"
        return (
            f"read {self.read} articles: {self.extracted} extracted, {self.skipped} skipped (already built), "
            f"{len(self.failed)} failed; {self.quads} quads written, {self.replaced} changed articles replaced "
            f"in {self.seconds:.1f}s{rate}. Store {self.store}: {self.articles_in_store} articles, "
            f"{self.triples_in_store} triples ({state})"
        )

    def as_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["failed"] = [{"where": w, "reason": r} for w, r in self.failed]
        return d


def _where(a: Article) -> str:
    return a.source or a.id or "<article>"


def _extracted(items: Iterable, workers: int, extract: Callable[[Article], Doc] | None) -> Iterator:
    """Docs (or SourceErrors) for the items; a custom ``extract`` runs serially in this process."""
    if extract is None:
        from kg.parallel import extract_many

        from kg.store import encode_doc

        yield from extract_many(items, workers=workers, encode=encode_doc)  # the graph is encoded in the workers
        return
    for item in items:
        if not isinstance(item, Article):
            yield item
            continue
        try:
            yield extract(item)
        except Exception as e:  # noqa: BLE001 - reported, the build goes on
            yield SourceError(_where(item), f"extraction failed: {type(e).__name__}: {e}")


def build(
    paths: Iterable[str],
    store: KgStore | str | None = None,
    *,
    strict: bool = False,
    workers: int = 1,
    progress: bool = True,
    rebuild: bool = False,
    format: str | None = None,
    loader_options: dict[str, Any] | None = None,
    extract: Callable[[Article], Doc] | None = None,
    on_failure: Callable[[str, str], None] | None = None,
) -> BuildReport:
    """Build (or update) the graph in ``store`` from ``paths``; see the module doc. Never raises for bad input
    unless ``strict`` (then :class:`KgError` naming the first failure, and nothing is committed)."""
    from kg.loaders import iter_articles

    kgstore = store if isinstance(store, KgStore) else KgStore(store)
    report = BuildReport(store=str(kgstore.path))
    t0 = time.monotonic()

    def fail(where: str, reason: str) -> None:
        report.failed.append((where, reason))
        if on_failure:
            on_failure(where, reason)
        if strict:
            raise KgError(f"{where}: {reason} (--strict: build stopped, the store is unchanged)")

    with kgstore.writer(rebuild=rebuild) as w:

        def todo() -> Iterator:
            for item in iter_articles(list(paths), format=format, **(loader_options or {})):
                if isinstance(item, Article):
                    report.read += 1
                    if w.has_article(item.hash):
                        report.skipped += 1
                        w.mark_seen(item.hash)
                        continue
                    w.claim(item.hash)  # a second copy later in the input is skipped too
                yield item

        results = _extracted(todo(), workers, extract)
        bar = None
        if progress:
            import click

            bar = click.progressbar(
                results, label="building", file=sys.stderr, show_pos=True, show_eta=False,
                item_show_func=lambda d: None if d is None else (d.article.id if isinstance(d, Doc) else "(failed)"),
            )
            results = bar.__enter__()
        try:
            for res in results:
                if isinstance(res, SourceError):
                    fail(res.where, res.reason)
                    continue
                if not isinstance(res, Doc):
                    fail("<input>", f"unexpected item {type(res).__name__}")
                    continue
                if res.encoded is not None:
                    w.replace_article_encoded(res.article.hash, res.article.source, res.encoded)
                    report.extracted += 1
                    report.quads += res.encoded[1]
                    continue
                try:
                    quads = doc_quads(res)
                except (ValueError, TypeError) as e:
                    fail(_where(res.article), f"cannot write its graph: {e}")
                    continue
                w.replace_article(res.article.hash, res.article.source, quads)
                report.extracted += 1
                report.quads += len(quads)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
    report.replaced = w.replaced
    report.committed = True
    report.seconds = time.monotonic() - t0
    report.articles_in_store = len(kgstore.article_hashes())
    report.triples_in_store = kgstore.triple_count()
    return report
