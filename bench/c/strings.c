// String processing: build a text of generated words, tokenize it, count word frequencies in a
// chained hash table, reverse and case-fold words, and search substrings. Argument: scale (default 4).
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry { char *word; int count; struct entry *next; } entry;
#define BUCKETS 4096
static entry *table[BUCKETS];

static uint32_t hash(const char *s) {
  uint32_t h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h;
}

static void add(const char *w) {
  uint32_t b = hash(w) % BUCKETS;
  for (entry *e = table[b]; e; e = e->next)
    if (strcmp(e->word, w) == 0) { e->count++; return; }
  entry *e = malloc(sizeof *e);
  e->word = strdup(w);
  e->count = 1;
  e->next = table[b];
  table[b] = e;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 4;
  static const char *syll[] = {"ka", "lo", "mi", "ne", "su", "ta", "ro", "vi", "Ze", "Qu"};
  size_t cap = 200000 * (size_t)scale, len = 0;
  char *text = malloc(cap + 64);
  uint32_t s = 7;
  while (len < cap) {
    s = s * 1664525u + 1013904223u;
    int n = 1 + (s >> 28) % 4;
    for (int i = 0; i < n; i++) {
      s = s * 1664525u + 1013904223u;
      const char *p = syll[(s >> 24) % 10];
      memcpy(text + len, p, 2);
      len += 2;
    }
    text[len++] = (s >> 20) % 7 ? ' ' : '\n';
  }
  text[len] = 0;
  long words = 0, upper = 0;
  char buf[64];
  for (char *p = text; *p;) {
    while (*p == ' ' || *p == '\n') p++;
    int n = 0;
    while (*p && *p != ' ' && *p != '\n' && n < 63) buf[n++] = *p++;
    buf[n] = 0;
    if (!n) continue;
    for (int i = 0; i < n; i++) {
      if (isupper((unsigned char)buf[i])) upper++;
      buf[i] = tolower((unsigned char)buf[i]);
    }
    for (int i = 0, j = n - 1; i < j; i++, j--) { char c = buf[i]; buf[i] = buf[j]; buf[j] = c; }
    add(buf);
    words++;
  }
  long hits = 0;
  for (const char *p = text; (p = strstr(p, "zeka")) != NULL; p++) hits++;
  int distinct = 0, best = 0;
  const char *bestw = "";
  for (int b = 0; b < BUCKETS; b++)
    for (entry *e = table[b]; e; e = e->next) {
      distinct++;
      if (e->count > best || (e->count == best && strcmp(e->word, bestw) < 0)) { best = e->count; bestw = e->word; }
    }
  printf("words=%ld upper=%ld distinct=%d best=%s:%d hits=%ld\n", words, upper, distinct, bestw, best, hits);
  return 0;
}
