#include <stdio.h>
#include <string.h>
struct shape;
struct shape_ops { const char *name; double (*area)(const struct shape *); void (*scale)(struct shape *, double); };
struct shape { const struct shape_ops *ops; double a, b; };
static double rect_area(const struct shape *s) { return s->a * s->b; }
static double tri_area(const struct shape *s) { return 0.5 * s->a * s->b; }
static void scale_both(struct shape *s, double k) { s->a *= k; s->b *= k; }
static const struct shape_ops RECT = {"rect", rect_area, scale_both}, TRI = {"tri", tri_area, scale_both};
int main(void) {
  struct shape shapes[] = {{&RECT, 2, 3}, {&TRI, 4, 5}, {&RECT, 1.5, 1.5}};
  double total = 0;
  for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
    shapes[i].ops->scale(&shapes[i], 2);
    double a = shapes[i].ops->area(&shapes[i]);
    printf("%s %.2f\n", shapes[i].ops->name, a);
    total += a;
  }
  printf("%.2f\n", total);
  return 0;
}
