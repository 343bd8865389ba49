"""policytext: what a policy op-ed asks government to do, and how that compares with
what government has officially said.

Examples:
    >>> import policytext as pt
    >>> text = "Rents in Britain rise. Ministers should cap rents and councils must publish data."
    >>> [(r.actor, r.text) for r in pt.segment(text)]
    [('UK government', 'Ministers should cap rents'), ('councils', 'councils must publish data')]
"""

import importlib
from typing import TYPE_CHECKING, Any

from policytext.errors import (
    CacheError,
    EmptyTextError,
    InputError,
    ModelError,
    PolicyTextError,
    PositionsError,
    PositionsFileError,
)
from policytext.positions import Position, load_positions
from policytext.result import Comparison, ComparisonItem, Highlight, Match, Summary, Verdict
from policytext.segment import Force, Polarity, Recommendation, segment

if TYPE_CHECKING:
    from policytext.embed import Encoder, resolve_encoder
    from policytext.index import PositionIndex
    from policytext.pipeline import compare
    from policytext.score import Thresholds, Weights

# Names whose modules import numpy: loaded on first use, so that `import policytext`,
# `policytext segment` and `policytext --help` stay fast.
_LAZY = {
    "compare": "policytext.pipeline",
    "Encoder": "policytext.embed",
    "resolve_encoder": "policytext.embed",
    "PositionIndex": "policytext.index",
    "Thresholds": "policytext.score",
    "Weights": "policytext.score",
}

__version__ = "0.1.0"

__all__ = [
    "CacheError",
    "Comparison",
    "ComparisonItem",
    "EmptyTextError",
    "Encoder",
    "Force",
    "Highlight",
    "InputError",
    "Match",
    "ModelError",
    "Polarity",
    "PolicyTextError",
    "Position",
    "PositionIndex",
    "PositionsError",
    "PositionsFileError",
    "Recommendation",
    "Summary",
    "Thresholds",
    "Verdict",
    "Weights",
    "__version__",
    "compare",
    "load_positions",
    "resolve_encoder",
    "segment",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'policytext' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
