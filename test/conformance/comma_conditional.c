#include <stdio.h>
int main(void) {
  int a = (1, 2, 3);
  printf("%d\n", a);
  int i, j;
  for (i = 0, j = 10; i < j; i += 3, j -= 2) ;
  printf("%d %d\n", i, j);
  int x = 5;
  int y = x > 3 ? x * 2 : x - 1;
  printf("%d\n", y);
  printf("%s\n", x % 2 ? "odd" : "even");
  int m = x < 0 ? -1 : x == 0 ? 0 : 1;
  printf("%d\n", m);
  int b = 0;
  int c = (b++, b++, b);
  printf("%d %d\n", b, c);
  double d = 1 ? 1 : 2.5;
  printf("%g\n", d);
  unsigned u = 1; int neg = -1;
  printf("%d\n", (0 ? u : neg) > 0);
  int z = 0;
  int r = z && (z = 5);
  int t = 1 || (z = 6);
  printf("%d %d %d\n", r, t, z);
  return 0;
}
