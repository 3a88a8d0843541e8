#include <stdio.h>
unsigned long long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int ackermann(int m, int n) {
  if (m == 0) return n + 1;
  if (n == 0) return ackermann(m - 1, 1);
  return ackermann(m - 1, ackermann(m, n - 1));
}
int is_even(int n);
int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }
int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
void hanoi(int n, char from, char to, char via, int *moves) {
  if (n == 0) return;
  hanoi(n - 1, from, via, to, moves);
  (*moves)++;
  hanoi(n - 1, via, to, from, moves);
}
int main(void) {
  printf("%llu\n", fact(20));
  printf("%d\n", fib(15));
  printf("%d\n", ackermann(2, 3));
  printf("%d %d\n", is_even(10), is_odd(7));
  int moves = 0;
  hanoi(8, 'a', 'c', 'b', &moves);
  printf("%d\n", moves);
  return 0;
}
