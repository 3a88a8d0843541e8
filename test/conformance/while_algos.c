#include <stdio.h>
static unsigned gcd(unsigned a, unsigned b) { while (b) { unsigned t = a % b; a = b; b = t; } return a; }
static int is_prime(int n) { if (n < 2) return 0; for (int d = 2; d * d <= n; d++) if (n % d == 0) return 0; return 1; }
static int collatz(long n) { int steps = 0; while (n != 1) { n = n % 2 ? 3 * n + 1 : n / 2; steps++; } return steps; }
int main(void) {
  printf("%u %u\n", gcd(1071, 462), gcd(17, 5));
  int primes = 0;
  for (int i = 0; i < 1000; i++) primes += is_prime(i);
  printf("%d\n", primes);
  printf("%d\n", collatz(27));
  char sieve[100] = {0};
  for (int i = 2; i < 100; i++) if (!sieve[i]) for (int j = i * i; j < 100; j += i) sieve[j] = 1;
  for (int i = 90; i < 100; i++) if (!sieve[i]) printf("%d\n", i);
  long long a = 0, b = 1;
  for (int i = 0; i < 90; i++) { long long t = a + b; a = b; b = t; }
  printf("%lld\n", a);
  return 0;
}
