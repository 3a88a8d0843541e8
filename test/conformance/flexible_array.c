#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct str { size_t len; char data[]; };
struct str *make(const char *s) { size_t n = strlen(s); struct str *r = malloc(sizeof *r + n + 1); r->len = n; memcpy(r->data, s, n + 1); return r; }
int main(void) {
  struct str *s = make("flexible");
  printf("%zu %s %zu\n", s->len, s->data, sizeof(struct str));
  free(s);
  return 0;
}
