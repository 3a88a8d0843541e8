#include <stdio.h>
enum color { RED, GREEN = 5, BLUE, LAST = BLUE + 10 };
typedef enum { OFF, ON } toggle;
typedef unsigned long ulong_t;
typedef int (*binop)(int, int);
typedef int vec3[3];
static int add(int a, int b) { return a + b; }
int main(void) {
  printf("%d %d %d %d\n", RED, GREEN, BLUE, LAST);
  enum color c = BLUE;
  printf("%d\n", c == 6);
  toggle t = ON;
  printf("%d\n", t);
  ulong_t big = 123456789012UL;
  printf("%lu\n", big);
  binop f = add;
  printf("%d\n", f(2, 3));
  vec3 v = {1, 2, 3};
  printf("%d\n", v[0] + v[1] + v[2]);
  printf("%d\n", (int)sizeof(enum color));
  return 0;
}
