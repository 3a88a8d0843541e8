#include <stdio.h>
#include <stdint.h>
union word { uint32_t u; uint8_t b[4]; float f; };
int main(void) {
  union word w;
  w.u = 0x11223344;
  printf("%x %x %x %x\n", w.b[0], w.b[1], w.b[2], w.b[3]);
  w.f = 1.0f;
  printf("%08x\n", w.u);
  printf("%d\n", (int)sizeof(union word));
  union { double d; uint64_t bits; } v = { .d = -2.5 };
  printf("%016llx\n", (unsigned long long)v.bits);
  struct tagged { int kind; union { int i; double d; } as; } t[2] = {{0, {.i = 5}}, {1, {.d = 0.25}}};
  for (int i = 0; i < 2; i++) {
    if (t[i].kind == 0) printf("int %d\n", t[i].as.i); else printf("double %g\n", t[i].as.d);
  }
  return 0;
}
