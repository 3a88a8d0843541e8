#include <stdio.h>
struct pt { int x, y, z; };
struct line { struct pt a, b; const char *name; };
int main(void) {
  int a[8] = {[2] = 5, [5] = 7, 9};
  for (int i = 0; i < 8; i++) printf("%d ", a[i]);
  printf("\n");
  struct pt p = {.z = 3, .x = 1};
  printf("%d %d %d\n", p.x, p.y, p.z);
  struct line l = {.b = {.y = 4}, .a = {1, 2, 3}, .name = "diag"};
  printf("%d %d %d %d %s\n", l.a.x, l.a.z, l.b.x, l.b.y, l.name);
  struct pt ps[3] = {[1].y = 8, [2] = {9, 9, 9}};
  printf("%d %d %d\n", ps[0].x, ps[1].y, ps[2].z);
  int m[2][3] = {1, 2, 3, 4};
  printf("%d %d %d\n", m[1][0], m[1][1], m[0][2]);
  char s[8] = "hi";
  printf("%d %d\n", s[2], (int)sizeof(s));
  char t[] = {'o', 'k', '\0'};
  printf("%s %d\n", t, (int)sizeof(t));
  static int z[4];
  printf("%d\n", z[3]);
  return 0;
}
