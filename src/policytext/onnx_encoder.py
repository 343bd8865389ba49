"""The ONNX Runtime backend: sentence-transformers' pipeline without torch at run time.

:class:`OnnxEncoder` tokenises with the model's own ``tokenizer.json`` (the ``tokenizers``
package), runs the transformer in ONNX Runtime, then mean-pools over the attention mask and
L2-normalises, as sentence-transformers does (truncating at the model's ``max_seq_length``).

The ONNX file is exported once per model, by ``torch.onnx.export`` in a child process (so
the calling process never imports torch), checked there against the torch model on padded
batches, and kept under ``<cache dir>/onnx/<model>-<fingerprint>/``. A file's name carries
the sha256 of its bytes: it is written under a temporary name and renamed into place, and a
file whose bytes do not match its name is deleted and exported again. The int8 variant is
made from the fp32 file by ``onnxruntime.quantization.quantize_dynamic`` (per-channel).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import inspect
import logging
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import numpy as np

from policytext.cache import default_cache_dir
from policytext.embed import ModelInfo, as_text_list, check_weights, inspect_model, set_offline
from policytext.errors import ModelError

if TYPE_CHECKING:
    from policytext._types import FloatMatrix, StrPath

__all__ = ["EXPORT_VERSION", "OnnxEncoder", "Precision", "ensure_onnx_model"]

Precision = Literal["fp32", "int8"]

EXPORT_VERSION: Final = 1
"""Bumped when the export procedure changes, so older exports are not reused."""

_OPSET: Final = 17
_STALE_TEMP_SECONDS: Final = 3600.0


def _cpu_count() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        try:
            return max(1, len(affinity(0)))
        except OSError:  # pragma: no cover
            pass
    return max(1, os.cpu_count() or 1)


# ----------------------------------------------------------------------------- artifacts


def _sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _artifact_dir(info: ModelInfo, cache_dir: StrPath | None) -> Path:
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", info.name).strip("._") or "model"
    return root / "onnx" / f"{slug}-{info.fingerprint[:24]}-v{EXPORT_VERSION}"


def _valid_artifact(folder: Path, precision: Precision) -> Path | None:
    """Return a file ``model-<precision>-<sha256>.onnx`` whose bytes match its name.

    Files that do not match are deleted (best effort): they are corrupted or truncated.
    """
    pattern = re.compile(rf"^model-{precision}-([0-9a-f]{{64}})\.onnx$")
    if not folder.is_dir():
        return None
    for path in sorted(folder.iterdir()):
        m = pattern.match(path.name)
        if m is None:
            continue
        try:
            ok = _sha256(path) == m.group(1)
        except OSError:
            ok = False
        if ok:
            return path
        with contextlib.suppress(OSError):
            path.unlink()
    return None


def _remove_stale_temps(folder: Path) -> None:
    now = time.time()
    for path in folder.glob(".tmp-*"):
        try:
            if now - path.stat().st_mtime > _STALE_TEMP_SECONDS:
                path.unlink()
        except OSError:
            pass


def _child_env() -> dict[str, str]:
    set_offline()
    env = dict(os.environ)
    env.update(
        {
            "TRANSFORMERS_VERBOSITY": "error",
            "PYTHONWARNINGS": "ignore",
            "TOKENIZERS_PARALLELISM": "false",
        }
    )
    return env


def _run_child(args: Sequence[str], timeout: float) -> None:
    """Run ``_main(args)`` of this module in a fresh interpreter; raise ModelError on failure."""
    package_parent = str(Path(__file__).resolve().parent.parent)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from policytext.onnx_encoder import _main; raise SystemExit(_main(sys.argv[2:]))"
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code, package_parent, *args],
            env=_child_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ModelError(f"ONNX {args[0]} took longer than {timeout:.0f} s") from exc
    except OSError as exc:
        raise ModelError(f"cannot start the ONNX {args[0]} process: {exc}") from exc
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout or "").strip().splitlines()[-12:]
        raise ModelError(f"ONNX {args[0]} failed (exit {proc.returncode}): " + " | ".join(tail))


def _publish(tmp: Path, folder: Path, precision: Precision) -> Path:
    """Rename a finished temporary file to its checksummed name; return the new path."""
    digest = _sha256(tmp)
    os.chmod(tmp, 0o644)
    final = folder / f"model-{precision}-{digest}.onnx"
    os.replace(tmp, final)
    return final


def ensure_onnx_model(
    info: ModelInfo,
    precision: Precision = "fp32",
    *,
    cache_dir: StrPath | None = None,
    timeout: float = 900.0,
) -> Path:
    """Return the path of a verified ONNX file for ``info``, exporting it if needed.

    Raises:
        ModelError: the export (or quantisation) failed, or the cache dir is not writable.
    """
    folder = _artifact_dir(info, cache_dir)
    found = _valid_artifact(folder, precision)
    if found is not None:
        return found
    if precision == "int8":
        source = ensure_onnx_model(info, "fp32", cache_dir=cache_dir, timeout=timeout)
        job = ["quantize", str(source)]
    else:
        check_weights(info)
        job = ["export", str(info.transformer_path), str(info.max_seq_length)]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(folder)
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".onnx", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise ModelError(
            f"cannot write ONNX files under {folder}: {exc}; set POLICYTEXT_CACHE_DIR to a "
            "writable folder"
        ) from exc
    tmp = Path(tmp_name)
    try:
        _run_child([job[0], *job[1:], tmp_name], timeout)
        return _publish(tmp, folder, precision)
    except OSError as exc:
        raise ModelError(f"cannot write ONNX files under {folder}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)


# ----------------------------------------------------------------------------- child jobs


def _export(model_dir: str, max_len: int, out: str) -> None:
    """Export a transformer's last hidden state to ONNX and check it against torch."""
    warnings.simplefilter("ignore")
    # Heavy imports, in the export child process only.
    import onnxruntime as ort  # noqa: PLC0415
    import torch  # noqa: PLC0415
    from tokenizers import Tokenizer  # noqa: PLC0415
    from transformers import AutoModel  # noqa: PLC0415

    tlog: Any = importlib.import_module("transformers.utils.logging")

    tlog.disable_progress_bar()
    tlog.set_verbosity_error()
    model = AutoModel.from_pretrained(model_dir, local_files_only=True, attn_implementation="eager")
    model.eval()
    with_types = "token_type_ids" in inspect.signature(model.forward).parameters
    names = ["input_ids", "attention_mask"] + (["token_type_ids"] if with_types else [])

    class LastHidden(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, *inputs: Any) -> Any:
            return self.inner(**dict(zip(names, inputs, strict=True))).last_hidden_state

    wrapper = LastHidden(model)
    tok = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_len)

    def batch(texts: list[str]) -> list[Any]:
        encs = [tok.encode(t) for t in texts]
        width = max(len(e.ids) for e in encs)
        ids = torch.zeros((len(encs), width), dtype=torch.long)
        mask = torch.zeros_like(ids)
        for r, e in enumerate(encs):
            ids[r, : len(e.ids)] = torch.tensor(e.ids)
            mask[r, : len(e.ids)] = 1
        return [ids, mask] + ([torch.zeros_like(ids)] if with_types else [])

    # Check other shapes and padding patterns than the traced one. The torch reference is
    # computed before exporting: the exporter may leave the module altered.
    probe = batch(
        [
            "Yes.",
            "Ministers must publish the full assessment before the spending review, and "
            "Parliament should scrutinise it line by line.",
            "Britain needs a long-term plan for social care.",
        ]
    )
    with torch.no_grad():
        expected = wrapper(*probe).numpy()
    trace = batch(["The government should act now on housing.", "Reform."])
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        torch.onnx.export(
            wrapper,
            tuple(trace),
            out,
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=_OPSET,
            do_constant_folding=True,
            dynamo=False,
        )
    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(out, options, providers=["CPUExecutionProvider"])
    got = session.run(None, {n: t.numpy() for n, t in zip(names, probe, strict=True)})[0]
    mask = probe[1].numpy().astype(bool)
    err = float(np.abs(np.asarray(got)[mask] - expected[mask]).max())
    if not err < 1e-3:
        raise RuntimeError(f"exported ONNX model differs from torch by {err:.3g}")


def _quantize(source: str, out: str) -> None:
    logging.disable(logging.WARNING)
    from onnxruntime.quantization import (  # noqa: PLC0415  # child process only
        QuantType,
        quantize_dynamic,
    )

    quantize_dynamic(source, out, weight_type=QuantType.QInt8, per_channel=True)


def _main(argv: Sequence[str]) -> int:
    """Entry point of the child process: ``export DIR MAXLEN OUT`` or ``quantize SRC OUT``."""
    if argv and argv[0] == "export" and len(argv) == 4:
        _export(argv[1], int(argv[2]), argv[3])
        return 0
    if argv and argv[0] == "quantize" and len(argv) == 3:
        _quantize(argv[1], argv[2])
        return 0
    print(f"usage: export DIR MAXLEN OUT | quantize SRC OUT (got {list(argv)})", file=sys.stderr)
    return 2


# ----------------------------------------------------------------------------- encoder


class OnnxEncoder:
    """The ``"onnx"`` and ``"onnx-int8"`` backends (see the module doc).

    Args:
        model: a model folder, or a :class:`~policytext.embed.ModelInfo`.
        precision: ``"fp32"`` (matches sentence-transformers to ~1e-7) or ``"int8"``.
        cache_dir: where ONNX files live; default ``$POLICYTEXT_CACHE_DIR`` or the user
            cache dir.
        threads: ONNX Runtime intra-op threads; default the number of usable cores.
        max_batch: at most this many texts per run.
        max_batch_tokens: at most this many (padded) tokens per run; texts are sorted by
            length first, so batches hold texts of similar length and little padding.
    """

    def __init__(
        self,
        model: StrPath | ModelInfo,
        *,
        precision: Precision = "fp32",
        cache_dir: StrPath | None = None,
        threads: int | None = None,
        max_batch: int = 64,
        max_batch_tokens: int = 1024,
    ) -> None:
        if precision not in ("fp32", "int8"):
            raise ValueError(f"precision must be 'fp32' or 'int8', not {precision!r}")
        self.info = model if isinstance(model, ModelInfo) else inspect_model(model)
        if self.info.onnx_blocker is not None:
            raise ModelError(
                f"the ONNX backend cannot run {self.info.path}: {self.info.onnx_blocker}"
            )
        self.precision: Precision = precision
        self.cache_dir = cache_dir
        self.threads = threads if threads is not None else _cpu_count()
        self.max_batch = max(1, max_batch)
        self.max_batch_tokens = max(1, max_batch_tokens)
        self.onnx_path: Path | None = None
        self._session: Any = None
        self._tokenizer: Any = None
        self._input_names: tuple[str, ...] = ()
        self._dim: int | None = self.info.dim
        self._lock = threading.Lock()

    @property
    def identity(self) -> str:
        return f"onnx-{self.precision}:{self.info.name}:{self.info.fingerprint[:16]}"

    @property
    def dim(self) -> int:
        if self._dim is None:
            self.load()
        assert self._dim is not None
        return self._dim

    def load(self) -> None:
        """Export (first time only), verify and open the ONNX model and the tokenizer."""
        with self._lock:
            if self._session is not None:
                return
            try:
                # Lazy: importing policytext must stay cheap.
                import onnxruntime as ort  # noqa: PLC0415
                from tokenizers import Tokenizer  # noqa: PLC0415
                from tokenizers import normalizers as tn  # noqa: PLC0415
            except ImportError as exc:
                raise ModelError(
                    f"the ONNX backend needs onnxruntime and tokenizers: {exc}"
                ) from exc
            path = ensure_onnx_model(self.info, self.precision, cache_dir=self.cache_dir)
            try:
                tok = Tokenizer.from_file(str(self.info.transformer_path / "tokenizer.json"))
                tok.no_padding()
                tok.enable_truncation(self.info.max_seq_length)
                if self.info.do_lower_case:
                    old = tok.normalizer
                    parts = [tn.Lowercase()] + ([old] if old is not None else [])
                    tok.normalizer = tn.Sequence(parts)
                options = ort.SessionOptions()
                options.intra_op_num_threads = self.threads
                options.inter_op_num_threads = 1
                options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
                options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                options.log_severity_level = 3
                session = ort.InferenceSession(
                    str(path), options, providers=["CPUExecutionProvider"]
                )
            except Exception as exc:
                raise ModelError(f"cannot open ONNX model {path}: {exc}") from exc
            self._input_names = tuple(i.name for i in session.get_inputs())
            if self._dim is None:
                width = session.get_outputs()[0].shape[-1]
                if not isinstance(width, int):
                    raise ModelError(f"{path}: cannot tell the embedding size")
                self._dim = width
            self._tokenizer = tok
            self.onnx_path = path
            self._session = session

    def _batches(self, lengths: Sequence[int]) -> list[list[int]]:
        order = sorted(range(len(lengths)), key=lengths.__getitem__)
        batches: list[list[int]] = []
        current: list[int] = []
        for i in order:
            # Sorted ascending, so lengths[i] is the padded width if i joins the batch.
            if current and (
                len(current) >= self.max_batch
                or (len(current) + 1) * lengths[i] > self.max_batch_tokens
            ):
                batches.append(current)
                current = []
            current.append(i)
        if current:
            batches.append(current)
        return batches

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        items = as_text_list(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        self.load()
        encodings = [self._tokenizer.encode(t) for t in items]
        ids_list = [e.ids for e in encodings]
        lengths = [len(ids) for ids in ids_list]
        out = np.empty((len(items), self.dim), dtype=np.float32)
        for batch in self._batches(lengths):
            width = max(lengths[i] for i in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                ids[row, : lengths[i]] = ids_list[i]
                mask[row, : lengths[i]] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            try:
                hidden = self._session.run(None, {n: feed[n] for n in self._input_names})[0]
            except Exception as exc:
                raise ModelError(f"{self.identity}: ONNX Runtime failed: {exc}") from exc
            weights = mask.astype(np.float32)[:, :, None]
            pooled = (np.asarray(hidden, dtype=np.float32) * weights).sum(axis=1)
            pooled /= np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[batch] = pooled / np.clip(norms, 1e-12, None)
        return out

    def __repr__(self) -> str:
        return f"OnnxEncoder({self.identity!r})"


if __name__ == "__main__":  # pragma: no cover - the export child runs _main via -c
    raise SystemExit(_main(sys.argv[1:]))
