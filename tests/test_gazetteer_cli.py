"""The `kg city` and `kg institution` commands."""
from __future__ import annotations

import json
from datetime import datetime

from click.testing import CliRunner

from kg.cli import main
from kg.find_cities import find_cities


def test_city_lookup_with_date():
    r = CliRunner().invoke(main, ["city", "광주", "--date", "2020-03-01"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["name"] == "광주광역시" and out["ambiguous"] is True


def test_city_text_mode_lists_mentions():
    r = CliRunner().invoke(main, ["city", "--text", "포항시는 울산시와 협약했다."])
    assert r.exit_code == 0, r.output
    names = [json.loads(line)["name"] for line in r.output.splitlines()]
    assert names == ["포항시", "울산광역시"]


def test_city_errors_are_clear():
    r = CliRunner().invoke(main, ["city", "없는도시"])
    assert r.exit_code != 0 and "not a known name" in r.output
    r = CliRunner().invoke(main, ["city", "중구", "--date", "yesterday"])
    assert r.exit_code != 0 and "--date" in r.output


def test_institution_lookup():
    r = CliRunner().invoke(main, ["institution", "STEPI"])
    assert r.exit_code == 0 and json.loads(r.output)["name"] == "과학기술정책연구원"
    r = CliRunner().invoke(main, ["institution", "가나다재단"])
    assert r.exit_code != 0 and "foundation" in r.output


def test_published_may_be_a_datetime():
    ms = find_cities("강원도는", [(0, 4)], datetime(2020, 5, 1, 9, 30))
    assert ms[0].attrs["code5"] == "42000"
