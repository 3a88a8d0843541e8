#include <stdio.h>
int main(void) {
  int i = -1;
  printf("%u\n", (unsigned)i);
  printf("%d\n", (signed char)200);
  printf("%d\n", (short)70000);
  printf("%d\n", (unsigned char)300);
  long long ll = (int)-5;
  printf("%lld\n", ll);
  unsigned long long ul = (unsigned int)-5;
  printf("%llu\n", ul);
  signed char sc = -3;
  unsigned int widened = sc;
  printf("%u\n", widened);
  printf("%d\n", (int)3.99);
  printf("%d\n", (int)-3.99);
  printf("%f\n", (double)7 / 2);
  printf("%d\n", (int)(long long)0x100000001LL);
  double d = 1e10;
  printf("%lld\n", (long long)d);
  float f = 1.1f;
  printf("%.10f\n", (double)f);
  return 0;
}
