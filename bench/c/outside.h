// Shared by the drivers of the outside programs (../outside.go): their generated input, words of
// a small vocabulary with one byte in raw_one_in a random byte, and an FNV-1a hash of bytes.
#include <stddef.h>
#include <stdlib.h>

static unsigned char *gen_words(size_t n, unsigned seed, const char *const *words, unsigned nwords,
                                unsigned raw_one_in) {
  unsigned char *p = malloc(n);
  size_t i = 0;
  while (i < n) {
    seed = seed * 1103515245u + 12345u;
    if ((seed >> 16) % raw_one_in == 0) {
      p[i++] = (unsigned char)(seed >> 8);
      continue;
    }
    const char *w = words[(seed >> 20) % nwords];
    for (; *w && i < n; w++) p[i++] = (unsigned char)*w;
  }
  return p;
}

static unsigned fnv1a(const void *data, size_t n) {
  const unsigned char *p = data;
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h;
}
