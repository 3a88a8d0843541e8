#include <stdio.h>
int main(void) {
  char s[] = "Hello";
  for (int i = 0; s[i]; i++) s[i] = s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' + 'A' : s[i];
  printf("%s\n", s);
  char rot[] = "Uryyb";
  for (char *p = rot; *p; p++) {
    if (*p >= 'a' && *p <= 'z') *p = 'a' + (*p - 'a' + 13) % 26;
    else if (*p >= 'A' && *p <= 'Z') *p = 'A' + (*p - 'A' + 13) % 26;
  }
  printf("%s\n", rot);
  int digits = 0;
  for (const char *p = "4096"; *p; p++) digits = digits * 10 + (*p - '0');
  printf("%d\n", digits + 1);
  printf("%c%c\n", 'a' + 25, '0' + 7);
  printf("%d\n", 'z' - 'a');
  char hex[9];
  unsigned v = 0xC0FFEE;
  for (int i = 7; i >= 0; i--) { hex[i] = "0123456789abcdef"[v & 15]; v >>= 4; }
  hex[8] = 0;
  printf("%s\n", hex);
  return 0;
}
