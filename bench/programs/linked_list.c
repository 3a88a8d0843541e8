/* linked_list.c: a singly linked list built and torn down, several rounds.
 * Each round pushes N nodes (alternately at the head and the tail), walks the list,
 * reverses it, unlinks and frees every third node, walks again, then frees the rest. */
#include <stdio.h>
#include <stdlib.h>

#ifndef N
#define N 100000
#endif
#define ROUNDS 3

struct node {
    long value;
    struct node *next;
};

static long list_sum(const struct node *head) {
    long sum = 0;
    while (head != NULL) {
        sum += head->value;
        head = head->next;
    }
    return sum;
}

static struct node *list_reverse(struct node *head) {
    struct node *reversed = NULL;
    while (head != NULL) {
        struct node *next = head->next;
        head->next = reversed;
        reversed = head;
        head = next;
    }
    return reversed;
}

int main(void) {
    long round;
    long checksum = 0;
    long nodes_allocated = 0;
    long nodes_freed = 0;

    for (round = 0; round < ROUNDS; round++) {
        struct node *head = NULL;
        struct node *tail = NULL;
        struct node **link;
        long i;
        long position = 0;

        for (i = 0; i < N; i++) {
            struct node *n = malloc(sizeof(struct node));
            if (n == NULL) {
                printf("malloc failed\n");
                return 1;
            }
            n->value = i * (round + 1);
            n->next = NULL;
            nodes_allocated++;
            if (i % 2 == 0) {
                n->next = head;
                head = n;
                if (tail == NULL) tail = n;
            } else {
                tail->next = n;
                tail = n;
            }
        }
        checksum += list_sum(head);
        head = list_reverse(head);

        link = &head;
        while (*link != NULL) {
            if (position % 3 == 0) {
                struct node *dead = *link;
                *link = dead->next;
                free(dead);
                nodes_freed++;
            } else {
                link = &(*link)->next;
            }
            position++;
        }
        checksum = checksum * 7 + list_sum(head) % 1000003;

        while (head != NULL) {
            struct node *next = head->next;
            free(head);
            nodes_freed++;
            head = next;
        }
    }
    printf("rounds: %d nodes per round: %d\n", ROUNDS, N);
    printf("allocated: %ld freed: %ld checksum: %ld\n", nodes_allocated, nodes_freed, checksum);
    return 0;
}
