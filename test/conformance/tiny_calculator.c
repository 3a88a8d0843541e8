#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
static const char *src;
static double expr(void);
static void skip(void) { while (isspace((unsigned char)*src)) src++; }
static double primary(void) {
  skip();
  if (*src == '(') { src++; double v = expr(); skip(); src++; return v; }
  if (*src == '-') { src++; return -primary(); }
  char *end;
  double v = strtod(src, &end);
  src = end;
  return v;
}
static double term(void) {
  double v = primary();
  for (;;) { skip(); if (*src == '*') { src++; v *= primary(); } else if (*src == '/') { src++; v /= primary(); } else return v; }
}
static double expr(void) {
  double v = term();
  for (;;) { skip(); if (*src == '+') { src++; v += term(); } else if (*src == '-') { src++; v -= term(); } else return v; }
}
int main(void) {
  const char *tests[] = {"1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 0.5", "-(2.5 * -4) + 1e1", "2 * (3 + (4 - 1) * 2) / 3"};
  for (int i = 0; i < 5; i++) { src = tests[i]; printf("%s = %g\n", tests[i], expr()); }
  return 0;
}
