"""Extraction pipeline: Article -> Doc with entities and relations (``extract``). Pure and stateless.

Stages (each a small module): sentences (kg.sentences) -> Kiwi tokens and words (kg.tokenize, kg.words)
-> mentions (kg.find_cities, kg.find_officials, kg.find_institutions, kg.find_events, kg.find_policies)
-> entities (kg.resolve) -> relations (kg.relations) -> themes (kg.themes) -> IRIs (kg.iris).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg import iris
from kg.dates import find_dates
from kg.evidence import is_caption, place_evidence
from kg.find_cities import find_cities
from kg.find_events import find_events
from kg.find_institutions import find_institutions
from kg.find_officials import find_officials
from kg.find_policies import find_policies
from kg.model import Article, Doc, Entity, Mention, Relation
from kg.policy_relations import policy_relations
from kg.relations import _Ctx, _rel, event_relations, holds_role, main_city, roles_taken, sentence_partners
from kg.resolve import (resolve_cities, resolve_events, resolve_institutions, resolve_officials,
                        resolve_policies)
from kg.sentences import split_sentences
from kg.themes import article_themes, strong_themes, theme_hits
from kg.words import analyse_sentences


@lru_cache(maxsize=1)
def _gazetteer():
    from kg.gazetteer import Gazetteer

    return Gazetteer.load()


_BYLINE = re.compile(r"\s+(?:[가-힣A-Za-z0-9]{2,8}\s+)?[가-힣]{2,4}\s*(?:기자|특파원|통신원)(?![가-힣])")
_TEAM_AFTER = re.compile(r"\s*(?:소속|팀|선수|감독|코치|실업팀)(?![가-힣])")
ERA_NOUNS = ("때", "시대", "시절", "대왕", "임금", "치세", "재위")


def _common_word(sents, m: Mention) -> bool:
    """A bare short form Kiwi reads as a common noun or verb in its sentence ("주인공의 연기가", "국민 청원이"),
    or a king's name before an era noun ("세종 때"), is not a local government."""
    if m.attrs.get("form") != "short" and not m.attrs.get("weak") or m.sentence < 0:
        return False
    s = sents[m.sentence]
    rel = m.start - s.start
    for k, t in enumerate(s.tokens):
        if t.start == rel:
            if t.tag != "NNP" and t.form == m.text:
                return True
            nxt = s.tokens[k + 1] if k + 1 < len(s.tokens) else None
            return nxt is not None and nxt.form in ERA_NOUNS and nxt.start == t.end + 1
    return False


def _cities(doc: Doc, sents) -> list[Mention]:
    a = doc.article
    spans = [(s.start, s.end) for s in doc.sentences]
    out = []
    for m in find_cities(a.text, spans, a.published, gazetteer=_gazetteer(), weak_candidates=True):
        if m.attrs.get("context") in ("dateline", "prefix-of-noun") or not m.attrs.get("name"):
            continue
        if m.attrs.get("local_government") is False:
            continue
        m.sentence = doc.sentence_of(m.start)
        if _common_word(sents, m) or _BYLINE.match(a.text, m.end):
            continue  # "부산 홍길동 기자": the reporter's bureau, not a City of the story
        if m.attrs.get("form") == "office" and (_TEAM_AFTER.match(a.text, m.end) or
                                                a.text[m.start - 1:m.start] == "(" and a.text[m.end:m.end + 1] == ")"):
            continue  # "홍길동(서울시청)", "인천시청 소속 선수": a city's sports team, not the government
        out.append(m)
    # "부산 해운대구", "경남 창원시": the first names the second's parent; it qualifies, it does not act
    for x, y in zip(out, out[1:]):
        if 0 < y.start - x.end <= 1 and y.attrs.get("parent_code5") and y.attrs.get("parent_code5") == x.attrs.get(
                "code5") or (0 < y.start - x.end <= 1 and y.attrs.get("parent_code5") and
                             y.attrs.get("parent") and x.attrs.get("name") == y.attrs.get("parent")):
            x.attrs["qualifier"] = True
    return out


_CREDIT_BEFORE = re.compile(r"(?:[=©ⓒ]|\(c\)|\(C\)|사진|자료|출처)\s*[:：]?\s*$")
_CREDIT_AFTER = re.compile(r"^\s*\)")


_MEDIA_KINDS = ("newspaper", "news agency", "broadcaster")
_BOILER = re.compile(r"저작권자|무단\s*전재|재배포|Copyright|ⓒ|©|구독|제보하기")
_BYLINE_AFTER = re.compile(r"\s*(?:[가-힣]{2,6}\s+){0,2}[가-힣]{2,4}\s*(?:기자|특파원|통신원|PD)(?![가-힣])")


def _place_dateline(text: str, m: Mention) -> bool:
    """"광주 연합뉴스 1일 오후 …": a place then the outlet at the start of a line or sentence."""
    mm = re.search(r"(?:^|\n|\s\s|[.!?]\s)([가-힣]{2,4})\s+$", text[max(0, m.start - 12):m.start])
    return bool(mm) and mm.group(1) in _gazetteer()


def _credit(text: str, m: Mention) -> bool:
    """A news outlet in a dateline, a byline or a credit ("(세종=뉴스1)", "연합뉴스 홍길동 기자", "© 연합뉴스",
    "KBS 화면 캡처", "…제공 연합뉴스", "저작권자 … 무단전재") is not an entity of the story."""
    before = text[max(0, m.start - 8):m.start]
    after = text[m.end:m.end + 6]
    if m.attrs.get("kind") in _MEDIA_KINDS and (
            _BYLINE_AFTER.match(text, m.end) or _BOILER.search(text[max(0, m.start - 40):m.end + 40]) or
            re.search(r"제공\s*$", before) or _place_dateline(text, m)):
        return True
    return bool(_CREDIT_BEFORE.search(before) or (_CREDIT_AFTER.match(after) and
                                                  re.search(r"[=(]\s*$", before)) or
                re.match(r"^\s*(?:제공\s*(?:[)\]]|$)|DB\b|자료사진|화면\s*캡처|캡처)", after))


def extract(article: Article) -> Doc:
    """Entities and relations of one article (offsets into ``article.text``)."""
    doc = Doc(article)
    split_sentences(doc)
    sents = analyse_sentences(doc.sentences)
    cities_m = _cities(doc, sents)
    officials_m = find_officials(sents)
    insts_m = [m for m in find_institutions(sents, cities_m, officials_m) if not _credit(article.text, m)
               and (m.attrs.get("name") or m.text) not in _gazetteer()]  # "서울시" (교육감) is a City, never an Institution
    offices = [(m.start, m.end) for m in insts_m if m.attrs.get("city_prefix")]
    if offices:  # "울산 남부경찰서": the city names the office, it does not act
        cities_m = [c for c in cities_m if not any(a <= c.start and c.end <= b for a, b in offices)]
    events_m = find_events(sents, article.published, insts_m)
    policies_m = find_policies(sents)
    doc.mentions = sorted(cities_m + officials_m + insts_m + events_m + policies_m, key=lambda m: m.start)

    cities = resolve_cities(cities_m)
    officials = resolve_officials(officials_m)
    insts = resolve_institutions(insts_m)
    events = resolve_events(events_m, insts)
    policies = resolve_policies(policies_m, [m.text for m in cities_m] + [c.name for c in cities])
    ment_ent: dict[int, Entity] = {}
    for e in cities + officials + insts + events + policies:
        for m in e.mentions:
            ment_ent[id(m)] = e
    _alias_mentions(sents, insts, ment_ent, doc)
    ctx = _Ctx(sents, ment_ent, [m for e in cities + officials + insts + events + policies for m in e.mentions])
    main = main_city(cities, ctx)
    if main is not None and _city_backrefs(sents, main, ment_ent, doc):
        ctx = _Ctx(sents, ment_ent, [m for e in cities + officials + insts + events + policies for m in e.mentions])
    rels: list[Relation] = []
    holds_role(officials, cities, insts, main, sents, rels)
    roles_taken(officials, ctx, rels)
    event_relations(events, ctx, officials, cities, main, rels)
    sentence_partners(ctx, rels)
    policy_relations(policies, ctx, cities, main, rels)
    themes = _themes(doc, sents, events, policies, rels)

    for e in cities:
        e.iri = iris.city_iri(e.attrs["code5"])
    for e in officials:
        e.iri = iris.official_iri(e.name)
    for e in insts:
        e.iri = iris.institution_iri(e.name)
    city_forms = [f for c in cities for f in [c.name] + c.aliases + [m.text for m in c.mentions]]
    for e in policies:
        e.iri = iris.policy_iri(e.name, city_forms)
    _event_dates(events, sents, article)
    for e in events:
        code = main.attrs["code5"] if main is not None else None
        e.iri = iris.event_iri(e.name, e.attrs.get("kind"), e.attrs.get("date"), code, e.attrs.get("quoted", False))
    for e in themes:
        e.iri = iris.theme_iri(e.name)
    ents = _merge_same_iri(cities + officials + insts + events + policies + themes, rels)
    for r in rels:  # theme facts: evidence is the first sentence of the event or policy
        if r.sentence < 0 and r.subject.mentions:
            i = min(m.sentence for m in r.subject.mentions if m.sentence >= 0) if any(
                m.sentence >= 0 for m in r.subject.mentions) else -1
            if i >= 0:
                r.sentence, r.start, r.end = i, doc.sentences[i].start, doc.sentences[i].end
    doc.entities = ents
    doc.relations = _dedupe(rels)
    place_evidence(doc, doc.relations)
    return doc


def _merge_same_iri(ents: list[Entity], rels: list[Relation]) -> list[Entity]:
    """One entity per IRI in a Doc: a later entity with the same IRI joins the first (mentions, aliases)."""
    first: dict[str, Entity] = {}
    out = []
    alias_of: dict[int, Entity] = {}
    for e in ents:
        f = first.get(e.iri)
        if f is None or f.type != e.type:
            first[e.iri] = e
            out.append(e)
            continue
        f.mentions.extend(e.mentions)
        for a in [e.name] + e.aliases:
            f.add_alias(a)
        alias_of[id(e)] = f
    if alias_of:
        for r in rels:
            r.subject = alias_of.get(id(r.subject), r.subject)
            r.object = alias_of.get(id(r.object), r.object)
        rels[:] = [r for r in rels if r.subject is not r.object]
    return out


def _event_dates(events: list[Entity], sents, article: Article) -> None:
    """An event without its own date happened on the last date written before it ("7일 출범했다 … 이날 오후")."""
    if article.published is None:
        return
    dated = []
    for s in sents:
        ds = find_dates(s.text, article.published)
        if ds:
            dated.append((s.start, ds[0][2].isoformat()))
    for e in events:
        if e.attrs.get("date"):
            continue
        first = min(m.start for m in e.mentions)
        before = [d for st, d in dated if st <= first]
        if before:
            e.attrs["date"] = before[-1]
        elif dated:  # named first in the title or subtitle: the day the body gives
            e.attrs["date"] = dated[0][1]


BACKREF_LEVELS = {"시": ("city", "metropolitan"), "도": ("province",), "구": ("district",), "군": ("county",)}
BACKREF_JOSA = frozenset("은 는 이 가 을 를 와 과 의 에 에서 에서는 로 으로 와의 과의 에게 도".split())


def _city_backrefs(sents, main: Entity, ment_ent: dict[int, Entity], doc: Doc) -> bool:
    """"시는", "구는", "시를 주축으로": the article's own local government referred to by its level noun."""
    added = False
    levels = None
    for s in sents:
        for k, w in enumerate(s.words):
            levels = BACKREF_LEVELS.get(w.core)
            if not levels or main.attrs.get("level") not in levels or w.josa not in BACKREF_JOSA:
                continue
            if w.lead or (k > 0 and (s.words[k - 1].core[-1:].isdigit() or s.words[k - 1].core in ("각", "전", "시"))):
                continue
            m = Mention("City", w.core, w.cs, w.ce, s.i, "backref", {"name": main.name, "context": "backref",
                                                                     "code5": main.attrs.get("code5")})
            main.mentions.append(m)
            ment_ent[id(m)] = main
            doc.mentions.append(m)
            added = True
    return added


def _alias_mentions(sents, insts: list[Entity], ment_ent: dict[int, Entity], doc: Doc) -> None:
    """Later mentions of an institution by its abbreviation or short name ("LH는", "KAIST는")."""
    forms = {}
    for e in insts:
        for a in [e.name] + e.aliases:
            if len(a) >= 2:
                forms[a] = e
    taken = sorted((m.start, m.end) for m in doc.mentions if m.type in ("Institution", "City", "Official"))
    for s in sents:
        for w in s.words:
            e = forms.get(w.core)
            if e is None or any(a < w.ce and w.cs < b for a, b in taken):
                continue
            m = Mention("Institution", w.core, w.cs, w.ce, s.i, "alias", {"name": e.name, "kind": e.attrs.get("kind")})
            if _credit(doc.article.text, m):
                continue
            e.mentions.append(m)
            ment_ent[id(m)] = e
            doc.mentions.append(m)


def _masked(doc: Doc, sents) -> list[str]:
    """Sentence texts with organisation names blanked: "…교육문화정보원" is not a cue of Education."""
    out = []
    spans: dict[int, list[tuple[int, int]]] = {}
    for m in doc.mentions:
        if m.type == "Institution" and m.sentence >= 0:
            spans.setdefault(m.sentence, []).append((m.start, m.end))
    for s in sents:
        t = list(s.text)
        for a, b in spans.get(s.i, []):
            for k in range(max(a, s.start), min(b, s.end)):
                t[k - s.start] = " "
        out.append("".join(t))
    return out


def _in_speech(s, m: Mention) -> bool:
    from kg.find_phrases import is_speech, quote_spans

    return any(a <= m.start < b and is_speech(inner) for a, b, inner in quote_spans(s))


def _themes(doc: Doc, sents, events: list[Entity], policies: list[Entity], rels: list[Relation]) -> list[Entity]:
    masked = _masked(doc, sents)
    ts = doc.article.title_span
    body_idx = [s.i for s in sents if not (ts and ts[0] <= s.start < ts[1]) and not is_caption(s.text)]
    lead = masked[body_idx[0]] if body_idx else ""
    captions = {s.i for s in sents if is_caption(s.text)}
    title_idx = [s.i for s in sents if ts and ts[0] <= s.start < ts[1]]
    title = " ".join(masked[i] for i in title_idx) if title_idx else (doc.article.title or "")
    keep = article_themes(masked, title, lead, skip=captions)
    ents = {t: Entity("Theme", t) for t in sorted(keep)}
    main_event = events[0] if len(events) == 1 else None

    def get(t):
        if t not in ents:
            ents[t] = Entity("Theme", t)
        return ents[t]

    for ev in events:
        own = sorted({m.sentence for m in ev.mentions if m.sentence >= 0 and not _in_speech(sents[m.sentence], m)})
        own_sents = [masked[i] for i in own]
        own_text = "\n".join(own_sents)
        # the event's name, the article's themes written in its sentences, and strong cues there ("‘스마트제조’ 강의")
        found = set(theme_hits(ev.name)) | (set(theme_hits(own_text)) & keep) | strong_themes(own_text)
        if ev is main_event and (any(m.sentence in title_idx for m in ev.mentions) or
                                 any(r.type in ("organizedBy", "participant") and r.subject is ev for r in rels)):
            found |= keep  # the article is the story of its one event (in the headline, named again, organised)
        elif ev is main_event:  # else only the article's themes its title or its passage names
            found |= keep & (set(theme_hits(title)) | set(theme_hits(own_text)) |
                             set(theme_hits("\n".join(masked[i] for i in _referring(sents, own)))))
        for t in sorted(found):
            _rel(rels, "hasTheme", ev, get(t), None, "cue", 0.6)
    policy_sents: dict[int, int] = {}
    for p in policies:
        for i in {m.sentence for m in p.mentions}:
            policy_sents[i] = policy_sents.get(i, 0) + 1
    for p in policies:
        own = set(theme_hits(p.name))
        found = set(own)
        m0 = p.mentions[0]
        if policy_sents.get(m0.sentence, 0) <= 1 or not own:
            # the sentence's cues, outside the names of other entities written in it
            s = sents[m0.sentence]
            text = s.text
            for e in doc_entities_in(s, p, events, policies):
                text = text.replace(e, " ")
            found |= set(theme_hits(text))
        for t in sorted(found):
            if t in keep or t in own:  # a passing cue in the sentence must also be a theme of the article
                _rel(rels, "targets", p, get(t), None, "cue", 0.6)
    return list(ents.values())


_REFER = re.compile(r"^\W*(?:이번|이날|이|해당|본|같은)\s*(?:행사|자리|회의|세미나|포럼|협약|선언|선언문|협약식|선언식|"
                    r"간담회|토론회|설명회|출범식|발족식|대회|축제|교육|과정|프로그램|모임|워크숍|심포지엄)")


def _referring(sents, own: list[int]) -> list[int]:
    """Sentences right after the event's own that refer back to it ("이번 행사는 …", "이 자리에서 …")."""
    out = []
    for i in own:
        j = i + 1
        while j < len(sents) and j not in own and _REFER.search(sents[j].text) and len(out) < 4:
            out.append(j)
            j += 1
    return out


def doc_entities_in(s, p: Entity, events: list[Entity], policies: list[Entity]) -> list[str]:
    """Surfaces of other events and policies written in sentence ``s`` (their cues are theirs)."""
    out = []
    for e in events + policies:
        if e is p:
            continue
        for m in e.mentions:
            if m.sentence == s.i and m.text:
                out.append(m.text)
    return out


def _dedupe(rels: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in rels:
        k = (r.type, id(r.subject), id(r.object))
        if r.type == "partneredWith":
            k = (r.type,) + tuple(sorted((id(r.subject), id(r.object))))
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out
