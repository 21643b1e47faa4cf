"""Evidence of relations: the sentence of the article that states each relation. Pure.

The relation finders record where they first saw a fact (often the first sentence of an event, which may be a
photo caption). This pass moves every relation to the sentence that best states it:

1. not a photo caption or credit line ("…모습(사진=가나시 제공)");
2. names the object (a City/Institution/Official mention); for hasTheme/targets, names the event or policy;
3. names the other end as well (for hasTheme/targets, a cue of the Theme);
4. is the sentence the finder chose;
5. holds the cue of the relation type (개최/주최 for organizedBy, 참석/서명 for participant, 함께/협약 for
   partneredWith, "에서" for heldIn);
6. comes first in the article.

Offsets always come from ``doc.sentences`` so ``article.text[start:end] == sentence.text``.
"""
from __future__ import annotations

import re

from kg.model import Doc, Entity, Relation
from kg.themes import theme_hits

CAPTION = re.compile(r"(?:\(|\[|<)\s*(?:사진|자료|제공|그래픽)\s*[=:／/]|사진\s*=|제공\s*[)\]>]\s*$|^\s*\[?사진\]?\s")
CUES = {
    "organizedBy": re.compile(r"개최|주최|주관|열었|열린|열리|열고|연다|열어|가졌|갖고|마련|출범|발족|진행"),
    "participant": re.compile(r"참석|참여|참가|동참|강연|강의|발표|발제|서명|체결|축사|인사말|토론|좌장|함께"),
    "partneredWith": re.compile(r"함께|공동|협약|협력|손잡|맞손|MOU|체결|맺|참여|협의체|동참"),
    "heldIn": re.compile(r"에서"),
    "adoptedBy": re.compile(r"추진|수립|발표|마련|시행|운영|도입|선정|지정|계획"),
    "holdsRoleIn": re.compile(r""),
}


def is_caption(text: str) -> bool:
    """A photo caption or credit line, not a statement of the story."""
    if "사진" not in text and "제공" not in text and "자료" not in text and "그래픽" not in text:
        return False  # every branch of CAPTION needs one of these words (and the search tries every position)
    return bool(CAPTION.search(text))


def _sentences_of(e: Entity) -> set[int]:
    out = {m.sentence for m in e.mentions if m.sentence >= 0}
    out |= set(e.attrs.get("_sents") or [])
    return out


def place_evidence(doc: Doc, rels: list[Relation]) -> None:
    """Set each relation's sentence/start/end to the sentence that states it (in place)."""
    sents = doc.sentences
    if not sents:
        return
    caption = [is_caption(s.text) for s in sents]
    theme_sents: dict[str, set[int]] = {}
    for i, s in enumerate(sents):
        for t in theme_hits(s.text):
            theme_sents.setdefault(t, set()).add(i)
    cache: dict[int, set[int]] = {}

    def where(e: Entity) -> set[int]:
        if id(e) not in cache:
            cache[id(e)] = theme_sents.get(e.name, set()) if e.type == "Theme" else _sentences_of(e)
        return cache[id(e)]

    for r in rels:
        subj, obj = where(r.subject), where(r.object)
        cands = subj | obj
        if not cands:
            continue
        cue = CUES.get(r.type)

        first, second = (subj, obj) if r.type in ("hasTheme", "targets") else (obj, subj)

        def key(i: int):
            return (not caption[i], i in first, i in second, i == r.sentence,
                    bool(cue and cue.pattern and cue.search(sents[i].text)), -i)

        best = max(sorted(cands), key=key)
        s = sents[best]
        r.sentence, r.start, r.end = best, s.start, s.end
