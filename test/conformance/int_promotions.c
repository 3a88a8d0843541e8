#include <stdio.h>
int main(void) {
  unsigned char a = 200, b = 100;
  int s = a + b;
  printf("%d\n", s);
  unsigned char c = a + b;
  printf("%d\n", c);
  short x = 30000, y = 30000;
  int z = x + y;
  printf("%d\n", z);
  printf("%d\n", (int)sizeof(a + b));
  printf("%d\n", -1 < 0u);
  printf("%d\n", (unsigned char)-1 > 0);
  unsigned int u = 1; int i = -2;
  printf("%u\n", u + i);
  long l = -1; unsigned int v = 1;
  printf("%d\n", l < v);
  printf("%d\n", (int)sizeof('a'));
  char ch = 'A';
  printf("%d\n", (int)sizeof(ch + 0));
  return 0;
}
