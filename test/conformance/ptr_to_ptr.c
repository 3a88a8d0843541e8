#include <stdio.h>
#include <stdlib.h>
void set(int **pp, int *target) { *pp = target; }
int main(void) {
  int a = 1, b = 2;
  int *p = &a;
  int **pp = &p;
  **pp = 10;
  set(pp, &b);
  *p = 20;
  printf("%d %d\n", a, b);
  int rows = 3, cols = 4;
  int **m = malloc(rows * sizeof *m);
  for (int i = 0; i < rows; i++) { m[i] = malloc(cols * sizeof **m); for (int j = 0; j < cols; j++) m[i][j] = i * cols + j; }
  int t = 0;
  for (int i = 0; i < rows; i++) t += m[i][cols - 1];
  printf("%d\n", t);
  for (int i = 0; i < rows; i++) free(m[i]);
  free(m);
  char *words[] = {"alpha", "beta", "gamma"};
  char **w = words;
  printf("%s %c %c\n", *(w + 1), **w, *(*(w + 2) + 1));
  int arr[2][3] = {{1, 2, 3}, {4, 5, 6}};
  int (*rp)[3] = arr;
  printf("%d %d\n", rp[1][2], *(*(rp + 1) + 0));
  void *v = &a;
  printf("%d\n", *(int *)v);
  return 0;
}
