// An outside program: Zstandard 1.5.4 (Debian's libzstd source package, fetched by
// ../fetch-src.sh) compressing generated text and binary data at levels 1 (fast), 3 (double
// fast), 7 (lazy), 13 (btlazy2) and 19 (optimal parser, on a smaller input), one-shot and
// streaming with a checksum, and decompressing each; prints sizes and a hash of every frame.
// Built with zstd's common, compress and decompress sources, single-threaded.
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "outside.h"
#include "zstd.h"

static char *gen(size_t n, unsigned seed) {
  static const char *const words[] = {"frame ", "block ", "literals ", "sequences ", "offset ", "match ", "huffman ",
                                "fse ", "\n", "window ", "dictionary ", "1.5.4 "};
  return (char *)gen_words(n, seed, words, 12, 5);
}

static int roundtrip(const char *what, int level, const char *src, size_t n, const char *z, size_t zlen, char *back) {
  if (ZSTD_isError(zlen)) {
    printf("%s %d: %s\n", what, level, ZSTD_getErrorName(zlen));
    return 1;
  }
  size_t got = ZSTD_decompress(back, n, z, zlen);
  if (ZSTD_isError(got) || got != n || memcmp(back, src, n) != 0) {
    printf("%s %d: round trip failed\n", what, level);
    return 1;
  }
  printf("%s %d: %zu -> %zu hash=%08x\n", what, level, n, zlen, fnv1a(z, zlen));
  return 0;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  size_t n = 150000 * (size_t)scale;
  char *src = gen(n, 5);
  size_t bound = ZSTD_compressBound(n);
  char *z = malloc(bound), *back = malloc(n);
  int levels[] = {1, 3, 7, 13};
  for (int i = 0; i < 4; i++)
    if (roundtrip("level", levels[i], src, n, z, ZSTD_compress(z, bound, src, n, levels[i]), back)) return 1;
  size_t small = n / 4;
  if (roundtrip("level", 19, src, small, z, ZSTD_compress(z, bound, src, small, 19), back)) return 1;

  // Streaming, with a content checksum, fed in uneven pieces.
  ZSTD_CCtx *cc = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cc, ZSTD_c_compressionLevel, 5);
  ZSTD_CCtx_setParameter(cc, ZSTD_c_checksumFlag, 1);
  ZSTD_outBuffer out = {z, bound, 0};
  for (size_t off = 0, step = 1000; off < n; off += step, step = step * 7 % 65521 + 1) {
    ZSTD_inBuffer in = {src + off, off + step > n ? n - off : step, 0};
    while (in.pos < in.size) ZSTD_compressStream2(cc, &out, &in, ZSTD_e_continue);
  }
  ZSTD_inBuffer none = {NULL, 0, 0};
  while (ZSTD_compressStream2(cc, &out, &none, ZSTD_e_end) != 0) {}
  if (roundtrip("stream", 5, src, n, z, out.pos, back)) return 1;
  printf("content size %llu\n", (unsigned long long)ZSTD_getFrameContentSize(z, out.pos));
  z[out.pos - 2] ^= 1;  // the checksum must catch a corrupted frame
  size_t bad = ZSTD_decompress(back, n, z, out.pos);
  printf("corrupt: %s\n", ZSTD_isError(bad) ? ZSTD_getErrorName(bad) : "accepted");
  ZSTD_freeCCtx(cc);
  return 0;
}
