"""policytext: what a policy op-ed asks government to do, and how that compares with
what government has officially said.

Examples:
    >>> import policytext as pt
    >>> text = "Rents in Britain rise. Ministers should cap rents and councils must publish data."
    >>> [(r.actor, r.text) for r in pt.segment(text)]
    [('UK government', 'Ministers should cap rents'), ('councils', 'councils must publish data')]
"""

from policytext.compare import compare
from policytext.embed import Encoder, resolve_encoder
from policytext.errors import (
    CacheError,
    EmptyTextError,
    InputError,
    ModelError,
    PolicyTextError,
    PositionsError,
    PositionsFileError,
)
from policytext.index import PositionIndex
from policytext.positions import Position, load_positions
from policytext.result import Comparison, ComparisonItem, Highlight, Match, Summary, Verdict
from policytext.score import Thresholds, Weights
from policytext.segment import Force, Polarity, Recommendation, segment

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
