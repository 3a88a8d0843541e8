#include <stdio.h>
#include <string.h>
int main(void) {
  char buf[64];
  strcpy(buf, "hello");
  strcat(buf, ", world");
  printf("%s %zu\n", buf, strlen(buf));
  printf("%d %d %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0, strcmp("x", "x"));
  printf("%d\n", strncmp("abcdef", "abcxyz", 3));
  printf("%s\n", strchr(buf, 'o'));
  printf("%s\n", strrchr(buf, 'o'));
  printf("%s\n", strstr(buf, "wor"));
  printf("%d\n", strstr(buf, "xyz") == NULL);
  char dst[10];
  memset(dst, 'z', sizeof dst);
  strncpy(dst, "ab", 5);
  printf("%d %d %c\n", dst[2], dst[4], dst[5]);
  memcpy(dst, "12345", 6);
  printf("%s\n", dst);
  char ov[] = "abcdefgh";
  memmove(ov + 2, ov, 5);
  printf("%s\n", ov);
  printf("%d\n", memcmp("abc", "abd", 3) < 0);
  printf("%zu %zu\n", strspn("aabbcc", "ab"), strcspn("hello world", " "));
  char *p = memchr("find-me", '-', 7);
  printf("%s\n", p);
  strncat(buf, "!!!!", 2);
  printf("%s\n", buf);
  char line[] = "a,b,,c";
  for (char *t = strtok(line, ","); t; t = strtok(NULL, ",")) printf("<%s>", t);
  printf("\n");
  printf("%s\n", strpbrk("hello", "lo"));
  return 0;
}
