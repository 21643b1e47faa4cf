"""Score predictions against gold annotations (a self-contained reimplementation of the shared scorer).

Matching follows GUIDELINES.md / score.py: entities align one-to-one, best first, by type and normalised
name or alias (Event and Policy also by bigram similarity >= 0.5); optional gold entities and relations are
neither required nor penalised; relation ends map to gold names through the alignment; cross-article
identity compares predicted IRIs of aligned entities pairwise.
"""
from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path

from kg.resolve import bigram_sim, norm

FUZZY_TYPES = {"Event", "Policy"}
SYMMETRIC = {"partneredWith"}
FUZZY_MIN = 0.5


def _names(ent: dict) -> set[str]:
    out = {norm(ent.get("name", ""))} | {norm(a) for a in ent.get("aliases", []) or []}
    out.discard("")
    return out


def match_score(gold: dict, pred: dict) -> float:
    g, p = _names(gold), _names(pred)
    if g & p:
        return 1.0
    if gold["type"] in FUZZY_TYPES:
        best = max((bigram_sim(a, b) for a in g for b in p), default=0.0)
        return best if best >= FUZZY_MIN else 0.0
    return 0.0


class Tally:
    def __init__(self) -> None:
        self.tp, self.fp, self.fn = defaultdict(int), defaultdict(int), defaultdict(int)

    @staticmethod
    def _prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return tp, fp, fn, p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self, k):
        return self._prf(self.tp[k], self.fp[k], self.fn[k])

    def keys(self):
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def micro(self):
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))


def align(gold_ents: list[dict], pred_ents: list[dict]) -> dict[int, int]:
    cands = []
    for gi, g in enumerate(gold_ents):
        for pi, p in enumerate(pred_ents):
            if g["type"] == p.get("type"):
                s = match_score(g, p)
                if s > 0:
                    cands.append((s, gi, pi))
    cands.sort(reverse=True)
    used, out = set(), {}
    for s, gi, pi in cands:
        if gi not in used and pi not in out:
            used.add(gi)
            out[pi] = gi
    return out


def _resolve(name, pred, p2g, gold):
    n = norm(name)
    for pi, p in enumerate(pred):
        if n in _names(p) and pi in p2g:
            return gold[p2g[pi]]["name"]
    for g in gold:
        if n in _names(g):
            return g["name"]
    return None


def score(gold_docs: list[dict], predictions: list[dict]) -> dict:
    """Scores of ``predictions`` (score.py records) against ``gold_docs`` (gold JSON objects)."""
    preds = {str(p["id"]): p for p in predictions}
    ent, rel = Tally(), Tally()
    iri_of, missing, errors = [], [], []
    for gold in gold_docs:
        aid = gold["id"]
        pred = preds.get(aid)
        if pred is None:
            missing.append(aid)
            pred = {"entities": [], "relations": []}
        g_ents, p_ents = gold["entities"], pred.get("entities", [])
        p2g = align(g_ents, p_ents)
        for pi, p in enumerate(p_ents):
            t = p.get("type", "?")
            if pi in p2g:
                g = g_ents[p2g[pi]]
                if not g.get("optional"):
                    ent.tp[t] += 1
                if p.get("iri") and g["type"] != "Theme":
                    iri_of.append(((g["type"], g["name"]), p["iri"]))
            else:
                ent.fp[t] += 1
                errors.append(("FP", aid, t, p.get("name")))
        matched = set(p2g.values())
        for gi, g in enumerate(g_ents):
            if gi not in matched and not g.get("optional"):
                ent.fn[g["type"]] += 1
                errors.append(("FN", aid, g["type"], g["name"]))
        optional = {g["name"] for g in g_ents if g.get("optional")}

        def key(t, s, o):
            if t in SYMMETRIC:
                s, o = sorted((s, o))
            return (t, s, o)

        req, opt = set(), set()
        for r in gold.get("relations", []):
            k = key(r["type"], r["subject"], r["object"])
            (opt if r.get("optional") or r["subject"] in optional or r["object"] in optional else req).add(k)
        opt -= req
        seen = set()
        for r in pred.get("relations", []):
            s = _resolve(r.get("subject", ""), p_ents, p2g, g_ents) or "?" + r.get("subject", "")
            o = _resolve(r.get("object", ""), p_ents, p2g, g_ents) or "?" + r.get("object", "")
            k = key(r["type"], s, o)
            if k in seen:
                continue
            seen.add(k)
            if k in req:
                rel.tp[r["type"]] += 1
            elif k not in opt:
                rel.fp[r.get("type", "?")] += 1
                errors.append(("FP", aid, "rel") + k)
        for k in req - seen:
            rel.fn[k[0]] += 1
            errors.append(("FN", aid, "rel") + k)
    same_tp = same_fn = diff_fp = 0
    for (ga, ia), (gb, ib) in itertools.combinations(iri_of, 2):
        if ga == gb:
            same_tp += ia == ib
            same_fn += ia != ib
        elif ia == ib:
            diff_fp += 1
    ident = None
    if iri_of:
        ident = {"pairs_same": same_tp + same_fn,
                 "precision": same_tp / (same_tp + diff_fp) if same_tp + diff_fp else 1.0,
                 "recall": same_tp / (same_tp + same_fn) if same_tp + same_fn else 1.0}
    return {"articles": len(gold_docs), "missing_predictions": missing,
            "entities": {k: ent.row(k) for k in ent.keys()}, "entities_micro": ent.micro(),
            "relations": {k: rel.row(k) for k in rel.keys()}, "relations_micro": rel.micro(),
            "identity": ident, "errors": errors}


def load_gold(gold_dir: Path) -> list[dict]:
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"{gold_dir}: no such gold folder")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]


def format_report(res: dict, verbose: bool = False) -> str:
    lines = [f"articles: {res['articles']}"]
    if res["missing_predictions"]:
        lines.append("no prediction for: " + ", ".join(res["missing_predictions"]))

    def line(name, row):
        tp, fp, fn, p, r, f = row
        lines.append(f"{name:<22} P {p:5.3f}  R {r:5.3f}  F1 {f:5.3f}   (tp {tp}, fp {fp}, fn {fn})")

    lines.append("entities")
    for k, row in res["entities"].items():
        line("  " + k, row)
    line("  micro", res["entities_micro"])
    lines.append("relations")
    for k, row in res["relations"].items():
        line("  " + k, row)
    line("  micro", res["relations_micro"])
    if res["identity"]:
        i = res["identity"]
        lines.append(f"cross-article identity: pairs {i['pairs_same']}  P {i['precision']:.3f}  R {i['recall']:.3f}")
    lines.append(f"entity F1 {res['entities_micro'][5]:.3f} relation F1 {res['relations_micro'][5]:.3f}")
    if verbose:
        lines.extend("  " + " ".join(str(x) for x in e) for e in res["errors"])
    return "\n".join(lines)
