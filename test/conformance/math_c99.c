#include <stdio.h>
#include <math.h>
/* C99 rounding and sign functions, and the float twins of the common ones. */
int main(void) {
  printf("%.1f %.1f %.1f %.1f\n", rint(2.5), nearbyint(3.5), round(-2.5), rint(-1.5));
  printf("%.6f %.6f\n", remainder(7.5, 2.0), remainder(-7.0, 2.0));
  printf("%.6f %.6f %.6f\n", copysign(3.0, -0.0), fdim(5.0, 3.0), fdim(3.0, 5.0));
  printf("%.6f %.6f\n", expm1(1e-5) * 1e5, log1p(1e-5) * 1e5);
  printf("%.4f %.4f %.4f %.4f\n", sinf(1.0f), cosf(1.0f), expf(1.0f), logf(2.0f));
  printf("%.4f %.4f %.4f\n", atan2f(1.0f, 1.0f), fmodf(7.5f, 2.0f), hypotf(3.0f, 4.0f));
  printf("%.1f %.1f\n", truncf(-2.7f), cbrtf(27.0f));
  return 0;
}
