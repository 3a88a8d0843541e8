#include <stdio.h>
int main(void) { unsigned long x = 0xffffffffffffffffUL; unsigned u = 4000000000u; long n = -5;
 switch (x) { case 0xffffffffffffffffUL: printf("max "); break; default: printf("def "); }
 switch (u) { case 4000000000u: printf("u "); break; default: printf("udef "); }
 switch (n) { case -5: printf("n\n"); break; default: printf("ndef\n"); }
 return 0; }
