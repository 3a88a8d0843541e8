#include <stdio.h>
#include <stdlib.h>
struct tree { int key; struct tree *left, *right; };
static struct tree *insert(struct tree *t, int k) {
  if (!t) { t = calloc(1, sizeof *t); t->key = k; return t; }
  if (k < t->key) t->left = insert(t->left, k); else if (k > t->key) t->right = insert(t->right, k);
  return t;
}
static void inorder(const struct tree *t) { if (!t) return; inorder(t->left); printf("%d ", t->key); inorder(t->right); }
static int height(const struct tree *t) { if (!t) return 0; int l = height(t->left), r = height(t->right); return 1 + (l > r ? l : r); }
static void destroy(struct tree *t) { if (!t) return; destroy(t->left); destroy(t->right); free(t); }
int main(void) {
  struct tree *root = NULL;
  int keys[] = {50, 30, 70, 20, 40, 60, 80, 30, 65, 10};
  for (int i = 0; i < 10; i++) root = insert(root, keys[i]);
  inorder(root);
  printf("\n%d\n", height(root));
  destroy(root);
  return 0;
}
