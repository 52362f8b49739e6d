// Sorting with a comparator: qsort of records by a two-key comparator, then a hand-written merge
// sort through a function pointer, checked and summarised. Argument: scale (default 4).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { uint32_t key; int32_t tie; char name[8]; } rec;

static int by_key(const void *a, const void *b) {
  const rec *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->tie > y->tie) - (x->tie < y->tie);
}

static int by_name(const void *a, const void *b) {
  int c = memcmp(((const rec *)a)->name, ((const rec *)b)->name, 8);
  return c ? c : by_key(a, b);
}

static void merge_sort(rec *v, rec *tmp, int n, int (*cmp)(const void *, const void *)) {
  if (n < 2) return;
  int h = n / 2;
  merge_sort(v, tmp, h, cmp);
  merge_sort(v + h, tmp, n - h, cmp);
  int i = 0, j = h, k = 0;
  while (i < h && j < n) tmp[k++] = cmp(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof(rec));
}

int main(int argc, char **argv) {
  int n = 5000 * (argc > 1 ? atoi(argv[1]) : 4);
  rec *v = malloc(n * sizeof(rec)), *tmp = malloc(n * sizeof(rec));
  uint32_t s = 12345;
  for (int i = 0; i < n; i++) {
    s = s * 1103515245u + 12345u;
    v[i].key = (s >> 8) % 1000;
    v[i].tie = i;
    for (int j = 0; j < 8; j++) { s = s * 1103515245u + 12345u; v[i].name[j] = 'a' + (s >> 16) % 26; }
  }
  qsort(v, n, sizeof(rec), by_key);
  uint64_t h = 0;
  for (int i = 0; i < n; i++) {
    if (i && by_key(&v[i - 1], &v[i]) > 0) { printf("qsort order broken at %d\n", i); return 1; }
    h = h * 31 + v[i].tie;
  }
  merge_sort(v, tmp, n, by_name);
  for (int i = 0; i < n; i++) {
    if (i && by_name(&v[i - 1], &v[i]) > 0) { printf("merge order broken at %d\n", i); return 1; }
    h = h * 37 + v[i].key;
  }
  printf("n=%d first=%.8s last=%.8s h=%016llx\n", n, v[0].name, v[n - 1].name, (unsigned long long)h);
  return 0;
}
