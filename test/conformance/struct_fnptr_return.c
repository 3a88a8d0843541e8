#include <stdio.h>
typedef struct { int arr[4]; long sum; } bundle;
static bundle fill(int base) { bundle b = {{base, base + 1, base + 2, base + 3}, 0}; for (int i = 0; i < 4; i++) b.sum += b.arr[i]; return b; }
static bundle twice(bundle b) { for (int i = 0; i < 4; i++) b.arr[i] *= 2; b.sum *= 2; return b; }
static bundle (*pick(int which))(int) { (void)which; return fill; }
static int total(bundle b) { return b.arr[0] + b.arr[3] + (int)b.sum; }
int main(void) {
  bundle (*maker)(int) = fill;
  bundle b = twice(maker(5));
  printf("%d %d %ld\n", b.arr[0], b.arr[3], b.sum);
  printf("%d\n", total(pick(1)(10)));
  printf("%ld\n", twice(twice(fill(1))).sum);
  bundle arr[2] = {fill(0), twice(fill(0))};
  printf("%ld %ld\n", arr[0].sum, arr[1].sum);
  return 0;
}
