"""Scraped news pages as plain text: find the main article among the page's boilerplate.

A scraped page (like ``seeds/*.txt``) holds the article together with weather widgets, navigation, share
buttons, image file names, "최신뉴스" sidebars, copyright lines, bylines, and sometimes the body printed twice.
:func:`parse_scraped` classifies each line, keeps the title and the first copy of each body paragraph as spans
of the ORIGINAL text, and reads the outlet, date and reporters from the lines around them. It is pure.

Rules (general, not per site):

- widget lines (``• 구름많음속초24.0℃``, ``기상청 제공``), navigation and share buttons, punctuation-only lines,
  section labels (one short word: ``지역뉴스``), image file names and a bare page-header date are dropped;
- the title is the first content line when it reads as a headline (no sentence ending "…다."); an outlet
  suffix such as ``-경기티비종합뉴스-`` is cut off and becomes the outlet;
- after the body has started, a sidebar heading (최신뉴스, 관련기사, 많이 본 기사, 더보기, PHOTO NEWS …), a
  comment section or a copyright line ends the article: everything after is dropped;
- a paragraph (or subtitle, or caption) equal to an earlier one is a repeat and is dropped;
- bylines, e-mail and date lines are metadata, not body; a dateline like ``[뉴스스텝]`` or ``(세종=뉴스1)`` at the
  start of a paragraph is left out of the paragraph's span;
- photo captions (``▲ …``, ``…(사진=포항시 제공)``) stay in the body (they name people) and are also listed in
  ``extra["captions"]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.loaders import textmeta as tm
from kg.loaders.outlets import outlet_in_text
from kg.model import Article

_STRIP_CHARS = " \t\r\n\f\v\xa0\u3000\u200b\u200c\u200d\ufeff\u2060"
_BULLET_RE = re.compile(r"^[•●◦∙·]\s+")
_WEATHER_WORDS = (
    "맑음|구름많음|구름조금|구름 많음|흐림|흐리고 비|비|눈|비/눈|눈/비|비 또는 눈|소나기|박무|연무|안개|황사|"
    "천둥번개|진눈깨비|뇌우|약한비|약한눈"
)
_WEATHER_TEMP_RE = re.compile(r"^[^\d℃]{1,24}?\s*-?\d{1,2}(?:\.\d)?\s*(?:℃|°C?)$")
_WEATHER_WORD_RE = re.compile(rf"^(?:{_WEATHER_WORDS})[가-힣]{{0,8}}(?:\([^)]*\))?$")
_IMAGE_RE = re.compile(r"^\[크기변환\]|\.(?:jpe?g|png|gif|bmp|webp|tiff?)\s*$", re.IGNORECASE)
_PUNCT_ONLY_RE = re.compile(r"^[\W_]{1,6}$")
_NAV_EXACT = frozenset(
    (
        "기사스크랩 스크랩 공유 공유하기 댓글 댓글보기 클린뷰 프린트 인쇄 인쇄하기 구독 구독하기 좋아요 추천 추천하기 목록 닫기 "
        "관련링크 페이지정보 글자크기 글씨크기 글자크기설정 기사듣기 url복사 링크복사 주소복사 기사보내기 메일보내기 이메일 "
        "카카오톡 카카오스토리 페이스북 트위터 네이버밴드 밴드 블로그 전체메뉴 메뉴 검색 로그인 회원가입 맨위로 top 홈 home "
        "본문 기사본문 입력 수정 기상청제공 번역 북마크 바로가기 이전 다음 신고 신고하기"
    ).split()
)
_NAV_PHRASES = re.compile(
    r"기사를\s*공유|바로\s*가기|버전으로\s*보기|(?:으로|로)\s*이동$|^댓글\s*\d+$|^조회\s*[\d,]+|공유합니다$|"
    r"^(?:기사|뉴스)?\s*(?:스크랩|공유|프린트|인쇄)(?:하기)?$|카카오톡|페이스북|트위터|네이버\s*밴드|글자\s*크기|^photo\s*image$|"
    r"^(?:사진|이미지)\s*(?:확대|보기|크게\s*보기)$|^[^>›»\n]{1,15}(?:\s[>›»]\s[^>›»\n]{1,15}){1,5}$",
    re.IGNORECASE,
)
_CUT_HEADINGS = frozenset(
    (
        "최신뉴스 최신기사 최근기사 관련기사 관련뉴스 많이본기사 많이본뉴스 가장많이본기사 인기기사 인기뉴스 주요기사 주요뉴스 "
        "이시각주요뉴스 오늘의주요뉴스 추천기사 추천뉴스 더보기 photonews 포토뉴스 화제의포토 댓글삭제 댓글쓰기 뉴스댓글 "
        "기사댓글 댓글목록 전체댓글 독자의견 기자의다른기사 이기자의다른기사 다른기사보기 실시간뉴스 랭킹뉴스 핫이슈 "
        "이전기사 다음기사 이전글 다음글 이카테고리의다른글 카테고리의다른글 헤드라인뉴스 섹션별인기기사 pick"
    ).split()
)
_CAPTION_RE = re.compile(
    r"^[▲△▷◀▶]|\(\s*사진\s*[=:]|사진\s*=|사진\s*제공|사진제공|\[사진\]|\(사진\)|\(\s*(?:사진|그림)\s*[^)]{0,20}\)$|"
    r"(?:[ⓒ©]|\(c\))\s*\S+\s*$",
    re.IGNORECASE,
)
_PHOTO_MARKER_RE = re.compile(r"^(?:photo\s*image|사진|이미지|image|photo)$", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"(?:다|요|죠|니다)\s*[.!?](?=$|\s|[\"”’'\)\]]|[가-힣A-Za-z])")
_COPY_MARK_RE = re.compile(r"[ⓒ©]|\(c\)|무단\s*(?:전재|복제)|재배포\s*금지|all rights reserved", re.IGNORECASE)
HEADLINE_MAX = 150


@dataclass
class Line:
    start: int  # span of the stripped line in the original text
    end: int
    text: str
    bullet: bool = False
    kind: str = ""


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with the span of its stripped content (bullet marks removed)."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        while start < end and text[start] in _STRIP_CHARS:
            start += 1
        while end > start and text[end - 1] in _STRIP_CHARS:
            end -= 1
        bullet = False
        m = _BULLET_RE.match(text[start:end])
        if m:
            bullet = True
            start += m.end()
        lines.append(Line(start, end, text[start:end], bullet))
    return lines


def norm(s: str) -> str:
    s = "".join(ch for ch in s if ch not in "\u200b\u200c\u200d\ufeff\u2060")
    return re.sub(r"\s+", " ", s).strip()


def _key(s: str) -> str:
    return re.sub(r"\s+", "", s).lower().rstrip(">+›»").rstrip()


def is_sentence(s: str) -> bool:
    return bool(_SENTENCE_RE.search(s))


def classify(line: Line) -> str:
    """One of: blank, image, widget, pagedate, copyright, sidebar, nav, meta, caption, label, content."""
    s = norm(line.text)
    if not s:
        return "blank"
    key = _key(s)
    if _IMAGE_RE.search(s):
        return "image"
    if s == "기상청 제공" or _WEATHER_TEMP_RE.match(s) or (line.bullet and _WEATHER_WORD_RE.match(s)):
        return "widget"
    if tm.is_page_date(s):
        return "pagedate"
    if len(s) <= 160 and tm.COPYRIGHT_RE.search(s) and (not is_sentence(s) or _COPY_MARK_RE.search(s)):
        return "copyright"  # (a sentence about copyright law is body, unless it carries a copyright mark)
    if key in _CUT_HEADINGS or key.rstrip("0123456789") in ("댓글", "전체댓글"):
        return "sidebar" if key not in ("댓글",) else "nav"
    if _PUNCT_ONLY_RE.match(s) or key in _NAV_EXACT or (len(s) <= 30 and _NAV_PHRASES.search(s)):
        return "nav"
    short = len(s) <= 90 and not is_sentence(s)
    if short and (tm.find_dates(s) or tm.find_partial_date(s) or tm.find_reporters(s) or tm.EMAIL_RE.search(s)):
        return "meta"
    if len(s) <= 300 and _CAPTION_RE.search(s):
        return "caption"
    if " " not in s and len(s) <= 12 and not is_sentence(s):
        return "label"
    return "content"


def _is_headline(s: str) -> bool:
    return len(s) <= HEADLINE_MAX and not is_sentence(s)


@dataclass
class _Meta:
    outlet: str | None = None
    outlet_rank: int = 99
    dates: list = None
    partial: tuple[int, int] | None = None
    reporters: list = None

    def __post_init__(self):
        self.dates, self.reporters = [], []

    def offer_outlet(self, name: str | None, rank: int) -> None:
        if name and rank < self.outlet_rank:
            self.outlet, self.outlet_rank = name, rank

    def add_reporters(self, names: list[str]) -> None:
        for n in names:
            if n not in self.reporters:
                self.reporters.append(n)


# outlet evidence, best first
_R_SUFFIX, _R_DATELINE, _R_COPYRIGHT, _R_NAMEDATE, _R_DOMAIN = range(5)


def _read_meta_line(s: str, meta: _Meta) -> None:
    hits = tm.find_dates(s)
    meta.dates.extend(hits)
    if not hits and meta.partial is None:
        meta.partial = tm.find_partial_date(s)
    for h in hits:
        meta.offer_outlet(tm.outlet_from_name_date(s, h), _R_NAMEDATE)
    meta.add_reporters(tm.find_reporters(s))
    for m in re.finditer(r"[\[(]([^\[\]()]{1,60})[\])]", s):
        inner = m.group(1)
        if "=" in inner or tm.find_reporters(inner):
            meta.offer_outlet(tm.outlet_from_dateline(inner, m.group(0)[0] == "("), _R_DATELINE)
    meta.offer_outlet(outlet_in_text(s), _R_DOMAIN)


def parse_scraped(text: str, source: str, *, id: str | None = None) -> Article:
    """Parse one scraped page into an :class:`Article` whose spans index ``text`` exactly."""
    lines = split_lines(text)
    for ln in lines:
        ln.kind = classify(ln)
    meta = _Meta()
    title, title_span = "", None
    body: list[tuple[int, int]] = []
    captions: list[tuple[int, int]] = []
    seen: set[str] = set()
    title_keys: set[str] = set()
    started = False  # a body paragraph (a sentence, not a subtitle or caption) was kept
    after_photo_marker = False
    first_paras: list[tuple[int, int]] = []

    for i, ln in enumerate(lines):
        kind, s = ln.kind, norm(ln.text)
        if kind in ("copyright", "sidebar"):
            if kind == "copyright":
                meta.offer_outlet(tm.outlet_from_copyright(s), _R_COPYRIGHT)
            if started:
                break
            continue
        if kind == "meta":
            _read_meta_line(s, meta)
            continue
        if kind == "nav" and _PHOTO_MARKER_RE.match(s):
            after_photo_marker = True
            continue
        if kind not in ("content", "caption"):
            continue
        if kind == "caption" and re.search(r"(?:[ⓒ©]|\(c\))", s) and len(s) <= 40:
            meta.offer_outlet(tm.outlet_from_copyright(s), _R_COPYRIGHT)
        if after_photo_marker and kind == "content" and len(s) <= 300:
            kind = "caption"
        after_photo_marker = False
        if title_span is None and not body and kind == "content" and _is_headline(s):
            cut, suffix_outlet = tm.split_title_suffix(ln.text)
            title_span = (ln.start, ln.start + len(ln.text[:cut].rstrip(_STRIP_CHARS)))
            title = text[title_span[0]: title_span[1]]
            meta.offer_outlet(suffix_outlet, _R_SUFFIX)
            title_keys |= {_key(s), _key(title)}
            continue
        k = _key(s)
        if k in title_keys or k in seen:
            continue  # the title printed again, or a repeated paragraph/subtitle/caption
        seen.add(k)
        start = ln.start
        dl = tm.parse_dateline(ln.text)
        if dl is not None and dl[0] < len(ln.text):
            start = ln.start + dl[0]
            meta.offer_outlet(dl[1], _R_DATELINE)
            meta.add_reporters(dl[2])
            partial = tm.find_partial_date(ln.text[: dl[0]])
            if partial and meta.partial is None:
                meta.partial = partial
        body.append((start, ln.end))
        if kind == "caption":
            captions.append((start, ln.end))
        elif len(first_paras) < 3:
            first_paras.append((start, ln.end))
        if kind == "content" and (is_sentence(s) or len(s) >= 80):
            started = True  # the article proper has begun: a sidebar heading or copyright line now ends it

    published = tm.best_date(meta.dates) or _partial_to_date(meta.partial, text, first_paras)
    extra = {"captions": captions} if captions else {}
    return Article(
        id=id if id is not None else _stem(source),
        text=text,
        title=title,
        title_span=title_span,
        body=body,
        outlet=meta.outlet,
        published=published,
        reporters=meta.reporters,
        source=source,
        extra=extra,
    )


def _partial_to_date(partial, text: str, paras: list[tuple[int, int]]) -> date | None:
    """"date 2021-09" + the first "16일" of the lead paragraph: the day the story is dated."""
    if not partial or not paras:
        return None
    s, e = paras[0]
    m = re.search(r"(?<![\d.])(\d{1,2})일", text[s:e])
    if not m:
        return None
    try:
        return date(partial[0], partial[1], int(m.group(1)))
    except ValueError:
        return None


def _stem(source: str) -> str:
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
