#include <stdio.h>
static int grade(char c) {
  switch (c) { case 'a' ... 'f': return 1; case '0' ... '9': return 2; default: return 0; }
}
int main(void) {
  int x = 3;
  printf("%d %d %d\n", grade('c'), grade('5'), grade('z'));
  if (__builtin_expect(x == 3, 1)) printf("expected\n");
  __attribute__((unused)) int unused = 0;
  typeof(x) y = 5;
  __typeof__(y) z = y * 2;
  printf("%d %d\n", y, z);
  return 0;
}
