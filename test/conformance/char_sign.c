#include <stdio.h>
int main(void) {
  char c = (char)0xF0;
  printf("%d\n", c);
  printf("%d\n", c < 0);
  char s[] = "\xff\x7f";
  printf("%d %d\n", s[0], s[1]);
  int count = 0;
  for (char x = 120; x > 0; x++) count++;
  printf("%d\n", count);
  unsigned char u = c;
  printf("%d\n", u);
  printf("%d\n", (int)(char)200);
  return 0;
}
