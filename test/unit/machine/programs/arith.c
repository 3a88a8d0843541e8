#include <stdio.h>
#include <limits.h>
#include <stdint.h>
int main(void) {
  int a = INT_MAX; a = a + 1; printf("%d\n", a);
  unsigned u = 0; u = u - 1; printf("%u\n", u);
  printf("%d\n", -1 < 1u);
  printf("%d\n", (unsigned char)300);
  printf("%d\n", (signed char)200);
  short s = 40000; printf("%d\n", s);
  printf("%d %d\n", -7 / 2, -7 % 2);
  printf("%d\n", 1 << 31);
  printf("%d\n", -16 >> 2);
  printf("%u\n", 0x80000000u >> 4);
  long long big = 9007199254740993LL; printf("%lld\n", big);
  long long m = LLONG_MAX; printf("%lld\n", m); m = m + 1; printf("%lld\n", m);
  unsigned long long um = 0; um = um - 1; printf("%llu %llx\n", um, um);
  uint64_t h = 0xdeadbeefcafebabeULL; printf("%llx\n", h * 3);
  printf("%lld\n", (long long)3000000000 * 3000000000LL);
  printf("%ld\n", 5L / 0L);
  int z = 0; printf("%d\n", 7 / z);
  char c = 'A'; c += 2; printf("%c\n", c);
  double d = 1.0 / 3; printf("%f %.3e %g %g\n", d, d, d, 1e20);
  float f = 0.1f; printf("%.10f\n", f);
  printf("%d\n", (int)-3.7);
  printf("%lu\n", sizeof(long double));
  unsigned char uc = 255; uc++; printf("%d\n", uc);
  int x = 5; x <<= 2; x |= 1; x ^= 3; printf("%d\n", x);
  return 0;
}
