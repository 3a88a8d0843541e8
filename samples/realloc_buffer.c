// realloc_buffer.c: a byte buffer that doubles its capacity with realloc whenever it is full.
//
// While the buffer is small it comes from the nano zone, whose blocks never grow in place, so
// every doubling moves it. Later it lives in the tiny, small and large zones: there realloc can
// often grow the block into the free space right after it, and has to move it (copying the
// bytes) when the new size belongs to another zone. The program prints every move so you can
// see where it happens.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
    char *data;
    size_t length;
    size_t capacity;
};

// Make room for `extra` more bytes, doubling the capacity as often as needed.
static void reserve(struct buffer *b, size_t extra) {
    size_t needed = b->length + extra;
    if (needed <= b->capacity) {
        return;
    }
    size_t capacity = b->capacity ? b->capacity : 16;
    while (capacity < needed) {
        capacity *= 2;
    }
    char *old = b->data;
    char *grown = realloc(b->data, capacity);
    if (grown == NULL) {
        perror("realloc");
        exit(1);
    }
    if (old != NULL && grown != old) {
        printf("capacity %6zu: moved %p -> %p\n", capacity, (void *)old, (void *)grown);
    } else {
        printf("capacity %6zu: at %p\n", capacity, (void *)grown);
    }
    b->data = grown;
    b->capacity = capacity;
}

static void append(struct buffer *b, const char *text, size_t n) {
    reserve(b, n);
    memcpy(b->data + b->length, text, n);
    b->length += n;
}

int main(void) {
    struct buffer b = { NULL, 0, 0 };
    const char chunk[] = "0123456789abcdef0123456789abcdef"; // 32 bytes per append
    for (int i = 0; i < 4096; ++i) {
        append(&b, chunk, sizeof chunk - 1);
    }
    printf("length %zu, capacity %zu\n", b.length, b.capacity);
    free(b.data);
    return 0;
}
