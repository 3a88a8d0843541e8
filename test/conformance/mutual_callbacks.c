#include <stdio.h>
typedef int (*visitor)(int value, void *ctx);
static int for_each(const int *a, int n, visitor v, void *ctx) { for (int i = 0; i < n; i++) if (!v(a[i], ctx)) return i; return n; }
static int sum_until_negative(int value, void *ctx) { if (value < 0) return 0; *(int *)ctx += value; return 1; }
struct stats { int min, max, count; };
static int collect(int value, void *ctx) { struct stats *s = ctx; if (!s->count || value < s->min) s->min = value; if (!s->count || value > s->max) s->max = value; s->count++; return 1; }
static int compose(int x, int (*f)(int), int (*g)(int)) { return f(g(x)); }
static int inc(int x) { return x + 1; }
static int sq(int x) { return x * x; }
int main(void) {
  int a[] = {4, 8, 15, 16, -23, 42};
  int sum = 0;
  int stopped = for_each(a, 6, sum_until_negative, &sum);
  printf("%d %d\n", sum, stopped);
  struct stats st = {0, 0, 0};
  for_each(a, 6, collect, &st);
  printf("%d %d %d\n", st.min, st.max, st.count);
  printf("%d %d\n", compose(3, inc, sq), compose(3, sq, inc));
  return 0;
}
