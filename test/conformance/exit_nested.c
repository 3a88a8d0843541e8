#include <stdio.h>
#include <stdlib.h>
static void deep(int n) { if (n == 0) { printf("leaving from depth\n"); exit(7); } deep(n - 1); }
int main(void) {
  deep(20);
  printf("not reached\n");
  return 0;
}
