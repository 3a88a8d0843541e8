#include <stdio.h>
#include <limits.h>
#include <stdint.h>
int main(void) {
  printf("%d %d\n", INT_MIN, INT_MAX);
  printf("%ld %ld\n", LONG_MIN, LONG_MAX);
  printf("%lld %llu\n", LLONG_MIN, ULLONG_MAX);
  printf("%d %d %d\n", SCHAR_MIN, SCHAR_MAX, UCHAR_MAX);
  printf("%d %d %d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
  printf("%d %d %d\n", CHAR_BIT, CHAR_MIN, CHAR_MAX);
  printf("%x %lx\n", INT_MIN, (unsigned long)LONG_MIN);
  printf("%hhx %hx\n", (signed char)-1, (short)-1);
  printf("%lld\n", (long long)INT32_MIN * 2);
  printf("%d\n", INT_MAX + 1u > 0);
  return 0;
}
