"""Files kg ships beside its code: the ontology, canned queries and data tables.

In the repository they live in the top-level folders ``ontology/``, ``queries/`` and ``kg/data/``; after
``pip install .`` they are installed as the packages ``kg.ontology``, ``kg.queries`` and ``kg.data``
(see ``[tool.setuptools.package-dir]`` in pyproject.toml). This module finds them in both cases.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def _dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def ontology_dir() -> Path:
    return _dir("kg.ontology")


def queries_dir() -> Path:
    return _dir("kg.queries")


def data_dir() -> Path:
    return _dir("kg.data")


def data_file(name: str) -> Path:
    p = data_dir() / name
    if not p.exists():
        raise FileNotFoundError(f"kg data file {name!r} is missing from {data_dir()}: reinstall kg (pip install .)")
    return p
