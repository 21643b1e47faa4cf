"""The data that flows through kg, stage by stage.

source file --loaders--> Article --mentions--> Mention --resolve--> Entity / Relation --triples--> store

Every stage takes and returns a :class:`Doc` (the spaCy idea): a loader makes the Doc with its
Article, the extraction stages fill ``sentences``, ``mentions``, ``entities`` and ``relations``.
All character offsets are offsets into ``Article.text``, the text exactly as read from the source,
so that evidence can always be shown in the original page.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Entity types of the ontology (GUIDELINES.md) and the relation types between them.
ENTITY_TYPES = ("City", "Official", "Institution", "Event", "Policy", "Theme")
RELATION_TYPES = (
    "holdsRoleIn",
    "organizedBy",
    "participant",
    "partneredWith",
    "hasTheme",
    "adoptedBy",
    "targets",
    "heldIn",
)
SYMMETRIC_RELATIONS = frozenset({"partneredWith"})


def content_hash(text: str) -> str:
    """Stable hash of an article's text (hex, 16 chars): identifies an article across runs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One news item as read from a source.

    ``text`` is the whole source text (boilerplate included); ``body`` lists the (start, end) spans of
    ``text`` that make up the main article (title excluded), in reading order, with repeated copies of
    the body dropped. Extraction looks only inside ``title_span`` and ``body`` spans.
    """

    id: str
    text: str
    title: str = ""
    title_span: tuple[int, int] | None = None
    body: list[tuple[int, int]] = field(default_factory=list)
    outlet: str | None = None
    published: date | None = None
    reporters: list[str] = field(default_factory=list)
    url: str | None = None
    source: str | None = None  # file path (and row/line for multi-record files)
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. BigKinds 인물/위치/기관 columns

    @property
    def hash(self) -> str:
        return content_hash(self.text)

    def main_spans(self) -> list[tuple[int, int]]:
        spans = [self.title_span] if self.title_span else []
        return spans + list(self.body)

    def main_text(self) -> str:
        return "\n".join(self.text[s:e] for s, e in self.main_spans())


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A typed span of ``Article.text``. ``attrs`` carries what the finder learned (canonical name, level, role…)."""

    type: str
    text: str
    start: int
    end: int
    sentence: int = -1
    source: str = ""  # which finder produced it (gazetteer, title-pattern, quote, suffix …)
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Entity:
    """A resolved entity of one article; ``key`` is its canonical name within the article."""

    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    iri: str = ""
    confidence: float = 1.0

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


@dataclass
class Relation:
    """A fact between two entities of one article, with the sentence that supports it."""

    type: str
    subject: Entity
    object: Entity
    sentence: int = -1
    start: int = -1  # evidence span (offsets into Article.text)
    end: int = -1
    confidence: float = 1.0
    cue: str = ""  # the word or pattern that triggered it

    def key(self) -> tuple[str, str, str]:
        s, o = self.subject.iri or self.subject.name, self.object.iri or self.object.name
        if self.type in SYMMETRIC_RELATIONS and o < s:
            s, o = o, s
        return (self.type, s, o)


@dataclass
class Doc:
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    # what a caller asked the extraction worker to compute from this Doc (kg.build: its graph as N-Quads);
    # such a Doc comes back with only its article and this value (see kg.parallel.extract_many)
    encoded: Any = None

    def sentence_of(self, offset: int) -> int:
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return -1

    def entity(self, type_: str, name: str) -> Entity | None:
        for e in self.entities:
            if e.type == type_ and e.name == name:
                return e
        return None


class KgError(Exception):
    """An error a user can act on: the message says what was wrong and how to fix it."""


class SourceError(KgError):
    """A source (file or record) could not be read; ``where`` names it (file, file:line, file#row)."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason

    def __reduce__(self):  # picklable (errors cross process boundaries in parallel builds)
        return (SourceError, (self.where, self.reason))
