"""Canned questions: the ``queries/*.rq`` files (SPARQL with a comment header), listed, loaded and run.

(Named ``canned`` because ``kg.queries`` is the installed package of the ``queries/`` folder itself.)

Header of a ``.rq`` file (``#`` comment lines before the query)::

    # question-ko: 이 기관과 협력한 도시는 어디인가?
    # question-en: Which cities partnered with this institution?
    # param: institution = STEPI  (explanation)
    # returns: …

Each ``param`` is a variable of the query (``?institution``) that the caller binds as a plain string literal;
it appears in the SELECT clause (Oxigraph binds only projected variables). The Cypher twin of a query
(``queries/<name>.cypher``) takes the same parameter names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import KgError
from kg.resources import queries_dir

_PARAM = re.compile(r"^([A-Za-z_]\w*)\s*=\s*(.*?)\s*(?:\((.*)\))?\s*$")


@dataclass
class Param:
    name: str
    example: str
    help: str = ""


@dataclass
class CannedQuery:
    name: str
    path: Path
    sparql: str
    question_ko: str = ""
    question_en: str = ""
    params: list[Param] = field(default_factory=list)
    returns: str = ""

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]

    def usage(self) -> str:
        return " ".join(f"--param {p.name}={p.example}" for p in self.params)


def header_fields(text: str, marker: str) -> dict:
    """The ``<marker> key: value`` lines that open a canned query file (``#`` for ``.rq``, ``//`` for ``.cypher``):
    ``question-ko``, ``question-en``, ``returns`` (its continuation lines appended) as strings, ``param`` as the
    list of its values. Blank lines are skipped; the header ends at the first line that is not a comment."""
    head = re.compile(rf"^{re.escape(marker)}\s*([\w-]+)\s*:\s*(.*)$")
    out: dict = {"question-ko": "", "question-en": "", "returns": "", "param": []}
    last = None
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if not s.startswith(marker):
            break
        m = head.match(s)
        if m:
            key, value = m.group(1).lower(), m.group(2).strip()
            last = key
            if key == "param":
                out["param"].append(value)
            elif key in out:
                out[key] = value
        elif last == "returns":  # continuation lines of "returns"
            out["returns"] += " " + s.lstrip(marker[0]).strip()
    return out


def parse_query(path: Path) -> CannedQuery:
    text = path.read_text(encoding="utf-8")
    h = header_fields(text, "#")
    q = CannedQuery(name=path.stem, path=path, sparql=text, question_ko=h["question-ko"],
                    question_en=h["question-en"], returns=h["returns"])
    for value in h["param"]:
        pm = _PARAM.match(value)
        if not pm:
            raise KgError(f"{path}: bad '# param:' line {value!r}; write '# param: name = example (help)'")
        q.params.append(Param(pm.group(1), pm.group(2), (pm.group(3) or "").strip()))
    for p in q.params:
        if not re.search(rf"\?{re.escape(p.name)}\b", text):
            raise KgError(f"{path}: parameter {p.name!r} is not a variable (?{p.name}) of the query")
    return q


def list_queries(directory: Path | None = None) -> list[CannedQuery]:
    d = directory or queries_dir()
    return [parse_query(p) for p in sorted(d.glob("*.rq"))]


def load_query(name: str, directory: Path | None = None) -> CannedQuery:
    d = directory or queries_dir()
    path = d / f"{name.removesuffix('.rq')}.rq"
    if not path.exists():
        names = ", ".join(q.name for q in list_queries(d)) or "(none)"
        raise KgError(f"no canned query {name!r}; the canned queries are: {names} (see `kg queries`)")
    return parse_query(path)


def check_params(q: CannedQuery, params: dict) -> dict:
    """Every declared parameter given, no unknown ones; otherwise a KgError listing the expected parameters."""
    expected = q.param_names
    unknown = sorted(set(params) - set(expected))
    missing = [p for p in expected if p not in params or str(params[p]).strip() == ""]
    if unknown or missing:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if unknown:
            parts.append("unknown " + ", ".join(unknown))
        exp = ", ".join(f"{p.name} (e.g. {p.example})" for p in q.params) or "none"
        raise KgError(
            f"query {q.name}: {'; '.join(parts)} parameter(s). Expected: {exp}. Example: kg query {q.name} {q.usage()}"
        )
    return {k: str(v) for k, v in params.items()}


def run_query(store, name: str, params: dict | None = None, *, timeout: float | None = None) -> list[dict]:
    """Run a canned query by name on a :class:`kg.store.KgStore`; parameters are bound, never formatted in."""
    q = load_query(name)
    return store.query(q.sparql, check_params(q, params or {}), timeout=timeout)


def parse_param_options(values: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["city=포항", "x=a=b"]`` → ``{"city": "포항", "x": "a=b"}`` (CLI ``--param k=v``)."""
    out: dict[str, str] = {}
    for v in values:
        if "=" not in v:
            raise KgError(f"--param {v!r}: write --param name=value")
        k, val = v.split("=", 1)
        out[k.strip()] = val
    return out
