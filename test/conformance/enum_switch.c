#include <stdio.h>
enum op { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_NEG = -1 };
struct instr { enum op op; int arg; };
static int run(const struct instr *prog, int n) {
  int acc = 0;
  for (int pc = 0; pc < n; pc++) {
    switch (prog[pc].op) {
      case OP_ADD: acc += prog[pc].arg; break;
      case OP_SUB: acc -= prog[pc].arg; break;
      case OP_MUL: acc *= prog[pc].arg; break;
      case OP_DIV: if (prog[pc].arg) acc /= prog[pc].arg; break;
      case OP_NEG: acc = -acc; break;
    }
  }
  return acc;
}
int main(void) {
  struct instr prog[] = {{OP_ADD, 10}, {OP_MUL, 7}, {OP_SUB, 4}, {OP_DIV, 3}, {OP_NEG, 0}, {OP_DIV, 0}};
  printf("%d\n", run(prog, 6));
  printf("%d %d\n", OP_NEG, (int)(OP_NEG < OP_ADD));
  long long big = 5000000000LL;
  switch (big) { case 5000000000LL: printf("big case\n"); break; default: printf("default\n"); }
  return 0;
}
