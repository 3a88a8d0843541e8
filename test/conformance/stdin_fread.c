#include <stdio.h>
int main(void) {
  int c = fgetc(stdin);
  ungetc(c, stdin);
  char buf[64];
  size_t n = fread(buf, 1, sizeof buf - 1, stdin);
  buf[n] = 0;
  printf("first=%c n=%zu\n[%s]\n", c, n, buf);
  printf("%d %d\n", feof(stdin) != 0, getchar() == EOF);
  return 0;
}
