#!/usr/bin/env python3
"""Build ``kg/data/gazetteer.csv`` from the shared kr-admin-divisions folder.

Usage::

    .venv/bin/python scripts/build_gazetteer.py                       # default source folder
    .venv/bin/python scripts/build_gazetteer.py --src ../shared/data/kr-admin-divisions --out kg/data/gazetteer.csv

Input (read-only, see its PROVENANCE.md): ``kr_admin_units.csv`` (one row per 시도/시군구 unit, current and
abolished 2023–2026), ``kr_admin_changes_2012_2026.csv`` (change log) and ``bjd_code_full_2025.utf8.tsv``
(the official 법정동코드 file, used to confirm the units abolished 2012–2018 that the units table leaves out).

Output: one row per Korean local government (시도 and 시군구: 특별시, 광역시, 특별자치시, 통합특별시, 도,
특별자치도, 시, 군, 자치구), current and abolished since 2012, plus 일반구 and 행정시 rows flagged
``is_local_government=false``. Columns are documented in ``COLUMNS`` below and in kg/data/ATTRIBUTION.md.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "kr-admin-divisions"
DEFAULT_OUT = REPO / "kg" / "data" / "gazetteer.csv"

COLUMNS = [
    "code5",  # 5-digit 행정구역 code (법정동코드 first 5 digits); the City IRI key
    "name",  # official name of the unit: 서울특별시, 포항시, 해운대구, 포항시 남구 (일반구)
    "full_name",  # with its province: 부산광역시 해운대구, 경상북도 포항시
    "unit_type",  # 특별시, 광역시, 특별자치시, 통합특별시, 도, 특별자치도, 시, 군, 자치구, 일반구, 행정시
    "level",  # metropolitan, province, city, county, district (GUIDELINES.md)
    "is_local_government",  # true / false (일반구, 행정시)
    "parent_code5",
    "parent_name",
    "sido_code5",
    "sido_name",
    "short_name",  # 시도 only: 서울, 경북, 전남광주
    "stem",  # name without its 시/군/구 suffix (one-syllable stems keep it: 중구)
    "valid_from",  # ISO date, blank = before 2012 / unknown
    "valid_to",  # ISO date (last valid day), blank = current
    "successor_code5",  # "+" joins several
    "predecessor_code5",  # "+" joins several
    "special_status",  # 특례시 (since …)
    "lat",
    "lon",
    "coord_source",
    "wikidata_qid",
    "qid_source",
    "name_en",
    "iso_3166_2",
    "homonym_count_current",  # current units with the same name (source column)
    "homonym_codes",  # every other row of this table with the same name
    "source",
]

LEVEL_OF = {
    "특별시": "metropolitan",
    "광역시": "metropolitan",
    "특별자치시": "metropolitan",
    "통합특별시": "metropolitan",
    "도": "province",
    "특별자치도": "province",
    "시": "city",
    "행정시": "city",
    "군": "county",
    "자치구": "district",
    "일반구": "district",
}

# Units abolished 2011–2018 that kr_admin_units.csv does not carry. Codes and names are checked against the
# official 법정동코드 file (폐지 flag); dates come from the change log or general knowledge (marked in `source`).
# code5: (name, unit_type, parent_code5, valid_to, successor_code5, date source)
EXTRA_ABOLISHED = {
    "28170": ("남구", "자치구", "28000", "2018-06-30", "28177", "kr_admin_changes_2012_2026.csv"),
    "43710": ("청원군", "군", "43000", "2014-06-30", "43110", "kr_admin_changes_2012_2026.csv"),
    "44730": ("연기군", "군", "44000", "2012-06-30", "36000", "kr_admin_changes_2012_2026.csv"),
    "41730": ("여주군", "군", "41000", "2013-09-22", "41670", "general knowledge (여주시 승격 2013-09-23)"),
    "44830": ("당진군", "군", "44000", "2011-12-31", "44270", "general knowledge (당진시 승격 2012-01-01)"),
}
# valid_from of units created by those changes (the units table leaves them blank)
EXTRA_VALID_FROM = {"28177": "2018-07-01", "41670": "2013-09-23", "44270": "2012-01-01"}


def fail(msg: str) -> None:
    print(f"build_gazetteer: {msg}", file=sys.stderr)
    raise SystemExit(2)


def read_csv(path: Path) -> list[dict]:
    if not path.exists():
        fail(f"{path}: missing (expected the shared kr-admin-divisions folder)")
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_bjd(path: Path) -> dict[str, tuple[str, str]]:
    """10-digit code -> (name, 존재/폐지) for 시도/시군구 rows of the official file."""
    out = {}
    if not path.exists():
        fail(f"{path}: missing")
    with path.open(encoding="utf-8") as f:
        next(f)
        for n, line in enumerate(f, 2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                fail(f"{path}:{n}: expected 3 tab-separated fields, got {len(parts)}")
            code, name, status = parts
            if code.endswith("00000"):
                out[code] = (name.strip(), status)
    return out


def build(src: Path) -> list[dict]:
    units = read_csv(src / "kr_admin_units.csv")
    bjd = read_bjd(src / "bjd_code_full_2025.utf8.tsv")
    rows: dict[str, dict] = {}
    for u in units:
        if u["is_local_government"] != "true" and u["unit_type"] not in ("일반구", "행정시"):
            continue  # the 세종 법정동 row 36110 duplicates 36000
        code = u["code5"]
        if u["unit_type"] not in LEVEL_OF:
            fail(f"kr_admin_units.csv: unit {code} has unknown unit_type {u['unit_type']!r}")
        rows[code] = {
            "code5": code,
            "name": u["name_ko"].strip(),
            "full_name": u["full_name_ko"].strip(),
            "unit_type": u["unit_type"],
            "level": LEVEL_OF[u["unit_type"]],
            "is_local_government": u["is_local_government"],
            "parent_code5": u["parent_code5"],
            "parent_name": u["parent_name_ko"],
            "short_name": u["short_name_ko"],
            "stem": u["stem_ko"],
            "valid_from": u["valid_from"] if u["valid_from"] >= "2012" else "",
            "valid_to": u["valid_to"],
            "successor_code5": u["successor_code5"],
            "special_status": u["special_status"],
            "lat": u["lat"],
            "lon": u["lon"],
            "coord_source": u["coord_source"],
            "wikidata_qid": u["wikidata_qid"],
            "qid_source": u["qid_source"] if u["wikidata_qid"] else "",
            "name_en": u["name_en_rr"],
            "iso_3166_2": u["iso_3166_2"],
            "homonym_count_current": u["homonym_count_current"],
            "source": "kr_admin_units.csv (" + u["code_source"] + ")",
        }
    for code, (name, utype, parent, valid_to, succ, dsrc) in EXTRA_ABOLISHED.items():
        official = bjd.get(code + "00000")
        if not official or official[1] != "폐지" or not official[0].endswith(name):
            fail(f"bjd_code_full_2025.utf8.tsv: expected abolished {code} {name}, found {official}")
        p, s = rows[parent], rows[succ]
        rows[code] = {
            "code5": code, "name": name, "full_name": f"{p['name']} {name}", "unit_type": utype,
            "level": LEVEL_OF[utype], "is_local_government": "true", "parent_code5": parent,
            "parent_name": p["name"], "short_name": "", "stem": name[:-1] if len(name) > 2 else name,
            "valid_from": "", "valid_to": valid_to, "successor_code5": succ, "special_status": "",
            "lat": s["lat"], "lon": s["lon"], "coord_source": f"approx:successor {succ}" if s["lat"] else "",
            "wikidata_qid": "", "qid_source": "", "name_en": "", "iso_3166_2": "", "homonym_count_current": "",
            "source": f"bjd_2025 (폐지); date: {dsrc}",
        }
    for code, vf in EXTRA_VALID_FROM.items():
        rows[code]["valid_from"] = vf
    # predecessor links, sido, homonyms
    preds = defaultdict(list)
    for r in rows.values():
        for s in filter(None, r["successor_code5"].split("+")):
            if s not in rows:
                fail(f"unit {r['code5']} names unknown successor {s}")
            preds[s].append(r["code5"])
    by_name = defaultdict(list)
    for r in rows.values():
        r["predecessor_code5"] = "+".join(sorted(preds.get(r["code5"], [])))
        sido = r["code5"][:2] + "000"
        if sido not in rows:
            fail(f"unit {r['code5']} has no 시도 row {sido}")
        r["sido_code5"], r["sido_name"] = sido, rows[sido]["name"]
        if r["parent_code5"] and r["parent_code5"] not in rows:
            fail(f"unit {r['code5']} names unknown parent {r['parent_code5']}")
        by_name[r["name"]].append(r["code5"])
    for r in rows.values():
        r["homonym_codes"] = "+".join(c for c in by_name[r["name"]] if c != r["code5"])
    return sorted(rows.values(), key=lambda r: r["code5"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    a = ap.parse_args(argv)
    rows = build(a.src)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    lg = [r for r in rows if r["is_local_government"] == "true"]
    cur = [r for r in lg if not r["valid_to"]]
    print(f"wrote {a.out}: {len(rows)} rows, {len(lg)} local governments ({len(cur)} current, "
          f"{len(lg) - len(cur)} abolished), {len(rows) - len(lg)} 일반구/행정시")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
