"""Type aliases shared across policytext.

The array aliases exist only for type checkers, so importing this module never
imports numpy.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TypeAlias

__all__ = ["FloatMatrix", "FloatVector", "IntMatrix", "StrPath"]

StrPath: TypeAlias = str | os.PathLike[str]
"""A filesystem path as a string or path-like object."""

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    FloatMatrix: TypeAlias = NDArray[np.float32]
    """2-D float32; ``m[i, j]`` is always recommendation i against position j."""
    FloatVector: TypeAlias = NDArray[np.float32]
    IntMatrix: TypeAlias = NDArray[np.int64]
