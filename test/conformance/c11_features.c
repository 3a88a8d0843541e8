#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <ctype.h>
#include <assert.h>
static int last_of_four(int a[static 4]) { return a[3]; }
static void copy_ints(int *restrict dst, const int *restrict src, int n) { for (int i = 0; i < n; i++) dst[i] = src[i] * 2; }
_Noreturn static void finish(int code) { printf("finishing with %d\n", code); exit(code); }
int main(void) {
  _Alignas(16) char aligned[4] = "abc";
  printf("%s %d\n", aligned, (int)_Alignof(max_align_t) >= 8);
  static_assert(sizeof(int64_t) == 8, "int64_t is 8 bytes");
  printf("%d\n", last_of_four((int[4]){1, 2, 3, 4}));
  int src[3] = {1, 2, 3}, dst[3];
  copy_ints(dst, src, 3);
  printf("%d %d %d\n", dst[0], dst[1], dst[2]);
  char s[] = "a b  c";
  char *sp = s, *tok;
  while ((tok = strsep(&sp, " ")) != NULL) printf("<%s>", tok);
  printf("\n");
  printf("%d %d\n", isblank(' ') != 0, isblank('\n') != 0);
  printf("%jd %zx\n", (intmax_t)-5, (size_t)255);
  finish(EXIT_FAILURE);
}
