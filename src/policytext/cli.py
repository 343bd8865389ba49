"""The ``policytext`` command: a thin shell over the public API.

Library errors become one line on stderr and a non-zero exit status; this is the only
module that prints or exits.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from policytext import __version__
from policytext.errors import InputError, ModelError, PolicyTextError, PositionsError

__all__ = ["main"]

EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_POSITIONS = 4
EXIT_MODEL = 5
EXIT_OTHER = 1


def _read_text(name: str) -> str:
    """Read the document ``name`` (``-`` for standard input) as UTF-8."""
    if name == "-":
        data = sys.stdin.buffer.read()
        label = "<stdin>"
    else:
        path = Path(name)
        label = name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{label}: no such file") from None
        except IsADirectoryError:
            raise InputError(f"{label}: is a directory, not a file") from None
        except OSError as exc:
            raise InputError(f"{label}: cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{label}: line {line}: not valid UTF-8 (byte {exc.start})") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policytext",
        description=(
            "Find what a policy op-ed asks government to do and compare it with official positions."
        ),
    )
    parser.add_argument("--version", action="version", version=f"policytext {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    seg = commands.add_parser("segment", help="list the recommendations in a document")
    seg.add_argument("file", metavar="FILE", help="the op-ed (UTF-8 text or Markdown); - for stdin")
    seg.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )

    cmp_ = commands.add_parser(
        "compare", help="compare a document's recommendations with official positions"
    )
    cmp_.add_argument(
        "file", metavar="FILE", help="the op-ed (UTF-8 text or Markdown); - for stdin"
    )
    cmp_.add_argument(
        "--positions",
        "-p",
        required=True,
        metavar="FILE",
        help="positions corpus (.jsonl, .json or .csv)",
    )
    cmp_.add_argument(
        "--top-k",
        "-k",
        type=int,
        default=3,
        metavar="N",
        help="matches per recommendation (default: 3)",
    )
    cmp_.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "markdown"),
        default="text",
        help="output format (default: text)",
    )
    cmp_.add_argument("--as-of", metavar="YYYY-MM-DD", help="ignore positions dated after this day")
    cmp_.add_argument(
        "--model",
        "-m",
        metavar="NAME_OR_PATH",
        help=(
            "sentence-transformers model "
            "(default: $POLICYTEXT_MODEL or the bundled all-MiniLM-L6-v2)"
        ),
    )
    cmp_.add_argument(
        "--backend",
        choices=("auto", "onnx", "onnx-int8", "torch"),
        default="auto",
        help="embedding backend (default: auto)",
    )
    cmp_.add_argument(
        "--no-cache", action="store_true", help="do not read or write the embedding cache"
    )
    return parser


def _segment(args: argparse.Namespace) -> str:
    from policytext.report import recommendations_to_dicts  # noqa: PLC0415  # keep --help fast
    from policytext.segment import segment  # noqa: PLC0415  # keep --help fast

    recommendations = segment(_read_text(args.file))
    if args.format == "json":
        return (
            json.dumps(recommendations_to_dicts(recommendations), indent=2, ensure_ascii=False)
            + "\n"
        )
    lines = [f"{len(recommendations)} recommendations"]
    for number, r in enumerate(recommendations, start=1):
        restates = f" (restates {r.restates + 1})" if r.restates is not None else ""
        lines.append(f"{number}. {r.text}{restates}")
        lines.append(
            f"   actor: {r.actor or '?'} | action: {r.action} | cue: {r.cue!r} | {r.force.value}"
            f" | {r.polarity.value} | confidence {r.confidence:.2f} | chars {r.start}-{r.end}"
        )
    return "\n".join(lines) + "\n"


def _compare(args: argparse.Namespace) -> str:
    from policytext.pipeline import compare  # noqa: PLC0415  # keep --help fast
    from policytext.positions import load_positions  # noqa: PLC0415  # keep --help fast

    if args.top_k < 1:
        raise InputError(f"--top-k must be at least 1, got {args.top_k}")
    text = _read_text(args.file)
    positions = load_positions(args.positions)
    result = compare(
        text,
        positions,
        top_k=args.top_k,
        model=args.model,
        backend=args.backend,
        cache=not args.no_cache,
        as_of=args.as_of,
    )
    if args.format == "json":
        return result.to_json() + "\n"
    if args.format == "markdown":
        return result.to_markdown()
    return result.to_text()


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(f"policytext: error: {message}\n")
    raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        output = _segment(args) if args.command == "segment" else _compare(args)
    except InputError as exc:
        _fail(str(exc), EXIT_INPUT)
    except PositionsError as exc:
        _fail(str(exc), EXIT_POSITIONS)
    except ModelError as exc:
        _fail(str(exc), EXIT_MODEL)
    except PolicyTextError as exc:
        _fail(str(exc), EXIT_OTHER)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:
        return 0
    return 0
