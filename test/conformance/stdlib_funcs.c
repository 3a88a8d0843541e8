#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>
int main(void) {
  char *end;
  printf("%ld\n", strtol("  -1234xyz", &end, 10));
  printf("%s\n", end);
  printf("%ld\n", strtol("ff", NULL, 16));
  printf("%ld\n", strtol("0x1F", NULL, 0));
  printf("%ld\n", strtol("0777", NULL, 0));
  printf("%ld\n", strtol("z", NULL, 36));
  printf("%lu\n", strtoul("4294967295", NULL, 10));
  printf("%lld\n", strtoll("-9223372036854775808", NULL, 10));
  errno = 0;
  long big = strtol("99999999999999999999", NULL, 10);
  printf("%d %d\n", big == LONG_MAX, errno == ERANGE);
  printf("%d %d %d\n", atoi("42"), atoi("  -7abc"), atoi("abc"));
  printf("%ld %lld\n", atol("123456789"), atoll("-99"));
  printf("%d %ld %lld\n", abs(-5), labs(-70000L), llabs(-5000000000LL));
  printf("%.3f\n", atof("3.14159"));
  printf("%.2f\n", strtod("2.5e2rest", &end));
  printf("%s\n", end);
  div_t d = div(17, 5);
  printf("%d %d\n", d.quot, d.rem);
  int *arr = calloc(4, sizeof(int));
  printf("%d\n", arr[0] + arr[3]);
  arr = realloc(arr, 8 * sizeof(int));
  arr[7] = 7;
  printf("%d\n", arr[7]);
  free(arr);
  return 0;
}
