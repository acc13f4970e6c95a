/* The flood solver's inner loops, compiled plain and for AVX2.
 *
 * Each loop's body is written once, on four-lane vectors (clang's vector
 * extensions: two SSE2 registers per vector in the plain build, one AVX
 * register in the AVX2 build), and inlined into two entry points that
 * differ only in their target attribute. A lane does what the solver's
 * scalar update does to one face or cell, operation for operation:
 * `max` and `min` in Swift's forms (`y >= x ? y : x`, `y < x ? y : x`),
 * which decide ties and signed zeros, and the same association of every
 * sum and product. The target is built with -ffp-contract=off, so the
 * compiler fuses nothing, and the results are the same bits on any
 * x86-64 machine, with or without AVX2, and as Swift's own loops gave. */
#include "CFloodKernel.h"

/* No fused multiply-adds, whatever the build's flags (Package.swift also
 * passes -ffp-contract=off): a fused a * b + c rounds once, not twice, and
 * would change the bits. */
#pragma STDC FP_CONTRACT OFF

/* The 32-byte vectors below are passed only between always-inline
 * functions, never across a call, so the ABI difference clang warns of
 * (such vectors travel in memory without AVX) never arises. */
#pragma clang diagnostic ignored "-Wpsabi"

#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#define CFK_AVX2 __attribute__((target("avx2")))
#else
#define CFK_AVX2
#endif

#define CFK_INLINE static inline __attribute__((always_inline))

typedef double v4d __attribute__((vector_size(32)));
typedef int64_t v4i __attribute__((vector_size(32)));
typedef uint64_t v4u __attribute__((vector_size(32)));

/* The magic constant of the cube root's first estimate. */
#define CFK_CUBE_ROOT_BIAS 0x2A9F7893782DA1CEull

CFK_INLINE v4d load4(const double *p) {
  v4d v;
  memcpy(&v, p, sizeof v);
  return v;
}

CFK_INLINE void store4(double *p, v4d v) { memcpy(p, &v, sizeof v); }

CFK_INLINE v4d splat(double x) { return (v4d){x, x, x, x}; }

/* Per lane, `mask ? yes : no` (mask lanes all ones or all zeros). */
CFK_INLINE v4d select4(v4i mask, v4d yes, v4d no) {
  return (v4d)(((v4i)yes & mask) | ((v4i)no & ~mask));
}

CFK_INLINE int any4(v4i mask) { return (mask[0] | mask[1] | mask[2] | mask[3]) != 0; }

/* u / 3 per lane, exactly, in double arithmetic: AVX2 has no 64-bit
 * multiply-high, and four scalar divisions would leave and re-enter the
 * vector registers. The high and low 32-bit halves become doubles exactly
 * (2^52 + a has a's bits in its mantissa), and a quotient comes back the
 * same way with 1.5 * 2^52, whose neighbours are integers on both sides.
 * For an integer a below 2^35, (a - 1) / 3 lies within 1/3 of
 * floor(a / 3) and at least 1/3 from any other integer, so adding
 * 1.5 * 2^52 (which rounds to an integer) gives the floor, even with the
 * product by a rounded 1/3 (off by less than 2^-19). No rounding
 * instruction, which plain SSE2 lacks. */
CFK_INLINE v4u divide_by_three(v4u u) {
  const uint64_t bits52 = 0x4330000000000000ull; /* the bits of 2^52 */
  const uint64_t bits52and51 = 0x4338000000000000ull; /* of 1.5 * 2^52 */
  const v4d two52 = splat(0x1p52);
  const v4d shift = splat(0x1.8p52);
  const v4d third = splat(1.0 / 3.0);
  v4d high = (v4d)((u >> 32) | bits52) - two52;
  v4d low = (v4d)((u & 0xFFFFFFFFull) | bits52) - two52;
  v4d highQuotient = (high - 1.0) * third + shift;
  v4d rest = (high - (highQuotient - shift) * 3.0) * 0x1p32 + low;
  v4d lowQuotient = (rest - 1.0) * third + shift;
  return (((v4u)highQuotient - bits52and51) << 32) + ((v4u)lowQuotient - bits52and51);
}

/* Cube root by bit estimate and two Halley iterations (floodCubeRoot).
 * `wide`: the AVX2 build, which divides in vector registers; the plain
 * build divides lane by lane (a multiply-high each), which there takes
 * fewer instructions than the double arithmetic on two register halves. */
CFK_INLINE v4d cube_root4(v4d x, int wide) {
  v4u bits = (v4u)x;
  v4u third = wide ? divide_by_three(bits)
                   : (v4u){bits[0] / 3, bits[1] / 3, bits[2] / 3, bits[3] / 3};
  v4d y = (v4d)(third + CFK_CUBE_ROOT_BIAS);
  v4d cube = y * y * y;
  y = y * (cube + x + x) / (cube + cube + x);
  cube = y * y * y;
  return y * (cube + x + x) / (cube + cube + x);
}

CFK_INLINE double cube_root1(double x) {
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  bits = bits / 3 + CFK_CUBE_ROOT_BIAS;
  double y;
  memcpy(&y, &bits, sizeof y);
  double cube = y * y * y;
  y = y * (cube + x + x) / (cube + cube + x);
  cube = y * y * y;
  return y * (cube + x + x) / (cube + cube + x);
}

/* The face update's constants, held by value so that no store through
 * an output pointer can make the compiler reload them. */
typedef struct face_constants {
  v4d threshold, max_flow_depth, gravity_step, inverse_cell_size;
  double theta, blend; /* theta and (1 - theta) * 0.5 */
} face_constants;

CFK_INLINE face_constants constants_of(const cfk_face_update *u) {
  face_constants k = {
      splat(u->threshold),
      splat(u->max_flow_depth),
      splat(u->gravity_step),
      splat(u->inverse_cell_size),
      u->theta,
      (1 - u->theta) * 0.5,
  };
  return k;
}

/* FaceUpdate.fluxes: four faces. A lane that does not flow takes the cube
 * root of 1 and its result is dropped. `two_dimensional` and `centred` are
 * constants where it is inlined, so each form gets its own loop. */
CFK_INLINE v4d fluxes4(
    face_constants k, v4d zL, v4d hL, v4d zR, v4d hR, v4d n, v4d q0, v4d back, v4d ahead,
    v4d across, int two_dimensional, int centred, int wide) {
  v4d etaL = zL + hL;
  v4d etaR = zR + hR;
  v4d flowDepth = select4(etaL > etaR, etaL, etaR) - select4(zL > zR, zL, zR);
  v4i flowing = flowDepth > k.threshold;
  flowDepth = select4(k.max_flow_depth < flowDepth, k.max_flow_depth, flowDepth);
  v4d magnitude;
  if (two_dimensional) {
    v4d perpendicular = 0.25 * across;
    magnitude = __builtin_elementwise_sqrt(q0 * q0 + perpendicular * perpendicular);
  } else {
    magnitude = (v4d)((v4u)q0 & 0x7FFFFFFFFFFFFFFFull);
  }
  v4d rootable = select4(flowing, flowDepth, splat(1.0));
  v4d power = rootable * rootable * cube_root4(rootable, wide);
  v4d push = k.gravity_step * flowDepth * (etaR - etaL) * k.inverse_cell_size;
  v4d scale = power / (power + k.gravity_step * n * n * magnitude);
  v4d q = (q0 - push) * scale;
  if (centred) {
    v4d blended = k.theta * q0 + k.blend * (back + ahead);
    v4d centredQ = (blended - push) * scale;
    /* de Almeida's fallback: never flow against the level difference. */
    q = select4(~(centredQ * (etaL - etaR) < 0), centredQ, q);
  }
  return select4(flowing, q, splat(0.0));
}

/* FaceUpdate.flux: one face, for spans shorter than four cells. */
CFK_INLINE double flux1(
    const cfk_face_update *u, double zL, double hL, double zR, double hR, double n, double q0,
    double back, double ahead, double across) {
  double etaL = zL + hL;
  double etaR = zR + hR;
  double flowDepth = (etaR >= etaL ? etaR : etaL) - (zR >= zL ? zR : zL);
  if (!(flowDepth > u->threshold)) return 0;
  if (u->max_flow_depth < flowDepth) flowDepth = u->max_flow_depth;
  double magnitude;
  if (u->two_dimensional) {
    double perpendicular = 0.25 * across;
    magnitude = __builtin_sqrt(q0 * q0 + perpendicular * perpendicular);
  } else {
    magnitude = __builtin_fabs(q0);
  }
  double power = flowDepth * flowDepth * cube_root1(flowDepth);
  double push = u->gravity_step * flowDepth * (etaR - etaL) * u->inverse_cell_size;
  double scale = power / (power + u->gravity_step * n * n * magnitude);
  if (u->centred) {
    double blended = u->theta * q0 + (1 - u->theta) * 0.5 * (back + ahead);
    double q = (blended - push) * scale;
    if (q * (etaL - etaR) < 0) return (q0 - push) * scale;
    return q;
  }
  return (q0 - push) * scale;
}

/* Groups of four faces; the caller handles spans under four cells. */
CFK_INLINE void faces_loop(
    face_constants k, const cfk_face_buffers *b, long from, long to, long step, long side,
    int two_dimensional, int centred, int wide) {
  const double *restrict z = b->bed, *restrict h = b->depth, *restrict n = b->face_n;
  const double *restrict q = b->q, *restrict across = b->across;
  double *restrict out = b->out;
  for (long c = from;; c += 4) {
    /* The last group ends at `to`, overlapping the one before: a face
     * reads only last step's discharges, so recomputing it gives the
     * same bits. */
    if (c + 4 > to) c = to - 4;
    long e = c + step;
    v4d sum = load4(across + c) + load4(across + c - side) + load4(across + e) +
              load4(across + e - side);
    store4(
        out + c, fluxes4(
                     k, load4(z + c), load4(h + c), load4(z + e), load4(h + e), load4(n + c),
                     load4(q + c), load4(q + c - step), load4(q + e), sum, two_dimensional,
                     centred, wide));
    if (c + 4 == to) break;
  }
}

CFK_INLINE void faces_body(
    const cfk_face_update *u, const cfk_face_buffers *b, long from, long to, long step,
    long side, int wide) {
  if (to - from < 4) {
    const double *z = b->bed, *h = b->depth, *n = b->face_n, *q = b->q, *across = b->across;
    for (long c = from; c < to; c++) {
      long e = c + step;
      b->out[c] = flux1(
          u, z[c], h[c], z[e], h[e], n[c], q[c], q[c - step], q[e],
          across[c] + across[c - side] + across[e] + across[e - side]);
    }
    return;
  }
  face_constants k = constants_of(u);
  if (u->two_dimensional) {
    if (u->centred) {
      faces_loop(k, b, from, to, step, side, 1, 1, wide);
    } else {
      faces_loop(k, b, from, to, step, side, 1, 0, wide);
    }
  } else if (u->centred) {
    faces_loop(k, b, from, to, step, side, 0, 1, wide);
  } else {
    faces_loop(k, b, from, to, step, side, 0, 0, wide);
  }
}

/* One cell's limiter (FloodSolver.limitOutflow(of:factor:)). */
CFK_INLINE void limit1(double *qx, double *qy, const double *h, long c, long stride, double factor) {
  double eastQ = qx[c], westQ = qx[c - 1], southQ = qy[c], northQ = qy[c - stride];
  double out = ((0 >= eastQ ? 0 : eastQ) + (0 >= -westQ ? 0 : -westQ) +
                (0 >= southQ ? 0 : southQ) + (0 >= -northQ ? 0 : -northQ)) *
               factor;
  double available = h[c];
  if (out > available) {
    double scale = available / out;
    if (eastQ > 0) qx[c] = eastQ * scale;
    if (westQ < 0) qx[c - 1] = westQ * scale;
    if (southQ > 0) qy[c] = southQ * scale;
    if (northQ < 0) qy[c - stride] = northQ * scale;
  }
}

/* max(q, 0) in Swift's form: 0 when q <= 0. */
CFK_INLINE v4d positive4(v4d q) { return select4(q <= 0, splat(0.0), q); }

CFK_INLINE void limit_body(
    double *qx, double *qy, const double *h, long from, long to, long stride, double factor) {
  long c = from;
  for (; c + 4 <= to; c += 4) {
    v4d out = (positive4(load4(qx + c)) + positive4(-load4(qx + c - 1)) +
               positive4(load4(qy + c)) + positive4(-load4(qy + c - stride))) *
              factor;
    /* Each face is outgoing for one cell only, so the four cells'
     * scalings are independent. */
    if (any4(out > load4(h + c))) {
      for (long cell = c; cell < c + 4; cell++) limit1(qx, qy, h, cell, stride, factor);
    }
  }
  for (; c < to; c++) limit1(qx, qy, h, c, stride, factor);
}

CFK_INLINE long depths_body(
    double *h, const double *qx, const double *qy, double *max_depth, long first, long end,
    long stride, double factor, double threshold, int32_t *runs, long *run_entries,
    double *deepest) {
  long entries = 0;
  long wet = 0;
  long runStart = -1;
  double deep = *deepest;
  v4d deepLanes = splat(0.0);
  long c = first;
  for (; c + 4 <= end; c += 4) {
    v4d change = factor * (load4(qx + c - 1) - load4(qx + c) + load4(qy + c - stride) -
                           load4(qy + c));
    v4d value = load4(h + c) + change;
    value = select4(value <= 0, splat(0.0), value);
    store4(h + c, value);
    v4d highest = load4(max_depth + c);
    store4(max_depth + c, select4(value > highest, value, highest));
    /* Dry cells may raise the lanes' deepest too: a deepest below the
     * threshold means dry everywhere to the time step either way. */
    deepLanes = select4(value > deepLanes, value, deepLanes);
    v4i isWet = value > splat(threshold);
    long wetCount = -(isWet[0] + isWet[1] + isWet[2] + isWet[3]);
    wet += wetCount;
    if (wetCount == 4) {
      if (runStart < 0) runStart = c;
    } else if (wetCount == 0) {
      if (runStart >= 0) {
        runs[entries++] = (int32_t)runStart;
        runs[entries++] = (int32_t)c;
        runStart = -1;
      }
    } else {
      for (int lane = 0; lane < 4; lane++) {
        if (isWet[lane]) {
          if (runStart < 0) runStart = c + lane;
        } else if (runStart >= 0) {
          runs[entries++] = (int32_t)runStart;
          runs[entries++] = (int32_t)(c + lane);
          runStart = -1;
        }
      }
    }
  }
  for (; c < end; c++) {
    double value = h[c] + factor * (qx[c - 1] - qx[c] + qy[c - stride] - qy[c]);
    if (0 >= value) value = 0;
    h[c] = value;
    if (value > max_depth[c]) max_depth[c] = value;
    if (value > threshold) {
      wet++;
      if (value > deep) deep = value;
      if (runStart < 0) runStart = c;
    } else if (runStart >= 0) {
      runs[entries++] = (int32_t)runStart;
      runs[entries++] = (int32_t)c;
      runStart = -1;
    }
  }
  if (runStart >= 0) {
    runs[entries++] = (int32_t)runStart;
    runs[entries++] = (int32_t)end;
  }
  for (int lane = 0; lane < 4; lane++) {
    if (deepLanes[lane] > deep) deep = deepLanes[lane];
  }
  *deepest = deep;
  *run_entries = entries;
  return wet;
}

static void faces_portable(
    const cfk_face_update *u, const cfk_face_buffers *b, long from, long to, long step,
    long side) {
  faces_body(u, b, from, to, step, side, 0);
}

CFK_AVX2 static void faces_avx2(
    const cfk_face_update *u, const cfk_face_buffers *b, long from, long to, long step,
    long side) {
  faces_body(u, b, from, to, step, side, 1);
}

static void limit_portable(
    double *qx, double *qy, const double *h, long from, long to, long stride, double factor) {
  limit_body(qx, qy, h, from, to, stride, factor);
}

CFK_AVX2 static void limit_avx2(
    double *qx, double *qy, const double *h, long from, long to, long stride, double factor) {
  limit_body(qx, qy, h, from, to, stride, factor);
}

static long depths_portable(
    double *h, const double *qx, const double *qy, double *max_depth, long first, long end,
    long stride, double factor, double threshold, int32_t *runs, long *run_entries,
    double *deepest) {
  return depths_body(
      h, qx, qy, max_depth, first, end, stride, factor, threshold, runs, run_entries, deepest);
}

CFK_AVX2 static long depths_avx2(
    double *h, const double *qx, const double *qy, double *max_depth, long first, long end,
    long stride, double factor, double threshold, int32_t *runs, long *run_entries,
    double *deepest) {
  return depths_body(
      h, qx, qy, max_depth, first, end, stride, factor, threshold, runs, run_entries, deepest);
}

int cfk_avx2_available(void) {
#if defined(__x86_64__)
  unsigned eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  /* AVX, and the OS saves the YMM registers (OSXSAVE, then XCR0). */
  if (!(ecx & bit_AVX) || !(ecx & bit_OSXSAVE)) return 0;
  unsigned xcr0_low, xcr0_high;
  __asm__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
  if ((xcr0_low & 6) != 6) return 0;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
  return (ebx & bit_AVX2) != 0;
#else
  return 0;
#endif
}

void cfk_faces(
    int avx2, const cfk_face_update *update, const cfk_face_buffers *buffers, long from,
    long to, long step, long side) {
  if (avx2) {
    faces_avx2(update, buffers, from, to, step, side);
  } else {
    faces_portable(update, buffers, from, to, step, side);
  }
}

void cfk_limit_outflow(
    int avx2, double *qx, double *qy, const double *depth, long from, long to, long stride,
    double factor) {
  if (avx2) {
    limit_avx2(qx, qy, depth, from, to, stride, factor);
  } else {
    limit_portable(qx, qy, depth, from, to, stride, factor);
  }
}

long cfk_update_depths(
    int avx2, double *depth, const double *qx, const double *qy, double *max_depth, long first,
    long end, long stride, double factor, double threshold, int32_t *runs, long *run_entries,
    double *deepest) {
  if (avx2) {
    return depths_avx2(
        depth, qx, qy, max_depth, first, end, stride, factor, threshold, runs, run_entries,
        deepest);
  }
  return depths_portable(
      depth, qx, qy, max_depth, first, end, stride, factor, threshold, runs, run_entries,
      deepest);
}
