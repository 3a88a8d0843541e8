#include <stdio.h>
typedef struct { int num, den; } frac;
static int gcd(int a, int b) { return b ? gcd(b, a % b) : (a < 0 ? -a : a); }
static frac mk(int n, int d) { int g = gcd(n, d); frac f = {n / g, d / g}; if (f.den < 0) { f.num = -f.num; f.den = -f.den; } return f; }
static frac add(frac a, frac b) { return mk(a.num * b.den + b.num * a.den, a.den * b.den); }
static frac mul(frac a, frac b) { return mk(a.num * b.num, a.den * b.den); }
int main(void) {
  frac sum = {0, 1};
  for (int k = 1; k <= 10; k++) sum = add(sum, mk(1, k * (k + 1)));
  printf("%d/%d\n", sum.num, sum.den);
  frac p = mul(mk(3, -4), mk(2, 9));
  printf("%d/%d\n", p.num, p.den);
  frac arr[3] = {mk(2, 4), mk(6, 8), mk(10, -20)};
  for (int i = 0; i < 3; i++) printf("%d/%d ", arr[i].num, arr[i].den);
  printf("\n");
  printf("%d\n", add(mk(1, 2), mk(1, 3)).den);
  return 0;
}
