#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  div_t d = div(17, 5); printf("%d %d\n", d.quot, d.rem);
  ldiv_t l = ldiv(-17L, 5L); printf("%ld %ld\n", l.quot, l.rem);
  char *line = NULL; size_t cap = 0; long n;
  while ((n = getline(&line, &cap, stdin)) > 0) printf("%ld:%s", n, line);
  free(line);
  setenv("FOO", "bar", 1); printf("%s %s\n", getenv("FOO"), getenv("HOME") ? "home" : "nohome");
  char buf[] = "x;y"; char *save; printf("%s\n", strtok_r(buf, ";", &save));
  return 0;
}
