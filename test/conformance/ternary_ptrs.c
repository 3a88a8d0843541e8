#include <stdio.h>
#include <string.h>
static const char *plural(int n) { return n == 1 ? "" : "s"; }
int main(void) {
  for (int n = 0; n < 3; n++) printf("%d item%s\n", n, plural(n));
  int a = 3, b = 7;
  int *bigger = a > b ? &a : &b;
  *bigger = 0;
  printf("%d %d\n", a, b);
  const char *s = NULL;
  printf("%s\n", s ? s : "(null-guarded)");
  char buf[16];
  strcpy(buf, 1 ? "yes" : "no");
  printf("%s\n", buf);
  return 0;
}
