"""``kg read``: one JSON line per article on stdout, errors named on stderr."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_read_seeds_and_a_bad_file(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    res = CliRunner().invoke(main, ["read", str(SEEDS), str(bad), "--body"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["id"] for r in rows] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    r4 = rows[4]
    assert (r4["outlet"], r4["published"], r4["reporters"]) == ("뉴스스텝", "2025-11-24", ["최선경"])
    assert not any("최신뉴스" in p for p in r4["body"])
    assert "empty.txt: empty file" in res.stderr and "5 articles read, 1 errors" in res.stderr
    strict = CliRunner().invoke(main, ["read", str(bad), "--strict"])
    assert strict.exit_code == 1


def test_read_with_column_options(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("머리,글\n제목,본문이다.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["read", str(p), "-o", "text_col=글", "-o", "title_col=머리"])
    assert res.exit_code == 0, res.output
    (row,) = [json.loads(line) for line in res.stdout.splitlines()]
    assert row["title"] == "제목" and row["id"] == "c#2"
    bad = CliRunner().invoke(main, ["read", str(p), "-o", "text_col"])
    assert bad.exit_code != 0 and "NAME=VALUE" in bad.output
