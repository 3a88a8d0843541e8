#include <stdio.h>
#include <stdlib.h>
static void first(void) { printf("registered first, runs last\n"); }
static void second(void) { printf("registered second, runs first\n"); }
int main(void) {
  atexit(first);
  atexit(second);
  ldiv_t q = ldiv(-17L, 5L);
  printf("%ld %ld\n", q.quot, q.rem);
  div_t d = div(-17, 5);
  printf("%d %d\n", d.quot, d.rem);
  printf("%lu\n", strtoul("-1", NULL, 10));
  printf("%ld\n", strtol("   +0012", NULL, 10));
  printf("%ld\n", strtol("101101", NULL, 2));
  char *end;
  long v = strtol("0x", &end, 16);
  printf("%ld [%s]\n", v, end);
  free(NULL);
  void *p = realloc(NULL, 16);
  printf("%d\n", p != NULL);
  free(p);
  return 0;
}
