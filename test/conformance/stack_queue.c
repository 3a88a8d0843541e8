#include <stdio.h>
#include <stdlib.h>
typedef struct { int *data; int top, cap; } stack;
static void push(stack *s, int v) { if (s->top == s->cap) { s->cap = s->cap ? 2 * s->cap : 2; s->data = realloc(s->data, s->cap * sizeof *s->data); } s->data[s->top++] = v; }
static int pop(stack *s) { return s->data[--s->top]; }
static int eval_rpn(const char *e) {
  stack s = {0};
  for (; *e; e++) {
    if (*e >= '0' && *e <= '9') push(&s, *e - '0');
    else if (*e != ' ') { int b = pop(&s), a = pop(&s); push(&s, *e == '+' ? a + b : *e == '-' ? a - b : *e == '*' ? a * b : a / b); }
  }
  int r = pop(&s);
  free(s.data);
  return r;
}
int main(void) {
  printf("%d\n", eval_rpn("3 4 + 2 *"));
  printf("%d\n", eval_rpn("9 3 / 8 2 - *"));
  int ring[5], head = 0, tail = 0, count = 0;
  for (int i = 1; i <= 8; i++) { if (count == 5) { head = (head + 1) % 5; count--; } ring[tail] = i; tail = (tail + 1) % 5; count++; }
  for (int i = 0; i < count; i++) printf("%d ", ring[(head + i) % 5]);
  printf("\n");
  return 0;
}
