#include <stdio.h>
int main(void) {
  double a = 0.1, b = 0.2;
  printf("%.17g\n", a + b);
  printf("%d\n", a + b == 0.3);
  float f = 16777216.0f;
  f += 1.0f;
  printf("%.1f\n", f);
  printf("%g\n", 1.0 / 3.0);
  int i = 7;
  printf("%g %d\n", i / 2.0, i / 2);
  double z = 0.0;
  printf("%f %f\n", 1.0 / z, -1.0 / z);
  printf("%d\n", (0.0 / z) != (0.0 / z));
  float g = 1.0f / 3.0f;
  printf("%.10f\n", g);
  printf("%d\n", (int)sizeof(1.0f * 2));
  printf("%d\n", (int)sizeof(1.0f * 2.0));
  long long big = 9007199254740993LL;
  printf("%.0f\n", (double)big);
  return 0;
}
