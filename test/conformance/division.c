#include <stdio.h>
int main(void) {
  printf("%d %d\n", 7 / 2, 7 % 2);
  printf("%d %d\n", -7 / 2, -7 % 2);
  printf("%d %d\n", 7 / -2, 7 % -2);
  printf("%d %d\n", -7 / -2, -7 % -2);
  printf("%u %u\n", 4000000000u / 3u, 4000000000u % 7u);
  printf("%lld\n", -9000000000000000000LL / 1000000007LL);
  printf("%lld\n", -9000000000000000000LL % 1000000007LL);
  printf("%llu\n", 18000000000000000000ULL / 3ULL);
  unsigned int u = 10; int s = -3;
  printf("%u\n", u / s);
  printf("%.4f\n", -7.0 / 2);
  return 0;
}
