#include <stdio.h>
#include <string.h>
static size_t count_vowels(const char *const s) { size_t n = 0; for (const char *p = s; *p; p++) n += strchr("aeiou", *p) != NULL; return n; }
static const int primes[] = {2, 3, 5, 7, 11};
int main(void) {
  printf("%zu\n", count_vowels("conformance corpus"));
  const int *p = primes;
  p++;
  printf("%d\n", *p);
  int x = 1;
  int *const fixed = &x;
  *fixed = 5;
  printf("%d\n", x);
  volatile int spin = 0;
  for (int i = 0; i < 100; i++) spin += i;
  printf("%d\n", spin);
  const char *const names[] = {"a", "bb", "ccc"};
  printf("%zu\n", strlen(names[2]));
  return 0;
}
