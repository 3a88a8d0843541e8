// leaks: one block lost by overwriting its only pointer, a two-block cycle, and blocks that stay
// reachable from a global, from another reachable block and from a local.
#include <stdlib.h>
#include <string.h>

struct node {
    struct node *next;
    int value;
};

static struct node *kept;

static struct node *make(int value) {
    struct node *n = malloc(sizeof *n);
    n->next = NULL;
    n->value = value;
    return n;
}

int main(void) {
    char *lost = malloc(64);
    strcpy(lost, "only pointer overwritten below");
    lost = NULL;

    kept = make(1);
    kept->next = make(2);

    struct node *a = make(3);
    struct node *b = make(4);
    a->next = b;
    b->next = a;
    a = b = NULL;

    char *local = malloc(300);
    local[0] = 'x';
    return local[0] == 'x' ? 0 : 1;
}
