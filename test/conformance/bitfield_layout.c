#include <stdio.h>
#include <string.h>
struct a { unsigned x : 3; unsigned y : 30; };
struct b { char c; unsigned v : 7; };
struct c { unsigned long long big : 40; unsigned small : 4; };
struct d { unsigned u31 : 31; unsigned u32 : 32; };
int main(void) {
  printf("%zu %zu %zu\n", sizeof(struct a), sizeof(struct b), sizeof(struct c));
  struct a s;
  memset(&s, 0, sizeof s);
  s.x = 7; s.y = 0x3FFFFFFF;
  unsigned char raw[8];
  memcpy(raw, &s, sizeof s);
  for (size_t i = 0; i < sizeof s; i++) printf("%02x", raw[i]);
  printf("\n");
  struct c c = {0};
  c.big = 0xFFFFFFFFFFULL; c.big += 2;
  printf("%llx\n", (unsigned long long)c.big);
  struct d d = {0};
  d.u32 = 1;
  printf("%d\n", d.u32 - 2 < 0);
  return 0;
}
