#include <stdio.h>
int main(void) {
  int y, m, d;
  int n = sscanf("2024-03-15", "%d-%d-%d", &y, &m, &d);
  printf("%d %d %d %d\n", n, y, m, d);
  unsigned x;
  sscanf("1f", "%x", &x);
  printf("%u\n", x);
  char name[16]; int age;
  n = sscanf("alice 30 extra", "%15s %d", name, &age);
  printf("%d %s %d\n", n, name, age);
  double f;
  sscanf("  -1.25e1", "%lf", &f);
  printf("%g\n", f);
  n = sscanf("abc", "%d", &y);
  printf("%d\n", n);
  char c1, c2;
  sscanf("xy", "%c%c", &c1, &c2);
  printf("%c%c\n", c2, c1);
  long l;
  sscanf("123456789012", "%ld", &l);
  printf("%ld\n", l);
  return 0;
}
