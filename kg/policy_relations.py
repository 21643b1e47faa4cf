"""adoptedBy: the City or Institution whose plan, strategy or programme a Policy is. Pure.

The owner written right before the policy ("교육부 주관의 ‘…사업’"), else the subject of its sentence, else a city
its name starts with, else the article's city when named in the policy's sentence or the one before.
"""
from __future__ import annotations

import re

from kg.model import Entity, Mention, Relation
from kg.relations import _Ctx, _rel, affiliation_entity, subjects


_OWNER_GAP = re.compile(r"^\s*(?:의|이|가)?\s*(?:주관|주최|추진|운영|시행|마련)?\s*(?:의|하는|한|하고 있는)?\s*[‘“'\"「『]?$")


def _owner_before(ctx: _Ctx, m: Mention) -> Entity | None:
    """"교육부 주관의 ‘청년 디지털 일자리 사업’", "교육부 청년 디지털 일자리 사업": the organisation written right before."""
    s = ctx.sents[m.sentence]
    best = None
    for om in ctx.by_sent.get(m.sentence, []):
        e = ctx.ment_ent[id(om)]
        if e.type not in ("City", "Institution") or om.end > m.start:
            continue
        gap = s.text[om.end - s.start:m.start - s.start]
        if len(gap) <= 12 and _OWNER_GAP.match(gap) and gap.strip():
            best = e
    return best


def policy_relations(policies: list[Entity], ctx: _Ctx, cities: list[Entity], main: Entity | None,
                     out: list[Relation]) -> None:
    for p in policies:
        owners: list[Entity] = []
        for m in p.mentions:
            o = _owner_before(ctx, m)
            if o is not None:
                owners.append(o)
                break
        for m in p.mentions if not owners else []:
            s = ctx.sents[m.sentence]
            subj = [e for _, e in subjects(ctx, s) if e.type in ("City", "Institution")]
            subj += [affiliation_entity(e) for _, e in subjects(ctx, s) if e.type == "Official"
                     and affiliation_entity(e) is not None]
            if subj:
                owners.extend(subj[:1])
                break
        if not owners:
            for c in cities:
                if any(norm_start(p.name, a) for a in [c.name] + c.aliases):
                    owners.append(c)
                    break
        if not owners and main is not None and _near_main(ctx, p, main):
            owners.append(main)
        sent = ctx.sents[p.mentions[0].sentence]
        for o in owners:
            _rel(out, "adoptedBy", p, o, sent, "subject", 0.7)


def _near_main(ctx: _Ctx, p: Entity, main: Entity) -> bool:
    """The article's city may own a policy only when it is named in the policy's sentence or the one before
    (no fallback across the article: a plan quoted 25 sentences after the city is not the city's)."""
    main_sents = {m.sentence for m in main.mentions}
    return any(m.sentence in main_sents or m.sentence - 1 in main_sents for m in p.mentions)


def norm_start(name: str, prefix: str) -> bool:
    return name.replace(" ", "").startswith(prefix.replace(" ", "")) and len(prefix) >= 2
