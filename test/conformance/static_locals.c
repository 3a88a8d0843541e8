#include <stdio.h>
int counter(void) { static int n; return ++n; }
const char *label(int i) { static char buf[16]; sprintf(buf, "item-%d", i); return buf; }
static int file_scope = 100;
int bump(void) { static int calls = 10; file_scope++; return calls++; }
int main(void) {
  counter(); counter();
  printf("%d\n", counter());
  const char *a = label(1);
  const char *b = label(2);
  printf("%s %s %d\n", a, b, a == b);
  for (int i = 0; i < 3; i++) bump();
  int last = bump();
  printf("%d %d\n", last, file_scope);
  return 0;
}
