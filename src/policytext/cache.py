"""A persistent embedding cache, so a text is encoded once per model.

Vectors live in one SQLite database, ``<cache dir>/embeddings.sqlite3``, keyed by the
encoder's :attr:`~policytext.embed.Encoder.identity` and the sha256 of the text. Each row
holds the float32 vector as little-endian bytes, its length and a checksum; nothing is
ever unpickled. The database runs in WAL mode, so several processes may read and write it
at once.

Nothing read back is trusted: a row whose checksum, length or values are wrong, or whose
size differs from the encoder's, is deleted and encoded again; a file that is not a
database, is corrupted, or belongs to something else is deleted and rebuilt.

The cache dir is ``$POLICYTEXT_CACHE_DIR`` if set, else the user cache dir
(``platformdirs.user_cache_dir("policytext")``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

import numpy as np

from policytext.embed import as_text_list
from policytext.errors import CacheError, ModelError

if TYPE_CHECKING:
    from policytext._types import FloatMatrix, FloatVector, StrPath
    from policytext.embed import Encoder

__all__ = [
    "CACHE_DIR_ENV_VAR",
    "DB_FILENAME",
    "CachedEncoder",
    "EmbeddingCache",
    "default_cache_dir",
    "text_key",
]

CACHE_DIR_ENV_VAR: Final = "POLICYTEXT_CACHE_DIR"
DB_FILENAME: Final = "embeddings.sqlite3"

_APPLICATION_ID: Final = 0x50544543  # "PTEC"
_SCHEMA_VERSION: Final = 1
_COLUMNS: Final = ["identity", "key", "dim", "vector", "checksum"]
_SCHEMA: Final = """
CREATE TABLE embeddings (
    identity TEXT NOT NULL,
    key BLOB NOT NULL,
    dim INTEGER NOT NULL,
    vector BLOB NOT NULL,
    checksum BLOB NOT NULL,
    PRIMARY KEY (identity, key)
) WITHOUT ROWID
"""
_CHUNK: Final = 500  # keys per SELECT, under SQLite's bound-parameter limit
_SQLITE_BUSY: Final = 5
_SQLITE_LOCKED: Final = 6
_SQLITE_CORRUPT: Final = 11
_SQLITE_NOTADB: Final = 26


def default_cache_dir() -> Path:
    """Return ``$POLICYTEXT_CACHE_DIR``, else ``platformdirs.user_cache_dir("policytext")``."""
    env = os.environ.get(CACHE_DIR_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs  # noqa: PLC0415  # only when no dir is given

    return Path(platformdirs.user_cache_dir("policytext", appauthor=False))


def text_key(text: str) -> bytes:
    """Return the cache key of ``text``: the sha256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _checksum(identity: str, key: bytes, dim: int, blob: bytes) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    h.update(identity.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(key)
    h.update(dim.to_bytes(4, "little"))
    h.update(blob)
    return h.digest()


def _is_corruption(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _is_busy(exc: BaseException) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "locked" in str(exc).lower()


def _retry_busy(action: Callable[[], object], timeout: float) -> None:
    """Run ``action``, retrying while SQLite says the database is busy, up to ``timeout`` s.

    SQLite's own busy handler is skipped in some lock upgrades (it would deadlock), so a
    busy error can come back at once; waiting a little and retrying is the documented cure.
    """
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            action()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        else:
            return


def _state(conn: sqlite3.Connection) -> tuple[int, int]:
    """(application_id, user_version), read in one statement, so from one snapshot."""
    row = conn.execute(
        "SELECT (SELECT application_id FROM pragma_application_id), "
        "(SELECT user_version FROM pragma_user_version)"
    ).fetchone()
    return int(row[0]), int(row[1])


class _ForeignDatabaseError(Exception):
    """The file is a SQLite database, but not one of ours (or of another schema version)."""


def _chunks(items: Sequence[bytes], size: int) -> Iterator[Sequence[bytes]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class EmbeddingCache:
    """Embedding vectors on disk, keyed by (encoder identity, sha256 of text).

    The database is opened on first use, so creating an ``EmbeddingCache`` never fails.

    Args:
        directory: folder of the database; default :func:`default_cache_dir`.
        timeout: seconds to wait for another process's write lock.

    Attributes:
        rebuilds: how many times this object found a bad file and started a new one.

    Methods raise :class:`CacheError` when the database cannot be created, read or
    written (an unwritable folder, a full disk, a lock held too long).
    """

    def __init__(self, directory: StrPath | None = None, *, timeout: float = 30.0) -> None:
        self.directory = (
            Path(directory).expanduser() if directory is not None else default_cache_dir()
        )
        self.path = self.directory / DB_FILENAME
        self.timeout = timeout
        self.rebuilds = 0
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._inode: int | None = None
        self._forked: list[sqlite3.Connection] = []
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"EmbeddingCache({str(self.directory)!r})"

    # ------------------------------------------------------------------ connection

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
        )
        try:
            state = _state(conn)
            if state != (_APPLICATION_ID, _SCHEMA_VERSION):
                # Empty, half-made by another process, or foreign: decide under the write
                # lock, where no other process can be in the middle of creating it.
                state = self._initialise(conn)
            if state != (_APPLICATION_ID, _SCHEMA_VERSION):
                raise _ForeignDatabaseError(
                    f"application_id={state[0]:#x}, user_version={state[1]}"
                )
            columns = [row[1] for row in conn.execute("PRAGMA table_info(embeddings)")]
            if columns != _COLUMNS:
                raise _ForeignDatabaseError(f"embeddings table has columns {columns}")
            self._ensure_wal(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
        except BaseException:
            conn.close()
            raise
        return conn

    def _initialise(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """Create the schema if the file is empty; return (application_id, user_version)."""
        _retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"), self.timeout)
        try:
            app_id, version = _state(conn)
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if app_id == 0 and version == 0 and tables == 0:
                conn.execute(_SCHEMA)
                conn.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return _state(conn)

    def _ensure_wal(self, conn: sqlite3.Connection) -> None:
        """Switch to WAL (persistent, so done once per file); if busy too long, go without."""
        if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            return
        with contextlib.suppress(sqlite3.OperationalError):
            _retry_busy(lambda: conn.execute("PRAGMA journal_mode=WAL"), min(self.timeout, 5.0))

    def _discard_file(self, reason: str) -> None:
        """Delete a bad database file (if it is still the one we opened) and its WAL files."""
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None
        try:
            inode = self.path.stat().st_ino
        except OSError:
            inode = None
        if self._inode is None or inode == self._inode:
            for suffix in ("", "-wal", "-shm", "-journal"):
                try:
                    Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                except OSError as exc:
                    raise CacheError(f"cannot delete bad cache file {self.path}: {exc}") from exc
        self._inode = None
        self.rebuilds += 1
        warnings.warn(
            f"policytext: discarded embedding cache {self.path} ({reason}); starting a new one",
            RuntimeWarning,
            stacklevel=4,
        )

    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        if self._conn is not None:
            # Inherited through fork(): never use it, and never close it here (that would
            # act on the parent's SQLite handle); keep it referenced so GC does not either.
            self._forked.append(self._conn)
        self._conn = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(f"cannot create cache dir {self.directory}: {exc}") from exc
        for attempt in (1, 2):
            try:
                self._inode = self.path.stat().st_ino if self.path.exists() else None
                conn = self._open()
            except _ForeignDatabaseError as exc:
                if attempt == 2:
                    raise CacheError(f"{self.path} is not a policytext cache: {exc}") from exc
                self._discard_file(f"not a policytext cache: {exc}")
                continue
            except sqlite3.DatabaseError as exc:
                if attempt == 2 or not _is_corruption(exc):
                    raise CacheError(f"cannot open embedding cache {self.path}: {exc}") from exc
                self._discard_file(str(exc))
                continue
            except OSError as exc:
                raise CacheError(f"cannot open embedding cache {self.path}: {exc}") from exc
            self._conn = conn
            self._pid = os.getpid()
            self._inode = self.path.stat().st_ino
            return conn
        raise AssertionError("unreachable")  # pragma: no cover

    def _failed(self, exc: sqlite3.Error, doing: str) -> CacheError:
        """Turn a SQLite error into CacheError, discarding the file if it is corrupted."""
        if _is_corruption(exc):
            self._discard_file(str(exc))
        return CacheError(f"embedding cache {self.path}: {doing} failed: {exc}")

    def close(self) -> None:
        """Close the database connection (it is reopened on next use)."""
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        conn = getattr(self, "_conn", None)
        if conn is not None and getattr(self, "_pid", -1) == os.getpid():
            with contextlib.suppress(Exception):
                conn.close()

    # ------------------------------------------------------------------ data

    def get(
        self, identity: str, keys: Iterable[bytes], *, dim: int | None = None
    ) -> dict[bytes, FloatVector]:
        """Return the stored, valid vectors of ``keys`` under ``identity``.

        Rows that fail their checks (checksum, length, non-finite values, or a size other
        than ``dim`` when given) are deleted and left out. A corrupted file is discarded and
        the result is empty.
        """
        wanted = list(dict.fromkeys(keys))
        if not wanted:
            return {}
        with self._lock:
            conn = self._connect()
            rows: list[tuple[object, ...]] = []
            try:
                for chunk in _chunks(wanted, _CHUNK):
                    marks = ",".join("?" * len(chunk))
                    rows.extend(
                        conn.execute(
                            "SELECT key, dim, vector, checksum FROM embeddings "
                            f"WHERE identity = ? AND key IN ({marks})",
                            (identity, *chunk),
                        ).fetchall()
                    )
            except sqlite3.DatabaseError as exc:
                if _is_corruption(exc):
                    self._discard_file(str(exc))
                    return {}
                raise self._failed(exc, "reading") from exc
            found: dict[bytes, FloatVector] = {}
            bad: list[bytes] = []
            for key, size, blob, checksum in rows:
                vector = self._check_row(identity, key, size, blob, checksum, dim=dim)
                if vector is None:
                    if isinstance(key, bytes):
                        bad.append(key)
                else:
                    assert isinstance(key, bytes)
                    found[key] = vector
            if bad:  # left out either way; deleting them is only tidying up
                with contextlib.suppress(CacheError):
                    self.delete(identity, bad)
            return found

    @staticmethod
    def _check_row(
        identity: str,
        key: object,
        size: object,
        blob: object,
        checksum: object,
        *,
        dim: int | None,
    ) -> FloatVector | None:
        if not (isinstance(key, bytes) and len(key) == 32):
            return None
        if not (isinstance(size, int) and size > 0 and (dim is None or size == dim)):
            return None
        if not (isinstance(blob, bytes) and len(blob) == 4 * size):
            return None
        if not (isinstance(checksum, bytes) and checksum == _checksum(identity, key, size, blob)):
            return None
        vector: FloatVector = np.frombuffer(blob, dtype="<f4").astype(np.float32)
        if not bool(np.isfinite(vector).all()):
            return None
        return vector

    def put(self, identity: str, items: Mapping[bytes, FloatVector]) -> None:
        """Store vectors (1-D float32 each) under ``identity``, replacing older ones."""
        rows = []
        for key, value in items.items():
            vector = np.ascontiguousarray(value, dtype="<f4")
            if vector.ndim != 1 or vector.size == 0:
                raise ValueError(f"cache vectors must be 1-D and non-empty, not {vector.shape}")
            blob = vector.tobytes()
            dim = int(vector.size)
            rows.append((identity, key, dim, blob, _checksum(identity, key, dim, blob)))
        if not rows:
            return
        with self._lock:
            conn = self._connect()
            try:
                _retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"), self.timeout)
                try:
                    conn.executemany(
                        "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?, ?)", rows
                    )
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise self._failed(exc, "writing") from exc

    def delete(self, identity: str, keys: Iterable[bytes]) -> None:
        """Remove the vectors of ``keys`` under ``identity`` (missing ones are ignored)."""
        wanted = list(dict.fromkeys(keys))
        with self._lock:
            conn = self._connect()
            try:
                for chunk in _chunks(wanted, _CHUNK):
                    marks = ",".join("?" * len(chunk))
                    conn.execute(
                        f"DELETE FROM embeddings WHERE identity = ? AND key IN ({marks})",
                        (identity, *chunk),
                    )
            except sqlite3.Error as exc:
                raise self._failed(exc, "deleting") from exc

    def clear(self, identity: str | None = None) -> None:
        """Remove every vector, or only those of one encoder identity."""
        with self._lock:
            conn = self._connect()
            try:
                if identity is None:
                    conn.execute("DELETE FROM embeddings")
                else:
                    conn.execute("DELETE FROM embeddings WHERE identity = ?", (identity,))
            except sqlite3.Error as exc:
                raise self._failed(exc, "clearing") from exc

    def count(self, identity: str | None = None) -> int:
        """Return how many vectors are stored (for one identity, or in all)."""
        with self._lock:
            conn = self._connect()
            try:
                if identity is None:
                    row = conn.execute("SELECT count(*) FROM embeddings").fetchone()
                else:
                    row = conn.execute(
                        "SELECT count(*) FROM embeddings WHERE identity = ?", (identity,)
                    ).fetchone()
            except sqlite3.Error as exc:
                raise self._failed(exc, "counting") from exc
            return int(row[0])

    def identities(self) -> list[str]:
        """Return the encoder identities that have vectors stored."""
        with self._lock:
            conn = self._connect()
            try:
                rows = conn.execute("SELECT DISTINCT identity FROM embeddings").fetchall()
            except sqlite3.Error as exc:
                raise self._failed(exc, "listing") from exc
            return sorted(str(r[0]) for r in rows)


class CachedEncoder:
    """An :class:`~policytext.embed.Encoder` that encodes only texts it has not seen.

    Vectors are looked up in ``cache`` by ``(inner.identity, sha256(text))``; only misses
    go to ``inner`` (each distinct text once), and the result keeps the input order. If
    the cache cannot be used (an unwritable folder, say), a :class:`RuntimeWarning` is
    issued once and encoding goes on without it.

    Attributes:
        hits: texts answered from the cache so far.
        misses: texts handed to ``inner`` so far.
    """

    def __init__(self, inner: Encoder, cache: EmbeddingCache | StrPath | None = None) -> None:
        self.inner = inner
        self.cache = cache if isinstance(cache, EmbeddingCache) else EmbeddingCache(cache)
        self.hits = 0
        self.misses = 0
        self.disabled = False
        self._seen_dim: int | None = None
        self._lock = threading.Lock()

    def _expected_dim(self) -> int | None:
        """The inner encoder's ``dim`` if it has one, else the size it last returned."""
        dim = getattr(self.inner, "dim", None)
        return dim if isinstance(dim, int) else self._seen_dim

    @property
    def identity(self) -> str:
        return self.inner.identity

    @property
    def dim(self) -> int:
        """The inner encoder's ``dim`` (AttributeError if it has none)."""
        return int(getattr(self.inner, "dim"))  # noqa: B009 - AttributeError is the contract

    def __repr__(self) -> str:
        return f"CachedEncoder({self.inner!r}, {self.cache!r})"

    def _give_up(self, exc: CacheError) -> None:
        with self._lock:
            if self.disabled:
                return
            self.disabled = True
        warnings.warn(
            f"policytext: embedding cache unusable, encoding without it ({exc})",
            RuntimeWarning,
            stacklevel=3,
        )

    def _inner_encode(self, texts: list[str]) -> FloatMatrix:
        out = np.asarray(self.inner.encode(texts), dtype=np.float32)
        if out.ndim != 2 or out.shape[0] != len(texts):
            raise ModelError(
                f"encoder {self.identity!r} returned shape {out.shape} for {len(texts)} texts"
            )
        result: FloatMatrix = out
        return result

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        items = as_text_list(texts)
        if not items or self.disabled:
            return self._inner_encode(items)
        identity = self.identity
        keys = [text_key(t) for t in items]
        text_of = dict(zip(keys, items, strict=True))
        expected = self._expected_dim()
        try:
            found = self.cache.get(identity, text_of, dim=expected)
        except CacheError as exc:
            self._give_up(exc)
            return self._inner_encode(items)
        missing = [k for k in text_of if k not in found]
        fresh: dict[bytes, FloatVector] = {}
        if missing:
            matrix = self._inner_encode([text_of[k] for k in missing])
            fresh = dict(zip(missing, matrix, strict=True))
            width = self._seen_dim = matrix.shape[1]
        elif expected is not None:
            width = expected
        else:
            # All hits, and the encoder does not say its size: check it once on one text,
            # so vectors of another size (a foreign cache) are never returned.
            width = self._seen_dim = self._inner_encode([items[0]]).shape[1]
        stale = [k for k, v in found.items() if v.shape[0] != width]
        if stale:  # stored vectors of another size than this encoder's: re-encode them
            for k in stale:
                del found[k]
            matrix = self._inner_encode([text_of[k] for k in stale])
            if matrix.shape[1] != width:
                raise ModelError(f"encoder {self.identity!r} returned rows of different sizes")
            fresh.update(zip(stale, matrix, strict=True))
        with self._lock:
            self.hits += sum(1 for k in keys if k in found)
            self.misses += len(fresh)
        if fresh:
            try:
                # The identity is read again: an auto encoder may have switched backend.
                self.cache.put(self.identity, fresh)
            except CacheError as exc:
                self._give_up(exc)
        out = np.empty((len(items), width), dtype=np.float32)
        for row, key in enumerate(keys):
            out[row] = found[key] if key in found else fresh[key]
        result: FloatMatrix = out
        return result
