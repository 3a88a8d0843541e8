#include <stdio.h>
#include <stdint.h>
int main(void) {
  double vals[] = {0.5, -0.5, 1.9999, -1.9999, 123456789.987, 2147483647.0, -2147483648.0};
  for (int i = 0; i < 7; i++) printf("%d ", (int)vals[i]);
  printf("\n");
  printf("%u\n", (unsigned)3000000000.0);
  printf("%llu\n", (unsigned long long)1.8e19);
  printf("%lld\n", (long long)-9.2e18);
  float f = 16777217;
  printf("%.1f\n", f);
  double dd = 0.1f;
  printf("%.17g\n", dd);
  int i = 1 << 30;
  float g = i + 1;
  printf("%.1f\n", g);
  printf("%g\n", (float)1 / 3 * 3);
  uint8_t b = 255.9;
  printf("%d\n", b);
  short s = -1.5;
  printf("%d\n", s);
  printf("%d\n", (int)(0.1 + 0.2 == 0.3f));
  return 0;
}
