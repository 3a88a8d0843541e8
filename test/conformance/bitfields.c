#include <stdio.h>
struct flags { unsigned a : 1; unsigned b : 3; unsigned c : 4; int s : 4; };
int main(void) {
  struct flags f = {0};
  f.a = 1; f.b = 5; f.c = 15; f.s = -3;
  printf("%u %u %u %d\n", f.a, f.b, f.c, f.s);
  f.b = 9;
  printf("%u\n", f.b);
  f.c++;
  printf("%u\n", f.c);
  f.s = 7; f.s++;
  printf("%d\n", f.s);
  printf("%d\n", (int)sizeof(struct flags));
  struct { unsigned char lo : 4, hi : 4; } byte = {0xA, 0x5};
  printf("%x%x\n", byte.hi, byte.lo);
  return 0;
}
