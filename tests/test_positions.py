"""Tests for policytext.positions: the Position value object and the loaders."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.errors import PositionsError, PositionsFileError
from policytext.positions import Position, load_positions, validate_positions

SEED_POSITIONS = Path(__file__).parent.parent / "seeds" / "000_ba120e16f5a1800d.positions.jsonl"

RECORDS = [
    {
        "id": "A",
        "text": "The UK suspended trade talks.",
        "source": "FCDO",
        "date": "2025-05-20",
        "topic": "trade",
        "url": "https://www.gov.uk/x",
    },
    {"id": "B", "text": "Hamas must disarm.", "date": "2025-10-13"},
]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_position_converts_date_and_is_frozen() -> None:
    p = Position("P1", "text", date="2025-05-20")
    assert p.date == dt.date(2025, 5, 20)
    with pytest.raises(AttributeError):
        p.id = "other"  # type: ignore[misc]


@pytest.mark.parametrize("date", ["2025-5-20", "20/05/2025", "2025-13-01", "yesterday"])
def test_position_rejects_bad_dates(date: str) -> None:
    with pytest.raises(PositionsError, match="YYYY-MM-DD"):
        Position("P1", "text", date=date)


def test_position_rejects_empty_id_and_text() -> None:
    with pytest.raises(PositionsError, match="id"):
        Position(" ", "text")
    with pytest.raises(PositionsError, match="text"):
        Position("P1", "")


def test_jsonl_json_and_csv_load_the_same(tmp_path: Path) -> None:
    jsonl = write(tmp_path, "p.jsonl", "\n".join(json.dumps(r) for r in RECORDS) + "\n\n")
    as_json = write(tmp_path, "p.json", json.dumps(RECORDS))
    csv_text = "id,text,source,date,topic,url\n" + "\n".join(
        ",".join(f'"{r.get(k, "")}"' for k in ("id", "text", "source", "date", "topic", "url"))
        for r in RECORDS
    )
    as_csv = write(tmp_path, "p.csv", csv_text)
    loaded = [load_positions(p) for p in (jsonl, as_json, as_csv)]
    assert loaded[0] == loaded[1] == loaded[2]
    assert loaded[0][0].source == "FCDO"
    assert loaded[0][1].source is None
    assert loaded[0][1].date == dt.date(2025, 10, 13)


def test_bad_json_line_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "p.jsonl", json.dumps(RECORDS[0]) + "\n{not json\n")
    with pytest.raises(PositionsFileError, match=r"p\.jsonl: line 2: invalid JSON") as info:
        load_positions(path)
    assert info.value.line == 2


def test_missing_field_names_field_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path, "p.jsonl", json.dumps(RECORDS[0]) + "\n" + json.dumps({"id": "X"}) + "\n"
    )
    with pytest.raises(PositionsFileError, match=r"line 2: missing required field 'text'"):
        load_positions(path)


def test_duplicate_ids_are_rejected_with_both_places(tmp_path: Path) -> None:
    path = write(tmp_path, "p.jsonl", "\n".join(json.dumps(RECORDS[0]) for _ in range(2)))
    with pytest.raises(
        PositionsFileError, match=r"line 2: duplicate position id 'A' \(first at line 1\)"
    ):
        load_positions(path)


def test_bad_date_in_file(tmp_path: Path) -> None:
    path = write(tmp_path, "p.json", json.dumps([{"id": "A", "text": "t", "date": "May 2025"}]))
    with pytest.raises(PositionsFileError, match=r"record 1: position date must be YYYY-MM-DD"):
        load_positions(path)


def test_non_utf8_file(tmp_path: Path) -> None:
    path = write(tmp_path, "p.jsonl", json.dumps(RECORDS[0]).encode() + b"\n\xff\xfe bad\n")
    with pytest.raises(PositionsFileError, match="not valid UTF-8") as info:
        load_positions(path)
    assert info.value.line == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.jsonl", None, "no such file"),
        ("p.txt", "x", "unsupported extension"),
        ("p.json", '{"id": "A"}', "expected a JSON array"),
        ("p.jsonl", "\n\n", "holds no positions"),
        ("p.csv", "id,body\nA,x\n", "lacks required column"),
        ("p.jsonl", "[1, 2]\n", "expected an object"),
    ],
)
def test_file_problems(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name if content is None else write(tmp_path, name, content)
    with pytest.raises(PositionsFileError, match=message):
        load_positions(path)


def test_validate_positions_rejects_duplicates_and_non_positions() -> None:
    with pytest.raises(PositionsError, match="duplicate"):
        validate_positions([Position("A", "x"), Position("A", "y")])
    with pytest.raises(PositionsError, match="not a Position"):
        validate_positions(["A"])  # type: ignore[list-item]


def test_seed_corpus_is_valid_and_dated() -> None:
    positions = load_positions(SEED_POSITIONS)
    assert len(positions) >= 25
    assert all(p.source and p.date for p in positions)
    assert all(p.date is not None and p.date <= dt.date(2025, 12, 31) for p in positions)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([".jsonl", ".json", ".csv"]))
def test_loader_never_crashes_on_arbitrary_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, ext: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"p{ext}"
    path.write_bytes(data)
    try:
        positions = load_positions(path)
    except PositionsFileError:
        return
    assert all(isinstance(p, Position) for p in positions)
