#include <stdio.h>
#include <string.h>
int main(void) {
  const char *s = "caf\xc3\xa9 \xe2\x82\xac";
  printf("%zu\n", strlen(s));
  int chars = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) chars += (*p & 0xC0) != 0x80;
  printf("%d\n", chars);
  printf("%s\n", s);
  printf("%d\n", s[3]);
  printf("%d\n", (unsigned char)s[3]);
  return 0;
}
