"""Test helpers: a deterministic fake encoder and a fixed corpus of policy-like sentences.

Nothing here loads a model; :class:`HashingEncoder` is pure numpy and fast, so cache and
resolution logic can be tested without torch or onnxruntime.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from policytext._types import FloatMatrix

__all__ = ["HashingEncoder", "NoDimEncoder", "policy_sentences", "shared_onnx_cache_dir"]


@functools.cache
def shared_onnx_cache_dir() -> Path:
    """The cache dir the real-model tests share, so the ONNX file is exported once (~5 s).

    ``$POLICYTEXT_CACHE_DIR`` if set (tests/conftest.py points it at a session temp dir),
    else a temporary dir removed at exit.
    """
    env = os.environ.get("POLICYTEXT_CACHE_DIR", "").strip()
    if env:
        return Path(env)
    path = Path(tempfile.mkdtemp(prefix="policytext-test-cache-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


class HashingEncoder:
    """A deterministic :class:`policytext.embed.Encoder` for tests.

    Each text maps to a unit vector seeded by the sha256 of the text, so equal texts get
    equal rows and different texts (almost surely) different ones. ``calls`` records every
    batch handed to :meth:`encode`, so tests can check what a cache let through.
    """

    def __init__(self, dim: int = 8, identity: str = "hashing-fake:v1") -> None:
        self.dim = dim
        self._identity = identity
        self.calls: list[list[str]] = []
        self._lock = threading.Lock()

    @property
    def identity(self) -> str:
        return self._identity

    @property
    def encoded_texts(self) -> list[str]:
        return [t for batch in self.calls for t in batch]

    def vector(self, text: str) -> FloatMatrix:
        seed = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "little")
        v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
        out: FloatMatrix = (v / np.linalg.norm(v)).astype(np.float32)
        return out

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        with self._lock:
            self.calls.append(list(texts))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.vector(t) for t in texts]).astype(np.float32)


class NoDimEncoder:
    """Wraps an encoder, hiding its ``dim`` (the cache must then learn sizes by encoding)."""

    def __init__(self, inner: HashingEncoder) -> None:
        self.inner = inner

    @property
    def identity(self) -> str:
        return self.inner.identity

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        return self.inner.encode(texts)


_ACTORS = [
    "The government",
    "Ministers",
    "The Treasury",
    "The Home Office",
    "Ofcom",
    "The Foreign Secretary",
    "Parliament",
    "Local councils",
    "The NHS",
    "The Department for Education",
    "Britain",
    "The UK",
    "Whitehall",
    "The Bank of England",
]
_ACTIONS = [
    "should increase funding for",
    "must stop cutting",
    "needs to review",
    "ought to suspend",
    "could expand",
    "must urgently reform",
    "should publish a full assessment of",
    "has to end its support for",
    "should work with allies on",
    "must not delay",
    "should deepen cooperation on",
    "needs a long-term plan for",
]
_OBJECTS = [
    "social care",
    "arms export licences to Israel",
    "the free trade agreement negotiations",
    "air defence procurement",
    "cybersecurity standards for critical infrastructure",
    "online safety rules for children",
    "the two-child benefit cap",
    "teacher recruitment in England",
    "net zero targets",
    "housing supply in the south-east",
    "sanctions on Iran's ballistic missile programme",
    "NHS waiting lists",
    "asylum processing",
    "the recognition of a Palestinian state",
]
_TAILS = [
    "",
    " by 2030",
    " before the next spending review",
    ", as the Institute for Fiscal Studies has repeatedly warned",
    " so that families are not left paying the price for decades of underinvestment",
    ", working closely with devolved administrations, local authorities and the voluntary"
    " sector to make sure that the money reaches the people who need it most",
    " — and it should say so plainly in the House of Commons",
    " (including a statutory duty to report progress to Parliament every year)",
]
_EXTRA = [
    "Yes.",
    "Reform now.",
    "We need a reset.",
    "It is time to act.",
    "Enough is enough: scrap the cap!",
    "The ceasefire deal offers an opportunity for a reset \u2013 not simply to restore the"
    " relationship, but to deepen and strengthen it.",
    "Cooperation to combat terrorism helps keep the streets of Britain safe.",
    "The UK\u2013Israel trade partnership is worth nearly £6bn a year and supports"
    " thousands of jobs.",
    "Ministers must explain why the £22bn “black hole” was not disclosed before the election.",
    "Die Regierung sollte die Verteidigungsausgaben erhöhen.",
    "Le gouvernement doit publier son évaluation complète d\u2019ici juin.",
    "政府应该增加对社会保障的投入。",
    "COVID-19, AUKUS, G7 & NATO: 2% → 2.5% → 3% of GDP?",
    "   leading and trailing whitespace around a short ask   ",
    "Line one of an ask\nwith a line break and a\ttab.",
]


def policy_sentences(n: int = 200) -> list[str]:
    """Return ``n`` deterministic, varied policy-like sentences (a few words to > 256 tokens).

    Mixes templated asks of many lengths with a few odd ones (non-Latin scripts, symbols,
    whitespace, and one passage long enough to be truncated at 256 tokens).
    """
    out: list[str] = list(_EXTRA)
    long_text = " ".join(
        f"{a} {v} {o}{t}."
        for a, v, o, t in zip(_ACTORS, _ACTIONS, _OBJECTS, _TAILS * 2, strict=False)
    )
    out.append(long_text + " " + long_text)
    i = 0
    while len(out) < n:
        a = _ACTORS[i % len(_ACTORS)]
        v = _ACTIONS[(i * 7 + 3) % len(_ACTIONS)]
        o = _OBJECTS[(i * 5 + 1) % len(_OBJECTS)]
        t = _TAILS[(i * 3 + i // 11) % len(_TAILS)]
        s = f"{a} {v} {o}{t}."
        if i % 9 == 4:
            o2 = _OBJECTS[(i * 11 + 2) % len(_OBJECTS)]
            s = s[:-1] + f", and it {v.split(' ', 1)[0]} also look again at {o2}."
        if s not in out:
            out.append(s)
        i += 1
    return out[:n]
