"""A searchable positions corpus: positions, their embeddings and their vocabulary.

Build one :class:`PositionIndex` and reuse it across many :func:`policytext.compare` calls
to pay for encoding the corpus once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs
import numpy as np

from policytext.errors import InputError
from policytext.lexical import Token, Vocabulary, content_stems, content_tokens
from policytext.positions import Position, validate_positions

if TYPE_CHECKING:
    from policytext._types import FloatMatrix
    from policytext.embed import Encoder

__all__ = ["PositionIndex"]


@attrs.frozen(eq=False)
class PositionIndex:
    """Positions with their (L2-normalised) embeddings and corpus word statistics.

    Attributes:
        positions: the positions, in corpus order.
        embeddings: float32 matrix, one row per position.
        encoder: the encoder that made ``embeddings`` (queries must use the same one).
        vocabulary: IDF of content-word stems over the positions.
    """

    positions: tuple[Position, ...]
    embeddings: FloatMatrix
    encoder: Encoder
    vocabulary: Vocabulary
    _tokens: dict[int, tuple[Token, ...]] = attrs.field(factory=dict, alias="_tokens", repr=False)

    @classmethod
    def build(cls, positions: Iterable[Position], encoder: Encoder) -> PositionIndex:
        """Validate, encode and count words of ``positions``."""
        checked = validate_positions(positions)
        return cls._assemble(checked, encoder.encode([p.text for p in checked]), encoder)

    @classmethod
    def from_embeddings(
        cls, positions: Iterable[Position], embeddings: FloatMatrix, encoder: Encoder
    ) -> PositionIndex:
        """An index over embeddings computed beforehand by ``encoder`` (one L2-normalised
        row per position, in order): validates the positions and counts their words.

        Raises:
            PositionsError: invalid positions.
            InputError: ``embeddings`` is not a 2-D float array with one finite, unit-length
                row per position (of the encoder's width, when the encoder states one).
        """
        checked = validate_positions(positions)
        if not isinstance(embeddings, np.ndarray) or embeddings.ndim != 2:
            raise InputError(
                f"embeddings must be a 2-D numpy array, got {type(embeddings).__name__}"
                + (f" of shape {embeddings.shape}" if isinstance(embeddings, np.ndarray) else "")
            )
        if embeddings.shape[0] != len(checked):
            raise InputError(
                f"expected one embedding row per position ({len(checked)}), "
                f"got an array of shape {embeddings.shape}"
            )
        width = getattr(encoder, "dim", None)
        if isinstance(width, int) and embeddings.shape[1] != width:
            raise InputError(
                f"embeddings have {embeddings.shape[1]} columns; the encoder makes {width}"
            )
        matrix = np.asarray(embeddings, dtype=np.float32)
        # Row norms without a full-size temporary; NaN or inf anywhere in a row shows here.
        norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
        if not np.isfinite(norms).all():
            raise InputError("embeddings contain NaN or infinite values")
        if len(norms) and not np.allclose(norms, 1.0, atol=1e-3):
            worst = int(np.argmax(np.abs(norms - 1.0)))
            raise InputError(
                f"embedding rows must have unit length (row {worst} has {norms[worst]:.4g}); "
                "normalise them, or use PositionIndex.build"
            )
        return cls._assemble(checked, matrix, encoder)

    @classmethod
    def _assemble(
        cls, checked: tuple[Position, ...], embeddings: FloatMatrix, encoder: Encoder
    ) -> PositionIndex:
        # Stems only: token offsets are made on demand for the candidates that get scored.
        vocabulary = Vocabulary.from_stems(content_stems(p.text) for p in checked)
        return cls(checked, embeddings, encoder, vocabulary)

    def tokens(self, j: int) -> tuple[Token, ...]:
        """Content-word tokens of position ``j``."""
        found = self._tokens.get(j)
        if found is None:
            found = self._tokens[j] = content_tokens(self.positions[j].text)
        return found

    def as_of(self, date: dt.date | None) -> PositionIndex:
        """The index without positions dated after ``date`` (undated positions stay)."""
        if date is None:
            return self
        keep = [j for j, p in enumerate(self.positions) if p.date is None or p.date <= date]
        if len(keep) == len(self.positions):
            return self
        return PositionIndex(
            tuple(self.positions[j] for j in keep),
            self.embeddings[keep],
            self.encoder,
            self.vocabulary,
            _tokens={new: self._tokens[old] for new, old in enumerate(keep) if old in self._tokens},
        )

    def __len__(self) -> int:
        return len(self.positions)
