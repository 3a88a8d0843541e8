#include <stdio.h>
int main(void) {
  int i = 0;
  size_t s = sizeof(i++);
  printf("%zu %d\n", s, i);
  int arr[10];
  printf("%zu %zu\n", sizeof arr[100], sizeof(&arr[0]));
  printf("%zu %zu %zu\n", sizeof(char[7]), sizeof(int[2][3]), sizeof(int *[4]));
  printf("%s\n", __func__);
  struct s { char c; long l; } x;
  printf("%zu %zu\n", sizeof x, sizeof(x.c));
  return 0;
}
