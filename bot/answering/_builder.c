/* Passes of the n-gram ranker's build over all its pairs (bot/answering/char_opinion.py), compiled.
 *
 * Why C: a learning action at 10,000 entries changes a few phrasings, but the number of phrasings changes every
 * n-gram's IDF, so every phrasing's length and every listed weight is computed again: 19 million pairs, then
 * 6 million. In numpy each pass went through several temporary arrays (gathers by n-gram, a mask of the pairs
 * counted more than once, 64-bit copies of 16-bit indices); here each is one loop over the pairs.
 * Every float is the one numpy computed (the same IEEE operations in the same order, numpy's pairwise summation
 * where `np.add.reduceat` summed, no fused multiply-adds: built with -ffp-contract=off), so the index is
 * bit-identical to the numpy code's (tests/test_char_builder.py compares them).
 * Plain CPython C API and buffer protocol: no numpy headers needed at build time.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* A buffer of unsigned integers of 1, 2, 4 or 8 bytes (the pairs' ids and counts are kept in the smallest type). */
typedef struct {
    Py_buffer view;
    Py_ssize_t size;
} Items;

static int open_items(PyObject *object, Items *items, int writable, Py_ssize_t itemsize, const char *what) {
    if (PyObject_GetBuffer(object, &items->view, PyBUF_C_CONTIGUOUS | (writable ? PyBUF_WRITABLE : 0)) < 0)
        return -1;
    Py_ssize_t got = items->view.itemsize;
    if (itemsize ? got != itemsize : (got != 1 && got != 2 && got != 4 && got != 8)) {
        PyBuffer_Release(&items->view);
        items->view.obj = NULL;
        PyErr_Format(PyExc_TypeError, "%s: wrong item size", what);
        return -1;
    }
    items->size = items->view.len / got;
    return 0;
}

static inline uint64_t item(const Items *items, Py_ssize_t i) {
    switch (items->view.itemsize) {
        case 1: return ((const uint8_t *)items->view.buf)[i];
        case 2: return ((const uint16_t *)items->view.buf)[i];
        case 4: return ((const uint32_t *)items->view.buf)[i];
        default: return ((const uint64_t *)items->view.buf)[i];
    }
}

/* numpy's pairwise summation of n contiguous doubles (`pairwise_sum_DOUBLE`, numpy/_core/src/umath/loops_utils.h):
   what `np.add.reduce` and each segment of `np.add.reduceat` add after the segment's first element. */
static double pairwise_sum(const double *a, Py_ssize_t n) {
    if (n < 8) {
        double res = 0.;
        for (Py_ssize_t i = 0; i < n; i++) res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; j++) r[j] = a[j];
        Py_ssize_t i;
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j++) r[j] += a[i + j];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) res += a[i];
        return res;
    }
    Py_ssize_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_sum(a, n2) + pairwise_sum(a + n2, n - n2);
}

/* Phrasing after phrasing: its pairs' squares into `buffer`, then their sum (see `phrasing_lengths`). Returns 1
   when an id or a count is out of range (nothing more is computed), else 0. Written once per pair of types, the
   common one (16-bit ids, 8-bit counts) with fixed types: the loop reads each pair once, without a switch. */
#define LENGTHS_LOOP(READ_ID, READ_COUNT)                                                                       \
    for (Py_ssize_t j = 0; j < phrasings; j++) {                                                              \
        Py_ssize_t a = start[j], n = start[j + 1] - a;                                                       \
        if (n == 0) continue;                                                                                 \
        for (Py_ssize_t k = 0; k < n; k++) {                                                                  \
            uint64_t id = READ_ID(a + k), count = READ_COUNT(a + k);                                          \
            if (id >= (uint64_t)known || count >= (uint64_t)counted) return 1;                               \
            if (count > 1) {                                                                                  \
                double weight = by_id[id] * tf[count];                                                        \
                buffer[k] = weight * weight;                                                                  \
            } else {                                                                                          \
                buffer[k] = squares[id];                                                                      \
            }                                                                                                 \
        }                                                                                                     \
        out[j] = sqrt(buffer[0] + pairwise_sum(buffer + 1, n - 1));                                           \
    }                                                                                                         \
    return 0;

static int lengths_u16_u8(const uint16_t *ids, const uint8_t *counts, const int64_t *start, Py_ssize_t phrasings,
                          const double *squares, const double *by_id, Py_ssize_t known, const double *tf,
                          Py_ssize_t counted, double *out, double *buffer) {
#define ID16(i) ids[i]
#define COUNT8(i) counts[i]
    LENGTHS_LOOP(ID16, COUNT8)
#undef ID16
#undef COUNT8
}

static int lengths_any(const Items *ids, const Items *counts, const int64_t *start, Py_ssize_t phrasings,
                       const double *squares, const double *by_id, Py_ssize_t known, const double *tf,
                       Py_ssize_t counted, double *out, double *buffer) {
#define ID_ANY(i) item(ids, i)
#define COUNT_ANY(i) item(counts, i)
    LENGTHS_LOOP(ID_ANY, COUNT_ANY)
#undef ID_ANY
#undef COUNT_ANY
}

PyDoc_STRVAR(phrasing_lengths_doc,
"phrasing_lengths(ids, counts, start, squares, by_id, tf, out)\n"
"--\n\n"
"Each phrasing's length (see char_opinion._lengths).");

/* Phrasing j's pairs are [start[j], start[j + 1]); a pair's square is squares[id] (idf²) when counted once, else
   (by_id[id] * tf[count])²; its length the square root of their sum as `np.add.reduceat` sums a segment: its first
   square, plus the pairwise sum of the others. A phrasing without pairs is left as it is in `out`. */
static PyObject *phrasing_lengths(PyObject *self, PyObject *args) {
    PyObject *arg[7];
    if (!PyArg_ParseTuple(args, "OOOOOOO", &arg[0], &arg[1], &arg[2], &arg[3], &arg[4], &arg[5], &arg[6]))
        return NULL;
    static const Py_ssize_t sizes[7] = {0, 0, 8, 8, 8, 8, 8};
    static const char *names[7] = {"ids", "counts", "start", "squares", "by_id", "tf", "out"};
    Items view[7];
    int opened = 0;
    PyObject *result = NULL;
    double *buffer = NULL;
    for (; opened < 7; opened++)
        if (open_items(arg[opened], &view[opened], opened == 6, sizes[opened], names[opened]) < 0) goto done;
    const int64_t *start = view[2].view.buf;
    const double *squares = view[3].view.buf, *by_id = view[4].view.buf, *tf = view[5].view.buf;
    double *out = view[6].view.buf;
    Py_ssize_t pairs = view[0].size, phrasings = view[2].size - 1, known = view[3].size, widest = 0;
    if (phrasings < 0 || view[1].size != pairs || view[4].size != known || view[6].size != phrasings) {
        PyErr_SetString(PyExc_ValueError, "mismatched lengths");
        goto done;
    }
    /* The phrasings' bounds checked first; ids and counts as they are read. */
    for (Py_ssize_t j = 0; j < phrasings; j++) {
        if (start[j] < 0 || start[j + 1] < start[j] || start[j + 1] > pairs) {
            PyErr_SetString(PyExc_IndexError, "phrasing bounds out of range");
            goto done;
        }
        if (start[j + 1] - start[j] > widest) widest = start[j + 1] - start[j];
    }
    buffer = PyMem_Malloc((widest ? widest : 1) * sizeof(double));
    if (buffer == NULL) { PyErr_NoMemory(); goto done; }
    int bad = 0;
    Py_ssize_t id_size = view[0].view.itemsize, count_size = view[1].view.itemsize;
    Py_BEGIN_ALLOW_THREADS
    if (id_size == 2 && count_size == 1)
        bad = lengths_u16_u8(view[0].view.buf, view[1].view.buf, start, phrasings, squares, by_id, known, tf,
                             view[5].size, out, buffer);
    else
        bad = lengths_any(&view[0], &view[1], start, phrasings, squares, by_id, known, tf, view[5].size, out, buffer);
    Py_END_ALLOW_THREADS
    if (bad) {
        PyErr_SetString(PyExc_IndexError, "n-gram id or count out of range");
        goto done;
    }
    result = Py_None;
    Py_INCREF(result);
done:
    PyMem_Free(buffer);
    for (int i = 0; i < opened; i++) PyBuffer_Release(&view[i].view);
    return result;
}

/* Column after column, each listed pair's weight (see `listed_weights`); `bad` set, and the loop left, at a row or
   a count out of range. */
#define WEIGHTS_LOOP(READ_COUNT)                                                                                \
    for (Py_ssize_t c = 0, p = 0; c < columns && !bad; c++) {                                                 \
        for (int64_t k = 0; k < size[c]; k++, p++) {                                                          \
            uint64_t count = READ_COUNT(p);                                                                   \
            if (rows[p] < 0 || rows[p] >= phrasings || count >= (uint64_t)counted) { bad = 1; break; }        \
            double weight = idf[c];                                                                           \
            if (count > 1) weight *= tf[count];                                                               \
            weight /= length[rows[p]];                                                                        \
            out[p] = (float)weight;                                                                           \
        }                                                                                                     \
    }

PyDoc_STRVAR(listed_weights_doc,
"listed_weights(idf, tf, sizes, counts, rows, length, out)\n"
"--\n\n"
"Each listed pair's weight (see char_opinion._weights).");

/* The pairs are listed column after column, sizes[c] for column c: each one's weight is idf[c], times tf[count]
   when counted more than once, divided by its phrasing's length, in double, then rounded to float. */
static PyObject *listed_weights(PyObject *self, PyObject *args) {
    PyObject *arg[7];
    if (!PyArg_ParseTuple(args, "OOOOOOO", &arg[0], &arg[1], &arg[2], &arg[3], &arg[4], &arg[5], &arg[6]))
        return NULL;
    static const Py_ssize_t sizes[7] = {8, 8, 8, 0, 4, 8, 4};
    static const char *names[7] = {"idf", "tf", "sizes", "counts", "rows", "length", "out"};
    Items view[7];
    int opened = 0;
    PyObject *result = NULL;
    for (; opened < 7; opened++)
        if (open_items(arg[opened], &view[opened], opened == 6, sizes[opened], names[opened]) < 0) goto done;
    const double *idf = view[0].view.buf, *tf = view[1].view.buf, *length = view[5].view.buf;
    const int64_t *size = view[2].view.buf;
    const int32_t *rows = view[4].view.buf;
    float *out = view[6].view.buf;
    Py_ssize_t columns = view[0].size, pairs = view[4].size, total = 0;
    if (view[2].size != columns || view[3].size != pairs || view[6].size != pairs) {
        PyErr_SetString(PyExc_ValueError, "mismatched lengths");
        goto done;
    }
    for (Py_ssize_t c = 0; c < columns; c++) {
        if (size[c] < 0) { PyErr_SetString(PyExc_ValueError, "negative list size"); goto done; }
        total += size[c];
    }
    if (total != pairs) { PyErr_SetString(PyExc_ValueError, "list sizes do not add up"); goto done; }
    int bad = 0;
    Py_ssize_t phrasings = view[5].size, counted = view[1].size;
    Py_BEGIN_ALLOW_THREADS
    if (view[3].view.itemsize == 1) {
        const uint8_t *counts = view[3].view.buf;
#define COUNT8(i) counts[i]
        WEIGHTS_LOOP(COUNT8)
#undef COUNT8
    } else {
#define COUNT_ANY(i) item(&view[3], i)
        WEIGHTS_LOOP(COUNT_ANY)
#undef COUNT_ANY
    }
    Py_END_ALLOW_THREADS
    if (bad) {
        PyErr_SetString(PyExc_IndexError, "phrasing or count out of range");
        goto done;
    }
    result = Py_None;
    Py_INCREF(result);
done:
    for (int i = 0; i < opened; i++) PyBuffer_Release(&view[i].view);
    return result;
}

/* The merge of `merged_lists`, for one type of counts: `full` or `bad` set, and the loop left, when the output is
   too small or a row is out of range. */
#define MERGE_LOOP(COPY, COPY_ADDED)                                                                            \
    for (Py_ssize_t c = 0; c < columns && !full && !bad; c++) {                                               \
        int64_t now = renumber[c];                                                                            \
        if (now < 0) continue; /* the n-gram is gone: so is every phrasing that held it */                    \
        for (; a < added && added_columns[a] < now; a++, o++) {                                               \
            if (o >= room) { full = 1; break; }                                                               \
            out_rows[o] = added_rows[a];                                                                      \
            COPY_ADDED(o, a);                                                                                 \
        }                                                                                                     \
        for (int64_t p = start[c]; p < start[c] + length[c] && !full; p++) {                                  \
            if (rows[p] < 0 || rows[p] >= phrasings) { bad = 1; break; }                                     \
            int32_t row = where[rows[p]];                                                                     \
            if (row < 0) continue;                                                                            \
            for (; a < added && added_columns[a] == now && added_rows[a] < row; a++, o++) {                   \
                if (o >= room) { full = 1; break; }                                                           \
                out_rows[o] = added_rows[a];                                                                  \
                COPY_ADDED(o, a);                                                                             \
            }                                                                                                 \
            if (o >= room) { full = 1; break; }                                                               \
            out_rows[o] = row;                                                                                \
            COPY(o, p);                                                                                       \
            o++;                                                                                              \
        }                                                                                                     \
        for (; a < added && added_columns[a] == now && !full; a++, o++) {                                     \
            if (o >= room) { full = 1; break; }                                                               \
            out_rows[o] = added_rows[a];                                                                      \
            COPY_ADDED(o, a);                                                                                 \
        }                                                                                                     \
    }                                                                                                         \
    for (; a < added && !full && !bad; a++, o++) {                                                            \
        if (o >= room) { full = 1; break; }                                                                   \
        out_rows[o] = added_rows[a];                                                                          \
        COPY_ADDED(o, a);                                                                                     \
    }

PyDoc_STRVAR(merged_lists_doc,
"merged_lists(where, rows, counts, start, length, renumber, added_columns, added_rows, added_counts, out_rows,\n"
"             out_counts)\n"
"--\n\n"
"The previous lists by n-gram renumbered, with new pairs merged in (see char_opinion._kept_lists).");

/* The previous build's lists by n-gram (old column c: rows[start[c]:start[c] + length[c]], each with its count),
   each row renumbered through `where` (-1: that phrasing is gone, its pair left out) and its column through
   `renumber` (-1: gone, and with it every phrasing in its list), merged with the added pairs (sorted by new column,
   then row) in new column order, rows increasing within each: what sorting every pair by (column, row) gives,
   in one pass. Writes to `out_rows` and `out_counts` and returns how many pairs were written. */
static PyObject *merged_lists(PyObject *self, PyObject *args) {
    PyObject *arg[11];
    if (!PyArg_ParseTuple(args, "OOOOOOOOOOO", &arg[0], &arg[1], &arg[2], &arg[3], &arg[4], &arg[5], &arg[6],
                          &arg[7], &arg[8], &arg[9], &arg[10]))
        return NULL;
    static const Py_ssize_t sizes[11] = {4, 4, 0, 8, 8, 8, 8, 4, 0, 4, 0};
    static const char *names[11] = {"where", "rows", "counts", "start", "length", "renumber", "added_columns",
                                    "added_rows", "added_counts", "out_rows", "out_counts"};
    Items view[11];
    int opened = 0;
    PyObject *result = NULL;
    for (; opened < 11; opened++)
        if (open_items(arg[opened], &view[opened], opened >= 9, sizes[opened], names[opened]) < 0) goto done;
    const int32_t *where = view[0].view.buf, *rows = view[1].view.buf, *added_rows = view[7].view.buf;
    const int64_t *start = view[3].view.buf, *length = view[4].view.buf, *renumber = view[5].view.buf;
    const int64_t *added_columns = view[6].view.buf;
    int32_t *out_rows = view[9].view.buf;
    const char *counts = view[2].view.buf, *added_counts = view[8].view.buf;
    char *out_counts = view[10].view.buf;
    Py_ssize_t width = view[2].view.itemsize, phrasings = view[0].size, pairs = view[1].size;
    Py_ssize_t columns = view[3].size, added = view[6].size, room = view[9].size;
    if (view[2].size != pairs || view[4].size != columns || view[5].size != columns || view[7].size != added
        || view[8].size != added || view[10].size != room || view[8].view.itemsize != width
        || view[10].view.itemsize != width) {
        PyErr_SetString(PyExc_ValueError, "mismatched lengths or count types");
        goto done;
    }
    for (Py_ssize_t c = 0; c < columns; c++)
        if (start[c] < 0 || length[c] < 0 || start[c] + length[c] > pairs) {
            PyErr_SetString(PyExc_IndexError, "list out of range");
            goto done;
        }
    Py_ssize_t o = 0, a = 0;
    int full = 0, bad = 0;
    Py_BEGIN_ALLOW_THREADS
    if (width == 1) {
        const uint8_t *from = (const uint8_t *)counts, *added_from = (const uint8_t *)added_counts;
        uint8_t *to = (uint8_t *)out_counts;
#define COPY8(TO, FROM) (to[TO] = from[FROM])
#define COPY8_ADDED(TO, FROM) (to[TO] = added_from[FROM])
        MERGE_LOOP(COPY8, COPY8_ADDED)
#undef COPY8
#undef COPY8_ADDED
    } else {
#define COPY_ANY(TO, FROM) memcpy(out_counts + (TO) * width, counts + (FROM) * width, width)
#define COPY_ANY_ADDED(TO, FROM) memcpy(out_counts + (TO) * width, added_counts + (FROM) * width, width)
        MERGE_LOOP(COPY_ANY, COPY_ANY_ADDED)
#undef COPY_ANY
#undef COPY_ANY_ADDED
    }
    Py_END_ALLOW_THREADS
    if (bad) {
        PyErr_SetString(PyExc_IndexError, "phrasing out of range");
        goto done;
    }
    if (full) {
        PyErr_SetString(PyExc_ValueError, "output too small");
        goto done;
    }
    result = PyLong_FromSsize_t(o);
done:
    for (int i = 0; i < opened; i++) PyBuffer_Release(&view[i].view);
    return result;
}

static PyMethodDef methods[] = {
    {"phrasing_lengths", phrasing_lengths, METH_VARARGS, phrasing_lengths_doc},
    {"listed_weights", listed_weights, METH_VARARGS, listed_weights_doc},
    {"merged_lists", merged_lists, METH_VARARGS, merged_lists_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_builder", NULL, -1, methods};

PyMODINIT_FUNC PyInit__builder(void) { return PyModule_Create(&module); }
