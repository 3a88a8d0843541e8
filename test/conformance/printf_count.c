#include <stdio.h>
int main(void) {
  int a = printf("%5d|%-3s|%c\n", 42, "x", 'y');
  int b = printf("%.3f\n", 2.0 / 3);
  int c = printf("%s", "");
  char buf[4];
  int d = snprintf(buf, sizeof buf, "%d", 123456);
  printf("%d %d %d %d [%s]\n", a, b, c, d, buf);
  return 0;
}
