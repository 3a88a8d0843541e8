#include <stdio.h>
static long depth_sum(int n) { volatile char pad[64]; pad[0] = (char)n; return n == 0 ? 0 : n + depth_sum(n - 1) + (pad[0] - (char)n); }
int main(void) {
  printf("%ld\n", depth_sum(20000));
  return 0;
}
