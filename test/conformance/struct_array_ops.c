#include <stdio.h>
#include <string.h>
struct item { char name[12]; int qty; double price; };
static double total(const struct item *items, int n) { double t = 0; for (int i = 0; i < n; i++) t += items[i].qty * items[i].price; return t; }
int main(void) {
  struct item inv[3] = {{"apple", 3, 0.5}, {"bread", 1, 2.25}, {"milk", 2, 1.1}};
  printf("%.2f\n", total(inv, 3));
  struct item tmp = inv[0]; inv[0] = inv[2]; inv[2] = tmp;
  printf("%s %s\n", inv[0].name, inv[2].name);
  memset(&inv[1], 0, sizeof inv[1]);
  printf("[%s] %d %.1f\n", inv[1].name, inv[1].qty, inv[1].price);
  struct item copy[3];
  memcpy(copy, inv, sizeof inv);
  strcpy(copy[1].name, "eggs");
  printf("%s %s\n", copy[1].name, inv[1].name);
  struct item *best = &inv[0];
  for (struct item *p = inv; p < inv + 3; p++) if (p->price > best->price) best = p;
  printf("%s %d\n", best->name, (int)(best - inv));
  return 0;
}
