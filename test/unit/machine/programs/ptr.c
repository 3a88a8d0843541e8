#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { int value; struct node *next; };
struct pt { int x, y; };
static int counter;
struct pt mk(int x, int y) { struct pt p = { x, y }; return p; }
int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int twice(int (*g)(int), int v) { return g(g(v)); }
int inc(int v) { return v + 1; }
void bye(void) { printf("bye\n"); }
int sum(int n, ...);
int main(void) {
  struct node *head = NULL;
  for (int i = 0; i < 5; i++) { struct node *n = malloc(sizeof *n); n->value = i * i; n->next = head; head = n; }
  for (struct node *p = head; p; p = p->next) printf("%d ", p->value);
  printf("\n");
  while (head) { struct node *n = head->next; free(head); head = n; }
  int arr[6] = { 5, 3, 9, 1, 7, 2 };
  qsort(arr, 6, sizeof arr[0], cmp);
  for (int i = 0; i < 6; i++) printf("%d,", arr[i]);
  printf("\n%d %d\n", fact(10), twice(inc, 40));
  struct pt q = mk(3, 4); printf("%d %d\n", q.x, q.y);
  struct pt r = q; r.x = 9; printf("%d %d\n", q.x, r.x);
  char buf[32]; strcpy(buf, "hello"); strcat(buf, " world"); printf("%s %zu\n", buf, strlen(buf));
  char *d = strdup(buf); d[0] = 'H'; printf("%s\n", d); free(d);
  int *p = arr; p += 2; printf("%d %ld\n", *p, p - arr);
  counter++; counter += 5; printf("%d\n", counter);
  int m[2][3] = { {1,2,3}, {4,5,6} }; printf("%d\n", m[1][2]);
  atexit(bye);
  printf("%d\n", sum(3, 10, 20, 30));
  char line[16]; snprintf(line, sizeof line, "%08.3f|", 3.14159); printf("%s\n", line);
  return 0;
}
#include <stdarg.h>
int sum(int n, ...) { va_list ap; va_start(ap, n); int t = 0; for (int i = 0; i < n; i++) t += va_arg(ap, int); va_end(ap); return t; }
