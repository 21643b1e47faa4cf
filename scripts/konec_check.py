#!/usr/bin/env python3
"""Generalisation check of the Official and Institution finders on konec (KLUE-NER dev, NIKL 150 tags).

Reads ``../shared/data/konec/konec-dev.tsv`` (not shipped), keeps the news (``-wikitree``) sentences, runs
``kg.pipeline.extract`` on each sentence as a one-sentence article, and compares:

- Official names with gold ``PS_NAME`` spans. Precision over all predicted officials; recall over the persons the
  extractor is meant to find: a PS_NAME span followed (within 12 characters) by a ``CV_POSITION`` span.
- Institution names with gold ``OG*`` spans (OGG_*, and OG_*). Precision: a predicted institution whose span
  overlaps a gold OG span; recall over OG spans of 3+ characters that are not in OGG_POLITICS (governments,
  parties and courts are not Institutions in the guidelines) — reported with and without that restriction.

Usage: .venv/bin/python scripts/konec_check.py [PATH_TO_konec-dev.tsv] [--examples N]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from kg.model import Article
from kg.pipeline import extract


def read(path: Path):
    sent, chars = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## klue"):
            if sent is not None:
                yield sent, chars
            guid, _, text = line[3:].partition("\t")
            sent, chars = (guid, text), []
        elif line.startswith("##") or not line.strip():
            continue
        elif sent is not None:
            ch, _, tag = line.rpartition("\t")
            chars.append((ch, tag))
    if sent is not None:
        yield sent, chars


def spans(chars):
    out, cur = [], None
    for i, (_, tag) in enumerate(chars):
        if tag.startswith("B-"):
            if cur:
                out.append(cur)
            cur = [i, i + 1, tag[2:]]
        elif tag.startswith("I-") and cur and tag[2:] == cur[2]:
            cur[1] = i + 1
        else:
            if cur:
                out.append(cur)
            cur = None
    if cur:
        out.append(cur)
    return [tuple(x) for x in out]


def main() -> int:
    argv = sys.argv[1:]
    if "--examples" in argv:
        i = argv.index("--examples")
        argv = argv[:i] + argv[i + 2:]
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared/data/konec/konec-dev.tsv"
    n_ex = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 0
    stats = dict(o_tp=0, o_fp=0, o_rec_hit=0, o_rec_tot=0, i_tp=0, i_fp=0, i_rec_hit=0, i_rec_tot=0,
                 i_rec_hit_all=0, i_rec_tot_all=0)
    fps_o, fps_i, fns_o, fns_i = [], [], [], []
    n, t0 = 0, time.time()
    for (guid, text), chars in read(path):
        if not guid.endswith("-wikitree"):
            continue
        raw = "".join(c for c, _ in chars)
        if raw != text:
            text = raw
        n += 1
        gold = spans(chars)
        doc = extract(Article(id=guid, text=text, body=[(0, len(text))]))
        persons = [(a, b) for a, b, t in gold if t == "PS_NAME"]
        positions = [(a, b) for a, b, t in gold if t == "CV_POSITION"]
        orgs = [(a, b, t) for a, b, t in gold if t.startswith(("OGG_", "OG_"))]
        for e in doc.entities:
            if e.type == "Official":
                for m in e.mentions:
                    if "backref" in m.attrs:
                        continue
                    if (m.start, m.end) in persons:
                        stats["o_tp"] += 1
                    else:
                        stats["o_fp"] += 1
                        fps_o.append((m.text, text))
            if e.type == "Institution":
                for m in e.mentions:
                    if any(a < m.end and m.start < b for a, b, _ in orgs):
                        stats["i_tp"] += 1
                    else:
                        stats["i_fp"] += 1
                        fps_i.append((m.text, text))
        pred_o = {(m.start, m.end) for e in doc.entities if e.type == "Official" for m in e.mentions}
        for a, b in persons:
            if any(0 <= pa - b <= 12 for pa, _ in positions):
                stats["o_rec_tot"] += 1
                if (a, b) in pred_o:
                    stats["o_rec_hit"] += 1
                else:
                    fns_o.append((text[a:b], text))
        pred_i = [(m.start, m.end) for e in doc.entities if e.type == "Institution" for m in e.mentions]
        for a, b, t in orgs:
            hit = any(pa < b and a < pb for pa, pb in pred_i)
            stats["i_rec_tot_all"] += 1
            stats["i_rec_hit_all"] += hit
            if t != "OGG_POLITICS" and b - a >= 3:
                stats["i_rec_tot"] += 1
                stats["i_rec_hit"] += hit
                if not hit:
                    fns_i.append((text[a:b], t, text))
    dt = time.time() - t0

    def pr(tp, fp):
        return tp / (tp + fp) if tp + fp else 0.0

    print(f"konec wikitree sentences: {n} ({dt:.1f}s, {n / dt:.0f} sentences/s)")
    print(f"Official    precision {pr(stats['o_tp'], stats['o_fp']):.3f} ({stats['o_tp']}/{stats['o_tp'] + stats['o_fp']})"
          f"  recall (titled PS_NAME) {stats['o_rec_hit'] / max(1, stats['o_rec_tot']):.3f}"
          f" ({stats['o_rec_hit']}/{stats['o_rec_tot']})")
    print(f"Institution precision {pr(stats['i_tp'], stats['i_fp']):.3f} ({stats['i_tp']}/{stats['i_tp'] + stats['i_fp']})"
          f"  recall (OG, not OGG_POLITICS) {stats['i_rec_hit'] / max(1, stats['i_rec_tot']):.3f}"
          f" ({stats['i_rec_hit']}/{stats['i_rec_tot']});"
          f" all OG {stats['i_rec_hit_all'] / max(1, stats['i_rec_tot_all']):.3f}")
    for title, rows in (("official FP", fps_o), ("institution FP", fps_i), ("official FN", fns_o),
                        ("institution FN", fns_i)):
        for r in rows[:n_ex]:
            print(f"  {title}: {r[0]!r} {r[1:]!r}"[:220])
    return 0


if __name__ == "__main__":
    sys.exit(main())
