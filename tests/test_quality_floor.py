"""Quality floor: extraction on seeds/ scored against the shared seed gold must not fall below what was reached.

Needs ../shared/eval/seeds/gold beside the repository; skipped when it is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import load_gold, score
from kg.loaders import iter_articles
from kg.model import SourceError
from kg.pipeline import extract
from kg.predict import doc_to_prediction

REPO = Path(__file__).parents[1]
SHARED = Path(__file__).parents[2] / "shared"
GOLD = SHARED / "eval" / "seeds" / "gold"
DEV = SHARED / "eval" / "dev"

# floors a little under the scores reached when this test was written (seeds alone: entity 1.000, relation 0.964)
ENTITY_F1_FLOOR = 0.96
RELATION_F1_FLOOR = 0.92


def _predict(paths):
    preds = []
    for a in iter_articles([str(p) for p in paths]):
        assert not isinstance(a, SourceError), str(a)
        preds.append(doc_to_prediction(extract(a)))
    return preds


@pytest.mark.skipif(not GOLD.is_dir(), reason=f"shared seed gold not found at {GOLD}")
def test_seed_quality_floor():
    res = score(load_gold(GOLD), _predict([REPO / "seeds"]))
    assert not res["missing_predictions"]
    ent_f1, rel_f1 = res["entities_micro"][5], res["relations_micro"][5]
    assert ent_f1 >= ENTITY_F1_FLOOR, f"entity micro-F1 {ent_f1:.3f} < {ENTITY_F1_FLOOR}"
    assert rel_f1 >= RELATION_F1_FLOOR, f"relation micro-F1 {rel_f1:.3f} < {RELATION_F1_FLOOR}"


@pytest.mark.slow
@pytest.mark.skipif(not (DEV / "gold").is_dir(), reason=f"shared dev gold not found at {DEV}")
def test_dev_identity_floor():
    golds = load_gold(GOLD) + load_gold(DEV / "gold") if GOLD.is_dir() else load_gold(DEV / "gold")
    res = score(golds, _predict([REPO / "seeds", DEV / "articles"]))
    ident = res["identity"]
    assert ident["precision"] >= 0.98 and ident["recall"] >= 0.95, ident
    # reached: entity 0.995, relation 0.973 (seeds + dev); the project's targets are 0.88 and 0.70
    assert res["entities_micro"][5] >= 0.95
    assert res["relations_micro"][5] >= 0.92
