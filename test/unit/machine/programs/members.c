#include <stdio.h>
struct s { int count; unsigned flag : 3; };
int main(void) {
  struct s arr[3] = { { 1, 1 }, { 2, 2 }, { 3, 3 } };
  int i = 0;
  arr[i++].count += 10;
  arr[i++].count++;
  arr[2].flag += 6;
  struct s *p = arr;
  p->count *= 3;
  (p + 1)->count--;
  printf("%d %d %d %d %d\n", arr[0].count, arr[1].count, arr[2].count, arr[2].flag, i);
  return 0;
}
