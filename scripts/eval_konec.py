#!/usr/bin/env python3
"""Score the extractor's Official / Institution / City / Event mentions on konec (text it was never tuned on).

Each konec sentence becomes a one-sentence Article; ``kg.pipeline.extract`` runs on it, and the spans of the
mentions of ``doc.entities`` are matched with gold span groups (see :mod:`kg.konec`), by exact offsets and by
overlap (one-to-one). Precision counts every prediction of the type except those that fall on a "neutral" group
(e.g. when scoring titled persons, an Official on an untitled PS_NAME is neutral).

Subsets: ``news`` = the ``-wikitree`` sentences (default, as the data README advises), ``civic`` = news sentences
with a CV_POSITION, OGG_POLITICS or Korean local-government tag, ``all`` = all 5,000 (NSMC movie reviews too).

Examples:
  .venv/bin/python scripts/eval_konec.py                      # news sentences, table
  .venv/bin/python scripts/eval_konec.py --subset all --subset civic --limit 500
  .venv/bin/python scripts/eval_konec.py --json --examples 5 > konec.json
  .venv/bin/python scripts/eval_konec.py --baseline konec.json   # after a change: table with F1 deltas
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from kg.konec import (PRED_TYPES, ROWS, Counts, confusion_label, gold_groups, local_government_test, match,
                      predicted_spans, read_konec)
from kg.model import Article
from kg.pipeline import extract

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "konec" / "konec-dev.tsv"
SUBSETS = ("news", "civic", "all")


def in_subset(name: str, sent, groups) -> bool:
    if name == "all":
        return True
    if not sent.is_news:
        return False
    if name == "civic":
        return bool(groups["city"] or groups["org_politics"] or any(s.label == "CV_POSITION" for s in sent.spans))
    return True


def evaluate(path: Path, subsets: list[str], limit: int | None = None, n_examples: int = 0) -> dict:
    is_local = local_government_test()
    counts = {sub: {(t, g, m): Counts() for t, g, _ in ROWS for m in ("exact", "overlap")} for sub in subsets}
    n_sent = Counter()
    confusion = {sub: {t: Counter() for t in PRED_TYPES} for sub in subsets}
    examples: dict[str, list] = {}
    errors = []
    t0 = time.time()
    n_run = 0
    for sent in read_konec(path):
        if "all" not in subsets and not sent.is_news:
            continue
        if limit is not None and n_run >= limit:
            break
        groups = gold_groups(sent, is_local)
        subs = [s for s in subsets if in_subset(s, sent, groups)]
        if not subs:
            continue
        n_run += 1
        try:
            doc = extract(Article(id=sent.guid, text=sent.text, body=[(0, len(sent.text))]))
        except Exception as e:  # a crash is a finding: count it and go on
            errors.append({"guid": sent.guid, "error": f"{type(e).__name__}: {e}"})
            continue
        preds = predicted_spans(doc)
        for sub in subs:
            n_sent[sub] += 1
        for t, g, neutral in ROWS:
            for mode in ("exact", "overlap"):
                neu = [s for n in neutral for s in groups[n]]
                r = match(preds[t], groups[g], neu, mode == "exact")
                for sub in subs:
                    counts[sub][(t, g, mode)].add(r, len(preds[t]), len(groups[g]))
                if mode == "overlap" and n_examples and sent.is_news:
                    for kind, items in (("fp", r["fp"]), ("fn", r["fn"])):
                        key = f"{t}/{g}/{kind}"
                        lst = examples.setdefault(key, [])
                        if len(lst) < n_examples:
                            for it in items[: n_examples - len(lst)]:
                                sp = (it[0], it[1]) if kind == "fp" else (it.start, it.end)
                                lst.append({"guid": sent.guid, "span": sp, "text": sent.text[sp[0]:sp[1]],
                                            "context": sent.text[max(0, sp[0] - 12):sp[1] + 12]})
        # what the wrong predictions are in gold (type confusion), overlap view
        all_gold = {s for grp in groups.values() for s in grp}
        for t in PRED_TYPES:
            for p in preds[t]:
                if not any(p[0] < s.end and s.start < p[1] for s in all_gold):
                    lab = confusion_label(p, sent.spans)
                    for sub in subs:
                        confusion[sub][t][lab] += 1
    rows = {}
    for sub in subsets:
        rows[sub] = []
        for t, g, neutral in ROWS:
            row = {"pred_type": t, "gold": g, "neutral": list(neutral)}
            for mode in ("exact", "overlap"):
                c = counts[sub][(t, g, mode)]
                p, r, f = c.prf()
                row[mode] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": c.tp_gold,
                             "pred": c.pred, "gold": c.gold}
            rows[sub].append(row)
    return {
        "file": str(path), "sentences": dict(n_sent), "seconds": round(time.time() - t0, 1), "rows": rows,
        "wrong_prediction_gold_labels": {sub: {t: dict(c.most_common(12)) for t, c in confusion[sub].items()}
                                         for sub in subsets},
        "crashes": errors, "examples": examples,
    }


def print_table(res: dict, out=sys.stdout, baseline: dict | None = None) -> None:
    print(f"konec: {res['file']}  ({res['seconds']} s)", file=out)
    for sub, rows in res["rows"].items():
        base = {(r["pred_type"], r["gold"]): r for r in (baseline or {}).get("rows", {}).get(sub, [])}
        print(f"\n== subset {sub}: {res['sentences'].get(sub, 0)} sentences", file=out)
        print(f"{'pred':<12}{'gold group':<14}{'#gold':>6}{'#pred':>6} | {'exact P':>8}{'R':>7}{'F1':>7} |"
              f"{'overlap P':>10}{'R':>7}{'F1':>7}" + ("   dF1 (overlap)" if baseline else ""), file=out)
        for row in rows:
            e, o = row["exact"], row["overlap"]
            b = base.get((row["pred_type"], row["gold"]))
            delta = f"   {o['f1'] - b['overlap']['f1']:+.3f}" if b else ""
            print(f"{row['pred_type']:<12}{row['gold']:<14}{o['gold']:>6}{o['pred']:>6} | {e['p']:>8.3f}{e['r']:>7.3f}"
                  f"{e['f1']:>7.3f} |{o['p']:>10.3f}{o['r']:>7.3f}{o['f1']:>7.3f}{delta}", file=out)
        conf = res["wrong_prediction_gold_labels"][sub]
        print("  wrong predictions (overlapping no gold group) fall on gold labels:", file=out)
        for t, c in conf.items():
            if c:
                print(f"    {t:<12}" + ", ".join(f"{k} {v}" for k, v in c.items()), file=out)
    if res["crashes"]:
        print(f"\ncrashes: {len(res['crashes'])}, first: {res['crashes'][0]}", file=out)
    for key, lst in res["examples"].items():
        print(f"\n-- {key}", file=out)
        for x in lst:
            print(f"   {x['text']!r:<24} … {x['context']}", file=out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 epilog="example: .venv/bin/python scripts/eval_konec.py --subset news --limit 300")
    ap.add_argument("path", nargs="?", default=str(DEFAULT), help="konec-dev.tsv (default: ../shared/data/konec)")
    ap.add_argument("--subset", action="append", choices=SUBSETS, help="news (default), civic, all; repeatable")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N sentences read")
    ap.add_argument("--examples", type=int, default=0, help="keep N examples of each error kind (news only)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--baseline", metavar="JSON", help="an earlier --json output: show overlap-F1 changes against it")
    a = ap.parse_args(argv)
    path = Path(a.path)
    if not path.is_file():
        print(f"{path}: no such file (konec-dev.tsv is in /work/shared/data/konec)", file=sys.stderr)
        return 2
    baseline = None
    if a.baseline:
        try:
            baseline = json.loads(Path(a.baseline).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"{a.baseline}: cannot read baseline JSON: {e}", file=sys.stderr)
            return 2
    res = evaluate(path, a.subset or ["news", "civic"], a.limit, a.examples)
    if a.json:
        json.dump(res, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_table(res, baseline=baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
