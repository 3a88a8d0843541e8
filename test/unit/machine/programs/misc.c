#include <stdio.h>
#include <string.h>
struct flags { unsigned a : 3; signed b : 4; unsigned c : 1; };
union u { int i; unsigned char b[4]; float f; };
struct pair { int a; long b; };
static int counter(void) { static int n = 10; return ++n; }
long sumpair(struct pair p) { return p.a + p.b; }
const char *names[] = { "zero", "one", "two" };
int table[4] = { 1, 2 };
int *gp = &table[1];
enum color { RED, GREEN = 5, BLUE };
int classify(int v) {
  switch (v) {
    case 0: return 100;
    case 1: case 2: return 200;
    case -1: return -100;
    default: break;
  }
  return 0;
}
int main(void) {
  struct flags fl = { 5, -3, 1 };
  fl.a += 4;
  printf("%u %d %u %zu\n", fl.a, fl.b, fl.c, sizeof fl);
  union u x; x.i = 0x01020304; printf("%d %d\n", x.b[0], x.b[3]);
  x.f = 1.0f; printf("%x\n", x.i);
  counter(); printf("%d\n", counter());
  struct pair pp = { 3, 4000000000L }; printf("%ld\n", sumpair(pp));
  printf("%s %s %d %d %d\n", names[2], names[0], table[1], table[3], *gp);
  printf("%d %d %d\n", RED, GREEN, BLUE);
  printf("%d %d %d %d\n", classify(0), classify(2), classify(-1), classify(9));
  int n = 5; int vla[n]; for (int i = 0; i < n; i++) vla[i] = i * 3; printf("%d %zu\n", vla[4], sizeof vla);
  char s[] = "abc"; s[0] = 'X'; printf("%s %zu\n", s, sizeof s);
  int *cl = (int[]){ 7, 8, 9 }; printf("%d\n", cl[2]);
  int k = 0; do { k += 2; } while (k < 7); printf("%d\n", k);
  int g = 0;
again:
  g++;
  if (g < 3) goto again;
  printf("%d\n", g);
  double arr[3] = { 1.5, 2.5 }; double *dp = arr; printf("%.1f %.1f\n", dp[1], arr[2]);
  int m[3][4]; for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) m[i][j] = i * 10 + j;
  int (*row)[4] = m; printf("%d %d\n", row[2][3], *(*(m + 1) + 2));
  unsigned short us = 65535; us += 1; printf("%d\n", us);
  printf("%d\n", 3 > 2 ? 10 : 20);
  long neg = -5; printf("%ld %lu\n", neg / 2, (unsigned long)neg);
  printf("%d\n", (int)strlen(names[1]));
  int i2 = 0, j2 = 0; i2 = (j2 = 3, j2 + 1); printf("%d %d\n", i2, j2);
  return 0;
}
