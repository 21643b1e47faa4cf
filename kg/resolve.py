"""Within-article resolution: group mentions into entities, pick canonical names and aliases. Pure.

- City: one entity per administrative code (kg.find_cities resolves surface forms to units).
- Official: one per full name; back-references "오 시장" join the official with that surname and title.
- Institution: one per normalised name; Latin abbreviations in parentheses and well-known short forms
  (KAIST -> 한국과학기술원, 충남대 -> 충남대학교) join their full name when the article writes it.
- Event: named mentions of the same kind merge unless their dates differ; back-references ("이번 세미나",
  "협약식에는") join the nearest named event of their kind.
- Policy: mentions whose normalised names contain each other or are close (bigram overlap) merge.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kg.find_terms import KNOWN_ALIASES
from kg.model import Entity, Mention

_DROP = re.compile(r"[\s\"'‘’“”「」『』《》〈〉<>()\[\]{}·•,.:;!?~\-_/`]|㈜|\(주\)")


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """The scorer's normalisation: NFC, no spaces/quotes/brackets/punctuation, no (주), lower case."""
    s = unicodedata.normalize("NFC", name or "").replace("(주)", "").replace("㈜", "")
    return _DROP.sub("", s).lower()


def bigram_sim(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if a in b or b in a:
        return min(len(a), len(b)) / max(len(a), len(b)) * 0.5 + 0.5
    x = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    y = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(x & y) / (len(x) + len(y))


def institution_key(name: str) -> str:
    """Canonical key of an institution within an article: the normalised name as written.

    Different written names ("충남대" in one article, "충남대학교" in another) stay different keys: the
    annotation guidelines name an institution as the article writes it, and the alias lists carry the
    other forms (queries can join on kg:alias).
    """
    return norm(name)


def same_institution(a: str, b: str) -> bool:
    """Within one article: a known short form or X대 / X대학교 name the same institution."""
    na, nb = norm(a), norm(b)
    if na == nb:
        return True
    for x, y in ((a, b), (b, a)):
        full = KNOWN_ALIASES.get(x) or KNOWN_ALIASES.get(x.upper())
        if full and norm(full) == norm(y):
            return True
    try:
        from kg import lexicon as lx

        ca, cb = lx.canonical_institution(a), lx.canonical_institution(b)
        if ca and ca == cb:
            return True
    except Exception:  # the lexicon is optional
        pass
    for x, y in ((na, nb), (nb, na)):  # "부산관광" left from "부산관광공사" (a headline's short form)
        if len(x) >= 4 and len(y) == len(x) + 2 and y.startswith(x) and y[len(x):] in ("공사", "공단", "재단"):
            return True
    return bool(_UNIV_SHORT.fullmatch(na) and nb == na + "학교" or _UNIV_SHORT.fullmatch(nb) and na == nb + "학교")


_UNIV_SHORT = re.compile(r"[가-힣]{2,6}대")


def resolve_cities(mentions: list[Mention]) -> list[Entity]:
    by: dict[str, Entity] = {}
    for m in mentions:
        code = m.attrs.get("code5")
        if not code:
            continue
        e = by.get(code)
        if e is None:
            e = by[code] = Entity("City", m.attrs["name"], attrs={
                "code5": code, "level": m.attrs.get("level"), "parent": m.attrs.get("parent") or None,
                "parent_code5": m.attrs.get("parent_code5") or None})
        e.mentions.append(m)
        if m.attrs.get("form") in ("name", "short", "press") and m.text != e.name:
            e.add_alias(m.text)
    return list(by.values())


def resolve_officials(mentions: list[Mention]) -> list[Entity]:
    by: dict[str, Entity] = {}
    backrefs = []
    for m in mentions:
        if "backref" in m.attrs:
            backrefs.append(m)
            continue
        name = m.attrs["name"]
        e = by.get(name)
        if e is None:
            e = by[name] = Entity("Official", name, attrs={"role": "", "title": "", "orgs": []})
        e.mentions.append(m)
        role = m.attrs.get("role") or ""
        if len(role) > len(e.attrs["role"]) or (m.attrs.get("orgs") and not e.attrs["orgs"]):
            e.attrs["role"], e.attrs["title"] = role, m.attrs.get("title", "")
        if m.attrs.get("orgs") and len(m.attrs["orgs"]) >= len(e.attrs["orgs"]):
            e.attrs["orgs"] = m.attrs["orgs"]
    for m in backrefs:
        sur, title = m.attrs["backref"]
        cands = [e for e in by.values() if e.name.startswith(sur) and (e.attrs["title"].endswith(title) or
                                                                      title.endswith(e.attrs["title"] or "-"))]
        if not cands:
            cands = [e for e in by.values() if e.name.startswith(sur)]
        if len(cands) == 1:
            cands[0].mentions.append(m)
            cands[0].add_alias(m.text)
    # foreign names: "푸틴" after "블라디미르 푸틴" is the same person (the family name, written last)
    for name, e in list(by.items()):
        if " " in name:
            continue
        full = [f for n, f in by.items() if " " in n and n.split()[-1] == name]
        if len(full) == 1:
            full[0].mentions.extend(e.mentions)
            full[0].add_alias(name)
            if not full[0].attrs["orgs"] and e.attrs["orgs"]:
                full[0].attrs["orgs"], full[0].attrs["role"] = e.attrs["orgs"], e.attrs["role"]
            del by[name]
    return list(by.values())


def resolve_institutions(mentions: list[Mention]) -> list[Entity]:
    ents: list[Entity] = []
    by_key: dict[str, Entity] = {}
    for m in sorted(mentions, key=lambda m: (-len(m.attrs["name"]), m.start)):
        name = m.attrs["name"]
        key = institution_key(name)
        e = by_key.get(key)
        if e is None:
            # an abbreviation or short form of an entity already made
            for cand in ents:
                if norm(name) in {norm(a) for a in cand.aliases} or same_institution(name, cand.name):
                    e = cand
                    break
        if e is None:
            e = Entity("Institution", name, attrs={"kind": m.attrs.get("kind"), "parent": m.attrs.get("parent"),
                                                   "key": key})
            ents.append(e)
            by_key[key] = e
        e.mentions.append(m)
        if name != e.name:
            e.add_alias(name)
        for a in m.attrs.get("aliases", []):
            e.add_alias(a)
            by_key.setdefault(institution_key(a), e)
        if (e.attrs.get("kind") in (None, "organisation")) and m.attrs.get("kind"):
            e.attrs["kind"] = m.attrs["kind"]
    # prefer the name as first written in full (the longest surface among mentions without legal forms)
    for e in ents:
        e.mentions.sort(key=lambda m: m.start)
    return ents


def resolve_events(mentions: list[Mention], institutions: list[Entity]) -> list[Entity]:
    inst_names = {norm(e.name) for e in institutions} | {norm(a) for e in institutions for a in e.aliases}
    named = [m for m in mentions if not m.attrs.get("generic")]
    generic = [m for m in mentions if m.attrs.get("generic")]
    ents: list[Entity] = []
    for m in sorted(named, key=lambda m: m.start):
        if norm(m.attrs["name"]) in inst_names and m.source != "founding":
            continue
        best = next((e for e in ents if norm(m.attrs["name"]).replace(" ", "") in
                     {norm(x).replace(" ", "") for x in [e.name] + e.aliases}), None)  # "가나 축제" = "가나축제"
        for e in ents if best is None else []:
            if e.attrs["kind"] != m.attrs["kind"]:
                continue
            if any(x.sentence == m.sentence and x.end <= m.start for x in e.mentions):
                continue  # "A축제, B축제 등": two events listed in one sentence are two events
            d1, d2 = e.attrs.get("date"), m.attrs.get("date")
            if d1 and d2 and d1 != d2:
                continue
            best = e
            break
        if best is None:
            best = Entity("Event", m.attrs["name"], attrs={"kind": m.attrs["kind"], "date": m.attrs.get("date"),
                                                           "place": m.attrs.get("place"), "quoted": False})
            ents.append(best)
        best.mentions.append(m)
        quoted = bool(m.attrs.get("quoted")) and m.source != "founding"
        if (quoted and not best.attrs["quoted"]) or (quoted == best.attrs["quoted"] and
                                                     len(m.attrs["name"]) > len(best.name) and m.source != "founding"):
            if best.name != m.attrs["name"]:
                best.add_alias(best.name)
            best.name = m.attrs["name"]
            best.attrs["quoted"] = best.attrs["quoted"] or quoted
        else:
            best.add_alias(m.attrs["name"])
        if m.attrs.get("date") and not best.attrs.get("date"):
            best.attrs["date"] = m.attrs["date"]
        if m.attrs.get("org"):
            best.attrs["org"] = m.attrs["org"]
        if m.attrs.get("place") and not best.attrs.get("place"):
            best.attrs["place"] = m.attrs["place"]
    for m in generic:
        same = [e for e in ents if e.attrs["kind"] == m.attrs["kind"]] or (
            ents if m.attrs["kind"] == "other" else [])
        if not same:
            continue
        def last_before(e):
            starts = [x.start for x in e.mentions if x.start <= m.start]
            return max(starts) if starts else -1
        e = max(same, key=lambda e: (last_before(e), -e.mentions[0].start))
        e.mentions.append(m)
        e.add_alias(m.attrs["name"])
        if m.attrs.get("date") and not e.attrs.get("date"):
            e.attrs["date"] = m.attrs["date"]
    for e in ents:
        e.aliases = [a for a in e.aliases if norm(a) != norm(e.name)]
    return ents


def _policy_sim(a: str, b: str) -> float:
    """Similarity of two policy names: a name inside another counts only when the rest is a place prefix or a
    pursuing noun ("대전 …", "… 조성"), not a different head ("… 계획 수립 연구용역" is not the plan)."""
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short in long_:
        i = long_.index(short)
        before, after = long_[:i], long_[i + len(short):]
        if len(before) <= 5 and after in ("", "조성", "추진", "구축", "사업"):
            return 1.0
        return 0.0
    x = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    y = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(x & y) / (len(x) + len(y))


def resolve_policies(mentions: list[Mention], city_forms=()) -> list[Entity]:
    forms = sorted({norm(f) for f in city_forms if f}, key=len, reverse=True)

    def strip_city(n: str) -> str:
        for f in forms:
            if n.startswith(f) and len(n) > len(f) + 3:
                return n[len(f):]
        return n

    ents: list[Entity] = []
    for m in sorted(mentions, key=lambda m: (not m.attrs.get("quoted"), m.start)):
        n = strip_city(norm(m.attrs["name"]))
        best, best_s = None, 0.0
        for e in ents:
            for other in [e.name] + e.aliases:
                s = _policy_sim(n, strip_city(norm(other)))
                if s > best_s:
                    best, best_s = e, s
        if best is not None and best_s >= 0.65:
            best.mentions.append(m)
            best.add_alias(m.attrs["name"])
            continue
        e = Entity("Policy", m.attrs["name"], attrs={"quoted": m.attrs.get("quoted", False)})
        e.mentions.append(m)
        ents.append(e)
    return ents
