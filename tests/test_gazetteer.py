"""Gazetteer table and lookups (kg/data/gazetteer.csv, kg.gazetteer)."""
from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.gazetteer import Gazetteer
from kg.resources import data_file

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).parents[2] / "shared"


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.load()


def name(gz, surface, on=None, **kw):
    r = gz.lookup(surface, on, **kw)
    return r.unit.name if r and r.unit else None


def test_counts(gz):
    lg_now = gz.units_on(date(2026, 11, 22))
    assert len([u for u in lg_now if u.is_sido]) == 16
    assert len([u for u in lg_now if not u.is_sido]) == 227
    lg_2020 = gz.units_on(date(2020, 1, 1))
    assert len([u for u in lg_2020 if u.is_sido]) == 17
    assert len([u for u in lg_2020 if not u.is_sido]) == 226


def test_real_codes(gz):
    assert gz.lookup("포항").unit.code5 == "47110"
    assert gz.lookup("오산시").unit.code5 == "41370"
    assert gz.lookup("해운대구").unit.code5 == "26350"
    assert gz.unit("47110").parent_name == "경상북도"
    assert gz.unit("26350").parent_name == "부산광역시"


@pytest.mark.parametrize("surface,expected", [
    ("포항", "포항시"), ("포항시", "포항시"), ("포항시청", "포항시"), ("포항시장", "포항시"),
    ("서울", "서울특별시"), ("서울시", "서울특별시"), ("서울특별시", "서울특별시"), ("서울시청", "서울특별시"),
    ("경북", "경상북도"), ("경상북도", "경상북도"), ("경북도", "경상북도"), ("경북도지사", "경상북도"),
    ("부산", "부산광역시"), ("부산시", "부산광역시"), ("부산광역시", "부산광역시"),
    ("울산시", "울산광역시"), ("울산시장", "울산광역시"), ("세종", "세종특별자치시"), ("세종시", "세종특별자치시"),
    ("강원", "강원특별자치도"), ("강원도", "강원특별자치도"), ("강원특별자치도", "강원특별자치도"),
    ("전북", "전북특별자치도"), ("전라북도", "전북특별자치도"), ("전북특별자치도", "전북특별자치도"),
    ("제주", "제주특별자치도"), ("제주도", "제주특별자치도"), ("충남", "충청남도"), ("충북", "충청북도"),
    ("경남", "경상남도"), ("경기도청", "경기도"), ("경기지사", "경기도"), ("울진군수", "울진군"),
    ("해운대구청장", "해운대구"), ("수원특례시", "수원시"), ("오산", "오산시"),
])
def test_short_forms_2025(gz, surface, expected):
    assert name(gz, surface, date(2025, 11, 24)) == expected


def test_title_and_kind(gz):
    r = gz.lookup("울산시장")
    assert (r.kind, r.title) == ("title", "시장")
    assert gz.lookup("경기도청").kind == "office"
    assert gz.lookup("울진군수").title == "군수"


def test_dates(gz):
    assert gz.lookup("군위군", date(2022, 5, 1)).unit.parent_name == "경상북도"
    assert gz.lookup("군위군", date(2024, 5, 1)).unit.parent_name == "대구광역시"
    assert gz.lookup("군위군", date(2024, 5, 1)).unit.code5 == "27720"
    assert name(gz, "광주", date(2020, 3, 1)) == "광주광역시"
    assert name(gz, "광주광역시", date(2020, 3, 1)) == "광주광역시"
    assert name(gz, "광주", date(2026, 8, 1)) == "전남광주통합특별시"
    assert name(gz, "강원도", date(2020, 3, 1)) == "강원도"
    assert gz.lookup("강원도", date(2020, 3, 1)).unit.code5 == "42000"
    assert gz.lookup("강원도", date(2023, 6, 11)).unit.code5 == "51000"
    assert name(gz, "전라북도", "2023-12-31") == "전라북도"
    assert name(gz, "춘천시", date(2020, 1, 1)) == "춘천시"
    assert gz.lookup("춘천시", date(2020, 1, 1)).unit.parent_name == "강원도"
    assert gz.lookup("춘천시", date(2024, 1, 1)).unit.parent_name == "강원특별자치도"
    assert gz.lookup("미추홀구", date(2020, 1, 1)).unit.code5 == "28177"
    r = gz.lookup("강원특별자치도", date(2022, 1, 1))
    assert r.unit.code5 == "51000" and r.anachronistic


def test_undated_resolves_as_of_end_2025(gz):
    assert gz.lookup("광주").unit.name == "광주광역시"
    assert gz.lookup("전남").unit.name == "전라남도"
    assert gz.lookup("강원도").unit.name == "강원특별자치도"
    assert gz.lookup("군위군").unit.parent_name == "대구광역시"
    r = gz.lookup("전남광주통합특별시")
    assert r.unit.code5 == "12000" and r.anachronistic
    assert gz.successors_of("42110") == {"51110"}


def test_ambiguity(gz):
    r = gz.lookup("중구")
    assert r.unit is None and r.ambiguous and len(r.candidates) >= 5
    assert gz.lookup("중구", context=["26000"]).unit.code5 == "26110"
    assert gz.lookup("중구", near="27000").unit.code5 == "27110"
    r = gz.lookup("고성군")
    assert r.unit is None and {c.code5 for c in r.candidates} == {"51820", "48820"}
    assert gz.lookup("고성군", context=["48220"]).unit.sido_name == "경상남도"  # 통영시 seen
    r = gz.lookup("광주", date(2020, 1, 1))
    assert r.unit.name == "광주광역시" and r.ambiguous and r.reason == "prefer-sido"
    assert gz.lookup("광주시", date(2020, 1, 1), context=["41000"]).unit.code5 == "41610"
    assert gz.lookup("남구", near="47110").unit.name == "포항시 남구"
    assert not gz.lookup("남구", near="47110").unit.is_local_government


def test_common_word_stems_are_not_forms(gz):
    for w in ("예산", "음성", "강화", "달성", "해운대", "강남"):
        assert w not in gz, w
    assert "예산군" in gz and "강화군" in gz


def test_forms_of(gz):
    forms = gz.forms_of("31000")
    assert forms[0] == "울산광역시" and "울산" in forms and "울산시" in forms


def test_table_columns_and_levels():
    with data_file("gazetteer.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    levels = {r["level"] for r in rows}
    assert levels == {"metropolitan", "province", "city", "county", "district"}
    codes = [r["code5"] for r in rows]
    assert len(codes) == len(set(codes))
    by = {r["code5"]: r for r in rows}
    assert by["36000"]["wikidata_qid"] == "Q20929"
    assert by["42000"]["successor_code5"] == "51000" and by["51000"]["predecessor_code5"] == "42000"


def test_bad_table_names_file_and_line(tmp_path):
    src = data_file("gazetteer.csv").read_text(encoding="utf-8").splitlines()
    header = src[0].split(",")
    row = src[2].split(",")
    row[header.index("valid_from")] = "not-a-date"
    p = tmp_path / "g.csv"
    p.write_text("\n".join([src[0], src[1], ",".join(row)]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.csv:3"):
        Gazetteer.from_csv(p)


@pytest.mark.skipif(not (SHARED / "data" / "kr-admin-divisions").exists(), reason="shared data folder absent")
def test_build_script_reproduces_table(tmp_path):
    out = tmp_path / "g.csv"
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_gazetteer.py"),
                    "--src", str(SHARED / "data" / "kr-admin-divisions"), "--out", str(out)], check=True)
    assert out.read_text(encoding="utf-8") == data_file("gazetteer.csv").read_text(encoding="utf-8")
