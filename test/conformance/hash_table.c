#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define BUCKETS 16
struct entry { char *key; int value; struct entry *next; };
static struct entry *table[BUCKETS];
static unsigned hash(const char *s) { unsigned h = 5381; while (*s) h = h * 33 + (unsigned char)*s++; return h; }
static void put(const char *k, int v) {
  unsigned b = hash(k) % BUCKETS;
  for (struct entry *e = table[b]; e; e = e->next) if (!strcmp(e->key, k)) { e->value = v; return; }
  struct entry *e = malloc(sizeof *e);
  e->key = strdup(k); e->value = v; e->next = table[b]; table[b] = e;
}
static int get(const char *k, int *out) {
  for (struct entry *e = table[hash(k) % BUCKETS]; e; e = e->next) if (!strcmp(e->key, k)) { *out = e->value; return 1; }
  return 0;
}
int main(void) {
  const char *words[] = {"the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "the", "fox"};
  for (int i = 0; i < 11; i++) { int c = 0; get(words[i], &c); put(words[i], c + 1); }
  const char *probe[] = {"the", "fox", "dog", "cat"};
  for (int i = 0; i < 4; i++) { int v = -1; get(probe[i], &v); printf("%s=%d ", probe[i], v); }
  printf("\n");
  printf("%u\n", hash("mallocscope"));
  int n = 0;
  for (int b = 0; b < BUCKETS; b++) for (struct entry *e = table[b]; e; e = e->next) n++;
  printf("%d\n", n);
  for (int b = 0; b < BUCKETS; b++) while (table[b]) { struct entry *e = table[b]; table[b] = e->next; free(e->key); free(e); }
  return 0;
}
