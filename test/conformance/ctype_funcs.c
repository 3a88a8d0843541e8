#include <stdio.h>
#include <ctype.h>
int main(void) {
  const char *s = "Hello, World! 123\t_x";
  int alpha = 0, digit = 0, space = 0, punct = 0, upper = 0, lower = 0, alnum = 0;
  for (const char *p = s; *p; p++) {
    alpha += isalpha((unsigned char)*p) != 0;
    digit += isdigit((unsigned char)*p) != 0;
    space += isspace((unsigned char)*p) != 0;
    punct += ispunct((unsigned char)*p) != 0;
    upper += isupper((unsigned char)*p) != 0;
    lower += islower((unsigned char)*p) != 0;
    alnum += isalnum((unsigned char)*p) != 0;
  }
  printf("%d %d %d %d %d %d %d\n", alpha, digit, space, punct, upper, lower, alnum);
  for (const char *p = s; *p; p++) putchar(toupper((unsigned char)*p));
  putchar('\n');
  for (const char *p = s; *p; p++) putchar(tolower((unsigned char)*p));
  putchar('\n');
  printf("%d %d %d\n", isxdigit('f') != 0, isxdigit('g') != 0, isprint('\n') != 0);
  printf("%d %d\n", iscntrl('\n') != 0, isgraph(' ') != 0);
  printf("%c %c\n", toupper('1'), tolower('Q'));
  return 0;
}
