/* The matcher's inner loops over posting lists, compiled (bot/answering/matcher.py), the n-gram ranker's sums
 * (bot/answering/char_opinion.py) and BM25's (bot/answering/second_opinion.py).
 *
 * Why C: a ranking touches a few thousand postings, but in numpy it took a hundred-odd calls of a few
 * microseconds each (gathers, bincounts, partitions), more than the work itself; one pass here does it all.
 * Every float is computed as the numpy code computed it (the same operations, the same order, IEEE doubles,
 * no contraction into fused multiply-adds: built with -ffp-contract=off), so rankings are bit-identical.
 * Plain CPython C API and buffer protocol: no numpy headers needed at build time.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

typedef struct {
    Py_buffer view;
    const int32_t *items;
    Py_ssize_t length;
} List;

/* Each item of `lists` as a read-only buffer of int32 (a posting list: sorted document indices). */
static List *open_lists(PyObject *lists, Py_ssize_t *count) {
    PyObject *seq = PySequence_Fast(lists, "posting lists must be a sequence");
    if (seq == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    List *out = PyMem_Calloc(n ? n : 1, sizeof(List));
    if (out == NULL) { Py_DECREF(seq); PyErr_NoMemory(); return NULL; }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyObject_GetBuffer(PySequence_Fast_GET_ITEM(seq, i), &out[i].view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0
            || out[i].view.itemsize != 4 || out[i].view.format == NULL || strchr("ilI", out[i].view.format[0]) == NULL) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "posting lists must be int32 arrays");
            for (Py_ssize_t j = 0; j <= i; j++) if (out[j].view.obj != NULL) PyBuffer_Release(&out[j].view);
            PyMem_Free(out);
            Py_DECREF(seq);
            return NULL;
        }
        out[i].items = out[i].view.buf;
        out[i].length = out[i].view.len / 4;
    }
    Py_DECREF(seq);
    *count = n;
    return out;
}

static void close_lists(List *lists, Py_ssize_t count) {
    for (Py_ssize_t i = 0; i < count; i++) PyBuffer_Release(&lists[i].view);
    PyMem_Free(lists);
}

/* A sequence of Python floats as doubles (exactly: a Python float is a double). */
static double *open_floats(PyObject *values, Py_ssize_t expected) {
    PyObject *seq = PySequence_Fast(values, "weights must be a sequence");
    if (seq == NULL) return NULL;
    if (PySequence_Fast_GET_SIZE(seq) != expected) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "one weight per posting list");
        return NULL;
    }
    double *out = PyMem_Malloc((expected ? expected : 1) * sizeof(double));
    if (out == NULL) { Py_DECREF(seq); PyErr_NoMemory(); return NULL; }
    for (Py_ssize_t i = 0; i < expected; i++) {
        out[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
        if (out[i] == -1.0 && PyErr_Occurred()) { PyMem_Free(out); Py_DECREF(seq); return NULL; }
    }
    Py_DECREF(seq);
    return out;
}

static int writable(PyObject *object, Py_buffer *view, Py_ssize_t itemsize, const char *what) {
    if (PyObject_GetBuffer(object, view, PyBUF_WRITABLE | PyBUF_C_CONTIGUOUS) < 0) return -1;
    if (view->itemsize != itemsize) {
        PyBuffer_Release(view);
        PyErr_Format(PyExc_TypeError, "%s: wrong item size", what);
        return -1;
    }
    return 0;
}

/* (overlap, phrasing) pairs best first: a higher overlap, then the later phrasing. */
typedef struct { double overlap; int32_t phrasing; } Pair;

static inline int better(double overlap, int32_t phrasing, const Pair *than) {
    return overlap > than->overlap || (overlap == than->overlap && phrasing > than->phrasing);
}

/* The `limit` best pairs met so far: a heap whose root is the worst of them (a run of equal overlaps, common
   in a long posting list, would shift a sorted array at every pair). */
static inline void keep(Pair *kept, Py_ssize_t *size, Py_ssize_t limit, double overlap, int32_t phrasing) {
    Py_ssize_t n = *size, at;
    if (n < limit) {  /* sift up from the new leaf */
        at = n;
        while (at > 0 && better(kept[(at - 1) / 2].overlap, kept[(at - 1) / 2].phrasing, &(Pair){overlap, phrasing})) {
            kept[at] = kept[(at - 1) / 2];
            at = (at - 1) / 2;
        }
        *size = n + 1;
    } else {  /* replaces the root if better, sifted down */
        if (limit == 0 || !better(overlap, phrasing, &kept[0])) return;
        at = 0;
        for (;;) {
            Py_ssize_t child = 2 * at + 1;
            if (child >= n) break;
            if (child + 1 < n && better(kept[child].overlap, kept[child].phrasing, &kept[child + 1])) child++;
            if (!better(overlap, phrasing, &kept[child])) break;
            kept[at] = kept[child];
            at = child;
        }
    }
    kept[at].overlap = overlap;
    kept[at].phrasing = phrasing;
}

static int best_first(const void *a, const void *b) {
    const Pair *x = a, *y = b;
    return better(x->overlap, x->phrasing, y) ? -1 : better(y->overlap, y->phrasing, x) ? 1 : 0;
}

PyDoc_STRVAR(best_phrasings_doc,
"best_phrasings(postings, weights, idf, phrasing_weight, query_weight, cap, found, limit)\n"
"--\n\n"
"The phrasings that overlap the question most (see Matcher._ranked).");

/* best_phrasings' work on opened lists and weights (freed by the caller). */
static PyObject *phrasings_core(const List *lists, Py_ssize_t tokens, const double *weights, const double *idf,
                                PyObject *phrasing_weight_arg, double query_weight, Py_ssize_t cap,
                                PyObject *found_arg, Py_ssize_t limit) {
    PyObject *result = NULL;
    double *shared_weight = NULL, *shared_idf = NULL;
    int32_t *candidates = NULL;
    Py_ssize_t *order = NULL;
    Pair *kept = NULL, *last_kept = NULL;
    uint64_t *bits = NULL;
    Py_buffer phrasing_weight_view = {0}, found_view = {0};
    int32_t *found = NULL;
    Py_ssize_t numbered = 0;

    if (PyObject_GetBuffer(phrasing_weight_arg, &phrasing_weight_view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) goto done;
    if (phrasing_weight_view.format == NULL || strcmp(phrasing_weight_view.format, "d") != 0) {
        PyErr_SetString(PyExc_TypeError, "phrasing weights must be float64");
        goto done;
    }
    if (writable(found_arg, &found_view, 4, "found") < 0) goto done;
    const double *phrasing_weight = phrasing_weight_view.buf;
    Py_ssize_t phrasings = found_view.len / 4;
    if (phrasing_weight_view.len != phrasings * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "one weight and one slot per phrasing");
        goto done;
    }
    found = found_view.buf;
    Py_ssize_t total = 0;
    for (Py_ssize_t t = 0; t < tokens; t++) total += lists[t].length;
    order = PyMem_Malloc((tokens ? tokens : 1) * sizeof(Py_ssize_t));
    candidates = PyMem_Malloc((total ? total : 1) * sizeof(int32_t));
    if (limit < 0) limit = 0;
    kept = PyMem_Malloc((limit ? limit : 1) * sizeof(Pair));
    last_kept = PyMem_Malloc((limit ? limit : 1) * sizeof(Pair));
    if (order == NULL || candidates == NULL || kept == NULL || last_kept == NULL) { PyErr_NoMemory(); goto done; }

    /* The rarest tokens first (a stable sort by list length, as Python's `sorted`). */
    for (Py_ssize_t t = 0; t < tokens; t++) {
        Py_ssize_t at = t;
        while (at > 0 && lists[order[at - 1]].length > lists[t].length) { order[at] = order[at - 1]; at--; }
        order[at] = t;
    }
    /* Each new phrasing numbered 1, 2… in `found`, list after list, until a list's new ones pass the cap. The
       candidates are also kept as bits (a phrasing each: 20 KiB at 10,000 entries, in the first-level cache): which
       phrasing is new, and below which postings are no candidate, is read there, not in `found` (far larger, one
       cache miss a posting). A posting is checked where it is first used as an index (every list is walked below). */
    bits = PyMem_Calloc((size_t)(phrasings / 64 + 1), sizeof(uint64_t));
    if (bits == NULL) { PyErr_NoMemory(); goto done; }
    Py_ssize_t room = cap, last = -1;  /* last: where the list that passed the cap starts among the candidates */
    for (Py_ssize_t k = 0; k < tokens; k++) {
        const List *list = &lists[order[k]];
        Py_ssize_t before = numbered;
        for (Py_ssize_t i = 0; i < list->length; i++) {
            int32_t p = list->items[i];
            if ((uint32_t)p >= (uint32_t)phrasings) goto beyond;
            if (!found[p]) { candidates[numbered] = p; found[p] = (int32_t)++numbered; }
        }
        if (numbered - before > room) { last = before; break; }
        room -= numbered - before;
    }
    shared_weight = PyMem_Calloc(numbered ? numbered : 1, sizeof(double));
    shared_idf = PyMem_Calloc(numbered ? numbered : 1, sizeof(double));
    if (shared_weight == NULL || shared_idf == NULL) { PyErr_NoMemory(); goto done; }
    /* Each candidate's weights added token after token in the query's order, as numpy's bincount did. */
    for (Py_ssize_t j = 0; j < numbered; j++) bits[candidates[j] >> 6] |= (uint64_t)1 << (candidates[j] & 63);
    for (Py_ssize_t t = 0; t < tokens; t++) {
        const List *list = &lists[t];
        double w = weights[t], v = idf[t];
        for (Py_ssize_t i = 0; i < list->length; i++) {
            int32_t p = list->items[i];
            if ((uint32_t)p >= (uint32_t)phrasings) goto beyond;
            if (!((bits[p >> 6] >> (p & 63)) & 1)) continue;
            int32_t at = found[p];
            shared_weight[at - 1] += w;
            shared_idf[at - 1] += v;
        }
    }
    /* F1 of recall and precision, as Matcher._f1 computed it; the best `limit` kept, zeros dropped. From the list
       that passed the cap only its `room` best count (ties to the later phrasing), so only its best min(room,
       limit) can be among the best `limit`. */
    Py_ssize_t size = 0, last_size = 0, last_limit = room < limit ? room : limit;
    for (Py_ssize_t j = 0; j < numbered; j++) {
        int32_t p = candidates[j];
        found[p] = 0;
        double recall = shared_weight[j] / query_weight;
        double precision = shared_idf[j] / phrasing_weight[p];
        double both = recall + precision;
        double f1 = both != 0 ? 2 * recall * precision / both : 0.0;
        if (f1 == 0) continue;
        /* Most candidates do not beat the worst kept (the heap's root): that is read here, without a call. */
        if (last >= 0 && j >= last) {
            if (last_size < last_limit || (last_limit && better(f1, p, &last_kept[0])))
                keep(last_kept, &last_size, last_limit, f1, p);
        } else if (size < limit || (limit && better(f1, p, &kept[0]))) keep(kept, &size, limit, f1, p);
    }
    for (Py_ssize_t j = 0; j < last_size; j++) keep(kept, &size, limit, last_kept[j].overlap, last_kept[j].phrasing);
    qsort(kept, size, sizeof(Pair), best_first);  /* best first */
    numbered = 0;  /* `found` is clean again */

    PyObject *indices = PyList_New(size), *overlaps = PyList_New(size);
    if (indices == NULL || overlaps == NULL) { Py_XDECREF(indices); Py_XDECREF(overlaps); goto done; }
    for (Py_ssize_t j = 0; j < size; j++) {
        PyObject *index = PyLong_FromLong(kept[j].phrasing), *overlap = PyFloat_FromDouble(kept[j].overlap);
        if (index == NULL || overlap == NULL) {
            Py_XDECREF(index); Py_XDECREF(overlap); Py_DECREF(indices); Py_DECREF(overlaps);
            goto done;
        }
        PyList_SET_ITEM(indices, j, index);
        PyList_SET_ITEM(overlaps, j, overlap);
    }
    result = Py_BuildValue("(NN)", indices, overlaps);
    goto done;
beyond:
    PyErr_SetString(PyExc_IndexError, "a posting beyond the phrasings");
done:
    if (found != NULL) for (Py_ssize_t j = 0; j < numbered; j++) found[candidates[j]] = 0;  /* after an error */
    PyMem_Free(shared_weight); PyMem_Free(shared_idf);
    PyMem_Free(candidates); PyMem_Free(order); PyMem_Free(kept); PyMem_Free(last_kept); PyMem_Free(bits);
    if (phrasing_weight_view.obj != NULL) PyBuffer_Release(&phrasing_weight_view);
    if (found_view.obj != NULL) PyBuffer_Release(&found_view);
    return result;
}

static PyObject *best_phrasings(PyObject *self, PyObject *args) {
    PyObject *postings_arg, *weights_arg, *idf_arg, *phrasing_weight_arg, *found_arg;
    double query_weight;
    Py_ssize_t cap, limit;
    if (!PyArg_ParseTuple(args, "OOOOdnOn", &postings_arg, &weights_arg, &idf_arg, &phrasing_weight_arg,
                          &query_weight, &cap, &found_arg, &limit))
        return NULL;
    Py_ssize_t tokens = 0;
    List *lists = open_lists(postings_arg, &tokens);
    if (lists == NULL) return NULL;
    PyObject *result = NULL;
    double *weights = NULL, *idf = NULL;
    if ((weights = open_floats(weights_arg, tokens)) != NULL && (idf = open_floats(idf_arg, tokens)) != NULL)
        result = phrasings_core(lists, tokens, weights, idf, phrasing_weight_arg, query_weight, cap, found_arg, limit);
    close_lists(lists, tokens);
    PyMem_Free(weights);
    PyMem_Free(idf);
    return result;
}

PyDoc_STRVAR(weighted_sums_doc,
"weighted_sums(documents, postings, weights, where, out)\n"
"--\n\n"
"Per document, the sum of the weights of the tokens it holds (see matcher._sums).");

static PyObject *weighted_sums(PyObject *self, PyObject *args) {
    PyObject *documents_arg, *postings_arg, *weights_arg, *where_arg, *out_arg;
    if (!PyArg_ParseTuple(args, "OOOOO", &documents_arg, &postings_arg, &weights_arg, &where_arg, &out_arg))
        return NULL;
    Py_ssize_t tokens = 0;
    List *lists = open_lists(postings_arg, &tokens);
    if (lists == NULL) return NULL;
    PyObject *result = NULL, *rows = NULL;
    double *weights = NULL;
    Py_buffer documents_view = {0}, where_view = {0}, out_view = {0};
    int32_t *where = NULL;
    const int32_t *documents = NULL;
    Py_ssize_t count = 0, numbered = 0;

    if (PyObject_GetBuffer(documents_arg, &documents_view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) goto done;
    if (documents_view.itemsize != 4 || documents_view.format == NULL || strchr("ilI", documents_view.format[0]) == NULL) {
        PyErr_SetString(PyExc_TypeError, "documents must be int32");
        goto done;
    }
    documents = documents_view.buf;
    count = documents_view.len / 4;
    if (writable(where_arg, &where_view, 4, "where") < 0 || writable(out_arg, &out_view, sizeof(double), "out") < 0)
        goto done;
    if ((rows = PySequence_Fast(weights_arg, "weights must be a sequence")) == NULL) goto done;
    Py_ssize_t kinds = PySequence_Fast_GET_SIZE(rows);
    if (out_view.len != kinds * count * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "one sum per document and per row of weights");
        goto done;
    }
    if ((weights = PyMem_Malloc((kinds * tokens > 0 ? kinds * tokens : 1) * sizeof(double))) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t r = 0; r < kinds; r++) {
        double *row = open_floats(PySequence_Fast_GET_ITEM(rows, r), tokens);
        if (row == NULL) goto done;
        for (Py_ssize_t t = 0; t < tokens; t++) weights[t * kinds + r] = row[t];  /* token after token */
        PyMem_Free(row);
    }
    where = where_view.buf;
    Py_ssize_t slots = where_view.len / 4;
    for (Py_ssize_t j = 0; j < count; j++)
        if (documents[j] < 0 || documents[j] >= slots) {
            PyErr_SetString(PyExc_IndexError, "a document beyond the slots");
            goto done;
        }
    for (Py_ssize_t t = 0; t < tokens; t++)
        for (Py_ssize_t i = 0; i < lists[t].length; i++)
            if (lists[t].items[i] < 0 || lists[t].items[i] >= slots) {
                PyErr_SetString(PyExc_IndexError, "a posting beyond the slots");
                goto done;
            }
    for (numbered = 0; numbered < count; numbered++) where[documents[numbered]] = (int32_t)(numbered + 1);
    double *out = out_view.buf;
    /* Token after token in the given order: each document's weights are added in that order, as numpy's
       bincount over the tokens' postings added them. A list much longer than the documents asked about is not
       walked: each document is looked up in it (it is sorted). */
    for (Py_ssize_t t = 0; t < tokens; t++) {
        const List *list = &lists[t];
        const double *w = &weights[t * kinds];
        if (list->length > 16 * count) {
            for (Py_ssize_t j = 0; j < count; j++) {
                int32_t wanted = documents[j];
                Py_ssize_t low = 0, high = list->length;
                while (low < high) {
                    Py_ssize_t middle = low + (high - low) / 2;
                    if (list->items[middle] < wanted) low = middle + 1; else high = middle;
                }
                if (low < list->length && list->items[low] == wanted)
                    for (Py_ssize_t r = 0; r < kinds; r++) out[r * count + j] += w[r];
            }
            continue;
        }
        for (Py_ssize_t i = 0; i < list->length; i++) {
            int32_t at = where[list->items[i]];
            if (at) for (Py_ssize_t r = 0; r < kinds; r++) out[r * count + at - 1] += w[r];
        }
    }
    Py_INCREF(Py_None);
    result = Py_None;

done:
    for (Py_ssize_t j = 0; j < numbered; j++) where[documents[j]] = 0;
    close_lists(lists, tokens);
    Py_XDECREF(rows);
    PyMem_Free(weights);
    if (documents_view.obj != NULL) PyBuffer_Release(&documents_view);
    if (where_view.obj != NULL) PyBuffer_Release(&where_view);
    if (out_view.obj != NULL) PyBuffer_Release(&out_view);
    return result;
}

/* A read-only buffer of items of this size (the caller's arrays have fixed dtypes: see char_opinion.py). */
static int readable(PyObject *object, Py_buffer *view, Py_ssize_t itemsize, const char *what) {
    if (PyObject_GetBuffer(object, view, PyBUF_C_CONTIGUOUS) < 0) return -1;
    if (view->itemsize != itemsize) {
        PyBuffer_Release(view);
        PyErr_Format(PyExc_TypeError, "%s: wrong item size", what);
        return -1;
    }
    return 0;
}

/* One entry reached by a ranking: its best phrasing's score, its fields' sums, its total. */
typedef struct {
    int32_t entry, phrasing;  /* phrasing: the one that scored it, -1 when none was re-scored */
    double phrasing_score, vocabulary, answers, total;
} Reached;

/* Higher total first, ties to the earlier entry (as `np.lexsort((entries, -totals))`). */
static int ranked_first(const void *a, const void *b) {
    const Reached *x = a, *y = b;
    if (x->total > y->total) return -1;
    if (x->total < y->total) return 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

/* Whether the sorted list holds this document: a binary search without branches on the items (a conditional
   move each step: a branch taken one time in two was mispredicted one time in two). */
static inline int holds(const List *list, int32_t wanted) {
    const int32_t *base = list->items;
    Py_ssize_t n = list->length;
    if (n == 0) return 0;
    while (n > 1) {  /* the last item not above `wanted`, if any, is in [base, base + n) */
        Py_ssize_t half = n / 2;
        base = base[half] <= wanted ? base + half : base;
        n -= half;
    }
    return *base == wanted;
}

/* Adds each list's weight to the sums (`sums[where[d] - 1]`, at offset `field` in a Reached) of the reached
   documents it holds, list after list in the given order; a list much longer than the documents reached is not
   walked: each document is looked up in it (the same sums, as in weighted_sums). */
static int add_field(const List *lists, const double *weights, Py_ssize_t tokens, const int32_t *where,
                     Py_ssize_t entries, Reached *reached, Py_ssize_t count, size_t field) {
    for (Py_ssize_t t = 0; t < tokens; t++) {
        const List *list = &lists[t];
        double w = weights[t];
        if (list->length > 16 * count) {
            for (Py_ssize_t j = 0; j < count; j++)
                if (holds(list, reached[j].entry)) *(double *)((char *)&reached[j] + field) += w;
            continue;
        }
        for (Py_ssize_t i = 0; i < list->length; i++) {
            int32_t e = list->items[i];
            if ((uint32_t)e >= (uint32_t)entries) return -1;
            int32_t at = where[e];
            if (at) *(double *)((char *)&reached[at - 1] + field) += w;
        }
    }
    return 0;
}

/* A query as the matcher weighs it: its tokens in the query's own order (a frozenset's), and for each its weights
   and its posting lists, read from the matcher's rows (token -> (vocabulary IDF, answer IDF, phrasings, entries
   whose vocabulary holds it, entries whose answer holds it), lists as int32 arrays or None; a token no entry
   uses has no row: the fields' IDF of an unknown word, no list). */
typedef struct {
    PyObject *tokens;  /* the query's tokens, a list */
    Py_ssize_t n;
    double *idf, *weight, *answer_weight;  /* the vocabulary's IDF; times the token's boost; the answer's */
    char *known;  /* a row: some entry uses it */
    List *phrasings, *vocabulary, *answers;  /* length 0 (and no buffer) when the token has no such list */
    double vocabulary_total, answer_total;  /* the weights added in the query's order */
} Query;

static void close_query(Query *q) {
    for (Py_ssize_t t = 0; t < q->n; t++) {
        if (q->phrasings && q->phrasings[t].view.obj) PyBuffer_Release(&q->phrasings[t].view);
        if (q->vocabulary && q->vocabulary[t].view.obj) PyBuffer_Release(&q->vocabulary[t].view);
        if (q->answers && q->answers[t].view.obj) PyBuffer_Release(&q->answers[t].view);
    }
    PyMem_Free(q->idf); PyMem_Free(q->weight); PyMem_Free(q->answer_weight); PyMem_Free(q->known);
    PyMem_Free(q->phrasings); PyMem_Free(q->vocabulary); PyMem_Free(q->answers);
    Py_XDECREF(q->tokens);
}

static int open_list(PyObject *object, List *list) {
    if (object == Py_None) return 0;
    if (PyObject_GetBuffer(object, &list->view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) return -1;
    if (list->view.itemsize != 4 || list->view.format == NULL || strchr("ilI", list->view.format[0]) == NULL) {
        PyBuffer_Release(&list->view);
        list->view.obj = NULL;
        PyErr_SetString(PyExc_TypeError, "posting lists must be int32 arrays");
        return -1;
    }
    list->items = list->view.buf;
    list->length = list->view.len / 4;
    return 0;
}

/* Each weight is the field's IDF times the token's boost (1.0 without one), as the matcher weighed it; the totals
   add them one after the other in the query's order, as `sum()` over the weights did (Python 3.11's `sum` of
   floats: plain additions, as best_phrasings' own sums already assume). */
static int open_query(PyObject *query, PyObject *rows, PyObject *boost, double unknown_idf,
                      double unknown_answer_idf, Query *q) {
    memset(q, 0, sizeof(Query));
    if (!PyDict_Check(rows) || (boost != Py_None && !PyDict_Check(boost))) {
        PyErr_SetString(PyExc_TypeError, "rows and boost must be dicts");
        return -1;
    }
    if ((q->tokens = PySequence_List(query)) == NULL) return -1;
    Py_ssize_t n = PyList_GET_SIZE(q->tokens), size = n ? n : 1;
    q->idf = PyMem_Malloc(size * sizeof(double));
    q->weight = PyMem_Malloc(size * sizeof(double));
    q->answer_weight = PyMem_Malloc(size * sizeof(double));
    q->known = PyMem_Calloc(size, 1);
    q->phrasings = PyMem_Calloc(size, sizeof(List));
    q->vocabulary = PyMem_Calloc(size, sizeof(List));
    q->answers = PyMem_Calloc(size, sizeof(List));
    if (!q->idf || !q->weight || !q->answer_weight || !q->known || !q->phrasings || !q->vocabulary || !q->answers) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t t = 0; t < n; t++) {
        PyObject *token = PyList_GET_ITEM(q->tokens, t);
        double boosted = 1.0, idf = unknown_idf, answer_idf = unknown_answer_idf;
        if (boost != Py_None) {
            PyObject *value = PyDict_GetItemWithError(boost, token);
            if (value == NULL && PyErr_Occurred()) return -1;
            if (value != NULL && (boosted = PyFloat_AsDouble(value)) == -1.0 && PyErr_Occurred()) return -1;
        }
        PyObject *row = PyDict_GetItemWithError(rows, token);
        if (row == NULL && PyErr_Occurred()) return -1;
        q->n = t + 1;  /* lists opened so far are released by close_query */
        if (row != NULL) {
            if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) != 5) {
                PyErr_SetString(PyExc_TypeError, "a row is a tuple of 5");
                return -1;
            }
            q->known[t] = 1;
            if ((idf = PyFloat_AsDouble(PyTuple_GET_ITEM(row, 0))) == -1.0 && PyErr_Occurred()) return -1;
            if ((answer_idf = PyFloat_AsDouble(PyTuple_GET_ITEM(row, 1))) == -1.0 && PyErr_Occurred()) return -1;
            if (open_list(PyTuple_GET_ITEM(row, 2), &q->phrasings[t]) < 0
                || open_list(PyTuple_GET_ITEM(row, 3), &q->vocabulary[t]) < 0
                || open_list(PyTuple_GET_ITEM(row, 4), &q->answers[t]) < 0)
                return -1;
        }
        q->idf[t] = idf;
        q->weight[t] = idf * boosted;
        q->answer_weight[t] = answer_idf * boosted;
        q->vocabulary_total += q->weight[t];
        q->answer_total += q->answer_weight[t];
    }
    q->n = n;
    return 0;
}

/* The tokens (positions in the query) that have a list of this kind, in the given order, their lists and weights
   gathered side by side (the lists' buffers stay the query's). */
static Py_ssize_t gather(const List *kind, const double *weights, const Py_ssize_t *order, Py_ssize_t n, List *lists,
                         double *out) {
    Py_ssize_t m = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_ssize_t t = order ? order[k] : k;
        if (kind[t].view.obj == NULL) continue;
        lists[m] = kind[t];
        out[m] = weights[t];
        m++;
    }
    return m;
}

PyDoc_STRVAR(query_phrasings_doc,
"query_phrasings(query, rows, boost, unknown_idf, unknown_answer_idf, phrasing_weight, cap, found, limit)\n"
"--\n\n"
"best_phrasings for a query read from the matcher's rows (see Matcher._ranked).");

static PyObject *query_phrasings(PyObject *self, PyObject *args) {
    PyObject *query_arg, *rows, *boost, *phrasing_weight_arg, *found_arg;
    double unknown_idf, unknown_answer_idf;
    Py_ssize_t cap, limit;
    if (!PyArg_ParseTuple(args, "OOOddOnOn", &query_arg, &rows, &boost, &unknown_idf, &unknown_answer_idf,
                          &phrasing_weight_arg, &cap, &found_arg, &limit))
        return NULL;
    Query q;
    PyObject *result = NULL;
    List *lists = NULL;
    double *weights = NULL, *idf = NULL;
    if (open_query(query_arg, rows, boost, unknown_idf, unknown_answer_idf, &q) < 0) goto done;
    Py_ssize_t size = q.n ? q.n : 1;
    lists = PyMem_Malloc(size * sizeof(List));
    weights = PyMem_Malloc(size * sizeof(double));
    idf = PyMem_Malloc(size * sizeof(double));
    if (!lists || !weights || !idf) { PyErr_NoMemory(); goto done; }
    /* The phrasings' lists in the query's order, weighed in the recall by the weights, in the precision by the
       IDF (a phrasing's own weight is its tokens' IDF). */
    Py_ssize_t m = gather(q.phrasings, q.weight, NULL, q.n, lists, weights);
    gather(q.phrasings, q.idf, NULL, q.n, lists, idf);
    result = phrasings_core(lists, m, weights, idf, phrasing_weight_arg,
                            q.vocabulary_total != 0 ? q.vocabulary_total : 1.0, cap, found_arg, limit);
done:
    close_query(&q);
    PyMem_Free(lists); PyMem_Free(weights); PyMem_Free(idf);
    return result;
}

/* The positions of the query's known tokens in the order of a frozenset made of them in the query's order (as
   `frozenset(t for t in query if known(t))`: its order can differ from the query's), and their number. */
static Py_ssize_t known_order(const Query *q, Py_ssize_t *order) {
    PyObject *words = PyFrozenSet_New(NULL);
    if (words == NULL) return -1;
    for (Py_ssize_t t = 0; t < q->n; t++)
        if (q->known[t] && PySet_Add(words, PyList_GET_ITEM(q->tokens, t)) < 0) { Py_DECREF(words); return -1; }
    PyObject *iterator = PyObject_GetIter(words), *word;
    Py_DECREF(words);  /* the iterator holds it */
    if (iterator == NULL) return -1;
    Py_ssize_t m = 0;
    while ((word = PyIter_Next(iterator)) != NULL) {
        Py_DECREF(word);  /* the set holds it */
        Py_ssize_t t = 0;
        while (t < q->n && PyList_GET_ITEM(q->tokens, t) != word) t++;
        if (t == q->n) {  /* not the query's own object: compared by value */
            for (t = 0; t < q->n; t++) {
                int same = PyObject_RichCompareBool(PyList_GET_ITEM(q->tokens, t), word, Py_EQ);
                if (same < 0) { Py_DECREF(iterator); return -1; }
                if (same) break;
            }
        }
        order[m++] = t;
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : m;
}

PyDoc_STRVAR(query_ranking_doc,
"query_ranking(query, rows, boost, unknown_idf, unknown_answer_idf, phrasings, overlaps, similarities,\n"
"              phrasing_entry, cap, shares, where, limit, known)\n"
"--\n\n"
"The first entries of a ranking, from its re-scored phrasings and the query's rows (see Matcher._ranked).");

/* What numpy did after rapidfuzz, for the few dozen entries a ranking reaches, in one pass: each entry's best
   phrasing (the first met among equal scores: phrasings come best overlap first), the entries reached (by a
   phrasing, or by a field's list no longer than `cap`), each one's vocabulary and answer recalls (weights added
   list after list in the query's order, as `sum()` over them), its total, the first `limit` by total (ties to the
   earlier entry), and when `known` the share of the known words' weight each explains (weights added in the
   order of the known words' frozenset). Every float computed with numpy's operations in numpy's order. */
static PyObject *query_ranking(PyObject *self, PyObject *args) {
    PyObject *query_arg, *rows, *boost, *phrasings_arg, *overlaps_arg, *similarities_arg, *entry_arg, *where_arg;
    double unknown_idf, unknown_answer_idf, overlap_share, similarity_share, phrasing_share, vocabulary_share,
        answer_share;
    Py_ssize_t cap, limit;
    int known_wanted;
    if (!PyArg_ParseTuple(args, "OOOddOOOOn(ddddd)Onp", &query_arg, &rows, &boost, &unknown_idf, &unknown_answer_idf,
                          &phrasings_arg, &overlaps_arg, &similarities_arg, &entry_arg, &cap, &overlap_share,
                          &similarity_share, &phrasing_share, &vocabulary_share, &answer_share, &where_arg, &limit,
                          &known_wanted))
        return NULL;
    Query q;
    Py_ssize_t vocabulary_tokens = 0, answer_tokens = 0, rescored = 0, count = 0, entries = 0;
    List *vocabulary = NULL, *answers = NULL;
    PyObject *result = NULL, *phrasings = NULL;
    double *overlaps = NULL, *vocabulary_weights = NULL, *answer_weights = NULL;
    Py_ssize_t *known = NULL;
    Reached *reached = NULL;
    Py_buffer similarities_view = {0}, entry_view = {0}, where_view = {0};
    int32_t *where = NULL;

    if (open_query(query_arg, rows, boost, unknown_idf, unknown_answer_idf, &q) < 0) goto done;
    Py_ssize_t size = q.n ? q.n : 1;
    vocabulary = PyMem_Malloc(size * sizeof(List));
    answers = PyMem_Malloc(size * sizeof(List));
    vocabulary_weights = PyMem_Malloc(size * sizeof(double));
    answer_weights = PyMem_Malloc(size * sizeof(double));
    known = PyMem_Malloc(size * sizeof(Py_ssize_t));
    if (!vocabulary || !answers || !vocabulary_weights || !answer_weights || !known) {
        PyErr_NoMemory();
        goto done;
    }
    vocabulary_tokens = gather(q.vocabulary, q.weight, NULL, q.n, vocabulary, vocabulary_weights);
    answer_tokens = gather(q.answers, q.answer_weight, NULL, q.n, answers, answer_weights);
    if ((phrasings = PySequence_Fast(phrasings_arg, "phrasings must be a sequence")) == NULL) goto done;
    rescored = PySequence_Fast_GET_SIZE(phrasings);
    if ((overlaps = open_floats(overlaps_arg, rescored)) == NULL) goto done;
    if (readable(similarities_arg, &similarities_view, sizeof(double), "similarities") < 0) goto done;
    if (similarities_view.len != rescored * (Py_ssize_t)sizeof(double)) {
        PyErr_SetString(PyExc_ValueError, "one similarity per phrasing");
        goto done;
    }
    if (readable(entry_arg, &entry_view, 4, "phrasing_entry") < 0) goto done;
    if (writable(where_arg, &where_view, 4, "where") < 0) goto done;
    const double *similarities = similarities_view.buf;
    const int32_t *phrasing_entry = entry_view.buf;
    Py_ssize_t phrasings_known = entry_view.len / 4;
    entries = where_view.len / 4;
    where = where_view.buf;
    /* A posting is checked where it is used as an index (a long list only searched is only compared). */
    Py_ssize_t room = rescored;
    for (Py_ssize_t t = 0; t < vocabulary_tokens + answer_tokens; t++) {
        const List *list = t < vocabulary_tokens ? &vocabulary[t] : &answers[t - vocabulary_tokens];
        if (list->length <= cap) room += list->length;
    }
    if ((reached = PyMem_Malloc((room ? room : 1) * sizeof(Reached))) == NULL) { PyErr_NoMemory(); goto done; }

    /* Each entry's best phrasing: the first met among equal scores. */
    for (Py_ssize_t j = 0; j < rescored; j++) {
        long p = PyLong_AsLong(PySequence_Fast_GET_ITEM(phrasings, j));
        if (p == -1 && PyErr_Occurred()) goto done;
        if (p < 0 || p >= phrasings_known || phrasing_entry[p] < 0 || phrasing_entry[p] >= entries) {
            PyErr_SetString(PyExc_IndexError, "a phrasing beyond the entries");
            goto done;
        }
        double score = overlap_share * overlaps[j] + similarity_share * (similarities[j] / 100);
        int32_t e = phrasing_entry[p];
        if (!where[e]) {
            reached[count] = (Reached){e, (int32_t)p, score, 0.0, 0.0, 0.0};
            where[e] = (int32_t)++count;
        } else if (score > reached[where[e] - 1].phrasing_score) {
            reached[where[e] - 1].phrasing_score = score;
            reached[where[e] - 1].phrasing = (int32_t)p;
        }
    }
    /* Entries reached by their words alone: a field's lists no longer than the cap. */
    for (Py_ssize_t t = 0; t < vocabulary_tokens + answer_tokens; t++) {
        const List *list = t < vocabulary_tokens ? &vocabulary[t] : &answers[t - vocabulary_tokens];
        if (list->length > cap) continue;
        for (Py_ssize_t i = 0; i < list->length; i++) {
            int32_t e = list->items[i];
            if ((uint32_t)e >= (uint32_t)entries) goto beyond;
            if (!where[e]) {
                reached[count] = (Reached){e, -1, 0.0, 0.0, 0.0, 0.0};
                where[e] = (int32_t)++count;
            }
        }
    }
    if (add_field(vocabulary, vocabulary_weights, vocabulary_tokens, where, entries, reached, count,
                  offsetof(Reached, vocabulary)) < 0
        || add_field(answers, answer_weights, answer_tokens, where, entries, reached, count,
                     offsetof(Reached, answers)) < 0)
        goto beyond;
    double vocabulary_total = q.vocabulary_total, answer_total = q.answer_total;
    for (Py_ssize_t j = 0; j < count; j++) {
        Reached *r = &reached[j];
        where[r->entry] = 0;
        r->vocabulary = vocabulary_total != 0 ? r->vocabulary / vocabulary_total : 0.0;
        r->answers = answer_total != 0 ? r->answers / answer_total : 0.0;
        r->total = 100 * (phrasing_share * r->phrasing_score + vocabulary_share * r->vocabulary
                          + answer_share * r->answers);
    }
    Py_ssize_t first = count;  /* `where` is clean again */
    count = 0;
    if (first == 0) { Py_INCREF(Py_None); result = Py_None; goto done; }
    Py_ssize_t shown = limit < 0 ? 0 : limit < first ? limit : first;
    if (shown * 4 < first) {  /* the first `shown` alone, by insertion (a ranking shows 5 to 20 of ~80 reached) */
        for (Py_ssize_t j = 0; j < first; j++) {
            Reached r = reached[j];
            Py_ssize_t at = j < shown ? j : shown;
            if (at == shown && (shown == 0 || ranked_first(&r, &reached[shown - 1]) > 0)) continue;
            if (at == shown) at--;
            while (at > 0 && ranked_first(&r, &reached[at - 1]) < 0) { reached[at] = reached[at - 1]; at--; }
            reached[at] = r;
        }
    } else {
        qsort(reached, first, sizeof(Reached), ranked_first);
    }

    /* The known words in their frozenset's order, each field's lists and totals in that order. */
    Py_ssize_t known_vocabulary_n = 0, known_answer_n = 0;
    double known_vocabulary_total = 0, known_answer_total = 0;
    if (known_wanted) {
        Py_ssize_t m = known_order(&q, known);
        if (m < 0) goto done;
        for (Py_ssize_t k = 0; k < m; k++) {
            known_vocabulary_total += q.weight[known[k]];
            known_answer_total += q.answer_weight[known[k]];
        }
        known_vocabulary_n = gather(q.vocabulary, q.weight, known, m, vocabulary, vocabulary_weights);
        known_answer_n = gather(q.answers, q.answer_weight, known, m, answers, answer_weights);
    }
    PyObject *lists[5];
    for (int k = 0; k < 5; k++) lists[k] = PyList_New(shown);
    for (int k = 0; k < 5; k++) if (lists[k] == NULL) goto fail;
    for (Py_ssize_t j = 0; j < shown; j++) {
        const Reached *r = &reached[j];
        double coverage = r->vocabulary >= r->answers ? r->vocabulary : r->answers, share = coverage;
        if (known_wanted) {
            double v = 0.0, a = 0.0;
            for (Py_ssize_t k = 0; k < known_vocabulary_n; k++)
                if (holds(&vocabulary[k], r->entry)) v += vocabulary_weights[k];
            for (Py_ssize_t k = 0; k < known_answer_n; k++)
                if (holds(&answers[k], r->entry)) a += answer_weights[k];
            v = known_vocabulary_total != 0 ? v / known_vocabulary_total : 0.0;
            a = known_answer_total != 0 ? a / known_answer_total : 0.0;
            share = v >= a ? v : a;
        }
        PyObject *items[5] = {PyLong_FromLong(r->entry), PyFloat_FromDouble(r->total), PyFloat_FromDouble(coverage),
                              PyFloat_FromDouble(share), PyLong_FromLong(r->phrasing)};
        for (int k = 0; k < 5; k++) {
            if (items[k] == NULL) {
                for (int i = 0; i < 5; i++) Py_XDECREF(items[i]);
                goto fail;
            }
            PyList_SET_ITEM(lists[k], j, items[k]);
        }
    }
    result = PyTuple_Pack(5, lists[0], lists[1], lists[2], lists[3], lists[4]);
fail:
    for (int k = 0; k < 5; k++) Py_XDECREF(lists[k]);
    goto done;
beyond:
    PyErr_SetString(PyExc_IndexError, "a posting beyond the entries");
done:
    if (where != NULL) for (Py_ssize_t j = 0; j < count; j++) where[reached[j].entry] = 0;  /* after an error */
    close_query(&q);
    Py_XDECREF(phrasings);
    PyMem_Free(vocabulary); PyMem_Free(answers); PyMem_Free(vocabulary_weights); PyMem_Free(answer_weights);
    PyMem_Free(overlaps); PyMem_Free(known); PyMem_Free(reached);
    if (similarities_view.obj != NULL) PyBuffer_Release(&similarities_view);
    if (entry_view.obj != NULL) PyBuffer_Release(&entry_view);
    if (where_view.obj != NULL) PyBuffer_Release(&where_view);
    return result;
}

PyDoc_STRVAR(best_cosines_doc,
"best_cosines(columns, query, start, length, rows, weights, owners, scores, best)\n"
"--\n\n"
"Each entry's best phrasing's cosine (see CharOpinion.rank).");

/* The n-gram ranker's sums, as numpy made them: `np.bincount(rows, weights=weights * query)` adds each posting's
   product to its phrasing's sum in the postings' order (column after column), from 0; then `np.maximum.at` keeps
   each entry's best sum among the phrasings reached. `scores` is scratch (zeros, zeroed again). */
static PyObject *best_cosines(PyObject *self, PyObject *args) {
    PyObject *arg[9];
    if (!PyArg_ParseTuple(args, "OOOOOOOOO", &arg[0], &arg[1], &arg[2], &arg[3], &arg[4], &arg[5], &arg[6],
                          &arg[7], &arg[8]))
        return NULL;
    static const Py_ssize_t sizes[9] = {8, 8, 8, 8, 4, 4, 4, 8, 8};
    static const char *names[9] = {"columns", "query", "start", "length", "rows", "weights", "owners", "scores",
                                   "best"};
    Py_buffer view[9];
    int opened = 0;
    PyObject *result = NULL;
    int32_t *touched = NULL;
    Py_ssize_t reached = 0;
    for (; opened < 9; opened++) {
        int status = opened >= 7 ? writable(arg[opened], &view[opened], sizes[opened], names[opened])
                                 : readable(arg[opened], &view[opened], sizes[opened], names[opened]);
        if (status < 0) goto done;
    }
    const int64_t *columns = view[0].buf, *start = view[2].buf, *length = view[3].buf;
    const int32_t *owners = view[6].buf;
    const double *query = view[1].buf;
    const int32_t *rows = view[4].buf;
    const float *weights = view[5].buf;
    double *scores = view[7].buf, *best = view[8].buf;
    Py_ssize_t n = view[0].len / 8, postings = view[4].len / 4, phrasings = view[7].len / 8;
    Py_ssize_t entries = view[8].len / 8, columns_known = view[2].len / 8;
    if (view[1].len / 8 != n || view[3].len / 8 != columns_known || view[6].len / 4 != phrasings) {
        PyErr_SetString(PyExc_ValueError, "mismatched lengths");
        goto done;
    }
    /* Columns checked first; each row where the sums read it, each owner where the maxima read it. */
    Py_ssize_t total = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        int64_t c = columns[k];
        if (c < 0 || c >= columns_known || start[c] < 0 || length[c] < 0 || start[c] + length[c] > postings) {
            PyErr_SetString(PyExc_IndexError, "column out of range");
            goto done;
        }
        total += length[c];
    }
    /* The phrasings reached, listed as first reached (a slot still at 0 before its product is added: every
       weight and query value is positive, so a reached slot never reads 0 again): the maxima then read each
       phrasing once instead of walking every posting again. */
    touched = PyMem_Malloc((total ? total : 1) * sizeof(int32_t));
    if (touched == NULL) { PyErr_NoMemory(); goto done; }
    int wrong = 0;
    for (Py_ssize_t k = 0; k < n && !wrong; k++) {
        int64_t c = columns[k];
        double q = query[k];
        for (int64_t p = start[c]; p < start[c] + length[c]; p++) {
            int32_t r = rows[p];
            if (r < 0 || r >= phrasings) { wrong = 1; break; }
            double before = scores[r];
            touched[reached] = r;  /* kept only when first reached: no branch to mispredict */
            reached += before == 0.0;
            scores[r] = before + (double)weights[p] * q;
        }
    }
    /* Maxima after every sum is complete (the largest value whatever the order); each slot zeroed again, all of
       them even after an error: `scores` is given back clean. */
    for (Py_ssize_t j = 0; j < reached; j++) {
        int32_t r = touched[j];
        int32_t owner = owners[r];
        if (wrong || owner < 0 || owner >= entries) { wrong = 1; scores[r] = 0.0; continue; }
        if (scores[r] > best[owner]) best[owner] = scores[r];
        scores[r] = 0.0;
    }
    if (wrong) {
        PyErr_SetString(PyExc_IndexError, "phrasing out of range");
        goto done;
    }
    result = Py_None;
    Py_INCREF(result);
done:
    PyMem_Free(touched);
    for (int i = 0; i < opened; i++) PyBuffer_Release(&view[i]);
    return result;
}

PyDoc_STRVAR(grouped_doc,
"grouped(ids, bags, counts, out)\n"
"--\n\n"
"The bags grouped by token, in order (see _Inverted.postings).");

/* A counting sort: `out` gets each pair's bag, the pairs grouped by token id (`counts[t]`: the pairs of token t),
   in their order within a token: `bags[np.argsort(ids, kind="stable")]`, in one pass instead of a sort and a
   gather (a learning action builds the matcher's posting lists again: a million pairs at 10,000 entries). */
static PyObject *grouped(PyObject *self, PyObject *args) {
    PyObject *arg[4];
    if (!PyArg_ParseTuple(args, "OOOO", &arg[0], &arg[1], &arg[2], &arg[3])) return NULL;
    static const Py_ssize_t sizes[4] = {4, 4, 8, 4};
    static const char *names[4] = {"ids", "bags", "counts", "out"};
    Py_buffer view[4];
    int opened = 0;
    PyObject *result = NULL;
    int64_t *next = NULL;
    for (; opened < 4; opened++) {
        int status = opened == 3 ? writable(arg[opened], &view[opened], sizes[opened], names[opened])
                                 : readable(arg[opened], &view[opened], sizes[opened], names[opened]);
        if (status < 0) goto done;
    }
    const int32_t *ids = view[0].buf, *bags = view[1].buf;
    const int64_t *counts = view[2].buf;
    int32_t *out = view[3].buf;
    Py_ssize_t n = view[0].len / 4, tokens = view[2].len / 8;
    if (view[1].len / 4 != n || view[3].len / 4 != n) {
        PyErr_SetString(PyExc_ValueError, "mismatched lengths");
        goto done;
    }
    /* Each token's next free place in `out` (its group's start, then moving on), and past its last one. */
    next = PyMem_Malloc((size_t)(2 * tokens + 1) * sizeof(int64_t));
    if (next == NULL) { PyErr_NoMemory(); goto done; }
    int64_t *end = next + tokens, total = 0;
    for (Py_ssize_t t = 0; t < tokens; t++) {
        if (counts[t] < 0) { PyErr_SetString(PyExc_ValueError, "negative count"); goto done; }
        next[t] = total;
        total += counts[t];
        end[t] = total;
    }
    if (total != n) {
        PyErr_SetString(PyExc_ValueError, "counts do not add up to the pairs");
        goto done;
    }
    for (Py_ssize_t j = 0; j < n; j++) {
        int32_t t = ids[j];
        if (t < 0 || t >= tokens || next[t] >= end[t]) {
            PyErr_SetString(PyExc_IndexError, "token out of range or counted short");
            goto done;
        }
        out[next[t]++] = bags[j];
    }
    result = Py_None;
    Py_INCREF(result);
done:
    PyMem_Free(next);
    for (int i = 0; i < opened; i++) PyBuffer_Release(&view[i]);
    return result;
}

PyDoc_STRVAR(column_sums_doc,
"column_sums(columns, indptr, indices, data, scores)\n"
"--\n\n"
"BM25's scores of a query's columns, added as numpy added them (see SecondOpinion.rank).");

/* `scores[indices[a:b]] += data[a:b]` for each column's range [a, b) = [indptr[c], indptr[c + 1]), column after
   column: float32 additions in the same order as numpy's (a column's documents are distinct), one pass instead
   of a few numpy calls per column (a long message has dozens of stems). */
static PyObject *column_sums(PyObject *self, PyObject *args) {
    PyObject *arg[5];
    if (!PyArg_ParseTuple(args, "OOOOO", &arg[0], &arg[1], &arg[2], &arg[3], &arg[4])) return NULL;
    static const Py_ssize_t sizes[5] = {8, 8, 4, 4, 4};
    static const char *names[5] = {"columns", "indptr", "indices", "data", "scores"};
    Py_buffer view[5];
    int opened = 0;
    PyObject *result = NULL;
    for (; opened < 5; opened++) {
        int status = opened == 4 ? writable(arg[opened], &view[opened], sizes[opened], names[opened])
                                 : readable(arg[opened], &view[opened], sizes[opened], names[opened]);
        if (status < 0) goto done;
    }
    const int64_t *columns = view[0].buf, *indptr = view[1].buf;
    const int32_t *indices = view[2].buf;
    const float *data = view[3].buf;
    float *scores = view[4].buf;
    Py_ssize_t n = view[0].len / 8, known = view[1].len / 8 - 1, pairs = view[2].len / 4, documents = view[4].len / 4;
    if (view[3].len / 4 != pairs) {
        PyErr_SetString(PyExc_ValueError, "mismatched lengths");
        goto done;
    }
    /* Bounds checked first: the sums below then write without checks. */
    for (Py_ssize_t k = 0; k < n; k++) {
        int64_t c = columns[k];
        if (c < 0 || c >= known || indptr[c] < 0 || indptr[c] > indptr[c + 1] || indptr[c + 1] > pairs) {
            PyErr_SetString(PyExc_IndexError, "column out of range");
            goto done;
        }
        for (int64_t j = indptr[c]; j < indptr[c + 1]; j++)
            if (indices[j] < 0 || indices[j] >= documents) {
                PyErr_SetString(PyExc_IndexError, "document out of range");
                goto done;
            }
    }
    for (Py_ssize_t k = 0; k < n; k++)
        for (int64_t j = indptr[columns[k]]; j < indptr[columns[k] + 1]; j++) scores[indices[j]] += data[j];
    result = Py_None;
    Py_INCREF(result);
done:
    for (int i = 0; i < opened; i++) PyBuffer_Release(&view[i]);
    return result;
}

PyDoc_STRVAR(distinct_best_doc,
"distinct_best(scores, k)\n"
"--\n\n"
"The k best (index, score) pairs, or None on a tie that matters (see best_scores.distinct_best).");

/* `best_scores.distinct_best` in one pass: the k + 1 best scores, each time the largest left and the first index
   among equal ones (what k + 1 calls of `argmax` pick, each picked score then set aside), kept in a small array
   ordered by a higher score, then the earlier index. The indices come in increasing order, so a score equal to
   one kept goes after it. Scores are float64, or float32 (read as the double `float()` makes of it). No NaN. */
typedef double Wide __attribute__((vector_size(16)));
typedef long long WideMask __attribute__((vector_size(16)));
typedef float Narrow __attribute__((vector_size(16)));
typedef int NarrowMask __attribute__((vector_size(16)));

static PyObject *distinct_best(PyObject *self, PyObject *args) {
    PyObject *object;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "On", &object, &k)) return NULL;
    if (k < 0) {
        PyErr_SetString(PyExc_ValueError, "k must not be negative");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(object, &view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0) return NULL;
    PyObject *result = NULL;
    int wide = view.itemsize == 8 && view.format != NULL && strcmp(view.format, "d") == 0;
    int narrow = view.itemsize == 4 && view.format != NULL && strcmp(view.format, "f") == 0;
    if (!wide && !narrow) {
        PyErr_SetString(PyExc_TypeError, "scores: float64 or float32");
        PyBuffer_Release(&view);
        return NULL;
    }
    Py_ssize_t n = view.len / view.itemsize;
    Py_ssize_t m = k + 1 < n ? k + 1 : n;
    double *values = PyMem_Malloc((m ? m : 1) * sizeof(double));
    Py_ssize_t *where = PyMem_Malloc((m ? m : 1) * sizeof(Py_ssize_t));
    if (values == NULL || where == NULL) { PyErr_NoMemory(); goto done; }
    Py_ssize_t kept = 0;
    /* The first m scores sorted in; then a score enters only above the last one kept: a block of 8 scores none of
       which is above it is passed over at once, compared two or four at a time (most of them: the scores are
       mostly 0; one at a time, the pass cost more than numpy's `argmax` calls it replaces). */
#define TAKE(v, i)                                                              \
    do {                                                                        \
        Py_ssize_t at;                                                          \
        if (kept < m) {                                                         \
            at = kept++;                                                        \
        } else {                                                                \
            if (!((v) > values[m - 1])) break;                                  \
            at = m - 1;                                                         \
        }                                                                       \
        while (at > 0 && (v) > values[at - 1]) {                                \
            values[at] = values[at - 1];                                        \
            where[at] = where[at - 1];                                          \
            at--;                                                               \
        }                                                                       \
        values[at] = (v);                                                       \
        where[at] = (i);                                                        \
    } while (0)
    Py_ssize_t i = 0;
    if (wide) {
        const double *x = view.buf;
        for (; i < n && kept < m; i++) TAKE(x[i], i);
        for (; m && i + 8 <= n; i += 8) {
            double floor = values[m - 1];
            Wide f = {floor, floor}, a, b, c, d;
            memcpy(&a, x + i, sizeof a);
            memcpy(&b, x + i + 2, sizeof b);
            memcpy(&c, x + i + 4, sizeof c);
            memcpy(&d, x + i + 6, sizeof d);
            WideMask above = (a > f) | (b > f) | (c > f) | (d > f);
            if (!(above[0] | above[1])) continue;
            for (int j = 0; j < 8; j++) TAKE(x[i + j], i + j);
        }
        for (; i < n && m; i++) TAKE(x[i], i);
    } else {
        const float *x = view.buf;
        for (; i < n && kept < m; i++) TAKE((double)x[i], i);
        for (; m && i + 8 <= n; i += 8) {
            float floor = (float)values[m - 1];  /* a float32 score read as a double: the same value */
            Narrow f = {floor, floor, floor, floor}, a, b;
            memcpy(&a, x + i, sizeof a);
            memcpy(&b, x + i + 4, sizeof b);
            NarrowMask above = (a > f) | (b > f);
            if (!(above[0] | above[1] | above[2] | above[3])) continue;
            for (int j = 0; j < 8; j++) TAKE((double)x[i + j], i + j);
        }
        for (; i < n && m; i++) TAKE((double)x[i], i);
    }
#undef TAKE
    /* A tie among the positive scores of the first k (or between the last of them and the next) is left to
       the caller's `argpartition`. */
    Py_ssize_t first = k < kept ? k : kept, scored = 0;
    for (Py_ssize_t j = 0; j < first; j++) scored += values[j] > 0;
    Py_ssize_t checked = scored < kept - 1 ? scored : kept - 1;
    for (Py_ssize_t j = 0; j < checked; j++)
        if (values[j] == values[j + 1]) {
            result = Py_None;
            Py_INCREF(result);
            goto done;
        }
    result = PyList_New(first);
    if (result == NULL) goto done;
    for (Py_ssize_t j = 0; j < first; j++) {
        PyObject *pair = Py_BuildValue("(nd)", where[j], values[j]);
        if (pair == NULL) { Py_CLEAR(result); goto done; }
        PyList_SET_ITEM(result, j, pair);
    }
done:
    PyMem_Free(values);
    PyMem_Free(where);
    PyBuffer_Release(&view);
    return result;
}

static PyMethodDef methods[] = {
    {"best_cosines", best_cosines, METH_VARARGS, best_cosines_doc},
    {"distinct_best", distinct_best, METH_VARARGS, distinct_best_doc},
    {"best_phrasings", best_phrasings, METH_VARARGS, best_phrasings_doc},
    {"column_sums", column_sums, METH_VARARGS, column_sums_doc},
    {"grouped", grouped, METH_VARARGS, grouped_doc},
    {"query_phrasings", query_phrasings, METH_VARARGS, query_phrasings_doc},
    {"query_ranking", query_ranking, METH_VARARGS, query_ranking_doc},
    {"weighted_sums", weighted_sums, METH_VARARGS, weighted_sums_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scorer", NULL, -1, methods};

PyMODINIT_FUNC PyInit__scorer(void) { return PyModule_Create(&module); }
