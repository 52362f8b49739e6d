// An outside program: bzip2 1.0.8 (Debian's source package, fetched by ../fetch-src.sh)
// compressing and decompressing generated text and binary data at block sizes 1, 5 and 9 through
// its buffer API, checked by a round trip and summarised with a checksum of the compressed bytes.
// Built with libbz2's sources: blocksort huffman crctable randtable compress decompress bzlib.
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bzlib.h"

static unsigned char *gen(size_t n, unsigned seed) {
  static const char *words[] = {"block ", "sort ", "huffman ", "burrows ", "wheeler ", "move ", "to ",
                                "front ", "run ", "length ", "\n", "0042 "};
  unsigned char *p = malloc(n);
  size_t i = 0;
  while (i < n) {
    seed = seed * 1103515245u + 12345u;
    if ((seed >> 16) % 7 == 0) { p[i++] = (unsigned char)(seed >> 8); continue; }
    if ((seed >> 16) % 11 == 0) {
      // a run of one byte, which bzip2 encodes specially
      for (unsigned k = (seed >> 24) % 40; k && i < n; k--) p[i++] = 'x';
      continue;
    }
    const char *w = words[(seed >> 20) % 12];
    for (; *w && i < n; w++) p[i++] = (unsigned char)*w;
  }
  return p;
}

static unsigned sum(const unsigned char *p, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  size_t n = 60000 * (size_t)scale;
  unsigned char *src = gen(n, 7);
  unsigned bound = (unsigned)(n + n / 100 + 600);
  char *z = malloc(bound), *back = malloc(n);
  for (int block = 1; block <= 9; block += 4) {
    unsigned zlen = bound, blen = (unsigned)n;
    int rc = BZ2_bzBuffToBuffCompress(z, &zlen, (char *)src, (unsigned)n, block, 0, 30);
    if (rc != BZ_OK) { printf("compress failed: %d\n", rc); return 1; }
    rc = BZ2_bzBuffToBuffDecompress(back, &blen, z, zlen, block == 5, 0);
    if (rc != BZ_OK || blen != n || memcmp(back, src, n) != 0) { printf("round trip failed: %d\n", rc); return 1; }
    printf("block %d: %lu -> %u sum=%08x\n", block, (unsigned long)n, zlen, sum((unsigned char *)z, zlen));
  }
  // Data the encoder's fallback sort takes (highly repetitive input, small work factor).
  memset(src, 'a', n);
  for (size_t i = 0; i < n; i += 997) src[i] = 'b';
  unsigned zlen = bound, blen = (unsigned)n;
  if (BZ2_bzBuffToBuffCompress(z, &zlen, (char *)src, (unsigned)n, 9, 0, 1) != BZ_OK ||
      BZ2_bzBuffToBuffDecompress(back, &blen, z, zlen, 0, 0) != BZ_OK || blen != n || memcmp(back, src, n) != 0) {
    puts("repetitive round trip failed");
    return 1;
  }
  printf("repetitive: %lu -> %u sum=%08x\n", (unsigned long)n, zlen, sum((unsigned char *)z, zlen));
  return 0;
}
