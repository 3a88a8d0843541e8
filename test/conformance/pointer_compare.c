#include <stdio.h>
#include <stdint.h>
#include <string.h>
struct pair { int a, b; };
int main(void) {
  int arr[8];
  int *lo = &arr[1], *hi = &arr[6];
  printf("%d %d %d\n", lo < hi, hi >= lo, lo == hi - 5);
  uintptr_t d = (uintptr_t)hi - (uintptr_t)lo;
  printf("%lu\n", (unsigned long)d);
  struct pair p = {1, 2}, q = {1, 2};
  printf("%d\n", memcmp(&p, &q, sizeof p) == 0);
  printf("%d\n", (char *)&p.b - (char *)&p);
  const char *s = "abc", *t = s;
  printf("%d\n", s == t);
  int *null = 0;
  printf("%d\n", null == NULL);
  printf("%d\n", (int)(sizeof(int *) == sizeof(uintptr_t)));
  return 0;
}
