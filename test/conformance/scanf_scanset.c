#include <stdio.h>
int main(void) {
  char word[32], rest[32];
  int n = sscanf("hello-world 42", "%[a-z]-%s", word, rest);
  printf("%d %s %s\n", n, word, rest);
  n = sscanf("key: value here", "%[^:]: %[^\n]", word, rest);
  printf("%d [%s] [%s]\n", n, word, rest);
  int a, b, consumed;
  n = sscanf("0x1A 017 tail", "%i %i%n", &a, &b, &consumed);
  printf("%d %d %d %d\n", n, a, b, consumed);
  int x = 0;
  n = sscanf("12abc", "%d%*s", &x);
  printf("%d %d\n", n, x);
  n = sscanf("", "%d", &x);
  printf("%d\n", n);
  return 0;
}
