"""Tests of the persistent embedding cache, with a fake encoder (no model is loaded)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import warnings
from pathlib import Path

import numpy as np
import pytest

from policytext.cache import (
    DB_FILENAME,
    CachedEncoder,
    EmbeddingCache,
    default_cache_dir,
    text_key,
)
from policytext.embed import resolve_encoder
from policytext.errors import CacheError, ModelError
from tests._fakes import HashingEncoder, NoDimEncoder

TEXTS = ["Ministers should act.", "Ofcom must enforce the code.", "Scrap the cap.", "Yes."]


def _expected(enc: HashingEncoder, texts: list[str]) -> np.ndarray:
    return np.stack([enc.vector(t) for t in texts])


@pytest.fixture
def fake() -> HashingEncoder:
    return HashingEncoder(dim=8)


@pytest.fixture
def cached(tmp_path: Path, fake: HashingEncoder) -> CachedEncoder:
    return CachedEncoder(fake, EmbeddingCache(tmp_path))


def test_text_key_is_sha256_of_utf8() -> None:
    assert text_key("é") == hashlib.sha256("é".encode()).digest()
    assert text_key("\ud800") != text_key("")  # lone surrogates do not crash


def test_default_cache_dir_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POLICYTEXT_CACHE_DIR", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"
    assert EmbeddingCache().directory == tmp_path / "x"
    monkeypatch.delenv("POLICYTEXT_CACHE_DIR")
    assert "policytext" in str(default_cache_dir())


def test_misses_then_hits_keep_order(cached: CachedEncoder, fake: HashingEncoder) -> None:
    first = cached.encode(TEXTS[:2])
    np.testing.assert_array_equal(first, _expected(fake, TEXTS[:2]))
    assert fake.calls == [TEXTS[:2]]

    order = [TEXTS[2], TEXTS[0], TEXTS[3], TEXTS[1]]
    second = cached.encode(order)
    assert fake.calls[1] == [TEXTS[2], TEXTS[3]]  # only the misses, in input order
    np.testing.assert_array_equal(second, _expected(fake, order))
    assert second.dtype == np.float32
    assert (cached.hits, cached.misses) == (2, 4)


def test_duplicates_are_encoded_once(cached: CachedEncoder, fake: HashingEncoder) -> None:
    texts = ["a", "b", "a", "a", "b", "c"]
    out = cached.encode(texts)
    assert fake.encoded_texts == ["a", "b", "c"]
    np.testing.assert_array_equal(out, _expected(fake, texts))


def test_second_run_encodes_nothing(tmp_path: Path) -> None:
    CachedEncoder(HashingEncoder(), EmbeddingCache(tmp_path)).encode(TEXTS)
    again = HashingEncoder()
    enc = CachedEncoder(again, EmbeddingCache(tmp_path))
    out = enc.encode(list(reversed(TEXTS)))
    assert again.calls == []
    assert enc.hits == len(TEXTS)
    np.testing.assert_array_equal(out, _expected(again, list(reversed(TEXTS))))


def test_identities_are_kept_apart(tmp_path: Path) -> None:
    store = EmbeddingCache(tmp_path)
    a, b = HashingEncoder(identity="a"), HashingEncoder(identity="b")
    CachedEncoder(a, store).encode(TEXTS)
    CachedEncoder(b, store).encode(TEXTS)
    assert b.encoded_texts == TEXTS
    assert store.identities() == ["a", "b"]
    assert store.count("a") == store.count("b") == len(TEXTS)
    store.clear("a")
    assert store.count() == len(TEXTS)


def test_empty_input(cached: CachedEncoder) -> None:
    out = cached.encode([])
    assert out.shape == (0, 8)
    assert out.dtype == np.float32


def test_rejects_a_single_string(cached: CachedEncoder) -> None:
    with pytest.raises(TypeError):
        cached.encode("Ministers should act.")
    with pytest.raises(TypeError):
        cached.encode(["ok", 3])  # type: ignore[list-item]


def test_database_is_sqlite_not_pickle(cached: CachedEncoder, tmp_path: Path) -> None:
    cached.encode(TEXTS)
    assert (tmp_path / DB_FILENAME).read_bytes()[:16] == b"SQLite format 3\x00"
    with sqlite3.connect(tmp_path / DB_FILENAME) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_garbage_file_is_discarded_and_rebuilt(tmp_path: Path, fake: HashingEncoder) -> None:
    (tmp_path / DB_FILENAME).write_bytes(b"this is not a database, just text" * 100)
    enc = CachedEncoder(fake, EmbeddingCache(tmp_path))
    with pytest.warns(RuntimeWarning, match="discarded"):
        out = enc.encode(TEXTS)
    np.testing.assert_array_equal(out, _expected(fake, TEXTS))
    assert enc.cache.rebuilds == 1
    assert enc.cache.count() == len(TEXTS)


def test_damaged_pages_are_discarded(tmp_path: Path, fake: HashingEncoder) -> None:
    big = HashingEncoder(dim=64)
    texts = [f"text {i}" for i in range(3000)]
    first = CachedEncoder(big, EmbeddingCache(tmp_path))
    first.encode(texts)
    first.cache.close()
    path = tmp_path / DB_FILENAME
    with path.open("r+b") as f:
        f.seek(path.stat().st_size // 2)
        f.write(bytes(range(256)) * 80)
    again = HashingEncoder(dim=64)
    enc = CachedEncoder(again, EmbeddingCache(tmp_path))
    with pytest.warns(RuntimeWarning, match="discarded"):
        out = enc.encode(texts)
    np.testing.assert_array_equal(out, _expected(again, texts))
    assert enc.cache.rebuilds == 1


def test_foreign_sqlite_database_is_discarded(tmp_path: Path, fake: HashingEncoder) -> None:
    with sqlite3.connect(tmp_path / DB_FILENAME) as conn:
        conn.execute("CREATE TABLE embeddings (identity TEXT, key BLOB, vector BLOB)")
        conn.execute("INSERT INTO embeddings VALUES ('hashing-fake:v1', x'00', x'00')")
    enc = CachedEncoder(fake, EmbeddingCache(tmp_path))
    with pytest.warns(RuntimeWarning, match="not a policytext cache"):
        out = enc.encode(TEXTS)
    np.testing.assert_array_equal(out, _expected(fake, TEXTS))
    assert fake.encoded_texts == TEXTS


def test_other_schema_version_is_discarded(cached: CachedEncoder, tmp_path: Path) -> None:
    cached.encode(TEXTS)
    cached.cache.close()
    with sqlite3.connect(tmp_path / DB_FILENAME) as conn:
        conn.execute("PRAGMA user_version = 99")
    store = EmbeddingCache(tmp_path)
    with pytest.warns(RuntimeWarning, match="user_version=99"):
        assert store.count() == 0


def _tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql)
    conn.close()


@pytest.mark.parametrize(
    "sql",
    [
        # bit flip in the vector: checksum no longer matches
        "UPDATE embeddings SET vector = zeroblob(32)",
        # wrong length for the declared size
        "UPDATE embeddings SET vector = substr(vector, 1, 16)",
        # declared size changed
        "UPDATE embeddings SET dim = 4",
        # not a blob at all
        "UPDATE embeddings SET vector = 'text'",
    ],
)
def test_bad_rows_are_re_encoded_and_replaced(tmp_path: Path, sql: str) -> None:
    CachedEncoder(HashingEncoder(), EmbeddingCache(tmp_path)).encode(TEXTS)
    _tamper(tmp_path / DB_FILENAME, sql)
    fresh = HashingEncoder()
    enc = CachedEncoder(fresh, EmbeddingCache(tmp_path))
    out = enc.encode(TEXTS)
    assert fresh.encoded_texts == TEXTS
    np.testing.assert_array_equal(out, _expected(fresh, TEXTS))
    after = HashingEncoder()
    CachedEncoder(after, EmbeddingCache(tmp_path)).encode(TEXTS)
    assert after.calls == []  # the bad rows were replaced by good ones


def test_non_finite_vectors_are_not_trusted(tmp_path: Path) -> None:
    store = EmbeddingCache(tmp_path)
    key = text_key("x")
    store.put("id", {key: np.array([np.nan, 1.0], dtype=np.float32)})
    assert store.get("id", [key]) == {}
    assert store.count() == 0


@pytest.mark.parametrize("hide_dim", [False, True])
def test_vectors_of_another_size_are_re_encoded(tmp_path: Path, hide_dim: bool) -> None:
    # Same identity, different size: a foreign or stale cache must not leak through.
    CachedEncoder(HashingEncoder(dim=16, identity="same"), EmbeddingCache(tmp_path)).encode(TEXTS)
    fake = HashingEncoder(dim=8, identity="same")
    inner = NoDimEncoder(fake) if hide_dim else fake
    enc = CachedEncoder(inner, EmbeddingCache(tmp_path))
    only_hits = enc.encode(TEXTS[:2])  # every text is in the cache, at the wrong size
    assert only_hits.shape == (2, 8)
    mixed = enc.encode([*TEXTS, "new"])
    assert mixed.shape == (5, 8)
    np.testing.assert_array_equal(mixed, _expected(fake, [*TEXTS, "new"]))


def test_inner_returning_wrong_rows_is_an_error(tmp_path: Path) -> None:
    class Broken(HashingEncoder):
        def encode(self, texts):  # type: ignore[no-untyped-def]
            return super().encode(list(texts)[:-1])

    with pytest.raises(ModelError, match="returned shape"):
        CachedEncoder(Broken(), EmbeddingCache(tmp_path)).encode(TEXTS)


def test_put_rejects_bad_vectors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="1-D"):
        EmbeddingCache(tmp_path).put("id", {text_key("x"): np.zeros((2, 2), np.float32)})


def test_unusable_cache_dir_falls_back_to_no_cache(tmp_path: Path, fake: HashingEncoder) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = EmbeddingCache(blocker / "cache")
    with pytest.raises(CacheError):
        store.count()
    enc = CachedEncoder(fake, store)
    with pytest.warns(RuntimeWarning, match="without it"):
        out = enc.encode(TEXTS)
    np.testing.assert_array_equal(out, _expected(fake, TEXTS))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # warned once only
        enc.encode(TEXTS)
    assert enc.disabled


def test_resolve_encoder_cache_options(tmp_path: Path, fake: HashingEncoder) -> None:
    assert resolve_encoder(fake, cache=False) is fake
    wrapped = resolve_encoder(fake, cache=tmp_path)
    assert isinstance(wrapped, CachedEncoder)
    assert wrapped.cache.directory == tmp_path
    assert wrapped.identity == fake.identity
    assert resolve_encoder(wrapped) is wrapped  # never wrapped twice
    store = EmbeddingCache(tmp_path / "other")
    mine = resolve_encoder(fake, cache=store)
    assert isinstance(mine, CachedEncoder)
    assert mine.cache is store


def test_resolve_encoder_default_cache_uses_env(
    tmp_path: Path, fake: HashingEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYTEXT_CACHE_DIR", str(tmp_path))
    enc = resolve_encoder(fake)
    assert isinstance(enc, CachedEncoder)
    enc.encode(TEXTS)
    assert (tmp_path / DB_FILENAME).is_file()


def test_encoder_without_identity_is_not_cached(tmp_path: Path) -> None:
    class Anonymous:
        def encode(self, texts: list[str]) -> np.ndarray:
            return np.ones((len(texts), 2), np.float32) / np.sqrt(2)

    anon = Anonymous()
    assert resolve_encoder(anon, cache=tmp_path) is anon  # type: ignore[arg-type]


def test_threads_share_one_cache(cached: CachedEncoder, fake: HashingEncoder) -> None:
    texts = [f"sentence {i}" for i in range(200)]
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for start in range(0, 200, 25):
                chunk = texts[(start + offset) % 200 :][:25]
                np.testing.assert_array_equal(cached.encode(chunk), _expected(fake, chunk))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k * 13,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert cached.cache.count() == 200


@pytest.mark.parametrize("round_", range(3))
def test_processes_write_concurrently(tmp_path: Path, round_: int) -> None:
    # Six processes open a new cache at the same instant (the hardest case: they race to
    # create it) and write overlapping keys.
    script = textwrap.dedent(
        """
        import os, sys, time
        from tests._fakes import HashingEncoder
        from policytext.cache import CachedEncoder, EmbeddingCache
        worker, folder, go = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        print("ready", flush=True)
        while not os.path.exists(go):
            time.sleep(0.001)
        enc = CachedEncoder(HashingEncoder(dim=32), EmbeddingCache(folder))
        texts = [f"text {i}" for i in range(600)]
        for start in range(0, 600, 20):
            # overlapping windows, shifted per worker, so writers race on the same keys
            enc.encode(texts[(start + 100 * worker) % 600 :][:40])
        """
    )
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), str(root), env.get("PYTHONPATH", "")])
    cache_dir, go = tmp_path / "cache", tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-W", "always", "-c", script, str(k), str(cache_dir), str(go)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(6)
    ]
    try:
        for p in procs:
            assert p.stdout is not None
            assert p.stdout.readline().strip() == "ready"
        go.touch()
        for p in procs:
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
            assert err == ""  # no warnings: never found locked for good, broken or foreign
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()
    check = HashingEncoder(dim=32)
    enc = CachedEncoder(check, EmbeddingCache(cache_dir))
    texts = [f"text {i}" for i in range(600)]
    out = enc.encode(texts)
    assert check.calls == []  # every text was written, and every row is valid
    np.testing.assert_array_equal(out, _expected(check, texts))
