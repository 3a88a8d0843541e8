#include <stdio.h>
#include <stdbool.h>
int calls;
bool noisy(bool v) { calls++; return v; }
int main(void) {
  bool b = 5;
  printf("%d %d\n", b, (int)sizeof(bool));
  _Bool h = 0.5;
  printf("%d\n", h);
  bool r = noisy(false) && noisy(true);
  printf("%d %d\n", r, calls);
  r = noisy(true) || noisy(false);
  printf("%d %d\n", r, calls);
  printf("%d %d %d\n", !5, !0, !!42);
  printf("%d %d\n", 3 & 5, 3 | 5);
  printf("%d %d\n", 3 ^ 5, ~5);
  bool t = true; t += 1;
  printf("%d\n", t);
  int *p = NULL;
  printf("%d\n", p == 0 && !p);
  return 0;
}
