#include <stdio.h>
#include <assert.h>
int main(void) {
  int x = 3;
  assert(x == 3);
  printf("first assertion held\n");
  fflush(stdout);
  assert(x == 4);
  printf("not reached\n");
  return 0;
}
