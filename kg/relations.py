"""Relations between the entities of one article, from sentence structure. Pure.

Per sentence: the subject (entities marked with 은/는/이/가, and those coordinated before them with 와/과/,),
partners ("B와 함께", "B와 협약을"), and the predicate cues:

- organise (개최, 주최, 주관, 열다, 갖다, 마련, 창립) -> organizedBy(event, subject); a subject official is a
  participant and their organisation the organiser; "A는 B와 함께" makes B an organiser and A's partner;
- sign (체결, 맺다) -> participant(event, each signatory and their organisation), partneredWith between them;
- take part (참석, 참여, 참가, 동참, 강연, 강의, 발표, 서명, 비롯해, 기념촬영, 인사말) -> participant(event, each
  entity the participation verb governs: its subject or list, the agent of a talk, the head of "참석한 …"; never
  one in quotes, after the verb, in another clause, inside an official's title or an event's name, or a place;
  see kg.participation); a host is the subject of the hosting verb itself (kg.participation.owns_cue);
- heldIn: cities the event happens "에서", the city of a city-hall venue (시청, 집무실 …), else the organising city;
- holdsRoleIn from each official's role (adoptedBy is in kg.policy_relations);
- hasTheme / targets from theme cues in the name and the sentences of the event or policy.
"""
from __future__ import annotations

import re

from kg.find_terms import HEAD_TITLES
from kg.model import Entity, Mention, Relation
from kg.participation import clause_end, is_cue_word, linked, names_other_object, owns_cue
from kg.words import Sent, Word

ORGANISE = ("개최", "주최", "주관", "열", "갖", "가지", "마련", "창립", "발족", "출범", "진행", "가졌", "구성", "개막", "선언")
SIGN = ("체결", "맺", "협약")
TAKE_PART = ("참석", "참여", "참가", "동참", "강연", "강의", "발표", "서명", "비롯", "기념촬영", "촬영", "인사말", "축사",
             "함께하", "포함", "참관", "토론", "좌장", "주재", "낭독")
SUBJECT_JOSA = ("은", "는", "이", "가", "께서", "에서는", "도")
VENUE_OF_CITY = re.compile(r"(?:시청|도청|구청|군청|청사|집무실|상황실|회의실|대회의실|중회의실|소회의실|접견실|브리핑룸|시장실|의회)")


class _Ctx:
    def __init__(self, sents: list[Sent], ment_ent: dict[int, Entity], mentions: list[Mention]):
        self.sents = sents
        self.ment_ent = ment_ent
        self.by_sent: dict[int, list[Mention]] = {}
        for m in mentions:
            if id(m) in ment_ent and m.sentence >= 0:
                self.by_sent.setdefault(m.sentence, []).append(m)
        for v in self.by_sent.values():
            v.sort(key=lambda m: m.start)
        self.stems = [[p for p, _ in s.predicates] + _nominal_cues(s) for s in sents]
        self.finite = [any(t.tag.startswith(("EF", "EC", "ETM")) for t in s.tokens) for s in sents]
        self.role_spans: dict[int, list[tuple[int, int]]] = {}
        for m in mentions:
            if m.type == "Official" and m.attrs.get("role_span"):
                self.role_spans.setdefault(m.sentence, []).append(tuple(m.attrs["role_span"]))
        self.place_spans = [_place_span(s) for s in sents]

    def in_role(self, m: Mention) -> bool:
        return m.type != "Official" and any(a <= m.start and m.end <= b + 1 for a, b in self.role_spans.get(m.sentence, []))

    def in_place(self, m: Mention) -> bool:
        sp = self.place_spans[m.sentence] if 0 <= m.sentence < len(self.place_spans) else None
        return bool(sp) and sp[0] <= m.start < sp[1]

    def word_at(self, s: Sent, m: Mention) -> Word | None:
        """The word holding the end of the mention (its particle marks the mention's role)."""
        last = max(m.start, m.end - 1)
        for w in s.words:
            if w.start <= last < w.end:
                return w
        return None

    def josa(self, s: Sent, m: Mention) -> str:
        if m.type == "Official" and "josa" in m.attrs:
            return m.attrs["josa"]
        w = self.word_at(s, m)
        return w.josa if w is not None else ""

    def has(self, i: int, cues) -> str:
        for st in self.stems[i]:
            for c in cues:
                if st.startswith(c):
                    return c
        return ""


def _place_span(s: Sent):
    """(start, end) of the sentence's "…에서" place phrase (the words before it without particles)."""
    W = s.words
    for k, w in enumerate(W):
        if w.josa in ("에서", "에서는") and w.core and not w.verb:
            a = k
            while a > 0 and not W[a - 1].josa and not W[a - 1].verb and W[a].sep_before == " " and \
                    not re.match(r"^\d", W[a - 1].core) and not W[a - 1].trail:
                a -= 1
            return (W[a].cs, w.end)
    return None


_NOMINAL_CUES = ("개최", "참석", "참여", "참가", "체결", "기념촬영", "인사말", "서명", "주재", "주최", "주관", "비롯", "강의",
                 "강연", "동참", "발제", "축사")


def _nominal_cues(s: Sent) -> list[str]:
    """Cue words written as nouns inside words ("개최예정인", "참석한 가운데" are also verbs)."""
    out = []
    present = [c for c in _NOMINAL_CUES if c in s.text]  # a word's text and core are parts of the sentence's
    if present:
        for w in s.words:
            for c in present:
                if c in w.core or c in w.text:
                    out.append(c)
    if re.search(r"주제\s*발표|기조\s*발표|발제를|강연을|강의를", s.text):
        out.append("주제발표")
    return out


def _rel(out, typ, subj, obj, sent: Sent | None, cue, conf=0.8):
    if subj is None or obj is None or subj is obj:
        return
    s, e = (sent.start, sent.end) if sent else (-1, -1)
    out.append(Relation(typ, subj, obj, sent.i if sent else -1, s, e, conf, cue))


def subjects(ctx: _Ctx, s: Sent) -> list[tuple[Mention, Entity]]:
    """The subject entities of a sentence (first marked subject and the entities coordinated before it)."""
    ms = [m for m in ctx.by_sent.get(s.i, []) if ctx.ment_ent[id(m)].type in ("City", "Institution", "Official")
          and not m.attrs.get("qualifier")]
    for idx, m in enumerate(ms):
        w = ctx.word_at(s, m)
        if w is None or ctx.josa(s, m) not in SUBJECT_JOSA:
            continue
        if m.type != "Official" and m.end < w.ce - 1:
            continue
        group = [(m, ctx.ment_ent[id(m)])]
        j = idx - 1
        while j >= 0:
            p = ms[j]
            if ctx.in_role(p):
                j -= 1
                continue
            pw = ctx.word_at(s, p)
            if pw is None or ctx.ment_ent[id(p)] is group[-1][1] or ctx.ment_ent[id(p)].type == "Event":
                break
            j_ = ctx.josa(s, p)
            nxt_i = s.words.index(pw) + 1
            listed = j_ == "" and nxt_i < len(s.words) and s.words[nxt_i].sep_before not in (" ", "")
            if j_ not in ("와", "과") and not listed and not (j_ == "" and pw.trail.endswith(",")):
                break
            group.insert(0, (p, ctx.ment_ent[id(p)]))
            j -= 1
        return group
    return []


def partners_with(ctx: _Ctx, s: Sent) -> list[tuple[Mention, Entity]]:
    """Entities marked "와/과" that are followed by 함께/공동/협약/손잡 (the partners of the subject), with the
    entities listed before them ("A, B와 협약을")."""
    out = []
    words = s.words
    ms = [m for m in ctx.by_sent.get(s.i, []) if ctx.ment_ent[id(m)].type in ("City", "Institution")]
    for x, m in enumerate(ms):
        e = ctx.ment_ent[id(m)]
        w = ctx.word_at(s, m)
        if w is None or ctx.josa(s, m) not in ("와", "과", "와의", "과의", "와도", "과도") or ctx.in_role(m):
            continue
        k = words.index(w)
        clause = []
        for x2 in words[k + 1:k + 14]:  # up to the end of the clause
            clause.append(x2.core)
            if x2.verb and x2.core not in ("위한", "대한", "관한", "향한"):
                break
        if not re.search(r"함께|공동|협약|협력|손잡|맞손|MOU|업무협약|체결|맺", " ".join(clause)):
            continue
        out.append((m, e))
        y = x - 1
        while y >= 0:  # "라마대학교, 한국가나다연구원과"
            p = ms[y]
            pw = ctx.word_at(s, p)
            if pw is None or ctx.josa(s, p) or ctx.in_role(p):
                break
            nxt_w = words[words.index(pw) + 1] if words.index(pw) + 1 < len(words) else None
            if nxt_w is None or nxt_w.sep_before in (" ", "") and not pw.trail.endswith(","):
                break
            out.insert(0, (p, ctx.ment_ent[id(p)]))
            y -= 1
    return out


def holds_role(officials: list[Entity], cities: list[Entity], insts: list[Entity], main_city: Entity | None,
               sents: list[Sent], out: list[Relation]) -> None:
    for o in officials:
        targets = []
        for surface, a, b in o.attrs.get("orgs", []):
            for e in cities:
                if any(m.start < b and a < m.end for m in e.mentions) and e not in targets:
                    targets.append(e)
            # the most specific organisation written there ("한국전력공사 강원본부", not also 한국전력공사)
            best, best_len = None, 0
            for e in insts:
                for m in e.mentions:
                    if m.start < b and a < m.end and m.end - m.start > best_len:
                        best, best_len = e, m.end - m.start
            if best is not None and best not in targets:
                targets.append(best)
        if not targets:
            title = o.attrs.get("title", "")
            levels = HEAD_TITLES.get(title)
            if levels:
                sent_ids = {m.sentence for m in o.mentions}
                near = [c for c in cities if c.attrs.get("level") in levels and
                        any(m.sentence in sent_ids and m.attrs.get("context") != "title" for m in c.mentions)]
                if len(near) == 1:
                    targets.append(near[0])
                elif main_city is not None and main_city.attrs.get("level") in levels:
                    targets.append(main_city)
        # a department of a city: the person holds a post in both (the city first)
        aff = None
        for e in targets:
            if e.type == "City" and aff is None:
                aff = e
        for e in targets:
            if e.type == "Institution" and (aff is None or e.attrs.get("kind") not in ("city department",)):
                aff = e if aff is None or e.attrs.get("kind") != "city department" else aff
        o.attrs["affiliation"] = aff.name if aff else None
        sent = sents[o.mentions[0].sentence] if o.mentions and o.mentions[0].sentence >= 0 else None
        for e in targets:
            _rel(out, "holdsRoleIn", o, e, sent, "role", 0.9)
        o.attrs["targets"] = targets


_TAKES_ROLE = re.compile(r"^\s*\S*\s*(대표|회장|위원장|의장|단장|이사장|공동대표|상임대표|좌장)\S*\s*(?:\([^)]*\))?\s*(?:을|를|로|으로)?\s*맡")


def roles_taken(officials: list[Entity], ctx: _Ctx, out: list[Relation]) -> None:
    """"홍길동 가나시장이 대표를 맡는다": a post in the organisation the passage is about."""
    for o in officials:
        for m in o.mentions:
            if m.sentence < 0:
                continue
            s = ctx.sents[m.sentence]
            end = (m.attrs.get("role_span") or (m.start, m.end))[1]
            mm = _TAKES_ROLE.match(s.text[end - s.start:])
            if not mm:
                continue
            org = None
            for i in (m.sentence, m.sentence - 1, m.sentence - 2):
                if i < 0:
                    continue
                for om in reversed(ctx.by_sent.get(i, [])):
                    e = ctx.ment_ent[id(om)]
                    if e.type == "Institution" and ctx.josa(ctx.sents[i], om) in ("은", "는", "이", "가") and \
                            not ctx.in_role(om):
                        org = e
                        break
                if org:
                    break
            if org is not None:
                _rel(out, "holdsRoleIn", o, org, s, "맡다", 0.6)


def main_city(cities: list[Entity], ctx: _Ctx) -> Entity | None:
    """The local government the article is about: most mentions as itself (not inside a title or a
    city-hall name), subjects counting double; ties go to the first mentioned."""
    if not cities:
        return None

    def score(e: Entity):
        own = [m for m in e.mentions if m.attrs.get("context") not in ("title", "office")]
        subj = 0
        for m in own:
            if m.sentence >= 0 and ctx.josa(ctx.sents[m.sentence], m) in SUBJECT_JOSA:
                subj += 1
        first = min(m.start for m in e.mentions)
        return (subj * 2 + len(own), -first)
    return max(cities, key=score)


def affiliation_entity(o: Entity) -> Entity | None:
    t = o.attrs.get("targets") or []
    for e in t:
        if e.type == "Institution" and e.attrs.get("kind") != "city department":
            return e
    for e in t:
        if e.type == "City":
            return e
    return t[0] if t else None


def _in_title(m: Mention, officials: list[Entity]) -> bool:
    """The mention is the organisation part of an official's title ("홍길동 환경부 장관")."""
    for o in officials:
        for om in o.mentions:
            span = om.attrs.get("role_span")
            if span and span[0] <= m.start and m.end <= span[1] + 1:
                return True
    return False


MEDIA_KINDS = ("newspaper", "news agency", "broadcaster")
REPORT_SOURCE = re.compile(r"^\S{0,2}\s*(?:에 따르면|에 의하면|측에 따르면|보도|발표에 따르면)")


def _outside_quotes(text: str, cue: str) -> bool:
    """The cue word occurs in ``text`` outside quoted stretches."""
    bare = re.sub(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|'[^']*'", " ", text)
    return cue == "주제발표" or cue in bare


HUB = re.compile(r"(?:를|을)\s*(?:주축으로|중심으로|비롯해|비롯한|포함해|포함한)")
JOIN_CUES = ("참여", "동참", "참가", "체결", "협약", "가입")


def _governed(ctx: _Ctx, s: Sent, m: Mention) -> bool:
    end = max(m.end, (m.attrs.get("role_span") or (0, 0))[1]) if m.type == "Official" else m.end
    return linked(s, m.start, end, ctx.josa(s, m))


def _organise_offsets(s: Sent, ctx: _Ctx | None = None) -> list[int]:
    """Where the sentence's hosting cues are, outside quoted speech (an unclosed quote runs to the end) and
    without participles that modify an actor ("공모전을 주최한 가나재단이": the cue is the foundation's)."""
    org = [s.start + off for st, off in s.predicates if st.startswith(ORGANISE)]
    org += [w.start for w in s.words if re.search(r"개최|주최|주관", w.text)]
    quoted = [(s.start + q.start(), s.start + q.end()) for q in
              re.finditer(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘[^’]*(?:’|$)", s.text)]
    out = []
    for o in org:
        if any(a <= o < b for a, b in quoted):
            continue
        w = next((x for x in s.words if x.start <= o < x.end), None)
        if ctx is not None and w is not None and "ETM" in w.tags and any(
                0 <= m.start - w.end <= 1 and ctx.ment_ent[id(m)].type in ("City", "Institution", "Official")
                for m in ctx.by_sent.get(s.i, [])):
            continue
        out.append(o)
    return out


def _attends(ctx: _Ctx, s: Sent, m: Mention) -> bool:
    """The subject's own predicate is the participation verb, not a hosting verb before it ("A는 …를 열고 B가 참석")."""
    if not _governed(ctx, s, m):
        return False
    org = _organise_offsets(s)
    part = [w.start for k, w in enumerate(s.words) if w.start >= m.end and is_cue_word(s.words, k)]
    first_org = min((o for o in org if o >= m.end), default=None)
    return first_org is None or (bool(part) and min(part) < first_org)


def main_event(events: list[Entity]) -> Entity | None:
    """The event the article is about: most mentions, ties to the first."""
    if not events:
        return None
    return max(events, key=lambda e: (len(e.mentions), -min(m.start for m in e.mentions)))


def event_relations(events: list[Entity], ctx: _Ctx, officials: list[Entity], cities: list[Entity],
                    main: Entity | None, out: list[Relation]) -> None:
    top = main_event(events)
    event_sents = {m.sentence for e in events for m in e.mentions}
    for ev in events:
        sent_ids = sorted({m.sentence for m in ev.mentions if m.sentence >= 0})
        extra = []
        if ev is top and len(events) == 1:  # participation sentences that name no event ("협약서를 들고 사진을 찍었다")
            extra = [i for i in range(len(ctx.sents)) if i not in event_sents and ctx.finite[i] and
                     ctx.has(i, ("참석", "참여", "참가", "동참", "기념촬영", "인사말", "서명", "주제발표")) and
                     not names_other_object(ctx.sents[i])]
        organizers: list[Entity] = []
        hosts: list[Entity] = []  # organisers named as the subject themselves
        venues: list[Entity] = []
        participants: list[Entity] = []
        partners: list[tuple[Entity, Entity]] = []
        held: list[Entity] = []
        kind = ev.attrs.get("kind")
        founded = ev.attrs.get("org")
        for i in sorted(set(sent_ids) | set(extra)):
            s = ctx.sents[i]
            subj = subjects(ctx, s)
            org_cue = ctx.has(i, ORGANISE)
            sign_cue = ctx.has(i, SIGN) if kind == "agreement" or ctx.has(i, ("체결", "맺")) else ""
            part_cue = ctx.has(i, TAKE_PART + ("주제발표",)) if ctx.finite[i] else ""
            if part_cue and not _outside_quotes(s.text, part_cue):
                part_cue = ""  # the cue is inside quoted speech ("…가 참석하는 이번 회의에서"라고 말했다)
            pw = partners_with(ctx, s)
            ev_here = [m for m in ev.mentions if m.sentence == i]
            if kind == "agreement" and ev_here:
                # "A와 B 간 업무협약식": the two parties
                ms = [m for m in ctx.by_sent.get(i, []) if ctx.ment_ent[id(m)].type in ("City", "Institution")]
                for x, m in enumerate(ms):
                    rest = s.text[m.end - s.start:]
                    mm = re.match(r"^\W*[와과]\s+", rest)
                    if not mm or x + 1 >= len(ms):
                        continue
                    b = ms[x + 1]
                    between = s.text[m.end - s.start + mm.end():b.start - s.start]
                    after_b = s.text[b.end - s.start:b.end - s.start + 6]
                    if between.strip() == "" and re.match(r"^\W*\s*(?:간|사이)", after_b):
                        ea, eb = ctx.ment_ent[id(m)], ctx.ment_ent[id(b)]
                        participants.extend([ea, eb])
                        partners.append((ea, eb))
            if sign_cue or (kind == "agreement" and (org_cue or part_cue) and ev_here):
                group = [e for _, e in subj] + [e for _, e in pw]
                for e in group:
                    participants.append(e)
                    if e.type == "Official":
                        a = affiliation_entity(e)
                        if a:
                            participants.append(a)
                orgs = [e for e in group if e.type != "Official"] + [
                    affiliation_entity(e) for e in group if e.type == "Official" and affiliation_entity(e)]
                for x in range(len(orgs)):
                    for y in range(x + 1, len(orgs)):
                        partners.append((orgs[x], orgs[y]))
            elif org_cue and ev_here:
                org_at = _organise_offsets(s, ctx)
                for m_, e in subj:
                    if founded and e.name == founded:
                        continue
                    others = [(om.start, om.end) for om in ctx.by_sent.get(i, []) if om is not m_ and
                              ctx.ment_ent[id(om)].type in ("City", "Institution", "Official") and
                              ctx.ment_ent[id(om)] not in [x for _, x in subj] and not ctx.in_role(om) and
                              ctx.josa(s, om) in ("은", "는", "이", "가", "께서")]
                    others += [(em.start, em.end) for em in ev_here if ctx.josa(s, em) in ("이", "가", "은", "는") and
                               any(m_.end <= w.start < em.start and clause_end(w) for w in s.words)]
                    if not owns_cue(m_.start, m_.end, org_at, others):
                        continue  # "B가 주최한 공모전에서 …, A는 …": the hosting verb is B's
                    if part_cue and _attends(ctx, s, m_):
                        continue  # "포럼에는 A와 B가 참석했고, …를 열 예정": A and B take part, they do not host
                    if e.type == "Official":
                        participants.append(e)
                        a = affiliation_entity(e)
                        if a:
                            organizers.append(a)
                    else:
                        organizers.append(e)
                        hosts.append(e)
                for _, e in pw:
                    organizers.append(e)
                    for _, sj in subj:
                        if sj.type != "Official":
                            partners.append((sj, e))
                co = [e for m_, e in subj if e.type != "Official" and not (part_cue and _attends(ctx, s, m_))]
                for x in range(len(co)):  # "수원시와 용인시는 … 공동 개최": co-hosts cooperate
                    for y in range(x + 1, len(co)):
                        partners.append((co[x], co[y]))
            if part_cue and not (sign_cue and not ctx.has(i, ("참석", "참여", "참가", "비롯", "서명", "동참"))):
                hub = None
                hm = HUB.search(s.text)
                for m in ctx.by_sent.get(i, []):
                    e = ctx.ment_ent[id(m)]
                    if e.type not in ("City", "Institution", "Official"):
                        continue
                    if e.type != "Official" and (_in_title(m, officials) or m.attrs.get("context") == "office"):
                        continue
                    if ctx.josa(s, m) in ("에서", "에서는") or ctx.in_place(m):
                        continue
                    if founded and e.name == founded or m.attrs.get("qualifier"):
                        continue
                    if e.attrs.get("kind") in MEDIA_KINDS or REPORT_SOURCE.match(s.text[m.end - s.start:]):
                        continue  # "동아일보는 … 보도했다", "경찰에 따르면": the source of the report
                    if any(em.start <= m.start and m.end <= em.end for em in ctx.by_sent.get(i, [])
                           if ctx.ment_ent[id(em)].type == "Event"):
                        continue  # "부산 불꽃축제에 참석": a word of an event's name
                    if not _governed(ctx, s, m):
                        continue  # shares the sentence but is not the participation verb's subject or list
                    participants.append(e)
                    if hm and m.end <= hm.start() + s.start + 1 and hub is None or (
                            hm and hub is None and 0 <= hm.start() + s.start - m.end <= 2):
                        hub = e if e.type != "Official" else affiliation_entity(e)
                if hub is not None and ctx.has(i, JOIN_CUES + ("참석",)):
                    for m in ctx.by_sent.get(i, []):
                        e = ctx.ment_ent[id(m)]
                        if e.type in ("City", "Institution") and e is not hub and not _in_title(m, officials) \
                                and _governed(ctx, s, m):
                            partners.append((hub, e))
            # an organisation that hosts the event on its own premises ("과학기술정책연구원(STEPI)에서") cooperates
            for m in ctx.by_sent.get(i, []):
                e = ctx.ment_ent[id(m)]
                if e.type == "Institution" and ctx.josa(s, m) in ("에서", "에서는") and not ctx.in_role(m):
                    venues.append(e)
            # places: cities the event is "에서", and cities inside the place phrase
            pspan = None
            for m in ev_here:
                if m.attrs.get("place_span"):
                    pspan = m.attrs["place_span"]
            for m in ctx.by_sent.get(i, []):
                e = ctx.ment_ent[id(m)]
                if e.type != "City" or not ev_here:
                    continue
                w = ctx.word_at(s, m)
                if w is not None and ctx.josa(s, m) in ("에서", "에서는", "에서도"):
                    held.append(e)
                    k = s.words.index(w)
                    for other in ctx.by_sent.get(i, []):
                        oe = ctx.ment_ent[id(other)]
                        ow = ctx.word_at(s, other)
                        if oe.type == "City" and ow is not None and ow.josa in ("와", "과") and \
                                s.words.index(ow) == k - 1:
                            held.append(oe)
                elif pspan and pspan[0] <= m.start < pspan[1] and m.attrs.get("context") != "title":
                    held.append(e)
            place = ev.attrs.get("place") or ""
            if not held and VENUE_OF_CITY.search(place) and ev_here and i == sent_ids[0]:
                owner = next((e for _, e in subj if e.type == "City"), None)
                if owner is None:
                    owner = next((affiliation_entity(e) for _, e in subj if e.type == "Official" and
                                  affiliation_entity(e) is not None and affiliation_entity(e).type == "City"), None)
                held.append(owner or main)
        if founded:
            org_ent = next((e for e in ctx.ment_ent.values() if e.type == "Institution" and e.name == founded), None)
            if org_ent is not None:
                for o in organizers:
                    partners.append((o, org_ent))
        lead_org = next((e for e in organizers if e is not None and e.type == "City"), None)
        if lead_org is not None:
            for v in venues:
                if v not in organizers:
                    partners.append((lead_org, v))
        if not held:  # the meetings of a city: its own territory unless said otherwise
            for o in organizers:
                if o is not None and o.type == "City" and kind in ("meeting", "briefing"):
                    held.append(o)
        if kind == "agreement" or re.search(r"협력|협약|공동", ev.name):
            lead = next((e for e in organizers + participants if e is not None and e.type == "City"), None)
            if lead is not None:
                for p in participants:
                    if p is not None and p.type in ("City", "Institution") and p is not lead:
                        partners.append((lead, p))
        if kind != "agreement":  # the host is not also listed as a participant
            participants = [p for p in participants if p not in hosts]
        sent = ctx.sents[sent_ids[0]] if sent_ids else None
        seen = set()
        for typ, group, conf in (("organizedBy", organizers, 0.8), ("participant", participants, 0.75),
                                 ("heldIn", held, 0.7)):
            for e in group:
                if e is None or (typ, id(e)) in seen:
                    continue
                seen.add((typ, id(e)))
                _rel(out, typ, ev, e, sent, typ, conf)
        for a, b in partners:
            if a is None or b is None or a is b:
                continue
            key = ("p",) + tuple(sorted((id(a), id(b))))
            if key in seen:
                continue
            seen.add(key)
            _rel(out, "partneredWith", a, b, sent, "cooperation", 0.7)
        ev.attrs["_sents"] = sent_ids


_PARTNER_NOUN = re.compile(r"(?:협력|협약|파트너)\s*(?:기관|업체|기업|대학|사|파트너)(?:인|으로|로|인\s*\S+인)?\s*$")


def sentence_partners(ctx: _Ctx, out: list[Relation]) -> None:
    """"A는 B와 협약을 맺고", "A는 B와 함께": partners outside any event."""
    for s in ctx.sents:
        pw = partners_with(ctx, s)
        for m in ctx.by_sent.get(s.i, []):  # "A는 … 협력기관인 B를 통해": B is named as A's partner
            if ctx.ment_ent[id(m)].type in ("City", "Institution") and \
                    _PARTNER_NOUN.search(s.text[max(0, m.start - s.start - 12):m.start - s.start]):
                pw.append((m, ctx.ment_ent[id(m)]))
        if not pw:
            continue
        subj = [e for _, e in subjects(ctx, s) if e.type in ("City", "Institution")]
        for _, p in pw:
            for sj in subj:
                if sj is not p:
                    _rel(out, "partneredWith", sj, p, s, "with", 0.6)
