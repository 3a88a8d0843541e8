#include <stdio.h>
int main(void) {
  const char *s = "mallocscope";
  printf("[%s] [%15s] [%-15s] [%.6s] [%10.3s]\n", s, s, s, s, s);
  printf("[%*s] [%.*s]\n", 8, "ab", 3, "abcdef");
  char buf[64];
  int n = sprintf(buf, "%s-%04d-%c", "id", 7, 'x');
  printf("%s %d\n", buf, n);
  n = snprintf(buf, 6, "%s", "truncated");
  printf("%s %d\n", buf, n);
  n = snprintf(NULL, 0, "%d%d", 123, 4567);
  printf("%d\n", n);
  int x = 5;
  int *p = &x;
  char pbuf[32];
  sprintf(pbuf, "%p", (void *)p);
  printf("%d\n", pbuf[0] == '0' && pbuf[1] == 'x');
  puts("puts adds a newline");
  fputs("fputs does not\n", stdout);
  putchar('!');
  putchar('\n');
  fprintf(stdout, "%s\n", "fprintf to stdout");
  return 0;
}
