#include <stdio.h>
/* %x accepts a number that starts with a letter digit; %i reads 0x-prefixed hex. */
int main(void) {
  unsigned x = 0; int i = 0;
  int n = sscanf("ff", "%x", &x); printf("%d %u\n", n, x);
  n = sscanf("1f", "%x", &x); printf("%d %u\n", n, x);
  n = sscanf("0xAb", "%x", &x); printf("%d %u\n", n, x);
  n = sscanf("-a", "%x", &x); printf("%d %u\n", n, x);
  n = sscanf("0x1F", "%i", &i); printf("%d %d\n", n, i);
  n = sscanf("zz", "%x", &x); printf("%d\n", n);
  return 0;
}
