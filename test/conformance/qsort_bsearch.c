#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
static int cmp_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
struct person { const char *name; int age; };
static int by_age(const void *a, const void *b) { return ((const struct person *)a)->age - ((const struct person *)b)->age; }
int main(void) {
  int a[] = {42, -7, 19, 0, 3, 88, -7, 5};
  int n = sizeof a / sizeof a[0];
  qsort(a, n, sizeof a[0], cmp_int);
  for (int i = 0; i < n; i++) printf("%d ", a[i]);
  printf("\n");
  int key = 19;
  int *hit = bsearch(&key, a, n, sizeof a[0], cmp_int);
  printf("%d\n", hit ? (int)(hit - a) : -1);
  key = 4;
  printf("%d\n", bsearch(&key, a, n, sizeof a[0], cmp_int) == NULL);
  qsort(a, n, sizeof a[0], cmp_desc);
  printf("%d %d\n", a[0], a[n - 1]);
  const char *words[] = {"pear", "apple", "fig", "banana"};
  qsort(words, 4, sizeof words[0], cmp_str);
  for (int i = 0; i < 4; i++) printf("%s ", words[i]);
  printf("\n");
  struct person p[] = {{"ann", 31}, {"bob", 25}, {"cy", 40}};
  qsort(p, 3, sizeof p[0], by_age);
  for (int i = 0; i < 3; i++) printf("%s ", p[i].name);
  printf("\n");
  return 0;
}
