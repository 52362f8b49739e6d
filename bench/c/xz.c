// An outside program: liblzma of XZ Utils 5.4.1 (Debian's xz-utils source package, fetched by
// ../fetch-src.sh, configured by its own configure, single-threaded) compressing generated text
// and binary data to .xz at presets 0, 3, 6 and 6e (LZMA2, with CRC64 and SHA-256 checks), with
// the x86 BCJ and delta filters in front, and to .lzma; decompressing each through the stream
// decoder in small pieces; prints sizes and hashes of the compressed streams.
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "outside.h"
#include "lzma.h"

static uint8_t *gen(size_t n, unsigned seed) {
  static const char *const words[] = {"range ", "coder ", "literal ", "match ", "rep0 ", "dictionary ", "preset ",
                                "\n", "filter ", "0xdeadbeef ", "lzma2 ", "block "};
  return (uint8_t *)gen_words(n, seed, words, 12, 5);
}

// decode feeds the stream in 1000-byte pieces through lzma_auto_decoder and checks the result.
static int decode(const uint8_t *z, size_t zlen, const uint8_t *src, size_t n, uint8_t *back) {
  lzma_stream s = LZMA_STREAM_INIT;
  if (lzma_auto_decoder(&s, UINT64_MAX, 0) != LZMA_OK) return 0;
  s.next_out = back, s.avail_out = n;
  lzma_ret rc = LZMA_OK;
  for (size_t off = 0; rc == LZMA_OK; off += 1000) {
    s.next_in = z + off, s.avail_in = off >= zlen ? 0 : (zlen - off < 1000 ? zlen - off : 1000);
    rc = lzma_code(&s, s.avail_in ? LZMA_RUN : LZMA_FINISH);
  }
  lzma_end(&s);
  return rc == LZMA_STREAM_END && s.total_out == n && memcmp(back, src, n) == 0;
}

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  size_t n = 60000 * (size_t)scale;
  uint8_t *src = gen(n, 3), *back = malloc(n);
  size_t bound = lzma_stream_buffer_bound(n);
  uint8_t *z = malloc(bound);
  uint32_t presets[] = {0, 3, 6, 6 | LZMA_PRESET_EXTREME};
  for (int i = 0; i < 4; i++) {
    size_t zlen = 0;
    lzma_ret rc = lzma_easy_buffer_encode(presets[i], i % 2 ? LZMA_CHECK_SHA256 : LZMA_CHECK_CRC64, NULL, src, n, z, &zlen, bound);
    printf("preset %u%s: rc %d, %zu -> %zu hash=%08x %s\n", presets[i] & 15, presets[i] & LZMA_PRESET_EXTREME ? "e" : "",
           rc, n, zlen, fnv1a(z, zlen), decode(z, zlen, src, n, back) ? "ok" : "FAILED");
  }
  // A filter chain: x86 BCJ, delta of distance 4, LZMA2.
  lzma_options_lzma lz;
  lzma_lzma_preset(&lz, 2);
  lzma_options_delta delta = {.type = LZMA_DELTA_TYPE_BYTE, .dist = 4};
  lzma_filter chain[] = {{LZMA_FILTER_X86, NULL}, {LZMA_FILTER_DELTA, &delta}, {LZMA_FILTER_LZMA2, &lz},
                         {LZMA_VLI_UNKNOWN, NULL}};
  size_t zlen = 0;
  lzma_ret rc = lzma_stream_buffer_encode(chain, LZMA_CHECK_CRC32, NULL, src, n, z, &zlen, bound);
  printf("x86+delta+lzma2: rc %d, %zu -> %zu hash=%08x %s\n", rc, n, zlen, fnv1a(z, zlen),
         decode(z, zlen, src, n, back) ? "ok" : "FAILED");
  // The legacy .lzma format through the stream API.
  lzma_stream s = LZMA_STREAM_INIT;
  lzma_lzma_preset(&lz, 1);
  lzma_alone_encoder(&s, &lz);
  s.next_in = src, s.avail_in = n, s.next_out = z, s.avail_out = bound;
  while ((rc = lzma_code(&s, LZMA_FINISH)) == LZMA_OK) {}
  zlen = s.total_out;
  lzma_end(&s);
  printf("lzma alone: rc %d, %zu -> %zu hash=%08x %s\n", rc, n, zlen, fnv1a(z, zlen), decode(z, zlen, src, n, back) ? "ok" : "FAILED");
  printf("crc32 %08x crc64 %016llx\n", lzma_crc32(src, n, 0), (unsigned long long)lzma_crc64(src, n, 0));
  z[zlen / 2] ^= 0x40;
  printf("corrupt: %s\n", decode(z, zlen, src, n, back) ? "undetected" : "detected");
  return 0;
}
