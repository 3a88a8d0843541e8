/* compute_loop.c: a compute-heavy loop that never allocates.
 * Integer arithmetic, shifts, a branch and an indexed local array: what the interpreter
 * pays per statement with the allocator out of the picture. */
#include <stdio.h>

#ifndef N
#define N 10000000
#endif

int main(void) {
    unsigned int hash = 5381u;
    unsigned int table[64];
    long sum = 0;
    long odd = 0;
    long i;
    int k;

    for (k = 0; k < 64; k++) table[k] = 0u;
    for (i = 0; i < N; i++) {
        hash = hash * 33u + (unsigned int)i;
        table[hash & 63u] += 1u;
        if (hash & 1u) odd++;
        sum += (long)(hash >> 20);
    }
    unsigned int mix = 0u;
    for (k = 0; k < 64; k++) mix = mix * 31u + table[k];
    printf("iterations: %d\n", N);
    printf("hash: %u odd: %ld sum: %ld mix: %u\n", hash, odd, sum, mix);
    return 0;
}
