#include <stdio.h>
#include <string.h>
int main(void) {
  char line[100];
  int lines = 0, chars = 0;
  while (fgets(line, sizeof line, stdin)) { lines++; chars += (int)strlen(line); line[strcspn(line, "\n")] = 0; printf("> %s\n", line); }
  printf("%d lines %d chars\n", lines, chars);
  return 0;
}
