#include <stdio.h>
struct pt { int x, y; };
int sum(const int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
int dist2(struct pt p) { return p.x * p.x + p.y * p.y; }
int main(void) {
  printf("%d\n", sum((int[]){1, 2, 3, 4}, 4));
  printf("%d\n", dist2((struct pt){3, 4}));
  struct pt *p = &(struct pt){.y = 7};
  p->x = 2;
  printf("%d %d\n", p->x, p->y);
  int *arr = (int[5]){[4] = 1};
  printf("%d %d\n", arr[0], arr[4]);
  const char *w = (const char *[]){"zero", "one", "two"}[2];
  printf("%s\n", w);
  return 0;
}
