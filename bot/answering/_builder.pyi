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

def merged_lists(where: np.ndarray, rows: np.ndarray, counts: np.ndarray, start: np.ndarray, length: np.ndarray,
                 renumber: np.ndarray, added_columns: np.ndarray, added_rows: np.ndarray, added_counts: np.ndarray,
                 out_rows: np.ndarray, out_counts: np.ndarray) -> int:
    """The previous lists by n-gram (old column c: `rows[start[c]:start[c] + length[c]]`, int32, with `counts`),
    each row renumbered through `where` (int32, -1: the phrasing is gone, its pair left out) and each column
    through `renumber` (int64, -1: gone), merged with the added pairs (`added_columns` int64, sorted, then
    `added_rows` int32 increasing within a column) in new column order, rows increasing within each; written to
    `out_rows` (int32) and `out_counts` (counts' type): returns how many."""
