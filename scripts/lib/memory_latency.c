/*
 * What one random memory access costs on this machine, by working-set
 * size: a pointer chase over a random cycle of cache lines, so every load
 * waits for the one before it. Explains why the evacuation loop's cost per
 * household rises once its records outgrow the caches (docs/performance.md,
 * "The whole run, and what a random access costs here").
 *
 *   cc -O2 scripts/lib/memory_latency.c -o /tmp/memory-latency
 *   /tmp/memory-latency          # 4 KiB pages
 *   /tmp/memory-latency huge     # the buffer madvised for huge pages
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

enum { LINE = 64, WORDS_PER_LINE = LINE / sizeof(size_t), HUGE_PAGE = 2 << 20 };

/* A 64-bit generator (splitmix64), so the cycle does not depend on rand(). */
static uint64_t next_random(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

int main(int argc, char **argv) {
  int huge = argc > 1;
  for (size_t mib = 1; mib <= 512; mib *= 2) {
    size_t lines = mib * 1024 * 1024 / LINE;
    size_t bytes = lines * LINE < HUGE_PAGE ? HUGE_PAGE : lines * LINE;
    size_t *memory = aligned_alloc(HUGE_PAGE, bytes);
    size_t *order = malloc(lines * sizeof(size_t));
    if (!memory || !order) return 1;
    if (huge) madvise(memory, bytes, MADV_HUGEPAGE);
    uint64_t state = 1;
    for (size_t i = 0; i < lines; i++) order[i] = i;
    for (size_t i = lines - 1; i > 0; i--) {
      size_t j = next_random(&state) % (i + 1);
      size_t t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (size_t i = 0; i < lines; i++)
      memory[order[i] * WORDS_PER_LINE] = order[(i + 1) % lines] * WORDS_PER_LINE;
    size_t at = 0;
    const long steps = 20000000;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long s = 0; s < steps; s++) at = memory[at];
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ns = ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) / steps;
    /* Printing something that depends on `at` keeps the chase from
       being optimised away. */
    printf("%4zu MiB: %6.1f ns per access%s\n", mib, ns, at == (size_t)-1 ? " " : "");
    free(memory);
    free(order);
  }
  return 0;
}
