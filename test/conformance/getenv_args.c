#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  printf("%d\n", argc);
  printf("%d\n", argv[argc] == NULL);
  printf("%d\n", getenv("MALLOCSCOPE_CONFORMANCE_UNSET") == NULL);
  return 0;
}
