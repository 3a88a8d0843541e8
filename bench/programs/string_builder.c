/* string_builder.c: strings grown piece by piece with realloc.
 * Each builder starts at 16 bytes and grows by half again whenever a piece does not fit,
 * so its buffer walks from tiny through small (and into large for long builders) by realloc.
 * A builder is finished (checksummed, freed) every BUILDER_PIECES appends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef N
#define N 300000
#endif
#define BUILDER_PIECES 20000

struct builder {
    char *text;
    unsigned long length;
    unsigned long capacity;
    long reallocs;
};

static void builder_init(struct builder *b) {
    b->capacity = 16;
    b->length = 0;
    b->text = malloc(b->capacity);
    b->text[0] = '\0';
    b->reallocs = 0;
}

static int builder_append(struct builder *b, const char *piece) {
    unsigned long n = strlen(piece);
    if (b->length + n + 1 > b->capacity) {
        unsigned long capacity = b->capacity;
        char *grown;
        while (b->length + n + 1 > capacity) capacity = capacity + capacity / 2 + 16;
        grown = realloc(b->text, capacity);
        if (grown == NULL) return 0;
        b->text = grown;
        b->capacity = capacity;
        b->reallocs++;
    }
    memcpy(b->text + b->length, piece, n + 1);
    b->length += n;
    return 1;
}

/* Decimal digits of value followed by a separator, written into out (at least 24 bytes). */
static void format_piece(long value, char *out) {
    char digits[24];
    int count = 0;
    int i;
    do {
        digits[count++] = (char)('0' + value % 10);
        value /= 10;
    } while (value > 0);
    for (i = 0; i < count; i++) out[i] = digits[count - 1 - i];
    out[count] = ',';
    out[count + 1] = '\0';
}

static unsigned long checksum_text(const char *text, unsigned long length) {
    unsigned long sum = 0;
    unsigned long i;
    for (i = 0; i < length; i += 7) sum = sum * 3 + (unsigned char)text[i];
    return sum % 1000000007u;
}

int main(void) {
    struct builder b;
    char piece[32];
    long i;
    long builders = 0;
    long reallocs = 0;
    unsigned long total_length = 0;
    unsigned long checksum = 0;

    builder_init(&b);
    for (i = 0; i < N; i++) {
        format_piece(i * 7919 % 1000003, piece);
        if (!builder_append(&b, piece)) {
            printf("realloc failed at piece %ld\n", i);
            return 1;
        }
        if ((i + 1) % BUILDER_PIECES == 0 || i + 1 == N) {
            checksum = (checksum * 31 + checksum_text(b.text, b.length)) % 1000000007u;
            total_length += b.length;
            reallocs += b.reallocs;
            builders++;
            free(b.text);
            if (i + 1 < N) builder_init(&b);
        }
    }
    printf("pieces: %d builders: %ld reallocs: %ld\n", N, builders, reallocs);
    printf("total length: %lu checksum: %lu\n", total_length, checksum);
    return 0;
}
