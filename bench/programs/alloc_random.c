/* alloc_random.c: random malloc/free of mixed sizes over a table of slots.
 * Each operation picks a slot: an empty slot gets a new block, a full one is freed.
 * Sizes mix nano/tiny (most), small (some) and large (rare), so every zone is exercised.
 * Deterministic: a 32-bit LCG whose products stay below 2^53. */
#include <stdio.h>
#include <stdlib.h>

#ifndef N
#define N 1000000
#endif
#define SLOTS 1000

static unsigned int lcg_state = 12345u;

static unsigned int next_random(void) {
    lcg_state = lcg_state * 69069u + 1u;
    return lcg_state >> 8;
}

static unsigned long pick_size(void) {
    unsigned int kind = next_random() % 1000u;
    if (kind < 600u) return 1u + next_random() % 256u;          /* nano / tiny */
    if (kind < 900u) return 257u + next_random() % 752u;        /* tiny, up to 1008 */
    if (kind < 995u) return 1009u + next_random() % 31759u;     /* small */
    return 131072u + next_random() % 393216u;                   /* large */
}

int main(void) {
    char *slot[SLOTS];
    unsigned long size[SLOTS];
    long mallocs = 0;
    long frees = 0;
    unsigned long bytes = 0;
    unsigned long checksum = 0;
    int i;

    for (i = 0; i < SLOTS; i++) {
        slot[i] = NULL;
        size[i] = 0;
    }
    for (i = 0; i < N; i++) {
        int s = (int)(next_random() % SLOTS);
        if (slot[s] == NULL) {
            unsigned long n = pick_size();
            char *p = malloc(n);
            if (p == NULL) {
                printf("malloc(%lu) failed\n", n);
                return 1;
            }
            p[0] = (char)(i & 0x7f);
            p[n - 1] = (char)(s & 0x7f);
            slot[s] = p;
            size[s] = n;
            mallocs++;
            bytes += n;
        } else {
            checksum += (unsigned long)slot[s][0] + (unsigned long)slot[s][size[s] - 1];
            free(slot[s]);
            slot[s] = NULL;
            frees++;
        }
    }
    for (i = 0; i < SLOTS; i++) {
        if (slot[i] != NULL) {
            free(slot[i]);
            frees++;
        }
    }
    printf("operations: %d\n", N);
    printf("mallocs: %ld frees: %ld\n", mallocs, frees);
    printf("bytes requested: %lu\n", bytes);
    printf("checksum: %lu\n", checksum);
    return 0;
}
