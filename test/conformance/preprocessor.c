#include <stdio.h>
#define SQUARE(x) ((x) * (x))
#define STR(x) #x
#define XSTR(x) STR(x)
#define CAT(a, b) a##b
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define LOG(fmt, ...) printf("log: " fmt "\n", __VA_ARGS__)
#define VERSION 3
#define EMPTY
int main(void) {
  int CAT(my, var) = 12;
  printf("%d\n", SQUARE(myvar + 1));
  printf("%s %s\n", STR(a + b), XSTR(VERSION));
  printf("%d\n", MAX(3, 9));
  LOG("%d and %s", 5, "five");
#if VERSION >= 3 && defined(SQUARE)
  printf("version ok\n");
#elif VERSION == 2
  printf("two\n");
#else
  printf("old\n");
#endif
#ifdef UNDEFINED_THING
  printf("bad\n");
#endif
#ifndef UNDEFINED_THING
  printf("not defined\n");
#endif
#undef VERSION
#ifdef VERSION
  printf("still\n");
#endif
  printf("%d\n", __LINE__);
  EMPTY printf("%s\n", __func__);
#define DOUBLE(x) (2 * (x))
  printf("%d\n", DOUBLE(DOUBLE(3)));
  return 0;
}
