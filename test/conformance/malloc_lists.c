#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { int value; struct node *next; };
struct node *push(struct node *head, int v) { struct node *n = malloc(sizeof *n); n->value = v; n->next = head; return n; }
struct node *reverse(struct node *h) { struct node *prev = NULL; while (h) { struct node *nx = h->next; h->next = prev; prev = h; h = nx; } return prev; }
int main(void) {
  struct node *list = NULL;
  for (int i = 1; i <= 5; i++) list = push(list, i * i);
  list = reverse(list);
  for (struct node *n = list; n; n = n->next) printf("%d ", n->value);
  printf("\n");
  while (list) { struct node *n = list->next; free(list); list = n; }
  char *dup = strdup("duplicate me");
  dup[0] = 'D';
  printf("%s\n", dup);
  free(dup);
  int *grow = NULL;
  size_t cap = 0;
  for (int i = 0; i < 100; i++) {
    if ((size_t)i == cap) { cap = cap ? cap * 2 : 4; grow = realloc(grow, cap * sizeof *grow); }
    grow[i] = i;
  }
  long total = 0;
  for (int i = 0; i < 100; i++) total += grow[i];
  printf("%ld %zu\n", total, cap);
  free(grow);
  return 0;
}
