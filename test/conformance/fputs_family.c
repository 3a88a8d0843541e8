#include <stdio.h>
int main(void) {
  fputc('a', stdout);
  putc('b', stdout);
  putchar('c');
  fputs("\n", stdout);
  fwrite("written\n", 1, 8, stdout);
  size_t n = fwrite("abcdef", 2, 3, stdout);
  printf("\n%zu\n", n);
  fprintf(stderr, "stderr is not compared\n");
  printf("%s", "");
  printf("%d%s\n", 1, "");
  return 0;
}
