#include <stdio.h>
int main(void) {
  printf("[%#x] [%#o] [%#X]\n", 0, 0, 0xab);
  printf("[%+.2e] [% .3f] [%-+8.2f|]\n", 12345.6789, 2.0, -1.5);
  printf("[%08.3f] [%-08d|] [%+08d]\n", -3.14159, 42, 42);
  printf("[%.0s] [%.10s] [%3s]\n", "gone", "short", "longer");
  printf("[%lx] [%llX] [%lo]\n", 0xFFFFFFFFFFUL, 0xABCDEF0123ULL, 511UL);
  printf("[%5.2s|] [%-5.2s|]\n", "abc", "abc");
  printf("[%zu] [%zd] [%td]\n", (size_t)18446744073709551615ULL, (long)-1, (long)-2);
  printf("[%g] [%g] [%g] [%g]\n", 0.0, 123456.0, 1234567.0, 0.000012345);
  printf("[%.10g] [%.1g] [%#.3g]\n", 1.0 / 7, 0.96, 100.0);
  printf("[%e] [%.3e]\n", 0.0, -9.9995e-5);
  printf("[%x] [%o]\n", -1, -1);
  printf("[%c]\n", 256 + 'A');
  return 0;
}
