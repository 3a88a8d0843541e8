#include <stdio.h>
int main(void) {
  unsigned int u = 0x80000000u;
  printf("%u %u %u\n", u >> 1, u >> 31, 1u << 31);
  int n = -16;
  printf("%d %d\n", n >> 2, n << 2);
  printf("%x\n", 0xFFu << 24);
  unsigned long long q = 1ULL << 63;
  printf("%llu %llx\n", q, q >> 4);
  long long s = -1LL;
  printf("%lld\n", s >> 40);
  unsigned char c = 0x81;
  printf("%d\n", c << 1);
  int k = 5;
  printf("%d\n", 1 << k);
  printf("%d\n", 0x12345678 >> 16);
  return 0;
}
