#include <stdio.h>
#include <math.h>
int main(void) {
  printf("%.6f %.6f %.6f\n", sqrt(2.0), pow(2.0, 10.0), pow(9.0, 0.5));
  printf("%.6f %.6f %.6f\n", sin(0.5), cos(0.5), tan(0.5));
  printf("%.6f %.6f %.6f\n", exp(1.0), log(10.0), log10(1000.0));
  printf("%.1f %.1f %.1f %.1f\n", floor(-2.5), ceil(-2.5), round(2.5), trunc(-2.7));
  printf("%.1f %.1f\n", fabs(-3.5), fmod(10.0, 3.0));
  printf("%.6f %.6f\n", atan2(1.0, 1.0), atan(1.0) * 4);
  printf("%.6f\n", hypot(3.0, 4.0));
  printf("%d %d\n", isnan(NAN) != 0, isinf(INFINITY) != 0);
  printf("%f %f\n", INFINITY, -INFINITY);
  printf("%.6f %.6f\n", asin(1.0), acos(0.0));
  printf("%.4f\n", fmin(2.0, 3.0) + fmax(2.0, 3.0));
  double ip;
  double frac = modf(3.75, &ip);
  printf("%.2f %.2f\n", ip, frac);
  printf("%.6f\n", cbrt(27.0));
  return 0;
}
