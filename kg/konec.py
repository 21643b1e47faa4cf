"""Read the konec NER benchmark (KLUE-NER dev sentences, 150 NIKL tags) and score the extractor's mentions on it.

konec is a measurement set, not training data: ``scripts/eval_konec.py`` runs :func:`kg.pipeline.extract` on each
sentence and compares the spans of the extracted entities with the gold tags (see ``docs/generalisation.md``).

Format (``konec-dev.tsv``, the KLUE-NER layout): a ``##`` header, then per sentence a ``## <guid>\\t<raw sentence>``
line followed by one ``char\\tTAG`` line per character (BIO tags, ``O`` outside), sentences separated by blank lines.

Gold span groups (:func:`gold_groups`) map the tag set to the project's types:

============  ===========================================================================================
group         spans
============  ===========================================================================================
person        ``PS_NAME``
person_title  a ``PS_NAME`` with a ``CV_POSITION`` span right after it (gap <= 12 chars, no , . ; in the gap)
              or right before it (gap <= 2 chars): the persons the guidelines call Official
person_full   person_title without one-syllable surname references ("김 위원장"), which a one-sentence
              article cannot resolve to a full name
org           ``OGG_*`` except ``OGG_POLITICS`` spans that name a Korean local government
org_politics  the ``OGG_POLITICS`` part of ``org`` (ministries, police, parties, 국회 …)
org_other     the other ``OGG_*`` labels (companies, universities, media, hospitals …)
org_named     ``org`` without ``OGG_SPORTS`` (mostly national teams and clubs) and without generic bodies that
              the guidelines do not count as named institutions (경찰, 검찰, 정부, 법원, 당국 …, :data:`GENERIC_BODIES`)
city_body     ``OGG_POLITICS`` spans that name a Korean local government (서울시, 경기도청)
city_place    ``LCP_CAPITALCITY/CITY/PROVINCE/COUNTY`` spans that name a Korean local government
city          city_body + city_place
event         ``EV_*``
event_civic   ``EV_*`` spans naming the kind of event the guidelines define (meeting, forum, festival, agreement,
              ceremony …: a span containing one of :data:`CIVIC_EVENT_CUES`); konec's EV_* are mostly sports,
              incidents and elections, which are out of the guidelines' scope
============  ===========================================================================================

"Names a Korean local government" is decided with :class:`kg.gazetteer.Gazetteer` (the surface, or the surface
without a trailing 청, is a known form whose candidates include a local government). The extractor uses the same
gazetteer, so the City rows measure finding and typing more than gazetteer coverage.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import KgError

CITY_PLACE_LABELS = frozenset({"LCP_CAPITALCITY", "LCP_CITY", "LCP_PROVINCE", "LCP_COUNTY"})
TITLE_GAP_AFTER = 12
TITLE_GAP_BEFORE = 2
GAP_STOPS = frozenset(",.;·")
PRED_TYPES = ("Official", "Institution", "City", "Event")
GENERIC_BODIES = frozenset("경찰 검찰 정부 법원 군 시 도 당국 경찰당국 소방당국 방역당국 보건당국 교육당국 금융당국 "
                           "여당 야당 여야 정당 행정부 사법부 입법부 재판부 수사당국 군당국 북한 남한 한국 미국 남북 북측 "
                           "남측 중국 일본".split())
CIVIC_EVENT_CUES = ("회의", "회담", "포럼", "세미나", "토론회", "설명회", "간담회", "총회", "축제", "페스티벌", "박람회",
                    "전시회", "엑스포", "협약", "선언", "출범", "발표회", "보고회", "시상식", "기념식", "개막식", "준공식",
                    "착공식", "출정식", "심포지엄", "콘퍼런스", "컨퍼런스", "워크숍", "행사", "공청회", "브리핑")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str


@dataclass
class KSentence:
    guid: str
    text: str
    tags: list[str]
    spans: list[Span] = field(default_factory=list)

    @property
    def is_news(self) -> bool:
        return self.guid.endswith("-wikitree")


def bio_spans(text: str, tags: list[str]) -> list[Span]:
    """Spans of a character-level BIO tag list (an ``I-`` without a matching open span starts a new one)."""
    out: list[Span] = []
    cur: list | None = None
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
            if cur:
                out.append(cur)
            cur = [i, i + 1, tag[2:]]
        elif tag.startswith("I-"):
            cur[1] = i + 1
        else:
            if cur:
                out.append(cur)
            cur = None
    if cur:
        out.append(cur)
    return [Span(s, e, lab, text[s:e]) for s, e, lab in out]


def parse_konec(text: str, source: str = "<konec>") -> Iterator[KSentence]:
    """Sentences of a konec/KLUE-style TSV text. A malformed line raises :class:`KgError` naming source:line."""
    guid, raw, tags, start_line = None, "", [], 0

    def finish():
        chars = "".join(c for c, _ in tags)
        if raw and raw != chars and len(raw) != len(chars):
            raise KgError(f"{source}:{start_line}: sentence {guid}: the {len(tags)} tagged characters do not "
                          f"spell the raw sentence ({len(raw)} characters)")
        sent_text = chars or raw
        labels = [t for _, t in tags]
        return KSentence(guid, sent_text, labels, bio_spans(sent_text, labels))

    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith("## ") and "\t" in line and not line.startswith("## 컬럼명"):
            if guid is not None:
                yield finish()
            guid, _, raw = line[3:].partition("\t")
            tags, start_line = [], n
        elif line.startswith("##") or not line.strip("\n"):
            continue
        elif guid is not None:
            ch, sep, tag = line.rpartition("\t")
            if not sep or len(ch) != 1 or not (tag == "O" or tag[:2] in ("B-", "I-")):
                raise KgError(f"{source}:{n}: expected 'char<TAB>TAG', got {line[:40]!r}")
            tags.append((ch, tag))
    if guid is not None:
        yield finish()


def read_konec(path: str | Path) -> Iterator[KSentence]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KgError(f"{path}: cannot read konec TSV: {e}") from e
    yield from parse_konec(text, str(path))


# ---- gold groups ---------------------------------------------------------------------------------------------

def local_government_test() -> Callable[[str], bool]:
    from kg.gazetteer import Gazetteer

    gz = Gazetteer.load()

    def is_local(surface: str) -> bool:
        for s in (surface, surface[:-1] if surface.endswith("청") else None):
            if not s:
                continue
            r = gz.lookup(s)
            if r is not None and any(u.is_local_government for u in r.candidates):
                return True
        return False

    return is_local


def _titled(p: Span, positions: list[Span], text: str) -> bool:
    for c in positions:
        if c.start >= p.end:
            gap = text[p.end:c.start]
            if len(gap) <= TITLE_GAP_AFTER and not (GAP_STOPS & set(gap)):
                return True
        elif c.end <= p.start and p.start - c.end <= TITLE_GAP_BEFORE:
            return True
    return False


def gold_groups(sent: KSentence, is_local: Callable[[str], bool]) -> dict[str, list[Span]]:
    sp = sent.spans
    positions = [s for s in sp if s.label == "CV_POSITION"]
    persons = [s for s in sp if s.label == "PS_NAME"]
    ogg = [s for s in sp if s.label.startswith("OGG_")]
    body = [s for s in ogg if s.label == "OGG_POLITICS" and is_local(s.text)]
    org = [s for s in ogg if s not in body]
    place = [s for s in sp if s.label in CITY_PLACE_LABELS and is_local(s.text)]
    titled = [p for p in persons if _titled(p, positions, sent.text)]
    events = [s for s in sp if s.label.startswith("EV_")]
    return {
        "person": persons,
        "person_title": titled,
        "person_full": [p for p in titled if len(p.text.strip()) > 1],
        "org": org,
        "org_politics": [s for s in org if s.label == "OGG_POLITICS"],
        "org_other": [s for s in org if s.label != "OGG_POLITICS"],
        "org_named": [s for s in org if s.label != "OGG_SPORTS" and s.text.strip() not in GENERIC_BODIES],
        "city_body": body,
        "city_place": place,
        "city": sorted(body + place, key=lambda s: s.start),
        "event": events,
        "event_civic": [s for s in events if any(c in s.text for c in CIVIC_EVENT_CUES)],
    }


# Rows of the table: (predicted type, gold group, neutral groups). A prediction that matches a span of a neutral
# group is neither right nor wrong (e.g. an Official on an untitled person when scoring titled persons).
ROWS = (
    ("Official", "person", ()),
    ("Official", "person_title", ("person",)),
    ("Official", "person_full", ("person",)),
    ("Institution", "org", ()),
    ("Institution", "org_named", ("org",)),
    ("Institution", "org_politics", ("org_other",)),
    ("Institution", "org_other", ("org_politics",)),
    ("City", "city", ()),
    ("City", "city_body", ("city_place",)),
    ("City", "city_place", ("city_body",)),
    ("Event", "event", ()),
    ("Event", "event_civic", ("event",)),
)


# ---- predictions and matching --------------------------------------------------------------------------------

def predicted_spans(doc) -> dict[str, list[tuple[int, int, str]]]:
    """Spans of the mentions of ``doc.entities`` (what reaches the graph), by entity type, deduplicated."""
    out: dict[str, list[tuple[int, int, str]]] = {t: [] for t in PRED_TYPES}
    for e in doc.entities:
        if e.type not in out:
            continue
        for m in e.mentions:
            sp = (m.start, m.end, m.text)
            if m.start >= 0 and sp not in out[e.type]:
                out[e.type].append(sp)
    for v in out.values():
        v.sort()
    return out


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match(preds: list[tuple], gold: list[Span], neutral: Iterable[Span], exact: bool) -> dict[str, list]:
    """One-to-one matching (greedy in order). Returns tp (pred, gold) pairs, fp preds, fn gold, neutral preds."""
    same = (lambda p, g: p[0] == g.start and p[1] == g.end) if exact else (lambda p, g: _overlaps(p, (g.start, g.end)))
    used: set[int] = set()
    tp, fp, neu = [], [], []
    neutral = list(neutral)
    for p in preds:
        hit = next((k for k, g in enumerate(gold) if k not in used and same(p, g)), None)
        if hit is not None:
            used.add(hit)
            tp.append((p, gold[hit]))
        elif any(same(p, g) or (exact and _overlaps(p, (g.start, g.end))) for g in neutral):
            neu.append(p)
        else:
            fp.append(p)
    fn = [g for k, g in enumerate(gold) if k not in used]
    return {"tp": tp, "fp": fp, "fn": fn, "neutral": neu}


@dataclass
class Counts:
    tp_pred: int = 0  # predictions matched
    pred: int = 0  # predictions counted (neutral ones excluded)
    tp_gold: int = 0
    gold: int = 0

    def add(self, r: dict, n_pred: int, n_gold: int) -> None:
        self.tp_pred += len(r["tp"])
        self.pred += n_pred - len(r["neutral"])
        self.tp_gold += len(r["tp"])
        self.gold += n_gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def confusion_label(p: tuple, spans: list[Span]) -> str:
    """The gold label a wrong prediction overlaps most (or 'O' when it overlaps none)."""
    best, size = "O", 0
    for s in spans:
        ov = min(p[1], s.end) - max(p[0], s.start)
        if ov > size:
            best, size = s.label, ov
    return best
