// An outside program: xxHash 0.8.1 (Debian's xxhash source package, fetched by ../fetch-src.sh,
// header-only with XXH_INLINE_ALL) hashing generated buffers of every length up to 300 bytes and
// long ones with XXH32, XXH64, XXH3-64 and XXH3-128, one-shot and streaming, with and without
// seeds and secrets; the results are folded into a few printed digests.
// Argument: scale (default 2).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define XXH_INLINE_ALL
#include "xxhash.h"

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 2;
  size_t n = 1 << 16;
  unsigned char *buf = malloc(n);
  unsigned long long s = 0x0123456789abcdefULL;
  for (size_t i = 0; i < n; i++) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    buf[i] = (unsigned char)(s >> 24);
  }
  unsigned char secret[XXH3_SECRET_SIZE_MIN + 40];
  memcpy(secret, buf + 1000, sizeof secret);

  XXH64_hash_t d32 = 0, d64 = 0, d3 = 0, d128 = 0, dsec = 0;
  for (size_t len = 0; len <= 300; len++) {
    d32 = d32 * 31 + XXH32(buf + len, len, (XXH32_hash_t)len);
    d64 = d64 * 31 + XXH64(buf + 3 * len, len, (XXH64_hash_t)len * 0x9E3779B1u);
    d3 = d3 * 31 + XXH3_64bits_withSeed(buf + 5 * len, len, len);
    XXH128_hash_t h = XXH3_128bits_withSeed(buf + 7 * len, len, len ^ 0xff);
    d128 = d128 * 31 + (h.low64 ^ h.high64);
    dsec = dsec * 31 + XXH3_64bits_withSecret(buf + len, len, secret, sizeof secret);
  }
  printf("short: %016llx %016llx %016llx %016llx %016llx\n", (unsigned long long)d32, (unsigned long long)d64,
         (unsigned long long)d3, (unsigned long long)d128, (unsigned long long)dsec);

  XXH64_hash_t big = 0;
  for (int r = 0; r < 8 * scale; r++) {
    size_t k = (size_t)r % 64, len = n - k * 977;
    big ^= XXH32(buf + k, len, r) + XXH64(buf + k, len, r) + XXH3_64bits(buf + k, len);
    XXH128_hash_t h = XXH128(buf + k, len, r);
    big = big * 0x100000001B3ULL ^ h.low64 ^ (h.high64 >> 1);
  }
  printf("long: %016llx\n", (unsigned long long)big);

  // Streaming in uneven pieces gives the one-shot result.
  XXH3_state_t *st = XXH3_createState();
  XXH64_state_t *st64 = XXH64_createState();
  XXH3_64bits_reset_withSeed(st, 42);
  XXH64_reset(st64, 42);
  for (size_t off = 0, step = 1; off < n; off += step, step = step * 3 % 4097 + 1) {
    size_t len = off + step > n ? n - off : step;
    XXH3_64bits_update(st, buf + off, len);
    XXH64_update(st64, buf + off, len);
  }
  int same = XXH3_64bits_digest(st) == XXH3_64bits_withSeed(buf, n, 42) && XXH64_digest(st64) == XXH64(buf, n, 42);
  printf("stream: %016llx %016llx same=%d\n", (unsigned long long)XXH3_64bits_digest(st),
         (unsigned long long)XXH64_digest(st64), same);
  XXH128_canonical_t c;
  XXH128_canonicalFromHash(&c, XXH3_128bits(buf, n));
  printf("canonical:");
  for (int i = 0; i < 16; i++) printf(" %02x", c.digest[i]);
  printf("\n");
  XXH3_freeState(st);
  XXH64_freeState(st64);
  return 0;
}
