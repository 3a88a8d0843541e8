#include <stdio.h>
#include <stdint.h>
int main(void) {
  uint32_t a = 0xFFFFFFFFu, b = 0xFFFFFFFEu;
  printf("%u\n", a * b);
  uint64_t wide = (uint64_t)a * b;
  printf("%llu\n", (unsigned long long)wide);
  uint64_t x = 0xFFFFFFFFFFFFFFFFULL, y = 0xFFFFFFFFFFFFFFFDULL;
  printf("%llu\n", (unsigned long long)(x * y));
  uint64_t s = 0x123456789ABCDEFULL;
  for (int i = 0; i < 5; i++) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; printf("%016llx\n", (unsigned long long)s); }
  int32_t m = 46341;
  printf("%u\n", (uint32_t)m * (uint32_t)m);
  int64_t big = 3037000499LL;
  printf("%lld\n", (long long)(big * big));
  uint64_t q = 18446744073709551557ULL;
  printf("%llu %llu\n", (unsigned long long)(q / 12345), (unsigned long long)(q % 12345));
  int64_t n = -9223372036854775807LL;
  printf("%lld %lld\n", (long long)(n / 10), (long long)(n % 10));
  printf("%lld\n", (long long)(-5 >> 1));
  return 0;
}
