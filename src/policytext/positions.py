"""Official positions: the :class:`Position` value object and corpus loaders.

A corpus file is JSON Lines (``.jsonl``), a JSON array (``.json``) or CSV with a header
(``.csv``); see ``docs/data-format.md``. Every problem is raised as a
:class:`~policytext.errors.PositionsFileError` naming the file and the line or record.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import attrs

from policytext._types import StrPath
from policytext.errors import PositionsError, PositionsFileError

__all__ = ["Position", "load_positions", "validate_positions"]

_FIELDS = ("id", "text", "source", "date", "topic", "url")
_OPTIONAL_TEXT = ("source", "topic", "url")


def _non_empty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise PositionsError(
            f"position {attribute.name} must be a string, got {type(value).__name__}"
        )
    if not value.strip():
        raise PositionsError(f"position {attribute.name} must not be empty")


def _optional_str(
    instance: object, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and not isinstance(value, str):
        raise PositionsError(
            f"position {attribute.name} must be a string or None, got {type(value).__name__}"
        )


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _to_date(value: dt.date | str | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PositionsError(f"position date must be YYYY-MM-DD, got {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise PositionsError(f"position date must be YYYY-MM-DD, got {value!r}") from None


@attrs.frozen
class Position:
    """An official government position to compare recommendations with.

    Examples:
        >>> p = Position(id="P1", text="The UK has suspended free trade talks.", date="2025-05-20")
        >>> p.date
        datetime.date(2025, 5, 20)
    """

    id: str = attrs.field(validator=_non_empty)
    text: str = attrs.field(validator=_non_empty)
    source: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    date: dt.date | None = attrs.field(default=None, kw_only=True, converter=_to_date)
    topic: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)
    url: str | None = attrs.field(default=None, kw_only=True, validator=_optional_str)


def validate_positions(positions: Iterable[Position]) -> tuple[Position, ...]:
    """Return ``positions`` as a tuple after checking types and id uniqueness.

    Raises:
        PositionsError: an item is not a Position, or two positions share an id.
    """
    out: list[Position] = []
    seen: set[str] = set()
    for number, position in enumerate(positions, start=1):
        if not isinstance(position, Position):
            raise PositionsError(f"item {number} is a {type(position).__name__}, not a Position")
        if position.id in seen:
            raise PositionsError(f"duplicate position id {position.id!r} (item {number})")
        seen.add(position.id)
        out.append(position)
    return tuple(out)


def _from_record(record: object, *, path: str, where: str) -> Position:
    if not isinstance(record, Mapping):
        raise PositionsFileError(
            f"expected an object, got {type(record).__name__}", path=path, where=where
        )
    for key in ("id", "text"):
        value = record.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise PositionsFileError(f"missing required field {key!r}", path=path, where=where)
    values: dict[str, object] = {}
    for key in _FIELDS:
        value = record.get(key)
        if isinstance(value, str) and key in _OPTIONAL_TEXT and not value.strip():
            value = None
        if key == "id" and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        values[key] = value
    try:
        return Position(
            values["id"],  # type: ignore[arg-type]  # checked by the validators
            values["text"],  # type: ignore[arg-type]
            source=values["source"],  # type: ignore[arg-type]
            date=values["date"],  # type: ignore[arg-type]
            topic=values["topic"],  # type: ignore[arg-type]
            url=values["url"],  # type: ignore[arg-type]
        )
    except PositionsError as exc:
        raise PositionsFileError(str(exc), path=path, where=where) from None


def _iter_jsonl(text: str, path: str) -> Iterator[tuple[str, Position]]:
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PositionsFileError(
                f"invalid JSON: {exc.msg} (column {exc.colno})", path=path, line=line_no
            ) from None
        yield f"line {line_no}", _from_record(record, path=path, where=f"line {line_no}")


def _iter_json(text: str, path: str) -> Iterator[tuple[str, Position]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PositionsFileError(
            f"invalid JSON: {exc.msg} (column {exc.colno})", path=path, line=exc.lineno
        ) from None
    if not isinstance(data, list):
        raise PositionsFileError(
            f"expected a JSON array of positions, got {type(data).__name__}", path=path
        )
    for number, record in enumerate(data, start=1):
        yield f"record {number}", _from_record(record, path=path, where=f"record {number}")


def _iter_csv(text: str, path: str) -> Iterator[tuple[str, Position]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise PositionsFileError(f"invalid CSV: {exc}", path=path, line=1) from None
    if not fieldnames:
        raise PositionsFileError("empty CSV file (no header row)", path=path)
    missing = [key for key in ("id", "text") if key not in fieldnames]
    if missing:
        raise PositionsFileError(
            f"CSV header lacks required column(s): {', '.join(missing)}", path=path, line=1
        )
    try:
        for record in reader:
            where = f"line {reader.line_num}"
            if None in record:
                raise PositionsFileError(
                    "more fields than the header names", path=path, where=where
                )
            yield where, _from_record(record, path=path, where=where)
    except csv.Error as exc:
        raise PositionsFileError(f"invalid CSV: {exc}", path=path, line=reader.line_num) from None


_LOADERS = {".jsonl": _iter_jsonl, ".ndjson": _iter_jsonl, ".json": _iter_json, ".csv": _iter_csv}


def load_positions(path: StrPath) -> tuple[Position, ...]:
    """Load a positions corpus from a ``.jsonl``, ``.json`` or ``.csv`` file.

    Raises:
        PositionsFileError: the file is missing, not UTF-8, malformed, has a record without
            ``id`` or ``text``, a bad date, a duplicate id, or holds no positions.
    """
    file = Path(path)
    name = str(path)
    loader = _LOADERS.get(file.suffix.lower())
    if loader is None:
        raise PositionsFileError(
            f"unsupported extension {file.suffix!r}; use .jsonl, .json or .csv", path=name
        )
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise PositionsFileError("no such file", path=name) from None
    except IsADirectoryError:
        raise PositionsFileError("is a directory, not a file", path=name) from None
    except OSError as exc:
        raise PositionsFileError(f"cannot read file: {exc.strerror}", path=name) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PositionsFileError(
            f"not valid UTF-8 (byte {exc.start})", path=name, line=line
        ) from None
    positions: list[Position] = []
    first_seen: dict[str, str] = {}
    for where, position in loader(text, name):
        if position.id in first_seen:
            raise PositionsFileError(
                f"duplicate position id {position.id!r} (first at {first_seen[position.id]})",
                path=name,
                where=where,
            )
        first_seen[position.id] = where
        positions.append(position)
    if not positions:
        raise PositionsFileError("the file holds no positions", path=name)
    return tuple(positions)
