#include <stdio.h>
int sum(int n, int *a) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
int main(void) {
  int n = 6;
  int v[n];
  for (int i = 0; i < n; i++) v[i] = i * 3;
  printf("%d %d\n", sum(n, v), (int)sizeof v);
  for (int k = 1; k <= 3; k++) { char buf[k * 4]; snprintf(buf, sizeof buf, "%d%d%d%d%d", k, k, k, k, k); printf("%s %d\n", buf, (int)sizeof buf); }
  return 0;
}
