"""kg works from a plain `pip install .` outside the repository: the ontology, queries and data files ship with it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_installed_copy_finds_its_files(tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(REPO)],
        check=True,
        cwd=tmp_path,
    )
    code = (
        "import kg, kg.resources as r, kg.canned as c\n"
        "assert 'site' in kg.__file__, kg.__file__\n"
        "assert (r.ontology_dir() / 'kg.ttl').exists()\n"
        "assert (r.ontology_dir() / 'shapes.ttl').exists()\n"
        "assert (r.ontology_dir() / 'themes.ttl').exists()\n"
        "assert (r.data_dir() / 'gazetteer.csv').exists()\n"
        "names = [q.name for q in c.list_queries()]\n"
        "assert 'partners-of' in names and 'policies-targeting' in names, names\n"
        "import kg.loaders\n"
        "assert 'site' in kg.loaders.__file__\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
