#include <stdio.h>
#include <string.h>
int main(void) {
  int a[10];
  for (int i = 0; i < 10; i++) a[i] = i;
  memmove(a + 3, a, 5 * sizeof *a);
  for (int i = 0; i < 10; i++) printf("%d", a[i]);
  printf("\n");
  memmove(a, a + 4, 6 * sizeof *a);
  for (int i = 0; i < 10; i++) printf("%d", a[i]);
  printf("\n");
  unsigned char bytes[8];
  memset(bytes, 0x1AB, sizeof bytes);
  printf("%x %x\n", bytes[0], bytes[7]);
  long l = 0;
  memset(&l, 0xFF, sizeof l);
  printf("%ld\n", l);
  struct { int x; char c; } s1 = {1, 'a'}, s2;
  memcpy(&s2, &s1, sizeof s1);
  printf("%d %c\n", s2.x, s2.c);
  double d = 1.0;
  unsigned long long bits;
  memcpy(&bits, &d, sizeof bits);
  printf("%llx\n", bits);
  return 0;
}
