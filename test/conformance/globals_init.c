#include <stdio.h>
int g = 7;
int garr[5] = {1, 2, 3};
int *gp = &garr[2];
const char *gs = "global string";
char gbuf[] = "mutable";
struct cfg { const char *name; int level; int *target; } gcfg = {"cfg", 3, &g};
static double gd = 2.5 * 4;
int zeroed[100];
int table[] = {10, 20, 30, 40};
const int table_n = sizeof table / sizeof table[0];
int main(void) {
  printf("%d %d %d\n", g, garr[4], *gp);
  printf("%s %s\n", gs, gbuf);
  gbuf[0] = 'M';
  printf("%s\n", gbuf);
  printf("%s %d %d\n", gcfg.name, gcfg.level, *gcfg.target);
  g = 99;
  printf("%d\n", *gcfg.target);
  printf("%g\n", gd);
  int s = 0;
  for (int i = 0; i < 100; i++) s += zeroed[i];
  printf("%d %d\n", s, table_n);
  return 0;
}
