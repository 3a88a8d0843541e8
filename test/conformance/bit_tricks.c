#include <stdio.h>
#include <stdint.h>
static int popcount(uint32_t v) { int n = 0; while (v) { v &= v - 1; n++; } return n; }
static uint32_t rotl(uint32_t v, int k) { return (v << k) | (v >> (32 - k)); }
static uint32_t reverse_bits(uint32_t v) { uint32_t r = 0; for (int i = 0; i < 32; i++) { r = (r << 1) | (v & 1); v >>= 1; } return r; }
static int is_pow2(unsigned v) { return v && !(v & (v - 1)); }
int main(void) {
  printf("%d %d %d\n", popcount(0), popcount(0xFF), popcount(0xDEADBEEF));
  printf("%08x\n", rotl(0x80000001u, 4));
  printf("%08x\n", reverse_bits(1));
  for (unsigned i = 0; i < 10; i++) printf("%d", is_pow2(i));
  printf("\n");
  uint32_t x = 0x12345678;
  uint32_t swapped = ((x & 0xFF) << 24) | ((x & 0xFF00) << 8) | ((x >> 8) & 0xFF00) | (x >> 24);
  printf("%08x\n", swapped);
  int v = -12;
  printf("%d\n", v & -v);
  uint64_t mask = ~0ULL >> 3;
  printf("%016llx\n", (unsigned long long)mask);
  unsigned crc = 0xFFFFFFFFu;
  const char *s = "123456789";
  while (*s) { crc ^= (unsigned char)*s++; for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1)); }
  printf("%08x\n", ~crc);
  return 0;
}
