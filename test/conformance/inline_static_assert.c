#include <stdio.h>
static inline int twice(int x) { return 2 * x; }
int main(void) {
  printf("%d\n", twice(21));
  _Static_assert(sizeof(int) == 4, "int is 32 bits");
  const volatile int cv = 5;
  printf("%d\n", cv);
  return 0;
}
