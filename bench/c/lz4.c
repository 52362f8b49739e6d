// An outside program: LZ4 1.9.4 (Debian's lz4 source package, fetched by ../fetch-src.sh)
// compressing generated text and binary data with the fast compressor at three accelerations and
// the high-compression one at three levels, each checked by a round trip through the safe
// decompressor and summarised with LZ4's own xxHash32 of the compressed bytes.
// Built with lib/lz4.c, lib/lz4hc.c and lib/xxhash.c. Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "outside.h"
#include "lz4.h"
#include "lz4hc.h"
#include "xxhash.h"

static char *gen(int n, unsigned seed) {
  static const char *const words[] = {"literal ", "match ", "offset ", "token ", "frame ", "block ", "dictionary ",
                                "\n", "65535 ", "hash "};
  return (char *)gen_words(n, seed, words, 10, 6);
}

static int check(const char *what, int level, const char *src, int n, const char *z, int zlen, char *back) {
  int got = LZ4_decompress_safe(z, back, zlen, n);
  if (got != n || memcmp(back, src, n) != 0) {
    printf("%s %d: round trip failed (%d)\n", what, level, got);
    return 1;
  }
  printf("%s %d: %d -> %d xxh32=%08x\n", what, level, n, zlen, XXH32(z, zlen, 0));
  return 0;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  int n = 200000 * scale;
  char *src = gen(n, 99);
  int bound = LZ4_compressBound(n);
  char *z = malloc(bound), *back = malloc(n);
  // The fast compressor's output depends on the pointer width for inputs of 64 KB or more (its hash
  // table holds pointers and hashes 5 bytes on 64-bit targets): compress 60 KB blocks, whose
  // output is the same on every target, and check one whole-input round trip without printing it.
  for (int acc = 1; acc <= 16; acc *= 4) {
    int total = 0;
    unsigned h = 0;
    for (int off = 0; off < n; off += 60000) {
      int len = n - off < 60000 ? n - off : 60000;
      int zlen = LZ4_compress_fast(src + off, z, len, bound, acc);
      if (zlen <= 0 || LZ4_decompress_safe(z, back, zlen, len) != len || memcmp(back, src + off, len) != 0) {
        printf("fast %d: round trip failed at %d\n", acc, off);
        return 1;
      }
      total += zlen;
      h = XXH32(z, zlen, h);
    }
    printf("fast %d: %d -> %d in 60000-byte blocks xxh32=%08x\n", acc, n, total, h);
    int zlen = LZ4_compress_fast(src, z, n, bound, acc);
    if (zlen <= 0 || LZ4_decompress_safe(z, back, zlen, n) != n || memcmp(back, src, n) != 0) {
      printf("fast %d: whole round trip failed\n", acc);
      return 1;
    }
  }
  for (int level = 3; level <= 12; level += 4) {
    int zlen = LZ4_compress_HC(src, z, n, bound, level);
    if (zlen <= 0 || check("hc", level, src, n, z, zlen, back)) return 1;
  }
  // A malformed block must be refused, not overrun.
  int zlen = LZ4_compress_default(src, z, 5000, bound);
  z[zlen / 2] ^= 0x5a;
  printf("corrupt: %d\n", LZ4_decompress_safe(z, back, zlen, 5000) < 0 ? -1 : 1);
  printf("xxh64 of input: %016llx\n", (unsigned long long)XXH64(src, n, 7));
  return 0;
}
