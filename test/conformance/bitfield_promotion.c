#include <stdio.h>
struct d { unsigned u31 : 31; unsigned u32 : 32; unsigned short s; };
int main(void) {
  struct d x = { 1, 1, 1 };
  printf("%d %d\n", x.u31 - 2 < 0, (int)(x.u31 - 2));
  printf("%d\n", x.u32 - 2 > 0);
  printf("%d %d\n", x.s - 2 < 0, x.u31 < -1);
  return 0;
}
