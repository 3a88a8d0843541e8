#include <stdio.h>
#include <string.h>
static void merge_sort(int *a, int *tmp, int n) {
  if (n < 2) return;
  int mid = n / 2;
  merge_sort(a, tmp, mid);
  merge_sort(a + mid, tmp, n - mid);
  int i = 0, j = mid, k = 0;
  while (i < mid && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
  while (i < mid) tmp[k++] = a[i++];
  while (j < n) tmp[k++] = a[j++];
  memcpy(a, tmp, n * sizeof *a);
}
static void insertion(int *a, int n) {
  for (int i = 1; i < n; i++) { int v = a[i], j = i - 1; while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; } a[j + 1] = v; }
}
int main(void) {
  int a[50], b[50], tmp[50];
  unsigned seed = 12345;
  for (int i = 0; i < 50; i++) { seed = seed * 1103515245u + 12345u; a[i] = b[i] = (int)(seed >> 16) % 1000; }
  merge_sort(a, tmp, 50);
  insertion(b, 50);
  printf("%d\n", memcmp(a, b, sizeof a) == 0);
  for (int i = 0; i < 50; i += 7) printf("%d ", a[i]);
  printf("\n");
  return 0;
}
