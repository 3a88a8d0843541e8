#include <stdio.h>
int main(void) {
  int i = 0;
top:
  if (i < 3) { printf("%d ", i); i++; goto top; }
  printf("\n");
  for (int a = 0; a < 5; a++)
    for (int b = 0; b < 5; b++)
      if (a * b == 6) { printf("found %d %d\n", a, b); goto done; }
done:;
  int n = 0;
  do { n++; } while (n < 0);
  printf("%d\n", n);
  int k = 10;
  do printf("%d ", k--); while (k > 7);
  printf("\n");
  int s = 0;
  for (int j = 0; j < 10; j++) { if (j % 2) continue; if (j > 6) break; s += j; }
  printf("%d\n", s);
  int w = 0;
  while (1) { if (++w == 4) break; }
  printf("%d\n", w);
  return 0;
}
