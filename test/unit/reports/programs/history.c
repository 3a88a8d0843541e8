// malloc_history: a block allocated in a helper, grown by realloc, then freed.
#include <stdlib.h>

static char *buffer(size_t n) {
    return malloc(n);
}

int main(void) {
    char *p = buffer(24);
    p = realloc(p, 2000);
    p[0] = 1;
    free(p);
    char *q = calloc(4, 8);
    free(q);
    return 0;
}
