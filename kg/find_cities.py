"""Find mentions of Korean local governments (City) in spans of an article's text. Pure.

API::

    from kg.find_cities import find_cities
    mentions = find_cities(article.text, article.main_spans(), published=article.published)

Each :class:`kg.model.Mention` has ``type="City"``, ``source="gazetteer"``, offsets into ``text``, and ``attrs``:

- ``code5`` (IRI key), ``name`` (canonical: the official name on the article date, 울산광역시, 해운대구),
  ``level`` (metropolitan/province/city/county/district), ``parent`` (parent's name: 부산광역시 for 해운대구,
  경상북도 for 포항시, "" for a 시도), ``parent_code5``. All four are None when the form stays ambiguous
  (``ambiguous=True`` and ``candidates`` lists the code5s: "중구" with no province in the article).
- ``context``: how the form stands in the text, for the extractor to filter:
  ``standalone`` (alone, or followed by a particle or a place noun: 포항은, 포항에서, 포항 지역, 포항지역 내),
  ``office`` (포항시청, 경기도청: the administration), ``title`` (울산시장, 경기지사, 울진군수: a head's title; see
  ``title``), ``prefix-of-noun`` (glued to another noun, usually an organisation: 포항테크노파크, 경북대,
  서울디지털재단, 한국은행 포항본부, 서울시의회), ``dateline`` (followed by "=": "대구=홍길동 기자", "(서울=연합뉴스)").
- ``follow``: the Hangul glued after the form (테크노파크, 대, 의회, 에서, ""); ``before``: the word before it
  ("한국은행" in "한국은행 포항본부", "LH" in "LH 경남지사": check it with kg.lexicon.branch_of); ``form``: name/short/press/office/
  title/sub (see kg.gazetteer), ``title``: 시장/도지사/지사/군수/구청장 for title forms, ``ambiguous``,
  ``candidates``, ``reason`` (unique, context, near, prefer-sido, best-valid, tie), ``local_government``
  (False for 일반구/행정시: 포항시 남구, 제주시), ``anachronistic``/``stale`` (unit not in existence on that date).

Matching: longest form first, starting only at a word start (after a non-Hangul character), or right after a
시도 form in the same word ("대구경북", "경북포항"). Bare forms that are everyday words (경기 = game/economy,
고양, 경주 = race …, ``WEAK_FORMS``) are reported only when a place noun or another city is right next to them
("경기 수원시", "서울·경기", "경기지역"). Ambiguous forms (중구, 고성군, 광주) are resolved with the article's other
unambiguous mentions and the mention right before (kg.gazetteer.Gazetteer.lookup).
"""
from __future__ import annotations

import re

from kg.gazetteer import Gazetteer, as_date
from kg.model import Mention

PARTICLES = frozenset(
    "은 는 이 가 을 를 의 에 에서 에게 에는 에서는 에서도 에서의 에도 에선 엔 와 과 와의 과의 와는 과는 와도 과도 "
    "도 만 만의 만이 만을 로 으로 로서 으로서 로써 으로써 로부터 으로부터 로의 으로의 로는 으로는 로도 으로도 부터 까지 "
    "까지의 이나 나 이라 라 이란 란 이며 며 이고 이다 이었다 였다 이자 처럼 보다 마저 조차 뿐 께서 이랑 랑 에의 이라는 라는 "
    "이라고 라고 이지만 이며 에서만 에만 이든 든 인 이여 야 에게서 한테 쪽 쪽은 쪽에서 서".split()
)  # "서" is the clipped 에서 of headlines ("경주서 첫 발병")
# a Korean place name right after a foreign country is that country's place ("중국 사천", "일본 광주")
FOREIGN_COUNTRIES = frozenset(
    "중국 일본 미국 대만 홍콩 베트남 태국 러시아 몽골 인도 필리핀 인도네시아 말레이시아 캄보디아 독일 프랑스 영국 "
    "이탈리아 스페인 캐나다 호주 북한 중국의 일본의 미국의".split()
)
PLACE_NOUNS = ("지역내", "지역", "일대", "일원", "전역", "관내", "권역", "시내", "도내", "군내", "구내", "현지", "소재",
               "등지", "곳곳", "내", "권", "등", "간")
WEAK_FORMS = frozenset("경기 고양 경주 상주 구리 화성 영주 양주 보성 정선".split())
# weak forms whose common reading Kiwi also tags as a proper noun (화성 = Mars, 상주 = resident): place cue needed
STRICT_WEAK_FORMS = frozenset("화성 상주".split())
BLOCK_WORDS = ("고양이",)
SEPARATORS = "·ㆍ,/"  # Hangul words that begin with a form but are something else


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


_RUN = re.compile("(?<![\uac00-\ud7a3])[\uac00-\ud7a3]+")


_HEADS: list = [(None, None, 0, {})]


def _form_heads(gz: Gazetteer) -> dict[str, tuple[int, ...]]:
    """First two characters -> lengths (longest first, at least 2) of the gazetteer forms starting with them."""
    entry = _HEADS[0]
    if entry[0] is not gz or entry[1] is not gz.forms or entry[2] != len(gz.forms):
        heads: dict[str, set[int]] = {}
        for f in gz.forms:
            if len(f) >= 2:
                heads.setdefault(f[:2], set()).add(len(f))
        entry = (gz, gz.forms, len(gz.forms), {h: tuple(sorted(ls, reverse=True)) for h, ls in heads.items()})
        _HEADS[0] = entry
    return entry[3]


def _glued(follow: str) -> str:
    """Classify the Hangul glued after a form: 'particle' (or place noun + particle) or 'noun'."""
    if not follow or follow in PARTICLES:
        return "particle"
    for n in PLACE_NOUNS:
        if follow.startswith(n) and (follow[len(n):] == "" or follow[len(n):] in PARTICLES):
            return "particle"
    return "noun"


def _scan(text: str, start: int, end: int, gz: Gazetteer) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, follow) of every form in text[start:end], longest first, at word starts."""
    out = []
    forms = gz.forms
    lens_by_head = _form_heads(gz)
    for m in _RUN.finditer(text, start, end):
        i, run_end = m.span()
        word = m.group()
        if word.startswith(BLOCK_WORDS):
            continue
        p, chain = i, []
        while p < run_end:
            hit = None
            limit = min(gz.max_form_len, run_end - p)
            for L in lens_by_head.get(text[p:p + 2], ()):
                if L <= limit and text[p:p + L] in forms:
                    hit = text[p:p + L]
                    break
            if hit is None:
                break
            chain.append((p, p + len(hit), hit))
            p += len(hit)
            # chain only after a 시도 form: 대구경북, 경북포항, 부산남구
            if not any(f.code5.endswith("000") and f.kind in ("name", "short", "press") for f in gz.forms[hit]):
                break
        # every part of a chain ("대구경북 행정통합") is followed by what follows the whole chain
        out.extend((a, b, h, text[chain[-1][1]:run_end]) for a, b, h in chain)
    return out


def _context(text: str, e: int, form_kind: str, follow: str) -> str:
    j = e
    while j < len(text) and text[j] in " \t":
        j += 1
    if not follow and j < len(text) and text[j] == "=":
        return "dateline"
    if form_kind in ("office", "title"):
        return form_kind if _glued(follow) == "particle" else "prefix-of-noun"
    return "standalone" if _glued(follow) == "particle" else "prefix-of-noun"


def _weak_ok(text: str, s: int, e: int, follow: str, hits: set[int], starts: set[int], ends: set[int]) -> bool:
    """A weak bare form counts only next to a place noun, before another city ("경기 수원시"; ``hits`` = starts of
    all hits), or in a list of 시도 ("서울·경기", "서울, 경기"; ``starts``/``ends`` of 시도 hits)."""
    if follow:
        return any(follow.startswith(n) for n in ("지역", "일대", "전역", "관내", "도내", "권"))
    j = e
    while j < len(text) and text[j] == " ":
        j += 1
    if text[j:j + 2] in ("지역", "일대", "전역", "관내", "도내") or (j > e and j in hits):
        return True
    if j < len(text) and text[j] in SEPARATORS:
        j += 1
        while j < len(text) and text[j] == " ":
            j += 1
        if j in starts:
            return True
    k = s - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    if k >= 0 and text[k] in SEPARATORS:
        k -= 1
        while k >= 0 and text[k] == " ":
            k -= 1
        return k + 1 in ends
    return False


def _word_before(text: str, s: int) -> str:
    """The whitespace-separated word just before offset ``s`` on the same line ("한국은행" in "한국은행 포항본부")."""
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    k = j
    while k > 0 and not text[k - 1].isspace() and j - k < 20:
        k -= 1
    return text[k:j]


def _abolished_short(gz: Gazetteer, surface: str, on) -> bool:
    """The surface is only the short form of units abolished by ``on`` ("연기" for 연기군, "청원" for 청원군 after
    their merger): after the abolition the word is the common noun (acting, petition), not the successor."""
    units = [gz.unit(f.code5) for f in gz.forms.get(surface, ()) if f.kind == "short"]
    if not units or any(f.kind != "short" for f in gz.forms.get(surface, ())):
        return False
    when = on or Gazetteer.UNDATED_AS_OF
    return all(u.valid_to is not None and u.valid_to < when for u in units)


def _in_sido_list(text: str, raw, idx: int, gz: Gazetteer, on) -> bool:
    """The hit ``raw[idx]`` is listed ("A, B·C") next to a form that can only be a 시도."""
    s, e = raw[idx][0], raw[idx][1]
    for j in (idx - 1, idx + 1):
        if not 0 <= j < len(raw):
            continue
        a, b = (raw[j][1], s) if j < idx else (e, raw[j][0])
        if not re.fullmatch(r"\s*[,·ㆍ/]\s*|와 |과 ", text[a:b]):
            continue
        r = gz.lookup(raw[j][2], on)
        if r and r.unit and all(c.is_sido for c in r.candidates):
            return True
    return False


def find_cities(text: str, spans, published=None, *, gazetteer: Gazetteer | None = None,
                weak_candidates: bool = False) -> list[Mention]:
    """City mentions inside the (start, end) ``spans`` of ``text`` for an article published on ``published``
    (date, ISO string, or None = as of Gazetteer.UNDATED_AS_OF). Pure: same input, same output.

    ``weak_candidates``: also return weak forms followed by a particle ("경주서", "경주에서") with
    ``attrs["weak"]=True``, for a caller that confirms them with a tagger (kg.pipeline does)."""
    gz = gazetteer or Gazetteer.load()
    on = as_date(published)
    raw = []
    for s, e in spans:
        raw.extend(_scan(text, max(0, s), min(len(text), e), gz))
    raw.sort()
    sido = {r for r in raw if any(f.code5.endswith("000") for f in gz.forms[r[2]])}
    starts, ends = {r[0] for r in sido}, {r[1] for r in sido}
    weak_particle = {r[0] for r in raw if weak_candidates and r[2] in WEAK_FORMS and r[2] not in STRICT_WEAK_FORMS
                     and r[3] and r[3] in PARTICLES}  # "경주서", "경주에서": kept, checked by the caller with the tagger
    raw = [r for r in raw if r[2] not in WEAK_FORMS or r[0] in weak_particle or
           _weak_ok(text, r[0], r[1], r[3], {x[0] for x in raw}, starts, ends)]
    raw = [r for r in raw if not _abolished_short(gz, r[2], on) and _word_before(text, r[0]) not in FOREIGN_COUNTRIES]
    # pass 1: unambiguous mentions give the article's context
    first = [gz.lookup(r[2], on) for r in raw]
    context = [res.unit.code5 for res in first if res and res.unit and not res.ambiguous]
    mentions: list[Mention] = []
    prev_end, prev_code = -10, None
    for idx, ((s, e, surface, follow), res0) in enumerate(zip(raw, first)):
        near = prev_code if s - prev_end <= 1 else None
        res = gz.lookup(surface, on, context=context, near=near) if (res0.ambiguous or near) else res0
        if res and len(res.candidates) > 1 and not (res.unit and res.unit.is_sido) and _in_sido_list(text, raw, idx, gz, on):
            # "대구, 광주, 대전": an item of a list of 시도 is a 시도 (광주광역시, not Gyeonggi's 광주시)
            sido_c = [c for c in res.candidates if c.is_sido]
            if len(sido_c) == 1:
                res = gz.lookup(surface, on, context=[sido_c[0].code5])
        u = res.unit
        if u and not res.ambiguous:
            context.append(u.code5)
        attrs = {
            "code5": u.code5 if u else None,
            "name": u.name if u else None,
            "level": u.level if u else None,
            "parent": (u.parent_name if u else None),
            "parent_code5": (u.parent_code5 if u else None),
            "context": _context(text, e, res.kind, follow),
            "follow": follow,
            "before": _word_before(text, s),
            "form": res.kind,
            "title": res.title,
            "ambiguous": res.ambiguous,
            "candidates": [c.code5 for c in res.candidates],
            "reason": res.reason,
            "local_government": u.is_local_government if u else None,
            "anachronistic": res.anachronistic,
            "stale": res.stale,
        }
        if s in weak_particle:
            attrs["weak"] = True  # a common-word form before a particle: the caller must confirm it is a name
        mentions.append(Mention(type="City", text=surface, start=s, end=e, source="gazetteer", attrs=attrs))
        prev_end, prev_code = e, (u.code5 if u else None)
    return mentions
