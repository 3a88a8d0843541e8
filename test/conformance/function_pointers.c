#include <stdio.h>
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
int apply(int (*op)(int, int), int a, int b) { return op(a, b); }
int (*pick(char c))(int, int) { return c == '+' ? add : c == '-' ? sub : mul; }
struct ops { const char *name; int (*fn)(int, int); };
int main(void) {
  int (*table[3])(int, int) = {add, sub, mul};
  for (int i = 0; i < 3; i++) printf("%d ", table[i](7, 3));
  printf("\n");
  printf("%d\n", apply(mul, 6, 7));
  printf("%d\n", pick('-')(10, 4));
  struct ops o[] = {{"add", add}, {"mul", &mul}};
  for (int i = 0; i < 2; i++) printf("%s=%d ", o[i].name, (*o[i].fn)(5, 5));
  printf("\n");
  printf("%d\n", add == table[0]);
  return 0;
}
