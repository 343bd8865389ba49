"""A searchable positions corpus: positions, their embeddings and their vocabulary.

Build one :class:`PositionIndex` and reuse it across many :func:`policytext.compare` calls
to pay for encoding the corpus once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from policytext.lexical import Token, Vocabulary, content_tokens
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
        texts = [p.text for p in checked]
        tokens = [content_tokens(t) for t in texts]
        embeddings = encoder.encode(texts)
        return cls(
            checked,
            embeddings,
            encoder,
            Vocabulary.build(tokens),
            _tokens=dict(enumerate(tokens)),
        )

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
            _tokens={new: self.tokens(old) for new, old in enumerate(keep)},
        )

    def __len__(self) -> int:
        return len(self.positions)
