#include <stdio.h>
struct vec { double x, y; };
struct big { int a[8]; char name[16]; };
struct vec add(struct vec a, struct vec b) { struct vec r = {a.x + b.x, a.y + b.y}; return r; }
struct big make(int k) { struct big b; for (int i = 0; i < 8; i++) b.a[i] = k * i; sprintf(b.name, "big%d", k); return b; }
void mutate(struct big b) { b.a[0] = 999; }
int main(void) {
  struct vec v = add((struct vec){1, 2}, (struct vec){3.5, 4.5});
  printf("%.1f %.1f\n", v.x, v.y);
  struct big b = make(3);
  mutate(b);
  printf("%d %d %s\n", b.a[0], b.a[7], b.name);
  printf("%.1f\n", add(v, v).y);
  struct big c;
  c = b;
  c.a[1] = -1;
  printf("%d %d\n", b.a[1], c.a[1]);
  return 0;
}
