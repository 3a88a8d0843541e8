#include <stdio.h>
int main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) printf("[%s]", argv[i]);
  printf(" %d\n", argv[argc] == NULL);
  char *lit = "const";
  void (*fp)(void) = NULL;
  if (argc > 2) fp();
  lit[0] = 'C';
  return 0;
}
