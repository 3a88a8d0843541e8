#include <stdio.h>
#include <stddef.h>
struct point { int x, y; };
struct rec { char tag; double value; short n; };
typedef struct node { int v; struct node *next; } node;
int main(void) {
  struct point p = {3, 4};
  struct point q = p;
  q.x = 10;
  printf("%d %d %d\n", p.x, q.x, q.y);
  printf("%d %d\n", (int)sizeof(struct rec), (int)offsetof(struct rec, n));
  node c = {3, 0}, b = {2, &c}, a = {1, &b};
  for (node *n = &a; n; n = n->next) printf("%d ", n->v);
  printf("\n");
  struct point *pp = &q;
  pp->y += 5;
  printf("%d\n", (*pp).y);
  struct { int a[3]; } arr = {{7, 8, 9}};
  printf("%d\n", arr.a[2]);
  return 0;
}
