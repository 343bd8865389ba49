"""Shared fixtures: paths to the seed data and the development set, fake and real encoders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests._fakes import HashingEncoder

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "000_ba120e16f5a1800d.txt"
SEED_POSITIONS = SEEDS / "000_ba120e16f5a1800d.positions.jsonl"
SEED_GOLD = SEEDS / "000_ba120e16f5a1800d.gold.json"
DEV = ROOT / "benchmarks" / "data" / "dev"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the test run's embedding cache and ONNX exports out of the user's cache dir."""
    os.environ.setdefault("POLICYTEXT_CACHE_DIR", str(tmp_path_factory.mktemp("policytext-cache")))


@pytest.fixture
def fake_encoder() -> HashingEncoder:
    """A deterministic encoder that loads no model."""
    return HashingEncoder(dim=16)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed op-ed."""
    return SEED_TEXT.read_text(encoding="utf-8")
