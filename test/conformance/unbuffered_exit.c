#include <stdio.h>
#include <stdlib.h>
int main(void) {
  printf("buffered text is flushed by exit");
  exit(0);
}
