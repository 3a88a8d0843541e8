#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  char *p = malloc(100);
  strcpy(p, "contents survive realloc");
  p = realloc(p, 10000);
  printf("%s\n", p);
  p = realloc(p, 30);
  p[24] = 0;
  printf("%s\n", p);
  free(p);
  void *z = malloc(0);
  printf("%d\n", z != NULL);
  free(z);
  int *c = calloc(1000, sizeof *c);
  long s = 0;
  for (int i = 0; i < 1000; i++) s += c[i];
  printf("%ld\n", s);
  free(c);
  void *blocks[64];
  for (int i = 0; i < 64; i++) { blocks[i] = malloc((size_t)(i * 37 % 500) + 1); memset(blocks[i], i, (size_t)(i * 37 % 500) + 1); }
  int ok = 1;
  for (int i = 0; i < 64; i += 2) free(blocks[i]);
  for (int i = 1; i < 64; i += 2) ok &= ((unsigned char *)blocks[i])[(i * 37 % 500)] == (unsigned char)i;
  for (int i = 1; i < 64; i += 2) free(blocks[i]);
  printf("%d\n", ok);
  char *big = malloc(1 << 20);
  big[(1 << 20) - 1] = 'e';
  printf("%c\n", big[(1 << 20) - 1]);
  free(big);
  return 0;
}
