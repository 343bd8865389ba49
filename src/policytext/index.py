"""A searchable positions corpus: positions, their embeddings and their vocabulary.

Build one :class:`PositionIndex` and reuse it across many :func:`policytext.compare` calls
to pay for encoding the corpus once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from policytext.errors import PositionsError
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
            PositionsError: invalid positions, or not one embedding row per position.
        """
        return cls._assemble(validate_positions(positions), embeddings, encoder)

    @classmethod
    def _assemble(
        cls, checked: tuple[Position, ...], embeddings: FloatMatrix, encoder: Encoder
    ) -> PositionIndex:
        if embeddings.ndim != 2 or embeddings.shape[0] != len(checked):
            raise PositionsError(
                f"expected one embedding row per position ({len(checked)}), "
                f"got an array of shape {embeddings.shape}"
            )
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
