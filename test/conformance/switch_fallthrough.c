#include <stdio.h>
const char *classify(int n) {
  switch (n) {
    case 0: return "zero";
    case 1: case 2: case 3: return "small";
    case 10: return "ten";
    default: return "other";
  }
}
int main(void) {
  for (int i = 0; i < 6; i++) {
    int hits = 0;
    switch (i) {
      case 0: hits++;
      case 1: hits += 10;
      case 2: hits += 100; break;
      case 4: { int local = 5; hits = local; } break;
      default: hits = -1;
    }
    printf("%d:%d ", i, hits);
  }
  printf("\n");
  for (int n = 0; n < 12; n += 3) printf("%s ", classify(n));
  printf("\n");
  int count = 7, loops = 0;
  switch (count % 4) {
    case 0: do { loops++;
    case 3: loops++;
    case 2: loops++;
    case 1: loops++;
            } while ((count -= 4) > 0);
  }
  printf("%d\n", loops);
  char c = 'b';
  switch (c) { case 'a': printf("A\n"); break; case 'b': printf("B\n"); }
  return 0;
}
