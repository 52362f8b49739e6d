// Integer hashing: FNV-1a, murmur3's finalizer and xxhash-style mixing over a generated key set,
// then an open-addressing hash table keyed by the mixed values. Argument: scale (default 4).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint32_t fnv1a(const uint8_t *p, int n) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h;
}

static uint64_t fmix64(uint64_t k) {
  k ^= k >> 33; k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33; k *= 0xc4ceb9fe1a85ec53ULL;
  return k ^ (k >> 33);
}

static uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static uint64_t xxmix(uint64_t acc, uint64_t v) {
  acc += v * 0xC2B2AE3D27D4EB4FULL;
  acc = rotl(acc, 31);
  return acc * 0x9E3779B185EBCA87ULL;
}

#define TABLE (1 << 16)
static uint64_t keys[TABLE];
static uint32_t vals[TABLE];

int main(int argc, char **argv) {
  int scale = argc > 1 ? atoi(argv[1]) : 4;
  uint64_t acc = 0;
  uint32_t inserted = 0, found = 0;
  for (int round = 0; round < scale; round++) {
    for (int i = 0; i < 20000; i++) {
      uint8_t buf[16];
      for (int j = 0; j < 16; j++) buf[j] = (uint8_t)(i * 31 + j * 7 + round);
      uint32_t h = fnv1a(buf, 16);
      uint64_t m = fmix64(h ^ ((uint64_t)round << 32));
      acc = xxmix(acc, m);
      uint32_t slot = (uint32_t)m & (TABLE - 1);
      while (keys[slot] != 0 && keys[slot] != m) slot = (slot + 1) & (TABLE - 1);
      if (keys[slot] == m) found++;
      else if (inserted < TABLE / 2) { keys[slot] = m; vals[slot] = h; inserted++; }
    }
  }
  uint64_t sum = 0;
  for (int i = 0; i < TABLE; i++) sum += vals[i] * (uint64_t)(i + 1);
  printf("acc=%016llx inserted=%u found=%u sum=%llu\n", (unsigned long long)acc, inserted, found,
         (unsigned long long)sum);
  return 0;
}
