#include <stdio.h>
#include <string.h>
void reverse(char *s) { for (size_t i = 0, j = strlen(s); i + 1 < j; i++, j--) { char t = s[i]; s[i] = s[j - 1]; s[j - 1] = t; } }
int count(const char *s, char c) { int n = 0; while (*s) n += *s++ == c; return n; }
int main(void) {
  char s[] = "stressed";
  reverse(s);
  printf("%s\n", s);
  printf("%d\n", count("mississippi", 's'));
  const char *msg = "literal";
  printf("%c %c\n", msg[0], *(msg + 3));
  char buf[3][10];
  for (int i = 0; i < 3; i++) sprintf(buf[i], "row%d", i);
  printf("%s|%s|%s\n", buf[0], buf[1], buf[2]);
  const char *list[] = {"one", "two", "three", NULL};
  int n = 0;
  for (const char **p = list; *p; p++) n += (int)strlen(*p);
  printf("%d\n", n);
  printf("%s\n", "adjacent " "literals " "join");
  printf("%d\n", "abc"[1]);
  printf("tab\tnewline\\n quote\" q\'\n");
  printf("%d %d\n", '\0', '\x41');
  printf("\101\102\n");
  return 0;
}
