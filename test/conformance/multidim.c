#include <stdio.h>
int grid[3][4];
int sum(int m[][4], int rows) {
  int s = 0;
  for (int i = 0; i < rows; i++) for (int j = 0; j < 4; j++) s += m[i][j];
  return s;
}
int main(void) {
  for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) grid[i][j] = i * 10 + j;
  printf("%d\n", sum(grid, 3));
  printf("%d\n", (int)sizeof(grid));
  printf("%d\n", (int)sizeof(grid[0]));
  int *flat = &grid[0][0];
  printf("%d\n", flat[5]);
  int (*row)[4] = grid + 2;
  printf("%d\n", (*row)[3]);
  int cube[2][2][2] = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
  printf("%d %d\n", cube[1][0][1], cube[0][1][1]);
  char names[3][6] = {"ann", "bob", "carol"};
  for (int i = 0; i < 3; i++) printf("%s ", names[i]);
  printf("\n");
  return 0;
}
