"""Tests for the command line: commands, formats, stdin, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from policytext.cli import main
from tests.conftest import SEED_POSITIONS, SEED_TEXT


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policytext", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        check=False,
    )


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "segment" in out
    assert "compare" in out


def test_every_command_is_documented() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for command in ("segment", "compare"):
        assert f"policytext {command}" in readme


def test_segment_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segment", str(SEED_TEXT), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = SEED_TEXT.read_text(encoding="utf-8")
    assert data
    for item in data:
        assert text[item["start"] : item["end"]] == item["text"]


def test_segment_from_stdin() -> None:
    done = run_cli("segment", "-", stdin=b"Ministers should cap rents.")
    assert done.returncode == 0
    assert "Ministers should cap rents" in done.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (["segment", "missing.txt"], None, 3, "no such file"),
        (["segment", "-"], b"   ", 3, "empty"),
        (["segment", "-"], b"\xff\xfe\x00bad", 3, "not valid UTF-8"),
        (["compare", str(SEED_TEXT), "--positions", "nope.jsonl"], None, 4, "no such file"),
        (
            ["compare", str(SEED_TEXT), "--positions", str(SEED_POSITIONS), "--top-k", "0"],
            None,
            3,
            "top-k",
        ),
        (["compare", str(SEED_TEXT)], None, 2, "--positions"),
    ],
)
def test_errors_are_one_line(args: list[str], stdin: bytes | None, code: int, message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "policytext", *args], input=stdin, capture_output=True, check=False
    )
    err = done.stderr.decode()
    assert done.returncode == code
    assert message in err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("policytext")  # last line names the problem


def test_bad_positions_file_reports_line(tmp_path: Path) -> None:
    bad = tmp_path / "p.jsonl"
    bad.write_text('{"id": "A", "text": "x"}\n{"id": "A", "text": "y"}\n', encoding="utf-8")
    done = run_cli("compare", str(SEED_TEXT), "--positions", str(bad))
    assert done.returncode == 4
    assert "line 2: duplicate position id 'A'" in done.stderr
    assert "Traceback" not in done.stderr
