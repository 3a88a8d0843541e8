/* fragmentation.c: a stress that leaves regions sparse.
 * Allocates N blocks, three tiny (16..255 bytes) to one small (1024..2047), then frees all but
 * one tiny and one small block in every sixteen. The survivors pin every region while most of
 * it is free. Then it asks for blocks of 6..12 KiB, larger than the holes between small
 * survivors, which the sparse regions cannot serve. Survivors are freed last. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef N
#define N 100000
#endif
#define LATE (N / 64)

static unsigned int lcg_state = 777u;

static unsigned int next_random(void) {
    lcg_state = lcg_state * 69069u + 1u;
    return lcg_state >> 8;
}

int main(void) {
    char **blocks = malloc(sizeof(char *) * N);
    char **late = malloc(sizeof(char *) * LATE);
    long survivors = 0;
    long freed = 0;
    unsigned long bytes = 0;
    unsigned long checksum = 0;
    long i;

    if (blocks == NULL || late == NULL) {
        printf("malloc failed\n");
        return 1;
    }
    for (i = 0; i < N; i++) {
        unsigned long n = (i % 4 == 3) ? 1024u + next_random() % 1024u : 16u + next_random() % 240u;
        blocks[i] = malloc(n);
        if (blocks[i] == NULL) {
            printf("malloc failed\n");
            return 1;
        }
        memset(blocks[i], (int)(i & 0x7f), 8);
        bytes += n;
    }
    for (i = 0; i < N; i++) {
        if (i % 16 == 5 || i % 16 == 11) {
            survivors++;
        } else {
            free(blocks[i]);
            blocks[i] = NULL;
            freed++;
        }
    }
    for (i = 0; i < LATE; i++) {
        unsigned long n = 6144u + next_random() % 6144u;
        late[i] = malloc(n);
        if (late[i] == NULL) {
            printf("malloc failed\n");
            return 1;
        }
        late[i][0] = (char)(i & 0x7f);
        bytes += n;
    }
    for (i = 0; i < N; i++) {
        if (blocks[i] != NULL) {
            checksum += (unsigned long)blocks[i][0] + (unsigned long)blocks[i][7];
            free(blocks[i]);
        }
    }
    for (i = 0; i < LATE; i++) {
        checksum += (unsigned long)late[i][0];
        free(late[i]);
    }
    free(late);
    free(blocks);
    printf("blocks: %d freed early: %ld survivors: %ld late: %d\n", N, freed, survivors, LATE);
    printf("bytes requested: %lu checksum: %lu\n", bytes, checksum);
    return 0;
}
