#include <stdio.h>
int main(void) {
  printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42, 42);
  printf("[%x] [%X] [%#x] [%#o] [%o] [%08X]\n", 255, 255, 255, 8, 8, 0xBEEF);
  printf("[%.3d] [%8.3d] [%-8.3d|] [%.0d]\n", 7, 7, 7, 0);
  printf("[%u] [%lu] [%lld] [%hd] [%hhd] [%hhu]\n", 3000000000u, 123456789012UL, -5LL, (short)-2, (char)65, (unsigned char)250);
  printf("[%i] [%+05d] [%-+6d]\n", -17, 3, 3);
  printf("[%*d] [%-*d] [%.*d]\n", 6, 1, 4, 2, 3, 9);
  printf("[%c%c%c] [%5c] [%-3c|]\n", 'a', 'b', 'c', 'z', 'q');
  printf("[100%%]\n");
  int n = printf("abc\n");
  printf("%d\n", n);
  return 0;
}
