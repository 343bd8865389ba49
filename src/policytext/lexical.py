"""Content-word tokens, IDF-weighted overlap and word highlights.

The lexical component of the score: which content words a recommendation shares with a
position, weighted by how rare each word is in the positions corpus. Pure Python.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import attrs

__all__ = ["Token", "Vocabulary", "content_stems", "content_tokens", "overlap", "stem"]

# Numbers stay whole ("100,000", "2.5bn"); words may hold apostrophes and hyphens.
_WORD = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*|[^\W_]+(?:[’'\-][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cannot could did do does doing down during
    each few for from further had has have having he her here hers herself him himself his
    how i if in into is it its itself just let me more most must my myself no nor not now of
    off on once only or other ought our ours ourselves out over own same shall she should so
    some such than that the their theirs them themselves then there these they this those
    through to too under until up upon us very was we were what when where which while who
    whom why will with would you your yours yourself yourselves may might need needs needed
    time make made way ways well much many one two three its it’s s t don’t should’ve
    """.split()  # noqa: SIM905  # a word list reads better as text
)

_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Return a light stem of ``word``: lower case with common English suffixes removed.

    Examples:
        >>> stem("Negotiations"), stem("negotiate"), stem("suspended"), stem("talks")
        ('negoti', 'negoti', 'suspend', 'talk')
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if w.endswith("at") and len(w) > 6:
        w = w[:-2]
    return w


@attrs.frozen
class Token:
    """A content word with its stem and character offsets in the text it came from."""

    stem: str
    start: int
    end: int


def _content_words(text: str) -> Iterator[re.Match[str]]:
    """Matches of the content words of ``text`` (stopwords and 1-character words dropped)."""
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in STOPWORDS or len(word) < 2 or (lower.isdigit() and len(lower) < 2):
            continue
        yield match


def content_tokens(text: str) -> tuple[Token, ...]:
    """Return the content words of ``text`` (stopwords and 1-character words dropped).

    Examples:
        >>> [t.stem for t in content_tokens("We should restart the trade talks.")]
        ['restart', 'trad', 'talk']
    """
    return tuple(Token(stem(m.group()), m.start(), m.end()) for m in _content_words(text))


def content_stems(text: str) -> frozenset[str]:
    """The distinct stems of the content words of ``text``: what IDF counting needs, without
    the offsets (far less memory over a large corpus).

    Examples:
        >>> sorted(content_stems("Restart the talks; restart them now."))
        ['restart', 'talk']
    """
    return frozenset(stem(m.group()) for m in _content_words(text))


@attrs.frozen
class Vocabulary:
    """Inverse document frequencies of stems over a corpus of texts."""

    idf: dict[str, float]
    default_idf: float

    @classmethod
    def build(cls, documents: Iterable[Sequence[Token]]) -> Vocabulary:
        """Build IDFs (``log(1 + N / df)``) from tokenised documents."""
        return cls.from_stems({t.stem for t in tokens} for tokens in documents)

    @classmethod
    def from_stems(cls, documents: Iterable[Iterable[str]]) -> Vocabulary:
        """Build IDFs (``log(1 + N / df)``) from each document's distinct stems."""
        df: Counter[str] = Counter()
        n = 0
        for stems in documents:
            n += 1
            df.update(stems if isinstance(stems, set | frozenset) else set(stems))
        idf = {term: math.log1p(n / count) for term, count in df.items()}
        return cls(idf=idf, default_idf=math.log1p(max(n, 1)))

    def weight(self, term: str) -> float:
        """IDF of ``term``; unseen terms get the weight of a term seen once."""
        return self.idf.get(term, self.default_idf)


def overlap(
    query: Sequence[Token], document: Sequence[Token], vocabulary: Vocabulary
) -> tuple[float, tuple[tuple[Token, Token], ...]]:
    """IDF-weighted share of the query's content words found in ``document``, in [0, 1].

    Returns the score and the matched (query token, document token) pairs, first occurrence
    in the document for each query token.
    """
    if not query:
        return 0.0, ()
    first: dict[str, Token] = {}
    for token in document:
        first.setdefault(token.stem, token)
    total = 0.0
    shared = 0.0
    pairs: list[tuple[Token, Token]] = []
    seen: set[str] = set()
    for token in query:
        if token.stem in seen:
            continue
        seen.add(token.stem)
        weight = vocabulary.weight(token.stem)
        total += weight
        hit = first.get(token.stem)
        if hit is not None:
            shared += weight
            pairs.append((token, hit))
    return (shared / total if total else 0.0), tuple(pairs)
