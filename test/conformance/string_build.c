#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char *join(const char **parts, int n, const char *sep) {
  size_t len = 1;
  for (int i = 0; i < n; i++) len += strlen(parts[i]) + (i ? strlen(sep) : 0);
  char *out = malloc(len), *p = out;
  for (int i = 0; i < n; i++) { if (i) p += sprintf(p, "%s", sep); p += sprintf(p, "%s", parts[i]); }
  return out;
}
static char *itoa_base(long v, int base, char *buf) {
  char tmp[70]; int i = 0, neg = v < 0; unsigned long u = neg ? 0UL - (unsigned long)v : (unsigned long)v;
  do { tmp[i++] = "0123456789abcdefghijklmnopqrstuvwxyz"[u % base]; u /= base; } while (u);
  char *p = buf; if (neg) *p++ = '-'; while (i) *p++ = tmp[--i]; *p = 0;
  return buf;
}
int main(void) {
  const char *parts[] = {"usr", "local", "bin"};
  char *path = join(parts, 3, "/");
  printf("%s %zu\n", path, strlen(path));
  free(path);
  char buf[80];
  printf("%s %s %s %s\n", itoa_base(255, 2, buf), "", "", "");
  printf("%s\n", itoa_base(-255, 16, buf));
  printf("%s\n", itoa_base(1L << 62, 36, buf));
  char csv[64] = "";
  for (int i = 0; i < 5; i++) { char cell[8]; snprintf(cell, sizeof cell, i ? ",%d" : "%d", i * i); strcat(csv, cell); }
  printf("%s\n", csv);
  return 0;
}
