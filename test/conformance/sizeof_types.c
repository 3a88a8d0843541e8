#include <stdio.h>
#include <stdint.h>
#include <stddef.h>
int main(void) {
  printf("%zu %zu %zu %zu %zu\n", sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long));
  printf("%zu %zu %zu\n", sizeof(float), sizeof(double), sizeof(void *));
  printf("%zu %zu %zu\n", sizeof(size_t), sizeof(ptrdiff_t), sizeof(intptr_t));
  int a[17];
  printf("%zu %zu\n", sizeof a, sizeof a / sizeof *a);
  printf("%zu\n", sizeof "hello");
  struct s1 { char c; int i; };
  struct s2 { char c; double d; char e; };
  struct s3 { char a, b, c; };
  printf("%zu %zu %zu\n", sizeof(struct s1), sizeof(struct s2), sizeof(struct s3));
  printf("%zu\n", _Alignof(double));
  printf("%d %d\n", INT8_MIN, INT16_MAX);
  printf("%u\n", UINT32_MAX);
  return 0;
}
