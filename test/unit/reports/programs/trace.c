// trace.c
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    void *small[1000];
    for (int i = 0; i < 1000; ++i) {
        small[i] = malloc(64);
        if (!small[i]) { perror("malloc small"); return 1; }
    }

    void *big = malloc(10 * 1024 * 1024);
    if (!big) { perror("malloc big"); return 1; }
    memset(big, 0, 10 * 1024 * 1024);

    // print PID and a representative address
    printf("PID: %d  big=%p\n", getpid(), big);
    fflush(stdout);

    // keep process alive (120s)
    sleep(120);

    for (int i = 0; i < 1000; ++i) free(small[i]);
    free(big);
    return 0;
}
