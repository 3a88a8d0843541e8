#include <stdio.h>
#include <string.h>
#include <ctype.h>
static void reverse_range(char *a, char *b) { while (a < b) { char t = *a; *a++ = *b; *b-- = t; } }
static void reverse_words(char *s) {
  reverse_range(s, s + strlen(s) - 1);
  for (char *w = s; *w;) { while (*w == ' ') w++; char *e = w; while (*e && *e != ' ') e++; if (e > w) reverse_range(w, e - 1); w = e; }
}
static void with_commas(long long v, char *out) {
  char tmp[32]; int n = sprintf(tmp, "%lld", v < 0 ? -v : v), lead = n % 3 ? n % 3 : 3;
  char *o = out; if (v < 0) *o++ = '-';
  for (int i = 0; i < n; i++) { if (i && (i - lead) % 3 == 0) *o++ = ','; *o++ = tmp[i]; }
  *o = 0;
}
int main(void) {
  char s[] = "the heap never forgets";
  reverse_words(s);
  printf("%s\n", s);
  char out[40];
  long long vals[] = {0, 999, 1000, -1234567, 9876543210LL};
  for (int i = 0; i < 5; i++) { with_commas(vals[i], out); printf("%s ", out); }
  printf("\n");
  const char *text = "It was the best of times, it was the worst of times.";
  int freq[26] = {0};
  for (const char *p = text; *p; p++) if (isalpha((unsigned char)*p)) freq[tolower((unsigned char)*p) - 'a']++;
  for (int i = 0; i < 26; i++) if (freq[i] >= 4) printf("%c%d ", 'a' + i, freq[i]);
  printf("\n");
  return 0;
}
