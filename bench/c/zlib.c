// A real library: zlib (Debian's source package, fetched by ../fetch-src.sh) deflating and
// inflating generated text and binary data at three levels, checked and summarised with crc32 and
// adler32. Built with zlib's core sources: adler32 crc32 deflate inflate inftrees inffast trees zutil.
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "zlib.h"

static unsigned char *gen(size_t n, unsigned seed) {
  static const char *words[] = {"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ", "dog ",
                                "zlib ", "deflate ", "\n", "1234 "};
  unsigned char *p = malloc(n);
  size_t i = 0;
  while (i < n) {
    seed = seed * 1103515245u + 12345u;
    if ((seed >> 16) % 5 == 0) { p[i++] = (unsigned char)(seed >> 8); continue; }
    const char *w = words[(seed >> 20) % 12];
    for (; *w && i < n; w++) p[i++] = (unsigned char)*w;
  }
  return p;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  size_t n = 100000 * (size_t)scale;
  unsigned char *src = gen(n, 42);
  uLong bound = compressBound(n);
  unsigned char *z = malloc(bound), *back = malloc(n);
  for (int level = 1; level <= 9; level += 4) {
    uLongf zlen = bound, blen = n;
    if (compress2(z, &zlen, src, n, level) != Z_OK) { puts("compress failed"); return 1; }
    if (uncompress(back, &blen, z, zlen) != Z_OK || blen != n || memcmp(back, src, n) != 0) {
      puts("round trip failed");
      return 1;
    }
    printf("level %d: %lu -> %lu crc32=%08lx adler32=%08lx\n", level, (unsigned long)n, (unsigned long)zlen,
           crc32(0, z, zlen), adler32(1, back, blen));
  }
  return 0;
}
