"""The matcher's inner loops, compiled (bot/answering/_scorer.c)."""

from collections.abc import Sequence

import numpy as np

def best_phrasings(postings: Sequence[np.ndarray], weights: Sequence[float], idf: Sequence[float],
                   phrasing_weight: np.ndarray, query_weight: float, cap: int, found: np.ndarray,
                   limit: int) -> tuple[list[int], list[float]]:
    """The `limit` phrasings that overlap the question most, best first (a higher overlap, then the later
    phrasing), and their overlaps (never 0). `postings`: the phrasings (int32, sorted) of each query token in the
    query's order, `weights` and `idf` its weights in the overlap's recall and precision; `phrasing_weight`: each
    phrasing's IDF weight (float64); `cap`: phrasings scored at most, from the rarest tokens' lists first;
    `found`: int32 zeros, one per phrasing (scratch, zeroed again)."""

def weighted_sums(documents: np.ndarray, postings: Sequence[np.ndarray], weights: Sequence[Sequence[float]],
                  where: np.ndarray, out: np.ndarray) -> None:
    """Adds to `out[r, j]` the weights `weights[r]` of the tokens document `documents[j]` holds, token after token
    in the order of `postings` (their documents, int32, sorted). `documents`: distinct, int32; `where`: int32
    zeros, a slot per document (scratch, zeroed again); `out`: float64, one row per row of weights."""

def best_cosines(columns: np.ndarray, query: np.ndarray, start: np.ndarray, length: np.ndarray, rows: np.ndarray,
                 weights: np.ndarray, owners: np.ndarray, scores: np.ndarray, best: np.ndarray) -> None:
    """Sets `best[e]` to the largest sum of entry e's phrasings that the query reaches (left alone otherwise):
    a phrasing's sum adds `weights[p] * query[k]` over the postings p of each column `columns[k]`
    (`rows[start[c]:start[c] + length[c]]`, weights float32), column after column, as numpy's bincount did.
    `columns`, `start`, `length`: int64; `rows`, `owners` (each phrasing's entry): int32; `query`, `best`:
    float64; `scores`: float64 zeros, one per phrasing (scratch, zeroed again). Weights and query values are
    positive (a phrasing's slot at 0 is one not reached yet)."""

def grouped(ids: np.ndarray, bags: np.ndarray, counts: np.ndarray, out: np.ndarray) -> None:
    """Writes to `out` each (token, bag) pair's bag, the pairs grouped by token id, in their order within a token:
    `bags[np.argsort(ids, kind="stable")]`. `ids`, `bags`, `out`: int32, one per pair; `counts`: int64, the pairs
    of each token id (they add up to the pairs)."""

def column_sums(columns: np.ndarray, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray,
                scores: np.ndarray) -> None:
    """Adds `data[a:b]` to `scores[indices[a:b]]` for each column's range [a, b) = [indptr[c], indptr[c + 1]), column
    after column in the order of `columns`, as numpy's `+=` did (a column's documents are distinct). `columns`,
    `indptr`: int64; `indices`: int32; `data`, `scores`: float32."""

def query_phrasings(query: frozenset[str], rows: dict[str, tuple[float, float, np.ndarray | None, np.ndarray | None,
                                                            np.ndarray | None]],
                    boost: dict[str, float] | None, unknown_idf: float, unknown_answer_idf: float,
                    phrasing_weight: np.ndarray, cap: int, found: np.ndarray, limit: int) -> tuple[list[int], list[float]]:
    """`best_phrasings` for the query's tokens (in the frozenset's order) as the matcher's `rows` give them (token
    -> vocabulary IDF, answer IDF, and its phrasings', vocabularies' and answers' lists, int32 or None; a token
    without a row weighs the unknown IDFs): each token's weight is its IDF times its `boost` (1.0 when absent or
    None), the precision's its IDF, the query's weight their sum (1.0 if 0)."""

def query_ranking(query: frozenset[str], rows: dict[str, tuple[float, float, np.ndarray | None, np.ndarray | None,
                                                          np.ndarray | None]],
                  boost: dict[str, float] | None, unknown_idf: float, unknown_answer_idf: float,
                  phrasings: Sequence[int], overlaps: Sequence[float], similarities: np.ndarray,
                  phrasing_entry: np.ndarray, cap: int, shares: tuple[float, float, float, float, float],
                  where: np.ndarray, limit: int, known: bool,
                  ) -> tuple[list[int], list[float], list[float], list[float], list[int]] | None:
    """The first `limit` entries of a ranking (see Matcher._ranked), best first (a higher total, then the earlier
    entry): their indices, totals, coverages, known coverages (the coverages again unless `known`) and the phrasing
    that scored each (-1: none). `query`, `rows`, `boost`, the unknown IDFs: as for `query_phrasings`;
    `phrasings`: the re-scored phrasings, best overlap first, with their `overlaps` and rapidfuzz `similarities`
    (0–100, float64); `phrasing_entry`: each phrasing's entry (int32); `cap`: the longest vocabulary or answer
    list that brings entries; `shares`: the overlap's and the similarity's in a phrasing's score, then the
    phrasing's, the vocabulary's and the answer's in a total; `where`: int32 zeros, one per entry (scratch, zeroed
    again). None when no entry is reached."""

def distinct_best(scores: np.ndarray, k: int) -> list[tuple[int, float]] | None:
    """The `k` best (index, score) pairs, best first (a higher score, then the earlier index), or None when a tie
    among the positive scores of the first `k` (or between the last of them and the next) matters. `scores`:
    float64 or float32, only read."""
