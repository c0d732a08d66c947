"""The n-gram ranker's passes over all its pairs at each build, compiled (bot/answering/_builder.c)."""

import numpy as np

def phrasing_lengths(ids: np.ndarray, counts: np.ndarray, start: np.ndarray, squares: np.ndarray, by_id: np.ndarray,
                     tf: np.ndarray, out: np.ndarray) -> None:
    """Writes each phrasing's length to `out` (float64, one per phrasing; left as it is for a phrasing without
    pairs): phrasing j's pairs are [start[j], start[j + 1]) (int64) of `ids` and `counts` (unsigned, 1 to 8
    bytes); a pair's square is `squares[id]` when counted once, else `(by_id[id] * tf[count]) ** 2`; summed as
    `np.add.reduceat` sums a segment (float64 all)."""

def listed_weights(idf: np.ndarray, tf: np.ndarray, sizes: np.ndarray, counts: np.ndarray, rows: np.ndarray,
                   length: np.ndarray, out: np.ndarray) -> None:
    """Writes each listed pair's weight to `out` (float32): the pairs are listed column after column, `sizes[c]`
    (int64) for column c; a weight is `idf[c]`, times `tf[count]` when counted more than once, divided by
    `length[row]` (`rows`: int32), in float64 then rounded."""
