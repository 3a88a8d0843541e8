#include <stdio.h>
#define N 4
static void matmul(double a[N][N], double b[N][N], double c[N][N]) {
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) { double s = 0; for (int k = 0; k < N; k++) s += a[i][k] * b[k][j]; c[i][j] = s; }
}
int main(void) {
  double a[N][N], id[N][N] = {{0}}, c[N][N];
  for (int i = 0; i < N; i++) { id[i][i] = 1; for (int j = 0; j < N; j++) a[i][j] = i * N + j + 0.5; }
  matmul(a, id, c);
  int same = 1;
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) same &= c[i][j] == a[i][j];
  printf("%d\n", same);
  matmul(a, a, c);
  for (int i = 0; i < N; i++) printf("%.2f ", c[i][i]);
  printf("\n");
  double trace = 0;
  for (int i = 0; i < N; i++) trace += c[i][i];
  printf("%.3e\n", trace);
  return 0;
}
