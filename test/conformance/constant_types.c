#include <stdio.h>
enum big { BIG = 0x80000000, SMALL = -1 };
struct sb { int one : 1; unsigned char uc : 4; signed char sc : 4; };
int main(void) {
  printf("%zu %zu %zu %zu\n", sizeof(2147483647), sizeof(2147483648), sizeof(0x80000000), sizeof(0x100000000));
  printf("%zu %zu %zu\n", sizeof(4294967295), sizeof(1u), sizeof(10000000000u));
  printf("%d %d\n", -1L < 1U, -1 > sizeof(int));
  printf("%d\n", (1 ? -1 : 0u) > 0);
  printf("%zu %zu\n", sizeof(1 ? 'a' : 1L), sizeof(1 ? 1.0f : 1));
  printf("%d %d\n", '\xff', '\377');
  printf("%x\n", 'ab');
  short s = 1; s <<= 20;
  printf("%d\n", s);
  char c = (char)200;
  printf("%d\n", c >> 1);
  struct sb b = {0};
  b.one = 1;
  printf("%d\n", b.one);
  b.uc = 15; b.sc = 7; b.sc++;
  printf("%d %d %d\n", b.uc - 16 < 0, b.sc, (int)sizeof(b.uc + 0));
  printf("%d\n", BIG > 0);
  printf("%zu\n", sizeof(enum big));
  unsigned short us = 65535;
  printf("%d\n", us + 1);
  printf("%d\n", -us);
  long long mixed = 1u - 2;
  printf("%lld\n", mixed);
  long long mixed2 = 1L - 2u;
  printf("%lld\n", mixed2);
  return 0;
}
