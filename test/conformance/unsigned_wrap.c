#include <stdio.h>
#include <limits.h>
int main(void) {
  unsigned int u = UINT_MAX;
  u++;
  printf("%u\n", u);
  u--;
  printf("%u\n", u);
  unsigned short s = 65535; s += 2;
  printf("%u\n", s);
  unsigned char c = 0; c -= 1;
  printf("%u\n", c);
  unsigned long long q = 0; q--;
  printf("%llu\n", q);
  unsigned int m = 4000000000u * 2u;
  printf("%u\n", m);
  printf("%u\n", 0u - 5u);
  unsigned int h = 2654435761u;
  unsigned int acc = 0;
  for (int i = 0; i < 10; i++) acc = acc * h + i;
  printf("%u\n", acc);
  return 0;
}
