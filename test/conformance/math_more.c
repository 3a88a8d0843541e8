#include <stdio.h>
#include <math.h>
int main(void) {
  printf("%.6f %.6f\n", log2(1024.0), exp2(0.5));
  printf("%.6f %.6f %.6f\n", sinh(1.0), cosh(1.0), tanh(1.0));
  printf("%ld %ld\n", lround(2.5), lround(-2.5));
  printf("%.6f\n", fmod(-7.5, 2.0));
  int e;
  double m = frexp(48.0, &e);
  printf("%.4f %d\n", m, e);
  printf("%.1f\n", ldexp(0.75, 4));
  printf("%d\n", signbit(-0.0) != 0);
  printf("%.3f\n", sqrt(-1.0) != sqrt(-1.0) ? 1.0 : 0.0);
  printf("%.2f %.2f\n", floorf(2.7f), sqrtf(16.0f));
  printf("%.6f\n", M_PI);
  return 0;
}
