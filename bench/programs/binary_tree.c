/* binary_tree.c: an unbalanced binary search tree of random keys.
 * Inserts N keys (iteratively), looks up N more, measures depth and sums keys by recursion
 * (so C calls go deep), then frees the tree with a post-order recursion. */
#include <stdio.h>
#include <stdlib.h>

#ifndef N
#define N 200000
#endif

struct tree {
    unsigned int key;
    int count;
    struct tree *left;
    struct tree *right;
};

static unsigned int lcg_state = 2024u;

static unsigned int next_random(void) {
    lcg_state = lcg_state * 69069u + 1u;
    return lcg_state >> 4;
}

static struct tree *tree_insert(struct tree *root, unsigned int key, long *created) {
    struct tree **link = &root;
    while (*link != NULL) {
        if (key == (*link)->key) {
            (*link)->count++;
            return root;
        }
        link = key < (*link)->key ? &(*link)->left : &(*link)->right;
    }
    *link = malloc(sizeof(struct tree));
    if (*link == NULL) return NULL;
    (*link)->key = key;
    (*link)->count = 1;
    (*link)->left = NULL;
    (*link)->right = NULL;
    (*created)++;
    return root;
}

static int tree_contains(const struct tree *node, unsigned int key) {
    while (node != NULL) {
        if (key == node->key) return 1;
        node = key < node->key ? node->left : node->right;
    }
    return 0;
}

static int tree_depth(const struct tree *node) {
    int left;
    int right;
    if (node == NULL) return 0;
    left = tree_depth(node->left);
    right = tree_depth(node->right);
    return 1 + (left > right ? left : right);
}

static unsigned long tree_key_sum(const struct tree *node) {
    if (node == NULL) return 0;
    return (node->key % 1000u) * (unsigned long)node->count + tree_key_sum(node->left) + tree_key_sum(node->right);
}

static long tree_free(struct tree *node) {
    long freed;
    if (node == NULL) return 0;
    freed = tree_free(node->left) + tree_free(node->right);
    free(node);
    return freed + 1;
}

int main(void) {
    struct tree *root = NULL;
    long created = 0;
    long found = 0;
    long i;

    for (i = 0; i < N; i++) {
        root = tree_insert(root, next_random() % 1000000u, &created);
        if (root == NULL) {
            printf("malloc failed\n");
            return 1;
        }
    }
    for (i = 0; i < N; i++) found += tree_contains(root, next_random() % 1000000u);
    printf("keys: %d nodes: %ld found: %ld\n", N, created, found);
    printf("depth: %d key sum: %lu\n", tree_depth(root), tree_key_sum(root));
    printf("freed: %ld\n", tree_free(root));
    return 0;
}
