// double_free.c: freeing the same block twice.
//
// libmalloc notices the second free and aborts the process with a message such as
//   double_free(4242,0x1f3ac4c00) malloc: Double free of object 0x...
// (or "pointer being freed was not allocated" when the block came from the nano zone),
// and the program dies with SIGABRT. In the debugger execution stops on the second free.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *name = malloc(32);
    if (name == NULL) {
        perror("malloc");
        return 1;
    }
    strcpy(name, "mallocscope");
    printf("%s at %p\n", name, (void *)name);

    free(name);
    // Bug: `name` still holds the old address, and nothing stops us freeing it again.
    free(name);

    printf("not reached\n");
    return 0;
}
