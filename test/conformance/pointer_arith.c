#include <stdio.h>
#include <stddef.h>
int main(void) {
  int a[10];
  for (int i = 0; i < 10; i++) a[i] = i * i;
  int *p = a, *q = &a[7];
  printf("%d\n", (int)(q - p));
  printf("%d %d\n", *(p + 3), p[4]);
  printf("%d\n", 5[a]);
  q -= 2;
  printf("%d\n", *q);
  printf("%d\n", q > p);
  char *c = (char *)a;
  printf("%d\n", (int)((char *)q - c));
  ptrdiff_t d = &a[9] - &a[0];
  printf("%td\n", d);
  int *e = a + 10;
  int sum = 0;
  for (int *r = a; r != e; ++r) sum += *r;
  printf("%d\n", sum);
  double arr[4] = {1.5, 2.5, 3.5, 4.5};
  double *dp = arr + 1;
  double first = *dp++;
  printf("%.1f %.1f\n", first, *dp);
  return 0;
}
