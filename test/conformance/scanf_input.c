#include <stdio.h>
int main(void) {
  int a, b;
  char word[32];
  double d;
  int n = scanf("%d %d %31s %lf", &a, &b, word, &d);
  printf("%d: %d %s %.2f\n", n, a + b, word, d);
  int c, count = 0;
  while ((c = getchar()) != EOF) if (c == 'x') count++;
  printf("%d\n", count);
  return 0;
}
