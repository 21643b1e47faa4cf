"""Korean local governments: lookup by surface form and date (``kg/data/gazetteer.csv``).

API (stable; used by the extractor)::

    from kg.gazetteer import Gazetteer
    gz = Gazetteer.load()                           # cached; reads kg/data/gazetteer.csv once
    u = gz.unit("47110")                            # -> Unit (code5, name, level, parent_code5, parent_name, …)
    r = gz.lookup("울산시", on=date(2025, 11, 24))   # -> Resolution | None
    r.unit.name, r.unit.code5, r.unit.level         # '울산광역시', '31000', 'metropolitan'
    r.ambiguous, r.candidates, r.kind, r.title      # False, (Unit,…), 'press', ''
    gz.lookup("중구", context=["26000"])             # context = code5s already seen in the article -> 부산 중구
    gz.lookup("남구", near="47110")                  # near = code5 of the mention right before ("포항시 남구")
    gz.forms_of("31000")                            # surface forms of a unit (for Entity.aliases)
    gz.max_form_len, "포항" in gz                    # used by kg.find_cities for longest match

``Unit`` fields: code5, name (official name: 서울특별시, 포항시, 해운대구; 일반구 "포항시 남구"), full_name
(부산광역시 해운대구), unit_type, level (metropolitan/province/city/county/district), is_local_government,
parent_code5, parent_name, sido_code5, sido_name, short_name, stem, valid_from, valid_to (date | None),
successors, predecessors (tuples of code5), special_status, lat, lon, wikidata, name_en, iso_3166_2.
The City IRI key is ``code5`` (ontology/README.md: ``kgid:city/<code5>``).

Surface forms (``Resolution.kind``): ``name`` (포항시, 서울특별시, 해운대구), ``short`` (서울, 경북, 포항, 울진),
``press`` (서울시, 울산시, 세종시, 경북도, 강원도 → 강원특별자치도, 제주도, 전북도, 수원특례시, 광주특별시),
``office`` (서울시청, 경기도청, 포항시청, 해운대구청: the unit's administration), ``title`` (울산시장, 경기지사,
경북도지사, 울진군수, 해운대구청장: ``Resolution.title`` holds 시장/도지사/지사/군수/구청장), ``sub`` (포항시 남구, or a
bare 일반구 name such as 남구: not a local government). Stems of 자치구 (해운대, 강남) are not forms: the press uses
them for areas, not the government; stems that are common words (예산, 음성, 강화, 달성, 고령 …) are not forms either.

Date rule (documented decision). The entity of a mention is **the unit valid on the article's date**, named by
its official name on that date, with its code5 of that date as the IRI key:

- 광주광역시 in a 2020 article is 29000 광주광역시; "광주" in a 2026-08 article is 12000 전남광주통합특별시.
- A form whose unit had been abolished by the article date follows the successor when there is exactly one
  (press usage lags renamings): "강원도" in 2024 → 51000 강원특별자치도; "강원도" in 2020 → 42000 강원도.
  So 강원도 (42000, until 2023-06-10) and 강원특별자치도 (51000) are two City entities linked by
  successors/predecessors, because both the official code and the official name changed; the same holds for
  전라북도/전북특별자치도 and 군위군 47720 (경상북도) / 27720 (대구광역시). A renaming that keeps the code (특례시) keeps one
  entity. Units whose valid_from is blank existed before 2012 (or the date is unknown) and count as always valid.
- A form naming a unit created after the article date (강원특별자치도 in a 2022 article about the plan) resolves to
  that unit anyway (``Resolution.anachronistic``).
- No date: resolved as of ``Gazetteer.UNDATED_AS_OF`` (2025-12-31, the last day before the 2026 re-districting
  and the 전남광주 merger), because undated news in the corpora is older than that: "광주" → 광주광역시, "전남" →
  전라남도, "강원도" → 강원특별자치도, "군위군" → 대구광역시 군위군. Pass the article date whenever there is one.

Ambiguity: several units share a form (중구 ×5+, 동구, 서구, 남구, 북구, 강서구, 고성군, 광주 = 광주광역시 or
경기 광주시). Candidates are scored: the mention right before (``near``) is the candidate's parent or province
(+4: "부산 중구", "포항시 남구"); a unit already seen in the article is the candidate itself (+3) or its
parent/province, or shares its province (+2); local governments beat 일반구 (+1). A unique best candidate wins;
without any context a 시도 beats a 시군구 (광주 → 광주광역시, ``ambiguous=True`` kept so callers can tell), and a
tie between 시군구 gives ``unit=None, ambiguous=True`` with all ``candidates``.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg.resources import data_file

METRO_TYPES = ("특별시", "광역시", "특별자치시", "통합특별시")
PROVINCE_TYPES = ("도", "특별자치도")

# Stems that are common Korean words: "예산" (budget), "음성" (voice), "강화" (strengthen), "달성" (achieve),
# "고령" (old age), "영양" (nutrition), "장수" (longevity), "영광" (glory), "진도" (progress), "강진" (strong quake),
# "보은" (gratitude), "부여" (grant), "양산" (mass production), "완주" (finish a race), "기장" (captain), "동해"/"남해"
# (seas), "장성" (general), "신안" (new bill), "광명" (light), "구리" (copper), "상주" (resident), "무안" (shame),
# "곡성" (wailing), "영주" (lord), "원주" (original), "제천" (rite), "경주" (race), "청주" (rice wine), "양주"
# (liquor), "공주" (princess), "구미" (the West), "진주" (pearl), "화성" (Mars), "고성" (loud voice) are not all
# excluded: only those whose common-word use dominates regional news ("함양" = cultivate, "영동" = the region east
# of the mountains, "인제" = now, "양구" = two balls). The full name (예산군) is always a form. Weak short forms that
# stay (경기, 고양, 경주 …) are filtered by kg.find_cities.WEAK_FORMS.
COMMON_WORD_STEMS = frozenset(
    "예산 음성 강화 달성 고령 영양 장수 영광 진도 강진 보은 부여 양산 완주 기장 동해 남해 장성 신안 무안 곡성 "
    "양구 인제 영동 함양".split()
)

FORM_PRIORITY = {"name": 4, "office": 4, "title": 4, "press": 3, "short": 2, "sub": 1}


def _d(s: str) -> date | None:
    return date.fromisoformat(s) if s else None


def _f(s: str) -> float | None:
    return float(s) if s else None


def as_date(value) -> date | None:
    """Accept a date, an ISO string ('2025-11-24', '2025-11-24T09:00'), or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()[:10]
    return date.fromisoformat(s) if s else None


@dataclass(frozen=True)
class Unit:
    code5: str
    name: str
    full_name: str
    unit_type: str
    level: str
    is_local_government: bool
    parent_code5: str
    parent_name: str
    sido_code5: str
    sido_name: str
    short_name: str
    stem: str
    valid_from: date | None
    valid_to: date | None
    successors: tuple[str, ...]
    predecessors: tuple[str, ...]
    special_status: str
    lat: float | None
    lon: float | None
    wikidata: str
    name_en: str
    iso_3166_2: str

    @property
    def is_sido(self) -> bool:
        return self.code5.endswith("000")

    def valid_on(self, on: date | None) -> bool:
        if on is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)


@dataclass
class Resolution:
    unit: Unit | None  # None when several 시군구 tie and nothing in the context decides
    candidates: tuple[Unit, ...]  # every unit the form can mean on that date (best first)
    ambiguous: bool  # True when more than one candidate and the context did not decide
    kind: str  # name, short, press, office, title, sub (see module docstring)
    title: str = ""  # for kind 'title': 시장, 도지사, 지사, 군수, 구청장
    anachronistic: bool = False  # the unit did not exist yet on the article date
    stale: bool = False  # the unit had been abolished by the article date (and had no single successor)
    reason: str = ""  # how the choice was made: unique, near, context, best-valid, prefer-sido, tie


@dataclass(frozen=True)
class _Form:
    code5: str
    kind: str
    title: str = ""


@dataclass
class Gazetteer:
    units: dict[str, Unit]
    forms: dict[str, list[_Form]] = field(default_factory=dict)
    path: Path | None = None
    UNDATED_AS_OF = date(2025, 12, 31)  # the date lookups use when the article has none (module docstring)

    # ---- construction -------------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        """The gazetteer of ``kg/data/gazetteer.csv`` (or ``path``); cached per path."""
        return _load(str(path) if path else str(data_file("gazetteer.csv")))

    @classmethod
    def from_csv(cls, path: Path) -> "Gazetteer":
        units: dict[str, Unit] = {}
        with path.open(encoding="utf-8", newline="") as f:
            for n, r in enumerate(csv.DictReader(f), 2):
                try:
                    u = Unit(
                        code5=r["code5"], name=r["name"], full_name=r["full_name"], unit_type=r["unit_type"],
                        level=r["level"], is_local_government=r["is_local_government"] == "true",
                        parent_code5=r["parent_code5"], parent_name=r["parent_name"], sido_code5=r["sido_code5"],
                        sido_name=r["sido_name"], short_name=r["short_name"], stem=r["stem"],
                        valid_from=_d(r["valid_from"]), valid_to=_d(r["valid_to"]),
                        successors=tuple(filter(None, r["successor_code5"].split("+"))),
                        predecessors=tuple(filter(None, r["predecessor_code5"].split("+"))),
                        special_status=r["special_status"], lat=_f(r["lat"]), lon=_f(r["lon"]),
                        wikidata=r["wikidata_qid"], name_en=r["name_en"], iso_3166_2=r["iso_3166_2"],
                    )
                except (KeyError, ValueError) as e:
                    raise ValueError(f"{path}:{n}: bad gazetteer row ({e}); rebuild with scripts/build_gazetteer.py")
                units[u.code5] = u
        gz = cls(units=units, path=path)
        gz._index()
        return gz

    def _add(self, surface: str, code5: str, kind: str, title: str = "") -> None:
        surface = surface.strip()
        if len(surface) < 2:
            return
        lst = self.forms.setdefault(surface, [])
        f = _Form(code5, kind, title)
        if all((g.code5, g.kind, g.title) != (f.code5, f.kind, f.title) for g in lst):
            lst.append(f)

    def _index(self) -> None:
        for u in self.units.values():
            c = u.code5
            if u.is_sido:
                self._add(u.name, c, "name")
                self._add(u.short_name, c, "short")
                self._add(u.name + "청", c, "office")
                if u.unit_type in METRO_TYPES:
                    presses = [u.short_name + "시"] if u.unit_type != "통합특별시" else []
                    self._add(u.name + "장", c, "title", "시장")
                else:
                    presses = [u.short_name + "도"]
                    self._add(u.name + "지사", c, "title", "도지사")
                    self._add(u.short_name + "지사", c, "title", "지사")
                    self._add(u.short_name + "도지사", c, "title", "도지사")
                if u.unit_type == "통합특별시":  # 전남광주통합특별시, 약칭 광주특별시
                    presses += ["광주특별시", "전남광주특별시", "광주전남통합특별시", "광주전남특별시"]
                    self._add("통합특별시장", c, "title", "시장")
                for p in presses:
                    self._add(p, c, "press")
                    self._add(p + "청", c, "office")
                    if u.unit_type in METRO_TYPES:
                        self._add(p + "장", c, "title", "시장")
                if u.unit_type == "특별자치도":  # 강원특별자치도: press still writes 강원도 / 강원도청
                    self._add(u.short_name + "특별자치도", c, "press")
            elif not u.is_local_government:  # 일반구 / 행정시
                self._add(u.name, c, "sub")
                if u.unit_type == "일반구":
                    self._add(u.name.replace(" ", ""), c, "sub")  # 포항시남구
                    self._add(u.name.split()[-1], c, "sub")  # bare 남구: only wins with context
                else:  # 제주시, 서귀포시
                    self._add(u.name + "청", c, "office")
                    self._add(u.name + "장", c, "title", "시장")
                    if u.stem != u.name and u.stem not in COMMON_WORD_STEMS:
                        self._add(u.stem, c, "short")
            else:
                self._add(u.name, c, "name")
                self._add(u.name + "청", c, "office")
                t = u.unit_type
                if t == "시":
                    self._add(u.name + "장", c, "title", "시장")
                    if "특례시" in u.special_status:
                        self._add(u.stem + "특례시", c, "press")
                        self._add(u.stem + "특례시청", c, "office")
                        self._add(u.stem + "특례시장", c, "title", "시장")
                elif t == "군":
                    self._add(u.name + "수", c, "title", "군수")
                elif t == "자치구":
                    self._add(u.name + "청장", c, "title", "구청장")
                if t in ("시", "군") and u.stem != u.name and u.stem not in COMMON_WORD_STEMS:
                    self._add(u.stem, c, "short")
        self.max_form_len = max(map(len, self.forms))

    # ---- lookups ------------------------------------------------------------------------------------------
    def __contains__(self, surface: str) -> bool:
        return surface in self.forms

    def unit(self, code5: str) -> Unit:
        try:
            return self.units[code5]
        except KeyError:
            raise KeyError(f"no local government with code {code5!r} in {self.path}") from None

    def forms_of(self, code5: str) -> list[str]:
        """Every surface form that can name ``code5`` (official name first), without office/title forms."""
        u = self.unit(code5)
        out = [u.name] + [s for s, fs in self.forms.items()
                          if s != u.name and any(f.code5 == code5 and f.kind in ("short", "press", "sub") for f in fs)]
        return out

    def at_date(self, code5: str, on: date | None) -> tuple[Unit, bool]:
        """The unit that ``code5`` stands for on ``on``: itself, or its single successor chain; and whether the
        unit did not exist yet (anachronistic)."""
        u = self.unit(code5)
        if on is None:
            return u, False
        seen = set()
        while not u.valid_on(on) and u.code5 not in seen:
            seen.add(u.code5)
            if on is not None and u.valid_from and on < u.valid_from:
                return u, True
            if len(u.successors) != 1:
                break
            u = self.unit(u.successors[0])
        return u, False

    def successors_of(self, code5: str) -> set[str]:
        """Every later unit of ``code5``'s lineage (transitive successors)."""
        out, todo = set(), list(self.unit(code5).successors)
        while todo:
            c = todo.pop()
            if c not in out:
                out.add(c)
                todo.extend(self.unit(c).successors)
        return out

    def units_on(self, on: date | None = None, *, local_only: bool = True) -> list[Unit]:
        return [u for u in self.units.values() if u.valid_on(on) and (u.is_local_government or not local_only)]

    def lookup(self, surface: str, on=None, *, context: Iterable[str] = (), near: str | None = None
               ) -> Resolution | None:
        """Resolve a surface form for an article published ``on`` (date/ISO string/None = UNDATED_AS_OF).

        ``context``: code5s of units already identified in the article; ``near``: code5 of the mention right
        before this one (same clause, e.g. "부산 중구"). Returns None when the surface is not a known form.
        """
        forms = self.forms.get(surface.strip())
        if not forms:
            return None
        on = as_date(on) or self.UNDATED_AS_OF
        best: dict[str, tuple[Unit, _Form, bool]] = {}
        for f in forms:
            u, anach = self.at_date(f.code5, on)
            prev = best.get(u.code5)
            if prev is None or FORM_PRIORITY[f.kind] > FORM_PRIORITY[prev[1].kind]:
                best[u.code5] = (u, f, anach)
        context = set(context)
        ctx_sidos = {self.units[c].sido_code5 for c in context if c in self.units}
        ctx_parents = {self.units[c].parent_code5 for c in context if c in self.units}

        def score(item) -> int:
            u, f, anach = item
            s = 0
            if near and near in (u.parent_code5, u.sido_code5) and near != u.code5:
                s += 4
            if u.code5 in context:
                s += 3
            elif (u.parent_code5 and u.parent_code5 in context) or u.sido_code5 in context or (
                    not u.is_sido and u.sido_code5 in ctx_sidos) or u.code5 in ctx_parents:
                s += 2
            if u.is_local_government:
                s += 1
            if anach or not u.valid_on(on):
                s -= 1
            return s

        items = sorted(best.values(), key=lambda it: (-score(it), -FORM_PRIORITY[it[1].kind], it[0].code5))
        cands = tuple(it[0] for it in items)
        top = items[0]

        def res(it, ambiguous: bool, why: str) -> Resolution:
            u, f, anach = it
            stale = not anach and not u.valid_on(on)
            return Resolution(u, cands, ambiguous, f.kind, f.title, anach, stale, why)

        if len(items) == 1:
            return res(top, False, "unique")
        s0, s1 = score(items[0]), score(items[1])
        if s0 > s1:
            return res(top, False, "near" if near and s0 >= 4 else ("context" if s0 > 1 else "best-valid"))
        tied = [it for it in items if score(it) == s0]
        sidos = [it for it in tied if it[0].is_sido]
        if len(sidos) == 1:
            return res(sidos[0], True, "prefer-sido")
        return Resolution(None, cands, True, top[1].kind, top[1].title, False, False, "tie")


@lru_cache(maxsize=4)
def _load(path: str) -> Gazetteer:
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"{p}: gazetteer table missing; run scripts/build_gazetteer.py")
    return Gazetteer.from_csv(p)


def group_by_surface(gz: Gazetteer) -> dict[str, list[str]]:
    """surface -> code5s (every form, any date): for reports and tests."""
    out: dict[str, list[str]] = defaultdict(list)
    for s, fs in gz.forms.items():
        out[s] = sorted({f.code5 for f in fs})
    return dict(out)
