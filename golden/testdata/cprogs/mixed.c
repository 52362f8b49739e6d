/* Mixed workload, added after the first six as the "new program" check of the backend issue:
   a sieve, a big-number factorial, a word-count hash map sorted with qsort, N-queens by recursion,
   64-bit mixing with signed division and shifts, float series, sqrt, rounding and conversions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <math.h>

typedef struct { char *key; int count; } Entry;

static unsigned hashstr(const char *s) { unsigned h = 2166136261u; while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; } return h; }

static int queens(int n, int row, unsigned cols, unsigned d1, unsigned d2) {
  if (row == n) return 1;
  int total = 0;
  for (int c = 0; c < n; c++) {
    unsigned a = 1u << c, b = 1u << (row + c), e = 1u << (row - c + n);
    if ((cols & a) || (d1 & b) || (d2 & e)) continue;
    total += queens(n, row + 1, cols | a, d1 | b, d2 | e);
  }
  return total;
}

static int cmp_entry(const void *a, const void *b) {
  const Entry *x = a, *y = b;
  if (x->count != y->count) return y->count - x->count;
  return strcmp(x->key, y->key);
}

int main(int argc, char **argv) {
  /* sieve */
  int n = 200000; char *comp = calloc(n + 1, 1); int primes = 0; long long psum = 0;
  for (int i = 2; i <= n; i++) { if (!comp[i]) { primes++; psum += i; for (long long j = (long long)i * i; j <= n; j += i) comp[j] = 1; } }
  printf("primes<=%d: %d sum %lld\n", n, primes, psum);
  free(comp);

  /* 120! in base 10^4 limbs */
  int limbs[128] = {1}; int len = 1;
  for (int k = 2; k <= 120; k++) { int carry = 0; for (int i = 0; i < len; i++) { int v = limbs[i] * k + carry; limbs[i] = v % 10000; carry = v / 10000; } while (carry) { limbs[len++] = carry % 10000; carry /= 10000; } }
  printf("120! = %d", limbs[len - 1]); for (int i = len - 2; i >= 0; i--) printf("%04d", limbs[i]); printf("\n");

  /* word counts in an open-addressing map */
  const char *text = "the quick brown fox jumps over the lazy dog the dog barks and the fox runs quick quick";
  Entry table[64] = {0}; char buf[256]; strcpy(buf, text);
  for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
    unsigned h = hashstr(w) & 63;
    while (table[h].key && strcmp(table[h].key, w) != 0) h = (h + 1) & 63;
    if (!table[h].key) table[h].key = strdup(w);
    table[h].count++;
  }
  Entry list[64]; int m = 0; for (int i = 0; i < 64; i++) if (table[i].key) list[m++] = table[i];
  qsort(list, m, sizeof(Entry), cmp_entry);
  for (int i = 0; i < m; i++) printf("%s=%d%s", list[i].key, list[i].count, i + 1 < m ? " " : "\n");

  /* n-queens */
  for (int q = 4; q <= 9; q++) printf("queens(%d)=%d\n", q, queens(q, 0, 0, 0, 0));

  /* 64-bit mixing (splitmix64), signed division and shifts */
  uint64_t x = 0x9E3779B97F4A7C15ull; int64_t acc = 0;
  for (int i = 0; i < 1000; i++) { x += 0x9E3779B97F4A7C15ull; uint64_t z = x; z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull; z = (z ^ (z >> 27)) * 0x94D049BB133111EBull; z ^= z >> 31; acc += (int64_t)z / 1000003 - (int64_t)(z % 977); acc ^= acc >> 7; }
  printf("mix %016llx %lld\n", (unsigned long long)x, (long long)acc);

  /* floats: series, sqrt, rounding, conversions */
  double s = 0; for (int k = 1; k <= 100000; k++) s += 1.0 / ((double)k * k);
  float f = 0; for (int k = 0; k < 1000; k++) f += 0.1f;
  printf("pi~%.12f f=%.7g sqrt2=%.15f floor=%.1f conv=%d %lld\n", sqrt(6 * s), f, sqrt(2.0), floor(-2.5), (int)-3.99, (long long)1e15);
  printf("argc=%d\n", argc);
  return primes % 7;
}
