/* CFloodKernel: the flood solver's inner loops over plain arrays, in C so
 * that one build can carry an AVX2 version beside the plain x86-64 one.
 *
 * Swift owns the solver: its buffers, the spans of active cells, the time
 * step, the edges and the sources. It calls these three loops on one
 * span (or one segment of a span) at a time: the face update of a run of
 * east or south faces, the outflow limiter of a run of cells, and
 * continuity over a run of cells. Swift has no per-function target
 * attribute, so its SIMD4<Double> code is built for plain x86-64 (SSE2,
 * two doubles per register); here each loop is compiled twice, once
 * plain and once for AVX2 (four doubles per register), and the caller
 * picks one with `cfk_avx2_available()`.
 *
 * Both versions do the same IEEE operations in the same order, one face
 * or cell per lane, as the solver's scalar update does; the target is
 * built with -ffp-contract=off so no multiply and add are fused. Their
 * results are the same bits on every machine. */
#ifndef DRILLSIM_CFLOODKERNEL_H
#define DRILLSIM_CFLOODKERNEL_H

#include <stdint.h>

/* The per-step constants of the face update (FaceUpdate in Swift). */
typedef struct cfk_face_update {
  double threshold;         /* depth below which a face does not flow (m) */
  double max_flow_depth;    /* cap on the depth of flow (m) */
  double gravity_step;      /* g dt */
  double inverse_cell_size; /* 1 / dx */
  double theta;             /* q-centred weighting; centred when < 1 */
  int centred;              /* theta < 1 */
  int two_dimensional;      /* friction from both discharge components */
} cfk_face_update;

/* The buffers the face update reads and writes, all padded-grid arrays.
 * `q` is last step's discharge in the faces' direction, `across` last
 * step's in the other one, `face_n` each face's Manning n, `out` this
 * step's discharge in the faces' direction. */
typedef struct cfk_face_buffers {
  const double *bed;
  const double *depth;
  const double *face_n;
  const double *q;
  const double *across;
  double *out;
} cfk_face_buffers;

/* Nonzero when this CPU runs the AVX2 loops. */
int cfk_avx2_available(void);

/* New discharges of the faces of cells [from, to): a face joins cell c to
 * c + step; the discharges across it are at c, c - side, c + step and
 * c + step - side. Every cell's neighbour c + step must be active. */
void cfk_faces(
    int avx2, const cfk_face_update *update, const cfk_face_buffers *buffers, long from,
    long to, long step, long side);

/* Scales the outgoing discharges of cells [from, to) so that none loses
 * more water than it holds over a step (`factor` = dt / dx). */
void cfk_limit_outflow(
    int avx2, double *qx, double *qy, const double *depth, long from, long to, long stride,
    double factor);

/* Continuity for cells [first, end): new depths from the net discharge,
 * the greatest depths raised, and the runs of wet cells (deeper than
 * `threshold`) written to `runs` as (first, end) pairs, which needs room
 * for end - first + 1 entries; `*run_entries` gets how many were written.
 * `*deepest` is raised to the deepest cell it must see (see the Swift
 * caller). Returns the number of wet cells. */
long cfk_update_depths(
    int avx2, double *depth, const double *qx, const double *qy, double *max_depth, long first,
    long end, long stride, double factor, double threshold, int32_t *runs, long *run_entries,
    double *deepest);

#endif
