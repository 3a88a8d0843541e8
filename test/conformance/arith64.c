#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>
int main(void) {
  long long a = 9000000000000000000LL;
  long long b = a / 7;
  printf("%lld %lld\n", b, a % 7);
  uint64_t h = 1469598103934665603ULL;
  const char *s = "hello";
  for (; *s; s++) { h ^= (unsigned char)*s; h *= 1099511628211ULL; }
  printf("%llu\n", (unsigned long long)h);
  printf("%" PRIu64 " %" PRId64 "\n", (uint64_t)UINT64_MAX, (int64_t)INT64_MIN);
  long long n = -7;
  printf("%lld %lld\n", n / 2, n % 2);
  uint64_t x = 0xDEADBEEFCAFEBABEULL;
  printf("%llx %llx\n", (unsigned long long)(x >> 32), (unsigned long long)(x & 0xFFFFFFFF));
  long l = 1L << 40;
  printf("%ld\n", l);
  printf("%d\n", (int)sizeof(long));
  unsigned long long p = 4294967296ULL * 4294967295ULL;
  printf("%llu\n", p);
  return 0;
}
