"""Exceptions raised by policytext.

Every error policytext raises on purpose derives from :class:`PolicyTextError`,
and also from the builtin that best describes it, so callers may catch either::

    PolicyTextError
    ├── InputError (ValueError)            bad text handed to segment()/compare()
    │   └── EmptyTextError                 empty or whitespace-only text
    ├── PositionsError (ValueError)        a positions corpus that cannot be used
    │   └── PositionsFileError             a positions file that cannot be read or parsed
    ├── ModelError (RuntimeError)          an embedding model that cannot be loaded or run
    └── CacheError (RuntimeError)          an embedding cache that cannot be written
"""

from __future__ import annotations

__all__ = [
    "CacheError",
    "EmptyTextError",
    "InputError",
    "ModelError",
    "PolicyTextError",
    "PositionsError",
    "PositionsFileError",
]


class PolicyTextError(Exception):
    """Base class of every error policytext raises on purpose."""


class InputError(PolicyTextError, ValueError):
    """The text given to policytext is not usable (wrong type, undecodable, ...)."""


class EmptyTextError(InputError):
    """The text is empty or holds only whitespace."""


class PositionsError(PolicyTextError, ValueError):
    """A positions corpus is invalid (missing fields, duplicate ids, bad dates)."""


class PositionsFileError(PositionsError):
    """A positions file cannot be read or parsed.

    The message starts with the file and, where known, the place: ``"pos.jsonl: line 3: ..."``
    for JSONL and CSV, ``"pos.json: record 2: ..."`` for a JSON array.

    Attributes:
        path: the file, as given.
        line: 1-based line number of the problem, if known.
        where: the place as written in the message ("line 3", "record 2"), if known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        where: str | None = None,
    ) -> None:
        if where is None and line is not None:
            where = f"line {line}"
        if line is None and where is not None and where.startswith("line "):
            line = int(where.removeprefix("line "))
        prefix = "".join(f"{part}: " for part in (path, where) if part is not None)
        super().__init__(prefix + message)
        self.path = path
        self.line = line
        self.where = where


class ModelError(PolicyTextError, RuntimeError):
    """An embedding model cannot be found, loaded or run."""


class CacheError(PolicyTextError, RuntimeError):
    """The embedding cache cannot be used (for example, an unwritable directory)."""
