"""A synthetic but realistic corpus of Korean regional news, for throughput and scale runs.

Articles are recombined at run time from real sentence material:

- the five seed articles (``seeds/``: always),
- ``../shared/data/klue-news-sentences/klue_news_sentences.tsv`` (KLUE, CC BY-SA 4.0) and
  ``../shared/data/wikinews-ko/wikinews.csv`` (Wikinews, CC BY 2.5) when that folder is present
  (read where they lie, never copied into the repository),

mixed with sentences built from templates written here, which carry varied city names (from the gazetteer
``kg/data/gazetteer.csv`` when it exists, else a built-in list of well-known local governments), person names
(common surnames + given-name syllables), titles and institution names. Each article has the structure of a scraped
page: title, a date/byline line in one of several house styles, an outlet dateline, 8–20 sentences in paragraphs,
and some boilerplate (copyright line; in the page form also share widgets, weather widget, "최신뉴스" sidebar).

Output is streamed to disk, one JSON object a line (``write_corpus``) with the fields
``id, title, date, outlet, reporter, url, text`` (``text`` is the body as an export gives it: byline, paragraphs,
copyright line), or as a folder of ``.txt`` whole scraped pages in the seeds' form (``write_txt_folder``). Everything is deterministic in
``seed``: article ``i`` depends only on ``(seed, i)``, so a corpus of 1k is the first 1k articles of the 100k one.

Example::

    from kg.corpus import write_corpus, perturb_corpus
    write_corpus("bench-out/corpus-1000.jsonl", 1000, seed=7)
    perturb_corpus("bench-out/corpus-1000.jsonl", "bench-out/corpus-1000-changed.jsonl", fraction=0.01)
"""
from __future__ import annotations

import csv
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_HANGUL = re.compile(r"[가-힣]")
_SENT_SPLIT = re.compile(r"(?<=[다요음임함됨]\.)\s+|(?<=[.?!][\"”’'])\s+")

# Well-known local governments (general knowledge), used when the gazetteer table is not there yet.
_FALLBACK_CITIES = (
    "서울특별시 부산광역시 대구광역시 인천광역시 광주광역시 대전광역시 울산광역시 세종특별자치시 경기도 강원특별자치도 "
    "충청북도 충청남도 전북특별자치도 전라남도 경상북도 경상남도 제주특별자치도 수원시 성남시 고양시 용인시 부천시 "
    "안산시 안양시 남양주시 화성시 평택시 의정부시 시흥시 파주시 김포시 광명시 광주시 군포시 하남시 오산시 이천시 "
    "안성시 의왕시 양주시 포천시 여주시 동두천시 과천시 가평군 양평군 연천군 춘천시 원주시 강릉시 동해시 태백시 "
    "속초시 삼척시 홍천군 횡성군 영월군 평창군 정선군 철원군 청주시 충주시 제천시 보은군 옥천군 영동군 진천군 "
    "천안시 공주시 보령시 아산시 서산시 논산시 계룡시 당진시 홍성군 예산군 전주시 군산시 익산시 정읍시 남원시 "
    "김제시 완주군 목포시 여수시 순천시 나주시 광양시 담양군 해남군 영암군 무안군 포항시 경주시 김천시 안동시 "
    "구미시 영주시 영천시 상주시 문경시 경산시 칠곡군 울진군 창원시 진주시 통영시 사천시 김해시 밀양시 거제시 "
    "양산시 거창군 제주시 서귀포시 해운대구 수영구 달서구 수성구 연수구 남동구 유성구 서구 동구 중구 강남구 "
    "서초구 송파구 마포구 종로구 노원구"
).split()

SURNAMES = list("김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용")
_GIVEN = list("민서준지현우도윤하은수영진호성재동경승태상혁정원희연미숙자순옥철석훈기광용규덕종명주헌선아나라예채유다인소환욱범찬근")
TITLES_CITY = ["시장", "부시장", "군수", "구청장", "도지사", "행정부지사", "기획조정실장", "경제국장", "미래전략산업과장", "정책기획관"]
TITLES_STAFF = ["기획조정실장", "경제국장", "미래전략산업과장", "정책기획관", "대변인", "안전정책과장"]
TITLES_INST = ["원장", "이사장", "교수", "대표", "센터장", "소장", "본부장", "연구위원", "회장", "총장"]
_NATIONAL_INSTITUTIONS = [
    "과학기술정책연구원", "한국과학기술기획평가원", "한국개발연구원", "정보통신산업진흥원", "한국지능정보사회진흥원",
    "한국산업기술진흥원", "한국전자통신연구원", "한국과학기술연구원", "한국생산기술연구원", "국토연구원",
    "한국환경연구원", "한국교통연구원", "한국문화관광연구원", "한국보건사회연구원", "한국농촌경제연구원",
    "행정안전부", "과학기술정보통신부", "산업통상자원부", "국토교통부", "환경부", "중소벤처기업부", "문화체육관광부",
    "보건복지부", "농림축산식품부", "해양수산부", "교육부", "기상청", "소방청", "한국토지주택공사", "한국수자원공사",
    "한국전력공사", "한국관광공사", "국민건강보험공단", "한국산업단지공단", "한국은행", "대한상공회의소",
    "한국과학기술원", "포항공과대학교", "서울대학교", "부산대학교", "경북대학교", "전남대학교", "충남대학교",
]
_INST_PATTERNS = ["{c}테크노파크", "{c}문화재단", "{c}연구원", "{c}도시공사", "{c}관광공사", "{c}산업진흥원",
                  "{c}창조경제혁신센터", "{c}상공회의소", "{c}대학교", "{c}평생교육진흥원", "{c}복지재단", "{c}시설관리공단"]
TOPICS = ["스마트시티", "탄소중립", "4차 산업혁명", "인공지능", "관광 활성화", "청년 일자리", "재난안전", "디지털 전환",
          "저출산 대응", "지역균형발전", "도시재생", "수소경제", "문화예술", "노인 복지", "대중교통", "스마트 농업",
          "미세먼지 저감", "소상공인 지원", "평생교육", "해양관광"]
_EVENT_NOUNS = ["세미나", "포럼", "토론회", "심포지엄", "박람회", "착수보고회", "설명회", "워크숍", "컨퍼런스", "축제"]
_POLICY_FORMS = ["{c} {t} 종합계획", "{t} 5개년 계획", "{t} 특별도시 조성 전략", "{c} {t} 로드맵", "{t} 지원사업",
                 "{t} 활성화 기본계획"]
_OUTLETS = ["경기티비종합뉴스", "뉴스스텝", "환경포커스", "지역일보", "한빛뉴스", "남도매일", "영남신문", "충청투데이뉴스",
            "강원인뉴스", "시민타임즈"]
_QUOTES = [
    "이번 협력이 지역 발전의 새로운 전기가 될 것으로 기대한다",
    "시민이 체감할 수 있는 성과를 만들어 가겠다",
    "관계 기관과 긴밀히 협력해 차질 없이 추진하겠다",
    "지역의 강점을 살린 모델을 만들어 전국에 확산하겠다",
    "현장의 목소리를 정책에 적극 반영하겠다",
    "미래 세대를 위한 투자를 아끼지 않겠다",
]


@dataclass
class Material:
    """The sentence pools and name lists articles are made from."""

    sentences: list[str]
    cities: list[str]
    sources: list[str]


def _split_sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line[:1] in "•·▲△▶-*※[":  # widget items, bullets, captions
            continue
        for s in _SENT_SPLIT.split(line):
            s = s.strip()
            if 15 <= len(s) <= 300 and _HANGUL.search(s) and s[-1] in ".다\"”’'":
                out.append(s)
    return out


def _seed_sentences(seeds_dir: Path) -> list[str]:
    out: list[str] = []
    for p in sorted(seeds_dir.glob("*.txt")):
        for s in _split_sentences(p.read_text(encoding="utf-8")):
            if s not in out:
                out.append(s)
    return out


def _klue_sentences(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return [r["text"].strip() for r in rows if r.get("text") and 15 <= len(r["text"].strip()) <= 300]


def _wikinews_sentences(path: Path) -> list[str]:
    csv.field_size_limit(1 << 30)
    out: list[str] = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.extend(_split_sentences(row.get("내용") or ""))
    return out


def _gazetteer_cities() -> list[str]:
    """Official names of local governments from kg/data/gazetteer.csv (any column called name/official_name)."""
    try:
        from kg.resources import data_file

        path = data_file("gazetteer.csv")
    except (FileNotFoundError, ModuleNotFoundError):
        return []
    names: list[str] = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        col = next((c for c in (reader.fieldnames or []) if c in ("name", "official_name", "full_name", "이름", "명칭")), None)
        if col is None:
            return []
        for row in reader:
            if (row.get("valid_to") or "").strip() or (row.get("is_local_government") or "true").lower() == "false":
                continue  # a unit that no longer exists, or not a local government
            n = (row.get(col) or "").strip()
            if n and n[-1] in "시군구도" and n not in names and " " not in n:
                names.append(n)
    return names


def load_material(seeds_dir: Path | None = None, shared: Path | None = SHARED) -> Material:
    """Read the sentence pools: the seeds always, the shared corpora when ``shared`` exists."""
    seeds_dir = seeds_dir or REPO / "seeds"
    sentences = _seed_sentences(seeds_dir)
    sources = [f"seeds ({len(sentences)} sentences)"]
    if shared is not None:
        klue = shared / "data" / "klue-news-sentences" / "klue_news_sentences.tsv"
        wiki = shared / "data" / "wikinews-ko" / "wikinews.csv"
        if klue.exists():
            ks = _klue_sentences(klue)
            sentences += ks
            sources.append(f"{klue} ({len(ks)} sentences)")
        if wiki.exists():
            ws = _wikinews_sentences(wiki)
            sentences += ws
            sources.append(f"{wiki} ({len(ws)} sentences)")
    cities = _gazetteer_cities() or list(_FALLBACK_CITIES)
    return Material(sentences=sentences, cities=cities, sources=sources)


def _short(city: str) -> str:
    """포항시 -> 포항, 경상북도 -> 경상북도 (a short form that keeps the name recognisable)."""
    for suf in ("특별자치시", "특별자치도", "특별시", "광역시"):
        if city.endswith(suf):
            return city[: -len(suf)]
    if len(city) > 2 and city[-1] in "시군구" and not city.endswith("도"):
        return city[:-1]
    return city


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)


def institution_name(rng: random.Random, city: str) -> str:
    if rng.random() < 0.4:
        return rng.choice(_NATIONAL_INSTITUTIONS)
    return rng.choice(_INST_PATTERNS).format(c=_short(city))


class _Article:
    """Builds one article from (material, rng)."""

    def __init__(self, m: Material, rng: random.Random, i: int):
        self.m, self.rng, self.i = m, rng, i
        r = rng
        self.city = r.choice(m.cities)
        self.city2 = r.choice(m.cities)
        self.mayor = person_name(r)
        self.official = person_name(r)
        self.head = person_name(r)
        self.inst = institution_name(r, self.city)
        self.inst2 = institution_name(r, self.city2)
        self.topic = r.choice(TOPICS)
        self.event = f"{self.topic} {r.choice(_EVENT_NOUNS)}"
        self.policy = r.choice(_POLICY_FORMS).format(c=_short(self.city), t=self.topic)
        self.published = date(2015, 1, 1) + timedelta(days=r.randrange(11 * 365))
        self.day = max(1, self.published.day - r.randrange(0, 6))
        self.outlet = r.choice(_OUTLETS)
        self.reporter = person_name(r)

    def _t(self, text: str) -> str:
        r = self.rng
        return _josa(text.format(
            city=self.city, city2=self.city2, mayor=self.mayor, official=self.official, head=self.head,
            inst=self.inst, inst2=self.inst2, topic=self.topic, event=self.event, policy=self.policy,
            d=self.day, n=r.choice([20, 30, 50, 70, 100, 150, 200]), title=_head_title(self.city),
            otitle=r.choice(TITLES_STAFF), ititle=r.choice(TITLES_INST), quote=r.choice(_QUOTES),
            quote2=r.choice(_QUOTES), short=_short(self.city), venue=r.choice(["시청 대회의실", "상황실", "컨벤션센터", "문화예술회관", "청사 중회의실"]),
        ))

    def lead(self) -> str:
        return self._t(self.rng.choice([
            "{city}({title} {mayor})[는] 지난 {d}일 {venue}에서 {inst}[와] '{topic}' 분야 업무협약을 체결했다고 밝혔다.",
            "{city}[는] {d}일 {venue}에서 '{event}'[를] 개최했다고 밝혔다.",
            "{city}[와] {inst}[가] '{policy}' 추진을 위해 손을 잡았다.",
            "{city}[가] '{policy}'[을] 수립하고 본격적인 추진에 나선다.",
        ]))

    def template_sentences(self) -> list[str]:
        pool = [
            "이날 행사에는 {mayor} {short}{title}[을] 비롯해 {inst}, {inst2} 관계자 등 {n}여 명이 참석했다.",
            "{official} {city} {otitle}[은] \"{quote}\"라고 말했다.",
            "{head} {inst} {ititle}[은] \"{quote}\"며 \"{quote2}\"고 강조했다.",
            "{city}[는] 이번 협약을 계기로 '{policy}'[을] 본격 추진할 계획이다.",
            "양 기관은 {topic} 분야 공동연구와 인력 교류, 정보 공유에 협력하기로 했다.",
            "{city}[와] {city2}[는] {topic} 분야에서 상호 협력하기로 뜻을 모았다.",
            "이번 '{event}'[는] {inst}[가] 주관하고 {city}[가] 후원했다.",
            "{mayor} {short}{title}[은] \"{quote}\"고 밝혔다.",
            "한편 {city}[는] 지난해 '{topic} 특별도시'를 선언한 바 있다.",
            "{inst2}[는] {city}[와] 함께 {topic} 관련 시범사업을 추진하고 있다.",
        ]
        k = self.rng.randint(3, 6)
        return [self._t(s) for s in self.rng.sample(pool, k)]

    def filler(self, k: int) -> list[str]:
        r, m = self.rng, self.m
        out = []
        for _ in range(k):
            s = r.choice(m.sentences)
            out.append(_recast_cities(s, m.cities, r))
        return out

    def build(self, page: bool = False) -> dict:
        r = self.rng
        n_total = r.randint(8, 20)
        templ = self.template_sentences()
        body = [self.lead()] + self.filler(max(0, n_total - 1 - len(templ)))
        for s in templ:  # keep the lead first, scatter the rest
            body.insert(r.randint(1, len(body)), s)
        title = self._t(r.choice([
            "{city}, '{policy}' 본격 추진", "{city}·{inst} '{topic}' 업무협약 체결", "{city}, '{event}' 성황리 개최",
            "\"{topic} 선도도시로\"…{city} 팔 걷었다", "{short} {topic} 청사진 나왔다",
        ]))
        stamp = f"{self.published.isoformat()} {r.randrange(7, 20):02d}:{r.randrange(60):02d}"
        region = _short(self.city)
        paras, j = [], 0
        while j < len(body):
            step = r.randint(1, 3)
            paras.append(" ".join(body[j : j + step]))
            j += step
        paras[0] = f"[{self.outlet}={region}] " + paras[0] if r.random() < 0.5 else paras[0]
        style = r.randrange(4)
        head: list[str] = []
        tail: list[str] = []
        if style == 0:
            head = [f"{self.reporter} 기자 / 기사승인 : {stamp}:{r.randrange(60):02d}"]
            tail = [f"[저작권자ⓒ {self.outlet}. 무단전재-재배포 금지]", "", "최신뉴스", "", self._sidebar()]
        elif style == 1:
            head = ["관련링크", "페이지 정보", f"작성일{self.published.strftime('%y-%m-%d')} {stamp[-5:]} 조회{r.randrange(100, 9999):,}회본문"]
        elif style == 2:
            head = ["-", "기사 스크랩", "-", "공유", "-", "댓글", "-", "프린트"]
            tail = [f"{region}={self.reporter} 기자 reporter{self.i % 97}@example.com"]
        else:
            head = [f"입력 {stamp}", f"{self.reporter} 기자"]
            tail = ["", "모바일 버전으로 보기"]
        widget = ""
        if style == 3 and r.random() < 0.5:
            widget = f"{self.published.strftime('%Y.%m.%d')}\n\n기상청 제공\n" + "\n".join(
                f"  • 흐림{c}{r.randrange(150, 300) / 10}℃" for c in r.sample(self.m.cities, 5)) + "\n\n"
        if page:  # the whole scraped page: widgets, share buttons, sidebar
            text = widget + "\n".join(head) + "\n\n" + "\n\n".join(paras) + "\n\n" + "\n".join(tail) + "\n"
        else:  # an export's body: byline, paragraphs, the copyright or e-mail line
            foot = [t for t in tail[:1] if "기자" in t or "저작권" in t]
            text = f"{self.reporter} 기자\n\n" + "\n\n".join(paras) + ("\n\n" + foot[0] if foot else "") + "\n"
        return {
            "id": f"synth-{self.i:07d}",
            "title": title,
            "date": self.published.isoformat(),
            "outlet": self.outlet,
            "reporter": self.reporter,
            "url": f"https://news.example.org/{self.outlet}/{self.i}",
            "text": text,
        }

    def _sidebar(self) -> str:
        c = self.rng.choice(self.m.cities)
        return f"{c}, {self.rng.choice(TOPICS)} 추진상황 보고회 개최\n\n" + self.rng.choice(self.m.sentences)


_JOSA = re.compile(r"(.)\[(은|는|이|가|을|를|와|과)\]")
_PAIRS = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"), "을": ("을", "를"),
          "를": ("을", "를"), "와": ("과", "와"), "과": ("과", "와")}


def _has_final(ch: str) -> bool:
    if "가" <= ch <= "힣":
        return (ord(ch) - 0xAC00) % 28 != 0
    return ch in "0136780LMNRlmnr"  # digits/letters read with a final consonant


def _josa(text: str) -> str:
    """Resolve particle markers: ``포항시[는]`` -> 포항시는, ``연구원[는]`` -> 연구원은 (after ' or " too)."""

    def sub(mo: re.Match) -> str:
        prev = mo.group(1)
        base = prev
        if prev in "'\"’”" and mo.start() > 0:
            base = text[mo.start() - 1]
        elif prev == ")" and "(" in text[: mo.start()]:
            k = text.rfind("(", 0, mo.start())
            base = text[k - 1] if k > 0 else prev
        with_final, without = _PAIRS[mo.group(2)]
        return prev + (with_final if _has_final(base) else without)

    return _JOSA.sub(sub, text)


def _head_title(city: str) -> str:
    if city.endswith("도"):
        return "도지사"
    if city.endswith("군"):
        return "군수"
    if city.endswith("구") and not city.endswith("광역시"):
        return "구청장"
    return "시장"


_CITY_RE_CACHE: dict[int, re.Pattern] = {}


def _recast_cities(sentence: str, cities: list[str], rng: random.Random) -> str:
    """Replace each local-government name in a real sentence by a random one with the same last syllable."""
    pat = _CITY_RE_CACHE.get(id(cities))
    if pat is None:
        names = sorted({c for c in cities if len(c) >= 3}, key=len, reverse=True)
        pat = _CITY_RE_CACHE[id(cities)] = re.compile("|".join(map(re.escape, names)))
    by_suffix = _by_suffix(cities)

    def sub(mo: re.Match) -> str:
        same = by_suffix.get(mo.group(0)[-1])
        return rng.choice(same) if same else mo.group(0)

    return pat.sub(sub, sentence)


_SUFFIX_CACHE: dict[int, dict[str, list[str]]] = {}


def _by_suffix(cities: list[str]) -> dict[str, list[str]]:
    d = _SUFFIX_CACHE.get(id(cities))
    if d is None:
        d = {}
        for c in cities:
            if len(c) >= 3:
                d.setdefault(c[-1], []).append(c)
        _SUFFIX_CACHE[id(cities)] = d
    return d


def iter_records(n: int, seed: int = 0, material: Material | None = None, start: int = 0, *,
                 page: bool = False) -> Iterator[dict]:
    """Yield article records ``start .. start+n-1``; record ``i`` depends only on ``(seed, i)``.

    ``text`` is an export's body (byline, paragraphs, copyright line) or, with ``page=True``, the whole scraped
    page below the title (date/byline block in one of four house styles, share widgets, weather widget, sidebar).
    """
    m = material or load_material()
    if not m.sentences:
        raise ValueError("no sentence material: the seeds folder is empty or missing")
    for i in range(start, start + n):
        yield _Article(m, random.Random(f"{seed}:{i}"), i).build(page)


def write_corpus(path: str | Path, n: int, seed: int = 0, material: Material | None = None) -> Path:
    """Stream ``n`` articles to ``path`` as JSON Lines (written to a temporary name, then renamed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as f:
        for rec in iter_records(n, seed, material):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def page_text(rec: dict) -> str:
    """A record as a scraped page in the seeds' form: the title line, then the page."""
    return rec["title"] + "\n\n" + rec["text"]


def write_txt_folder(folder: str | Path, n: int, seed: int = 0, material: Material | None = None) -> Path:
    """Write ``n`` articles as ``folder/<id>.txt`` pages (the seeds' scraped form)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for rec in iter_records(n, seed, material, page=True):
        (folder / f"{rec['id']}.txt").write_text(page_text(rec), encoding="utf-8")
    return folder


def perturb_corpus(src: str | Path, dst: str | Path, fraction: float = 0.01, seed: int = 1) -> int:
    """Copy a JSONL corpus, changing one sentence-sized line in ``fraction`` of the articles; return how many changed."""
    rng = random.Random(seed)
    changed = 0
    dst = Path(dst)
    tmp = dst.with_name(dst.name + ".part")
    with Path(src).open(encoding="utf-8") as fi, tmp.open("w", encoding="utf-8") as fo:
        for line in fi:
            if rng.random() < fraction:
                rec = json.loads(line)
                rec["text"] = rec["text"].rstrip("\n") + f"\n\n{person_name(rng)} 기자가 {rng.choice(TOPICS)} 관련 후속 보도를 준비하고 있다.\n"
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                changed += 1
            fo.write(line)
    tmp.replace(dst)
    return changed


def main(argv: list[str] | None = None) -> None:
    """``python -m kg.corpus OUT N [--seed S] [--txt]``: write a synthetic corpus."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m kg.corpus", description=main.__doc__,
                                 epilog="Example: python -m kg.corpus bench-out/corpus-1000.jsonl 1000 --seed 7")
    ap.add_argument("out", help="output file (JSONL) or folder (--txt)")
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--txt", action="store_true", help="write a folder of .txt pages instead of JSONL")
    a = ap.parse_args(argv)
    m = load_material()
    print("material:", "; ".join(m.sources), f"; {len(m.cities)} city names")
    (write_txt_folder if a.txt else write_corpus)(a.out, a.n, a.seed, m)


if __name__ == "__main__":
    main()
