#include <stdio.h>
struct inner { short a; char b[3]; };
struct outer { int id; struct inner in[2]; union { int i; char c[4]; } u; struct { int x, y; } anon_tagless; };
struct withanon { int kind; union { int i; float f; }; struct { int p, q; }; };
int main(void) {
  struct outer o = {1, {{2, "ab"}, {3, "cd"}}, {.i = 0x41424344}, {5, 6}};
  printf("%d %d %s %d %s\n", o.id, o.in[0].a, o.in[0].b, o.in[1].a, o.in[1].b);
  printf("%c\n", o.u.c[0]);
  printf("%d\n", o.anon_tagless.x + o.anon_tagless.y);
  struct outer copy = o;
  copy.in[1].b[0] = 'X';
  printf("%s %s\n", o.in[1].b, copy.in[1].b);
  struct withanon w = {.kind = 1, .i = 42, .p = 7, .q = 8};
  printf("%d %d %d %d\n", w.kind, w.i, w.p, w.q);
  printf("%zu\n", sizeof(struct outer));
  return 0;
}
