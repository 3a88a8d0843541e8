#include <stdio.h>
int main(void) {
  int i = 5;
  int a = i++;
  int b = ++i;
  printf("%d %d %d\n", a, b, i);
  int arr[5] = {10, 20, 30, 40, 50};
  int *p = arr;
  int x = *p++;
  int y = *++p;
  int z = ++*p;
  int w = (*p)++;
  printf("%d %d %d %d %d\n", x, y, z, w, arr[2]);
  int k = 10;
  k += 5; k -= 3; k *= 4; k /= 6; k %= 5; k <<= 3; k >>= 1; k |= 1; k &= 0xD; k ^= 0xF;
  printf("%d\n", k);
  int n = 7;
  n *= 2.5;
  printf("%d\n", n);
  double d = 1;
  d /= 4;
  printf("%g\n", d);
  char c = 'a';
  c += 2;
  printf("%c\n", c);
  unsigned char uc = 250;
  uc += 10;
  printf("%d\n", uc);
  return 0;
}
