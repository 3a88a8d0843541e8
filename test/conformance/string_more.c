#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>
int main(void) {
  char a[32] = "abc";
  char *r = strcat(strcpy(a, "x"), "yz");
  printf("%s %d\n", r, r == a);
  printf("%d %d\n", strcasecmp("HeLLo", "hello"), strncasecmp("ABCd", "abcz", 3));
  char *d = strndup("truncate", 5);
  printf("%s %zu\n", d, strlen(d));
  free(d);
  char src[] = "key=value;other=thing";
  char *save, *tok = strtok_r(src, ";", &save);
  while (tok) { char *eq = strchr(tok, '='); printf("[%.*s|%s]", (int)(eq - tok), tok, eq + 1); tok = strtok_r(NULL, ";", &save); }
  printf("\n");
  printf("%d\n", strcmp("", "") == 0);
  printf("%zu\n", strlen(""));
  char buf[8];
  memset(buf, 0, sizeof buf);
  strncpy(buf, "abcdefghij", sizeof buf - 1);
  printf("%s\n", buf);
  printf("%d\n", memcmp("\x80", "\x01", 1) > 0);
  printf("%d\n", strcmp("\x80", "\x01") > 0);
  printf("%s\n", strstr("aaab", "ab"));
  printf("%s|\n", strstr("abc", ""));
  return 0;
}
