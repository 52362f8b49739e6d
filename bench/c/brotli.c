// An outside program: Brotli 1.0.9 (Debian's brotli source package, fetched by ../fetch-src.sh)
// compressing generated text and binary data at qualities 0 and 1 (the one- and two-pass fragment
// compressors), 4, 6, 9 (hash chains and block splitting) and 11 (Zopfli-style optimal parsing, on
// a smaller input), and decompressing each, one-shot and streaming; prints sizes and frame hashes.
// Built with Brotli's common, dec and enc sources, -ffp-contract=off (the encoder's cost model is
// in floating point: gcc's build must round each operation as WebAssembly does).
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "outside.h"
#include <brotli/decode.h>
#include <brotli/encode.h>

static uint8_t *gen(size_t n, unsigned seed) {
  static const char *const words[] = {"the ", "brotli ", "context ", "modeling ", "static ", "dictionary ", "window ",
                                "<html>", "\n", "quality ", "2048 ", "of "};
  return (uint8_t *)gen_words(n, seed, words, 12, 6);
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  size_t n = 100000 * (size_t)scale;
  uint8_t *src = gen(n, 11);
  size_t bound = BrotliEncoderMaxCompressedSize(n);
  uint8_t *z = malloc(bound), *back = malloc(n);
  int qualities[] = {0, 1, 4, 6, 9, 11};
  for (int i = 0; i < 6; i++) {
    size_t len = qualities[i] == 11 ? n / 8 : n, zlen = bound, blen = len;
    if (!BrotliEncoderCompress(qualities[i], 22, BROTLI_MODE_GENERIC, len, src, &zlen, z)) {
      printf("quality %d: compress failed\n", qualities[i]);
      return 1;
    }
    if (BrotliDecoderDecompress(zlen, z, &blen, back) != BROTLI_DECODER_RESULT_SUCCESS || blen != len ||
        memcmp(back, src, len) != 0) {
      printf("quality %d: round trip failed\n", qualities[i]);
      return 1;
    }
    printf("quality %d: %zu -> %zu hash=%08x\n", qualities[i], len, zlen, fnv1a(z, zlen));
  }
  // Text mode with a small window, then streaming decompression in small pieces.
  size_t zlen = bound;
  BrotliEncoderCompress(5, 16, BROTLI_MODE_TEXT, n, src, &zlen, z);
  BrotliDecoderState *d = BrotliDecoderCreateInstance(NULL, NULL, NULL);
  const uint8_t *next_in = z;
  size_t avail_in = 0, fed = 0, avail_out = n, steps = 0;
  uint8_t *next_out = back;
  BrotliDecoderResult r = BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT;
  while (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT && fed < zlen) {
    size_t piece = zlen - fed < 333 ? zlen - fed : 333;
    avail_in += piece, fed += piece, steps++;
    r = BrotliDecoderDecompressStream(d, &avail_in, &next_in, &avail_out, &next_out, NULL);
  }
  printf("text window 16: %zu -> %zu hash=%08x, streamed in %zu steps: %s\n", n, zlen, fnv1a(z, zlen), steps,
         r == BROTLI_DECODER_RESULT_SUCCESS && avail_out == 0 && memcmp(back, src, n) == 0 ? "ok" : "FAILED");
  BrotliDecoderDestroyInstance(d);
  z[zlen / 2] ^= 0x10;
  size_t blen = n;
  printf("corrupt: %s\n", BrotliDecoderDecompress(zlen, z, &blen, back) == BROTLI_DECODER_RESULT_SUCCESS &&
                              blen == n && memcmp(back, src, n) == 0 ? "undetected" : "refused or changed");
  return 0;
}
