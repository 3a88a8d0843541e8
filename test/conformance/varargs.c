#include <stdio.h>
#include <stdarg.h>
int sum(int count, ...) {
  va_list ap;
  va_start(ap, count);
  int s = 0;
  for (int i = 0; i < count; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}
double avg(int count, ...) {
  va_list ap;
  va_start(ap, count);
  double s = 0;
  for (int i = 0; i < count; i++) s += va_arg(ap, double);
  va_end(ap);
  return s / count;
}
void logf_(const char *fmt, ...) {
  char buf[128];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  printf("[log] %s\n", buf);
}
long mixed(int n, ...) {
  va_list ap, copy;
  va_start(ap, n);
  va_copy(copy, ap);
  long first = va_arg(ap, long);
  const char *s = va_arg(ap, const char *);
  int c = va_arg(ap, int);
  long again = va_arg(copy, long);
  va_end(copy);
  va_end(ap);
  printf("%ld %s %c %ld\n", first, s, c, again);
  return first + n;
}
int main(void) {
  printf("%d\n", sum(4, 1, 2, 3, 4));
  printf("%.2f\n", avg(3, 1.0, 2.5, 4.0));
  logf_("%s=%d (%x)", "answer", 42, 255);
  printf("%ld\n", mixed(1, 1234567890123L, "str", 'z'));
  return 0;
}
