// linked_list.c: a singly linked list built with malloc and taken apart with free.
//
// Every node is a small heap block (16 bytes of data: an int, padding, and a pointer), so on
// macOS each one comes from the nano zone, or from the tiny zone when MallocNanoZone=0.
// Step through it and watch the blocks appear in the heap map, then disappear again.
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

// Allocate one node and put it at the front of the list. Returns the new head.
static struct node *push_front(struct node *head, int value) {
    struct node *n = malloc(sizeof *n);
    if (n == NULL) {
        perror("malloc");
        exit(1);
    }
    n->value = value;
    n->next = head;
    return n;
}

static void print_list(const struct node *head) {
    for (const struct node *n = head; n != NULL; n = n->next) {
        printf("%d%s", n->value, n->next ? " -> " : "\n");
    }
}

// Free every node. Read `next` before freeing the node that holds it: after free(n),
// n->next is no longer ours to read.
static void free_list(struct node *head) {
    while (head != NULL) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
}

int main(void) {
    struct node *list = NULL;
    for (int i = 1; i <= 5; ++i) {
        list = push_front(list, i * 10);
    }
    printf("list at %p\n", (void *)list);
    print_list(list);

    free_list(list);
    list = NULL; // the pointer would dangle otherwise
    printf("all nodes freed\n");
    return 0;
}
