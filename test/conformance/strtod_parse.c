#include <stdio.h>
#include <stdlib.h>
int main(void) {
  const char *in[] = {"0.1", "1e-5", "  -42.5abc", "3.", ".5", "1E3", "123456789.123456789", "0x1p4", "inf", "-nan", "9e999", "junk"};
  for (int i = 0; i < 12; i++) {
    char *end;
    double d = strtod(in[i], &end);
    if (d != d) printf("[%s] nan rest=\"%s\"\n", in[i], end);
    else printf("[%s] %.17g rest=\"%s\"\n", in[i], d, end);
  }
  printf("%.6f\n", atof("2.5e-3"));
  float f = strtof("3.14159", NULL);
  printf("%.7f\n", f);
  return 0;
}
