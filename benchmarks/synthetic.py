"""Deterministic, policy-like synthetic data for the scale benchmark.

* :func:`position_texts` / :func:`positions`: official-sounding statements ("The Department
  for Transport has announced £2 billion for rail electrification in the North by 2030.").
* :func:`recommendation_texts` / :func:`recommendations`: op-ed style asks ("Ministers should
  scrap the planned cuts to bus subsidies in rural areas.") over the same vocabulary, so
  retrieval has real near neighbours.
* :func:`cached_embeddings`: the positions' embeddings, encoded once per encoder identity and
  kept as ``.npy`` under ``<cache dir>/benchmarks/`` so reruns do not re-encode 100,000 texts.

Everything is generated from one seeded :class:`random.Random` in sequence, so the first
``n`` texts of a longer run are exactly the texts of a run of ``n``: a cached 100,000-row
matrix also serves the 5,000-row quick mode.

Run ``python -m benchmarks.synthetic [N]`` to print a sample (or build the cache:
``--encode``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

import policytext as pt

__all__ = [
    "GENERATOR_VERSION",
    "cache_dir",
    "cached_embeddings",
    "embeddings_path",
    "encode_info",
    "position_texts",
    "positions",
    "recommendation_texts",
    "recommendations",
]

GENERATOR_VERSION = 1
"""Bump when the generated texts change: it is part of the cache file name."""

FloatMatrix = npt.NDArray[np.float32]

_ACTORS = (
    "The Government",
    "The Treasury",
    "The Home Office",
    "The Department for Education",
    "The Department of Health and Social Care",
    "The Department for Transport",
    "The Department for Energy Security and Net Zero",
    "The Ministry of Defence",
    "The Foreign Office",
    "The Department for Business and Trade",
    "The Ministry of Housing, Communities and Local Government",
    "The Department for Work and Pensions",
    "The Department for Environment, Food and Rural Affairs",
    "The Cabinet Office",
    "The Prime Minister",
    "The Chancellor",
    "The Secretary of State",
    "Ministers",
    "The Scottish Government",
    "The Welsh Government",
    "Ofcom",
    "Ofgem",
    "The Bank of England",
    "NHS England",
    "The Competition and Markets Authority",
)

_POSITION_VERBS = (
    "has announced",
    "has confirmed",
    "will introduce",
    "plans to expand",
    "has ruled out",
    "has rejected calls for",
    "has suspended",
    "will consult on",
    "has committed to",
    "is reviewing",
    "has delayed",
    "has scrapped",
    "will legislate for",
    "has published guidance on",
    "has extended",
    "will phase out",
    "has opened talks on",
    "has increased",
    "has cut",
    "will pilot",
)

_ASK_VERBS = (
    "introduce",
    "expand",
    "scrap",
    "reverse",
    "fund",
    "suspend",
    "legislate for",
    "consult on",
    "extend",
    "phase out",
    "restart talks on",
    "increase",
    "cut",
    "pilot",
    "review",
    "publish a plan for",
    "ban",
    "cap",
    "set a deadline for",
    "end",
)

_AMOUNTS = (
    "£{n} million for",
    "£{n} billion for",
    "a {n} per cent increase in",
    "a {n} per cent cut to",
    "new funding for",
    "a levy on",
    "a cap on",
    "tax relief for",
    "a ban on",
    "stricter rules on",
    "a review of",
    "a statutory duty on",
    "a national strategy for",
    "",
)

_TOPICS = (
    "rail electrification",
    "bus subsidies",
    "social housing",
    "private rents",
    "onshore wind",
    "offshore wind",
    "nuclear power",
    "home insulation",
    "heat pumps",
    "electric vehicle charging",
    "school buildings",
    "teacher pay",
    "free school meals",
    "university tuition fees",
    "apprenticeships",
    "adult social care",
    "GP appointments",
    "mental health services",
    "hospital waiting lists",
    "dental care",
    "child benefit",
    "universal credit",
    "the state pension",
    "disability benefits",
    "asylum processing",
    "small boat crossings",
    "skilled worker visas",
    "police numbers",
    "knife crime",
    "prison places",
    "flood defences",
    "water company fines",
    "farm subsidies",
    "food imports",
    "trade talks with India",
    "the free trade agreement with Israel",
    "arms export licences",
    "overseas aid",
    "defence spending",
    "cyber security",
    "online safety",
    "artificial intelligence",
    "data protection",
    "broadband rollout",
    "steel production",
    "carbon capture",
    "airport expansion",
    "road maintenance",
    "local council budgets",
    "business rates",
    "corporation tax",
    "fuel duty",
    "energy bills",
    "the windfall tax on oil and gas",
    "zero-hours contracts",
    "the minimum wage",
    "childcare places",
    "youth services",
    "planning permission",
    "green belt land",
)

_WHERE = (
    "in England",
    "in Scotland",
    "in Wales",
    "in Northern Ireland",
    "across the UK",
    "in the North",
    "in rural areas",
    "in coastal towns",
    "in London",
    "in the Midlands",
    "for low-income households",
    "for first-time buyers",
    "for small businesses",
    "for young people",
    "for pensioners",
    "",
)

_WHEN = (
    "by 2030",
    "by the end of the Parliament",
    "from next April",
    "within two years",
    "this autumn",
    "from 2027",
    "before the next spending review",
    "over the next decade",
    "",
    "",
)

_REASONS = (
    "citing pressure on public finances",
    "after a public consultation",
    "following an independent review",
    "to meet its net zero commitments",
    "to reduce costs for families",
    "in response to rising demand",
    "pending legal advice",
    "after talks with industry",
    "to protect national security",
    "in line with its manifesto",
)

_ASK_OPENERS = (
    "The government should",
    "Ministers must",
    "The Treasury needs to",
    "The next government should",
    "Westminster must urgently",
    "The Chancellor should",
    "Parliament should",
    "We need to",
    "The Home Secretary must",
    "Councils should be funded to",
)

_ASK_TAILS = (
    "before it is too late",
    "rather than waiting for another review",
    "and publish the evidence",
    "so that the burden does not fall on the poorest",
    "as other European countries have done",
    "",
    "",
)

_SPACES = re.compile(r"\s+")
_BIG_N = 100_000
"""How many positions the full scale case uses."""


def _tidy(words: Sequence[str]) -> str:
    return _SPACES.sub(" ", " ".join(w for w in words if w)).strip()


def _amount(rng: random.Random) -> str:
    return rng.choice(_AMOUNTS).format(n=rng.choice((2, 5, 10, 15, 20, 50, 120, 300, 750)))


def _iter_positions(seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    while True:
        parts = [
            rng.choice(_ACTORS),
            rng.choice(_POSITION_VERBS),
            _amount(rng),
            rng.choice(_TOPICS),
            rng.choice(_WHERE),
            rng.choice(_WHEN),
        ]
        text = _tidy(parts)
        if rng.random() < 0.45:
            text += ", " + rng.choice(_REASONS)
        if rng.random() < 0.25:
            text += (
                ", and "
                + rng.choice(_POSITION_VERBS)
                + " "
                + _tidy([_amount(rng), rng.choice(_TOPICS), rng.choice(_WHERE)])
            )
        yield text + "."


def _iter_asks(seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    while True:
        parts = [
            rng.choice(_ASK_OPENERS),
            rng.choice(_ASK_VERBS),
            _amount(rng),
            rng.choice(_TOPICS),
            rng.choice(_WHERE),
            rng.choice(_WHEN),
            rng.choice(_ASK_TAILS),
        ]
        yield _tidy(parts) + "."


def _take(source: Iterator[str], n: int, prefix: str) -> list[str]:
    # Texts repeat by chance; a suffix keeps each one distinct (as a real corpus would be)
    # without changing the ones before it.
    out: list[str] = []
    seen: dict[str, int] = {}
    for text in source:
        if len(out) == n:
            break
        count = seen.get(text, 0)
        seen[text] = count + 1
        out.append(text if count == 0 else f"{text[:-1]} ({prefix} {count + 1}).")
    return out


def position_texts(n: int, *, seed: int = 20251124) -> list[str]:
    """``n`` distinct official-position texts; the first ``m`` are the same for every n >= m."""
    return _take(_iter_positions(seed), n, "statement")


def positions(n: int, *, seed: int = 20251124) -> list[pt.Position]:
    """``n`` synthetic :class:`policytext.Position` objects, ids ``SYN-000000`` onwards."""
    return [
        pt.Position(
            f"SYN-{i:06d}",
            text,
            source="synthetic",
            date=f"20{15 + i % 11:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        )
        for i, text in enumerate(position_texts(n, seed=seed))
    ]


def recommendation_texts(n: int, *, seed: int = 7) -> list[str]:
    """``n`` distinct op-ed asks over the positions' vocabulary."""
    return _take(_iter_asks(seed), n, "point")


def recommendations(n: int, *, seed: int = 7) -> list[pt.Recommendation]:
    """``n`` synthetic :class:`policytext.Recommendation` objects (each its own document)."""
    return [pt.Recommendation(t, 0, len(t)) for t in recommendation_texts(n, seed=seed)]


# ----------------------------------------------------------------------------- embeddings


def cache_dir() -> Path:
    """policytext's cache directory (``$POLICYTEXT_CACHE_DIR`` or the user cache dir)."""
    env = os.environ.get("POLICYTEXT_CACHE_DIR", "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("policytext"))


def embeddings_path(identity: str, n: int, *, root: Path | None = None) -> Path:
    """Where the embeddings of the first ``n`` synthetic positions under ``identity`` live."""
    key = hashlib.sha256(f"{identity}\0v{GENERATOR_VERSION}".encode()).hexdigest()[:16]
    return (root or cache_dir()) / "benchmarks" / f"synthetic-v{GENERATOR_VERSION}-{key}-{n}.npy"


def _load(path: Path, n: int) -> FloatMatrix | None:
    try:  # memory-mapped: a 5,000-row run reads 5,000 rows of the 100,000-row file
        matrix = np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError):
        return None
    if matrix.ndim != 2 or matrix.shape[0] < n or matrix.dtype != np.float32:
        return None
    head = np.array(matrix[:n], dtype=np.float32, order="C", copy=True)
    if not np.isfinite(head).all():
        return None
    return head


def _save(path: Path, matrix: FloatMatrix, info: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        np.save(f, matrix, allow_pickle=False)
    tmp.replace(path)
    path.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")


def encode_info(identity: str, n: int, *, root: Path | None = None) -> dict[str, object]:
    """What was recorded when the cached matrix for (identity, n) was encoded, if anything.

    Keys: ``identity``, ``rows``, ``seconds`` (encoding time) and ``texts_per_s``; falls back
    to the full-size matrix's record, which is the one reused by smaller runs.
    """
    for size in (n, _BIG_N):
        sidecar = embeddings_path(identity, size, root=root).with_suffix(".json")
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            return data
    return {}


def cached_embeddings(
    texts: Sequence[str],
    encoder: pt.Encoder,
    *,
    root: Path | None = None,
    on_encode: Callable[[float], None] | None = None,
) -> FloatMatrix:
    """Embeddings of ``texts`` (the first ``len(texts)`` synthetic positions), from disk if there.

    A cached matrix of at least ``len(texts)`` rows for the same encoder identity is reused
    (its first rows); otherwise the texts are encoded and saved. ``on_encode`` receives the
    encoding time in seconds when encoding happened.
    """
    n = len(texts)
    identity = encoder.identity
    exact = embeddings_path(identity, n, root=root)
    candidates = [exact]
    if n != _BIG_N:
        candidates.append(embeddings_path(identity, _BIG_N, root=root))
    for path in candidates:
        if path.is_file() and (found := _load(path, n)) is not None:
            return found
    start = time.perf_counter()
    matrix = np.ascontiguousarray(encoder.encode(list(texts)), dtype=np.float32)
    seconds = time.perf_counter() - start
    if on_encode is not None:
        on_encode(seconds)
    info: dict[str, object] = {
        "identity": identity,
        "rows": n,
        "seconds": round(seconds, 2),
        "texts_per_s": round(n / seconds, 1) if seconds > 0 else None,
    }
    _save(exact, matrix, info)
    return matrix


def main(argv: Sequence[str] | None = None) -> int:
    """Print a sample of the synthetic data, or encode and cache it (``--encode``)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=5)
    parser.add_argument("--encode", action="store_true", help="encode and cache n positions")
    args = parser.parse_args(argv)
    if args.encode:
        encoder = pt.resolve_encoder(cache=False)
        matrix = cached_embeddings(
            position_texts(args.n),
            encoder,
            on_encode=lambda s: print(f"encoded {args.n} texts in {s:.1f} s"),
        )
        print(matrix.shape, "->", embeddings_path(encoder.identity, args.n))
        return 0
    for text in position_texts(args.n):
        print("P:", text)
    for text in recommendation_texts(args.n):
        print("R:", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
